/*
 * compute.h: the indicators of every municipality, county and the country for every year
 * of a run, with disclosure control (docs/computation.md), the brukermedvirkning split, the
 * classified survey answers and the action-plan measures. Built once per run by the
 * pipeline (run.c) after reading; read-only afterwards, so report builders may read one
 * results from several threads. The rules and the choices within them: docs/computation.md.
 */
#ifndef COMPUTE_H
#define COMPUTE_H

#include <stddef.h>

#include "deadline.h"
#include "diag.h"
#include "indicator.h"
#include "model.h"

struct service_table;

enum fig_state {
	FIG_MISSING,	/* no data: ".." (no rows, unanswered, column missing, no population) */
	FIG_NO_ACTIVE,	/* plan rows but no active plan: a share is ".." ("ingen aktive planer") */
	FIG_HIDDEN,	/* suppressed (primary or secondary): ":" and nothing else */
	FIG_PUBLISHED
};

/* One indicator of one place in one year. Only state is meaningful unless the state is
 * FIG_PUBLISHED: a hidden figure carries no value, count or level (all zero). */
struct figure {
	enum fig_state	 state;
	long		 num, den;	/* teller, nevner; dekning: active plans, population */
	long		 value10;	/* verdi x 10, rounded half away from zero: 667 is 66,7 */
	enum level	 level;		/* decided on the exact fraction; LEVEL_NONE below
					 * the indicator's min_n_level, and for one
					 * municipality's answer to a survey question */
	int		 answer;	/* that answer's class (enum answer_class) for a
					 * survey indicator of a municipality, else
					 * ANSWER_NONE */
	int		 has_change;	/* both this and last year's figures published */
	long		 change10;	/* change since last year in points x 10 (value10 - last) */
	long		 not_documented;/* rows in the denominator with the field empty/invalid */
};

/* The brukermedvirkning split among active plans; published exactly when that
 * indicator's figure is (state is the figure's state; counts zero unless published). */
struct split {
	enum fig_state	 state;
	long		 ja, delvis, nei, not_documented;
};

/* One question of the survey as a municipality answered it in a year. */
struct answer {
	const struct question	*q;	/* dataset.questions[i] */
	int			 cls;	/* enum answer_class; ANSWER_NONE for open questions */
	const char		*text;	/* as written (trimmed by the reader), or NULL: empty */
	int			 written; /* an open answer's written standard (enum lang,
					   * indicators/malform.txt); -1: not told */
};

/* One action-plan measure (handlingsplan.csv row kept), for the reports. */
struct measure {
	size_t		 kommune;	/* register index */
	long		 line;		/* line in handlingsplan.csv */
	const char	*tiltak, *mal, *aktivitet, *tid, *ansvar, *status; /* NULL: empty */
	int		 status_class;	/* enum status_class */
	int		 deadline;	/* yyyymmdd read from tid, or 0; for a recurring
					 * measure its last occurrence on or before R */
	int		 recurring;	/* tid says it recurs ("Løpende", "kvart år") */
	int		 due;		/* deadline on or before R: it counts in the
					 * progress of the action plan */
	int		 overdue;	/* deadline before R and status not done */
};

enum place_level { PLACE_KOMMUNE, PLACE_FYLKE, PLACE_LAND };

/*
 * Places are numbered 0 .. nkommuner-1 (register order), then nkommuner .. +nfylker-1
 * (counties, register order), then the country (one place). Indexes of years are
 * positions in years[]. Fields after the first group are private to compute.c.
 */
struct results {
	const struct dataset	*ds;
	struct indicator_set	*defs;
	int			 year;		/* reporting year Y */
	int			 refdate;	/* R of the reporting year, yyyymmdd */
	int			*years;		/* ascending, up to Y */
	size_t			 nyears;
	size_t			 nplaces;	/* nkommuner + nfylker + 1 */
	struct measure		*measures;	/* sorted by municipality, then line */
	size_t			 nmeasures;
	struct service_table	*service;	/* the reporting year by service area
						 * (service.h), or NULL */
	size_t			 exempt;	/* --internal: the municipality whose own
						 * figures are not hidden, else (size_t)-1 */
	/* private */
	struct figure		*fig;		/* [year][indicator][place] */
	struct split		*splits;	/* [year][place] */
	unsigned char		*present;	/* [year][place]: the place has rows that year */
	struct answer		*answers;	/* [survey year][kommune][question] */
	unsigned char		*answered;	/* [year][kommune] */
};

/*
 * Computes everything for the reporting year `year` (0: the latest year in the data) with
 * reference date `refdate` (yyyymmdd; 0: 31.12.year) and every earlier year in the data
 * (R = 31.12 of that year). deadlines may be NULL (then no measure is recurring and no
 * period is read as a deadline); set->deadlines is set to it, for deadline() conditions.
 * Reports unmatched answers and statuses and update dates after R as warnings.
 * Returns 0, or -1 when there is nothing to compute (no years; DIAG_ERROR said).
 * compute_free must be called either way.
 */
int	compute_run(struct results *, const struct dataset *, struct indicator_set *,
	    const struct deadline_rules *deadlines, int year, int refdate, struct diag *);
/* As compute_run, for --internal: every place is hidden exactly as by compute_run, and then
 * municipality `exempt` (register index) keeps its own figures, published whatever their
 * size: only for that municipality's internal report (docs/computation.md, "The internal
 * version"). */
int	compute_run_internal(struct results *, const struct dataset *, struct indicator_set *,
	    const struct deadline_rules *deadlines, int year, int refdate, size_t exempt,
	    struct diag *);
void	compute_free(struct results *);

/* Index of year in results.years, or -1. */
int	results_year_index(const struct results *, int year);
/* The figure of indicator `ind` (index into defs->v) of a place, or NULL when the year is
 * not in the run. Never NULL for a year of the run (state FIG_MISSING at least). */
const struct figure *results_figure(const struct results *, int year, size_t ind,
	    size_t place);
/* 1 when the row counts of an input file must not be shown: it is of a year outside the
 * run (a later year's plan file of a municipality's own export), or it is a year's plan
 * file and the country's plan figures of that year are hidden (with few plans in the
 * data, the rows are about the count of one municipality). */
int	results_source_hidden(const struct results *, const struct source *);
/* The brukermedvirkning split of a place in a year, or NULL when the year is not in the
 * run or no indicator "brukermedvirkning" is defined. */
const struct split *results_split(const struct results *, int year, size_t place);
/* 1 when the place has rows in the year (indikatorer.csv has its rows), else 0. */
int	results_present(const struct results *, int year, size_t place);
/* The survey answers of municipality k in a year: an array of ds->nquestions answers in
 * question order, or NULL when it did not answer that year. */
const struct answer *results_answers(const struct results *, int year, size_t k);

/* What a place is: level, code ("1507", "15", "00") and name (register; "Hele landet"). */
enum place_level results_place_level(const struct results *, size_t place);
const char	*results_place_code(const struct results *, size_t place);
const char	*results_place_name(const struct results *, size_t place);
/* The place of a municipality's county, of a county (itself) and of the country. */
size_t	results_county_place(const struct results *, size_t place);
size_t	results_country_place(const struct results *);

/* Formats value10 with one decimal and a decimal comma ("66,7", "-3,0") into out
 * (at least 24 bytes). */
void	compute_format10(long value10, char *out, size_t outsz);
/* num * scale / den x 10, rounded half away from zero, in integers; den > 0. */
long	compute_round10(long num, long den, long scale);

#endif
