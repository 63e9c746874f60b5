/*
 * What the three reports share (see report.h): formatting of figures, values, levels,
 * changes and dates through the templates; the comparison and trend charts; the appendix;
 * document metadata; chart export for --figures. Reads results and templates only.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "report.h"

#define NBSP	"\xc2\xa0"
#define MINUS	"\xe2\x88\x92"	/* U+2212, the typographic minus */

int
report_expand(const struct report_ctx *c, struct buf *out, const char *key, ...)
{
	struct tmpl_var vars[32];
	size_t n = 0;
	const char *name;
	va_list ap;

	va_start(ap, key);
	while ((name = va_arg(ap, const char *)) != NULL && n < 32) {
		vars[n].name = name;
		vars[n].value = va_arg(ap, const char *);
		if (vars[n].value == NULL)
			vars[n].value = "";
		n++;
	}
	va_end(ap);
	return tmpl_expand(c->t, key, vars, n, out, c->d);
}

const char *
report_str(const struct report_ctx *c, const char *key)
{
	return tmpl_str(c->t, key);
}

const char *
report_ind_short(const struct report_ctx *c, size_t ind)
{
	char key[96];

	snprintf(key, sizeof(key), "felles.ind.%s", c->r->defs->v[ind].id);
	if (tmpl_get(c->t, key) == NULL)
		return report_ind_name(c, ind);
	return tmpl_str(c->t, key);
}

const char *
report_ind_name(const struct report_ctx *c, size_t ind)
{
	const struct indicator *i = &c->r->defs->v[ind];

	return i->name[c->lang] != NULL ? i->name[c->lang] : i->id;
}

void
report_keep_together(struct buf *out, size_t from)
{
	struct buf t;
	size_t i;

	buf_init(&t);
	for (i = from; i < out->len; i++) {
		if (out->data[i] == ' ')
			buf_puts(&t, NBSP);
		else
			buf_putc(&t, out->data[i]);
	}
	out->len = from;
	buf_put(out, t.data != NULL ? t.data : "", t.len);
	buf_free(&t);
}

void
report_value(const struct report_ctx *c, size_t ind, long value10, struct buf *out)
{
	char num[32];
	size_t from = out->len;
	const char *key = c->r->defs->v[ind].unit == UNIT_PER_1000 ?
	    "felles.verdi.promille" : "felles.verdi.prosent";

	compute_format10(value10, num, sizeof(num));
	if (report_expand(c, out, key, "verdi", num, NULL) == -1)
		buf_puts(out, num);
	report_keep_together(out, from);
}

/* The symbol of a figure that has no value, or NULL. */
static const char *
fig_symbol(const struct report_ctx *c, const struct figure *f)
{
	switch (f->state) {
	case FIG_PUBLISHED:
		break;
	case FIG_HIDDEN:
		return report_str(c, "felles.symbol.skjult");
	case FIG_MISSING:
	case FIG_NO_ACTIVE:
		return report_str(c, "felles.symbol.mangler");
	}
	return NULL;
}

void
report_fig(const struct report_ctx *c, size_t ind, const struct figure *f, struct buf *out)
{
	const char *sym = fig_symbol(c, f);

	if (sym != NULL)
		buf_puts(out, sym);
	else
		report_value(c, ind, f->value10, out);
}

void
report_fig_number(const struct report_ctx *c, const struct figure *f, struct buf *out)
{
	const char *sym = fig_symbol(c, f);
	char num[32];

	if (sym != NULL) {
		buf_puts(out, sym);
		return;
	}
	compute_format10(f->value10, num, sizeof(num));
	buf_puts(out, num);
}

const char *
report_unit(const struct report_ctx *c, size_t ind)
{
	return report_str(c, c->r->defs->v[ind].unit == UNIT_PER_1000 ?
	    "felles.enhet.promille" : "felles.enhet.prosent");
}

static const char *const level_names[] = { "lav", "middels", "god" };

const char *
report_level_symbol(const struct report_ctx *c, int level)
{
	char key[48];

	if (level < LEVEL_LAV || level > LEVEL_GOD)
		return "";
	snprintf(key, sizeof(key), "felles.niva.symbol.%s", level_names[level]);
	return report_str(c, key);
}

const char *
report_level_word(const struct report_ctx *c, int level)
{
	char key[48];

	if (level < LEVEL_LAV || level > LEVEL_GOD)
		return "";
	snprintf(key, sizeof(key), "felles.niva.%s", level_names[level]);
	return report_str(c, key);
}

const char *
report_level_text(const struct report_ctx *c, int level)
{
	char key[48];

	if (level < LEVEL_LAV || level > LEVEL_GOD)
		return "";
	snprintf(key, sizeof(key), "felles.niva.tekst.%s", level_names[level]);
	return report_str(c, key);
}

void
report_level(const struct report_ctx *c, const struct figure *f, struct buf *out)
{
	const char *sym = fig_symbol(c, f);

	if (sym != NULL) {	/* no figure, no level: say why, as the value does */
		buf_puts(out, sym);
		return;
	}
	if (f->answer != ANSWER_NONE) {
		buf_puts(out, report_answer_symbol(c, f->answer));
		buf_puts(out, NBSP);
		buf_puts(out, report_answer_word(c, f->answer));
		return;
	}
	if (f->level < LEVEL_LAV || f->level > LEVEL_GOD) {
		buf_puts(out, report_str(c, "felles.niva.ingen"));
		return;
	}
	buf_puts(out, report_level_symbol(c, f->level));
	buf_puts(out, NBSP);
	buf_puts(out, report_level_word(c, f->level));
}

enum doc_mark
report_mark(const struct figure *f)
{
	if (f->state != FIG_PUBLISHED)
		return DOC_MARK_GREY;
	if (f->answer != ANSWER_NONE)
		return report_answer_mark(f->answer);
	switch (f->level) {
	case LEVEL_GOD:
		return DOC_MARK_GOOD;
	case LEVEL_MIDDELS:
		return DOC_MARK_MIDDLE;
	case LEVEL_LAV:
		return DOC_MARK_LOW;
	default:
		return DOC_MARK_GREY;
	}
}

/* ---- answer classes ---- */

static const char *const answer_keys[COUNT_NANSWER] = { "etablert", "under_arbeid",
    "ikke_etablert", "vet_ikke", "ikke_besvart" };
static const enum doc_mark answer_marks[COUNT_NANSWER] = { DOC_MARK_GOOD, DOC_MARK_MIDDLE,
    DOC_MARK_LOW, DOC_MARK_GREY, DOC_MARK_GREY };
static const enum chart_tone answer_tones[COUNT_NANSWER] = { CHART_TONE_GOOD,
    CHART_TONE_MIDDLE, CHART_TONE_LOW, CHART_TONE_UNSURE, CHART_TONE_NEUTRAL };

const char *
report_answer_word(const struct report_ctx *c, int cls)
{
	char key[64];

	snprintf(key, sizeof(key), "felles.svar.%s", answer_keys[counts_answer_slot(cls)]);
	return report_str(c, key);
}

const char *
report_answer_symbol(const struct report_ctx *c, int cls)
{
	char key[64];

	snprintf(key, sizeof(key), "felles.svar.symbol.%s",
	    answer_keys[counts_answer_slot(cls)]);
	return report_str(c, key);
}

enum doc_mark
report_answer_mark(int cls)
{
	return answer_marks[counts_answer_slot(cls)];
}

enum chart_tone
report_answer_tone(int cls)
{
	return answer_tones[counts_answer_slot(cls)];
}

int
report_answer_of_slot(size_t slot)
{
	static const int cls[COUNT_NANSWER] = { ANSWER_ESTABLISHED, ANSWER_PROGRESS,
	    ANSWER_NOT, ANSWER_UNSURE, ANSWER_NONE };

	return cls[slot < COUNT_NANSWER ? slot : COUNT_UNANSWERED];
}

/* ---- comparisons and changes ---- */

void
report_confidence(const struct report_ctx *c, char *out, size_t outsz)
{
	double level = c->cmp != NULL ? c->cmp->params.level : 95.0;
	long x10 = (long)(level * 10 + 0.5);

	if (x10 % 10 == 0)
		snprintf(out, outsz, "%ld", x10 / 10);
	else
		compute_format10(x10, out, outsz);
}

/* The counts of a comparison's coverage as text: "3", "27". */
static void
cmp_numbers(const struct comparison *cmp, char *n, char *of, size_t sz)
{
	snprintf(n, sz, "%ld", cmp->covered);
	snprintf(of, sz, "%ld", cmp->total);
}

