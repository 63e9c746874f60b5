# Long conditions. koordinator's teller holds 1,000 tests (the limit), all the same: it
# counts as before. samtykke's holds 200,000: refused where the limit is passed. Such a
# chain once nested one level per 'and', and overflowed the stack when it was bound,
# evaluated or freed. mal_definert's compares with a text of 70,000 characters, too long
# for PCRE2: refused at the text (it once ended the run with exit 2 and no position).
set -eu
rm -rf ind
cp -r "$TOP/indicators" ind
awk 'BEGIN { printf "teller         = koordinator = ja"
	for (i = 1; i < 1000; i++) printf " and koordinator = ja"
	print "" }' >ind/teller.txt
sed -i '/^teller /d' ind/koordinator.ind
cat ind/teller.txt >>ind/koordinator.ind
awk 'BEGIN { printf "teller         = samtykke = ja"
	for (i = 1; i < 200000; i++) printf " or samtykke = ja"
	print "" }' >ind/teller.txt
sed -i '/^teller /d' ind/samtykke.ind
cat ind/teller.txt >>ind/samtykke.ind
awk 'BEGIN { printf "teller         = tjenesteomrade = \""
	for (i = 0; i < 70000; i++) printf "x"
	print "\"" }' >ind/teller.txt
sed -i '/^teller /d' ind/mal_definert.ind
cat ind/teller.txt >>ind/mal_definert.ind
rm ind/teller.txt
