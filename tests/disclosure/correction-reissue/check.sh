#!/bin/sh
# A re-issue after a correction: the report is issued, then issued again after one answer
# in Ålesund is corrected (plan IP-2024-0033, koordinator ja -> nei). The key of the
# partner draw rests on the dates the plans were established, not on their answers
# (docs/computation.md, rule 3), so both issues hide the same places, and the two
# together give nothing that either alone does not: combine.py must find no breach. (With
# a key from the answers, the partners changed and the two issues gave the sum of the
# three small municipalities.)
sh "$TOP/tests/tools/attack_case.sh" || exit 1
T=$TOP/tests/tools
mkdir -p out/fixed
cp kommuner.csv planer-2024.csv out/fixed/
sed -i 's/^\(IP-2024-0033;1508;[^;]*;[^;]*;[^;]*;aktiv;\)ja;/\1nei;/' out/fixed/planer-2024.csv
cmp -s planer-2024.csv out/fixed/planer-2024.csv && { echo "the correction did not apply"; exit 1; }
"$BIN" report --data out/fixed --out out/fixed/out --only handlingsplan >/dev/null 2>&1
python3 "$T/truth.py" --data out/fixed --indicators "$TOP/indicators" --roles out/fixed/roles.csv
python3 "$T/combine.py" --indicators "$TOP/indicators" --counts-only \
    --run out/main/2024 . out/roles.csv --run out/fixed/out/2024 out/fixed out/fixed/roles.csv
