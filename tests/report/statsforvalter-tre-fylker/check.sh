#!/bin/sh
# The county governor's office report (issue 11, point 3) for an office of three
# counties: the shipped indicators/statsforvaltere.csv makes Østfold (31), Akershus (32)
# and Buskerud (33) one office (Oslo, 03, is not in this register, so it is left out),
# and Møre og Romsdal (15) an office of its own. The data are made so that every rule
# shows: Halden falls beyond chance (plans updated 27 of 30 -> 9 of 30) and has legal
# duties at middels and lav; Moss changes within chance and has no follow-up item; Bærum
# did not answer the survey; Asker has no action plan; Drammen has overdue measures;
# Ringerike has 3 plans (hidden, so never a finding from them). Halden's answers hold
# every class (established, in progress, not established, don't know, and an empty
# answer), and its I4 answer has markup characters that must stay as written.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "check.sh: $*"; exit 1; }
. "$TOP/tests/tools/binrun.sh"

office='31-32-33-Østfold, Buskerud, Oslo og Akershus'

# The report models (--dump) of the office reports in bokmål and nynorsk equal
# expected.dump and expected-nn.dump. To accept new models:
# REGEN=1 BIN=... TOP=... sh check.sh
bin_same "$tmp/dump" report --data . --out out --dump || fail "the --dump run"
bin_same "$tmp/dump-nn" report --data . --out out --dump --lang nn || fail "the nn --dump run"
for l in nb nn; do
	f=$tmp/dump; [ $l = nn ] && f=$tmp/dump-nn
	awk '/^== /{ p = ($0 ~ /\/statsforvalter\//) } p' "$f" | sed 's/\xc2\xa0/ /g' >"$tmp/model-$l"
done
if [ "${REGEN:-0}" = 1 ]; then
	cp "$tmp/model-nb" expected.dump
	cp "$tmp/model-nn" expected-nn.dump
else
	diff -u expected.dump "$tmp/model-nb" >"$tmp/diff" ||
	    { head -60 "$tmp/diff"; fail "the office report model differs from expected.dump"; }
	diff -u expected-nn.dump "$tmp/model-nn" >"$tmp/diff" ||
	    { head -60 "$tmp/diff"; fail "the nynorsk model differs from expected-nn.dump"; }
fi
m=$tmp/model-nb n=$tmp/model-nn

has() { grep -qF -- "$2" "$1" || fail "not in the $(basename "$1") model: $2"; }
hasnt() { ! grep -qF -- "$2" "$1" || fail "in the $(basename "$1") model: $2"; }

# One report per office; the office of three counties has a part for each county.
has "$m" "== out/2024/statsforvalter/$office.pdf"
has "$m" '== out/2024/statsforvalter/15-Møre og Romsdal.pdf'
for f in Østfold Akershus Buskerud; do
	has "$m" "Sammendrag: $f\""
	has "$m" "Barometer: $f\""
done
has "$m" 'fører tilsyn med kommunene i Østfold, Akershus og Buskerud'
# The issuer from the template, in each language.
has "$m" 'author "Statsforvalteren i Østfold, Buskerud, Oslo og Akershus"'
has "$n" 'author "Statsforvaltaren i Østfold, Buskerud, Oslo og Akershus"'
has "$m" 'author "Statsforvalteren i Møre og Romsdal"'

# The matrix: Halden's row holds every class, Bærum (no answer) only "–".
has "$m" 'row  "Halden" | "Ja ●"[good] | "Delvis ◆"[middle] | "Nei ○"[low] | "Vet ikke"[grey] | "–" |'
has "$n" 'row  "Halden" | "Ja ●"[good] | "Delvis ◆"[middle] | "Nei ○"[low] | "Veit ikkje"[grey] | "–" |'
has "$m" 'row  "Bærum" | "–" | "–" | "–" | "–" | "–" | "–" | "–" | "–" | "–" | "–" | "–" | "–" | "–"'
# The challenges as written, attributed, markup left as it is.
has "$m" 'quote "Fastlegen kommer sjelden; *planen* blir liggende.\nVi mangler rutiner." -- "Halden, kartleggingen 2024"'

# The follow-up list: each reason with the figure behind it.
has "$m" 'row  "Halden" | "Lovkrav: Koordinator oppnevnt" | "50,0 % (15 av 30), nivå middels; god fra 80,0 %"'
has "$m" 'row  "Halden" | "Nedgang: Planer oppdatert" | "30,0 % (9 av 30) i 2024 mot 90,0 % (27 av 30) i 2023"'
has "$m" 'row  "Bærum" | "Ikke svart på kartleggingen" | "Ingen svar i kartleggingen for 2024"'
has "$m" 'row  "Asker" | "Ingen handlingsplan" | "Ingen tiltak i handlingsplanen for 2024"'
has "$m" 'row  "Drammen" | "Tiltak over fristen" | "2 av 2 tiltak; eldste frist 1. mars 2024"'
has "$m" 'row  "Asker" | "Lovkrav: Internkontroll" | "Svar i kartleggingen 2024: «Vet ikke» («vet ikke»)"'
has "$m" 'paragraph "Uten saker på listen for 2024: Moss."'
# Ringerike's figures are hidden: nothing but its survey answer speaks of it.
hasnt "$m" 'row  "Ringerike" | "Lovkrav: Brukermedvirkning"'
hasnt "$m" 'row  "Ringerike" | "Nedgang'

