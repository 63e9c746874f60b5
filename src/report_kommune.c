/*
 * report_kommune.c: the municipal report (docs/computation.md), one per municipality with
 * data: cover, 1 summary table, 2 the mapping survey theme by theme, 3 one section per
 * indicator with its charts, answers beside figures, the action plan, the development
 * areas, the municipality's own comments (those three in report_findings.c and
 * report_comments.c), and the shared appendix, in the order of the template list
 * kommune.rekkefolge (chapters numbered in that order). Every word
 * comes from templates/ (keys kommune.*, felles.*); every figure from the results
 * (compute.h), formatted through report.h. Called by run.c only; safe to run in several
 * threads on different docs (all state is on the stack).
 *
 * Choices made here:
 * - The survey chapter shows the answers of the reporting year only.
 * - A section's text says why a figure is absent (hidden, no active plans, no
 *   population, no data) and never gives a hidden figure's value, count, level, change,
 *   split or not-documented count. The number of active plans is said exactly when
 *   dekning is published.
 * - Charts: the comparison chart of every indicator that has a published figure for the
 *   municipality or one of its comparisons (compare.h); the trend chart where an earlier
 *   year has data (not for internkontroll, the municipality's answer); the
 *   brukermedvirkning split as stacked bars of the municipality and its comparisons
 *   from the run's own data; the measures by status. A chart of nothing but ".." is
 *   left out.
 * - The action plan takes landscape pages (the six columns of the KoRus form); later
 *   chapters return to portrait.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "report_findings.h"
#include "internal.h"
#include "report_service.h"

/* What every part of one municipal report needs; lives on report_kommune's stack. */
struct kom {
	const struct report_ctx	*c;
	const struct results	*r;
	struct doc		*doc;
	size_t			 k;		/* the municipality's place */
	size_t			 county;	/* its county's place */
	int			 yi;		/* index of the reporting year */
	const char		*kommune;	/* register names */
	const char		*fylke;
	char			*prose;		/* the municipality in a sentence: "Stranda
						 * kommune" (report_kommune_prose) */
	char			 aar[16];	/* the reporting year, the year before, the first */
	char			 forrige[16];
	char			 forste[16];
	char			*dato;		/* the reference date as the templates write it */
	struct report_numbering	 num;		/* of the headings written so far */
	int			 landscape;	/* the pages are landscape now */
};

/* ---- Small helpers ---- */

/* Appends one space when b already holds a sentence. */
static void
kom_space(struct buf *b)
{
	if (b->len > 0 && b->data[b->len - 1] != ' ')
		buf_putc(b, ' ');
}

/* Ends a paragraph: adds b to the document when it holds text, and empties it. */
static void
kom_flush(struct kom *m, struct buf *b)
{
	if (b->len > 0)
		doc_paragraph(m->doc, b->data);
	buf_reset(b);
}

/* The indicator's id. */
static const char *
kom_id(const struct kom *m, size_t ind)
{
	return m->r->defs->v[ind].id;
}

/* A key of this report for indicator ind: "kommune.ind.<id>.<what>". */
static void
kom_ind_key(const struct kom *m, size_t ind, const char *what, char *out, size_t outsz)
{
	snprintf(out, outsz, "kommune.ind.%s.%s", kom_id(m, ind), what);
}

/* 1 when the templates have this key. */
static int
kom_has(const struct kom *m, const char *key)
{
	return tmpl_get(m->c->t, key) != NULL;
}

/* A count as text into out (emptied first). */
static void
kom_count(long n, struct buf *out)
{
	buf_reset(out);
	report_count(n, out);
}

/* 1 when the municipality has a kept row in the plan file of the reporting year. */
static int
kom_has_plan_rows(const struct kom *m)
{
	const struct table *t = dataset_plans(m->r->ds, m->r->year);
	size_t i;

	if (t == NULL)
		return 0;
	for (i = 0; i < t->nrows; i++)
		if ((size_t)t->kommune[i] == m->k)
			return 1;
	return 0;
}

/* The number of action-plan measures of the municipality. */
static long
kom_measures(const struct kom *m)
{
	struct progress p;

	counts_progress(m->r, m->k, &p);
	return p.total;
}

/* ---- Cover ---- */

static void
kom_cover(struct kom *m)
{
	const struct report_ctx *c = m->c;
	struct buf sub, place, year;

	buf_init(&sub);
	buf_init(&place);
	buf_init(&year);
	report_expand(c, &sub, "kommune.undertittel", "kommune", m->kommune, "aar", m->aar,
	    NULL);
	internal_cover_subtitle(c, &sub);
	report_expand(c, &place, "kommune.forside.kommune", "kommune", m->kommune, NULL);
	report_expand(c, &year, "kommune.forside.fylke", "fylke", m->fylke, NULL);
	buf_putc(&year, '\n');
	report_expand(c, &year, "kommune.forside.aar", "aar", m->aar, NULL);
	report_cover(c, m->doc, &(struct doc_cover){
	    .title = report_str(c, "kommune.tittel"), .subtitle = sub.data,
	    .place = place.data, .year = year.data }, m->dato);
	buf_free(&sub);
	buf_free(&place);
	buf_free(&year);
}

/* ---- 1 Summary ---- */

/* Which symbols the summary table used, for its footnotes. */
struct kom_used {
	struct report_used	sym;
	int			no_cmp;		/* a comparison the data does not have */
	int			partial;	/* a comparison of some municipalities */
};

/* The comparison columns of the summary: which kinds (county, country) some indicator
 * has, and the label of each column (the county's name, "Landet"). */
struct kom_cols {
	int	has[2];
	struct buf label[2];
};

static void
kom_summary_cols(struct kom *m, struct kom_cols *cols)
{
	struct comparison cmp[2];
	size_t i, k, n;

	memset(cols, 0, sizeof(*cols));
	buf_init(&cols->label[0]);
	buf_init(&cols->label[1]);
	for (i = 0; i < m->r->defs->n; i++) {
		n = compare_place(m->c->cmp, m->r->year, i, m->k, cmp);
		for (k = 0; k < n; k++)
			cols->has[cmp[k].kind == COMPARE_COUNTRY] = 1;
	}
	buf_puts(&cols->label[0], m->fylke);
	buf_puts(&cols->label[1], report_str(m->c, "kommune.sammendrag.kol.land"));
}

