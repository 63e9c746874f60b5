/*
 * The county governor's report (report.h: report_fylke): every municipality of one county
 * against every indicator of the reporting year, in the order of fylke.rekkefolge: cover,
 * a one-page summary, the barometer (one landscape table), the municipalities ranked per
 * indicator, internal control (distribution, and who has none), the overdue action-plan
 * measures, the county's trend and the shared appendix. Reads results and templates only;
 * every word comes from templates/<lang>/fylke.txt and felles.txt.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

#define NBSP		"\xc2\xa0"
/* The tallest ranking chart, in points: it fits under a chapter's first page heading,
 * introduction (four lines) and section heading on A4 (720 points of text height). A
 * ranking of more than 40 municipalities is drawn a little tighter than
 * report_add_chart's 13 points a bar. */
#define FYL_RANK_MAX_H	570.0
/* The most municipalities one ranking chart shows: at FYL_RANK_MAX_H a row keeps about 10
 * points, so names stay readable. A longer ranking is split into even parts (73 become 37
 * + 36) that share one scale. No county has more than 46. */
#define FYL_RANK_ROWS	50

/* The report being built: read-only inputs and the numbering of its headings. */
struct fyl {
	const struct report_ctx	*c;
	const struct results	*r;
	struct doc		*doc;
	size_t			 f;		/* the county (register index of fylker) */
	size_t			 place;		/* its place in the results */
	size_t			 land;		/* the country's place */
	const char		*fylke;		/* its name */
	size_t			*kom;		/* its municipalities (register indexes) */
	size_t			 nkom;
	size_t			 npresent;	/* of them with rows in the reporting year */
	char			 aar[16], forrige[16], forste[16];
	char			*dato;		/* the reference date as templates write it */
	struct report_numbering	 num;
	int			 named;		/* part of an office report of several
						 * counties: chapter headings name the
						 * county */
};

/* A chapter heading; in an office report of several counties with the county's name
 * (statsforvalter.fylkesdel.overskrift). */
static void
fyl_chapter(struct fyl *m, const char *text)
{
	struct buf b;

	if (!m->named) {
		report_heading(&m->num, m->doc, 1, text);
		return;
	}
	buf_init(&b);
	report_expand(m->c, &b, "statsforvalter.fylkesdel.overskrift", "overskrift", text,
	    "fylke", m->fylke, NULL);
	report_heading(&m->num, m->doc, 1, b.data);
	buf_free(&b);
}

/* ---- Small helpers ---- */

/* A barometer cell: the figure without its unit (the footnote gives the units) and the
 * level's symbol, ":" when hidden, ".." when missing; a municipality's answer on a survey
 * indicator (0 or 100 %) as a short word with its class's symbol. */
static void
fyl_cell(const struct fyl *m, size_t ind, const struct figure *f, struct buf *out)
{
	static const char *const answer_keys[COUNT_NANSWER] = {
	    "fylke.barometer.svar.etablert", "fylke.barometer.svar.under_arbeid",
	    "fylke.barometer.svar.ikke_etablert", "fylke.barometer.svar.vet_ikke",
	    "felles.symbol.mangler" };
	char num[32];

	(void)ind;
	buf_reset(out);
	if (f->state != FIG_PUBLISHED) {
		buf_puts(out, report_str(m->c, f->state == FIG_HIDDEN ?
		    "felles.symbol.skjult" : "felles.symbol.mangler"));
		return;
	}
	if (f->answer != ANSWER_NONE) {
		buf_puts(out, report_str(m->c, answer_keys[counts_answer_slot(f->answer)]));
		buf_puts(out, NBSP);
		buf_puts(out, report_answer_symbol(m->c, f->answer));
		return;
	}
	compute_format10(f->value10, num, sizeof(num));
	buf_puts(out, num);
	if (f->level >= LEVEL_LAV && f->level <= LEVEL_GOD) {
		buf_puts(out, NBSP);
		buf_puts(out, report_level_symbol(m->c, f->level));
	}
}

/* The internal-control answer of municipality k as a counts.h slot (established, in
 * progress, not established, don't know, not answered), or COUNT_NANSWER for a hidden
 * one, which is counted and listed nowhere (as counts_answers does). */
static size_t
fyl_ik_class(const struct fyl *m, long ik, size_t k)
{
	const struct figure *f;

	if (ik < 0)
		return COUNT_UNANSWERED;
	f = report_figure(m->c, (size_t)ik, k);
	if (f->state == FIG_HIDDEN)
		return COUNT_NANSWER;
	if (f->state != FIG_PUBLISHED)
		return COUNT_UNANSWERED;
	return counts_answer_slot(f->answer);
}

/* 1 when measure i belongs to a municipality of this county. */
static int
fyl_own_measure(const struct fyl *m, size_t i)
{
	const struct measure *me = &m->r->measures[i];

	return (size_t)m->r->ds->reg.kommuner[me->kommune].fylke == m->f;
}

/* ---- Cover ---- */

static void
fyl_cover(struct fyl *m)
{
	const struct report_ctx *c = m->c;
	struct buf title, sub, place, year;

	buf_init(&title);
	buf_init(&sub);
	buf_init(&place);
	buf_init(&year);
	report_expand(c, &title, "fylke.tittel", "fylke", m->fylke, NULL);
	report_expand(c, &sub, "fylke.undertittel", "aar", m->aar, NULL);
	report_expand(c, &place, "fylke.forside.fylke", "fylke", m->fylke, NULL);
	report_expand(c, &year, "fylke.forside.aar", "aar", m->aar, NULL);
	report_cover(c, m->doc, &(struct doc_cover){ .title = title.data,
	    .subtitle = sub.data, .place = place.data, .year = year.data }, m->dato);
	buf_free(&title);
	buf_free(&sub);
	buf_free(&place);
	buf_free(&year);
}

