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
#include "compare.h"
#include "compute.h"
#include "counts.h"
#include "diag.h"
#include "doc.h"
#include "options.h"
#include "tmpl.h"
#include "util.h"

struct comments;

struct report_ctx {
	const struct options	*o;
	const struct results	*r;
	const struct compare_ctx *cmp;		/* comparisons and their verdicts */
	const struct tmpl	*t;
	struct diag		*d;
	enum lang		 lang;		/* for indicator names from indicators/ */
	const char		*issuer;	/* --issuer, else the template's */
	const char		*figdir;	/* out/Y/figurer when --figures, else NULL */
	const char		*figbase;	/* this report's file name without ".pdf" */
	const struct comments	*comments;	/* kommentarer.csv (comments.h), or NULL */
	int			 internal;	/* --internal: the data owner's own version
						 * (internal.h), marked on every page */
};

/* --- The reports. Each appends everything to an empty doc. --- */

/* The report of municipality k (register index), in the order of kommune.rekkefolge. */
void	report_kommune(const struct report_ctx *, size_t k, struct doc *);
/* The county governor's report of county f (register index of fylker). */
void	report_fylke(const struct report_ctx *, size_t f, struct doc *);
struct report_numbering;
/* One section of county f's report (a name of fylke.rekkefolge) for an office report,
 * numbered on from num; named: chapter headings name the county (an office of several
 * counties). */
void	report_fylke_part(const struct report_ctx *, size_t f, const char *section,
	    int named, struct report_numbering *num, struct doc *doc);
/* The county governor's office report of office o (office.h, report_office.c). */
struct office;
void	report_office(const struct report_ctx *, const struct office *o, struct doc *);
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
/* Replaces every plain space of out from `from` on by a no-break space, so that a value
 * and its unit ("14,1 prosentpoeng", "11. mars 2024") stay on one line. */
void	report_keep_together(struct buf *out, size_t from);
void	report_value(const struct report_ctx *, size_t ind, long value10, struct buf *out);
/* A figure as a table cell: the value, ":" when hidden, ".." when missing or no active
 * plans. */
void	report_fig(const struct report_ctx *, size_t ind, const struct figure *, struct buf *);
/* The same without the unit, for tables that give the unit elsewhere. */
void	report_fig_number(const struct report_ctx *, const struct figure *, struct buf *);
/* The unit of an indicator's values ("%", "per 1000 innbyggere"). */
const char *report_unit(const struct report_ctx *, size_t ind);
/* The symbol and the word of a level (felles.niva.symbol.*, felles.niva.*); "" when
 * it is none. */
const char *report_level_symbol(const struct report_ctx *, int level);
const char *report_level_word(const struct report_ctx *, int level);
/* The word of a level inside a sentence ("god"; felles.niva.tekst.*). */
const char *report_level_text(const struct report_ctx *, int level);
/* The level as symbol and word ("● God"); ":" or ".." when the figure is hidden or missing;
 * "Ingen nivå" when it is too small to get one; a municipality's survey answer as its
 * class ("◆ Delvis eller i gang"). */
void	report_level(const struct report_ctx *, const struct figure *, struct buf *out);
/* The doc mark (cell colour) of a figure's level (of an answer: of its class); grey when
 * hidden, missing or without a level. */
enum doc_mark report_mark(const struct figure *);

/* --- Answer classes (counts.h slots: established, in progress, not established, don't
 * know, not answered). --- */
/* The word (felles.svar.*), the symbol (felles.svar.symbol.*), the cell mark and the
 * chart tone of an answer class (enum answer_class; ANSWER_NONE: not answered). */
const char *report_answer_word(const struct report_ctx *, int answer_class);
const char *report_answer_symbol(const struct report_ctx *, int answer_class);
enum doc_mark report_answer_mark(int answer_class);
enum chart_tone report_answer_tone(int answer_class);
/* The class of slot i of counts_answers. */
int	report_answer_of_slot(size_t slot);

/* --- Comparisons and changes (compare.h) in words. --- */
/* The name of a comparison as a label (table header, chart category): "Møre og Romsdal",
 * "Hele landet", "Møre og Romsdal (3 av 27 kommuner)". */
