/*
 * counts.h: the counts behind the reports that are not indicators: survey answers by
 * class, and action-plan measures by status class and by when they are due. One place
 * for them, so that tilleggstall.csv and every report show the same numbers. The order
 * of the classes here is the order the reports show them in. Pure functions of finished
 * results; for tables.c and the report builders.
 */
#ifndef COUNTS_H
#define COUNTS_H

#include <stddef.h>

#include "compute.h"

/* Answer classes as shown: established, in progress, not established, don't know, not
 * answered (or unmatched). */
enum { COUNT_ESTABLISHED, COUNT_PROGRESS, COUNT_NOT, COUNT_UNSURE, COUNT_UNANSWERED,
	COUNT_NANSWER };
/* Status classes as shown: done, in progress, under planning, not started, unknown. */
enum { COUNT_DONE, COUNT_DOING, COUNT_PLANNED, COUNT_NOT_STARTED, COUNT_UNKNOWN,
	COUNT_NSTATUS };

/* The slot of an answer class (enum answer_class) and of a status class. */
size_t	counts_answer_slot(int answer_class);
size_t	counts_status_slot(int status_class);

/* How the measures of a place stand at the reference date. */
struct progress {
	long	total;
	long	status[COUNT_NSTATUS];	/* all measures by status class */
	long	due, due_done;		/* deadline on or before R; of them done */
	long	overdue;		/* deadline before R, not done */
	long	later, later_done;	/* deadline after R; of them done already */
	long	undated;		/* no dated deadline and not recurring */
	long	recurring_undated;	/* recurring without a dated deadline */
};

/* The measures of a municipality, a county or the country (a results place). */
void	counts_progress(const struct results *, size_t place, struct progress *);
/* The municipalities of an aggregate place (or the municipality itself) by the class
 * of their answer to the survey indicator ind in year: published figures only (a
 * hidden one is in no slot); a municipality present that year without an answer is
 * not answered. */
void	counts_answers(const struct results *, int year, size_t ind, size_t place,
	    long n[COUNT_NANSWER]);

#endif
