/*
 * report_kommune.c: the municipal report (docs/computation.md), one per municipality with
 * data: cover, 1 summary table, 2 the mapping survey theme by theme, 3 one section per
 * indicator with its charts, 4 the action plan, and the shared appendix, in the order of
 * the template list kommune.rekkefolge (chapters numbered in that order). Every word
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
 *   municipality, its county or the country; the trend chart where an earlier year has
 *   data (not for internkontroll, whose municipal figure is 0 or 100 each year); the
 *   brukermedvirkning split as stacked bars of the municipality, county and country;
 *   the measures by status. A chart of nothing but ".." is left out.
 * - The action plan takes landscape pages (the six columns of the KoRus form); later
 *   chapters return to portrait.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* What every part of one municipal report needs; lives on report_kommune's stack. */
struct kom {
	const struct report_ctx	*c;
	const struct results	*r;
	struct doc		*doc;
	size_t			 k;		/* the municipality's place */
	size_t			 county;	/* its county's place */
	size_t			 country;
	int			 yi;		/* index of the reporting year */
	const char		*kommune;	/* register names */
	const char		*fylke;
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

/* A published figure as text with its unit ("66,7 %"); "" unless published. */
static void
kom_value(const struct kom *m, size_t ind, const struct figure *f, struct buf *out)
{
	buf_reset(out);
	if (f != NULL && f->state == FIG_PUBLISHED)
		report_value(m->c, ind, f->value10, out);
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

/* Which symbols the summary table used, for its footnotes, and whether it shows a
 * change. */
struct kom_used {
	struct report_used	sym;
	int			change;
};

static void
kom_summary_row(struct kom *m, struct doc_table *t, size_t ind, struct kom_used *u)
{
	const struct figure *f = report_figure(m->c, ind, m->k);
	const struct figure *cf = report_figure(m->c, ind, m->county);
	const struct figure *lf = report_figure(m->c, ind, m->country);
	/* A survey indicator (internkontroll) is the municipality's own answer: its figure
	 * is 0 or 100 %, so the answer's class says it better than "0,0 %" next to
	 * "Middels", and a change between two answers is no percentage: the earlier
	 * answer is shown instead. */
	int own_answer = m->r->defs->v[ind].source == TABLE_SURVEY;
	static const char *const answer_word[] = { "felles.svar.ikke_etablert",
	    "felles.svar.under_arbeid", "felles.svar.etablert" };
	struct buf b;

	buf_init(&b);
	doc_table_row(t, 0);
	doc_table_cell(t, report_ind_short(m->c, ind), DOC_MARK_NONE);
	if (own_answer && f->state == FIG_PUBLISHED)
		buf_puts(&b, report_str(m->c, answer_word[f->level]));
	else
		report_fig(m->c, ind, f, &b);
	doc_table_cell(t, b.data, DOC_MARK_NONE);
	buf_reset(&b);
	report_fig(m->c, ind, cf, &b);
	doc_table_cell(t, b.data, DOC_MARK_NONE);
	buf_reset(&b);
	report_fig(m->c, ind, lf, &b);
	doc_table_cell(t, b.data, DOC_MARK_NONE);
	buf_reset(&b);
	report_level(m->c, f, &b);
	doc_table_cell(t, b.data, report_mark(f));
	if (m->yi > 0) {
		const struct figure *pf = results_figure(m->r, m->r->years[m->yi - 1], ind,
		    m->k);
		int prev_answer = own_answer && f->state == FIG_PUBLISHED &&
		    pf->state == FIG_PUBLISHED;

		buf_reset(&b);
		if (prev_answer && pf->level == f->level)
			buf_puts(&b, report_str(m->c, "kommune.sammendrag.svar_uendret"));
		else if (prev_answer)
			report_expand(m->c, &b, "kommune.sammendrag.svar_endret", "svar",
			    report_str(m->c, answer_word[pf->level]), NULL);
		else if (own_answer)
			buf_puts(&b, report_str(m->c, "felles.symbol.ikke_aktuelt"));
		else
			report_change(m->c, f, &b);
		doc_table_cell(t, b.data, DOC_MARK_NONE);
		if (f->state == FIG_PUBLISHED && f->has_change && !own_answer)
			u->change = 1;
		else if (!prev_answer)
			u->sym.no_change = 1;
	}
	report_note_fig(f, &u->sym);
	report_note_fig(cf, &u->sym);
	report_note_fig(lf, &u->sym);
	buf_free(&b);
}

static void
kom_summary_notes(struct kom *m, const struct kom_used *u)
{
	const struct report_ctx *c = m->c;

	doc_small(m->doc, report_str(c, "felles.niva.forklaring"));
	doc_small(m->doc, report_str(c, "kommune.sammendrag.fotnote.enhet"));
	if (u->change)
		doc_small(m->doc, report_str(c, "kommune.sammendrag.fotnote.endring"));
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
	report_expand(c, &b, "kommune.bakgrunn.rapport", "kommune", m->kommune, "aar", m->aar,
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
		report_expand(c, b, "kommune.sammendrag.ingen_planfil", "kommune", m->kommune,
		    "aar", m->aar, NULL);
		return;
	}
	if (ind < 0)
		return;
	f = report_figure(m->c, (size_t)ind, m->k);
	if (f->state == FIG_HIDDEN)
		report_expand(c, b, "kommune.sammendrag.antall_planer_skjult", "kommune",
		    m->kommune, NULL);
	else if (f->state == FIG_PUBLISHED && f->num == 0)
		report_expand(c, b, "kommune.sammendrag.ingen_planer", "kommune", m->kommune,
		    "dato", m->dato, NULL);
	else if (f->state == FIG_PUBLISHED) {
		buf_init(&n);
		report_count(f->num, &n);
		report_expand(c, b, "kommune.sammendrag.antall_planer", "kommune", m->kommune,
		    "antall", n.data, "dato", m->dato, NULL);
		buf_free(&n);
	}
}

static void
kom_summary(struct kom *m)
{
	const struct report_ctx *c = m->c;
	struct doc_table *t;
	struct kom_used u;
	struct buf b;
	size_t i;

	memset(&u, 0, sizeof(u));
	buf_init(&b);
	report_heading(&m->num, m->doc, 1,
	    report_str(c, "kommune.sammendrag.overskrift"));
	report_expand(c, &b, "kommune.sammendrag.intro", "kommune", m->kommune, "aar", m->aar,
	    "fylke", m->fylke, NULL);
	kom_flush(m, &b);
	t = doc_table(m->doc, m->yi > 0 ? 6 : 5);
	doc_table_col(t, 0, report_str(c, "kommune.sammendrag.kol.indikator"), 3.2, DOC_LEFT);
	report_expand(c, &b, "kommune.sammendrag.kol.kommune", "kommune", m->kommune, NULL);
	doc_table_col(t, 1, b.data, 1.5, DOC_RIGHT);
	buf_reset(&b);
	report_expand(c, &b, "kommune.sammendrag.kol.fylke", "fylke", m->fylke, NULL);
	doc_table_col(t, 2, b.data, 1.5, DOC_RIGHT);
	buf_reset(&b);
	doc_table_col(t, 3, report_str(c, "kommune.sammendrag.kol.land"), 1.5, DOC_RIGHT);
	doc_table_col(t, 4, report_str(c, "kommune.sammendrag.kol.niva"), 1.6, DOC_LEFT);
	if (m->yi > 0) {
		report_expand(c, &b, "kommune.sammendrag.kol.endring", "forrige_aar", m->forrige,
		    NULL);
		doc_table_col(t, 5, b.data, 1.5, DOC_RIGHT);
		buf_reset(&b);
	}
	for (i = 0; i < m->r->defs->n; i++)
		kom_summary_row(m, t, i, &u);
	kom_summary_notes(m, &u);
	kom_summary_plans(m, &b);
	kom_flush(m, &b);
	buf_free(&b);
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
	static const char *const word[] = { "felles.svar.ikke_etablert",
	    "felles.svar.under_arbeid", "felles.svar.etablert" };
	static const enum doc_mark mark[] = { DOC_MARK_LOW, DOC_MARK_MIDDLE, DOC_MARK_GOOD };

	if (a->cls < ANSWER_NOT || a->cls > ANSWER_ESTABLISHED) {
		buf_puts(out, report_str(m->c, "felles.svar.ikke_besvart"));
		return DOC_MARK_GREY;
	}
	/* The answer classes run as the levels: not, in progress, established. */
	buf_printf(out, "%s %s", report_level_symbol(m->c, (int)a->cls),
	    report_str(m->c, word[a->cls]));
	return mark[a->cls];
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
		report_expand(c, &b, "kommune.kartlegging.ikke_svart", "kommune", m->kommune,
		    "aar", m->aar, NULL);
		kom_flush(m, &b);
		buf_free(&b);
		return;
	}
	report_expand(c, &b, "kommune.kartlegging.intro", "kommune", m->kommune, NULL);
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

/* over / under / lik by the rounded figures, ingen unless both are published. */
static const char *
kom_cmp_word(const struct figure *a, const struct figure *b)
{
	if (a->state != FIG_PUBLISHED || b->state != FIG_PUBLISHED)
		return "ingen";
	if (a->value10 > b->value10)
		return "over";
	if (a->value10 < b->value10)
		return "under";
	return "lik";
}

/* The municipality against its county and the country. */
static void
kom_ind_compare(struct kom *m, size_t ind, const struct figure *f, struct buf *out)
{
	const struct figure *cf = report_figure(m->c, ind, m->county);
	const struct figure *lf = report_figure(m->c, ind, m->country);
	struct buf fv, lv;
	char key[64];

	buf_init(&fv);
	buf_init(&lv);
	kom_value(m, ind, cf, &fv);
	kom_value(m, ind, lf, &lv);
	snprintf(key, sizeof(key), "kommune.sammenligning.%s_%s", kom_cmp_word(f, cf),
	    kom_cmp_word(f, lf));
	kom_space(out);
	report_expand(m->c, out, key, "fylke", m->fylke, "fylke_verdi", fv.data ? fv.data : "",
	    "land_verdi", lv.data ? lv.data : "", NULL);
	buf_free(&fv);
	buf_free(&lv);
}

/* The level and the thresholds that decide it. */
static void
kom_ind_level(struct kom *m, size_t ind, const struct figure *f, struct buf *out)
{
	const struct indicator *d = &m->r->defs->v[ind];
	struct buf g, mid;

	if (f->level < LEVEL_LAV || f->level > LEVEL_GOD)
		return;
	buf_init(&g);
	buf_init(&mid);
	report_value(m->c, ind, report_threshold10(d->god), &g);
	report_value(m->c, ind, report_threshold10(d->middels), &mid);
	kom_space(out);
	report_expand(m->c, out, "kommune.niva", "niva", report_level_word(m->c, f->level),
	    "grense_god", g.data, "grense_middels", mid.data, NULL);
	buf_free(&g);
	buf_free(&mid);
}

/* The change since the year before, or why it is not shown. */
static void
kom_ind_trend(struct kom *m, size_t ind, const struct figure *f, struct buf *out)
{
	const struct indicator *d = &m->r->defs->v[ind];
	const struct figure *prev;
	struct buf e;
	char num[32];

	kom_space(out);
	if (m->yi == 0) {
		report_expand(m->c, out, "kommune.trend.forste_aar", "aar", m->aar, NULL);
		return;
	}
	prev = results_figure(m->r, m->r->years[m->yi - 1], ind, m->k);
	if (f->has_change && f->change10 == 0) {
		report_expand(m->c, out, "kommune.trend.uendret", "forrige_aar", m->forrige,
		    NULL);
	} else if (f->has_change) {
		buf_init(&e);
		compute_format10(labs(f->change10), num, sizeof(num));
		report_expand(m->c, &e, d->unit == UNIT_PER_1000 ?
		    "felles.endring.promille" : "felles.endring.prosentpoeng", "endring", num,
		    NULL);
		report_keep_together(&e, 0);
		report_expand(m->c, out, f->change10 > 0 ? "kommune.trend.opp" :
		    "kommune.trend.ned", "forrige_aar", m->forrige, "aar", m->aar, "endring",
		    e.data, NULL);
		buf_free(&e);
	} else if (prev != NULL && prev->state == FIG_HIDDEN)
		report_expand(m->c, out, "kommune.trend.skjult", "forrige_aar", m->forrige,
		    NULL);
	else
		report_expand(m->c, out, "kommune.trend.mangler", "forrige_aar", m->forrige,
		    NULL);
}

/* internkontroll: the municipality's own level and answer, then county and country. */
static void
kom_ik_text(struct kom *m, size_t ind, const struct figure *f, struct buf *out)
{
	static const char *const key[] = { "kommune.ind.internkontroll.ikke_etablert",
	    "kommune.ind.internkontroll.under_arbeid", "kommune.ind.internkontroll.etablert" };
	const struct figure *cf = report_figure(m->c, ind, m->county);
	const struct figure *lf = report_figure(m->c, ind, m->country);
	const char *svar = report_answer(m->c, m->k, "IK1");
	struct buf fv, lv;

	if (f->state == FIG_PUBLISHED && f->level >= LEVEL_LAV && f->level <= LEVEL_GOD) {
		report_expand(m->c, out, key[f->level], "kommune", m->kommune, NULL);
		if (svar != NULL) {
			kom_space(out);
			report_expand(m->c, out, "kommune.ind.internkontroll.svar", "svar", svar,
			    NULL);
		}
	} else if (f->state == FIG_HIDDEN)
		report_expand(m->c, out, "kommune.skjult", "kommune", m->kommune, NULL);
	else
		report_expand(m->c, out, "kommune.ind.internkontroll.ikke_svart", "kommune",
		    m->kommune, NULL);
	if (cf->state != FIG_PUBLISHED || lf->state != FIG_PUBLISHED)
		return;
	buf_init(&fv);
	buf_init(&lv);
	kom_value(m, ind, cf, &fv);
	kom_value(m, ind, lf, &lv);
	kom_space(out);
	report_expand(m->c, out, "kommune.ind.internkontroll.fylke", "fylke", m->fylke,
	    "fylke_verdi", fv.data, "land_verdi", lv.data, NULL);
	buf_free(&fv);
	buf_free(&lv);
}

/* The main sentence of a published figure, with its own numbers. */
static void
kom_ind_main(struct kom *m, size_t ind, const struct figure *f, struct buf *out)
{
	struct buf v, t, n;
	char key[96];

	buf_init(&v);
	buf_init(&t);
	buf_init(&n);
	report_value(m->c, ind, f->value10, &v);
	report_count(f->num, &t);
	report_count(f->den, &n);
	if (strcmp(kom_id(m, ind), "dekning") == 0 && f->num == 0)
		snprintf(key, sizeof(key), "kommune.ind.dekning.null");
	else
		kom_ind_key(m, ind, "tekst", key, sizeof(key));
	if (!kom_has(m, key))
		snprintf(key, sizeof(key), "kommune.ind.tekst");
	report_expand(m->c, out, key, "kommune", m->kommune, "indikator",
	    report_ind_short(m->c, ind), "verdi", v.data, "teller", t.data, "nevner", n.data,
	    "antall", t.data, "dato", m->dato, NULL);
	buf_free(&v);
	buf_free(&t);
	buf_free(&n);
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
	kom_ind_compare(m, ind, f, out);
	kom_ind_level(m, ind, f, out);
	if (d->kind == IND_COVERAGE) {
		kom_space(out);
		buf_puts(out, report_str(m->c, "kommune.ind.dekning.behov"));
	}
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
		report_expand(m->c, out, "kommune.skjult", "kommune", m->kommune, NULL);
	else if (f->state == FIG_NO_ACTIVE)
		report_expand(m->c, out, "kommune.ingen_aktive", "kommune", m->kommune, "dato",
		    m->dato, NULL);
	else if (d->kind == IND_COVERAGE && kom_has_plan_rows(m) &&
	    m->r->ds->reg.kommuner[m->k].innbyggere <= 0)
		report_expand(m->c, out, "kommune.ind.dekning.uten_folketall", NULL);
	else
		report_expand(m->c, out, "kommune.mangler", "kommune", m->kommune, "aar", m->aar,
		    NULL);
}

/* The brukermedvirkning split of the municipality, its county and the country as
 * stacked bars of shares of the active plans. */
static struct chart *
kom_split_chart(struct kom *m)
{
	const char *series[4], *cats[3];
	size_t places[3] = { m->k, m->county, m->country }, p, s;
	struct chart_value vals[12];
	struct buf title, note;
	struct chart *ch;

	series[0] = report_str(m->c, "felles.medvirkning.ja");
	series[1] = report_str(m->c, "felles.medvirkning.delvis");
	series[2] = report_str(m->c, "felles.medvirkning.nei");
	series[3] = report_str(m->c, "felles.medvirkning.ikke_dokumentert");
	for (p = 0; p < 3; p++) {
		const struct split *sp = results_split(m->r, m->r->year, places[p]);
		long n[4] = { 0, 0, 0, 0 }, tot = 0;

		cats[p] = report_place_name(m->c, places[p]);
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
	    .note = report_chart_note(m->c, vals, 12, &note), .ncat = 3,
	    .categories = cats, .nseries = 4, .series = series,
	    .tones = report_status_tones, .values = vals, .highlight = 1,
	    .max10 = 1000, .unit = report_str(m->c, "felles.enhet.prosent") });
	buf_free(&title);
	buf_free(&note);
	return ch;
}

/* 1 when some year before the reporting year has a figure of ind for the municipality,
 * its county or the country: only then is a trend chart worth drawing. */
static int
kom_has_history(const struct kom *m, size_t ind)
{
	size_t places[3] = { m->k, m->county, m->country }, p;
	int y;

	for (y = 0; y < m->yi; y++)
		for (p = 0; p < 3; p++)
			if (results_figure(m->r, m->r->years[y], ind, places[p])->state !=
			    FIG_MISSING)
				return 1;
	return 0;
}

/* 1 when the municipality, its county or the country has a published figure of ind in
 * the reporting year: a chart of nothing but ".." says nothing the text does not. */
static int
kom_any_published(const struct kom *m, size_t ind)
{
	return report_figure(m->c, ind, m->k)->state == FIG_PUBLISHED ||
	    report_figure(m->c, ind, m->county)->state == FIG_PUBLISHED ||
	    report_figure(m->c, ind, m->country)->state == FIG_PUBLISHED;
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
		report_add_chart(m->c, m->doc, kom_split_chart(m),
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
	report_expand(m->c, &b, "kommune.indikatorer.intro", "kommune", m->kommune, "fylke",
	    m->fylke, NULL);
	kom_flush(m, &b);
	buf_free(&b);
	for (i = 0; i < m->r->defs->n; i++)
		kom_ind_section(m, i);
}

/* ---- 4 The action plan ---- */

/* Counts of the municipality's measures by status class (done, in progress, not
 * started, unknown) and overdue. */
struct kom_tally {
	long	n[REPORT_NSTATUS];
	long	total, overdue, undated;
};

static void
kom_tally(const struct kom *m, struct kom_tally *t)
{
	size_t i;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < m->r->nmeasures; i++) {
		const struct measure *ms = &m->r->measures[i];

		if (ms->kommune != m->k)
			continue;
		t->n[report_status_slot(ms->status_class)]++;
		t->total++;
		t->overdue += ms->overdue != 0;
		t->undated += report_measure_undated(ms);
	}
}

/* The municipality's measures by status as one stacked bar. */
static struct chart *
kom_status_chart(struct kom *m, const struct kom_tally *t)
{
	const char *cats[1] = { m->kommune };
	struct buf title;
	struct chart *ch;

	buf_init(&title);
	report_expand(m->c, &title, "kommune.handlingsplan.diagram", "kommune", m->kommune,
	    "aar", m->aar, NULL);
	ch = report_status_chart(m->c, title.data, 1, cats, &t->n, 0, NULL, 0);
	buf_free(&title);
	return ch;
}

static void
kom_plan(struct kom *m)
{
	const struct report_ctx *c = m->c;
	struct kom_tally t;
	struct buf b, n[5];
	size_t i;

	kom_tally(m, &t);
	buf_init(&b);
	/* The six columns of the KoRus form need the width of a landscape page. */
	if (t.total > 0) {
		doc_orientation(m->doc, DOC_LANDSCAPE);
		m->landscape = 1;
	}
	report_heading(&m->num, m->doc, 1,
	    report_str(c, "kommune.handlingsplan.overskrift"));
	if (t.total == 0) {
		report_expand(c, &b, "kommune.handlingsplan.ingen", "kommune", m->kommune, NULL);
		kom_flush(m, &b);
		buf_free(&b);
		return;
	}
	report_expand(c, &b, "kommune.handlingsplan.intro", "kommune", m->kommune, NULL);
	kom_flush(m, &b);
	for (i = 0; i < 5; i++) {
		buf_init(&n[i]);
		report_count(i < 4 ? t.n[i] : t.total, &n[i]);
	}
	report_expand(c, &b, "kommune.handlingsplan.oppsummering", "gjennomfort", n[0].data,
	    "pagar", n[1].data, "ikke_startet", n[2].data, "ukjent", n[3].data, "antall",
	    n[4].data, NULL);
	kom_space(&b);
	if (t.overdue > 0) {
		buf_reset(&n[0]);
		report_count(t.overdue, &n[0]);
		report_expand(c, &b, "kommune.handlingsplan.forfalte", "antall", n[0].data,
		    NULL);
	} else
		report_no_overdue(c, (size_t)t.undated, &b);
	kom_flush(m, &b);
	for (i = 0; i < 5; i++)
		buf_free(&n[i]);
	buf_free(&b);
	report_add_chart(c, m->doc, kom_status_chart(m, &t), "handlingsplan-status", 0);
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

	memset(m, 0, sizeof(*m));
	m->c = c;
	m->r = r;
	m->doc = doc;
	m->k = k;
	m->county = results_county_place(r, k);
	m->country = results_country_place(r);
	m->yi = results_year_index(r, r->year);
	if (m->yi < 0)
		m->yi = 0;
	m->kommune = report_place_name(c, k);
	m->fylke = report_place_name(c, m->county);
	snprintf(m->aar, sizeof(m->aar), "%d", r->year);
	snprintf(m->forrige, sizeof(m->forrige), "%d", m->yi > 0 ? r->years[m->yi - 1] :
	    r->year - 1);
	snprintf(m->forste, sizeof(m->forste), "%d", r->nyears > 0 ? r->years[0] : r->year);
	m->dato = report_date_str(c, r->refdate);
}

void
report_kommune(const struct report_ctx *c, size_t k, struct doc *doc)
{
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
		else if (strcmp(items[i], "handlingsplan") == 0)
			kom_plan(&m);
		else if (strcmp(items[i], "vedlegg") == 0)
			report_appendix(c, doc);
	}
	free(m.dato);
}
