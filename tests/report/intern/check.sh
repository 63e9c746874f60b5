#!/bin/sh
# The internal version: marking, file name, and no other output changes (README).
set -u
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
fail=0
say() { echo "check.sh: $*"; fail=1; }
"$BIN" report --data . --out "$t/plain" >/dev/null 2>&1 || say "the plain run failed"
"$BIN" report --data . --out "$t/int" --internal 1506 >/dev/null 2>"$t/err" ||
	say "the run with --internal failed"
f="$t/int/2024/kommune/1506-Molde-intern.pdf"
[ -f "$f" ] || { say "no $f"; exit 1; }
ls -R "$t/plain" | grep -q intern && say "a plain run wrote an internal version"
[ "$(find "$t/int" -name '*intern*' | wc -l)" = 1 ] || say "more than one internal file"
# Every other file the same bytes.
(cd "$t/plain" && find . -type f | sort) >"$t/plain.list"
(cd "$t/int" && find . -type f ! -name '*-intern.pdf' | sort) >"$t/int.list"
cmp -s "$t/plain.list" "$t/int.list" || say "the runs wrote different files"
while read -r p; do
	cmp -s "$t/plain/$p" "$t/int/$p" || say "$p differs with --internal"
done <"$t/plain.list"
# The marking on every page, in nb and in nn.
marked() {	# file words
	n=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')
	i=1
	while [ "$i" -le "$n" ]; do
		pdftotext -f "$i" -l "$i" "$1" - | tr '\n' ' ' | sed 's/\xc2\xa0/ /g' |
		    grep -qF "$2" || say "page $i of $1 is not marked '$2'"
		i=$((i + 1))
	done
}
marked "$f" "Unntatt offentlighet, offl. § 13 jf. fvl. § 13 første ledd nr. 1"
pdfinfo "$f" | grep -q '^Subject: *Unntatt offentlighet, offl. § 13' || say "Subject not marked"
pdfinfo "$f" | grep -q '^Keywords: *Unntatt offentlighet' || say "Keywords not marked"
grep -q 'internal version for Molde.*exempt from public access' "$t/err" ||
	say "stderr does not say what was written"
pdftotext "$f" - | tr '\n' ' ' | grep -q 'Om den interne versjonen' || say "no appendix section"
# Molde's own figures: hidden in public, shown in the internal version.
"$BIN" report --data . --out "$t/d1" --dump 2>/dev/null | sed 's/\xc2\xa0/ /g' >"$t/dump"
"$BIN" report --data . --out "$t/d2" --dump --internal 1506 2>/dev/null |
    sed 's/\xc2\xa0/ /g' >"$t/dumpi"
awk '/^== /{ p = ($0 ~ /1506-Molde.pdf/) } p' "$t/dump" >"$t/pub"
awk '/^== /{ p = ($0 ~ /1506-Molde-intern.pdf/) } p' "$t/dumpi" >"$t/intern"
grep -q 'row  "Planer oppdatert" | ":"' "$t/pub" || say "Molde is not hidden in public"
grep -q 'row  "Planer oppdatert" | "[0-9]' "$t/intern" ||
	say "Molde's own figure is not shown in the internal version"
grep -qF 'row* "I alt" | "3"' "$t/intern" || say "the internal service areas lack Molde's 3 plans"
"$BIN" report --data . --out "$t/nn" --lang nn --only kommune --internal 1506 >/dev/null 2>&1
marked "$t/nn/2024/kommune/1506-Molde-intern.pdf" \
    "Unnateke offentlegheit, offl. § 13 jf. fvl. § 13 første ledd nr. 1"
# Refused: unknown number, a number that is not four digits; nothing written.
"$BIN" report --data . --out "$t/bad" --internal 9999 >/dev/null 2>"$t/e1"
[ $? = 2 ] && [ ! -e "$t/bad/2024/indikatorer.csv" ] && grep -q "found '9999'" "$t/e1" ||
	say "an unknown --internal number is not refused"
"$BIN" report --data . --out "$t/bad2" --internal 15x6 >/dev/null 2>"$t/e2"
[ $? = 2 ] && [ ! -e "$t/bad2" ] || say "a badly written --internal number is not refused"
exit $fail