/* The cell of comparison kind `kind` of indicator ind; "–" when it has none. */
static void
kom_summary_cmp_cell(struct kom *m, size_t ind, int kind, struct kom_used *u,
    struct buf *b)
{
	struct comparison cmp[2];
	size_t n = compare_place(m->c->cmp, m->r->year, ind, m->k, cmp), k;

	for (k = 0; k < n; k++)
		if ((int)cmp[k].kind == kind) {
			report_cmp_cell(m->c, ind, &cmp[k], b);
			report_note_fig(cmp[k].fig, &u->sym);
			u->partial |= cmp[k].covered != cmp[k].total;
			u->sym.verdict |= cmp[k].verdict != STATS_NONE;
			u->sym.reference |= cmp[k].source != NULL;
			return;
		}
	buf_puts(b, report_str(m->c, "kommune.sammendrag.ingen_sammenligning"));
	u->no_cmp = 1;
}

static void
kom_summary_row(struct kom *m, struct doc_table *t, size_t ind, const struct kom_cols *cols,
    struct kom_used *u)
{
	const struct figure *f = report_figure(m->c, ind, m->k);
	struct buf b;
	int kind;

	buf_init(&b);
	doc_table_row(t, 0);
	report_ind_cell(m->c, ind, &u->sym, &b);
	doc_table_cell(t, b.data, DOC_MARK_NONE);
	/* A municipality's own answer (internkontroll) is its class, not "0,0 %". */
	buf_reset(&b);
	if (f->state == FIG_PUBLISHED && f->answer != ANSWER_NONE) {
		const char *svar = report_answer(m->c, m->k, "IK1");

		/* The answer as it was given; the level column gives its class. */
		if (svar != NULL)
			report_expand(m->c, &b, "kommune.kartlegging.svar", "svar", svar, NULL);
		else
			buf_puts(&b, report_answer_word(m->c, f->answer));
	} else {
		report_fig(m->c, ind, f, &b);
		if (f->state == FIG_PUBLISHED) {
			buf_putc(&b, '\n');
			report_counts(m->c, ind, f, &b);
		}
	}
	doc_table_cell(t, b.data, DOC_MARK_NONE);
	buf_reset(&b);
	report_level(m->c, f, &b);
	doc_table_cell(t, b.data, report_mark(f));
	report_note_fig(f, &u->sym);
	for (kind = 0; kind < 2; kind++) {
		if (!cols->has[kind])
			continue;
		buf_reset(&b);
		kom_summary_cmp_cell(m, ind, kind, u, &b);
		doc_table_cell(t, b.data, DOC_MARK_NONE);
	}
	if (m->yi > 0) {
		const struct figure *pf = results_figure(m->r, m->r->years[m->yi - 1], ind,
		    m->k);

		buf_reset(&b);
		if (f->state == FIG_PUBLISHED && f->answer != ANSWER_NONE &&
		    pf->state == FIG_PUBLISHED && pf->answer != ANSWER_NONE) {
			/* Two answers: the earlier answer, not a percentage. */
			if (pf->answer == f->answer)
				buf_puts(&b, report_str(m->c, "kommune.sammendrag.svar_uendret"));
			else {
				char py[16];

				snprintf(py, sizeof(py), "%d", m->r->years[m->yi - 1]);
				report_expand(m->c, &b, "kommune.sammendrag.svar_endret", "svar",
				    report_answer_word(m->c, pf->answer), "aar", py, NULL);
			}
		} else if (report_change_cell(m->c, ind, m->k, &b))
			u->sym.verdict = 1;
		else
			u->sym.no_change = 1;
		doc_table_cell(t, b.data, DOC_MARK_NONE);
	}
	buf_free(&b);
}

static void
kom_summary_notes(struct kom *m, const struct kom_used *u)
{
	const struct report_ctx *c = m->c;

	doc_small(m->doc, report_str(c, "felles.niva.forklaring"));
	doc_small(m->doc, report_str(c, "kommune.sammendrag.fotnote.enhet"));
	if (u->no_cmp)
		doc_small(m->doc, report_str(c, "kommune.sammendrag.fotnote.ingen_sammenligning"));
	if (u->partial)
		doc_small(m->doc, report_str(c, "kommune.sammendrag.fotnote.delvis"));
	report_footnotes(c, m->doc, &u->sym);
}

/* ---- Background ---- */

/* What the law asks and what the report shows, as in the KoRus report's first chapter:
 * a council member should not need another document to read the rest. */
static void
kom_background(struct kom *m)
{
	const struct report_ctx *c = m->c;
	struct buf b;

	report_heading(&m->num, m->doc, 1, report_str(c, "kommune.bakgrunn.overskrift"));
	doc_paragraph(m->doc, report_str(c, "kommune.bakgrunn.rett"));
	doc_paragraph(m->doc, report_str(c, "kommune.bakgrunn.enhet"));
	buf_init(&b);
	report_expand(c, &b, "kommune.bakgrunn.rapport", "kommune", m->prose, "aar", m->aar,
	    NULL);
	doc_paragraph(m->doc, b.data);
	buf_free(&b);
}

/* The sentence on the number of active plans, published exactly when dekning is. */
static void
kom_summary_plans(struct kom *m, struct buf *b)
{
	const struct report_ctx *c = m->c;
	long ind = report_find_ind(m->c, "dekning");
	const struct figure *f;
	struct buf n;

	if (!kom_has_plan_rows(m)) {
		report_expand(c, b, "kommune.sammendrag.ingen_planfil", "kommune", m->prose,
		    "aar", m->aar, NULL);
		return;
	}
	if (ind < 0)
		return;
	f = report_figure(m->c, (size_t)ind, m->k);
	if (f->state == FIG_HIDDEN)
		report_expand(c, b, "kommune.sammendrag.antall_planer_skjult", "kommune",
		    m->prose, NULL);
	else if (f->state == FIG_PUBLISHED && f->num == 0)
		report_expand(c, b, "kommune.sammendrag.ingen_planer", "kommune", m->prose,
		    "dato", m->dato, NULL);
	else if (f->state == FIG_PUBLISHED) {
		buf_init(&n);
		report_count(f->num, &n);
		report_expand(c, b, "kommune.sammendrag.antall_planer", "kommune", m->prose,
		    "antall", n.data, "dato", m->dato, NULL);
		buf_free(&n);
	}
}

