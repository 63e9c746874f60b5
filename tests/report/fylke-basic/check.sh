#!/bin/sh
# The real PDF path of the county reports (and the action-plan report of the same data):
# valid PDF, only embedded fonts, every municipality of a county named in its report with
# its figures exactly as indikatorer.csv has them, never a plan id, no blank page and no
# ink outside the margins, the same bytes on a second run, in bokmål and nynorsk, and the
# county's figures as PNG and SVG with --figures.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "check.sh: $*"; exit 1; }
. "$TOP/tests/tools/binrun.sh"

# The report model: the county and action-plan part of `--dump` equals expected.dump (the
# municipal reports are left out, so that they can change freely). To accept a new
# model: REGEN=1 BIN=... TOP=... sh check.sh
bin_same "$tmp/dump" report --data . --out out --dump || fail "the --dump run"
awk '/^== /{ p = ($0 ~ /\/fylke\/|\/handlingsplan\.pdf$/) } p' "$tmp/dump" >"$tmp/model"
if [ "${REGEN:-0}" = 1 ]; then
	cp "$tmp/model" expected.dump
elif ! diff -u expected.dump "$tmp/model" >"$tmp/diff"; then
	head -60 "$tmp/diff"
	fail "the report model (--dump) differs from expected.dump"
fi


bin_same /dev/null report --data . --out "$tmp/a" --figures || fail "report failed"
bin_same /dev/null report --data . --out "$tmp/b" || fail "second run failed"
bin_same /dev/null report --data . --out "$tmp/nn" --lang nn || fail "nynorsk run failed"
y=$tmp/a/2024
csv=$y/indikatorer.csv
[ -f "$csv" ] || fail "no indikatorer.csv"

# Every PDF of this kind: sound, embedded fonts, deterministic, no plan id, clean pages.
check_pdf() {
	f=$1 twin=$2
	qpdf --check "$f" >/dev/null 2>&1 || fail "qpdf --check: $f"
	pdffonts "$f" 2>/dev/null | awk 'NR > 2 && $(NF - 4) != "yes" { bad = 1; print }
	    END { exit bad }' || fail "a font is not embedded: $f"
	cmp -s "$f" "$twin" || fail "not the same bytes on a second run: $f"
	pdftotext "$f" "$tmp/text" 2>/dev/null
	! grep -q 'IP-20[0-9][0-9]-' "$tmp/text" || fail "a plan id in $f"
	rm -f "$tmp"/page-*.pgm
	pdftoppm -gray -r 50 "$f" "$tmp/page" 2>/dev/null
	python3 "$TOP/tests/tools/pagecheck.py" "$tmp"/page-*.pgm >"$tmp/pages" ||
	    { cat "$tmp/pages"; fail "page check: $f"; }
}

for f in "$y"/fylke/*.pdf "$y"/handlingsplan.pdf; do
	check_pdf "$f" "$tmp/b/2024/${f#"$y"/}"
done
for f in "$tmp"/nn/2024/fylke/*.pdf "$tmp"/nn/2024/handlingsplan.pdf; do
	qpdf --check "$f" >/dev/null 2>&1 || fail "qpdf --check: $f"
done
[ -f "$y/fylke/15-Møre og Romsdal.pdf" ] && [ -f "$y/fylke/46-Vestland.pdf" ] ||
    fail "a county report is missing"

# Each county report names every municipality of its county in the register, and shows
# the published figures of the county, its municipalities and the country as
# indikatorer.csv has them (the barometer prints them without unit).
sed '1s/^\xef\xbb\xbf//' kommuner.csv | tail -n +2 | while IFS=';' read -r nr navn fnr fnavn _; do
	f=$(ls "$y"/fylke/"$fnr"-*.pdf)
	pdftotext "$f" "$tmp/t.txt" 2>/dev/null
	grep -qF "$navn" "$tmp/t.txt" || fail "$navn is not named in $f"
	awk -F';' -v k="$nr" -v f="$fnr" '$1 == 2024 && ($3 == k || $3 == f || $3 == "00") &&
	    $9 == 0 && $8 != "" && $5 != "internkontroll" { print $8 }' "$csv" |
	while read -r v; do
		grep -qF "$v" "$tmp/t.txt" || fail "figure $v of $nr/$fnr not in $f"
	done
	pdftotext "$tmp/nn/2024/fylke/$(basename "$f")" "$tmp/n.txt" 2>/dev/null
	grep -qF "$navn" "$tmp/n.txt" || fail "$navn is not named in the nynorsk $f"
done

# "Vet ikke" is a class of its own wherever Sande's "Ikke avklart" goes: the barometer,
# the answers of the county, the table of municipalities without internal control, the
# published counts of answers (tilleggstall.csv), in bokmål and nynorsk.
sed 's/\xc2\xa0/ /g' "$tmp/model" >"$tmp/m.txt"
for want in 'row  "Sande" |' '"Vet ikke ?"[grey]' 'series 4: Vet ikke (unsure)' \
    'Møre og Romsdal: 1 1 1 1 0' 'row  "Sande" | "Ikke avklart" | "Vet ikke"[grey]' \
    'vet ikke 1, ikke svart 0.'; do
	grep -qF "$want" "$tmp/m.txt" || fail "not in the county report model: $want"
done
grep -q '^2024;kommune;1514;Sande;internkontroll_svar;vet_ikke;1;0$' "$y/tilleggstall.csv" &&
    grep -q '^2024;fylke;15;Møre og Romsdal;internkontroll_svar;vet_ikke;1;0$' \
    "$y/tilleggstall.csv" || fail "tilleggstall.csv has no vet_ikke count for Sande"
pdftotext "$tmp/nn/2024/fylke/15-Møre og Romsdal.pdf" "$tmp/n.txt" 2>/dev/null
grep -q 'Veit ikkje' "$tmp/n.txt" || fail "no 'Veit ikkje' in the nynorsk county report"

# A hidden figure shows as ":" and its value nowhere: Vanylven has 3 active plans.
pdftotext -layout "$y/fylke/15-Møre og Romsdal.pdf" "$tmp/l.txt" 2>/dev/null
grep -q '^ *Vanylven  *: ' "$tmp/l.txt" || fail "Vanylven's hidden figures are not ':'"

# The figures of the county report for slides.
for name in plan_oppdatert-rangering dekning-rangering internkontroll-fordeling \
    plan_oppdatert-utvikling; do
	for ext in png svg; do
		[ -s "$y/figurer/15-Møre og Romsdal-$name.$ext" ] || fail "no figure $name.$ext"
	done
done
[ -s "$y/figurer/handlingsplan-status-per-kommune.svg" ] || fail "no status figure"
exit 0