void
report_cmp_label(const struct report_ctx *c, const struct comparison *cmp, struct buf *out)
{
	const char *name = results_place_name(c->r, cmp->place);
	char n[24], of[24];

	cmp_numbers(cmp, n, of, sizeof(n));
	if (cmp->kind == COMPARE_COUNTRY && cmp->covered == cmp->total)
		buf_puts(out, report_place_name(c, cmp->place));
	else if (cmp->covered == cmp->total)
		buf_puts(out, name);
	else
		report_expand(c, out, cmp->kind == COMPARE_COUNTRY ?
		    "felles.sammenligning.etikett.del_land" :
		    "felles.sammenligning.etikett.del_fylke", "fylke", name, "antall", n, "av", of,
		    NULL);
}

void
report_cmp_prose(const struct report_ctx *c, const struct comparison *cmp, struct buf *out)
{
	const char *name = results_place_name(c->r, cmp->place);
	char n[24], of[24];

	cmp_numbers(cmp, n, of, sizeof(n));
	if (cmp->kind == COMPARE_COUNTRY && cmp->covered == cmp->total)
		buf_puts(out, report_str(c, "felles.sammenligning.land"));
	else if (cmp->covered == cmp->total)
		buf_puts(out, name);
	else
		report_expand(c, out, cmp->kind == COMPARE_COUNTRY ?
		    "felles.sammenligning.del_land" : "felles.sammenligning.del_fylke", "fylke",
		    name, "antall", n, "av", of, NULL);
}

/* The verdict's key ending: hoyere, lavere, lik (the same rounded figure), usikker, or
 * NULL when there is none. */
static const char *
verdict_word(const struct figure *f, const struct comparison *cmp)
{
	switch (cmp->verdict) {
	case STATS_HIGHER:
		return "hoyere";
	case STATS_LOWER:
		return "lavere";
	case STATS_SAME:
		return f != NULL && f->value10 == cmp->fig->value10 ? "lik" : "usikker";
	default:
		return NULL;
	}
}

/* The comparison's value for a sentence or a cell: "66,7 %", or "66,7 % i
 * referansetabellen" when it comes from there. */
static void
cmp_value(const struct report_ctx *c, size_t ind, const struct comparison *cmp,
    struct buf *out)
{
	struct buf v;

	buf_init(&v);
	report_value(c, ind, cmp->fig->value10, &v);
	if (cmp->source != NULL)
		report_expand(c, out, "felles.sammenligning.verdi_referanse", "verdi", v.data,
		    "fil", cmp->source, NULL);
	else
		buf_puts(out, v.data);
	buf_free(&v);
}

void
report_cmp_cell(const struct report_ctx *c, size_t ind, const struct comparison *cmp,
    struct buf *out)
{
	const char *w;
	char key[64], n[24], of[24];
	struct buf v;

	if (cmp->fig->state != FIG_PUBLISHED) {
		buf_puts(out, fig_symbol(c, cmp->fig));
		return;
	}
	buf_init(&v);
	report_value(c, ind, cmp->fig->value10, &v);
	w = verdict_word(results_figure(c->r, cmp->year, ind, cmp->of), cmp);
	if (w != NULL) {
		snprintf(key, sizeof(key), "felles.sammenligning.celle.%s", w);
		report_expand(c, out, key, "verdi", v.data, NULL);
	} else
		buf_puts(out, v.data);
	if (cmp->covered != cmp->total) {
		cmp_numbers(cmp, n, of, sizeof(n));
		buf_putc(out, '\n');
		report_expand(c, out, "felles.sammenligning.celle.del", "antall", n, "av", of,
		    NULL);
	}
	buf_free(&v);
}


void
report_cmp_sentence(const struct report_ctx *c, size_t ind, const struct comparison *cmp,
    struct buf *out)
{
	const struct figure *f = results_figure(c->r, cmp->year, ind, cmp->of);
	const char *w;
	char key[64];
	struct buf name, v;

	if (cmp->fig->state == FIG_MISSING || cmp->fig->state == FIG_NO_ACTIVE)
		return;
	buf_init(&name);
	buf_init(&v);
	report_cmp_prose(c, cmp, &name);
	if (out->len > 0 && out->data[out->len - 1] != ' ')
		buf_putc(out, ' ');
	if (cmp->fig->state == FIG_HIDDEN)
		report_expand(c, out, "felles.sammenligning.skjult", "navn", name.data, NULL);
	else {
		cmp_value(c, ind, cmp, &v);
		w = verdict_word(f, cmp);
		snprintf(key, sizeof(key), "felles.sammenligning.%s", w != NULL ? w : "verdi");
		report_expand(c, out, key, "navn", name.data, "verdi", v.data, NULL);
	}
	buf_free(&name);
	buf_free(&v);
}

void
report_counts(const struct report_ctx *c, size_t ind, const struct figure *f,
    struct buf *out)
{
	size_t from = out->len;
	struct buf t, n;

	buf_init(&t);
	buf_init(&n);
	report_count(f->num, &t);
	report_count(f->den, &n);
	if (c->r->defs->v[ind].kind == IND_COVERAGE)
		report_expand(c, out, "felles.antall.planer", "antall", t.data, NULL);
	else
		report_expand(c, out, "felles.antall.andel", "teller", t.data, "nevner", n.data,
		    NULL);
	report_keep_together(out, from);
	buf_free(&t);
	buf_free(&n);
}

int
report_coverage_line(const struct report_ctx *c, int year, size_t ind, size_t place,
    struct buf *out)
{
	long covered, total;
	char n[24], of[24];

	if (results_place_level(c->r, place) == PLACE_KOMMUNE)
		return 0;
	compare_coverage(c->r, year, ind, place, &covered, &total);
	if (covered == total || covered == 0)
		return 0;
	snprintf(n, sizeof(n), "%ld", covered);
	snprintf(of, sizeof(of), "%ld", total);
	buf_putc(out, '\n');
	report_expand(c, out, "felles.sammenligning.celle.del", "antall", n, "av", of, NULL);
	return 1;
}

void
report_year_label(const struct report_ctx *c, int year, size_t ind, size_t place,
    struct buf *out)
{
	long covered, total;
	char n[24], of[24];

	compare_coverage(c->r, year, ind, place, &covered, &total);
	if (covered == total) {
		buf_puts(out, report_place_name(c, place));
		return;
	}
	snprintf(n, sizeof(n), "%ld", covered);
	snprintf(of, sizeof(of), "%ld", total);
	report_expand(c, out, results_place_level(c->r, place) == PLACE_LAND ?
	    "felles.sammenligning.etikett.del_land" : "felles.sammenligning.etikett.del_fylke",
	    "fylke", results_place_name(c->r, place), "antall", n, "av", of, NULL);
}

void
report_aggregate_label(const struct report_ctx *c, size_t place, size_t ind,
    struct buf *out)
{
	const struct results *r = c->r;
	long covered, total;
	size_t y, i;
	int partial = 0;

	for (y = 0; y < r->nyears && !partial; y++)
		for (i = 0; i < r->defs->n && !partial; i++) {
			if ((ind != REPORT_ALL && i != ind) ||
			    results_figure(r, r->years[y], i, place)->state == FIG_MISSING)
				continue;
			compare_coverage(r, r->years[y], i, place, &covered, &total);
			partial = covered != total;
		}
	if (!partial)
		buf_puts(out, report_place_name(c, place));
	else if (results_place_level(r, place) == PLACE_LAND)
		report_expand(c, out, "felles.sammenligning.etikett.serie_land", NULL);
	else
		report_expand(c, out, "felles.sammenligning.etikett.serie_fylke", "fylke",
		    results_place_name(r, place), NULL);
}

/* The key ending of a change's verdict: opp, ned, usikker. */
static const char *
change_word(const struct change *ch)
{
	return ch->verdict == STATS_HIGHER ? "opp" : ch->verdict == STATS_LOWER ? "ned" :
	    "usikker";
}

