#!/bin/sh
# A register name with characters the report font lacks ("Stranda 東京"): the PDFs, their
# charts and, with --figures, the PNG and SVG figures print each as "?" (never a gap, never
# the raw character), and every file says so once per character, naming itself
# (expected.lint: the PDFs and every figure that shows the name).
set -eu
fail() { echo "check.sh: $*"; exit 1; }
. "$TOP/tests/tools/binrun.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
BIN_ERR=$tmp/err bin_same /dev/null report --data . --out "$tmp/out" --figures --jobs 1 ||
	fail "report failed"
y=$tmp/out/2024
fig=$y/figurer
# Every figure of Stranda and of the county's rankings (which name it) warns about both
# characters, once each; Sykkylven's figures do not show the name and say nothing.
n=0
for f in "$fig"/1525-* "$fig"/15-*-rangering.*; do
	[ -f "$f" ] || fail "no figures of Stranda or of the county's rankings"
	for cp in 6771 4EAC; do
		c=$(grep -cF "$f: warning: the report font has no character U+$cp " "$tmp/err" ||
		    true)
		[ "$c" = 1 ] || fail "$c warnings about U+$cp for ${f#$tmp/}"
	done
	n=$((n + 1))
done
[ "$n" -ge 10 ] || fail "only $n figures name Stranda"
! grep -F "$fig/1528-" "$tmp/err" || fail "a figure of Sykkylven warns"
# The SVG text says "?" where the PDF does, and never holds the raw character.
svg=$(ls "$fig"/1525-*-dekning-sammenligning.svg)
grep -qF '>Stranda ??</text>' "$svg" || fail "the SVG does not print Stranda ??"
! grep -l '東' "$fig"/*.svg || fail "an SVG holds a character the font lacks"
# The charts in the PDFs too: the comparison chart's row "Stranda ??  1,3", the
# county's ranking row "Stranda ??" followed by its figure.
pdftotext -layout "$(ls "$y"/kommune/1525-*.pdf)" "$tmp/k.txt" 2>/dev/null
grep -Eq '^ +Stranda \?\? +1,3$' "$tmp/k.txt" || fail "the PDF's coverage chart lacks Stranda ??"
pdftotext -layout "$(ls "$y"/fylke/15-*.pdf)" "$tmp/f.txt" 2>/dev/null
grep -Eq '^ +Stranda \?\? +[0-9]+,[0-9]$' "$tmp/f.txt" || fail "a ranking chart lacks Stranda ??"
! grep -q '東' "$tmp/k.txt" "$tmp/f.txt" || fail "a PDF holds a character the font lacks"
exit 0