/* ---- Summary ---- */

/* How many present municipalities of the county have each level of indicator ind. */
static void
fyl_level_counts(const struct fyl *m, size_t ind, long n[3])
{
	size_t i;

	n[0] = n[1] = n[2] = 0;
	for (i = 0; i < m->nkom; i++) {
		const struct figure *f = report_figure(m->c, ind, m->kom[i]);

		if (f->state == FIG_PUBLISHED && f->level >= LEVEL_LAV &&
		    f->level <= LEVEL_GOD)
			n[f->level]++;
	}
}

/* The county's comparison with the country for indicator ind, or NULL when there is
 * none (the data has no other county's municipalities). */
static const struct comparison *
fyl_country(const struct fyl *m, size_t ind, struct comparison cmp[2])
{
	return compare_place(m->c->cmp, m->r->year, ind, m->place, cmp) > 0 ? &cmp[0] : NULL;
}

/* 1 when some indicator has a comparison with the country of the run's own data, 2 when
 * every such comparison is the reference table's, 0 when there is none. */
static int
fyl_has_country(const struct fyl *m)
{
	struct comparison cmp[2];
	const struct comparison *land;
	size_t i;
	int any = 0;

	for (i = 0; i < m->r->defs->n; i++)
		if ((land = fyl_country(m, i, cmp)) != NULL) {
			if (land->source == NULL)
				return 1;
			any = 2;
		}
	return any;
}

static void
fyl_summary_row(struct fyl *m, struct doc_table *t, size_t i, int country, int change,
    struct report_used *u)
{
	const struct report_ctx *c = m->c;
	const struct figure *fy = report_figure(m->c, i, m->place);
	struct comparison cmp[2];
	const struct comparison *land;
	struct buf b;
	long n[3];
	int lv;

	buf_init(&b);
	report_note_fig(fy, u);
	doc_table_row(t, 0);
	report_ind_cell(c, i, u, &b);
	doc_table_cell(t, b.data, DOC_MARK_NONE);
	buf_reset(&b);
	report_fig(c, i, fy, &b);
	if (fy->state == FIG_PUBLISHED) {
		buf_putc(&b, '\n');
		report_counts(c, i, fy, &b);
	}
	report_coverage_line(c, m->r->year, i, m->place, &b);
	doc_table_cell(t, b.data, DOC_MARK_NONE);
	buf_reset(&b);
	report_level(c, fy, &b);
	doc_table_cell(t, b.data, report_mark(fy));
	if (country) {
		buf_reset(&b);
		if ((land = fyl_country(m, i, cmp)) != NULL) {
			report_cmp_cell(c, i, land, &b);
			report_note_fig(land->fig, u);
			u->verdict |= land->verdict != STATS_NONE;
			u->reference |= land->source != NULL;
		} else
			buf_puts(&b, report_str(c, "fylke.sammendrag.ingen_sammenligning"));
		doc_table_cell(t, b.data, DOC_MARK_NONE);
	}
	if (change) {
		buf_reset(&b);
		if (report_change_cell(c, i, m->place, &b))
			u->verdict = 1;
		else
			u->no_change = 1;
		doc_table_cell(t, b.data, DOC_MARK_NONE);
	}
	fyl_level_counts(m, i, n);
	for (lv = LEVEL_GOD; lv >= LEVEL_LAV; lv--) {
		buf_reset(&b);
		/* A municipality's answer has no level: the chapter on internal control
		 * counts the answers instead. */
		if (m->r->defs->v[i].source == TABLE_SURVEY) {
			buf_puts(&b, report_str(c, "felles.symbol.ikke_aktuelt"));
			u->no_change = 1;
		} else
			report_count(n[lv], &b);
		doc_table_cell(t, b.data, DOC_MARK_NONE);
	}
	buf_free(&b);
}

static void
fyl_summary_table(struct fyl *m)
{
	const struct report_ctx *c = m->c;
	int change = m->r->nyears > 1, country = fyl_has_country(m);
	size_t ncols = 6 + (size_t)change + (size_t)country, i, col;
	struct doc_table *t = doc_table(m->doc, ncols);
	struct report_used u;
	struct buf b;
	int lv;

	memset(&u, 0, sizeof(u));
	buf_init(&b);
	/* Widths in points of the 483 of a portrait page: values such as "12,3 per 1000"
	 * and levels such as "◆ Middels" on one line. */
	doc_table_col(t, 0, report_str(c, "fylke.sammendrag.kol.indikator"),
	    92 + (change ? 0 : 72) + (country ? 0 : 72), DOC_LEFT);
	report_expand(c, &b, "fylke.sammendrag.kol.fylke", "fylke", m->fylke, "aar", m->aar,
	    NULL);
	doc_table_col(t, 1, b.data, 70, DOC_RIGHT);
	doc_table_col(t, 2, report_str(c, "fylke.sammendrag.kol.niva"), 53, DOC_LEFT);
	col = 3;
	if (country)
		doc_table_col(t, col++, report_str(c, "fylke.sammendrag.kol.land"), 72,
		    DOC_RIGHT);
	if (change) {
		buf_reset(&b);
		report_expand(c, &b, "fylke.sammendrag.kol.endring", "forrige_aar", m->forrige,
		    NULL);
		doc_table_col(t, col++, b.data, 72, DOC_RIGHT);
	}
	for (lv = LEVEL_GOD; lv >= LEVEL_LAV; lv--) {
		buf_reset(&b);
		buf_puts(&b, report_level_symbol(c, lv));
		buf_putc(&b, '\n');
		buf_puts(&b, report_level_word(c, lv));
		doc_table_col(t, col++, b.data, 41.3, DOC_RIGHT);
	}
	for (i = 0; i < m->r->defs->n; i++)
		fyl_summary_row(m, t, i, country, change, &u);
	buf_free(&b);
	doc_small(m->doc, report_str(c, "fylke.sammendrag.fotnote.fordeling"));
	report_footnotes(m->c, m->doc, &u);
}

