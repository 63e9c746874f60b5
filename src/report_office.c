/*
 * The county governor's office report (report.h: report_office): every municipality of
 * the counties one office of Statsforvalteren supervises (office.h), in the order of
 * statsforvalter.rekkefolge: cover, contents, an overview, the county parts (sections of
 * the county report, statsforvalter.fylkesdeler, for each county), the survey as a matrix
 * of answer classes, the challenges the municipalities name (I4) as written, the
 * follow-up list (findings.h), the change since last year per municipality, a paragraph
 * per municipality for a supervision letter, and the shared appendix.
 *
 * Shows only figures the results publish (a hidden one is ":" and gives no finding) and
 * no aggregate of its own: an office is no statistical unit, so its counties' figures
 * are the county figures. Every word comes from templates/<lang>/statsforvalter.txt and
 * felles.txt; the issuer is the template's "Statsforvalteren i {embete}" unless --issuer
 * says otherwise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "findings.h"
#include "office.h"
#include "report.h"

/* The open question whose answers the report quotes as the municipalities' challenges
 * (indicators/kartlegging.csv), and the survey indicator and question of internal
 * control, whose answer is hidden where its figure is. */
#define OFC_CHALLENGES	"I4"
#define OFC_IK_IND	"internkontroll"
#define OFC_IK_Q	"IK1"

struct ofc {
	const struct report_ctx	*c;
	const struct results	*r;
	struct doc		*doc;
	const struct office	*o;
	size_t			*kom;		/* its municipalities: county by county, in
						 * register order */
	size_t			 nkom;
	char			 aar[16], forrige[16];
	char			*dato;
	struct buf		 fylker;	/* its counties' names in a sentence */
	struct report_numbering	 num;
};

/* ---- Small helpers ---- */

static void
ofc_num(char *out, size_t outsz, long n)
{
	snprintf(out, outsz, "%ld", n);
}

/* The county (register index) of municipality k. */
static size_t
ofc_county(const struct ofc *m, size_t k)
{
	return (size_t)m->r->ds->reg.kommuner[k].fylke;
}

static int
ofc_present(const struct ofc *m, size_t k)
{
	return results_present(m->r, m->r->year, k);
}

/* A level-2 heading naming the county, when the office has several. */
static void
ofc_county_heading(struct ofc *m, size_t f)
{
	if (m->o->nfylker > 1)
		report_heading(&m->num, m->doc, 2,
		    report_place_name(m->c, m->r->ds->reg.nkommuner + f));
}

/* ---- Cover and overview ---- */

static void
ofc_cover(struct ofc *m)
{
	const struct report_ctx *c = m->c;
	struct buf title, sub, place, year;

	buf_init(&title);
	buf_init(&sub);
	buf_init(&place);
	buf_init(&year);
	report_expand(c, &title, "statsforvalter.tittel", "embete", m->o->name, NULL);
	report_expand(c, &sub, "statsforvalter.undertittel", "aar", m->aar, NULL);
	report_expand(c, &place, "statsforvalter.forside.fylker", "fylker", m->fylker.data,
	    NULL);
	report_expand(c, &year, "statsforvalter.forside.aar", "aar", m->aar, NULL);
	report_cover(c, m->doc, &(struct doc_cover){ .title = title.data,
	    .subtitle = sub.data, .place = place.data, .year = year.data }, m->dato);
	buf_free(&title);
	buf_free(&sub);
	buf_free(&place);
	buf_free(&year);
}