/* What the summary compares with, as its introduction says it. */
static void
kom_summary_intro(struct kom *m, const struct kom_cols *cols, struct buf *b)
{
	const char *key = cols->has[0] && cols->has[1] ? "kommune.sammendrag.intro" :
	    cols->has[0] ? "kommune.sammendrag.intro_fylke" : cols->has[1] ?
	    "kommune.sammendrag.intro_land" : "kommune.sammendrag.intro_uten";

	report_expand(m->c, b, key, "kommune", m->prose, "aar", m->aar, "fylke", m->fylke,
	    NULL);
}

static void
kom_summary(struct kom *m)
{
	const struct report_ctx *c = m->c;
	struct doc_table *t;
	struct kom_used u;
	struct kom_cols cols;
	struct buf b;
	size_t i, ncols, col = 0;
	int kind;

	memset(&u, 0, sizeof(u));
	buf_init(&b);
	kom_summary_cols(m, &cols);
	report_heading(&m->num, m->doc, 1,
	    report_str(c, "kommune.sammendrag.overskrift"));
	kom_summary_intro(m, &cols, &b);
	kom_flush(m, &b);
	ncols = 3 + (size_t)cols.has[0] + (size_t)cols.has[1] + (m->yi > 0);
	t = doc_table(m->doc, ncols);
	doc_table_col(t, col++, report_str(c, "kommune.sammendrag.kol.indikator"), 2.3,
	    DOC_LEFT);
	report_expand(c, &b, "kommune.sammendrag.kol.kommune", "kommune", m->kommune, "aar",
	    m->aar, NULL);
	doc_table_col(t, col++, b.data, 1.4, DOC_RIGHT);
	buf_reset(&b);
	doc_table_col(t, col++, report_str(c, "kommune.sammendrag.kol.niva"), 1.5, DOC_LEFT);
	for (kind = 0; kind < 2; kind++)
		if (cols.has[kind])
			doc_table_col(t, col++, cols.label[kind].data, 2.1, DOC_RIGHT);
	if (m->yi > 0) {
		report_expand(c, &b, "kommune.sammendrag.kol.endring", "forrige_aar", m->forrige,
		    NULL);
		doc_table_col(t, col++, b.data, 2.3, DOC_RIGHT);
		buf_reset(&b);
	}
	for (i = 0; i < m->r->defs->n; i++)
		kom_summary_row(m, t, i, &cols, &u);
	kom_summary_notes(m, &u);
	kom_summary_plans(m, &b);
	kom_flush(m, &b);
	buf_free(&b);
	buf_free(&cols.label[0]);
	buf_free(&cols.label[1]);
}

/* ---- 2 Findings of the mapping ---- */

/* The theme of a question in the report's language. */
static const char *
kom_theme(const struct kom *m, const struct question *q)
{
	const char *t = m->c->lang == LANG_NN ? q->theme_nn : q->theme_nb;

	return t != NULL ? t : "";
}

static const char *
kom_question(const struct kom *m, const struct question *q)
{
	const char *t = m->c->lang == LANG_NN ? q->text_nn : q->text_nb;

	return t != NULL ? t : q->id;
}

/* The assessment of a closed answer: symbol and word, and its mark. */
static enum doc_mark
kom_answer_class(const struct kom *m, const struct answer *a, struct buf *out)
{
	if (a->cls == ANSWER_NONE) {
		buf_puts(out, report_answer_word(m->c, ANSWER_NONE));
		return DOC_MARK_GREY;
	}
	buf_printf(out, "%s %s", report_answer_symbol(m->c, a->cls),
	    report_answer_word(m->c, a->cls));
	return report_answer_mark(a->cls);
}

/* Closed questions from answers[from] up to (not including) answers[to], as one table. */
static void
kom_closed_table(struct kom *m, const struct answer *ans, size_t from, size_t to)
{
	const struct report_ctx *c = m->c;
	struct doc_table *t = doc_table(m->doc, 3);
	struct buf b;
	enum doc_mark mk;
	size_t i;

	buf_init(&b);
	doc_table_col(t, 0, report_str(c, "kommune.kartlegging.kol.sporsmal"), 5, DOC_LEFT);
	doc_table_col(t, 1, report_str(c, "kommune.kartlegging.kol.svar"), 2.6, DOC_LEFT);
	doc_table_col(t, 2, report_str(c, "kommune.kartlegging.kol.vurdering"), 1.8,
	    DOC_LEFT);
	for (i = from; i < to; i++) {
		doc_table_row(t, 0);
		doc_table_cell(t, kom_question(m, ans[i].q), DOC_MARK_NONE);
		/* Unanswered: the assessment says so; the answer cell stays empty. */
		doc_table_cell(t, ans[i].text, DOC_MARK_NONE);
		buf_reset(&b);
		mk = kom_answer_class(m, &ans[i], &b);
		doc_table_cell(t, b.data, mk);
	}
	buf_free(&b);
}

/* An open question: the question in bold, the answer quoted as written. */
static void
kom_open_answer(struct kom *m, const struct answer *a)
{
	const struct report_ctx *c = m->c;
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "**");
	report_expand(c, &b, "kommune.kartlegging.sporsmal", "sporsmal", kom_question(m, a->q),
	    NULL);
	buf_puts(&b, "**");
	doc_paragraph(m->doc, b.data);
	buf_reset(&b);
	if (a->text != NULL) {
		report_expand(c, &b, "kommune.kartlegging.svar", "svar", a->text, NULL);
		doc_quote(m->doc, b.data, NULL);
		/* An answer in the other written standard gets its language (screen readers). */
		if (a->written >= 0 && a->written != (int)c->lang)
			doc_quote_lang(m->doc, a->written == LANG_NN ? "nn-NO" : "nb-NO");
	} else
		doc_paragraph(m->doc, report_str(c, "kommune.kartlegging.ikke_besvart"));
	buf_free(&b);
}

