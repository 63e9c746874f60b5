#!/bin/sh
# The real PDF path of the action-plan report: a sound PDF with embedded fonts, every
# municipality with measures named, the deadlines as read from `tid`, never a plan id, no
# blank page and no ink outside the margins, the same bytes on a second run, in bokmål and
# nynorsk, and the status chart as PNG and SVG with --figures.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "check.sh: $*"; exit 1; }
. "$TOP/tests/tools/binrun.sh"

# The report model: the action-plan part of `--dump` equals expected.dump (the
# municipal reports are left out, so that they can change freely). To accept a new
# model: REGEN=1 BIN=... TOP=... sh check.sh
bin_same "$tmp/dump" report --data . --out out --dump || fail "the --dump run"
awk '/^== /{ p = ($0 ~ /\/handlingsplan\.pdf$/) } p' "$tmp/dump" >"$tmp/model"
if [ "${REGEN:-0}" = 1 ]; then
	cp "$tmp/model" expected.dump
elif ! diff -u expected.dump "$tmp/model" >"$tmp/diff"; then
	head -60 "$tmp/diff"
	fail "the report model (--dump) differs from expected.dump"
fi


bin_same /dev/null report --data . --out "$tmp/a" --figures || fail "report failed"
bin_same /dev/null report --data . --out "$tmp/b" || fail "second run failed"
bin_same /dev/null report --data . --out "$tmp/nn" --lang nn || fail "nynorsk run failed"
f=$tmp/a/2024/handlingsplan.pdf
for p in "$f" "$tmp/nn/2024/handlingsplan.pdf"; do
	qpdf --check "$p" >/dev/null 2>&1 || fail "qpdf --check: $p"
	pdffonts "$p" 2>/dev/null | awk 'NR > 2 && $(NF - 4) != "yes" { bad = 1 }
	    END { exit bad }' || fail "a font is not embedded: $p"
	rm -f "$tmp"/page-*.pgm
	pdftoppm -gray -r 50 "$p" "$tmp/page" 2>/dev/null
	python3 "$TOP/tests/tools/pagecheck.py" "$tmp"/page-*.pgm >"$tmp/pages" ||
	    { cat "$tmp/pages"; fail "page check: $p"; }
done
cmp -s "$f" "$tmp/b/2024/handlingsplan.pdf" || fail "not the same bytes on a second run"
# The text with line breaks as spaces: cells wrap.
pdftotext "$f" - 2>/dev/null | tr -s '\n ' '  ' >"$tmp/t.txt"
pdftotext "$tmp/nn/2024/handlingsplan.pdf" - 2>/dev/null | tr -s '\n ' '  ' >"$tmp/n.txt"
! grep -q 'IP-20[0-9][0-9]-' "$tmp/t.txt" || fail "a plan id in the report"
tail -n +2 handlingsplan.csv | cut -d';' -f1 | sort -u | while read -r nr; do
	navn=$(grep "^$nr;" kommuner.csv | cut -d';' -f2)
	grep -qF "$navn" "$tmp/t.txt" || fail "$navn is not named in the report"
	grep -qF "$navn" "$tmp/n.txt" || fail "$navn is not named in the nynorsk report"
done
# Deadlines read from tid (periods to their last day: "Våren 2024", "Haust 2024"),
# recurring ones (the last 1 May before R), and nothing guessed ("Snarest").
for s in "15. juni 2024" "30. november 2012" "1. mars 2025" "31. mai 2024" \
    "30. november 2024" "1. mai 2024" "Gjentakende" "Ingen frist med dato" \
    "Under planlegging"; do
	grep -qF "$s" "$tmp/t.txt" || fail "'$s' is not in the report"
done
for s in "Gjentakande" "Ingen frist med dato" "Ikkje starta"; do
	grep -qF "$s" "$tmp/n.txt" || fail "'$s' is not in the nynorsk report"
done
for ext in png svg; do
	[ -s "$tmp/a/2024/figurer/handlingsplan-status-per-kommune.$ext" ] ||
	    fail "no status-per-kommune.$ext"
done
exit 0