static void
ofc_overview(struct ofc *m)
{
	const struct report_ctx *c = m->c;
	size_t *absent = xcalloc(m->nkom + 1, sizeof(*absent)), nabsent = 0, i;
	size_t npresent = 0, nfollow = 0;
	struct findings fs = { 0 };
	char num[32], num2[32];
	struct buf b, names;

	report_heading(&m->num, m->doc, 1, report_str(c, "statsforvalter.oversikt.overskrift"));
	for (i = 0; i < m->nkom; i++) {
		if (!ofc_present(m, m->kom[i])) {
			absent[nabsent++] = m->kom[i];
			continue;
		}
		npresent++;
		nfollow += findings_of(c->cmp, m->kom[i], m->r->year, FINDINGS_FOLLOWUP,
		    &fs) > 0;
	}
	findings_free(&fs);
	buf_init(&b);
	buf_init(&names);
	ofc_num(num, sizeof(num), (long)npresent);
	report_expand(c, &b, "statsforvalter.oversikt.intro", "embete", m->o->name, "fylker",
	    m->fylker.data, "antall", num, "aar", m->aar, NULL);
	buf_putc(&b, ' ');
	report_expand(c, &b, m->o->nfylker > 1 ? "statsforvalter.oversikt.fylkesrapporter" :
	    "statsforvalter.oversikt.fylkesrapport", "fylker", m->fylker.data, NULL);
	doc_paragraph(m->doc, b.data);
	if (nabsent > 0) {
		buf_reset(&b);
		ofc_num(num, sizeof(num), (long)nabsent);
		report_place_names(m->c, absent, nabsent, &names);
		report_expand(c, &b, "statsforvalter.oversikt.uten_data", "antall", num,
		    "kommuner", names.data, "aar", m->aar, NULL);
		doc_paragraph(m->doc, b.data);
	}
	buf_reset(&b);
	ofc_num(num, sizeof(num), (long)nfollow);
	ofc_num(num2, sizeof(num2), (long)npresent);
	report_expand(c, &b, nfollow == 0 ? "statsforvalter.oversikt.oppfolging_ingen" :
	    "statsforvalter.oversikt.oppfolging", "antall", num, "av", num2, "aar", m->aar,
	    NULL);
	doc_bullet(m->doc, b.data);
	doc_bullet(m->doc, report_str(c, "statsforvalter.oversikt.innhold"));
	buf_free(&names);
	buf_free(&b);
	free(absent);
}

/* The county parts: each section of statsforvalter.fylkesdeler for every county. */
static void
ofc_counties(struct ofc *m)
{
	const char *const *items;
	size_t n = tmpl_list(m->c->t, "statsforvalter.fylkesdeler", &items), i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < m->o->nfylker; j++)
			report_fylke_part(m->c, m->o->fylker[j], items[i], m->o->nfylker > 1,
			    &m->num, m->doc);
}

/* ---- The survey as a matrix ---- */

static const char *
ofc_theme(const struct ofc *m, const struct question *q)
{
	return m->c->lang == LANG_NN ? q->theme_nn : q->theme_nb;
}

static const char *
ofc_question(const struct ofc *m, const struct question *q)
{
	return m->c->lang == LANG_NN ? q->text_nn : q->text_nb;
}

/* 1 when municipality k's internal-control figure is hidden: its IK1 answer is then
 * shown nowhere (as in the county report). */
static int
ofc_ik_hidden(const struct ofc *m, size_t k)
{
	long ik = report_find_ind(m->c, OFC_IK_IND);

	return ik >= 0 && report_figure(m->c, (size_t)ik, k)->state == FIG_HIDDEN;
}

/* One cell of the matrix: the class's short word with its symbol as the template writes
 * it ("Ja ●"), "–" when not answered, ":" when hidden. Returns its mark; notes the classes used. */
static enum doc_mark
ofc_matrix_cell(const struct ofc *m, size_t k, const struct answer *a, int used[],
    struct buf *out)
{
	static const char *const keys[COUNT_NANSWER] = {
	    "statsforvalter.kartlegging.kort.etablert",
	    "statsforvalter.kartlegging.kort.under_arbeid",
	    "statsforvalter.kartlegging.kort.ikke_etablert",
	    "statsforvalter.kartlegging.kort.vet_ikke",
	    "statsforvalter.kartlegging.kort.ikke_besvart" };
	size_t slot;

	buf_reset(out);
	if (a != NULL && strcmp(a->q->id, OFC_IK_Q) == 0 && ofc_ik_hidden(m, k)) {
		used[COUNT_NANSWER] = 1;
		buf_puts(out, report_str(m->c, "felles.symbol.skjult"));
		return DOC_MARK_GREY;
	}
	slot = a != NULL && a->text != NULL ? counts_answer_slot(a->cls) : COUNT_UNANSWERED;
	used[slot] = 1;
	buf_puts(out, report_str(m->c, keys[slot]));
	return slot == COUNT_UNANSWERED ? DOC_MARK_NONE :
	    report_answer_mark(report_answer_of_slot(slot));
}