/* One theme: answers[from] up to answers[to], which share a theme. */
static void
kom_theme_section(struct kom *m, const struct answer *ans, size_t from, size_t to)
{
	const struct report_ctx *c = m->c;
	struct buf b, n1, n2;
	size_t i, j, closed = 0, established = 0;

	buf_init(&b);
	buf_init(&n1);
	buf_init(&n2);
	report_expand(c, &b, "kommune.kartlegging.tema", "tema", kom_theme(m, ans[from].q),
	    NULL);
	report_heading(&m->num, m->doc, 2, b.data);
	buf_reset(&b);
	for (i = from; i < to; i++)
		if (ans[i].q->closed) {
			closed++;
			established += ans[i].cls == ANSWER_ESTABLISHED;
		}
	if (closed > 0) {
		kom_count((long)established, &n1);
		kom_count((long)closed, &n2);
		report_expand(c, &b, "kommune.kartlegging.tema_oppsummering", "etablert",
		    n1.data, "antall", n2.data, NULL);
		kom_flush(m, &b);
	}
	for (i = from; i < to; i = j) {
		if (!ans[i].q->closed) {
			kom_open_answer(m, &ans[i]);
			j = i + 1;
			continue;
		}
		for (j = i; j < to && ans[j].q->closed; j++)
			;
		kom_closed_table(m, ans, i, j);
	}
	buf_free(&b);
	buf_free(&n1);
	buf_free(&n2);
}

static void
kom_survey(struct kom *m)
{
	const struct report_ctx *c = m->c;
	const struct answer *ans = results_answers(m->r, m->r->year, m->k);
	size_t nq = m->r->ds->nquestions, i, j;
	struct buf b;

	buf_init(&b);
	report_heading(&m->num, m->doc, 1,
	    report_str(c, "kommune.kartlegging.overskrift"));
	if (ans == NULL || nq == 0) {
		report_expand(c, &b, "kommune.kartlegging.ikke_svart", "kommune", m->prose,
		    "aar", m->aar, NULL);
		kom_flush(m, &b);
		buf_free(&b);
		return;
	}
	report_expand(c, &b, "kommune.kartlegging.intro", "kommune", m->prose, NULL);
	kom_flush(m, &b);
	for (i = 0; i < nq; i = j) {
		for (j = i + 1; j < nq && strcmp(kom_theme(m, ans[j].q),
		    kom_theme(m, ans[i].q)) == 0; j++)
			;
		kom_theme_section(m, ans, i, j);
	}
	buf_free(&b);
}

/* ---- 3 The indicators ---- */

/* The municipality against what it is compared with: one sentence per comparison. */
static void
kom_ind_compare(struct kom *m, size_t ind, struct buf *out)
{
	struct comparison cmp[2];
	size_t n = compare_place(m->c->cmp, m->r->year, ind, m->k, cmp), k;

	for (k = 0; k < n; k++)
		report_cmp_sentence(m->c, ind, &cmp[k], out);
}

/* The level and the thresholds that decide it, or why there is none. */
static void
kom_ind_level(struct kom *m, size_t ind, const struct figure *f, struct buf *out)
{
	const struct indicator *d = &m->r->defs->v[ind];
	struct buf g, mid;
	char minn[16];

	kom_space(out);
	if (f->level < LEVEL_LAV || f->level > LEVEL_GOD) {
		snprintf(minn, sizeof(minn), "%d", d->min_n_level);
		report_expand(m->c, out, "kommune.niva_ingen", "min_n", minn, "enhet",
		    report_str(m->c, d->source == TABLE_ACTIONS ? "felles.enhet.tiltak" :
		    "felles.enhet.planer"), NULL);
		return;
	}
	buf_init(&g);
	buf_init(&mid);
	report_value(m->c, ind, report_threshold10(d->god), &g);
	report_value(m->c, ind, report_threshold10(d->middels), &mid);
	report_expand(m->c, out, "kommune.niva", "niva", report_level_text(m->c, f->level),
	    "grense_god", g.data, "grense_middels", mid.data, NULL);
	buf_free(&g);
	buf_free(&mid);
}

/* The change since the year before, with last year's figure and counts, or why it is
 * not shown. A rise or a fall is called one only when it is beyond chance. */
static void
kom_ind_trend(struct kom *m, size_t ind, const struct figure *f, struct buf *out)
{
	const struct indicator *d = &m->r->defs->v[ind];
	const struct figure *prev;
	struct change ch;
	struct buf e, pv, pn;
	char num[32];
	const char *key;

	kom_space(out);
	if (m->yi == 0) {
		report_expand(m->c, out, "kommune.trend.forste_aar", "aar", m->aar, NULL);
		return;
	}
	prev = results_figure(m->r, m->r->years[m->yi - 1], ind, m->k);
	if (compare_change(m->c->cmp, m->r->year, ind, m->k, &ch)) {
		buf_init(&e);
		buf_init(&pv);
		buf_init(&pn);
		compute_format10(labs(f->change10), num, sizeof(num));
		report_expand(m->c, &e, d->unit == UNIT_PER_1000 ?
		    "felles.endring.promille" : "felles.endring.prosentpoeng", "endring", num,
		    NULL);
		report_keep_together(&e, 0);
		report_value(m->c, ind, ch.prev->value10, &pv);
		report_counts(m->c, ind, ch.prev, &pn);
		key = ch.verdict == STATS_HIGHER ? "kommune.trend.opp" :
		    ch.verdict == STATS_LOWER ? "kommune.trend.ned" : f->change10 == 0 ?
		    "kommune.trend.uendret" : "kommune.trend.usikker";
		report_expand(m->c, out, key, "forrige_aar", m->forrige, "aar", m->aar,
		    "endring", e.data, "forrige_verdi", pv.data, "forrige_antall", pn.data, NULL);
		buf_free(&e);
		buf_free(&pv);
		buf_free(&pn);
	} else if (prev != NULL && prev->state == FIG_HIDDEN)
		report_expand(m->c, out, "kommune.trend.skjult", "forrige_aar", m->forrige,
		    NULL);
	else
		report_expand(m->c, out, "kommune.trend.mangler", "forrige_aar", m->forrige,
		    NULL);
}

