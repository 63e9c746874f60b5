# indicators/ as shipped, with a statsforvaltere.csv that has an office without a name, a
# county number of one digit, a word where a number belongs, a county in two offices, a
# row without ';' and an office without counties (made from the current files). Every
# problem is said with its line and column, and then no office report is written.
set -eu
rm -rf ind
cp -r "$TOP/indicators" ind
cat >ind/statsforvaltere.csv <<'END'
# broken on purpose
embete;fylker
Møre og Romsdal;15
;46
Vestland;4 46
Trøndelag;femti
Nordland;18 15
Rogaland 11
Agder;
END
