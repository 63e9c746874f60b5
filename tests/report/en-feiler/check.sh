set -eu
test -d out/2024/kommune/1506-Molde.pdf
n=$(ls out/2024/kommune/*.pdf | grep -vc 1506-Molde)
test "$n" -ge 3 || { echo "only $n other reports written"; exit 1; }
test -f out/2024/indikatorer.csv
if find out -name '*.tmp*' | grep -q .; then echo "temporary files left:"; find out -name '*.tmp*'; exit 1; fi
for f in out/2024/kommune/*.pdf out/2024/fylke/*.pdf; do
	[ -d "$f" ] && continue
	qpdf --check "$f" >/dev/null
done
