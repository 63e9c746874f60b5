#!/bin/sh
# Archive and universal design (issue 12): every report of the shipped sample-data/, in
# bokmål (the run of this case, in out/) and nynorsk, and every PDF of the report cases
# under tests/report/ (those run with their own arguments, without a setup.sh), through
# tests/tools/pdfa-check.sh: PDFBox Preflight passes (PDF/A-1b; one JVM a set), and pdf.js
# and poppler read back the structure tree the model (--dump) describes, with the text of
# the Stranda report read by poppler too (in both languages). The three sets run in
# parallel.
set -u
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
fail=0
check() {
	sh "$TOP/tests/tools/pdfa-check.sh" "$@" >"$t/$(basename "$1").log" 2>&1 ||
		{ echo "FAIL" >>"$t/$(basename "$1").log"; }
}
"$BIN" report --data . --out out --dump >"$t/nb.dump" 2>/dev/null
check out "$t/nb.dump" 1525-Stranda &
"$BIN" report --lang nn --data . --out "$t/nn" >/dev/null 2>&1
"$BIN" report --lang nn --data . --out "$t/nn" --dump >"$t/nn.dump" 2>/dev/null
check "$t/nn" "$t/nn.dump" 1525-Stranda &
mkdir -p "$t/cases"
: >"$t/cases.dump"
for c in "$TOP"/tests/report/*/; do
	[ -f "$c/args" ] && [ ! -f "$c/setup.sh" ] || continue
	args=$(sed 's|--out out|--out '"$t/cases/$(basename "$c")"'|' "$c/args")
	case $args in report*) ;; *) continue ;; esac
	# shellcheck disable=SC2086
	(cd "$c" && "$BIN" $args --data . >/dev/null 2>&1 &&
	    "$BIN" $args --data . --dump >>"$t/cases.dump" 2>/dev/null)
done
check "$t/cases" "$t/cases.dump" &
wait
for log in "$t"/*.log; do
	if grep -q '^FAIL$' "$log"; then
		echo "$(basename "$log" .log):"
		grep -v '^FAIL$' "$log" | head -20
		fail=1
	fi
done
exit $fail