/* internkontroll: the municipality's own answer, then what the comparisons answered. */
static void
kom_ik_text(struct kom *m, size_t ind, const struct figure *f, struct buf *out)
{
	const char *svar = report_answer(m->c, m->k, "IK1");
	struct comparison cmp[2];
	struct buf v, t, nn;
	size_t n, k;
	char key[96], total[24];

	if (f->state == FIG_PUBLISHED && f->answer != ANSWER_NONE) {
		snprintf(key, sizeof(key), "kommune.ind.internkontroll.%s",
		    f->answer == ANSWER_ESTABLISHED ? "etablert" : f->answer == ANSWER_PROGRESS ?
		    "under_arbeid" : f->answer == ANSWER_UNSURE ? "vet_ikke" : "ikke_etablert");
		report_expand(m->c, out, key, "kommune", m->prose, NULL);
		if (svar != NULL) {
			kom_space(out);
			report_expand(m->c, out, "kommune.ind.internkontroll.svar", "svar", svar,
			    NULL);
		}
	} else if (f->state == FIG_HIDDEN)
		report_expand(m->c, out, "kommune.skjult", "kommune", m->prose, NULL);
	else
		report_expand(m->c, out, "kommune.ind.internkontroll.ikke_svart", "kommune",
		    m->prose, NULL);
	/* The comparison's share of answers: how many municipalities of the county or the
	 * country answered out of all of it in the register says what it covers. */
	n = compare_place(m->c->cmp, m->r->year, ind, m->k, cmp);
	buf_init(&v);
	buf_init(&t);
	buf_init(&nn);
	for (k = 0; k < n; k++) {
		if (cmp[k].fig->state != FIG_PUBLISHED)
			continue;
		buf_reset(&v);
		buf_reset(&t);
		buf_reset(&nn);
		report_value(m->c, ind, cmp[k].fig->value10, &v);
		report_count(cmp[k].fig->num, &t);
		report_count(cmp[k].fig->den, &nn);
		snprintf(total, sizeof(total), "%ld", cmp[k].total);
		kom_space(out);
		report_expand(m->c, out, cmp[k].source != NULL ?
		    "kommune.ind.internkontroll.andel_referanse" :
		    "kommune.ind.internkontroll.andel", "sted", cmp[k].kind == COMPARE_COUNTRY ?
		    report_str(m->c, "kommune.ind.internkontroll.landet") :
		    results_place_name(m->r, cmp[k].place), "antall", total, "verdi", v.data,
		    "teller", t.data, "nevner", nn.data, "fil", cmp[k].source, NULL);
	}
	buf_free(&v);
	buf_free(&t);
	buf_free(&nn);
}

/* Coverage as a share of the estimated need: num per 1000 of den against need (per
 * 1000), as a percentage x10, rounded half away from zero. */
static long
kom_need_share10(long num, long den, double need)
{
	long need10 = report_threshold10(need);

	return need10 > 0 ? compute_round10(num * 10000L, den * need10, 100) : 0;
}

/* The coverage sentence's share of the need: "19,3–23,2" (at the upper and the lower
 * estimate), with the need and its short source, as the template's placeholders. */
static void
kom_need(struct kom *m, size_t ind, const struct figure *f, struct buf *lo, struct buf *hi,
    struct buf *need_lo, struct buf *need_hi)
{
	const struct indicator *d = &m->r->defs->v[ind];
	char n[32];

	compute_format10(kom_need_share10(f->num, f->den, d->need_hi), n, sizeof(n));
	buf_puts(lo, n);
	compute_format10(kom_need_share10(f->num, f->den, d->need_lo), n, sizeof(n));
	buf_puts(hi, n);
	report_number(d->need_lo, n, sizeof(n));
	buf_puts(need_lo, n);
	report_number(d->need_hi, n, sizeof(n));
	buf_puts(need_hi, n);
}

/* The main sentence of a published figure, with its own numbers. */
static void
kom_ind_main(struct kom *m, size_t ind, const struct figure *f, struct buf *out)
{
	const struct indicator *d = &m->r->defs->v[ind];
	struct buf v, t, n, lo, hi, nlo, nhi;
	char key[96];

	buf_init(&v);
	buf_init(&t);
	buf_init(&n);
	buf_init(&lo);
	buf_init(&hi);
	buf_init(&nlo);
	buf_init(&nhi);
	report_value(m->c, ind, f->value10, &v);
	report_count(f->num, &t);
	report_count(f->den, &n);
	if (d->kind == IND_COVERAGE && f->num == 0)
		snprintf(key, sizeof(key), "kommune.ind.dekning.null");
	else if (d->kind == IND_COVERAGE && d->need_hi > 0) {
		kom_need(m, ind, f, &lo, &hi, &nlo, &nhi);
		snprintf(key, sizeof(key), "kommune.ind.dekning.behov");
	} else
		kom_ind_key(m, ind, "tekst", key, sizeof(key));
	if (!kom_has(m, key))
		snprintf(key, sizeof(key), "kommune.ind.tekst");
	report_expand(m->c, out, key, "kommune", m->prose, "indikator",
	    report_ind_short(m->c, ind), "verdi", v.data, "teller", t.data, "nevner", n.data,
	    "antall", t.data, "dato", m->dato, "andel_fra", lo.data, "andel_til", hi.data,
	    "behov_fra", nlo.data, "behov_til", nhi.data,
	    "kilde", report_str(m->c, "felles.kilde.behov_kort"), NULL);
	buf_free(&v);
	buf_free(&t);
	buf_free(&n);
	buf_free(&lo);
	buf_free(&hi);
	buf_free(&nlo);
	buf_free(&nhi);
}

/* Measures left out of the action plan's share: a later deadline, or none with a date. */
static void
kom_progress_apart(struct kom *m, struct buf *out)
{
	struct progress p;
	struct buf a, b;

	counts_progress(m->r, m->k, &p);
	if (p.later + p.undated + p.recurring_undated == 0)
		return;
	buf_init(&a);
	buf_init(&b);
	report_count(p.later, &a);
	report_count(p.undated + p.recurring_undated, &b);
	kom_space(out);
	report_expand(m->c, out, p.later == 0 ? "kommune.ind.handlingsplan.utenfor_uten_dato" :
	    p.undated + p.recurring_undated == 0 ? "kommune.ind.handlingsplan.utenfor_senere" :
	    "kommune.ind.handlingsplan.utenfor", "senere", a.data, "uten_dato", b.data, NULL);
	buf_free(&a);
	buf_free(&b);
}

