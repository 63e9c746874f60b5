# The populations read with their digit groups: the coverage (dekning) rows of 2024, whose
# denominators are the populations. With REGEN=1, expected.dekning is rewritten.
set -u
. "$TOP/tests/tools/binrun.sh"
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
bin_same "$t/all.csv" indicators --year 2024 --data . || exit 1
grep ';dekning;' "$t/all.csv" >dekning.out
if [ -n "${REGEN:-}" ]; then
	mv dekning.out expected.dekning
	exit 0
fi
diff -u expected.dekning dekning.out
rc=$?
rm -f dekning.out
exit $rc
