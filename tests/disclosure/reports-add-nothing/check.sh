#!/bin/sh
# The attack on the tables (tests/tools/attack_case.sh), then differential.py: every change
# in `perturbations` keeps the tables, and must keep every report and figure too.
sh "$TOP/tests/tools/attack_case.sh" || exit 1
python3 "$TOP/tests/tools/differential.py" "$BIN" . perturbations