int
report_change_cell(const struct report_ctx *c, size_t ind, size_t place, struct buf *out)
{
	struct change ch;
	struct buf v, n;
	char key[64];

	if (!compare_change(c->cmp, c->r->year, ind, place, &ch)) {
		buf_puts(out, report_str(c, "felles.symbol.ikke_aktuelt"));
		return 0;
	}
	buf_init(&v);
	buf_init(&n);
	report_value(c, ind, ch.prev->value10, &v);
	snprintf(key, sizeof(key), "felles.endring.celle.%s", change_word(&ch));
	buf_puts(out, report_str(c, key));
	buf_putc(out, '\n');
	report_counts(c, ind, ch.prev, &n);
	report_expand(c, out, "felles.endring.celle.antall", "verdi", v.data, "antall", n.data,
	    NULL);
	buf_free(&v);
	buf_free(&n);
	return 1;
}

int
report_change_short(const struct report_ctx *c, size_t ind, size_t place, struct buf *out)
{
	const struct figure *f = report_figure(c, ind, place);
	struct change ch;
	char num[32], key[64];
	struct buf e;

	if (!compare_change(c->cmp, c->r->year, ind, place, &ch)) {
		buf_puts(out, report_str(c, "felles.symbol.ikke_aktuelt"));
		return 0;
	}
	buf_init(&e);
	compute_format10(f->change10 < 0 ? -f->change10 : f->change10, num, sizeof(num));
	buf_puts(&e, num);
	snprintf(key, sizeof(key), "felles.endring.kort.%s", change_word(&ch));
	report_expand(c, out, key, "endring", e.data, NULL);
	buf_free(&e);
	return 1;
}

void
report_date(const struct report_ctx *c, int ymd, struct buf *out)
{
	char day[8], year[8], key[32];
	size_t from = out->len;

	snprintf(day, sizeof(day), "%d", DATE_DAY(ymd));
	snprintf(year, sizeof(year), "%d", DATE_YEAR(ymd));
	snprintf(key, sizeof(key), "felles.maaned.%d", DATE_MONTH(ymd));
	report_expand(c, out, "felles.dato", "dag", day, "maaned", report_str(c, key),
	    "aar", year, NULL);
	report_keep_together(out, from);
}

char *
report_date_str(const struct report_ctx *c, int ymd)
{
	struct buf b;

	buf_init(&b);
	report_date(c, ymd, &b);
	return buf_take(&b);
}

void
report_count(long n, struct buf *out)
{
	char digits[32];
	size_t len, i;

	if (n < 0) {
		buf_puts(out, MINUS);
		n = -n;
	}
	len = (size_t)snprintf(digits, sizeof(digits), "%ld", n);
	for (i = 0; i < len; i++) {
		/* Four digits stay together (1234), as Norwegian writes them in running
		 * text; from five, a no-break space every three digits (12 345). */
		if (i > 0 && (len - i) % 3 == 0 && len > 4)
			buf_puts(out, NBSP);
		buf_putc(out, digits[i]);
	}
}

struct chart_value
report_chart_value(const struct figure *f)
{
	switch (f->state) {
	case FIG_PUBLISHED:
		return CHART_VAL((int)f->value10);
	case FIG_HIDDEN:
		return CHART_HIDDEN_VAL;
	default:
		return CHART_MISSING_VAL;
	}
}

const char *
report_place_name(const struct report_ctx *c, size_t place)
{
	const char *land;

	if (place != results_country_place(c->r))
		return results_place_name(c->r, place);
	land = report_str(c, "felles.land");
	return land[0] != '\0' ? land : results_place_name(c->r, place);
}

void
report_place_names(const struct report_ctx *c, const size_t *place, size_t n, struct buf *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(out, ", ");
		buf_puts(out, report_place_name(c, place[i]));
	}
}

/* 1 when one of the forms of a register name ends with a word that says what it is
 * (kommune, herad, suohkan, gielda, gïelda, tjïelte, komuuni). */
static int
name_says_kind(const char *name)
{
	static const char *const kinds[] = { "kommune", "herad", "suohkan", "gielda",
	    "gïelda", "tjïelte", "komuuni", NULL };
	const char *end, *form = name;
	size_t i, len;

	for (;;) {
		end = strstr(form, " - ");
		len = end != NULL ? (size_t)(end - form) : strlen(form);
		for (i = 0; kinds[i] != NULL; i++) {
			size_t k = strlen(kinds[i]);

			if (len > k && form[len - k - 1] == ' ' &&
			    strncasecmp(form + len - k, kinds[i], k) == 0)
				return 1;
		}
		if (end == NULL)
			return 0;
		form = end + 3;
	}
}

void
report_kommune_prose(const struct report_ctx *c, size_t k, struct buf *out)
{
	const char *name = results_place_name(c->r, k), *qual;
	size_t len = strlen(name);
	char *base, *county;

	if (name_says_kind(name)) {
		buf_puts(out, name);
		return;
	}
	/* The register tells namesakes apart by their county, "Herøy (Møre og Romsdal)":
	 * "Herøy kommune i Møre og Romsdal", not "Herøy (Møre og Romsdal) kommune". */
	qual = strstr(name, " (");
	if (qual == NULL || len < 2 || name[len - 1] != ')' || strchr(qual + 2, '(') != NULL) {
		report_expand(c, out, "felles.kommune.i_tekst", "kommune", name, NULL);
		return;
	}
	base = xstrndup(name, (size_t)(qual - name));
	county = xstrndup(qual + 2, (size_t)(name + len - 1 - (qual + 2)));
	report_expand(c, out, "felles.kommune.i_tekst_navnebror", "kommune", base, "fylke",
	    county, NULL);
	free(base);
	free(county);
}

const struct figure *
report_figure(const struct report_ctx *c, size_t ind, size_t place)
{
	return results_figure(c->r, c->r->year, ind, place);
}

long
report_find_ind(const struct report_ctx *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->r->defs->n; i++)
		if (strcmp(c->r->defs->v[i].id, id) == 0)
			return (long)i;
	return -1;
}

const char *
report_answer(const struct report_ctx *c, size_t k, const char *qid)
{
	const struct answer *a = results_answers(c->r, c->r->year, k);
	size_t q;

	if (a == NULL)
		return NULL;
	for (q = 0; q < c->r->ds->nquestions; q++)
		if (strcmp(c->r->ds->questions[q].id, qid) == 0)
			return a[q].text;
	return NULL;
}

long
report_threshold10(double v)
{
	return v < 0 ? -(long)(-v * 10 + 0.5) : (long)(v * 10 + 0.5);
}

void
report_number(double v, char *out, size_t outsz)
{
	long x10 = report_threshold10(v);

	if (x10 % 10 == 0)
		snprintf(out, outsz, "%ld", x10 / 10);
	else
		compute_format10(x10, out, outsz);
}

static const char *const status_keys[REPORT_NSTATUS] = { "felles.status.gjennomfort",
    "felles.status.pagar", "felles.status.under_planlegging", "felles.status.ikke_startet",
    "felles.status.ukjent" };
/* Under planning is not started (the form asks "Er det gjort?"), shown under its name. */
static const enum doc_mark status_marks[REPORT_NSTATUS] = { DOC_MARK_GOOD,
    DOC_MARK_MIDDLE, DOC_MARK_LOW, DOC_MARK_LOW, DOC_MARK_GREY };
const enum chart_tone report_status_tones[REPORT_NSTATUS] = { CHART_TONE_GOOD,
    CHART_TONE_MIDDLE, CHART_TONE_PLANNED, CHART_TONE_LOW, CHART_TONE_NEUTRAL };
const enum chart_tone report_split_tones[4] = { CHART_TONE_GOOD, CHART_TONE_MIDDLE,
    CHART_TONE_LOW, CHART_TONE_NEUTRAL };

size_t
report_status_slot(int status_class)
{
	return counts_status_slot(status_class);
}

const char *
report_status_word(const struct report_ctx *c, size_t slot)
{
	if (slot >= REPORT_NSTATUS)
		slot = REPORT_NSTATUS - 1;
	return report_str(c, status_keys[slot]);
}

enum doc_mark
report_status_mark(size_t slot)
{
	return status_marks[slot < REPORT_NSTATUS ? slot : REPORT_NSTATUS - 1];
}

enum doc_mark
report_status_cell(const struct report_ctx *c, const struct measure *me, struct buf *out)
{
	size_t slot = report_status_slot(me->status_class);
	const char *word = report_status_word(c, slot);

	buf_reset(out);
	buf_puts(out, word);
	if (me->status != NULL && me->status[0] != '\0' && !str_ieq(me->status, word))
		buf_printf(out, "\n«%s»", me->status);
	return report_status_mark(slot);
}

