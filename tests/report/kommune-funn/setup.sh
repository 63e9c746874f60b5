#!/bin/sh
# The hand-made data set of the findings module's unit test (tests/findings/rules), so
# that both stay one: copied here for the run, removed after it.
cp ../../findings/rules/*.csv .
