#!/bin/sh
# The municipalities' own comments placed in their reports (kommentarer.csv beside the
# data of kommune-basic, UTF-8 with a BOM and CRLF): the model with every check of
# check-kommune.sh (expected.dump), then on the PDF pages (pdftotext) in bokmål and
# nynorsk: the chapter, said to be the municipality's own words; each section under its
# heading in the report's language whatever name the file used; the text as written
# (markup characters, a doubled quote, æøå), a long text flowing over pages; none in a
# report of a municipality without comments.
set -u
fail=0
sh ../kommune-basic/check-kommune.sh || fail=1
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
want() {	# want FILE TEXT WHAT
	grep -qF -- "$2" "$1" || { echo "$3: expected «$2»"; fail=1; }
}
text() {	# the text of a PDF on one line, no-break spaces as spaces
	pdftotext -enc UTF-8 "$1" - 2>/dev/null | sed 's/\xc2\xa0/ /g' | tr '\n' ' ' |
		tr -s ' ' >"$2"
}
for lang in nb nn; do
	"$BIN" report --lang $lang --data . --out "$t/$lang" 2>/dev/null || {
		echo "report --lang $lang failed"; fail=1; }
done
text "$t/nb/2024/kommune/1506-Molde.pdf" "$t/molde"
want "$t/molde" "Kommunens egne kommentarer" "Molde nb"
want "$t/molde" "Den er kommunens egne ord, ikke funn eller vurderinger i denne rapporten." "Molde nb"
want "$t/molde" "Kommunens vurdering" "Molde nb"
want "$t/molde" "Planer for neste år" "Molde nb"
want "$t/molde" "**Ikke fet** og <b>ikke html</b>: teksten vises slik den er skrevet; også med semikolon." "Molde as written"
want "$t/molde" "Vi vil \"prøve ut\" en ny rutine i 2025." "Molde doubled quote"
want "$t/molde" "Avsnitt 18: Koordinerende enhet møtte tjenestene i Molde jevnlig gjennom året" "Molde long text"
want "$t/molde" "Skrevet av Molde kommune" "Molde source"
# The long text flows over more than one page.
"$BIN" report --data . --out "$t/d" --dump 2>/dev/null | awk '/^== /{ p = ($0 ~ /1506/) } p' |
	grep '^p[0-9]*-[0-9]* quote "\*\*Ikke fet' >/dev/null || {
	echo "Molde: the long comment does not flow over pages"; fail=1; }
text "$t/nn/2024/kommune/1804-Bodø.pdf" "$t/bodo"
want "$t/bodo" "Kommunen sine eigne kommentarar" "Bodø nn"
want "$t/bodo" "Kommunen si vurdering" "Bodø nn"
want "$t/bodo" "Planar for neste år" "Bodø nn"
want "$t/bodo" "Vi held fram med opplæringa." "Bodø nn"
text "$t/nb/2024/kommune/1804-Bodø.pdf" "$t/bodo"
want "$t/bodo" "Kommunens vurdering" "Bodø nb heading"
text "$t/nb/2024/kommune/1511-Vanylven.pdf" "$t/vanylven"
if grep -qF "egne kommentarer" "$t/vanylven"; then
	echo "Vanylven has no comments, but its report has the chapter"; fail=1
fi
exit $fail