/* The summary's sentences on internal control and overdue measures. */
static void
fyl_summary_points(struct fyl *m)
{
	const struct report_ctx *c = m->c;
	long ik = report_find_ind(m->c, "internkontroll");
	size_t i, without = 0, answered = 0, overdue = 0, kommuner = 0, measures = 0;
	size_t undated = 0;
	size_t last = (size_t)-1;
	char num[32], num2[32];
	struct buf b;

	for (i = 0; i < m->nkom; i++) {
		size_t cls = fyl_ik_class(m, ik, m->kom[i]);

		answered += cls < COUNT_UNANSWERED;
		without += cls < COUNT_UNANSWERED && cls != COUNT_ESTABLISHED;
	}
	for (i = 0; i < m->r->nmeasures; i++) {
		if (!fyl_own_measure(m, i))
			continue;
		measures++;
		undated += report_measure_undated(&m->r->measures[i]);
		if (!m->r->measures[i].overdue)
			continue;
		overdue++;
		if (m->r->measures[i].kommune != last)
			kommuner++;
		last = m->r->measures[i].kommune;
	}
	buf_init(&b);
	if (answered > 0 && without == 1)
		doc_bullet(m->doc, report_str(c, "fylke.sammendrag.uten_internkontroll_en"));
	else if (answered > 0 && without > 0) {
		snprintf(num, sizeof(num), "%zu", without);
		report_expand(c, &b, "fylke.sammendrag.uten_internkontroll", "antall", num,
		    NULL);
		doc_bullet(m->doc, b.data);
	} else if (answered > 0)
		doc_bullet(m->doc, report_str(c, "fylke.uten_internkontroll.ingen"));
	buf_reset(&b);
	if (overdue > 0) {
		snprintf(num, sizeof(num), "%zu", overdue);
		snprintf(num2, sizeof(num2), "%zu", kommuner);
		report_expand(c, &b, kommuner == 1 ? "fylke.sammendrag.forfalte_en" :
		    "fylke.sammendrag.forfalte", "antall", num, "kommuner", num2, NULL);
		doc_bullet(m->doc, b.data);
	} else if (measures > 0) {
		report_no_overdue(c, undated, &b);
		doc_bullet(m->doc, b.data);
	}
	buf_free(&b);
}

static void
fyl_summary(struct fyl *m)
{
	const struct report_ctx *c = m->c;
	size_t *absent = xcalloc(m->nkom + 1, sizeof(*absent)), nabsent = 0, i;
	char num[32];
	struct buf b, names;

	fyl_chapter(m, report_str(c, "fylke.sammendrag.overskrift"));
	buf_init(&b);
	buf_init(&names);
	snprintf(num, sizeof(num), "%zu", m->npresent);
	report_expand(c, &b, m->npresent == 1 ? "fylke.sammendrag.intro_en" :
	    "fylke.sammendrag.intro", "antall", num, "fylke", m->fylke, "aar", m->aar, NULL);
	buf_putc(&b, ' ');
	i = (size_t)fyl_has_country(m);
	report_expand(c, &b, i == 1 ? "fylke.sammendrag.sammenligning" : i == 2 ?
	    "fylke.sammendrag.sammenligning_referanse" : "fylke.sammendrag.sammenligning_uten",
	    "fylke", m->fylke, "fil", c->cmp->ref != NULL ? c->cmp->ref->name : "", NULL);
	doc_paragraph(m->doc, b.data);
	for (i = 0; i < m->nkom; i++)
		if (!results_present(m->r, m->r->year, m->kom[i]))
			absent[nabsent++] = m->kom[i];
	if (nabsent > 0) {
		buf_reset(&b);
		snprintf(num, sizeof(num), "%zu", nabsent);
		report_place_names(m->c, absent, nabsent, &names);
		report_expand(c, &b, "fylke.sammendrag.uten_data", "antall", num, "kommuner",
		    names.data, "aar", m->aar, NULL);
		doc_paragraph(m->doc, b.data);
	}
	buf_free(&names);
	buf_free(&b);
	free(absent);
	fyl_summary_table(m);
	fyl_summary_points(m);
}

/* ---- Barometer ---- */

static void
fyl_barometer_row(struct fyl *m, struct doc_table *t, size_t place, const char *label,
    int emph, struct report_used *u)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	doc_table_row(t, emph);
	doc_table_cell(t, label, DOC_MARK_NONE);
	for (i = 0; i < m->r->defs->n; i++) {
		const struct figure *f = report_figure(m->c, i, place);

		report_note_fig(f, u);
		fyl_cell(m, i, f, &b);
		doc_table_cell(t, b.data, report_mark(f));
	}
	buf_free(&b);
}

