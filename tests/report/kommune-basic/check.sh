#!/bin/sh
# Municipal reports of a small hand-made data set: two counties, two years; hidden
# figures (primary in Vanylven, secondary in Kristiansund), no active plans (Ålesund),
# survey only (Narvik), one year of plans (Bodø), survey with a long open answer and
# an action plan with overdue, recurring, undated and unknown measures (Molde).
exec sh ./check-kommune.sh
