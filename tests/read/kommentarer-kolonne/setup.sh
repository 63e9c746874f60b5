#!/bin/sh
# The data of tests/report/kommune-basic, with this case's own kommentarer.csv; removed
# after the run.
for f in ../../report/kommune-basic/*.csv; do cp "$f" .; done