/* 1 when needle occurs in hay, ASCII case aside. */
static int
strcasestr_ascii(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay != '\0'; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

/* Whether the text as written already holds the date, in digits (15.11.2024, 1.3.2025)
 * or as the reports write it ("1. april 2024"), so that "Frist 1. april 2024" would only
 * repeat it. */
static int
written_date(const struct report_ctx *c, const char *tid, int ymd)
{
	char s[16];
	int d = DATE_DAY(ymd), mo = DATE_MONTH(ymd), y = DATE_YEAR(ymd), found;
	struct buf words, plain;
	size_t i;

	snprintf(s, sizeof(s), "%02d.%02d.%d", d, mo, y);
	if (strstr(tid, s) != NULL)
		return 1;
	snprintf(s, sizeof(s), "%d.%d.%d", d, mo, y);
	if (strstr(tid, s) != NULL)
		return 1;
	/* The date in words, its no-break spaces as the plain ones a clerk types. */
	buf_init(&words);
	buf_init(&plain);
	report_date(c, ymd, &words);
	for (i = 0; i < words.len; i++) {
		if ((unsigned char)words.data[i] == 0xc2 && i + 1 < words.len &&
		    (unsigned char)words.data[i + 1] == 0xa0) {
			buf_putc(&plain, ' ');
			i++;
		} else
			buf_putc(&plain, words.data[i]);
	}
	found = plain.len > 0 && strcasestr_ascii(tid, plain.data);
	buf_free(&words);
	buf_free(&plain);
	return found;
}

/* Adds a line to a cell. */
static void
cell_line(struct buf *out, const char *s)
{
	if (out->len > 0)
		buf_putc(out, '\n');
	buf_puts(out, s);
}

enum doc_mark
report_time_cell(const struct report_ctx *c, const struct measure *me, struct buf *out)
{
	const char *tid = me->tid != NULL ? me->tid : "";
	struct buf d, line;

	buf_reset(out);
	buf_puts(out, tid);
	buf_init(&d);
	buf_init(&line);
	if (me->deadline > 0)
		report_date(c, me->deadline, &d);
	if (me->overdue && me->deadline > 0)
		report_expand(c, &line, "felles.tiltak.forfalt_merke", "frist", d.data, NULL);
	else if (me->overdue)
		buf_puts(&line, report_str(c, "felles.tiltak.forfalt"));
	else if (me->deadline > 0 && !written_date(c, tid, me->deadline))
		report_expand(c, &line, "felles.tiltak.frist", "frist", d.data, NULL);
	if (line.len > 0)
		cell_line(out, line.data);
	if (me->recurring)
		cell_line(out, report_str(c, "felles.tiltak.gjentakende"));
	else if (me->deadline == 0)
		cell_line(out, report_str(c, "felles.tiltak.uten_frist"));
	buf_free(&d);
	buf_free(&line);
	return me->overdue ? DOC_MARK_LOW : DOC_MARK_NONE;
}

int
report_measure_undated(const struct measure *me)
{
	return me->status_class != STATUS_DONE && me->deadline == 0;
}

void
report_no_overdue(const struct report_ctx *c, size_t undated, struct buf *out)
{
	char num[32];

	if (undated == 0) {
		buf_puts(out, report_str(c, "felles.tiltak.ingen_forfalte"));
		return;
	}
	snprintf(num, sizeof(num), "%zu", undated);
	report_expand(c, out, "felles.tiltak.ingen_forfalte_udatert", "antall", num, NULL);
}

void
report_plan_table(const struct report_ctx *c, struct doc *doc, size_t kommune)
{
	const struct measure *v = c->r->measures;
	size_t *idx = xcalloc(c->r->nmeasures + 1, sizeof(*idx)), n = 0, i;
	struct doc_table *t = doc_table(doc, 6);
	enum doc_mark mk;
	struct buf b;

	/* Widths in points of the 730 of a landscape page. */
	doc_table_col(t, 0, report_str(c, "felles.handlingsplan.kol.tiltak"), 135, DOC_LEFT);
	doc_table_col(t, 1, report_str(c, "felles.handlingsplan.kol.mal"), 135, DOC_LEFT);
	doc_table_col(t, 2, report_str(c, "felles.handlingsplan.kol.aktivitet"), 150,
	    DOC_LEFT);
	doc_table_col(t, 3, report_str(c, "felles.handlingsplan.kol.tid"), 112, DOC_LEFT);
	doc_table_col(t, 4, report_str(c, "felles.handlingsplan.kol.ansvar"), 92, DOC_LEFT);
	doc_table_col(t, 5, report_str(c, "felles.handlingsplan.kol.status"), 106, DOC_LEFT);
	for (i = 0; i < c->r->nmeasures; i++)
		if (v[i].kommune == kommune && v[i].overdue)
			idx[n++] = i;
	report_sort_measures(idx, n, v);
	for (i = 0; i < c->r->nmeasures; i++)
		if (v[i].kommune == kommune && !v[i].overdue)
			idx[n++] = i;
	buf_init(&b);
	for (i = 0; i < n; i++) {
		const struct measure *me = &v[idx[i]];

		doc_table_row(t, 0);
		doc_table_cell(t, me->tiltak, DOC_MARK_NONE);
		doc_table_cell(t, me->mal, DOC_MARK_NONE);
		doc_table_cell(t, me->aktivitet, DOC_MARK_NONE);
		mk = report_time_cell(c, me, &b);
		doc_table_cell(t, b.data, mk);
		doc_table_cell(t, me->ansvar, DOC_MARK_NONE);
		mk = report_status_cell(c, me, &b);
		doc_table_cell(t, b.data, mk);
	}
	buf_free(&b);
	free(idx);
}

struct chart *
report_status_chart(const struct report_ctx *c, const char *title, size_t ncat,
    const char *const *cats, const long (*counts)[REPORT_NSTATUS], int max10,
    const char *const *label_set, size_t nlabel_set)
{
	struct chart_value *v = xcalloc(ncat * REPORT_NSTATUS + 1, sizeof(*v));
	const char *series[REPORT_NSTATUS];
	struct chart *ch;
	size_t i, s;

	for (s = 0; s < REPORT_NSTATUS; s++)
		series[s] = report_status_word(c, s);
	for (i = 0; i < ncat; i++)
		for (s = 0; s < REPORT_NSTATUS; s++)
			v[i * REPORT_NSTATUS + s] = CHART_VAL((int)counts[i][s] * 10);
	ch = chart_new(&(struct chart_spec){ .kind = CHART_STACKED, .horizontal = 1,
	    .title = title, .axis_title = report_str(c, "felles.diagram.akse.antall_tiltak"),
	    .integers = 1, .ncat = ncat, .categories = cats, .nseries = REPORT_NSTATUS,
	    .series = series, .tones = report_status_tones, .values = v, .max10 = max10,
	    .label_set = label_set, .nlabel_set = nlabel_set });
	free(v);
	return ch;
}

/* The order of report_sort_measures. */
static int
measure_cmp(const struct measure *x, const struct measure *y)
{
	if (x->deadline != y->deadline)
		return x->deadline < y->deadline ? -1 : 1;
	if (x->kommune != y->kommune)
		return x->kommune < y->kommune ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

void
report_sort_measures(size_t *idx, size_t n, const struct measure *v)
{
	size_t i, j;

	/* Insertion sort: few measures, and qsort has no context argument in C11. */
	for (i = 1; i < n; i++) {
		size_t x = idx[i];

		for (j = i; j > 0 && measure_cmp(&v[idx[j - 1]], &v[x]) > 0; j--)
			idx[j] = idx[j - 1];
		idx[j] = x;
	}
}

/* The columns of the overdue-measures table (key felles.handlingsplan.kol.<id>) with
 * their widths in points on a portrait page (0: not there) and a landscape one. */
static const struct {
	const char	*key;
	double		 portrait, landscape;
} overdue_cols[] = {
	{ "felles.handlingsplan.kol.kommune", 82, 100 },
	{ "felles.handlingsplan.kol.tiltak", 146, 160 },
	{ "felles.handlingsplan.kol.aktivitet", 0, 175 },
	{ "felles.handlingsplan.kol.frist", 92, 92 },
	{ "felles.handlingsplan.kol.ansvar", 84, 97 },
	{ "felles.handlingsplan.kol.status", 79, 106 },
};

/* The header of the overdue-measures table. */
static struct doc_table *
overdue_head(const struct report_ctx *c, struct doc *doc, int landscape)
{
	size_t i, ncols = 0;
	struct doc_table *t = doc_table(doc, landscape ? 6 : 5);

	for (i = 0; i < sizeof(overdue_cols) / sizeof(overdue_cols[0]); i++) {
		double w = landscape ? overdue_cols[i].landscape :
		    overdue_cols[i].portrait;

		if (w > 0)
			doc_table_col(t, ncols++, report_str(c, overdue_cols[i].key), w,
			    DOC_LEFT);
	}
	return t;
}

void
report_overdue_table(const struct report_ctx *c, struct doc *doc, const size_t *idx,
    size_t n, int landscape)
{
	struct doc_table *t = overdue_head(c, doc, landscape);
	enum doc_mark mk;
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < n; i++) {
		const struct measure *me = &c->r->measures[idx[i]];

		doc_table_row(t, 0);
		doc_table_cell(t, report_place_name(c, me->kommune), DOC_MARK_NONE);
		doc_table_cell(t, me->tiltak, DOC_MARK_NONE);
		if (landscape)
			doc_table_cell(t, me->aktivitet, DOC_MARK_NONE);
		buf_reset(&b);
		report_date(c, me->deadline, &b);
		doc_table_cell(t, b.data, DOC_MARK_LOW);
		doc_table_cell(t, me->ansvar, DOC_MARK_NONE);
		mk = report_status_cell(c, me, &b);
		doc_table_cell(t, b.data, mk);
	}
	buf_free(&b);
}

void
report_heading(struct report_numbering *nb, struct doc *doc, int level, const char *text)
{
	struct buf b;

	buf_init(&b);
	if (level == 1) {
		nb->chapter++;
		nb->section = 0;
		buf_printf(&b, "%d %s", nb->chapter, text);
	} else {
		nb->section++;
		buf_printf(&b, "%d.%d %s", nb->chapter, nb->section, text);
	}
	doc_heading(doc, level, b.data);
	buf_free(&b);
}

void
report_note_fig(const struct figure *f, struct report_used *u)
{
	if (f->state == FIG_HIDDEN)
		u->hidden = 1;
	else if (f->state == FIG_MISSING)
		u->missing = 1;
	else if (f->state == FIG_NO_ACTIVE)
		u->no_active = u->missing = 1;
	else if (f->answer == ANSWER_NONE && (f->level < LEVEL_LAV || f->level > LEVEL_GOD))
		u->no_level = 1;
}

void
report_ind_cell(const struct report_ctx *c, size_t ind, struct report_used *u,
    struct buf *out)
{
	buf_puts(out, report_ind_short(c, ind));
	if (c->r->defs->v[ind].legal_duty == 1) {
		buf_puts(out, NBSP);
		buf_puts(out, report_str(c, "felles.lovkrav.merke"));
		u->legal = 1;
	}
}

void
report_footnotes(const struct report_ctx *c, struct doc *doc, const struct report_used *u)
{
	char level[16];
	struct buf b;

	if (u->legal)
		doc_small(doc, report_str(c, "felles.lovkrav.fotnote"));
	if (u->verdict) {
		buf_init(&b);
		report_confidence(c, level, sizeof(level));
		report_expand(c, &b, "felles.fotnote.forskjell", "konfidens", level, NULL);
		doc_small(doc, b.data);
		buf_free(&b);
	}
	if (u->reference && c->cmp != NULL && c->cmp->ref != NULL) {
		buf_init(&b);
		report_expand(c, &b, "felles.fotnote.referanse", "fil", c->cmp->ref->name, NULL);
		doc_small(doc, b.data);
		buf_free(&b);
	}
	if (u->no_level)
		doc_small(doc, report_str(c, "felles.fotnote.ingen_niva"));
	if (u->hidden)
		doc_small(doc, report_str(c, "felles.fotnote.skjult"));
	if (u->missing || u->no_active)
		doc_small(doc, report_str(c, "felles.fotnote.mangler"));
	if (u->no_active)
		doc_small(doc, report_str(c, "felles.fotnote.ingen_aktive"));
	if (u->no_change)
		doc_small(doc, report_str(c, "felles.fotnote.ikke_aktuelt"));
}

void
report_cover(const struct report_ctx *c, struct doc *doc, const struct doc_cover *cov,
    const char *dato)
{
	struct doc_cover all = *cov;
	struct buf issuer, date;

	buf_init(&issuer);
	buf_init(&date);
	report_expand(c, &issuer, "felles.utgitt_av", "utgiver", c->issuer, NULL);
	all.issuer = issuer.data;
	all.date = NULL;
	if (dato != NULL) {
		report_expand(c, &date, "felles.tall_per", "dato", dato, NULL);
		all.date = date.data;
	}
	doc_cover(doc, &all);
	buf_free(&issuer);
	buf_free(&date);
}

void
report_contents(const struct report_ctx *c, struct doc *doc)
{
	doc_toc(doc, report_str(c, "felles.innhold.overskrift"));
}

void
report_doc_setup(const struct report_ctx *c, struct doc *doc, const char *title,
    const char *subject, const char *header)
{
	struct buf label, fmt;
	const char *p;

	doc_set_title(doc, title);
	doc_set_subject(doc, subject);
	doc_set_author(doc, c->issuer);
	doc_set_header(doc, header);
	doc_set_lang(doc, c->lang == LANG_NN ? "nn-NO" : "nb-NO");
	doc_set_keywords(doc, report_str(c, "felles.emneord"));

	/* The page label reaches the document as "…%d…%d…": the page, then the count. */
	buf_init(&label);
	buf_init(&fmt);
	report_expand(c, &label, "felles.side", "side", "\x01", "sider", "\x02", NULL);
	for (p = label.data != NULL ? label.data : ""; *p != '\0'; p++) {
		if (*p == '%')
			buf_puts(&fmt, "%%");
		else if (*p == '\x01' || *p == '\x02')
			buf_puts(&fmt, "%d");
		else
			buf_putc(&fmt, *p);
	}
	doc_set_page_label(doc, fmt.data != NULL ? fmt.data : "%d / %d");
	buf_free(&fmt);
	buf_free(&label);
}

static void
export_figure(const struct report_ctx *c, const struct chart *ch, const char *figname,
    double w, double h)
{
	char *png, *svg;

	png = xasprintf("%s/%s-%s.png", c->figdir, c->figbase, figname);
	svg = xasprintf("%s/%s-%s.svg", c->figdir, c->figbase, figname);
	chart_write_png(ch, png, c->o->fonts_dir, w, h, c->d);
	chart_write_svg(ch, svg, c->o->fonts_dir, w, h, c->d);
	free(png);
	free(svg);
}

/* The chart said in words (felles.alt.*) as the text alternative of the doc's last
 * chart. */
static void
report_chart_alt(const struct report_ctx *c, struct doc *doc, const struct chart *ch)
{
	const struct chart_alt_words w = {
		.kind = { report_str(c, "felles.alt.stolpe"),
		    report_str(c, "felles.alt.stablet"), report_str(c, "felles.alt.linje") },
		.from = report_str(c, "felles.alt.fra"),
		.below = report_str(c, "felles.alt.under"),
		.hidden = report_str(c, "felles.alt.skjult"),
		.missing = report_str(c, "felles.alt.mangler"),
	};
	struct buf b;

	buf_init(&b);
	chart_alt(ch, &w, &b);
	doc_chart_alt(doc, b.data);
	buf_free(&b);
}

void
report_add_chart(const struct report_ctx *c, struct doc *doc, struct chart *ch,
    const char *figname, double max_h)
{
	double h;

	if (ch == NULL)
		return;
	h = chart_height(ch, REPORT_TEXT_WIDTH);
	if (max_h > 0 && h > max_h)
		h = max_h;
	if (c->figdir != NULL && figname != NULL)
		export_figure(c, ch, figname, REPORT_TEXT_WIDTH, h);
	doc_chart(doc, ch, h);
	report_chart_alt(c, doc, ch);
}

const char *
report_axis_title(const struct report_ctx *c, const struct indicator *i)
{
	if (i->unit == UNIT_PER_1000)
		return report_str(c, "felles.diagram.akse.promille");
	switch (i->source) {
	case TABLE_SURVEY:
		return report_str(c, "felles.diagram.akse.prosent_kommuner");
	case TABLE_ACTIONS:
		return report_str(c, "felles.diagram.akse.prosent_tiltak");
	default:
		return report_str(c, "felles.diagram.akse.prosent_planer");
	}
}

size_t
report_level_bands(const struct report_ctx *c, const struct indicator *i,
    struct chart_band bands[4], int top10)
{
	int god = (int)report_threshold10(i->god);
	int middels = (int)report_threshold10(i->middels);
	size_t n = 0;

	if (!i->higher_is_better) {
		bands[n++] = (struct chart_band){ 0, middels, CHART_TONE_GOOD,
		    report_str(c, "felles.niva.god") };
		bands[n++] = (struct chart_band){ middels, god, CHART_TONE_MIDDLE,
		    report_str(c, "felles.niva.middels") };
		bands[n++] = (struct chart_band){ god, top10, CHART_TONE_LOW,
		    report_str(c, "felles.niva.lav") };
		return n;
	}
	bands[n++] = (struct chart_band){ 0, middels, CHART_TONE_LOW,
	    report_str(c, "felles.niva.lav") };
	bands[n++] = (struct chart_band){ middels, god, CHART_TONE_MIDDLE,
	    report_str(c, "felles.niva.middels") };
	bands[n++] = (struct chart_band){ god, top10, CHART_TONE_GOOD,
	    report_str(c, "felles.niva.god") };
	if (i->kind == IND_COVERAGE && i->need_hi > 0) {
		/* The label lives in the chart (chart_new copies it); a static buffer would be
		 * shared by report threads, so the words are looked up as the template has
		 * them and the numbers come from the definition. */
		bands[n++] = (struct chart_band){ (int)report_threshold10(i->need_lo),
		    (int)report_threshold10(i->need_hi), CHART_TONE_NEED,
		    report_str(c, "felles.diagram.behov") };
	}
	return n;
}

int
report_axis_end(const struct indicator *i, int max10)
{
	if (i->unit != UNIT_PER_1000)
		return max10 > 1000 ? max10 : 1000;
	return max10 < 350 ? 350 : (max10 / 50 + 1) * 50;
}

const char *
report_chart_note(const struct report_ctx *c, const struct chart_value *v, size_t n,
    struct buf *b)
{
	int hidden = 0, missing = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		hidden |= v[i].state == CHART_HIDDEN;
		missing |= v[i].state == CHART_MISSING;
	}
	if (hidden)
		buf_puts(b, report_str(c, "felles.diagram.skjult"));
	if (hidden && missing)
		buf_puts(b, "   ");
	if (missing)
		buf_puts(b, report_str(c, "felles.diagram.mangler"));
	return b->len > 0 ? b->data : NULL;
}

