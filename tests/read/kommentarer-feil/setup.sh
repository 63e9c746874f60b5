#!/bin/sh
# The data of tests/report/kommune-basic, with this case's own kommentarer.csv; removed
# after the run.
for f in ../../report/kommune-basic/*.csv; do cp "$f" .; done
# A municipality in the register without data: its comments are not shown (a warning).
echo "1520;Ørsta;15;Møre og Romsdal;10000" >>kommuner.csv
