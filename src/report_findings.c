/*
 * report_findings.c: the municipal report's chapters on what follows from the figures
 * (report_findings.h): answers beside figures, and the development areas. The judging is
 * findings.c's; here it is only said, in the templates' words, with the figures behind
 * each statement. Text from the data (answers as written) goes into plain paragraphs and
 * quotes, never through the bold markup.
 *
 * Choices made here:
 * - A pair is shown whatever its outcome, so that the reader sees what was set beside
 *   what; a disagreement is said in words that name both sides and never which is right.
 * - A hidden figure is said to be hidden (as the indicator chapter says it) and nothing
 *   is set against it; a missing one is said to be missing.
 * - Development areas are grouped by subject: an indicator with several reasons is one
 *   area, placed by its first reason; measures overdue without an action-plan indicator
 *   are an area of their own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "findings.h"
#include "report_findings.h"

static void
rf_space(struct buf *b)
{
	if (b->len > 0 && b->data[b->len - 1] != ' ' && b->data[b->len - 1] != '\n')
		buf_putc(b, ' ');
}

/* A plain paragraph (no markup: it may hold an answer as written). */
static void
rf_flush_plain(const struct report_part *p, struct buf *b)
{
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
	if (b->len > 0)
		doc_paragraph_plain(p->doc, b->data);
	buf_reset(b);
}

static const char *const class_words[4] = {
	"ikke_etablert", "under_arbeid", "etablert", "vet_ikke"
};

/* The class of a closed answer inside a sentence (kommune.samsvar.klasse.*). */
static const char *
rf_class(const struct report_part *p, int cls)
{
	char key[64];

	if (cls < ANSWER_NOT || cls > ANSWER_UNSURE)
		return "";
	snprintf(key, sizeof(key), "kommune.samsvar.klasse.%s", class_words[cls]);
	return report_str(p->c, key);
}

static const struct question *
rf_question(const struct report_part *p, const char *id)
{
	const struct dataset *ds = p->c->r->ds;
	size_t i;

	for (i = 0; i < ds->nquestions; i++)
		if (strcmp(ds->questions[i].id, id) == 0)
			return &ds->questions[i];
	return NULL;
}

static const char *
rf_question_text(const struct report_part *p, const struct question *q)
{
	const char *t = q == NULL ? NULL : p->c->lang == LANG_NN ? q->text_nn : q->text_nb;

	return t != NULL ? t : "";
}

/* value and counts of a published figure: "66,7 %", "4 av 6". */
static void
rf_value_counts(const struct report_part *p, size_t ind, const struct figure *f,
    struct buf *v, struct buf *n)
{
	report_value(p->c, ind, f->value10, v);
	report_counts(p->c, ind, f, n);
}

/* A threshold of indicator ind as its unit writes it: god (which 1) or middels. */
static void
rf_threshold(const struct report_part *p, size_t ind, int god, struct buf *out)
{
	const struct indicator *d = &p->c->r->defs->v[ind];

	report_value(p->c, ind, report_threshold10(god ? d->god : d->middels), out);
}

/* ---- Answers beside figures (samsvar.txt) ---- */

/* The figure of a pair and what it is compared with, or why there is none to set the
 * answer against. */
