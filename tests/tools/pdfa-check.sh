#!/bin/sh
# Checks every PDF under DIR as an archive and as a tagged, accessible document:
#   1. PDFBox Preflight (Debian's libpdfbox2-java) says it is valid PDF/A-1b, all files in
#      one JVM (Preflight checks level B only; level A's tagging is checked by 2 and 3);
#   2. pdf.js (tests/tools/pdfjs-read.mjs, pdfjs-dist from build/pdfjs) and
#   3. poppler (pdfinfo -struct, and -struct-text for the PDFs whose path holds
#      TEXT_PATTERN) read the structure tree back as the model DUMP says
#      (tests/tools/structcheck.py: elements in reading order, headings, table headers,
#      figures' alt texts, link targets, language, no content outside the tree).
# DUMP is `ipkval report --dump` run with the same arguments and --out as made DIR.
# usage: pdfa-check.sh DIR DUMP [TEXT_PATTERN]     ($TOP: the repository; exits 0 if all pass)
# PDFJS_DIR: where make installed pdfjs-dist (default $TOP/build/pdfjs).
set -u
dir=$1 dump=$2 pattern=${3:-}
TOP=${TOP:-$(pwd)}
J=/usr/share/java
CP=$J/preflight.jar:$J/pdfbox2.jar:$J/fontbox2.jar:$J/xmpbox.jar:$J/commons-logging.jar
CP=$CP:$J/javax.activation.jar:$J/jaxb-api.jar
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
fail=0
find "$dir" -name '*.pdf' | sort >"$t/list"
n=$(wc -l <"$t/list")
[ "$n" -gt 0 ] || { echo "pdfa-check: no PDF under $dir"; exit 1; }

# 1. Preflight: one XML report for the whole list, next to the list.
java -cp "$CP" org.apache.pdfbox.preflight.Validator_A1b xml group "$t/list" \
    >"$t/preflight.out" 2>&1
valid=$(grep -c '<isValid type="PDF/A1-b">true</isValid>' "$t/list.preflight.xml" 2>/dev/null)
if [ "${valid:-0}" != "$n" ]; then
	echo "pdfa-check: Preflight finds ${valid:-0} of $n PDFs valid PDF/A-1b:"
	grep -o '<preflight name="[^"]*"\|<error><code>[^<]*</code><details>[^<]*' \
	    "$t/list.preflight.xml" 2>/dev/null | grep -B1 '<error>' | head -20
	head -5 "$t/preflight.out"
	fail=1
fi

# 2 and 3. pdf.js and poppler against the model.
tr '\n' '\0' <"$t/list" | PDFJS_DIR="${PDFJS_DIR:-$TOP/build/pdfjs}" xargs -0 node \
    "$TOP/tests/tools/pdfjs-read.mjs" >"$t/pdfjs.jsonl" 2>"$t/pdfjs.err" ||
	{ echo "pdfa-check: pdf.js could not read the PDFs:"; head -5 "$t/pdfjs.err"; fail=1; }
# shellcheck disable=SC2086
python3 "$TOP/tests/tools/structcheck.py" "$dump" "$t/pdfjs.jsonl" $pattern >"$t/struct" ||
	fail=1
head -40 "$t/struct"
exit $fail