/* The matrix of the municipalities of county f (present in the reporting year). */
static void
ofc_matrix_table(struct ofc *m, size_t f, const size_t *closed, size_t nclosed, int used[])
{
	struct doc_table *t = doc_table(m->doc, nclosed + 1);
	struct buf b;
	size_t i, q;

	doc_table_col(t, 0, report_str(m->c, "statsforvalter.kartlegging.kol.kommune"), 1.3,
	    DOC_LEFT);
	for (q = 0; q < nclosed; q++)
		doc_table_col(t, q + 1, m->r->ds->questions[closed[q]].id, 1, DOC_LEFT);
	buf_init(&b);
	for (i = 0; i < m->nkom; i++) {
		size_t k = m->kom[i];
		const struct answer *ans;

		if (ofc_county(m, k) != f || !ofc_present(m, k))
			continue;
		ans = results_answers(m->r, m->r->year, k);
		doc_table_row(t, 0);
		doc_table_cell(t, report_place_name(m->c, k), DOC_MARK_NONE);
		for (q = 0; q < nclosed; q++) {
			enum doc_mark mk = ofc_matrix_cell(m, k, ans != NULL ?
			    &ans[closed[q]] : NULL, used, &b);

			doc_table_cell(t, b.data, mk);
		}
	}
	buf_free(&b);
}

/* The questions of the matrix by theme, as key/value pairs under the table. */
static void
ofc_matrix_legend(struct ofc *m, const size_t *closed, size_t nclosed)
{
	const struct question *qs = m->r->ds->questions;
	struct buf b;
	size_t q;

	buf_init(&b);
	for (q = 0; q < nclosed; q++) {
		const struct question *x = &qs[closed[q]];

		if (q == 0 || strcmp(ofc_theme(m, x), ofc_theme(m, &qs[closed[q - 1]])) != 0) {
			buf_reset(&b);
			report_expand(m->c, &b, "statsforvalter.kartlegging.tema", "tema",
			    ofc_theme(m, x), NULL);
			doc_heading(m->doc, 3, b.data);
		}
		doc_kv(m->doc, x->id, ofc_question(m, x));
	}
	buf_free(&b);
}

static void
ofc_matrix(struct ofc *m)
{
	const struct report_ctx *c = m->c;
	size_t nq = m->r->ds->nquestions, *closed = xcalloc(nq + 1, sizeof(*closed));
	size_t nclosed = 0, i, j, answered = 0;
	int used[COUNT_NANSWER + 1] = { 0 };
	struct buf b;

	buf_init(&b);
	/* The matrix is wide: its heading and introduction go on its landscape page. */
	doc_orientation(m->doc, DOC_LANDSCAPE);
	report_heading(&m->num, m->doc, 1, report_str(c, "statsforvalter.kartlegging.overskrift"));
	/* Closed questions by theme, in the order of the form within a theme. */
	for (i = 0; i < nq; i++) {
		const struct question *q = &m->r->ds->questions[i];

		if (!q->closed)
			continue;
		for (j = 0; j < nclosed; j++)
			if (strcmp(ofc_theme(m, &m->r->ds->questions[closed[j]]),
			    ofc_theme(m, q)) == 0)
				break;
		if (j < nclosed) {	/* after the last question of its theme */
			while (j < nclosed && strcmp(ofc_theme(m,
			    &m->r->ds->questions[closed[j]]), ofc_theme(m, q)) == 0)
				j++;
			memmove(closed + j + 1, closed + j, (nclosed - j) * sizeof(*closed));
			closed[j] = i;
		} else
			closed[nclosed] = i;
		nclosed++;
	}
	for (i = 0; i < m->nkom; i++)
		answered += ofc_present(m, m->kom[i]) &&
		    results_answers(m->r, m->r->year, m->kom[i]) != NULL;
	if (nclosed == 0 || answered == 0) {
		report_expand(c, &b, "statsforvalter.kartlegging.ingen_svar", "aar", m->aar,
		    NULL);
		doc_paragraph(m->doc, b.data);
		doc_orientation(m->doc, DOC_PORTRAIT);
		buf_free(&b);
		free(closed);
		return;
	}
	report_expand(c, &b, "statsforvalter.kartlegging.intro", "aar", m->aar, NULL);
	doc_paragraph(m->doc, b.data);
	for (i = 0; i < m->o->nfylker; i++) {
		ofc_county_heading(m, m->o->fylker[i]);
		ofc_matrix_table(m, m->o->fylker[i], closed, nclosed, used);
	}
	doc_small(m->doc, report_str(c, "statsforvalter.kartlegging.tegnforklaring"));
	if (used[COUNT_NANSWER])
		doc_small(m->doc, report_str(c, "statsforvalter.kartlegging.fotnote.skjult"));
	doc_orientation(m->doc, DOC_PORTRAIT);
	doc_paragraph(m->doc, report_str(c, "statsforvalter.kartlegging.sporsmal"));
	ofc_matrix_legend(m, closed, nclosed);
	buf_free(&b);
	free(closed);
}