void	report_cmp_label(const struct report_ctx *, const struct comparison *, struct buf *);
/* The same inside a sentence: "Møre og Romsdal", "hele landet", "de 3 av 27 kommunene i
 * Møre og Romsdal som har tall". */
void	report_cmp_prose(const struct report_ctx *, const struct comparison *, struct buf *);
/* A comparison as a table cell: the verdict with the comparison's value ("Høyere enn
 * 66,7 %", "Ingen sikker forskjell fra 73,0 %"), just the value when there is no verdict,
 * ":" or ".."; a second line with what it covers when that is not all of it. */
void	report_cmp_cell(const struct report_ctx *, size_t ind, const struct comparison *,
	    struct buf *out);
/* The sentence that compares a published figure with cmp (appended, with a space before
 * it when out holds text); nothing when cmp's figure is missing. */
void	report_cmp_sentence(const struct report_ctx *, size_t ind, const struct comparison *,
	    struct buf *out);
/* What an aggregate figure of the run's own data covers, when that is not all of its
 * county or the country: a line "(3 av 27 kommuner)" appended to out (with the line
 * break before it); nothing when it is whole or has no figure. Returns 1 when it
 * appended. */
int	report_coverage_line(const struct report_ctx *, int year, size_t ind, size_t place,
	    struct buf *out);
/* The name of a county or the country for a table row or a chart line: its name, or
 * "Møre og Romsdal: kommunene med tall" when the figure of indicator ind (REPORT_ALL:
 * of any indicator) in some year of the run does not cover all of it. */
#define REPORT_ALL	((size_t)-1)
void	report_aggregate_label(const struct report_ctx *, size_t place, size_t ind,
	    struct buf *out);
/* The name of a county or the country for one indicator in one year: its name, or
 * "Møre og Romsdal (3 av 27 kommuner)" when its figure does not cover all of it. */
void	report_year_label(const struct report_ctx *, int year, size_t ind, size_t place,
	    struct buf *out);
/* The counts behind a published figure: "21 av 26", or "26 planer" for coverage. */
void	report_counts(const struct report_ctx *, size_t ind, const struct figure *,
	    struct buf *out);
/* The change of place's figure since the year before as a cell: "Økt" or "Ingen sikker
 * endring", with "fra 70,4 % (19 av 27)" under it, or "." when there is none. Returns 1
 * when it showed a change, 0 for ".". */
int	report_change_cell(const struct report_ctx *, size_t ind, size_t place,
	    struct buf *out);
/* The same for a table that shows last year's figure in its own column: "Økt 3,4",
 * "Ned 1,2", "Ingen sikker endring", or ".". */
int	report_change_short(const struct report_ctx *, size_t ind, size_t place,
	    struct buf *out);
/* The confidence level as the templates write it: "95". */
void	report_confidence(const struct report_ctx *, char *out, size_t outsz);
/* A date as the templates write it: "31. desember 2024". */
void	report_date(const struct report_ctx *, int yyyymmdd, struct buf *out);
/* The same as a new string, which the caller frees. */
char	*report_date_str(const struct report_ctx *, int yyyymmdd);
/* A count as reports print it: "1234", "12 345" (a no-break space), "−5". */
void	report_count(long n, struct buf *out);
/* The chart value of a figure (hidden and missing as the chart shows them). */
struct chart_value report_chart_value(const struct figure *);

/* --- Places, indicators, answers. --- */

/* The name of a place as the reports show it: the template's felles.land for the
 * country, the register name otherwise. */
const char *report_place_name(const struct report_ctx *, size_t place);
/* The names of n places joined by ", " (the templates put the list in a sentence). */
void	report_place_names(const struct report_ctx *, const size_t *place, size_t n,
	    struct buf *out);
/* A municipality as it is named in a sentence: "Stranda kommune" (felles.kommune.i_tekst),
 * or the register's name as written when it already says what it is ("Kvam herad",
 * "Trondheim kommune - Tråante tjïelte"). Appended to out. */
