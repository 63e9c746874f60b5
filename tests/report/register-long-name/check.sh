# Both county reports are written, whole.
set -eu
for f in out/2024/fylke/15-*.pdf out/2024/fylke/46-*.pdf; do
	qpdf --check "$f" >/dev/null
done
