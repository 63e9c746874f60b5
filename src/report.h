/*
 * The three reports (municipality, county, action plan) and what they share: the context
 * a builder gets, figures formatted as the templates want them, the shared charts and
 * the appendix, and emitting a built document (PDF, or its text dump). Builders read the
 * results and the templates only; they never compute a figure themselves.
 * Builders run in several threads at once, each on its own doc; the context is read-only.
 */
#ifndef REPORT_H
#define REPORT_H

#include <stddef.h>

#include "chart.h"
#include "compute.h"
#include "diag.h"
#include "doc.h"
#include "options.h"
#include "tmpl.h"
#include "util.h"

struct report_ctx {
	const struct options	*o;
	const struct results	*r;
	const struct tmpl	*t;
	struct diag		*d;
	enum lang		 lang;		/* for indicator names from indicators/ */
	const char		*issuer;	/* --issuer, else the template's */
	const char		*figdir;	/* out/Y/figurer when --figures, else NULL */
	const char		*figbase;	/* this report's file name without ".pdf" */
};

/* --- The reports. Each appends everything to an empty doc. --- */

/* The report of municipality k (register index), in the order of kommune.rekkefolge. */
void	report_kommune(const struct report_ctx *, size_t k, struct doc *);
/* The county governor's report of county f (register index of fylker). */
void	report_fylke(const struct report_ctx *, size_t f, struct doc *);
/* The project groups' report on every action plan. */
void	report_tiltak(const struct report_ctx *, struct doc *);

/* --- Text. All return their text in out (appended), never a sentence of their own. --- */

/* Expands a template key (see tmpl_expandl); on error the message is already said and
 * nothing is appended. */
int	report_expand(const struct report_ctx *, struct buf *out, const char *key, ...)
	    __attribute__((sentinel));
/* A template text without placeholders; "" when missing. */
const char *report_str(const struct report_ctx *, const char *key);
/* The short name of indicator i (felles.ind.<id>) and its full name (indicators/). */
const char *report_ind_short(const struct report_ctx *, size_t ind);
const char *report_ind_name(const struct report_ctx *, size_t ind);
/* A published value with its unit, no-break spaces inside: "66,7 %", "4,1 per 1000". */
void	report_value(const struct report_ctx *, size_t ind, long value10, struct buf *out);
/* A figure as a table cell: the value, ":" when hidden, ".." when missing or no active
 * plans. */
void	report_fig(const struct report_ctx *, size_t ind, const struct figure *, struct buf *);
/* The level as symbol and word ("● God"), "" unless published. */
void	report_level(const struct report_ctx *, const struct figure *, struct buf *out);
/* The doc mark (cell colour) of a figure's level; grey when hidden or missing. */
enum doc_mark report_mark(const struct figure *);
/* The change since last year ("+3,0", "−1,2", "0,0"), or "." when there is none. */
void	report_change(const struct report_ctx *, const struct figure *, struct buf *out);
/* A date as the templates write it: "31. desember 2024". */
void	report_date(const struct report_ctx *, int yyyymmdd, struct buf *out);
/* A count with no-break thousands separators: "1 234". */
void	report_count(long n, struct buf *out);
/* The chart value of a figure (hidden and missing as the chart shows them). */
struct chart_value report_chart_value(const struct figure *);

/* --- Shared pieces of the reports. --- */

/* Sets the document's metadata: title, subject, author (issuer), language, running
 * header and page label. */
void	report_doc_setup(const struct report_ctx *, struct doc *, const char *title,
	    const char *subject, const char *header);
/* Adds a chart to the doc at a height fitting the page width; with --figures also
 * writes it as figdir/<figbase>-<figname>.png and .svg. Takes the chart; NULL is ignored. */
void	report_add_chart(const struct report_ctx *, struct doc *, struct chart *,
	    const char *figname);
/* Indicator ind of `place` (a municipality or a county) against its county and the
 * country in the reporting year, with the level bands; title from the caller's template. */
struct chart *report_chart_compare(const struct report_ctx *, size_t ind, size_t place,
	    const char *title);
/* Indicator ind of `place`, its county and the country over the years of the run. */
struct chart *report_chart_trend(const struct report_ctx *, size_t ind, size_t place,
	    const char *title);
/* The width in points of the text column of a portrait page. */
#define REPORT_TEXT_WIDTH	483.0
/* The appendix: definitions from indicators/, the 12-month period, the data sources
 * with their row counts, and the suppression rule. */
void	report_appendix(const struct report_ctx *, struct doc *);

/* The file name (without ".pdf") of a report: "1525-Stranda", "15-Møre og Romsdal";
 * characters a file system or a shell would stumble on become '_'. */
void	report_file_name(const char *code, const char *name, struct buf *out);

#endif