/* The brukermedvirkning split among the active plans (published with the figure). */
static void
kom_split_text(struct kom *m, struct buf *out)
{
	const struct split *s = results_split(m->r, m->r->year, m->k);
	struct buf a, b, c;

	if (s == NULL || s->state != FIG_PUBLISHED)
		return;
	buf_init(&a);
	buf_init(&b);
	buf_init(&c);
	report_count(s->delvis, &a);
	report_count(s->nei, &b);
	report_count(s->not_documented, &c);
	kom_space(out);
	report_expand(m->c, out, "kommune.ind.brukermedvirkning.fordeling", "delvis", a.data,
	    "nei", b.data, "ikke_dokumentert", c.data, NULL);
	buf_free(&a);
	buf_free(&b);
	buf_free(&c);
}

/* Everything said about a published figure. */
static void
kom_ind_published(struct kom *m, size_t ind, const struct figure *f, struct buf *out)
{
	const struct indicator *d = &m->r->defs->v[ind];
	const char *id = d->id;
	struct buf n;

	kom_ind_main(m, ind, f, out);
	if (d->source == TABLE_ACTIONS)
		kom_progress_apart(m, out);
	kom_ind_compare(m, ind, out);
	kom_ind_level(m, ind, f, out);
	if (d->source != TABLE_ACTIONS)
		kom_ind_trend(m, ind, f, out);
	if (strcmp(id, "brukermedvirkning") == 0)
		kom_split_text(m, out);
	/* Not documented plans (the split says it for brukermedvirkning; the action plan
	 * summary counts measures of unknown status). */
	if (f->not_documented > 0 && d->source == TABLE_PLANS &&
	    strcmp(id, "brukermedvirkning") != 0) {
		buf_init(&n);
		report_count(f->not_documented, &n);
		kom_space(out);
		report_expand(m->c, out, "kommune.ikke_dokumentert", "antall", n.data, NULL);
		buf_free(&n);
	}
}

/* Why a figure is not there: hidden, missing, no active plans, no population. */
static void
kom_ind_absent(struct kom *m, size_t ind, const struct figure *f, struct buf *out)
{
	const struct indicator *d = &m->r->defs->v[ind];

	if (f->state == FIG_HIDDEN)
		report_expand(m->c, out, "kommune.skjult", "kommune", m->prose, NULL);
	else if (f->state == FIG_NO_ACTIVE)
		report_expand(m->c, out, "kommune.ingen_aktive", "kommune", m->prose, "dato",
		    m->dato, NULL);
	else if (d->kind == IND_COVERAGE && kom_has_plan_rows(m) &&
	    m->r->ds->reg.kommuner[m->k].innbyggere <= 0)
		report_expand(m->c, out, "kommune.ind.dekning.uten_folketall", NULL);
	else if (d->source == TABLE_ACTIONS && kom_measures(m) > 0) {
		report_expand(m->c, out, "kommune.ind.handlingsplan.ingen_med_frist", "kommune",
		    m->prose, "dato", m->dato, NULL);
		kom_progress_apart(m, out);
	}
	else
		report_expand(m->c, out, "kommune.mangler", "kommune", m->prose, "aar", m->aar,
		    NULL);
}

/* The brukermedvirkning split of the municipality and of its comparisons from the run's
 * own data (a reference table has no split), as stacked bars of shares of the active
 * plans; each comparison named by what it covers, none that is only the municipality. */
static struct chart *
kom_split_chart(struct kom *m, size_t ind)
{
	const char *series[4], *cats[3];
	size_t places[3], ncat = 0, ncmp, p, s;
	struct comparison cmp[2];
	struct chart_value vals[12];
	struct buf title, note, label[2];
	struct chart *ch;

	series[0] = report_str(m->c, "felles.medvirkning.ja");
	series[1] = report_str(m->c, "felles.medvirkning.delvis");
	series[2] = report_str(m->c, "felles.medvirkning.nei");
	series[3] = report_str(m->c, "felles.medvirkning.ikke_dokumentert");
	places[ncat] = m->k;
	cats[ncat++] = report_place_name(m->c, m->k);
	ncmp = compare_place(m->c->cmp, m->r->year, ind, m->k, cmp);
	for (p = 0; p < ncmp; p++) {
		buf_init(&label[p]);
		if (cmp[p].source != NULL)
			continue;
		report_cmp_label(m->c, &cmp[p], &label[p]);
		places[ncat] = cmp[p].place;
		cats[ncat++] = label[p].data;
	}
	for (p = 0; p < ncat; p++) {
		const struct split *sp = results_split(m->r, m->r->year, places[p]);
		long n[4] = { 0, 0, 0, 0 }, tot = 0;

		if (sp != NULL && sp->state == FIG_PUBLISHED) {
			n[0] = sp->ja;
			n[1] = sp->delvis;
			n[2] = sp->nei;
			n[3] = sp->not_documented;
			tot = n[0] + n[1] + n[2] + n[3];
		}
		for (s = 0; s < 4; s++) {
			if (sp != NULL && sp->state == FIG_HIDDEN)
				vals[p * 4 + s] = CHART_HIDDEN_VAL;
			else if (tot == 0)
				vals[p * 4 + s] = CHART_MISSING_VAL;
			else
				vals[p * 4 + s] = CHART_VAL((int)compute_round10(n[s], tot, 100));
		}
	}
	buf_init(&title);
	buf_init(&note);
	report_expand(m->c, &title, "kommune.indikatorer.diagram.medvirkning", "kommune",
	    m->kommune, "aar", m->aar, NULL);
	ch = chart_new(&(struct chart_spec){
	    .kind = CHART_STACKED, .horizontal = 1, .title = title.data,
	    .axis_title = report_str(m->c, "felles.diagram.akse.prosent_planer"),
	    .note = report_chart_note(m->c, vals, ncat * 4, &note), .ncat = ncat,
	    .categories = cats, .nseries = 4, .series = series,
	    .tones = report_split_tones, .values = vals, .highlight = 1,
	    .max10 = 1000, .unit = report_str(m->c, "felles.enhet.prosent") });
	buf_free(&title);
	buf_free(&note);
	for (p = 0; p < ncmp; p++)
		buf_free(&label[p]);
	return ch;
}

/* 1 when some year before the reporting year has a figure of ind for the municipality
 * or one of its comparisons: only then is a trend chart worth drawing. */
