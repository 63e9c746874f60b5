/* PLACEHOLDER by the lead so the program links; the "county" engineer replaces this file. */
#include "report.h"

void
report_fylke(const struct report_ctx *c, size_t f, struct doc *doc)
{
	(void)c; (void)f; (void)doc;
}
