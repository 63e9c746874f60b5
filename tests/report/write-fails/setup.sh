# The data of tests/report/kommune-basic (copied, not committed twice).
set -eu
rm -f ./*.csv
cp ../kommune-basic/*.csv .