static int
kom_has_history(const struct kom *m, size_t ind)
{
	struct comparison cmp[2];
	size_t n, p;
	int y;

	for (y = 0; y < m->yi; y++) {
		if (results_figure(m->r, m->r->years[y], ind, m->k)->state != FIG_MISSING)
			return 1;
		n = compare_place(m->c->cmp, m->r->years[y], ind, m->k, cmp);
		for (p = 0; p < n; p++)
			if (cmp[p].fig->state != FIG_MISSING)
				return 1;
	}
	return 0;
}

/* 1 when the municipality or one of its comparisons has a published figure of ind in
 * the reporting year: a chart of nothing but ".." says nothing the text does not. */
static int
kom_any_published(const struct kom *m, size_t ind)
{
	struct comparison cmp[2];
	size_t n, p;

	if (report_figure(m->c, ind, m->k)->state == FIG_PUBLISHED)
		return 1;
	n = compare_place(m->c->cmp, m->r->year, ind, m->k, cmp);
	for (p = 0; p < n; p++)
		if (cmp[p].fig->state == FIG_PUBLISHED)
			return 1;
	return 0;
}

static void
kom_ind_charts(struct kom *m, size_t ind)
{
	const char *id = kom_id(m, ind);
	struct buf title, name;

	if (!kom_any_published(m, ind))
		return;
	buf_init(&title);
	buf_init(&name);
	if (m->r->defs->v[ind].kind == IND_COVERAGE)
		report_expand(m->c, &title, "kommune.indikatorer.diagram.dekning", "aar", m->aar,
		    NULL);
	else
		report_expand(m->c, &title, "kommune.indikatorer.diagram.sammenligning",
		    "indikator", report_ind_short(m->c, ind), "kommune", m->kommune, "fylke",
		    m->fylke, "aar", m->aar, NULL);
	buf_printf(&name, "%s-sammenligning", id);
	report_add_chart(m->c, m->doc, report_chart_compare(m->c, ind, m->k, title.data),
	    name.data, 0);
	if (strcmp(id, "brukermedvirkning") == 0)
		report_add_chart(m->c, m->doc, kom_split_chart(m, ind),
		    "brukermedvirkning-fordeling", 0);
	/* internkontroll: a municipality's own figure is 0 or 100 each year; its text says
	 * the answer, and the county report draws the shares over time. */
	if (strcmp(id, "internkontroll") != 0 && kom_has_history(m, ind)) {
		buf_reset(&title);
		buf_reset(&name);
		report_expand(m->c, &title, "kommune.indikatorer.diagram.utvikling", "indikator",
		    report_ind_short(m->c, ind), "kommune", m->kommune, "forste_aar", m->forste,
		    "aar", m->aar, NULL);
		buf_printf(&name, "%s-utvikling", id);
		report_add_chart(m->c, m->doc, report_chart_trend(m->c, ind, m->k, title.data),
		    name.data, 0);
	}
	buf_free(&title);
	buf_free(&name);
}

/* One indicator: heading, text from the data, charts. */
static void
kom_ind_section(struct kom *m, size_t ind)
{
	const struct figure *f = report_figure(m->c, ind, m->k);
	char key[96];
	struct buf b;

	kom_ind_key(m, ind, "overskrift", key, sizeof(key));
	report_heading(&m->num, m->doc, 2, kom_has(m, key) ? report_str(m->c, key) :
	    report_ind_name(m->c, ind));
	buf_init(&b);
	if (strcmp(kom_id(m, ind), "internkontroll") == 0)
		kom_ik_text(m, ind, f, &b);
	else if (f->state == FIG_PUBLISHED)
		kom_ind_published(m, ind, f, &b);
	else
		kom_ind_absent(m, ind, f, &b);
	kom_flush(m, &b);
	buf_free(&b);
	kom_ind_charts(m, ind);
}

static void
kom_indicators(struct kom *m)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	report_heading(&m->num, m->doc, 1,
	    report_str(m->c, "kommune.indikatorer.overskrift"));
	report_expand(m->c, &b, "kommune.indikatorer.intro", "kommune", m->prose, "fylke",
	    m->fylke, NULL);
	kom_flush(m, &b);
	buf_free(&b);
	for (i = 0; i < m->r->defs->n; i++)
		kom_ind_section(m, i);
}

/* ---- 4 The action plan ---- */

/* The municipality's measures by status as one stacked bar. */
static struct chart *
kom_status_chart(struct kom *m, const struct progress *p)
{
	const char *cats[1] = { m->kommune };
	struct buf title;
	struct chart *ch;

	buf_init(&title);
	report_expand(m->c, &title, "kommune.handlingsplan.diagram", "kommune", m->kommune,
	    "aar", m->aar, NULL);
	ch = report_status_chart(m->c, title.data, 1, cats,
	    (const long (*)[REPORT_NSTATUS])p->status, 0, NULL, 0);
	buf_free(&title);
	return ch;
}

/* Appends the expansion of key with one count {antall} when n > 0. */
static void
kom_plan_count(struct kom *m, struct buf *b, const char *key, long n)
{
	struct buf a;

	if (n <= 0)
		return;
	buf_init(&a);
	report_count(n, &a);
	kom_space(b);
	report_expand(m->c, b, key, "antall", a.data, "dato", m->dato, NULL);
	buf_free(&a);
}