/* ---- The challenges (I4), as written ---- */

static void
ofc_challenges(struct ofc *m)
{
	const struct report_ctx *c = m->c;
	const struct question *q = NULL;
	size_t i, qi = 0, n = 0;
	struct buf b, src;

	for (i = 0; i < m->r->ds->nquestions; i++)
		if (strcmp(m->r->ds->questions[i].id, OFC_CHALLENGES) == 0) {
			q = &m->r->ds->questions[i];
			qi = i;
		}
	if (q == NULL)		/* no such question in indicators/: no chapter */
		return;
	report_heading(&m->num, m->doc, 1,
	    report_str(c, "statsforvalter.utfordringer.overskrift"));
	buf_init(&b);
	buf_init(&src);
	report_expand(c, &b, "statsforvalter.utfordringer.intro", "sporsmal",
	    ofc_question(m, q), "aar", m->aar, NULL);
	doc_paragraph(m->doc, b.data);
	for (i = 0; i < m->nkom; i++) {
		const struct answer *a = results_answers(m->r, m->r->year, m->kom[i]);

		if (!ofc_present(m, m->kom[i]) || a == NULL || a[qi].text == NULL)
			continue;
		buf_reset(&src);
		report_expand(c, &src, "statsforvalter.utfordringer.kilde", "kommune",
		    report_place_name(c, m->kom[i]), "aar", m->aar, NULL);
		doc_quote(m->doc, a[qi].text, src.data);
		if (a[qi].written >= 0 && a[qi].written != (int)c->lang)
			doc_quote_lang(m->doc, a[qi].written == LANG_NN ? "nn-NO" : "nb-NO");
		n++;
	}
	if (n == 0) {
		buf_reset(&b);
		report_expand(c, &b, "statsforvalter.utfordringer.ingen", "aar", m->aar, NULL);
		doc_paragraph(m->doc, b.data);
	}
	buf_free(&src);
	buf_free(&b);
}

/* ---- Findings in words: the follow-up list and the letter ---- */

/* The placeholders of a finding: its figure with counts and level, last year's, the
 * answer as written and its class, the measures. */
struct ofc_words {
	struct buf	 ind, verdi, antall, niva, god, forrige, forrige_antall, svar, hjemmel;
	char		 forrige_aar[16], n_over[32], n_total[32];
	char		*frist;
	const char	*klasse;
};

static void
ofc_words_init(struct ofc_words *w)
{
	memset(w, 0, sizeof(*w));
	buf_init(&w->ind);
	buf_init(&w->verdi);
	buf_init(&w->antall);
	buf_init(&w->niva);
	buf_init(&w->god);
	buf_init(&w->forrige);
	buf_init(&w->forrige_antall);
	buf_init(&w->svar);
	buf_init(&w->hjemmel);
}

static void
ofc_words_free(struct ofc_words *w)
{
	buf_free(&w->ind);
	buf_free(&w->verdi);
	buf_free(&w->antall);
	buf_free(&w->niva);
	buf_free(&w->god);
	buf_free(&w->forrige);
	buf_free(&w->forrige_antall);
	buf_free(&w->svar);
	buf_free(&w->hjemmel);
	free(w->frist);
}

/* An answer class inside a sentence ("ikke etablert"; statsforvalter.klasse.*). */
static const char *
ofc_class_text(const struct ofc *m, int answer_class)
{
	static const char *const keys[COUNT_NANSWER] = {
	    "statsforvalter.klasse.etablert", "statsforvalter.klasse.under_arbeid",
	    "statsforvalter.klasse.ikke_etablert", "statsforvalter.klasse.vet_ikke",
	    "statsforvalter.klasse.ikke_besvart" };

	return report_str(m->c, keys[counts_answer_slot(answer_class)]);
}

