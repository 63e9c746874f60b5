#!/bin/sh
# One year of plans, a mid-year reference date, a register without population (no
# coverage), names in several official forms, primary (Hammerfest) and secondary
# (Porsanger) suppression, no survey and no action plan.
exec sh ../kommune-basic/check-kommune.sh --reference-date 30.06.2024