void	report_kommune_prose(const struct report_ctx *, size_t k, struct buf *out);
/* The figure of indicator ind of a place in the reporting year. */
const struct figure *report_figure(const struct report_ctx *, size_t ind, size_t place);
/* The index of the indicator with this id, or -1 when indicators/ has none. */
long	report_find_ind(const struct report_ctx *, const char *id);
/* The answer of municipality k to survey question qid in the reporting year as written,
 * or NULL (no answers, no such question, or not answered). */
const char *report_answer(const struct report_ctx *, size_t k, const char *qid);
/* A threshold of an indicator (in its unit) as value x 10, rounded half away from
 * zero. */
long	report_threshold10(double v);
/* A number from a definition as text: "25" when whole, else "27,5" (one decimal). */
void	report_number(double v, char *out, size_t outsz);

/* --- Action-plan measures. --- */

/* The status slots of the reports (counts.h), in this order: done, in progress, under
 * planning, not started, unknown. */
#define REPORT_NSTATUS	COUNT_NSTATUS
/* The slot of a status class. */
size_t	report_status_slot(int status_class);
/* The word of a slot (felles.status.*). */
const char *report_status_word(const struct report_ctx *, size_t slot);
/* The cell mark of a slot. */
enum doc_mark report_status_mark(size_t slot);
/* The chart tones of the five slots (good, middle, planned, low, neutral). */
extern const enum chart_tone report_status_tones[REPORT_NSTATUS];
/* The tones of a four-part split: yes, partly, no, not documented. */
extern const enum chart_tone report_split_tones[4];
/* The status of a measure as a cell (out emptied first): the slot's word and, when
 * written otherwise, the status as written in «». Returns the cell's mark. */
enum doc_mark report_status_cell(const struct report_ctx *, const struct measure *,
	    struct buf *out);
/* The time of a measure as a cell (out emptied first): Tid as written, then how it was
 * read where that adds something: overdue since the deadline, the deadline when the text
 * does not show it in digits, recurring, or no dated deadline. Returns the cell's mark. */
enum doc_mark report_time_cell(const struct report_ctx *, const struct measure *,
	    struct buf *out);
/* 1 when a measure is not done and has no dated deadline (a recurring one without a
 * day included): whether it is overdue cannot be known. */
int	report_measure_undated(const struct measure *);
/* The sentence that no measure is overdue, appended to out; when `undated` measures have
 * no dated deadline, it says so, since they might be. */
void	report_no_overdue(const struct report_ctx *, size_t undated, struct buf *out);
/* The action plan of one municipality (register index) as a table: Tiltak, Mål,
 * Aktivitet, Tid, Ansvar, Status; the overdue measures first, oldest deadline first, then
 * the others in the order of the file. For a landscape page. */
void	report_plan_table(const struct report_ctx *, struct doc *, size_t kommune);
/* Sorts measure indexes: oldest deadline first, then municipality, then line. Stable. */
void	report_sort_measures(size_t *idx, size_t n, const struct measure *v);
/* Measures by status as stacked bars, one bar per category: counts[i] are the counts of
 * cats[i] by slot. The count axis ends at max10 (0: from the data). A chart split into
 * parts passes the names of all parts in label_set (else NULL, 0) and the same max10 to
 * every part, so that all parts share one scale. */
struct chart *report_status_chart(const struct report_ctx *, const char *title,
	    size_t ncat, const char *const *cats, const long (*counts)[REPORT_NSTATUS],
	    int max10, const char *const *label_set, size_t nlabel_set);
/* The table of the overdue measures measures[idx[0..n-1]]: municipality, measure,
 * deadline, responsible, status; with the activity column when landscape (a landscape
 * page), else on a portrait page. */
void	report_overdue_table(const struct report_ctx *, struct doc *, const size_t *idx,
	    size_t n, int landscape);

/* --- Shared pieces of the reports. --- */

/* Chapter and section numbers of a report's headings; start at zero. */
struct report_numbering {
	int	chapter, section;
};
/* A chapter heading "N text" (level 1) or a section heading "N.M text" (level 2),
 * numbered in the order they are added. */
void	report_heading(struct report_numbering *, struct doc *, int level,
	    const char *text);