static void
ofc_words_fill(const struct ofc *m, const struct finding *x, struct ofc_words *w)
{
	const struct report_ctx *c = m->c;
	const struct indicator *d = x->ind != FINDING_NO_IND ? &m->r->defs->v[x->ind] : NULL;
	const struct figure *f = x->fig;

	ofc_words_free(w);
	ofc_words_init(w);
	if (d != NULL) {
		buf_puts(&w->ind, report_ind_short(c, x->ind));
		report_value(c, x->ind, report_threshold10(d->god), &w->god);
		if (d->basis[c->lang] != NULL)
			buf_puts(&w->hjemmel, d->basis[c->lang]);
	}
	if (f != NULL && d != NULL && f->answer == ANSWER_NONE) {
		report_value(c, x->ind, f->value10, &w->verdi);
		report_counts(c, x->ind, f, &w->antall);
		buf_puts(&w->niva, report_level_text(c, f->level));
	}
	if (f != NULL && f->answer != ANSWER_NONE)
		w->klasse = ofc_class_text(m, f->answer);
	if (x->kind == FINDING_FALL && x->change.prev != NULL && d != NULL) {
		report_value(c, x->ind, x->change.prev->value10, &w->forrige);
		report_counts(c, x->ind, x->change.prev, &w->forrige_antall);
		snprintf(w->forrige_aar, sizeof(w->forrige_aar), "%d", x->change.prev_year);
	}
	if (x->answer != NULL && x->answer->text != NULL) {
		buf_puts(&w->svar, x->answer->text);
		w->klasse = ofc_class_text(m, x->answer->cls);
	}
	ofc_num(w->n_over, sizeof(w->n_over), x->plan.overdue);
	ofc_num(w->n_total, sizeof(w->n_total), x->plan.total);
	if (x->oldest > 0)
		w->frist = report_date_str(c, x->oldest);
}

/* The answer of k to the internal-control question, for a legal duty given as an
 * answer (the finding has the figure, whose class it is, not the text). */
static void
ofc_words_answer(const struct ofc *m, size_t k, const struct finding *x,
    struct ofc_words *w)
{
	const char *s;

	if (x->fig == NULL || x->fig->answer == ANSWER_NONE)
		return;
	s = report_answer(m->c, k, OFC_IK_Q);
	buf_reset(&w->svar);
	buf_puts(&w->svar, s != NULL ? s : "");
}

/* Expands prefix.<kind word>[suffix] with every placeholder of w. */
static void
ofc_expand(const struct ofc *m, const char *prefix, const struct finding *x,
    const char *suffix, const struct ofc_words *w, struct buf *out)
{
	char key[96];

	snprintf(key, sizeof(key), "%s.%s%s", prefix, finding_kind_word(x->kind), suffix);
	report_expand(m->c, out, key, "indikator", w->ind.data, "verdi", w->verdi.data,
	    "antall", w->antall.data, "niva", w->niva.data, "grense_god", w->god.data,
	    "forrige_verdi", w->forrige.data, "forrige_antall", w->forrige_antall.data,
	    "forrige_aar", w->forrige_aar, "aar", m->aar, "svar", w->svar.data,
	    "klasse", w->klasse != NULL ? w->klasse : "", "hjemmel", w->hjemmel.data,
	    "forfalte", w->n_over, "tiltak", w->n_total, "frist",
	    w->frist != NULL ? w->frist : "", "dato", m->dato, NULL);
}

/* The suffix of a finding's key: a legal duty given as an answer ("_svar"), one
 * without its provisions ("_uten_hjemmel"), a change up or down ("_opp", "_ned"). */
static const char *
ofc_variant(const struct ofc *m, const struct finding *x, int letter)
{
	const struct indicator *d = x->ind != FINDING_NO_IND ? &m->r->defs->v[x->ind] : NULL;

	if (x->kind == FINDING_LEGAL && x->fig != NULL && x->fig->answer != ANSWER_NONE)
		return letter && (d == NULL || d->basis[m->c->lang] == NULL) ?
		    "_svar_uten_hjemmel" : "_svar";
	if (x->kind == FINDING_LEGAL && letter && (d == NULL || d->basis[m->c->lang] == NULL))
		return "_uten_hjemmel";
	if (x->kind == FINDING_FALL)
		return x->change.verdict == STATS_HIGHER ? "_opp" : "_ned";
	return "";
}