/* The country's row of the barometer: what the county is compared with, indicator by
 * indicator ("–" where the country would be the county's own municipalities). Nothing
 * when no indicator has a comparison. */
static void
fyl_barometer_country(struct fyl *m, struct doc_table *t, struct report_used *u)
{
	struct comparison cmp[2];
	const struct comparison *land;
	struct buf b, label;
	size_t i;
	int any = 0, partial = 0;

	for (i = 0; i < m->r->defs->n; i++)
		if ((land = fyl_country(m, i, cmp)) != NULL) {
			any = 1;
			partial |= land->covered != land->total;
		}
	if (!any)
		return;
	buf_init(&b);
	buf_init(&label);
	if (partial)
		report_expand(m->c, &label, "felles.sammenligning.etikett.serie_land", "fylke",
		    "", NULL);
	else
		buf_puts(&label, report_place_name(m->c, m->land));
	doc_table_row(t, 1);
	doc_table_cell(t, label.data, DOC_MARK_NONE);
	for (i = 0; i < m->r->defs->n; i++) {
		if ((land = fyl_country(m, i, cmp)) == NULL) {
			doc_table_cell(t, report_str(m->c, "fylke.sammendrag.ingen_sammenligning"),
			    DOC_MARK_NONE);
			continue;
		}
		report_note_fig(land->fig, u);
		u->reference |= land->source != NULL;
		fyl_cell(m, i, land->fig, &b);
		doc_table_cell(t, b.data, report_mark(land->fig));
	}
	buf_free(&b);
	buf_free(&label);
}

static void
fyl_barometer(struct fyl *m)
{
	const struct report_ctx *c = m->c;
	size_t n = m->r->defs->n, i;
	struct doc_table *t;
	struct report_used u;
	struct buf b;

	memset(&u, 0, sizeof(u));
	doc_orientation(m->doc, DOC_LANDSCAPE);
	fyl_chapter(m, report_str(c, "fylke.barometer.overskrift"));
	buf_init(&b);
	report_expand(c, &b, "fylke.barometer.intro", "fylke", m->fylke, "aar", m->aar, NULL);
	doc_paragraph(m->doc, b.data);
	buf_free(&b);
	t = doc_table(m->doc, n + 1);
	doc_table_col(t, 0, report_str(c, "fylke.barometer.kol.kommune"), 1.7, DOC_LEFT);
	buf_init(&b);
	for (i = 0; i < n; i++) {
		/* Narrow columns: the templates may say where a long word breaks. */
		buf_reset(&b);
		buf_printf(&b, "fylke.barometer.kol.%s", m->r->defs->v[i].id);
		doc_table_col(t, i + 1, tmpl_get(c->t, b.data) != NULL ?
		    report_str(c, b.data) : report_ind_short(c, i), 1, DOC_RIGHT);
	}
	buf_free(&b);
	/* Oslo is a county and a municipality: the county's row must not read "Oslo" too. */
	buf_reset(&b);
	report_aggregate_label(c, m->place, REPORT_ALL, &b);
	for (i = 0; i < m->nkom; i++) {
		const char *name = report_place_name(c, m->kom[i]);

		fyl_barometer_row(m, t, m->kom[i], name, 0, &u);
		if (strcmp(name, m->fylke) == 0) {
			buf_reset(&b);
			report_expand(c, &b, "fylke.barometer.fylket", "fylke", m->fylke, NULL);
		}
	}
	fyl_barometer_row(m, t, m->place, b.data, 1, &u);
	fyl_barometer_country(m, t, &u);
	u.no_level = 0;		/* the unit footnote says what a figure without a symbol is */
	buf_free(&b);
	doc_small(m->doc, report_str(c, "felles.niva.forklaring"));
	doc_small(m->doc, report_str(c, "fylke.barometer.fotnote.enhet"));
	report_footnotes(m->c, m->doc, &u);
	doc_orientation(m->doc, DOC_PORTRAIT);
}

/* ---- Ranking ---- */

/* 1 when some municipality of the county has a figure (published or hidden) on
 * indicator ind: a ranking of nothing but ".." says nothing. */
static int
fyl_has_figures(const struct fyl *m, size_t ind)
{
	size_t k;

	for (k = 0; k < m->nkom; k++) {
		enum fig_state s = report_figure(m->c, ind, m->kom[k])->state;

		if (s == FIG_PUBLISHED || s == FIG_HIDDEN)
			return 1;
	}
	return 0;
}

/* Ranking order of two municipalities' values: the larger first; hidden and missing
 * last. */
static long
fyl_rank_key(const struct chart_value *v)
{
	return v->state == CHART_VALUE ? v->v10 : LONG_MIN;
}

/* The municipalities of the county with rows in the reporting year, ranked on indicator
 * ind, with the county and the country as reference lines: one chart, or parts of at most
 * FYL_RANK_ROWS that share one axis and one label column, so that their bars compare.
 * Adds them to the document as figures name, name-2, ...; nothing when there are none. */