static void
rf_pair_figure(const struct report_part *p, const struct pair_view *pv, struct buf *b)
{
	const struct report_ctx *c = p->c;
	const struct figure *f = pv->fig;
	const char *ind = report_ind_name(c, pv->ind);
	struct comparison cmp[2];
	struct buf v, n;
	size_t nc, i;

	if (f == NULL || f->state == FIG_HIDDEN) {
		report_expand(c, b, "kommune.samsvar.tall_skjult", "indikator", ind, NULL);
		return;
	}
	if (f->state == FIG_MISSING) {
		report_expand(c, b, "kommune.samsvar.tall_mangler", "indikator", ind, "aar",
		    p->aar, NULL);
		return;
	}
	if (f->state == FIG_NO_ACTIVE) {
		report_expand(c, b, "kommune.samsvar.ingen_aktive", "indikator", ind, "dato",
		    p->dato, NULL);
		return;
	}
	buf_init(&v);
	buf_init(&n);
	rf_value_counts(p, pv->ind, f, &v, &n);
	if (f->level >= LEVEL_LAV && f->level <= LEVEL_GOD)
		report_expand(c, b, "kommune.samsvar.tall", "indikator", ind, "verdi", v.data,
		    "antall", n.data, "dato", p->dato, "niva", report_level_text(c, f->level),
		    NULL);
	else
		report_expand(c, b, "kommune.samsvar.tall_uten_niva", "indikator", ind, "verdi",
		    v.data, "antall", n.data, "dato", p->dato, NULL);
	nc = compare_place(c->cmp, c->r->year, pv->ind, p->k, cmp);
	for (i = 0; i < nc; i++)
		report_cmp_sentence(c, pv->ind, &cmp[i], b);
	buf_free(&v);
	buf_free(&n);
}

/* What the pair comes to: disagree, not, not judged (and why). */
static void
rf_pair_outcome(const struct report_part *p, const struct pair_view *pv, struct buf *b)
{
	const struct report_ctx *c = p->c;

	rf_space(b);
	switch (pv->outcome) {
	case PAIR_DISAGREE:
		report_expand(c, b, "kommune.samsvar.avvik", "klasse", rf_class(p,
		    pv->answer->cls), "niva", report_level_text(c, pv->fig->level), NULL);
		break;
	case PAIR_NO_RULE:
		report_expand(c, b, "kommune.samsvar.ingen_avvik", "klasse", rf_class(p,
		    pv->answer->cls), "niva", report_level_text(c, pv->fig->level), NULL);
		break;
	case PAIR_OPEN:
		report_expand(c, b, pv->answer->q->closed ? "kommune.samsvar.uklassifisert" :
		    "kommune.samsvar.apent", NULL);
		break;
	case PAIR_NO_FIGURE:
		if (pv->fig != NULL && pv->fig->state == FIG_PUBLISHED)
			report_expand(c, b, "kommune.samsvar.uten_niva", NULL);
		break;
	case PAIR_NO_ANSWER:
	case PAIR_HIDDEN:
		break;
	}
}

static void
rf_pair(const struct report_part *p, size_t i)
{
	const struct report_ctx *c = p->c;
	const struct question *q;
	struct pair_view pv;
	struct buf b;

	findings_pair(c->r, p->k, c->r->year, i, &pv);
	q = rf_question(p, pv.question);
	buf_init(&b);
	report_expand(c, &b, "kommune.samsvar.par", "sporsmal", pv.question, "indikator",
	    report_ind_name(c, pv.ind), NULL);
	doc_heading(p->doc, 3, b.data);
	buf_reset(&b);
	report_expand(c, &b, "kommune.samsvar.sporsmal", "id", pv.question, "sporsmal",
	    rf_question_text(p, q), NULL);
	rf_flush_plain(p, &b);
	if (pv.answer != NULL) {
		struct buf src;

		buf_init(&src);
		report_expand(c, &b, "kommune.kartlegging.svar", "svar", pv.answer->text, NULL);
		report_expand(c, &src, "kommune.samsvar.kilde", "kommune", p->prose, "aar",
		    p->aar, NULL);
		doc_quote(p->doc, b.data, src.data);
		if (pv.answer->written >= 0 && pv.answer->written != (int)c->lang)
			doc_quote_lang(p->doc, pv.answer->written == LANG_NN ? "nn-NO" : "nb-NO");
		buf_free(&src);
		buf_reset(&b);
	} else
		report_expand(c, &b, "kommune.samsvar.ikke_besvart", "kommune", p->prose, NULL);
	rf_space(&b);
	rf_pair_figure(p, &pv, &b);
	rf_pair_outcome(p, &pv, &b);
	rf_flush_plain(p, &b);
	buf_free(&b);
}