struct chart *
report_chart_compare(const struct report_ctx *c, size_t ind, size_t place, const char *title)
{
	const struct indicator *i = &c->r->defs->v[ind];
	const struct figure *f = report_figure(c, ind, place);
	struct comparison cmp[2];
	size_t n = 0, k, ncmp;
	const char *cats[3];
	struct chart_value vals[3];
	struct chart_band bands[4];
	const char *series[1];
	struct chart_word words[3];
	struct buf note, word, label[2];
	struct chart *ch;
	int top10 = 0, any_word = 0, ref = 0;

	ncmp = compare_place(c->cmp, c->r->year, ind, place, cmp);
	buf_init(&word);
	buf_init(&note);
	cats[n] = report_place_name(c, place);
	vals[n] = report_chart_value(f);
	words[n] = (struct chart_word){ NULL, CHART_TONE_AUTO };
	/* A municipality's answer (internkontroll) is shown as its word where the bar would
	 * be, as the summary table does; its county and country keep their shares. */
	if (f->state == FIG_PUBLISHED && f->answer != ANSWER_NONE) {
		buf_puts(&word, report_answer_symbol(c, f->answer));
		buf_puts(&word, NBSP);
		buf_puts(&word, report_answer_word(c, f->answer));
		words[n] = (struct chart_word){ word.data, report_answer_tone(f->answer) };
		any_word = 1;
	} else if (vals[n].state == CHART_VALUE)
		top10 = vals[n].v10;
	n++;
	for (k = 0; k < ncmp; k++) {
		buf_init(&label[k]);
		report_cmp_label(c, &cmp[k], &label[k]);
		cats[n] = label[k].data;
		vals[n] = report_chart_value(cmp[k].fig);
		words[n] = (struct chart_word){ NULL, CHART_TONE_AUTO };
		if (vals[n].state == CHART_VALUE && vals[n].v10 > top10)
			top10 = vals[n].v10;
		ref |= cmp[k].source != NULL;
		n++;
	}
	top10 = report_axis_end(i, top10);
	series[0] = report_ind_short(c, ind);
	report_chart_note(c, vals, n, &note);
	if (ref) {
		if (note.len > 0)
			buf_puts(&note, "   ");
		report_expand(c, &note, "felles.diagram.referanse", "fil", c->cmp->ref->name,
		    NULL);
	}
	ch = chart_new(&(struct chart_spec){
	    .kind = CHART_BAR, .horizontal = 1, .title = title,
	    .axis_title = report_axis_title(c, i),
	    .note = note.len > 0 ? note.data : NULL,
	    .ncat = n, .categories = cats, .nseries = 1, .series = series,
	    .values = vals, .bands = bands,
	    .nbands = report_level_bands(c, i, bands, top10),
	    .highlight = 1, .max10 = top10, .words = any_word ? words : NULL,
	    .unit = report_unit(c, ind) });
	for (k = 0; k < ncmp; k++)
		buf_free(&label[k]);
	buf_free(&note);
	buf_free(&word);
	return ch;
}