static void
fyl_ranked_charts(const struct fyl *m, size_t ind, const char *title, const char *name)
{
	const struct indicator *i = &m->r->defs->v[ind];
	const char **cats = xcalloc(m->nkom + 1, sizeof(*cats)), *tc;
	struct chart_value *v = xcalloc(m->nkom + 1, sizeof(*v)), tv;
	struct chart_band bands[4];
	struct chart_ref refs[2];
	struct comparison cmp[2];
	const struct comparison *land;
	struct buf land_label, own_label;
	int top10 = 0;
	size_t n = 0, k, j, parts, p, from, len, nrefs;
	struct buf note, fig;

	for (k = 0; k < m->nkom; k++) {
		const struct figure *f = report_figure(m->c, ind, m->kom[k]);

		/* Too few to be levelled is too few to be ranked: listed under the chart. */
		if (!results_present(m->r, m->r->year, m->kom[k]) ||
		    (f->state == FIG_PUBLISHED && f->level == LEVEL_NONE))
			continue;
		cats[n] = report_place_name(m->c, m->kom[k]);
		v[n] = report_chart_value(f);
		if (v[n].state == CHART_VALUE && v[n].v10 > top10)
			top10 = v[n].v10;
		n++;
	}
	/* Ranked here, not by the chart, so that the parts follow each other. Stable. */
	for (k = 1; k < n; k++) {
		for (j = k; j > 0 && fyl_rank_key(&v[j - 1]) < fyl_rank_key(&v[j]); j--) {
			tv = v[j];
			v[j] = v[j - 1];
			v[j - 1] = tv;
			tc = cats[j];
			cats[j] = cats[j - 1];
			cats[j - 1] = tc;
		}
	}
	buf_init(&own_label);
	report_year_label(m->c, m->r->year, ind, m->place, &own_label);
	refs[0] = (struct chart_ref){ own_label.data,
	    report_chart_value(report_figure(m->c, ind, m->place)) };
	nrefs = 1;
	buf_init(&land_label);
	if ((land = fyl_country(m, ind, cmp)) != NULL) {
		report_cmp_label(m->c, land, &land_label);
		refs[nrefs++] = (struct chart_ref){ land_label.data,
		    report_chart_value(land->fig) };
	}
	for (k = 0; k < nrefs; k++)
		if (refs[k].value.state == CHART_VALUE && refs[k].value.v10 > top10)
			top10 = refs[k].value.v10;
	top10 = report_axis_end(i, top10);
	parts = (n + FYL_RANK_ROWS - 1) / FYL_RANK_ROWS;
	buf_init(&note);
	buf_init(&fig);
	for (p = 0; p < parts; p++) {
		from = n * p / parts;
		len = n * (p + 1) / parts - from;
		buf_reset(&note);
		buf_reset(&fig);
		if (p == 0)
			buf_puts(&fig, name);
		else
			buf_printf(&fig, "%s-%zu", name, p + 1);
		report_add_chart(m->c, m->doc, chart_new(&(struct chart_spec){
		    .kind = CHART_BAR, .horizontal = 1,
		    .title = title, .axis_title = report_axis_title(m->c, i),
		    .note = report_chart_note(m->c, v + from, len, &note), .ncat = len,
		    .categories = cats + from,
		    .nseries = 1, .series = (const char *const[]){ report_ind_short(m->c, ind) },
		    .values = v + from, .bands = bands,
		    .nbands = report_level_bands(m->c, i, bands, top10),
		    .nrefs = nrefs, .refs = refs, .max10 = top10,
		    .label_set = parts > 1 ? cats : NULL, .nlabel_set = parts > 1 ? n : 0,
		    .unit = report_unit(m->c, ind) }),
		    fig.data, FYL_RANK_MAX_H);
	}
	buf_free(&note);
	buf_free(&fig);
	buf_free(&land_label);
	buf_free(&own_label);
	free(v);
	free(cats);
}

/* The municipalities with too few rows for a level (min_n_niva), which the ranking of
 * indicator ind leaves out: one sentence with their figures and counts. */
static void
fyl_unranked(const struct fyl *m, size_t ind)
{
	const struct indicator *d = &m->r->defs->v[ind];
	struct buf names, b;
	char minn[16];
	size_t k, n = 0;

	buf_init(&names);
	for (k = 0; k < m->nkom; k++) {
		const struct figure *f = report_figure(m->c, ind, m->kom[k]);

		if (f->state != FIG_PUBLISHED || f->level != LEVEL_NONE ||
		    f->answer != ANSWER_NONE)
			continue;
		if (n++ > 0)
			buf_puts(&names, ", ");
		buf_puts(&names, report_place_name(m->c, m->kom[k]));
		buf_puts(&names, " (");
		report_value(m->c, ind, f->value10, &names);
		buf_puts(&names, ", ");
		report_counts(m->c, ind, f, &names);
		buf_putc(&names, ')');
	}
	if (n > 0) {
		buf_init(&b);
		snprintf(minn, sizeof(minn), "%d", d->min_n_level);
		report_expand(m->c, &b, "fylke.rangering.ikke_rangert", "min_n", minn, "enhet",
		    report_str(m->c, d->source == TABLE_ACTIONS ? "felles.enhet.tiltak" :
		    "felles.enhet.planer"), "kommuner", names.data, NULL);
		doc_paragraph(m->doc, b.data);
		buf_free(&b);
	}
	buf_free(&names);
}

