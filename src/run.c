/*
 * The commands as pipelines (see run.h): each reads the data directory, computes what it
 * needs and renders it. Holds no state between calls.
 */
#include <stdio.h>

#include "run.h"

void
run_check(const struct options *o, struct diag *d)
{
	(void)o;
	diag_msg(d, DIAG_FATAL, NULL, 0, 0, "check: the reading layer is not built yet");
}

void
run_indicators(const struct options *o, struct diag *d)
{
	(void)o;
	diag_msg(d, DIAG_FATAL, NULL, 0, 0, "indicators: not built yet");
}

void
run_report(const struct options *o, struct diag *d)
{
	(void)o;
	diag_msg(d, DIAG_FATAL, NULL, 0, 0, "report: not built yet");
}
