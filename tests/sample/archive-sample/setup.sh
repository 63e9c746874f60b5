# The case reads the committed sample-data/ itself (copied here, not committed twice).
set -eu
rm -f ./*.csv
cp "$TOP"/sample-data/*.csv .
