#!/bin/sh
# A comments file without the column avsnitt cannot be used: no municipal report is
# written (any of them might have had comments), the county reports are.
set -u
fail=0
[ -z "$(ls out/2024/kommune 2>/dev/null)" ] || { echo "a municipal report was written"; fail=1; }
[ -n "$(ls out/2024/fylke 2>/dev/null)" ] || { echo "no county report was written"; fail=1; }
exit $fail
