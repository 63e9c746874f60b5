#!/bin/sh
# Beyond the one-run model (docs/computation.md "Against whom" speaks of one run): the
# report is issued, then re-issued after one answer in Ålesund is corrected (plan
# IP-2024-0033, koordinator ja -> nei). Every count stays the same, but the key of the
# partner draw is made from the input, so the partners change (Herøy in the first issue,
# Ørsta in the second), and each issue publishes the partner the other hid. Together they
# give the sum of the three small municipalities (9), so each of Sande, Smøla and Fjord
# has 1 to 4 plans: four values, not min_n. combine.py finds it; this case fails until a
# re-issue keeps the choice (or the docs say a correction must not be re-issued).
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
