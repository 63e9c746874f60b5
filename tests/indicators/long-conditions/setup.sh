# Conditions of many tests. koordinator's teller holds 10,000 (the limit), all the same
# test: it counts as before. samtykke's holds 200,000: refused where the limit is passed.
# Such a chain once nested one level per 'and', and overflowed the stack when it was
# bound, evaluated or freed.
set -eu
rm -rf ind
cp -r "$TOP/indicators" ind
awk 'BEGIN { printf "teller         = koordinator = ja"
	for (i = 1; i < 10000; i++) printf " and koordinator = ja"
	print "" }' >ind/teller.txt
sed -i '/^teller /d' ind/koordinator.ind
cat ind/teller.txt >>ind/koordinator.ind
awk 'BEGIN { printf "teller         = samtykke = ja"
	for (i = 1; i < 200000; i++) printf " or samtykke = ja"
	print "" }' >ind/teller.txt
sed -i '/^teller /d' ind/samtykke.ind
cat ind/teller.txt >>ind/samtykke.ind
rm ind/teller.txt
