#!/bin/sh
# The municipal reports of kommune-basic in nynorsk (--lang nn).
exec sh ../kommune-basic/check-kommune.sh --lang nn
