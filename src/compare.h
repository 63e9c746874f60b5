/*
 * compare.h: what a figure is compared with, what that comparison covers, and whether a
 * difference or a change is beyond chance. A municipality is compared with its county
 * and the country, a county with the country: from the reference table when it has the
 * figure, else from the run's own data. A comparison is named by what it covers (the
 * whole county or country by the register, or N of M municipalities); one that covers
 * only the compared place is none, and the country is left out when it covers the same
 * municipalities as the county. Differences are judged against the rest of the
 * comparison (without the compared place) when that can be worked out from published
 * figures. For the report builders and tables.c; pure functions of finished results.
 */
#ifndef COMPARE_H
#define COMPARE_H

#include <stddef.h>

#include "compute.h"
#include "reference.h"
#include "stats.h"

/* What the comparisons of a run are made from; read-only, shared by report threads. */
struct compare_ctx {
	const struct results	*r;
	const struct reference	*ref;		/* NULL: no reference table */
	struct stats_params	 params;
};

enum compare_kind { COMPARE_COUNTY, COMPARE_COUNTRY };

/* One comparison of a figure. */
struct comparison {
	enum compare_kind	 kind;
	size_t			 of;		/* the compared place */
	int			 year;
	size_t			 place;		/* the county's or the country's place */
	const struct figure	*fig;		/* its figure (any state) */
	long			 covered;	/* municipalities with a figure in it */
	long			 total;		/* municipalities of it in the register */
	const char		*source;	/* the reference table's file name, or NULL:
						 * the run's own data */
	enum stats_verdict	 verdict;	/* the compared figure against it: STATS_NONE
						 * unless both are published shares */
	int			 against_rest;	/* the verdict compares with the comparison
						 * without the compared place */
};

/* A change since the year before. */
struct change {
	const struct figure	*prev;		/* last year's figure (published) */
	int			 prev_year;
	enum stats_verdict	 verdict;	/* STATS_HIGHER: a rise beyond chance,
						 * STATS_LOWER: a fall, STATS_SAME: neither,
						 * STATS_NONE: not judged (an answer) */
};

/* The comparisons of indicator ind of `place` (a municipality or a county) in `year`:
 * the county (for a municipality), then the country. Returns how many went into out. */
size_t	compare_place(const struct compare_ctx *, int year, size_t ind, size_t place,
	    struct comparison out[2]);
/* The same for a line over the years: the country is kept when it covers the same
 * municipalities as the county (that year's point of the country's line). */
size_t	compare_series(const struct compare_ctx *, int year, size_t ind, size_t place,
	    struct comparison out[2]);
/* The change of a place's figure since the year before (both published, consecutive
 * years): 1 and *ch filled, else 0. */
int	compare_change(const struct compare_ctx *, int year, size_t ind, size_t place,
	    struct change *ch);
/* The municipalities with a figure in an aggregate of the run's own data (a county or
 * the country: figures hidden or "no active plans" count, missing ones do not), and the
 * municipalities of that aggregate in the register. A municipality counts itself. */
void	compare_coverage(const struct results *, int year, size_t ind, size_t place,
	    long *covered, long *total);
/* 1 when the figure of a municipality is its own answer to a survey question, which is
 * shown as that answer and never judged as a share. */
int	compare_is_answer(const struct results *, size_t ind, size_t place);

#endif