static void
ofc_followup(struct ofc *m)
{
	const struct report_ctx *c = m->c;
	struct findings fs = { 0 };
	struct ofc_words w;
	struct doc_table *t = NULL;
	size_t *none = xcalloc(m->nkom + 1, sizeof(*none)), nnone = 0, i, j;
	struct buf b;

	report_heading(&m->num, m->doc, 1, report_str(c, "statsforvalter.oppfolging.overskrift"));
	buf_init(&b);
	report_expand(c, &b, "statsforvalter.oppfolging.intro", "aar", m->aar, NULL);
	doc_paragraph(m->doc, b.data);
	ofc_words_init(&w);
	for (i = 0; i < m->nkom; i++) {
		size_t k = m->kom[i];

		if (!ofc_present(m, k))
			continue;
		if (findings_of(c->cmp, k, m->r->year, FINDINGS_FOLLOWUP, &fs) == 0) {
			none[nnone++] = k;
			continue;
		}
		if (t == NULL) {
			t = doc_table(m->doc, 3);
			doc_table_col(t, 0, report_str(c, "statsforvalter.oppfolging.kol.kommune"),
			    1.1, DOC_LEFT);
			doc_table_col(t, 1, report_str(c, "statsforvalter.oppfolging.kol.grunn"),
			    1.5, DOC_LEFT);
			doc_table_col(t, 2, report_str(c, "statsforvalter.oppfolging.kol.tall"),
			    2.4, DOC_LEFT);
		}
		for (j = 0; j < fs.n; j++) {
			ofc_words_fill(m, &fs.v[j], &w);
			ofc_words_answer(m, k, &fs.v[j], &w);
			doc_table_row(t, 0);
			doc_table_cell(t, report_place_name(c, k), DOC_MARK_NONE);
			buf_reset(&b);
			ofc_expand(m, "statsforvalter.oppfolging.grunn", &fs.v[j], "", &w, &b);
			doc_table_cell(t, b.data, DOC_MARK_NONE);
			buf_reset(&b);
			ofc_expand(m, "statsforvalter.oppfolging.tall", &fs.v[j],
			    ofc_variant(m, &fs.v[j], 0), &w, &b);
			doc_table_cell(t, b.data, DOC_MARK_NONE);
		}
	}
	buf_reset(&b);
	if (t == NULL)
		report_expand(c, &b, "statsforvalter.oppfolging.ingen", "aar", m->aar, NULL);
	else if (nnone > 0) {
		struct buf names;

		buf_init(&names);
		report_place_names(m->c, none, nnone, &names);
		report_expand(c, &b, "statsforvalter.oppfolging.uten_funn", "kommuner",
		    names.data, "aar", m->aar, NULL);
		buf_free(&names);
	}
	if (b.len > 0)
		doc_paragraph(m->doc, b.data);
	ofc_words_free(&w);
	findings_free(&fs);
	buf_free(&b);
	free(none);
}

/* ---- The change since last year, per municipality ---- */

/* The indicators of the change table: those of the plans (an answer is not judged as a
 * share, and the action plan is of the reporting year only). */
static int
ofc_change_ind(const struct ofc *m, size_t ind)
{
	return m->r->defs->v[ind].source == TABLE_PLANS;
}

static void
ofc_change_table(struct ofc *m, size_t f, struct report_used *u)
{
	const struct report_ctx *c = m->c;
	size_t n = m->r->defs->n, i, col, ncols = 1;
	struct doc_table *t;
	struct buf b;

	for (i = 0; i < n; i++)
		ncols += ofc_change_ind(m, i) != 0;
	t = doc_table(m->doc, ncols);
	doc_table_col(t, 0, report_str(c, "statsforvalter.endringer.kol.kommune"), 1.0,
	    DOC_LEFT);
	buf_init(&b);
	for (i = 0, col = 1; i < n; i++) {
		if (!ofc_change_ind(m, i))
			continue;
		buf_reset(&b);
		buf_printf(&b, "fylke.barometer.kol.%s", m->r->defs->v[i].id);
		doc_table_col(t, col++, tmpl_get(c->t, b.data) != NULL ?
		    report_str(c, b.data) : report_ind_short(c, i), 1, DOC_RIGHT);
	}
	for (i = 0; i < m->nkom; i++) {
		size_t k = m->kom[i], ind;

		if (ofc_county(m, k) != f || !ofc_present(m, k))
			continue;
		doc_table_row(t, 0);
		doc_table_cell(t, report_place_name(c, k), DOC_MARK_NONE);
		for (ind = 0; ind < n; ind++) {
			const struct indicator *d = &m->r->defs->v[ind];
			const struct figure *fg = report_figure(c, ind, k);
			enum doc_mark mk = DOC_MARK_NONE;
			struct change ch;

			if (!ofc_change_ind(m, ind))
				continue;
			buf_reset(&b);
			if (fg->state == FIG_HIDDEN) {
				buf_puts(&b, report_str(c, "felles.symbol.skjult"));
				u->hidden = 1;
				mk = DOC_MARK_GREY;
			} else if (report_change_short(c, ind, k, &b) &&
			    compare_change(c->cmp, m->r->year, ind, k, &ch)) {
				u->verdict = 1;
				/* Better or worse, never by colour alone: the word says which
				 * way, the column what is measured. */
				if (ch.verdict == STATS_HIGHER || ch.verdict == STATS_LOWER)
					mk = (ch.verdict == STATS_HIGHER) == (d->higher_is_better != 0) ?
					    DOC_MARK_GOOD : DOC_MARK_LOW;
			} else
				u->no_change = 1;
			doc_table_cell(t, b.data, mk);
		}
	}
	buf_free(&b);
}

