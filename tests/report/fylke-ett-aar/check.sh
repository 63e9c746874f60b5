#!/bin/sh
# A single year of plan data only (no survey, no action plans) and a county whose every
# figure is hidden: the county reports are still sound PDFs with embedded fonts, name
# every municipality, and have no blank page or ink outside the margins.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "check.sh: $*"; exit 1; }
. "$TOP/tests/tools/binrun.sh"

# The report model: the county part of `--dump` equals expected.dump (the
# municipal reports are left out, so that they can change freely). To accept a new
# model: REGEN=1 BIN=... TOP=... sh check.sh
bin_same "$tmp/dump" report --data . --out out --dump || fail "the --dump run"
awk '/^== /{ p = ($0 ~ /\/fylke\//) } p' "$tmp/dump" >"$tmp/model"
if [ "${REGEN:-0}" = 1 ]; then
	cp "$tmp/model" expected.dump
elif ! diff -u expected.dump "$tmp/model" >"$tmp/diff"; then
	head -60 "$tmp/diff"
	fail "the report model (--dump) differs from expected.dump"
fi

bin_same /dev/null report --data . --out "$tmp/a" || fail "report failed"
for f in "$tmp"/a/2024/fylke/*.pdf; do
	qpdf --check "$f" >/dev/null 2>&1 || fail "qpdf --check: $f"
	pdffonts "$f" 2>/dev/null | awk 'NR > 2 && $(NF - 4) != "yes" { bad = 1 }
	    END { exit bad }' || fail "a font is not embedded: $f"
	rm -f "$tmp"/page-*.pgm
	pdftoppm -gray -r 50 "$f" "$tmp/page" 2>/dev/null
	python3 "$TOP/tests/tools/pagecheck.py" "$tmp"/page-*.pgm >"$tmp/pages" ||
	    { cat "$tmp/pages"; fail "page check: $f"; }
done
pdftotext "$tmp/a/2024/fylke/15-Møre og Romsdal.pdf" "$tmp/t" 2>/dev/null
grep -q Kristiansund "$tmp/t" && grep -q Molde "$tmp/t" || fail "a municipality is not named"
pdftotext "$tmp/a/2024/fylke/46-Vestland.pdf" "$tmp/t" 2>/dev/null
grep -q Bergen "$tmp/t" || fail "Bergen is not named"
! grep -q 'IP-20[0-9][0-9]-' "$tmp/t" || fail "a plan id in the report"
[ ! -f "$tmp/a/2024/handlingsplan.pdf" ] || fail "an action-plan report without measures"
exit 0