/* The label of a comparison line over the years: its name, or, when it does not cover
 * all of its county or country in some year, "Møre og Romsdal: kommunene med tall". */
static void
trend_label(const struct report_ctx *c, const struct comparison *cmp, int partial,
    struct buf *out)
{
	const char *name = results_place_name(c->r, cmp->place);

	if (!partial)
		report_cmp_label(c, cmp, out);
	else
		report_expand(c, out, cmp->kind == COMPARE_COUNTRY ?
		    "felles.sammenligning.etikett.serie_land" :
		    "felles.sammenligning.etikett.serie_fylke", "fylke", name, NULL);
}

struct chart *
report_chart_trend(const struct report_ctx *c, size_t ind, size_t place, const char *title)
{
	const struct indicator *i = &c->r->defs->v[ind];
	const struct results *r = c->r;
	struct comparison cmp[2], seen[2];
	int has[2] = { 0, 0 }, partial[2] = { 0, 0 }, ref = 0;
	size_t y, k, s, n, ncmp;
	const char **cats;
	const char *series[3];
	struct chart_value *vals;
	char (*years)[8];
	struct chart_band bands[4];
	struct buf note, label[2], own;
	struct chart *ch;
	int top10 = 0;

	cats = xcalloc(r->nyears, sizeof(*cats));
	years = xcalloc(r->nyears, sizeof(*years));
	vals = xcalloc(r->nyears * 3, sizeof(*vals));
	/* Which comparisons the years have: the county's and the country's lines. */
	for (y = 0; y < r->nyears; y++) {
		ncmp = compare_place(c->cmp, r->years[y], ind, place, cmp);
		for (k = 0; k < ncmp; k++) {
			s = cmp[k].kind == COMPARE_COUNTRY;
			if (!has[s] || r->years[y] == r->year)
				seen[s] = cmp[k];
			has[s] = 1;
			partial[s] |= cmp[k].covered != cmp[k].total;
			ref |= cmp[k].source != NULL;
		}
	}
	n = 1 + (size_t)has[0] + (size_t)has[1];
	for (y = 0; y < r->nyears; y++) {
		size_t col = 0;

		snprintf(years[y], sizeof(years[y]), "%d", r->years[y]);
		cats[y] = years[y];
		vals[y * n + col++] = report_chart_value(results_figure(r, r->years[y], ind,
		    place));
		for (s = 0; s < 2; s++) {
			if (!has[s])
				continue;
			vals[y * n + col] = CHART_MISSING_VAL;
			/* A line has its point in a year where the country is the county's
			 * municipalities again (compare_series). */
			ncmp = compare_series(c->cmp, r->years[y], ind, place, cmp);
			for (k = 0; k < ncmp; k++)
				if ((size_t)(cmp[k].kind == COMPARE_COUNTRY) == s) {
					vals[y * n + col] = report_chart_value(cmp[k].fig);
					partial[s] |= cmp[k].covered != cmp[k].total;
					ref |= cmp[k].source != NULL;
				}
			col++;
		}
		for (k = 0; k < n; k++)
			if (vals[y * n + k].state == CHART_VALUE && vals[y * n + k].v10 > top10)
				top10 = vals[y * n + k].v10;
	}
	top10 = report_axis_end(i, top10);
	buf_init(&own);
	if (results_place_level(r, place) == PLACE_KOMMUNE)
		buf_puts(&own, report_place_name(c, place));
	else
		report_aggregate_label(c, place, ind, &own);
	series[0] = own.data;
	for (s = 0, k = 1; s < 2; s++) {
		buf_init(&label[s]);
		if (!has[s])
			continue;
		trend_label(c, &seen[s], partial[s], &label[s]);
		series[k++] = label[s].data;
	}
	buf_init(&note);
	report_chart_note(c, vals, r->nyears * n, &note);
	if (ref) {
		if (note.len > 0)
			buf_puts(&note, "   ");
		report_expand(c, &note, "felles.diagram.referanse", "fil", c->cmp->ref->name,
		    NULL);
	}
	ch = chart_new(&(struct chart_spec){
	    .kind = CHART_LINE, .title = title, .axis_title = report_axis_title(c, i),
	    .note = note.len > 0 ? note.data : NULL,
	    .ncat = r->nyears, .categories = cats, .nseries = n, .series = series,
	    .values = vals, .bands = bands,
	    .nbands = report_level_bands(c, i, bands, top10),
	    .max10 = top10, .unit = report_unit(c, ind) });
	for (s = 0; s < 2; s++)
		buf_free(&label[s]);
	buf_free(&own);
	buf_free(&note);
	free(vals);
	free(years);
	free(cats);
	return ch;
}