void
report_kommune_pairs(const struct report_part *p)
{
	const struct report_ctx *c = p->c;
	size_t n = findings_npairs(c->r->defs), i;
	struct buf b;

	if (n == 0)
		return;
	buf_init(&b);
	report_heading(p->num, p->doc, 1, report_str(c, "kommune.samsvar.overskrift"));
	if (results_answers(c->r, c->r->year, p->k) == NULL) {
		report_expand(c, &b, "kommune.samsvar.ikke_svart", "kommune", p->prose, "aar",
		    p->aar, NULL);
		rf_flush_plain(p, &b);
		buf_free(&b);
		return;
	}
	report_expand(c, &b, "kommune.samsvar.intro", "kommune", p->prose, "aar", p->aar,
	    NULL);
	doc_paragraph(p->doc, b.data);
	buf_free(&b);
	for (i = 0; i < n; i++)
		rf_pair(p, i);
}

/* ---- Development areas (funn.txt) ---- */

/* Between two items of a list: ", ", or " og " before the last. */
static void
rf_join(const struct report_part *p, struct buf *out, int last)
{
	if (last)
		buf_printf(out, " %s ", report_str(p->c, "kommune.utviklingsomrader.og"));
	else
		buf_puts(out, ", ");
}

/* The reasons of the development list, named and joined: "a, b og c". */
static void
rf_reasons(const struct report_part *p, struct buf *out)
{
	const struct findings_rules *fr = p->c->r->defs->findings;
	size_t n = fr->norder[FINDINGS_DEVELOPMENT], i;
	char key[80];

	for (i = 0; i < n; i++) {
		if (i > 0)
			rf_join(p, out, i + 1 == n);
		snprintf(key, sizeof(key), "kommune.utviklingsomrader.grunn.%s",
		    finding_kind_word(fr->order[FINDINGS_DEVELOPMENT][i]));
		buf_puts(out, report_str(p->c, key));
	}
}

/* The subject of a finding: its indicator's name, or the action plan's. */
static const char *
rf_subject(const struct report_part *p, const struct finding *x)
{
	if (x->kind == FINDING_NO_SURVEY)
		return report_str(p->c, "kommune.utviklingsomrader.kartlegging");
	if (x->ind == FINDING_NO_IND)
		return report_str(p->c, "kommune.utviklingsomrader.handlingsplan");
	return report_ind_name(p->c, x->ind);
}

static void
rf_legal(const struct report_part *p, const struct finding *x, struct buf *b)
{
	const struct report_ctx *c = p->c;
	const struct indicator *d = &c->r->defs->v[x->ind];
	const char *basis = d->basis[c->lang];
	struct buf v, n, g;

	buf_init(&v);
	buf_init(&n);
	buf_init(&g);
	if (compare_is_answer(c->r, x->ind, p->k)) {
		/* The one survey indicator is internkontroll, the answer to IK1 (as the
		 * indicator chapter has it, report_kommune.c). */
		const char *svar = strcmp(d->id, "internkontroll") == 0 ?
		    report_answer(c, p->k, "IK1") : NULL;

		report_expand(c, b, svar != NULL ? "kommune.utviklingsomrader.lovkrav_svar" :
		    "kommune.utviklingsomrader.lovkrav_klasse", "kommune", p->prose, "svar",
		    svar != NULL ? svar : "", "klasse", rf_class(p, x->fig->answer), NULL);
	} else {
		rf_value_counts(p, x->ind, x->fig, &v, &n);
		rf_threshold(p, x->ind, 1, &g);
		report_expand(c, b, "kommune.utviklingsomrader.lovkrav", "verdi", v.data,
		    "antall", n.data, "niva", report_level_text(c, x->fig->level), "grense_god",
		    g.data, NULL);
	}
	if (basis != NULL) {
		rf_space(b);
		report_expand(c, b, "kommune.utviklingsomrader.hjemmel", "hjemmel", basis, NULL);
	}
	buf_free(&v);
	buf_free(&n);
	buf_free(&g);
}