/* Which SSB symbols and marks a table used, for its footnotes. */
struct report_used {
	int	hidden, missing, no_active, no_change;
	int	no_level;	/* a published figure without a level (too few) */
	int	verdict;	/* a verdict on a difference or a change */
	int	legal;		/* an indicator marked as a legal duty */
	int	reference;	/* a comparison from the reference table */
};
/* Notes which symbol a figure shows (no_active counts as missing too). */
void	report_note_fig(const struct figure *, struct report_used *);
/* The name of an indicator for a table's first column: its short name, with the
 * legal-duty mark (felles.lovkrav.merke) when its definition says grunnlag = lovkrav. */
void	report_ind_cell(const struct report_ctx *, size_t ind, struct report_used *,
	    struct buf *out);
/* The footnotes of the symbols a table used: hidden, missing, no active plans, no
 * change, no level, the verdicts, the legal-duty mark, the reference table. */
void	report_footnotes(const struct report_ctx *, struct doc *,
	    const struct report_used *);

/* Adds the cover: title, subtitle, place and year from cov, the issuer as
 * felles.utgitt_av says it and, when dato is not NULL, "figures as of dato"
 * (felles.tall_per). */
void	report_cover(const struct report_ctx *, struct doc *, const struct doc_cover *cov,
	    const char *dato);
/* Adds the table of contents (`innhold` in a report's rekkefolge), titled
 * felles.innhold.overskrift: it lists every chapter and section of the report. */
void	report_contents(const struct report_ctx *, struct doc *);
/* Sets the document's metadata: title, subject, author (issuer), language, running
 * header and page label. */
void	report_doc_setup(const struct report_ctx *, struct doc *, const char *title,
	    const char *subject, const char *header);
/* Adds a chart to the doc at a height fitting the page width, at most max_h points (0:
 * no maximum); with --figures also writes it, at the same size, as
 * figdir/<figbase>-<figname>.png and .svg. Takes the chart; NULL is ignored. */
void	report_add_chart(const struct report_ctx *, struct doc *, struct chart *,
	    const char *figname, double max_h);
/* The value-axis title of an indicator's charts: what the percentage is of, or per
 * 1000. */
const char *report_axis_title(const struct report_ctx *, const struct indicator *);
/* The level bands of an indicator (lav, middels, god) up to top10 and, for coverage, the
 * need band. Thresholds in the unit, x10. Returns how many were written (<= 4). */
size_t	report_level_bands(const struct report_ctx *, const struct indicator *,
	    struct chart_band bands[4], int top10);
/* The end of an indicator's value axis (x10) for a chart whose largest value is max10
 * (0 when it has none): 100 % for percentages (or max10 above it); for per-1000
 * indicators 35, or the next multiple of 5 above max10 when that is 35 or more. */
int	report_axis_end(const struct indicator *, int max10);
/* A note under a chart explaining ":" and ".." when its n values show either: appended
 * to b, which is returned as text, or NULL when there is nothing to say. */
const char *report_chart_note(const struct report_ctx *, const struct chart_value *,
	    size_t n, struct buf *b);
/* Indicator ind of `place` (a municipality or a county) against its county and the
 * country in the reporting year, with the level bands; title from the caller's template.
 * A municipality's survey answer (internkontroll) is shown as its word and level symbol
 * in place of a bar of 0 or 100 %. */
struct chart *report_chart_compare(const struct report_ctx *, size_t ind, size_t place,
	    const char *title);
/* Indicator ind of `place`, its county and the country over the years of the run. */
struct chart *report_chart_trend(const struct report_ctx *, size_t ind, size_t place,
	    const char *title);
/* The width in points of the text column of a portrait page. */
#define REPORT_TEXT_WIDTH	483.0
/* The appendix: definitions from indicators/ with what each rests on, the 12-month
 * period, the law (unless the report has told it already: law 0), comparisons and
 * uncertainty, how measures are read, the data sources with their row counts, and the
 * suppression rule. */
void	report_appendix(const struct report_ctx *, struct doc *, int law);
/* The appendix of the action-plan report: how measures are read, and the sources. */
void	report_appendix_measures(const struct report_ctx *, struct doc *);

/* The file name (without ".pdf") of a report: "1525-Stranda", "15-Møre og Romsdal";
 * characters a file system or a shell would stumble on become '_'. */
void	report_file_name(const char *code, const char *name, struct buf *out);

#endif
