#!/bin/sh
# See tests/tools/attack_case.sh.
exec sh "$TOP/tests/tools/attack_case.sh"