# The change since last year: a fall beyond chance is said, a change within chance is not.
has "$m" 'row  "Halden" | "Ned 60,0"[low] | "Ingen sikker endring" | "Ned 26,7"[low]'
has "$m" 'row  "Moss" | "Ingen sikker endring" | "Ingen sikker endring"'
has "$m" 'row  "Ringerike" | ":"[grey] | ":"[grey]'
has "$n" 'row  "Halden" | "Ned 60,0"[low] | "Inga sikker endring"'

# The letter paragraph, in bokmål and nynorsk: the figures and what they are compared
# with, never that the municipality breaks the law.
has "$m" 'Planer oppdatert: tallet har gått ned fra 90,0 % (27 av 30) i 2023 til 30,0 % (9 av 30) i 2024, mer enn tilfeldigheter kan forklare.'
has "$m" 'Koordinator oppnevnt: tallene viser 50,0 % (15 av 30). Det er nivået middels, under nivået god (fra 80,0 %)'
has "$m" 'paragraph plain "Tallene og svarene Moss kommune har levert for 2024, gir ingen saker på oppfølgingslisten."'
has "$m" 'Handlingsplanen: 2 av kommunens 2 tiltak hadde frist før 31. desember 2024 uten å være gjennomført; den eldste fristen var 1. mars 2024.'
has "$m" 'Kommunen har ikke svart på kartleggingen for 2024.'
# Hidden figures: the sentence is true of small places and of their partners alike.
has "$m" 'Noen av tallene vises ikke av personvernhensyn (de bygger på få planer, eller kunne sammen med andre tall vise små tall); de er ikke vurdert.'
has "$n" 'Nokre av tala blir ikkje viste av omsyn til personvernet (dei byggjer på få planar, eller kunne saman med andre tal vise små tal); dei er ikkje vurderte.'
has "$n" 'Planar oppdaterte: talet har gått ned frå 90,0 % (27 av 30) i 2023 til 30,0 % (9 av 30) i 2024, meir enn tilfeldigheiter kan forklare.'
has "$n" 'paragraph plain "Tala og svara Moss kommune har levert for 2024, gir ingen saker på oppfølgingslista."'
has "$n" 'Kommunen har ikkje svart på kartlegginga for 2024.'
grep -q 'bryter loven\|bryt lova' "$m" "$n" && fail "a letter says a municipality breaks the law"

# --issuer wins over the template; --only statsforvalter writes the office reports alone.
bin_run 0 /dev/null "$tmp/err" report --data . --out "$tmp/o" --only statsforvalter \
    --issuer "Fylkeslegen" || fail "the --only statsforvalter run"
[ -z "$(find "$tmp/o/2024" -name '*.pdf' ! -path '*/statsforvalter/*')" ] ||
    fail "--only statsforvalter wrote more than the office reports"
[ "$(ls "$tmp/o/2024/statsforvalter" | wc -l)" = 2 ] || fail "not two office reports"
f="$tmp/o/2024/statsforvalter/$office.pdf"
qpdf --check "$f" >/dev/null 2>&1 || fail "qpdf --check: $f"
pdfinfo "$f" 2>/dev/null | grep -q '^Author: *Fylkeslegen$' || fail "--issuer is not the author"
pdftotext "$f" "$tmp/t.txt" 2>/dev/null
for k in Halden Moss Bærum Asker Drammen Ringerike; do
	grep -qF "$k" "$tmp/t.txt" || fail "$k is not named in the office report"
done
! grep -q 'IP-20[0-9][0-9]-' "$tmp/t.txt" || fail "a plan id in the office report"
pdftoppm -gray -r 50 "$f" "$tmp/page" 2>/dev/null
python3 "$TOP/tests/tools/pagecheck.py" "$tmp"/page-*.pgm >"$tmp/pages" ||
    { cat "$tmp/pages"; fail "page check: $f"; }
bin_run 0 /dev/null "$tmp/err" report --data . --out "$tmp/nn" --only statsforvalter \
    --lang nn || fail "the nynorsk run"
qpdf --check "$tmp/nn/2024/statsforvalter/$office.pdf" >/dev/null 2>&1 ||
    fail "qpdf --check: the nynorsk office report"
exit 0
