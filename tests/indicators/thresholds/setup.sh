# A copy of the shipped indicators/ with changed thresholds and min_n: the levels and the
# suppression must follow the files, with no rebuild. min_n goes to 3 in every plan
# indicator (they are hidden together: a place hidden in one is hidden in all).
set -eu
rm -rf ind
cp -r "$TOP/indicators" ind
sed -i 's/^god            = 80$/god            = 60/; s/^middels        = 50$/middels        = 40/; s/^min_n          = 5$/min_n          = 3/' ind/plan_oppdatert.ind
sed -i 's/^min_n          = 5$/min_n          = 3/' ind/brukermedvirkning.ind ind/dekning.ind ind/koordinator.ind ind/mal_definert.ind ind/samtykke.ind
sed -i 's/^god            = 10$/god            = 0.3/; s/^middels        = 5$/middels        = 0.25/' ind/dekning.ind
grep -q '^god            = 60$' ind/plan_oppdatert.ind
grep -q '^god            = 0.3$' ind/dekning.ind
