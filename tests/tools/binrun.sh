# Sourced by the check.sh of regression cases (`. "$TOP/tests/tools/binrun.sh"`) for every
# run of $BIN, the sanitized program, beyond the one tests/run.sh makes and compares: no
# run goes without its exit status and its standard error looked at.
#
#   bin_run STATUS OUT ERR ARGS...
#       Runs "$BIN" ARGS with standard output to OUT and standard error to ERR. Returns 1,
#       after saying why, when the exit status is not STATUS or ERR holds a sanitizer
#       report. The caller still checks ERR where it knows what it must say.
#   bin_same OUT ARGS...
#       As bin_run, and its exit status and standard error must be those of the case's
#       expected.lint ($EXPECTED, when set, names another one), but for the note counting
#       the reports written, which --dump does not print. The --out folder of ARGS is
#       written `out` in messages before they are compared, as expected.lint comes from a
#       run with `--out out`. With BIN_ERR set, its standard error is kept there.

bin_run() {
	_br_want=$1 _br_out=$2 _br_err=$3
	shift 3
	"$BIN" "$@" >"$_br_out" 2>"$_br_err" && _br_status=0 || _br_status=$?
	if [ "$_br_status" != "$_br_want" ]; then
		echo "ipkval $*: exit $_br_status, expected $_br_want:"
		head -20 "$_br_err"
		return 1
	fi
	if grep -qE 'Sanitizer|runtime error:|^==[0-9]+==' "$_br_err"; then
		echo "ipkval $*: a sanitizer spoke:"
		head -40 "$_br_err"
		return 1
	fi
	return 0
}

bin_same() {
	_bs_out=$1
	shift
	_bs_lint=${EXPECTED:-expected.lint}
	_bs_dir=$(mktemp -d) || return 1
	_bs_outdir=
	_bs_prev=
	for _bs_a in "$@"; do
		case $_bs_a in --out=*) _bs_outdir=${_bs_a#--out=} ;; esac
		[ "$_bs_prev" = --out ] && _bs_outdir=$_bs_a
		_bs_prev=$_bs_a
	done
	_bs_rc=0
	if bin_run "$(sed -n 's/^exit: //p' "$_bs_lint")" "$_bs_out" "$_bs_dir/err" "$@"; then
		[ -z "${BIN_ERR:-}" ] || cp "$_bs_dir/err" "$BIN_ERR"
		_bs_note='^ipkval: note: [0-9]* of [0-9]* reports\{0,1\} written under '
		grep -v -e '^exit: ' -e "$_bs_note" "$_bs_lint" >"$_bs_dir/want"
		if [ -n "$_bs_outdir" ] && [ "$_bs_outdir" != out ]; then
			sed "s|$_bs_outdir/|out/|g" "$_bs_dir/err"
		else
			cat "$_bs_dir/err"
		fi | grep -v -e "$_bs_note" >"$_bs_dir/got"
		if ! diff -u "$_bs_dir/want" "$_bs_dir/got" >"$_bs_dir/diff"; then
			echo "ipkval $*: its messages differ from $_bs_lint:"
			head -30 "$_bs_dir/diff"
			_bs_rc=1
		fi
	else
		_bs_rc=1
	fi
	rm -rf "$_bs_dir"
	return $_bs_rc
}