static void
fyl_ranking(struct fyl *m)
{
	const struct report_ctx *c = m->c;
	struct buf title, name;
	size_t i;

	report_heading(&m->num, m->doc, 1, report_str(c, "fylke.rangering.overskrift"));
	doc_paragraph(m->doc, report_str(c, "fylke.rangering.intro"));
	buf_init(&title);
	buf_init(&name);
	for (i = 0; i < m->r->defs->n; i++) {
		const struct indicator *ind = &m->r->defs->v[i];

		/* A survey indicator is 0 or 100 % per municipality: the internal-control
		 * chapter shows its distribution instead of a ranking. */
		if (ind->source == TABLE_SURVEY || !fyl_has_figures(m, i))
			continue;
		report_heading(&m->num, m->doc, 2, report_ind_short(c, i));
		buf_reset(&title);
		report_expand(c, &title, "fylke.rangering.diagram.tittel", "indikator",
		    report_ind_short(c, i), "fylke", m->fylke, "aar", m->aar, NULL);
		buf_reset(&name);
		buf_printf(&name, "%s-rangering", ind->id);
		fyl_ranked_charts(m, i, title.data, name.data);
		fyl_unranked(m, i);
	}
	buf_free(&title);
	buf_free(&name);
}

/* ---- Internal control ---- */

static void
fyl_ik(struct fyl *m)
{
	const struct report_ctx *c = m->c;
	long ik = report_find_ind(m->c, "internkontroll");
	long n[COUNT_NANSWER];
	struct chart_value v[COUNT_NANSWER];
	const char *series[COUNT_NANSWER];
	enum chart_tone tones[COUNT_NANSWER];
	char num[COUNT_NANSWER + 1][32];
	struct buf b;
	size_t i;

	if (ik < 0)	/* no such indicator in indicators/: no chapter */
		return;
	fyl_chapter(m, report_str(c, "fylke.internkontroll.overskrift"));
	counts_answers(m->r, m->r->year, (size_t)ik, m->place, n);
	buf_init(&b);
	if (n[COUNT_ESTABLISHED] + n[COUNT_PROGRESS] + n[COUNT_NOT] + n[COUNT_UNSURE] == 0) {
		report_expand(c, &b, "fylke.internkontroll.ingen_svar", "aar", m->aar, NULL);
		doc_paragraph(m->doc, b.data);
		buf_free(&b);
		return;
	}
	for (i = 0; i < COUNT_NANSWER; i++)
		snprintf(num[i], sizeof(num[i]), "%ld", n[i]);
	snprintf(num[COUNT_NANSWER], sizeof(num[COUNT_NANSWER]), "%ld",
	    n[COUNT_ESTABLISHED] + n[COUNT_PROGRESS] + n[COUNT_NOT] + n[COUNT_UNSURE]);
	report_expand(c, &b, "fylke.internkontroll.intro", "etablert", num[COUNT_ESTABLISHED],
	    "under_arbeid", num[COUNT_PROGRESS], "ikke_etablert", num[COUNT_NOT], "vet_ikke",
	    num[COUNT_UNSURE], "ikke_besvart", num[COUNT_UNANSWERED], "antall",
	    num[COUNT_NANSWER], NULL);
	doc_paragraph(m->doc, b.data);
	for (i = 0; i < COUNT_NANSWER; i++) {
		int cls = report_answer_of_slot(i);

		v[i] = CHART_VAL((int)n[i] * 10);
		series[i] = report_answer_word(c, cls);
		tones[i] = report_answer_tone(cls);
	}
	buf_reset(&b);
	report_expand(c, &b, "fylke.internkontroll.diagram.tittel", "fylke", m->fylke, "aar",
	    m->aar, NULL);
	report_add_chart(c, m->doc, chart_new(&(struct chart_spec){ .kind = CHART_STACKED,
	    .horizontal = 1, .title = b.data,
	    .axis_title = report_str(c, "felles.diagram.akse.antall_kommuner"),
	    .integers = 1, .ncat = 1, .categories = (const char *const[]){ m->fylke },
	    .nseries = COUNT_NANSWER, .series = series, .tones = tones,
	    .values = v }), "internkontroll-fordeling", 0);
	buf_free(&b);
}

/* The table of municipalities that answered anything but "established": not
 * established first, then don't know, then in progress; returns how many rows. */
static size_t
fyl_without_ik_table(struct fyl *m, long ik)
{
	static const size_t order[] = { COUNT_NOT, COUNT_UNSURE, COUNT_PROGRESS };
	const struct report_ctx *c = m->c;
	struct doc_table *t = NULL;
	size_t rows = 0, i, o;

	for (o = 0; o < sizeof(order) / sizeof(order[0]); o++)
		for (i = 0; i < m->nkom; i++) {
			int cls = report_answer_of_slot(order[o]);
			const char *svar;

			if (fyl_ik_class(m, ik, m->kom[i]) != order[o])
				continue;
			if (t == NULL) {
				doc_paragraph(m->doc,
				    report_str(c, "fylke.uten_internkontroll.intro"));
				t = doc_table(m->doc, 3);
				doc_table_col(t, 0, report_str(c,
				    "fylke.uten_internkontroll.kol.kommune"), 1.3, DOC_LEFT);
				doc_table_col(t, 1, report_str(c,
				    "fylke.uten_internkontroll.kol.svar"), 2.6, DOC_LEFT);
				doc_table_col(t, 2, report_str(c,
				    "fylke.uten_internkontroll.kol.vurdering"), 1.1, DOC_LEFT);
			}
			svar = report_answer(m->c, m->kom[i], "IK1");
			doc_table_row(t, 0);
			doc_table_cell(t, report_place_name(m->c, m->kom[i]),
			    DOC_MARK_NONE);
			doc_table_cell(t, svar != NULL ? svar : "", DOC_MARK_NONE);
			doc_table_cell(t, report_answer_word(c, cls), report_answer_mark(cls));
			rows++;
		}
	return rows;
}

