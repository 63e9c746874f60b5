# The populations read with their digit groups: the coverage (dekning) rows of 2024, whose
# denominators are the populations. With REGEN=1, expected.dekning is rewritten.
set -u
"$BIN" indicators --year 2024 --data . 2>/dev/null | grep ';dekning;' >dekning.out
if [ -n "${REGEN:-}" ]; then
	mv dekning.out expected.dekning
	exit 0
fi
diff -u expected.dekning dekning.out
rc=$?
rm -f dekning.out
exit $rc
