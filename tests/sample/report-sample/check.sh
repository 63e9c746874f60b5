#!/bin/sh
# Every municipal report of the shipped sample-data/, in bokmål and nynorsk, through the
# same checks as the hand-made cases (tests/report/kommune-basic/check-kommune.sh: qpdf,
# embedded fonts, the figures of indikatorer.csv in the text, no plan id, no blank page
# or ink outside the margins, under 128 KB, the same bytes twice), without a model dump:
# the sample may change with tools/gendata.c.
set -u
fail=0
NO_DUMP=1 sh "$TOP/tests/report/kommune-basic/check-kommune.sh" || fail=1
NO_DUMP=1 sh "$TOP/tests/report/kommune-basic/check-kommune.sh" --lang nn || fail=1
exit $fail