static void
ofc_changes(struct ofc *m)
{
	const struct report_ctx *c = m->c;
	struct report_used u;
	char conf[16];
	struct buf b;
	size_t i;

	memset(&u, 0, sizeof(u));
	buf_init(&b);
	if (m->r->nyears < 2) {
		report_heading(&m->num, m->doc, 1,
		    report_str(c, "statsforvalter.endringer.overskrift_uten"));
		report_expand(c, &b, "statsforvalter.endringer.ett_aar", "aar", m->aar, NULL);
		doc_paragraph(m->doc, b.data);
		buf_free(&b);
		return;
	}
	doc_orientation(m->doc, DOC_LANDSCAPE);
	report_expand(c, &b, "statsforvalter.endringer.overskrift", "forrige_aar", m->forrige,
	    NULL);
	report_heading(&m->num, m->doc, 1, b.data);
	buf_reset(&b);
	report_confidence(c, conf, sizeof(conf));
	report_expand(c, &b, "statsforvalter.endringer.intro", "forrige_aar", m->forrige,
	    "aar", m->aar, "konfidens", conf, NULL);
	doc_paragraph(m->doc, b.data);
	for (i = 0; i < m->o->nfylker; i++) {
		ofc_county_heading(m, m->o->fylker[i]);
		ofc_change_table(m, m->o->fylker[i], &u);
	}
	doc_small(m->doc, report_str(c, "statsforvalter.endringer.fotnote"));
	report_footnotes(c, m->doc, &u);
	doc_orientation(m->doc, DOC_PORTRAIT);
	buf_free(&b);
}

/* ---- A paragraph per municipality for a supervision letter ---- */

/* 1 when some figure of k in the reporting year is hidden. */
static int
ofc_any_hidden(const struct ofc *m, size_t k)
{
	size_t i;

	for (i = 0; i < m->r->defs->n; i++)
		if (report_figure(m->c, i, k)->state == FIG_HIDDEN)
			return 1;
	return 0;
}

static void
ofc_letter_one(struct ofc *m, size_t k, struct findings *fs, struct ofc_words *w)
{
	const struct report_ctx *c = m->c;
	struct buf b, prose;
	size_t j;

	buf_init(&b);
	buf_init(&prose);
	report_kommune_prose(c, k, &prose);
	report_heading(&m->num, m->doc, 2, report_place_name(c, k));
	findings_of(c->cmp, k, m->r->year, FINDINGS_FOLLOWUP, fs);
	if (fs->n == 0)
		report_expand(c, &b, "statsforvalter.brev.ingen", "kommune", prose.data, "aar",
		    m->aar, NULL);
	else
		report_expand(c, &b, "statsforvalter.brev.start", "kommune", prose.data, "aar",
		    m->aar, NULL);
	for (j = 0; j < fs->n; j++) {
		ofc_words_fill(m, &fs->v[j], w);
		ofc_words_answer(m, k, &fs->v[j], w);
		buf_putc(&b, ' ');
		ofc_expand(m, "statsforvalter.brev", &fs->v[j], ofc_variant(m, &fs->v[j], 1),
		    w, &b);
	}
	if (ofc_any_hidden(m, k)) {
		buf_putc(&b, ' ');
		buf_puts(&b, report_str(c, "statsforvalter.brev.skjult"));
	}
	/* Answers as written may hold anything: the paragraph is plain text. */
	doc_paragraph_plain(m->doc, b.data);
	buf_free(&prose);
	buf_free(&b);
}

static void
ofc_letter(struct ofc *m)
{
	const struct report_ctx *c = m->c;
	struct findings fs = { 0 };
	struct ofc_words w;
	struct buf b;
	size_t i;

	report_heading(&m->num, m->doc, 1, report_str(c, "statsforvalter.brev.overskrift"));
	buf_init(&b);
	report_expand(c, &b, "statsforvalter.brev.intro", "aar", m->aar, NULL);
	doc_paragraph(m->doc, b.data);
	buf_free(&b);
	ofc_words_init(&w);
	for (i = 0; i < m->nkom; i++)
		if (ofc_present(m, m->kom[i]))
			ofc_letter_one(m, m->kom[i], &fs, &w);
	ofc_words_free(&w);
	findings_free(&fs);
}

