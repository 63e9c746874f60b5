# One report cannot be written: a folder stands where Molde's PDF should go. The run must
# name that file, write every other report, leave no temporary file, and exit 1.
set -eu
rm -rf out
mkdir -p "out/2024/kommune/1506-Molde.pdf"
