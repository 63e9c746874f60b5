/*
 * tables.c: indikatorer.csv and tilleggstall.csv from a finished struct results
 * (see tables.h). Hidden figures print no value, count or level: only `prikket` 1.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "counts.h"
#include "service.h"
#include "tables.h"

static const char bom[] = "\xEF\xBB\xBF";

static const char *const level_words[] = { "lav", "middels", "god" };
static const char *const place_words[] = { "kommune", "fylke", "land" };

/* Appends one CSV field, quoted as RFC 4180 says when it holds `;`, `"` or a line end. */
static void
put_field(struct buf *b, const char *s)
{
	if (strpbrk(s, ";\"\r\n") == NULL) {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_putc(b, '"');
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

/* Calls fn for every year and every place with rows in that year, in output order: the
 * years in order, then municipalities by kommunenr, counties by fylkesnr, then the
 * country (register order is number order). */
static void
each_place(const struct results *r, void (*fn)(const struct results *, int, size_t,
    struct buf *), struct buf *b)
{
	size_t yi, p;

	for (yi = 0; yi < r->nyears; yi++)
		for (p = 0; p < r->nplaces; p++)
			if (results_present(r, r->years[yi], p))
				fn(r, r->years[yi], p, b);
}

/* aar;niva;kode;navn; of the row of indicator ii. The country is "Hele landet" only
 * when every municipality of the register has a figure in it, else "Kommunene i
 * dataene" (docs/formats.md): a run on some municipalities is not the country. */
static void
put_place(const struct results *r, int y, size_t p, size_t ii, struct buf *b)
{
	long covered, total;

	buf_printf(b, "%d;%s;", y, place_words[results_place_level(r, p)]);
	put_field(b, results_place_code(r, p));
	buf_putc(b, ';');
	if (results_place_level(r, p) == PLACE_LAND) {
		compare_coverage(r, y, ii, p, &covered, &total);
		put_field(b, covered == total ? "Hele landet" : "Kommunene i dataene");
	} else
		put_field(b, results_place_name(r, p));
	buf_putc(b, ';');
}

/* handlingsplan (and any action-plan indicator) has rows for the reporting year only. */
static int
indicator_in_year(const struct results *r, size_t ii, int y)
{
	return r->defs->v[ii].source != TABLE_ACTIONS || y == r->year;
}

static void
indicator_rows(const struct results *r, int y, size_t p, struct buf *b)
{
	size_t ii;
	char v[32];

	for (ii = 0; ii < r->defs->n; ii++) {
		const struct figure *f = results_figure(r, y, ii, p);

		if (!indicator_in_year(r, ii, y))
			continue;
		put_place(r, y, p, ii, b);
		put_field(b, r->defs->v[ii].id);
		if (f->state == FIG_PUBLISHED) {
			compute_format10(f->value10, v, sizeof(v));
			buf_printf(b, ";%ld;%ld;%s;0;%s\n", f->num, f->den, v,
			    f->level >= LEVEL_LAV && f->level <= LEVEL_GOD ?
			    level_words[f->level] : "");
		} else if (f->state == FIG_HIDDEN)
			buf_puts(b, ";;;;1;\n");
		else
			buf_puts(b, ";;;;0;\n");
	}
}

void
tables_indicators(const struct results *r, struct buf *b)
{
	buf_puts(b, bom);
	buf_puts(b, "aar;niva;kode;navn;indikator;teller;nevner;verdi;prikket;niva_kategori\n");
	each_place(r, indicator_rows, b);
}

/* One row of tilleggstall.csv after its place: indikator;maal;antall;prikket. */
static void
extra_row(struct buf *b, const char *ind, const char *what, enum fig_state st, long n)
{
	put_field(b, ind);
	buf_printf(b, ";%s;", what);
	if (st == FIG_PUBLISHED || st == FIG_NO_ACTIVE)	/* no active plans: all zero */
		buf_printf(b, "%ld;0\n", n);
	else
		buf_printf(b, ";%d\n", st == FIG_HIDDEN);
}

/* The survey answers of a place by class (<id>_svar): a municipality's own, or how many
 * municipalities of a county or the country gave each (not answered included). */
static void
extra_answer_rows(const struct results *r, int y, size_t p, size_t ii, struct buf *b)
{
	static const char *const what[COUNT_NANSWER] = { "etablert", "under_arbeid",
	    "ikke_etablert", "vet_ikke", "ikke_besvart" };
	const struct figure *f = results_figure(r, y, ii, p);
	char name[96];
	long n[COUNT_NANSWER];
	size_t i;

	if (f->state == FIG_MISSING)
		return;
	counts_answers(r, y, ii, p, n);
	snprintf(name, sizeof(name), "%s_svar", r->defs->v[ii].id);
	for (i = 0; i < COUNT_NANSWER; i++) {
		if (i == COUNT_UNANSWERED && results_place_level(r, p) == PLACE_KOMMUNE)
			continue;
		put_place(r, y, p, ii, b);
		extra_row(b, name, what[i], FIG_PUBLISHED, n[i]);
	}
}

/* The action-plan measures of a place (reporting year): by status class, by when they
 * are due, overdue. */
static void
extra_measure_rows(const struct results *r, int y, size_t p, size_t ii, struct buf *b)
{
	static const char *const status[COUNT_NSTATUS] = { "gjennomfort", "pagar",
	    "under_planlegging", "ikke_startet", "ukjent" };
	const char *id = r->defs->v[ii].id;
	struct progress pg;
	char name[96];
	size_t i;

	counts_progress(r, p, &pg);
	if (pg.total == 0)
		return;
	snprintf(name, sizeof(name), "%s_tiltak", id);
	for (i = 0; i < COUNT_NSTATUS; i++) {
		put_place(r, y, p, ii, b);
		extra_row(b, name, status[i], FIG_PUBLISHED, pg.status[i]);
	}
	{
		const struct { const char *what; long n; } due[] = {
			{ "frist_innen_referansedato", pg.due }, { "forfalt", pg.overdue },
			{ "senere_frist", pg.later },
			{ "senere_frist_gjennomfort", pg.later_done },
			{ "gjentakende_uten_dato", pg.recurring_undated },
			{ "uten_dato", pg.undated },
		};

		for (i = 0; i < sizeof(due) / sizeof(due[0]); i++) {
			put_place(r, y, p, ii, b);
			extra_row(b, name, due[i].what, FIG_PUBLISHED, due[i].n);
		}
	}
}

/* A municipality's plans by service area in the reporting year (service.h): for every
 * group, published or hidden alike (so that which groups have plans is not told by
 * which rows exist), its active plans and each share's counts. */
static void
extra_service_rows(const struct results *r, int y, size_t p, struct buf *b)
{
	const struct service_table *st = r->service;
	struct buf ind, what;
	size_t g, i;

	if (st == NULL || y != r->year || p >= st->nk ||
	    service_cell(st, p, 0)->state == FIG_MISSING)
		return;
	buf_init(&ind);
	buf_init(&what);
	for (g = 0; g < st->ngroups; g++) {
		const struct service_cell *c = service_cell(st, p, g);

		buf_reset(&ind);
		buf_printf(&ind, "tjenesteomrade_%s", service_group_id(r->defs, g));
		put_place(r, y, p, st->ind[0], b);
		extra_row(b, ind.data, "aktive_planer", (enum fig_state)c->state, c->plans);
		for (i = 0; i < st->nind; i++) {
			const char *id = r->defs->v[st->ind[i]].id;

			buf_reset(&what);
			buf_printf(&what, "%s_teller", id);
			put_place(r, y, p, st->ind[i], b);
			extra_row(b, ind.data, what.data, (enum fig_state)c->state,
			    service_num(st, p, g, i));
			buf_reset(&what);
			buf_printf(&what, "%s_nevner", id);
			put_place(r, y, p, st->ind[i], b);
			extra_row(b, ind.data, what.data, (enum fig_state)c->state,
			    service_den(st, p, g, i));
		}
	}
	buf_free(&ind);
	buf_free(&what);
}

static void
extra_place_rows(const struct results *r, int y, size_t p, struct buf *b)
{
	const struct split *s = results_split(r, y, p);
	long split_ind = -1;
	size_t ii;

	for (ii = 0; ii < r->defs->n; ii++)
		if (strcmp(r->defs->v[ii].id, "brukermedvirkning") == 0)
			split_ind = (long)ii;
	if (s != NULL && s->state != FIG_MISSING && split_ind >= 0) {
		static const char *const what[] = { "ja", "delvis", "nei", "ikke_dokumentert" };
		long n[4];
		size_t i;

		n[0] = s->ja, n[1] = s->delvis, n[2] = s->nei, n[3] = s->not_documented;
		for (i = 0; i < 4; i++) {
			put_place(r, y, p, (size_t)split_ind, b);
			extra_row(b, "brukermedvirkning_fordeling", what[i], s->state, n[i]);
		}
	}
	for (ii = 0; ii < r->defs->n; ii++) {
		const struct figure *f = results_figure(r, y, ii, p);

		if (!indicator_in_year(r, ii, y) || f->state == FIG_MISSING ||
		    r->defs->v[ii].kind == IND_COVERAGE)
			continue;
		put_place(r, y, p, ii, b);
		extra_row(b, r->defs->v[ii].id, "ikke_dokumentert", f->state, f->not_documented);
	}
	for (ii = 0; ii < r->defs->n; ii++) {
		if (r->defs->v[ii].source == TABLE_SURVEY)
			extra_answer_rows(r, y, p, ii, b);
		else if (r->defs->v[ii].source == TABLE_ACTIONS && y == r->year)
			extra_measure_rows(r, y, p, ii, b);
	}
	extra_service_rows(r, y, p, b);
}

static void
extra_sources(const struct results *r, struct buf *b)
{
	size_t i;

	for (i = 0; i < r->ds->nsources; i++) {
		const struct source *s = &r->ds->sources[i];
		static const char *const what[] = { "rader_lest", "rader_brukt", "rader_utelatt" };
		unsigned long n[3];
		int hidden = results_source_hidden(r, s);
		size_t j;

		n[0] = s->rows_read, n[1] = s->rows_used, n[2] = s->rows_left_out;
		for (j = 0; j < 3; j++) {
			buf_printf(b, "%d;fil;", s->year != 0 ? s->year : r->year);
			put_field(b, s->name != NULL ? s->name : "");
			buf_putc(b, ';');
			put_field(b, s->name != NULL ? s->name : "");
			if (hidden)
				buf_printf(b, ";;%s;;1\n", what[j]);
			else
				buf_printf(b, ";;%s;%lu;0\n", what[j], n[j]);
		}
	}
}

void
tables_extra(const struct results *r, struct buf *b)
{
	buf_puts(b, bom);
	buf_puts(b, "aar;niva;kode;navn;indikator;maal;antall;prikket\n");
	each_place(r, extra_place_rows, b);
	extra_sources(r, b);
}

/* Writes one file through util's atomic write; reports a failure. */
static int
write_one(const char *dir, const char *name, const struct buf *b, struct diag *d)
{
	char *path = xasprintf("%s/%s", dir, name);
	int rc = write_file_atomic(path, b->data, b->len);

	if (rc == -1)
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot write the file: %s", strerror(errno));
	free(path);
	return rc;
}

int
tables_write(const struct results *r, const char *dir, struct diag *d)
{
	struct buf b;
	int rc = 0;

	if (mkdir_p(dir) == -1) {
		diag_msg(d, DIAG_ERROR, dir, 0, 0, "cannot create the directory: %s",
		    strerror(errno));
		return -1;
	}
	buf_init(&b);
	tables_indicators(r, &b);
	if (write_one(dir, "indikatorer.csv", &b, d) == -1)
		rc = -1;
	buf_reset(&b);
	tables_extra(r, &b);
	if (write_one(dir, "tilleggstall.csv", &b, d) == -1)
		rc = -1;
	buf_free(&b);
	return rc;
}
