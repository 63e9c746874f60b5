# indicators/ as shipped, with a funn.txt that has an unknown reason, a reason twice in a
# list, a number of areas out of range, a level and an answer class that do not exist, a
# key given twice and an unknown key, and lacks lovkrav.svar (made from the current
# files).
set -eu
rm -rf ind
cp -r "$TOP/indicators" ind
cat >ind/funn.txt <<'END'
# broken on purpose
utviklingsomrader      = lovkrav nedgang motsigelse forfalt lav nedgang
utviklingsomrader.maks = 0
oppfolging             = lovkrav ikke_svart
oppfolging             = lovkrav
lovkrav.nivaer         = middels dårlig
maks                   = 5
END