static void
rf_fall(const struct report_part *p, const struct finding *x, struct buf *b)
{
	const struct report_ctx *c = p->c;
	struct buf v, n, pv, pn;
	char py[16];

	buf_init(&v);
	buf_init(&n);
	buf_init(&pv);
	buf_init(&pn);
	rf_value_counts(p, x->ind, x->fig, &v, &n);
	rf_value_counts(p, x->ind, x->change.prev, &pv, &pn);
	snprintf(py, sizeof(py), "%d", x->change.prev_year);
	report_expand(c, b, c->r->defs->v[x->ind].higher_is_better ?
	    "kommune.utviklingsomrader.nedgang" : "kommune.utviklingsomrader.nedgang_okt",
	    "verdi", v.data, "antall", n.data, "aar", p->aar, "forrige_verdi", pv.data,
	    "forrige_antall", pn.data, "forrige_aar", py, NULL);
	buf_free(&v);
	buf_free(&n);
	buf_free(&pv);
	buf_free(&pn);
}

static void
rf_disagree(const struct report_part *p, const struct finding *x, struct buf *b)
{
	const struct report_ctx *c = p->c;
	struct buf v, n;

	buf_init(&v);
	buf_init(&n);
	rf_value_counts(p, x->ind, x->fig, &v, &n);
	report_expand(c, b, "kommune.utviklingsomrader.avvik", "kommune", p->prose, "sporsmal",
	    c->r->defs->findings->pairs[x->pair].question, "svar", x->answer->text, "klasse",
	    rf_class(p, x->answer->cls), "verdi", v.data, "antall", n.data, "niva",
	    report_level_text(c, x->fig->level), NULL);
	buf_free(&v);
	buf_free(&n);
}

static void
rf_overdue(const struct report_part *p, const struct finding *x, struct buf *b)
{
	const struct report_ctx *c = p->c;
	struct buf a, t, d;

	buf_init(&a);
	buf_init(&t);
	buf_init(&d);
	report_count(x->plan.overdue, &a);
	report_count(x->plan.total, &t);
	report_date(c, x->oldest, &d);
	report_expand(c, b, "kommune.utviklingsomrader.forfalt", "antall", a.data, "totalt",
	    t.data, "dato", d.data, "frist", p->dato, NULL);
	buf_free(&a);
	buf_free(&t);
	buf_free(&d);
}

static void
rf_low(const struct report_part *p, const struct finding *x, struct buf *b)
{
	struct buf v, n, m;

	buf_init(&v);
	buf_init(&n);
	buf_init(&m);
	rf_value_counts(p, x->ind, x->fig, &v, &n);
	rf_threshold(p, x->ind, 0, &m);
	report_expand(p->c, b, "kommune.utviklingsomrader.lav", "verdi", v.data, "antall",
	    n.data, "niva", report_level_text(p->c, x->fig->level), "grense_middels", m.data,
	    NULL);
	buf_free(&v);
	buf_free(&n);
	buf_free(&m);
}

/* One reason of an area as a sentence with its figures. */
static void
rf_reason(const struct report_part *p, const struct finding *x, struct buf *b)
{
	rf_space(b);
	switch (x->kind) {
	case FINDING_LEGAL:
		rf_legal(p, x, b);
		break;
	case FINDING_FALL:
		rf_fall(p, x, b);
		break;
	case FINDING_DISAGREE:
		rf_disagree(p, x, b);
		break;
	case FINDING_OVERDUE:
		rf_overdue(p, x, b);
		break;
	case FINDING_LOW:
		rf_low(p, x, b);
		break;
	case FINDING_NO_SURVEY:
		report_expand(p->c, b, "kommune.utviklingsomrader.ikke_svart", "kommune",
		    p->prose, "aar", p->aar, NULL);
		break;
	case FINDING_NO_PLAN:
		report_expand(p->c, b, "kommune.utviklingsomrader.ingen_handlingsplan",
		    "kommune", p->prose, NULL);
		break;
	case FINDING_NKINDS:
		break;
	}
}