/* How the plan stands: measures by status, then by when they are due. */
static void
kom_plan_summary(struct kom *m, const struct progress *p, struct buf *b)
{
	const struct report_ctx *c = m->c;
	struct buf n[REPORT_NSTATUS + 1], d, dd;
	size_t i;

	for (i = 0; i <= REPORT_NSTATUS; i++) {
		buf_init(&n[i]);
		report_count(i < REPORT_NSTATUS ? p->status[i] : p->total, &n[i]);
	}
	report_expand(c, b, "kommune.handlingsplan.oppsummering", "kommune", m->prose,
	    "gjennomfort", n[COUNT_DONE].data, "pagar", n[COUNT_DOING].data,
	    "under_planlegging", n[COUNT_PLANNED].data, "ikke_startet",
	    n[COUNT_NOT_STARTED].data, "ukjent", n[COUNT_UNKNOWN].data, "antall",
	    n[REPORT_NSTATUS].data, NULL);
	kom_space(b);
	buf_init(&d);
	buf_init(&dd);
	report_count(p->due, &d);
	report_count(p->due_done, &dd);
	if (p->due > 0)
		report_expand(c, b, "kommune.handlingsplan.med_frist", "antall", d.data,
		    "gjennomfort", dd.data, "dato", m->dato, NULL);
	else
		report_expand(c, b, "kommune.handlingsplan.ingen_med_frist", "dato", m->dato,
		    NULL);
	if (p->later > 0) {
		buf_reset(&d);
		buf_reset(&dd);
		report_count(p->later, &d);
		report_count(p->later_done, &dd);
		kom_space(b);
		report_expand(c, b, p->later_done > 0 ? "kommune.handlingsplan.senere" :
		    "kommune.handlingsplan.senere_kort", "antall", d.data, "gjennomfort", dd.data,
		    NULL);
	}
	kom_plan_count(m, b, "kommune.handlingsplan.gjentakende", p->recurring_undated);
	kom_plan_count(m, b, "kommune.handlingsplan.uten_dato", p->undated);
	kom_space(b);
	if (p->overdue > 0)
		kom_plan_count(m, b, "kommune.handlingsplan.forfalte", p->overdue);
	else {
		long undated = 0;

		for (i = 0; i < m->r->nmeasures; i++)
			if (m->r->measures[i].kommune == m->k)
				undated += report_measure_undated(&m->r->measures[i]);
		report_no_overdue(c, (size_t)undated, b);
	}
	for (i = 0; i <= REPORT_NSTATUS; i++)
		buf_free(&n[i]);
	buf_free(&d);
	buf_free(&dd);
}

static void
kom_plan(struct kom *m)
{
	const struct report_ctx *c = m->c;
	struct progress p;
	struct buf b;

	counts_progress(m->r, m->k, &p);
	buf_init(&b);
	/* The six columns of the KoRus form need the width of a landscape page. */
	if (p.total > 0) {
		doc_orientation(m->doc, DOC_LANDSCAPE);
		m->landscape = 1;
	}
	report_heading(&m->num, m->doc, 1,
	    report_str(c, "kommune.handlingsplan.overskrift"));
	if (p.total == 0) {
		report_expand(c, &b, "kommune.handlingsplan.ingen", "kommune", m->prose, NULL);
		kom_flush(m, &b);
		buf_free(&b);
		return;
	}
	report_expand(c, &b, "kommune.handlingsplan.intro", "kommune", m->prose, NULL);
	kom_space(&b);
	kom_plan_summary(m, &p, &b);
	kom_flush(m, &b);
	buf_free(&b);
	report_add_chart(c, m->doc, kom_status_chart(m, &p), "handlingsplan-status", 0);
	report_plan_table(m->c, m->doc, m->k);
}

/* ---- The report ---- */

static void
kom_setup(struct kom *m)
{
	const struct report_ctx *c = m->c;
	struct buf title, subject;

	buf_init(&title);
	buf_init(&subject);
	report_expand(c, &title, "kommune.topptekst", "kommune", m->kommune, "aar", m->aar,
	    NULL);
	report_expand(c, &subject, "kommune.emne", "kommune", m->kommune, "aar", m->aar, NULL);
	report_doc_setup(c, m->doc, title.data, subject.data, title.data);
	buf_free(&title);
	buf_free(&subject);
}

static void
kom_init(struct kom *m, const struct report_ctx *c, size_t k, struct doc *doc)
{
	const struct results *r = c->r;
	struct buf prose;

	memset(m, 0, sizeof(*m));
	m->c = c;
	m->r = r;
	m->doc = doc;
	m->k = k;
	m->county = results_county_place(r, k);
	m->yi = results_year_index(r, r->year);
	if (m->yi < 0)
		m->yi = 0;
	m->kommune = report_place_name(c, k);
	m->fylke = report_place_name(c, m->county);
	buf_init(&prose);
	report_kommune_prose(c, k, &prose);
	m->prose = buf_take(&prose);
	snprintf(m->aar, sizeof(m->aar), "%d", r->year);
	snprintf(m->forrige, sizeof(m->forrige), "%d", m->yi > 0 ? r->years[m->yi - 1] :
	    r->year - 1);
	snprintf(m->forste, sizeof(m->forste), "%d", r->nyears > 0 ? r->years[0] : r->year);
	m->dato = report_date_str(c, r->refdate);
}

/* The parts of the report that report_findings.c and report_comments.c write. */
static struct report_part
kom_part(struct kom *m)
{
	struct report_part p = { m->c, m->doc, &m->num, m->k, m->kommune, m->prose, m->aar,
	    m->forrige, m->dato };

	return p;
}

void
report_kommune(const struct report_ctx *c, size_t k, struct doc *doc)
{
	struct report_part part;
	const char *const *items;
	size_t n, i;
	struct kom m;

	kom_init(&m, c, k, doc);
	kom_setup(&m);
	n = tmpl_list(c->t, "kommune.rekkefolge", &items);
	for (i = 0; i < n; i++) {
		if (m.landscape) {
			doc_orientation(doc, DOC_PORTRAIT);
			m.landscape = 0;
		}
		if (strcmp(items[i], "forside") == 0)
			kom_cover(&m);
		else if (strcmp(items[i], "innhold") == 0)
			report_contents(c, doc);
		else if (strcmp(items[i], "bakgrunn") == 0)
			kom_background(&m);
		else if (strcmp(items[i], "sammendrag") == 0)
			kom_summary(&m);
		else if (strcmp(items[i], "kartlegging") == 0)
			kom_survey(&m);
		else if (strcmp(items[i], "indikatorer") == 0)
			kom_indicators(&m);
		else if (strcmp(items[i], "tjenesteomrader") == 0)
			report_kommune_services(c, k, doc, &m.num);
		else if (strcmp(items[i], "handlingsplan") == 0)
			kom_plan(&m);
		else if (strcmp(items[i], "vedlegg") == 0)
		{
			report_appendix(c, doc, 0);	/* the law: in Bakgrunn */
			internal_appendix(c, doc);
		}
		else if (strcmp(items[i], "samsvar") == 0)
			report_kommune_pairs((part = kom_part(&m), &part));
		else if (strcmp(items[i], "utviklingsomrader") == 0)
			report_kommune_development((part = kom_part(&m), &part));
		else if (strcmp(items[i], "kommentarer") == 0)
			report_kommune_comments((part = kom_part(&m), &part));
	}
	free(m.dato);
	free(m.prose);
}