/* One year before the day after: the first day of the 12 months that end on R
 * (R minus one year, 29.02 -> 28.02, plus one day). */
static int
period_start(int r)
{
	return date_add_days(date_add_months(r, -12), 1);
}

/* A provision as the templates print it: a no-break space after each "§" and between
 * "§§", so that "§ 7-2" never breaks. */
static void
keep_sections(const char *text, struct buf *out)
{
	const char *p;

	for (p = text; *p != '\0'; p++) {
		buf_putc(out, *p);
		if (p[0] == '\xc2' && p[1] == '\xa7' && p[2] == ' ') {	/* "§ " */
			buf_putc(out, p[1]);
			buf_puts(out, NBSP);
			p += 2;
		}
	}
}

/* The largest min_n of the indicators: the one the suppression section states. */
static int
max_min_n(const struct indicator_set *set)
{
	int min_n = 1;
	size_t i;

	for (i = 0; i < set->n; i++)
		if (set->v[i].min_n > min_n)
			min_n = set->v[i].min_n;
	return min_n;
}

/* What an indicator rests on, under its definition: a legal duty with its provisions, or
 * a threshold chosen for the reports. */
static void
appendix_basis(const struct report_ctx *c, const struct indicator *ind, struct buf *b)
{
	struct buf h;

	if (ind->legal_duty == 1 && ind->basis[c->lang] != NULL) {
		buf_init(&h);
		keep_sections(ind->basis[c->lang], &h);
		report_expand(c, b, "felles.vedlegg.definisjoner.lovkrav", "hjemmel", h.data,
		    NULL);
		buf_free(&h);
	} else if (ind->legal_duty == 1)
		buf_puts(b, report_str(c, "felles.vedlegg.definisjoner.lovkrav_uten"));
	else if (ind->legal_duty == 0)
		buf_puts(b, report_str(c, "felles.vedlegg.definisjoner.kvalitetskrav"));
}

/* For coverage: the need it is set against, its source, and why the thresholds are
 * where they are. */
static void
appendix_need(const struct report_ctx *c, size_t i, struct buf *b)
{
	const struct indicator *ind = &c->r->defs->v[i];
	struct buf lo, hi, god, mid;
	char n[32];

	if (ind->kind != IND_COVERAGE || ind->need_hi <= 0)
		return;
	buf_init(&lo);
	buf_init(&hi);
	buf_init(&god);
	buf_init(&mid);
	report_number(ind->need_lo, n, sizeof(n));
	buf_puts(&lo, n);
	report_number(ind->need_hi, n, sizeof(n));
	buf_puts(&hi, n);
	report_value(c, i, report_threshold10(ind->god), &god);
	report_value(c, i, report_threshold10(ind->middels), &mid);
	report_expand(c, b, "felles.vedlegg.definisjoner.behov", "fra", lo.data, "til", hi.data,
	    "kilde", report_str(c, "felles.kilde.behov"), "god", god.data, "middels", mid.data,
	    NULL);
	buf_free(&lo);
	buf_free(&hi);
	buf_free(&god);
	buf_free(&mid);
}

/* 1 when two indicators have the same levels (thresholds, unit and direction). */
static int
same_levels(const struct indicator *a, const struct indicator *b)
{
	return a->god == b->god && a->middels == b->middels && a->unit == b->unit &&
	    a->higher_is_better == b->higher_is_better;
}

/* The indicator whose levels most indicators share: said once, before them all. */
static size_t
common_levels(const struct indicator_set *set)
{
	size_t i, j, best = 0, most = 0, n;

	for (i = 0; i < set->n; i++) {
		for (j = 0, n = 0; j < set->n; j++)
			n += same_levels(&set->v[i], &set->v[j]);
		if (n > most) {
			most = n;
			best = i;
		}
	}
	return best;
}

/* "Nivå: god fra 80,0 %, middels fra 50,0 %, ellers lav." of indicator i (key). */
static void
appendix_levels(const struct report_ctx *c, size_t i, const char *key, struct buf *b)
{
	const struct indicator *ind = &c->r->defs->v[i];
	struct buf god, middels;

	buf_init(&god);
	buf_init(&middels);
	report_value(c, i, report_threshold10(ind->god), &god);
	report_value(c, i, report_threshold10(ind->middels), &middels);
	report_expand(c, b, key, "god", god.data, "middels", middels.data, NULL);
	buf_free(&god);
	buf_free(&middels);
}

/* One indicator: its name run in (with the legal-duty mark), its definition, its need,
 * its levels when they are not the common ones, its counts, what it rests on. */
static void
appendix_indicator(const struct report_ctx *c, size_t i, size_t common, struct buf *b)
{
	const struct indicator_set *set = c->r->defs;
	const struct indicator *ind = &set->v[i];
	char minn[16];

	buf_puts(b, "**");
	report_ind_cell(c, i, &(struct report_used){ 0 }, b);
	buf_puts(b, ".** ");
	if (ind->desc[c->lang] != NULL)
		buf_puts(b, ind->desc[c->lang]);
	if (ind->kind == IND_COVERAGE && ind->need_hi > 0) {
		buf_putc(b, ' ');
		appendix_need(c, i, b);
	}
	if (!same_levels(ind, &set->v[common])) {
		buf_putc(b, ' ');
		appendix_levels(c, i, "felles.vedlegg.definisjoner.grenser", b);
	}
	/* The suppression section states the largest min_n; only another is said here. */
	if (ind->min_n > 1 && ind->min_n != max_min_n(set)) {
		snprintf(minn, sizeof(minn), "%d", ind->min_n);
		buf_putc(b, ' ');
		report_expand(c, b, "felles.vedlegg.definisjoner.min_n", "min_n", minn, "enhet",
		    report_str(c, "felles.enhet.planer"), NULL);
	}
	if (ind->min_n_level > ind->min_n) {
		snprintf(minn, sizeof(minn), "%d", ind->min_n_level);
		buf_putc(b, ' ');
		report_expand(c, b, "felles.vedlegg.definisjoner.min_n_niva", "min_n", minn,
		    "enhet", report_str(c, ind->source == TABLE_ACTIONS ? "felles.enhet.tiltak" :
		    ind->source == TABLE_SURVEY ? "felles.enhet.kommuner" : "felles.enhet.planer"),
		    NULL);
	}
	if (ind->legal_duty >= 0) {
		buf_putc(b, ' ');
		appendix_basis(c, ind, b);
	}
}

