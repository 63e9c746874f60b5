#!/bin/sh
# The data of kommune-basic, with this case's own kommentarer.csv; removed after the run.
for f in ../kommune-basic/*.csv; do cp "$f" .; done