static void
fyl_without_ik(struct fyl *m)
{
	const struct report_ctx *c = m->c;
	long ik = report_find_ind(m->c, "internkontroll");
	size_t *none, nnone = 0, i;
	struct buf b, names;

	if (ik < 0)	/* no such indicator in indicators/: no chapter */
		return;
	none = xcalloc(m->nkom + 1, sizeof(*none));
	fyl_chapter(m, report_str(c, "fylke.uten_internkontroll.overskrift"));
	for (i = 0; i < m->nkom; i++)
		if (results_present(m->r, m->r->year, m->kom[i]) &&
		    fyl_ik_class(m, ik, m->kom[i]) == COUNT_UNANSWERED)
			none[nnone++] = m->kom[i];
	if (fyl_without_ik_table(m, ik) == 0 && nnone < m->npresent)
		doc_paragraph(m->doc, report_str(c, "fylke.uten_internkontroll.ingen"));
	if (nnone > 0) {
		buf_init(&b);
		buf_init(&names);
		report_place_names(m->c, none, nnone, &names);
		report_expand(c, &b, "fylke.uten_internkontroll.ikke_svart", "kommuner",
		    names.data, NULL);
		doc_paragraph(m->doc, b.data);
		buf_free(&names);
		buf_free(&b);
	}
	free(none);
}

/* ---- Overdue measures ---- */

static void
fyl_overdue(struct fyl *m)
{
	const struct report_ctx *c = m->c;
	size_t *idx = xcalloc(m->r->nmeasures + 1, sizeof(*idx)), n = 0, own = 0, i;
	size_t undated = 0;
	struct buf b;

	fyl_chapter(m, report_str(c, "fylke.forfalte.overskrift"));
	for (i = 0; i < m->r->nmeasures; i++) {
		if (!fyl_own_measure(m, i))
			continue;
		own++;
		undated += report_measure_undated(&m->r->measures[i]);
		if (m->r->measures[i].overdue)
			idx[n++] = i;
	}
	buf_init(&b);
	if (own == 0)
		doc_paragraph(m->doc, report_str(c, "fylke.forfalte.ingen_tiltak"));
	else if (n == 0) {
		report_no_overdue(c, undated, &b);
		doc_paragraph(m->doc, b.data);
	} else {
		report_expand(c, &b, "fylke.forfalte.intro", "dato", m->dato, NULL);
		doc_paragraph(m->doc, b.data);
		report_sort_measures(idx, n, m->r->measures);
		report_overdue_table(c, m->doc, idx, n, 0);
	}
	buf_free(&b);
	free(idx);
}

/* ---- Trend ---- */

static void
fyl_trend_table(struct fyl *m)
{
	const struct report_ctx *c = m->c;
	const struct results *r = m->r;
	struct doc_table *t = doc_table(m->doc, r->nyears + 2);
	struct report_used u;
	struct buf b;
	char year[16];
	size_t i, y;

	memset(&u, 0, sizeof(u));
	buf_init(&b);
	doc_table_col(t, 0, report_str(c, "fylke.utvikling.kol.indikator"), 2.4, DOC_LEFT);
	for (y = 0; y < r->nyears; y++) {
		snprintf(year, sizeof(year), "%d", r->years[y]);
		doc_table_col(t, y + 1, year, 1.1, DOC_RIGHT);
	}
	report_expand(c, &b, "fylke.utvikling.kol.endring", "forrige_aar", m->forrige, NULL);
	doc_table_col(t, r->nyears + 1, b.data, 1.2, DOC_RIGHT);
	for (i = 0; i < r->defs->n; i++) {
		const struct figure *f = NULL;

		/* The unit goes with the name: "29,1 per 1000" does not fit a year's column. */
		doc_table_row(t, 0);
		buf_reset(&b);
		report_expand(c, &b, "fylke.utvikling.rad", "indikator", report_ind_short(c, i),
		    "enhet", report_unit(c, i), NULL);
		doc_table_cell(t, b.data, DOC_MARK_NONE);
		for (y = 0; y < r->nyears; y++) {
			f = results_figure(r, r->years[y], i, m->place);
			if (f->state != FIG_PUBLISHED)
				report_note_fig(f, &u);
			buf_reset(&b);
			report_fig_number(c, f, &b);
			/* The counts under the figure: a reader judges a change by them. */
			if (f->state == FIG_PUBLISHED) {
				buf_putc(&b, '\n');
				report_counts(c, i, f, &b);
			}
			report_coverage_line(c, r->years[y], i, m->place, &b);
			doc_table_cell(t, b.data, DOC_MARK_NONE);
		}
		buf_reset(&b);
		if (report_change_short(c, i, m->place, &b))
			u.verdict = 1;
		else
			u.no_change = 1;
		doc_table_cell(t, b.data, DOC_MARK_NONE);
	}
	buf_free(&b);
	report_footnotes(m->c, m->doc, &u);
}

/* 1 when the county has a figure (published or hidden) in at least two years. */
static int
fyl_has_trend(const struct fyl *m, size_t ind)
{
	size_t y, n = 0;

	for (y = 0; y < m->r->nyears; y++)
		n += results_figure(m->r, m->r->years[y], ind, m->place)->state != FIG_MISSING;
	return n >= 2;
}

