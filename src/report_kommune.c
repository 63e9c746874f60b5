/* PLACEHOLDER by the lead so the program links; the "municipal" engineer replaces this file. */
#include "report.h"

void
report_kommune(const struct report_ctx *c, size_t k, struct doc *doc)
{
	(void)c; (void)k; (void)doc;
}
