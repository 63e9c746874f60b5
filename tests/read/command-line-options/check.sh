# --version in every command and alone, and what is said when an option lacks its value
# or is followed by another word: each line is the arguments, then stdout and stderr (the
# usage text, from its first line on, left out) and the exit code; a sanitizer report
# anywhere is said. With REGEN=1, expected.cmdline is rewritten.
set -u
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
run() {
	echo "\$ ipkval $*"
	"$BIN" "$@" >"$t/o" 2>&1 && s=0 || s=$?
	sed '/^usage: /,$d' "$t/o"
	! grep -qE 'Sanitizer|runtime error:|^==[0-9]+==' "$t/o" || echo "a sanitizer spoke"
	echo "exit: $s"
}
{
	run --version
	run check --version
	run indicators --data . --version
	run report --version
	run --version extra
	run --help extra
	run check --data
	run indicators --data . --year
	run check --data --year 2024
	run report --data . --out
	run report --data . --jobs --figures
	run check --data . --out x
	run check --data . --bogus
	run check --data . --year 20x
} >cmdline.out
if [ -n "${REGEN:-}" ]; then
	mv cmdline.out expected.cmdline
	exit 0
fi
diff -u expected.cmdline cmdline.out
rc=$?
rm -f cmdline.out
exit $rc