/* ---- The report ---- */

static void
ofc_setup(struct ofc *m)
{
	const struct report_ctx *c = m->c;
	struct buf title, subject, header;

	buf_init(&title);
	buf_init(&subject);
	buf_init(&header);
	report_expand(c, &title, "statsforvalter.tittel", "embete", m->o->name, NULL);
	report_expand(c, &subject, "statsforvalter.emne", "embete", m->o->name, "aar",
	    m->aar, NULL);
	report_expand(c, &header, "statsforvalter.topptekst", "embete", m->o->name, "aar",
	    m->aar, NULL);
	report_doc_setup(c, m->doc, title.data, subject.data, header.data);
	buf_free(&title);
	buf_free(&subject);
	buf_free(&header);
}

static void
ofc_section(struct ofc *m, const char *name)
{
	if (strcmp(name, "forside") == 0)
		ofc_cover(m);
	else if (strcmp(name, "innhold") == 0)
		report_contents(m->c, m->doc);
	else if (strcmp(name, "oversikt") == 0)
		ofc_overview(m);
	else if (strcmp(name, "fylker") == 0)
		ofc_counties(m);
	else if (strcmp(name, "kartlegging") == 0)
		ofc_matrix(m);
	else if (strcmp(name, "utfordringer") == 0)
		ofc_challenges(m);
	else if (strcmp(name, "oppfolging") == 0)
		ofc_followup(m);
	else if (strcmp(name, "endringer") == 0)
		ofc_changes(m);
	else if (strcmp(name, "brev") == 0)
		ofc_letter(m);
	else if (strcmp(name, "vedlegg") == 0)
		report_appendix(m->c, m->doc, 1);
}

/* Fills m: the office's municipalities county by county, its counties in a sentence
 * ("Vestfold og Telemark", "Østfold, Buskerud, Oslo og Akershus"), the year labels. */
static void
ofc_init(struct ofc *m, const struct report_ctx *c, const struct office *o,
    struct doc *doc)
{
	const struct kommune_register *reg = &c->r->ds->reg;
	size_t i, k;

	memset(m, 0, sizeof(*m));
	m->c = c;
	m->r = c->r;
	m->doc = doc;
	m->o = o;
	m->kom = xcalloc(reg->nkommuner + 1, sizeof(*m->kom));
	buf_init(&m->fylker);
	for (i = 0; i < o->nfylker; i++) {
		if (i > 0 && i + 1 == o->nfylker)
			buf_printf(&m->fylker, " %s ", report_str(c, "statsforvalter.og"));
		else if (i > 0)
			buf_printf(&m->fylker, "%s ", report_str(c, "statsforvalter.komma"));
		buf_puts(&m->fylker, report_place_name(c, reg->nkommuner + o->fylker[i]));
		for (k = 0; k < reg->nkommuner; k++)
			if ((size_t)reg->kommuner[k].fylke == o->fylker[i])
				m->kom[m->nkom++] = k;
	}
	snprintf(m->aar, sizeof(m->aar), "%d", c->r->year);
	snprintf(m->forrige, sizeof(m->forrige), "%d",
	    c->r->nyears > 1 ? c->r->years[c->r->nyears - 2] : c->r->year - 1);
	m->dato = report_date_str(c, c->r->refdate);
}

void
report_office(const struct report_ctx *base, const struct office *o, struct doc *doc)
{
	struct report_ctx c = *base;
	const char *const *items;
	struct buf issuer;
	struct ofc m;
	size_t n, i;

	/* "Statsforvalteren i Vestfold og Telemark" unless --issuer says otherwise. */
	buf_init(&issuer);
	if (base->o->issuer != NULL && *base->o->issuer != '\0')
		buf_puts(&issuer, base->o->issuer);
	else
		report_expand(base, &issuer, "statsforvalter.utgiver", "embete", o->name, NULL);
	c.issuer = issuer.data;
	ofc_init(&m, &c, o, doc);
	ofc_setup(&m);
	n = tmpl_list(c.t, "statsforvalter.rekkefolge", &items);
	for (i = 0; i < n; i++)
		ofc_section(&m, items[i]);
	buf_free(&m.fylker);
	free(m.kom);
	free(m.dato);
	buf_free(&issuer);
}
