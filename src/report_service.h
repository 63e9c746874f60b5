/*
 * report_service.h: the municipal report's chapter on the plans by service area
 * (service.h's figures, already protected; templates kommune.tjenesteomrader.*).
 */
#ifndef REPORT_SERVICE_H
#define REPORT_SERVICE_H

#include "doc.h"
#include "report.h"

/* Adds the chapter for municipality k (register index) under the next chapter number;
 * nothing when the run has no service areas or the municipality no plan rows in the
 * reporting year. */
void	report_kommune_services(const struct report_ctx *, size_t k, struct doc *,
	    struct report_numbering *);

#endif