/* 1 when two findings are about the same subject (no survey answer is one of its own). */
static int
rf_same(const struct finding *a, const struct finding *b)
{
	return a->ind == b->ind && (a->kind == FINDING_NO_SURVEY) ==
	    (b->kind == FINDING_NO_SURVEY);
}

/* The subjects of a list of findings in the order of their first finding: subj[i] is
 * the index of that first finding. Returns how many. */
static size_t
rf_subjects(const struct findings *f, size_t *subj)
{
	size_t n = 0, i, j;

	for (i = 0; i < f->n; i++) {
		for (j = 0; j < n && !rf_same(&f->v[subj[j]], &f->v[i]); j++)
			;
		if (j == n)
			subj[n++] = i;
	}
	return n;
}

/* One area: its number and subject as a heading, then each reason of that subject in a
 * paragraph of its own. */
static void
rf_area(const struct report_part *p, const struct findings *f, size_t first, size_t nr)
{
	char num[24];
	struct buf b;
	size_t i;

	buf_init(&b);
	snprintf(num, sizeof(num), "%zu", nr);
	report_expand(p->c, &b, "kommune.utviklingsomrader.omrade", "nr", num, "indikator",
	    rf_subject(p, &f->v[first]), NULL);
	doc_heading(p->doc, 3, b.data);
	buf_reset(&b);
	for (i = first; i < f->n; i++)
		if (rf_same(&f->v[i], &f->v[first])) {
			rf_reason(p, &f->v[i], &b);
			rf_flush_plain(p, &b);	/* a paragraph per reason */
		}
	buf_free(&b);
}

void
report_kommune_development(const struct report_part *p)
{
	const struct report_ctx *c = p->c;
	struct findings f = { NULL, 0, 0 };
	struct buf b, g;
	size_t *subj, n, max, i;

	if (c->r->defs->findings == NULL)
		return;
	findings_of(c->cmp, p->k, c->r->year, FINDINGS_DEVELOPMENT, &f);
	buf_init(&b);
	buf_init(&g);
	rf_reasons(p, &g);
	report_heading(p->num, p->doc, 1,
	    report_str(c, "kommune.utviklingsomrader.overskrift"));
	if (f.n == 0) {
		report_expand(c, &b, "kommune.utviklingsomrader.ingen", "kommune", p->prose,
		    "aar", p->aar, "grunner", g.data, NULL);
		doc_paragraph(p->doc, b.data);
		goto out;
	}
	report_expand(c, &b, "kommune.utviklingsomrader.intro", "kommune", p->prose, "aar",
	    p->aar, "grunner", g.data, NULL);
	doc_paragraph(p->doc, b.data);
	buf_reset(&b);
	subj = xcalloc(f.n, sizeof(*subj));
	n = rf_subjects(&f, subj);
	max = findings_max(c->r->defs);
	for (i = 0; i < n && i < max; i++)
		rf_area(p, &f, subj[i], i + 1);
	if (n > max) {
		buf_reset(&g);
		for (i = max; i < n; i++) {
			if (i > max)
				rf_join(p, &g, i + 1 == n);
			buf_puts(&g, rf_subject(p, &f.v[subj[i]]));
		}
		report_expand(c, &b, "kommune.utviklingsomrader.flere", "liste", g.data, NULL);
		rf_flush_plain(p, &b);
	}
	free(subj);
out:
	buf_free(&b);
	buf_free(&g);
	findings_free(&f);
}