static void
appendix_definitions(const struct report_ctx *c, struct doc *doc)
{
	const struct indicator_set *set = c->r->defs;
	size_t i, common = common_levels(set);
	struct buf b, from, to;

	doc_heading(doc, 2, report_str(c, "felles.vedlegg.definisjoner.overskrift"));
	buf_init(&b);
	buf_puts(&b, report_str(c, "felles.vedlegg.definisjoner.intro"));
	buf_putc(&b, ' ');
	buf_puts(&b, report_str(c, "felles.vedlegg.lov.merke"));
	if (set->n > 0) {
		buf_putc(&b, ' ');
		appendix_levels(c, common, "felles.vedlegg.definisjoner.grenser_felles", &b);
	}
	doc_paragraph(doc, b.data);
	for (i = 0; i < set->n; i++) {
		buf_reset(&b);
		appendix_indicator(c, i, common, &b);
		doc_paragraph(doc, b.data);
	}
	doc_paragraph(doc, report_str(c, "felles.vedlegg.definisjoner.ikke_dokumentert"));
	buf_reset(&b);
	buf_init(&from);
	buf_init(&to);
	report_date(c, period_start(c->r->refdate), &from);
	report_date(c, c->r->refdate, &to);
	report_expand(c, &b, "felles.vedlegg.periode", "fra", from.data, "til", to.data, NULL);
	doc_paragraph(doc, b.data);
	buf_free(&b);
	buf_free(&from);
	buf_free(&to);
}

/* The law the indicators rest on, with each provision named for what it says. */
static void
appendix_law(const struct report_ctx *c, struct doc *doc)
{
	doc_heading(doc, 2, report_str(c, "felles.vedlegg.lov.overskrift"));
	doc_paragraph(doc, report_str(c, "felles.vedlegg.lov.rett"));
	doc_paragraph(doc, report_str(c, "felles.vedlegg.lov.kommunen"));
	doc_paragraph(doc, report_str(c, "felles.vedlegg.lov.forskrift"));
	doc_paragraph(doc, report_str(c, "felles.vedlegg.lov.internkontroll"));
}

/* How comparisons are named and when a difference or a change is called one. */
static void
appendix_comparisons(const struct report_ctx *c, struct doc *doc)
{
	char level[16];
	struct buf b;

	report_confidence(c, level, sizeof(level));
	buf_init(&b);
	doc_heading(doc, 2, report_str(c, "felles.vedlegg.sammenligning.overskrift"));
	buf_puts(&b, report_str(c, "felles.vedlegg.sammenligning.navn"));
	if (c->cmp != NULL && c->cmp->ref != NULL) {
		buf_putc(&b, ' ');
		report_expand(c, &b, "felles.vedlegg.sammenligning.referanse", "fil",
		    c->cmp->ref->name, NULL);
	}
	doc_paragraph(doc, b.data);
	buf_reset(&b);
	report_expand(c, &b, "felles.vedlegg.sammenligning.metode", "konfidens", level, NULL);
	doc_paragraph(doc, b.data);
	buf_free(&b);
}

static void
appendix_sources(const struct report_ctx *c, struct doc *doc)
{
	const struct dataset *ds = c->r->ds;
	struct report_used u;
	struct doc_table *t;
	struct buf b;
	size_t i, j;
	char year[8];

	memset(&u, 0, sizeof(u));
	doc_heading(doc, 2, report_str(c, "felles.vedlegg.kilder.overskrift"));
	doc_paragraph(doc, report_str(c, "felles.vedlegg.kilder.intro"));
	t = doc_table(doc, 5);
	doc_table_col(t, 0, report_str(c, "felles.vedlegg.kilder.kol.fil"), 3, DOC_LEFT);
	doc_table_col(t, 1, report_str(c, "felles.vedlegg.kilder.kol.aar"), 1, DOC_RIGHT);
	doc_table_col(t, 2, report_str(c, "felles.vedlegg.kilder.kol.lest"), 1.4, DOC_RIGHT);
	doc_table_col(t, 3, report_str(c, "felles.vedlegg.kilder.kol.brukt"), 1.4, DOC_RIGHT);
	doc_table_col(t, 4, report_str(c, "felles.vedlegg.kilder.kol.utelatt"), 1.4, DOC_RIGHT);
	buf_init(&b);
	for (i = 0; i < ds->nsources; i++) {
		const struct source *s = &ds->sources[i];

		doc_table_row(t, 0);
		doc_table_cell(t, s->name, DOC_MARK_NONE);
		snprintf(year, sizeof(year), "%d", s->year);
		doc_table_cell(t, s->year > 0 ? year : "", DOC_MARK_NONE);
		if (results_source_hidden(c->r, s)) {
			u.hidden = 1;
			for (j = 0; j < 3; j++)
				doc_table_cell(t, report_str(c, "felles.symbol.skjult"),
				    DOC_MARK_NONE);
			continue;
		}
		buf_reset(&b);
		report_count((long)s->rows_read, &b);
		doc_table_cell(t, b.data, DOC_MARK_NONE);
		if (s->refused) {
			doc_table_cell(t, report_str(c, "felles.vedlegg.kilder.ikke_brukt"),
			    DOC_MARK_GREY);
			doc_table_cell(t, "", DOC_MARK_NONE);
			continue;
		}
		buf_reset(&b);
		report_count((long)s->rows_used, &b);
		doc_table_cell(t, b.data, DOC_MARK_NONE);
		buf_reset(&b);
		report_count((long)s->rows_left_out, &b);
		doc_table_cell(t, b.data, DOC_MARK_NONE);
	}
	buf_reset(&b);
	snprintf(year, sizeof(year), "%zu", ds->reg.nkommuner);
	report_expand(c, &b, "felles.vedlegg.kilder.register", "antall", year, NULL);
	doc_small(doc, b.data);
	if (c->cmp != NULL && c->cmp->ref != NULL) {
		buf_reset(&b);
		report_expand(c, &b, "felles.vedlegg.kilder.referanse", "fil", c->cmp->ref->name,
		    NULL);
		doc_small(doc, b.data);
	}
	report_footnotes(c, doc, &u);
	buf_free(&b);
}

static void
appendix_suppression(const struct report_ctx *c, struct doc *doc)
{
	struct buf b;
	char minn[16];

	snprintf(minn, sizeof(minn), "%d", max_min_n(c->r->defs));
	doc_heading(doc, 2, report_str(c, "felles.vedlegg.prikking.overskrift"));
	buf_init(&b);
	report_expand(c, &b, "felles.vedlegg.prikking.tekst", "min_n", minn, NULL);
	doc_paragraph(doc, b.data);
	buf_reset(&b);
	report_expand(c, &b, "felles.vedlegg.prikking.sekundar", "min_n", minn, NULL);
	doc_paragraph(doc, b.data);
	buf_free(&b);
	doc_paragraph(doc, report_str(c, "felles.vedlegg.prikking.mangler"));
}

/* How the free text of the action plans is read: the reader sees "Forfalt" and should be
 * able to check why. */
static void
appendix_measures(const struct report_ctx *c, struct doc *doc)
{
	struct buf b, d;

	if (c->r->nmeasures == 0)
		return;
	doc_heading(doc, 2, report_str(c, "felles.vedlegg.tiltak.overskrift"));
	doc_paragraph(doc, report_str(c, "felles.vedlegg.tiltak.status"));
	buf_init(&b);
	buf_init(&d);
	report_date(c, c->r->refdate, &d);
	report_expand(c, &b, "felles.vedlegg.tiltak.frist", "dato", d.data, NULL);
	doc_paragraph(doc, b.data);
	buf_reset(&b);
	report_expand(c, &b, "felles.vedlegg.tiltak.forfalt", "dato", d.data, NULL);
	doc_paragraph(doc, b.data);
	buf_free(&b);
	buf_free(&d);
}

void
report_appendix(const struct report_ctx *c, struct doc *doc, int law)
{
	doc_heading(doc, 1, report_str(c, "felles.vedlegg.overskrift"));
	appendix_definitions(c, doc);
	if (law)
		appendix_law(c, doc);
	appendix_comparisons(c, doc);
	appendix_measures(c, doc);
	appendix_sources(c, doc);
	appendix_suppression(c, doc);
}

void
report_appendix_measures(const struct report_ctx *c, struct doc *doc)
{
	doc_heading(doc, 1, report_str(c, "felles.vedlegg.overskrift"));
	appendix_measures(c, doc);
	appendix_sources(c, doc);
}

void
report_file_name(const char *code, const char *name, struct buf *out)
{
	const unsigned char *p;

	buf_puts(out, code);
	buf_putc(out, '-');
	for (p = (const unsigned char *)name; *p != '\0'; p++) {
		if (*p < 0x20 || strchr("/\\:*?\"<>|", *p) != NULL)
			buf_putc(out, '_');
		else
			buf_putc(out, (char)*p);
	}
}
