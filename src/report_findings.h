/*
 * report_findings.h: the chapters of the municipal report that say what follows from the
 * figures (findings.h): answers of the survey set beside the plan figures they speak of
 * (samsvar.txt), the development areas (funn.txt), and the municipality's own comments
 * (comments.h). Every word comes from the templates (kommune.samsvar.*,
 * kommune.utviklingsomrader.*, kommune.kommentarer.*). Called by report_kommune.c for
 * the names samsvar, utviklingsomrader and kommentarer of kommune.rekkefolge.
 */
#ifndef REPORT_FINDINGS_H
#define REPORT_FINDINGS_H

#include <stddef.h>

#include "report.h"

/* What the chapters need of the report being built (report_kommune.c owns it all). */
struct report_part {
	const struct report_ctx	*c;
	struct doc		*doc;
	struct report_numbering	*num;
	size_t			 k;		/* the municipality (register index) */
	const char		*kommune;	/* the register name */
	const char		*prose;		/* "Stranda kommune" */
	const char		*aar, *forrige;	/* the reporting year and the one before */
	const char		*dato;		/* the reference date, as the templates say it */
};

/* "Svar og tall side om side": each pair of samsvar.txt with the answer as written, the
 * figure with its counts and comparisons, and whether they disagree. Nothing without
 * pairs. */
void	report_kommune_pairs(const struct report_part *);
/* "Utviklingsområder": the municipality's development areas in the rules' order, each
 * with its reasons and the figures behind them; or that the rules give none. */
void	report_kommune_development(const struct report_part *);
/* "Kommunens egne kommentarer" (report_comments.c): the sections of kommentarer.csv
 * for this municipality, as written; nothing when it wrote none. */
void	report_kommune_comments(const struct report_part *);

#endif
