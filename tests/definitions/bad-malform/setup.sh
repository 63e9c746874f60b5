# indicators/ as shipped, with a malform.txt that has a class other than nb or nn and a
# pattern that does not compile (made from the current files, so it never goes stale).
set -eu
rm -rf ind
cp -r "$TOP/indicators" ind
printf '# broken on purpose\nnx = \\b(ikkje)\\b\nnn = \\b(ikkje\n' >ind/malform.txt
