#!/bin/sh
# standalone.sh WORK BIN: the repository stands on its own. Run by tests/check.sh from the
# top of the tree, with WORK a folder holding only WORK/ipkval, a copy of the tree made by
# tests/tools/clone.sh (the regression cases have run in it), and BIN the tree's ASan build.
#   1. No file of the tree refers to what is not in it: a folder beside it (../shared), a
#      path of the machine it was written on, or a document kept outside the repository
#      (a specification, PDF notes, style notes); every relative link in the Markdown
#      files reaches a file of the tree.
#   2. The copy builds and installs (make install DESTDIR=... PREFIX=/usr/local), and its
#      generator makes sample-data/ again, byte for byte, from reference/ alone. The fonts
#      it cuts are byte for byte the tree's, cut earlier (no time stamp: the same reports
#      from every build).
#   3. With the copy moved away, the installed program renders the installed sample
#      (share/doc/ipkval/examples): exit 0, the same messages as tests/sample/report-sample
#      expects, every report passing qpdf --check, and `indicators` printing exactly what
#      the tree's own program prints for sample-data/. With its data folder moved away
#      as well it stops with exit 2 and says where it looked; IPKVAL_DATADIR finds it.
#   4. The installed manual pages pass `mandoc -Tlint` (only its notes that an .Xr to
#      ipkval's own pages was not found are let through: Debian's mandoc looks for them in
#      /usr/share/man alone).
#   5. make uninstall, from the moved copy, leaves no file under DESTDIR.
# Prints what failed; exits 0 when all holds.
set -u
work=$1 bin=$2
top=$(pwd)
fail=0
say() { echo "standalone: $*"; fail=1; }
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT

# 1. References to what is not in the tree (this file names them, so it is left out).
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	git ls-files -z --cached --others --exclude-standard
else
	find . \( -path './build*' -o -path ./out -o -path ./.git \) -prune -o -type f -print0 |
		sed -z 's|^\./||'
fi | grep -zv '^tests/tools/standalone\.sh$' >"$t/files"
xargs -0 grep -nIE '\.\./(shared|background)|/work/|\bSPEC\b|SPEC\.md|PDF-FACTS|STYLE\.md' \
    <"$t/files" >"$t/refs" 2>/dev/null
[ ! -s "$t/refs" ] || { say "references to files outside the repository:"; cat "$t/refs"; }
tr '\0' '\n' <"$t/files" | grep '\.md$' | while read -r md; do
	grep -o '\](\([^)]*\))' "$md" | sed 's/^](//; s/)$//; s/#.*//' |
		grep -v -E '^([a-z]+:|$)' | while read -r link; do
			[ -e "$(dirname "$md")/$link" ] || echo "$md: a link to $link, which is not there"
		done
done >"$t/links"
[ ! -s "$t/links" ] || { say "broken links:"; cat "$t/links"; }

# 2. The copy builds, installs, and makes the sample from its own reference/.
copy=$work/ipkval stage=$work/stage
if ! make -s -C "$copy" -j2 install build/gendata DESTDIR="$stage" PREFIX=/usr/local \
    >"$t/make" 2>&1; then
	say "make install in a copy of the tree failed:"
	tail -30 "$t/make"
	exit 1
fi
(cd "$copy" && ./build/gendata --out "$t/gen") >"$t/gen.log" 2>&1 ||
	{ say "gendata in the copy failed:"; cat "$t/gen.log"; }
diff -r "$t/gen" "$copy/sample-data" >/dev/null ||
	say "the copy's gendata does not make its sample-data/ from reference/"
for f in "$top"/build/fonts/*.ttf; do
	cmp -s "$f" "$copy/build/fonts/${f##*/}" ||
		say "the font ${f##*/} cut in the copy differs from the tree's"
done

# 3. The checkout moved away; the installed program on the installed sample.
mv "$copy" "$work/moved" || exit 1
inst=$stage/usr/local/bin/ipkval ex=$stage/usr/local/share/doc/ipkval/examples
(cd "$t" && "$inst" report --data "$ex" --out out --jobs 2 >"$t/out.txt" 2>"$t/err")
echo "exit: $?" >>"$t/err"
sed "s|^$ex/||" "$t/err" | diff -u "$top/tests/sample/report-sample/expected.lint" - ||
	say "the installed program, with the tree moved away, said the above"
n=0
for pdf in "$t"/out/2024/kommune/*.pdf "$t"/out/2024/fylke/*.pdf \
    "$t"/out/2024/statsforvalter/*.pdf "$t"/out/2024/*.pdf; do
	[ -f "$pdf" ] || continue
	n=$((n + 1))
	qpdf --check "$pdf" >/dev/null 2>&1 || say "${pdf#"$t"/}: qpdf --check fails"
done
[ "$n" = 56 ] || say "the installed program wrote $n reports, expected 56"
"$inst" indicators --data "$ex" >"$t/inst.csv" 2>"$t/inst.err" || say "installed indicators failed"
"$bin" indicators --data "$top/sample-data" >"$t/tree.csv" 2>"$t/tree.err" ||
	say "indicators of the tree failed"
cmp -s "$t/inst.csv" "$t/tree.csv" ||
	say "the installed program's indikatorer.csv differs from the tree's"
if grep -E 'Sanitizer|runtime error' "$t/tree.err"; then say "a sanitizer spoke"; fi

# Its data folder moved away too: it says so and stops, unless IPKVAL_DATADIR names it.
mv "$stage/usr/local/share/ipkval" "$work/data" || exit 1
"$inst" check --data "$ex" >/dev/null 2>"$t/err" && status=0 || status=$?
[ $status = 2 ] && grep -q '^ipkval: error: cannot find the data folder' "$t/err" &&
    [ "$(wc -l <"$t/err")" = 1 ] ||
	{ say "without its data folder the installed program said (exit $status):"; cat "$t/err"; }
IPKVAL_DATADIR=$work/data "$inst" indicators --data "$ex" >"$t/env.csv" 2>/dev/null ||
	say "with IPKVAL_DATADIR the installed program failed"
cmp -s "$t/env.csv" "$t/tree.csv" || say "with IPKVAL_DATADIR, another indikatorer.csv"
mv "$work/data" "$stage/usr/local/share/ipkval" || exit 1

# 4. The manual.
for page in "$stage"/usr/local/share/man/man1/ipkval.1 \
    "$stage"/usr/local/share/man/man5/ipkval-indicators.5 \
    "$stage"/usr/local/share/man/man5/ipkval-templates.5; do
	[ -f "$page" ] || { say "${page#"$stage"} was not installed"; continue; }
	mandoc -Tlint "$page" 2>&1 |
		grep -v 'STYLE: referenced manual not found: Xr ipkval\(-indicators\|-templates\)\? [15]' \
		>"$t/lint"
	[ ! -s "$t/lint" ] || { say "mandoc -Tlint:"; cat "$t/lint"; }
done

# 5. Uninstall.
make -s -C "$work/moved" uninstall DESTDIR="$stage" PREFIX=/usr/local >"$t/make" 2>&1 ||
	{ say "make uninstall failed:"; tail -20 "$t/make"; }
find "$stage" -type f >"$t/left"
[ ! -s "$t/left" ] || { say "make uninstall left files:"; cat "$t/left"; }
exit $fail