static void
fyl_trend(struct fyl *m)
{
	const struct report_ctx *c = m->c;
	struct buf b, name;
	size_t i;

	buf_init(&b);
	report_expand(c, &b, "fylke.utvikling.overskrift", "fylke", m->fylke, NULL);
	report_heading(&m->num, m->doc, 1, b.data);
	buf_reset(&b);
	if (m->r->nyears < 2) {
		report_expand(c, &b, "fylke.utvikling.ett_aar", "aar", m->aar, NULL);
		doc_paragraph(m->doc, b.data);
		buf_free(&b);
		return;
	}
	report_expand(c, &b, "fylke.utvikling.intro", "forste_aar", m->forste, "aar", m->aar,
	    NULL);
	doc_paragraph(m->doc, b.data);
	fyl_trend_table(m);
	buf_init(&name);
	for (i = 0; i < m->r->defs->n; i++) {
		if (!fyl_has_trend(m, i))
			continue;
		buf_reset(&b);
		report_expand(c, &b, "fylke.utvikling.diagram.tittel", "indikator",
		    report_ind_short(c, i), "fylke", m->fylke, "forste_aar", m->forste, "aar",
		    m->aar, NULL);
		buf_reset(&name);
		buf_printf(&name, "%s-utvikling", m->r->defs->v[i].id);
		report_add_chart(c, m->doc, report_chart_trend(c, i, m->place, b.data),
		    name.data, 0);
	}
	buf_free(&name);
	buf_free(&b);
}

/* ---- The report ---- */

static void
fyl_setup(struct fyl *m)
{
	const struct report_ctx *c = m->c;
	struct buf title, subject, header;

	buf_init(&title);
	buf_init(&subject);
	buf_init(&header);
	report_expand(c, &title, "fylke.tittel", "fylke", m->fylke, NULL);
	report_expand(c, &subject, "fylke.emne", "fylke", m->fylke, "aar", m->aar, NULL);
	report_expand(c, &header, "fylke.topptekst", "fylke", m->fylke, "aar", m->aar, NULL);
	report_doc_setup(c, m->doc, title.data, subject.data, header.data);
	buf_free(&title);
	buf_free(&subject);
	buf_free(&header);
}

static void
fyl_section(struct fyl *m, const char *name)
{
	if (strcmp(name, "forside") == 0)
		fyl_cover(m);
	else if (strcmp(name, "innhold") == 0)
		report_contents(m->c, m->doc);
	else if (strcmp(name, "sammendrag") == 0)
		fyl_summary(m);
	else if (strcmp(name, "barometer") == 0)
		fyl_barometer(m);
	else if (strcmp(name, "rangering") == 0)
		fyl_ranking(m);
	else if (strcmp(name, "internkontroll") == 0)
		fyl_ik(m);
	else if (strcmp(name, "uten_internkontroll") == 0)
		fyl_without_ik(m);
	else if (strcmp(name, "forfalte") == 0)
		fyl_overdue(m);
	else if (strcmp(name, "utvikling") == 0)
		fyl_trend(m);
	else if (strcmp(name, "vedlegg") == 0)
		report_appendix(m->c, m->doc, 1);
}

/* Fills m for county f: its municipalities in register order and the year labels. */
static void
fyl_init(struct fyl *m, const struct report_ctx *c, size_t f, struct doc *doc)
{
	const struct kommune_register *reg = &c->r->ds->reg;
	size_t k;

	memset(m, 0, sizeof(*m));
	m->c = c;
	m->r = c->r;
	m->doc = doc;
	m->f = f;
	m->place = reg->nkommuner + f;
	m->land = results_country_place(c->r);
	m->fylke = report_place_name(c, m->place);
	m->kom = xcalloc(reg->nkommuner + 1, sizeof(*m->kom));
	for (k = 0; k < reg->nkommuner; k++) {
		if ((size_t)reg->kommuner[k].fylke != f)
			continue;
		m->kom[m->nkom++] = k;
		m->npresent += results_present(c->r, c->r->year, k) != 0;
	}
	snprintf(m->aar, sizeof(m->aar), "%d", c->r->year);
	/* Changes are against the year before in the run, which may not be year - 1. */
	snprintf(m->forrige, sizeof(m->forrige), "%d",
	    c->r->nyears > 1 ? c->r->years[c->r->nyears - 2] : c->r->year - 1);
	snprintf(m->forste, sizeof(m->forste), "%d",
	    c->r->nyears > 0 ? c->r->years[0] : c->r->year);
	m->dato = report_date_str(c, c->r->refdate);
}

void
report_fylke(const struct report_ctx *c, size_t f, struct doc *doc)
{
	const char *const *items;
	struct fyl m;
	size_t n, i;

	if (f >= c->r->ds->reg.nfylker)
		return;
	fyl_init(&m, c, f, doc);
	fyl_setup(&m);
	n = tmpl_list(c->t, "fylke.rekkefolge", &items);
	for (i = 0; i < n; i++)
		fyl_section(&m, items[i]);
	free(m.kom);
	free(m.dato);
}

void
report_fylke_part(const struct report_ctx *c, size_t f, const char *section, int named,
    struct report_numbering *num, struct doc *doc)
{
	struct report_ctx own = *c;
	struct fyl m;
	char *figbase = NULL;

	if (f >= c->r->ds->reg.nfylker)
		return;
	/* Figures of several counties in one office report: each named by its county. */
	if (named && c->figbase != NULL)
		own.figbase = figbase = xasprintf("%s-%s", c->figbase, c->r->ds->reg.fylker[f].nr);
	fyl_init(&m, &own, f, doc);
	m.num = *num;
	m.named = named;
	fyl_section(&m, section);
	*num = m.num;
	free(m.kom);
	free(m.dato);
	free(figbase);
}
