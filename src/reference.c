/*
 * reference.c: reading a reference table, the indikatorer.csv another run published (see
 * reference.h). Every problem is said with its file, line and column, as for the exports;
 * a row that cannot be trusted is left out, never guessed.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "field.h"
#include "reference.h"
#include "text.h"
#include "util.h"

/* The columns of indikatorer.csv (docs/computation.md), in the order it writes them. */
enum { C_AAR, C_NIVA, C_KODE, C_NAVN, C_IND, C_TELLER, C_NEVNER, C_VERDI, C_PRIKKET,
	C_KATEGORI, NCOLS };
static const char *const col_names[NCOLS] = { "aar", "niva", "kode", "navn", "indikator",
	"teller", "nevner", "verdi", "prikket", "niva_kategori" };
#define HEADER_TEXT "aar;niva;kode;navn;indikator;teller;nevner;verdi;prikket;niva_kategori"

/* Rows are kept per year as they are read; years are few. */
struct ref_year {
	int		 year;
	struct figure	*fig;
	unsigned char	*row;
};

struct ref_read {
	struct reference		*ref;
	const struct kommune_register	*reg;
	const struct indicator_set	*set;
	struct diag			*d;
	int				 col[NCOLS];	/* field index of each column */
	int				 header_done;
	int				 refused;
	struct ref_year			*years;
	size_t				 nyears, capyears;
};

char *
reference_find(const char *given, const char *data_dir)
{
	DIR *dp;
	struct dirent *e;
	char *found = NULL;

	if (given != NULL)
		return xstrdup(given);
	if ((dp = opendir(data_dir)) == NULL)
		return NULL;
	while ((e = readdir(dp)) != NULL)
		if (strcasecmp(e->d_name, "referanse.csv") == 0 && found == NULL)
			found = xasprintf("%s/%s", data_dir, e->d_name);
	closedir(dp);
	return found;
}

/* Says a problem with field f of a row; the row is left out. Returns -1. */
static int
row_error(struct ref_read *rr, const struct csv_field *f, const char *fmt, const char *what)
{
	char shown[FIELD_SHOWN];

	field_shown(f->s, shown);
	diag_msg(rr->d, DIAG_ERROR, rr->ref->path, f->line, f->col, fmt, what, shown);
	return -1;
}

/* The register index of a municipality or county number, or -1 (both sorted by number). */
static long
find_code(const struct kommune_register *reg, const char *code, int county)
{
	size_t lo = 0, hi = county ? reg->nfylker : reg->nkommuner;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(county ? reg->fylker[mid].nr : reg->kommuner[mid].nr, code);

		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* A whole number >= 0 of at most 12 digits; -1 when it is not one, -2 when empty. */
static long
count_of(const char *s)
{
	long v = 0;
	size_t i, n = strlen(s);

	if (n == 0)
		return -2;
	if (n > 12)
		return -1;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* The header: every column of indikatorer.csv by name (case aside), in any order. */
static int
read_header(struct ref_read *rr, const struct csv_field *f, size_t n)
{
	size_t i, c;

	for (c = 0; c < NCOLS; c++)
		rr->col[c] = -1;
	for (i = 0; i < n; i++)
		for (c = 0; c < NCOLS; c++)
			if (strcasecmp(f[i].s, col_names[c]) == 0 && rr->col[c] < 0)
				rr->col[c] = (int)i;
	for (c = 0; c < NCOLS; c++)
		if (rr->col[c] < 0) {
			diag_msg(rr->d, DIAG_ERROR, rr->ref->path, f[0].line, 1, "expected the "
			    "header of an indikatorer.csv (" HEADER_TEXT "), found no column %s; the "
			    "reference table is not used", col_names[c]);
			rr->refused = 1;
			return -1;
		}
	rr->header_done = 1;
	return 0;
}

/* The figures of a year, made when first seen. */
static struct ref_year *
year_of(struct ref_read *rr, int y)
{
	size_t i, n = rr->ref->nind * rr->ref->nplaces;

	for (i = 0; i < rr->nyears; i++)
		if (rr->years[i].year == y)
			return &rr->years[i];
	rr->years = xgrow(rr->years, &rr->capyears, rr->nyears, sizeof(*rr->years));
	rr->years[rr->nyears].year = y;
	rr->years[rr->nyears].fig = xcalloc(n ? n : 1, sizeof(struct figure));
	rr->years[rr->nyears].row = xcalloc(n ? n : 1, 1);
	for (i = 0; i < n; i++) {
		rr->years[rr->nyears].fig[i].state = FIG_MISSING;
		rr->years[rr->nyears].fig[i].level = LEVEL_NONE;
		rr->years[rr->nyears].fig[i].answer = ANSWER_NONE;
	}
	return &rr->years[rr->nyears++];
}

/* The place of a row (niva, kode), or -1 after a message. */
static long
row_place(struct ref_read *rr, const struct csv_field *niva, const struct csv_field *kode)
{
	const struct kommune_register *reg = rr->reg;
	long k;

	if (strcmp(niva->s, "kommune") == 0) {
		if (strlen(kode->s) != 4 || (k = find_code(reg, kode->s, 0)) < 0)
			return row_error(rr, kode, "%s: expected a municipality number of the "
			    "register, found '%s'; the row is left out", "kode");
		return k;
	}
	if (strcmp(niva->s, "fylke") == 0) {
		if (strlen(kode->s) != 2 || (k = find_code(reg, kode->s, 1)) < 0)
			return row_error(rr, kode, "%s: expected a county number of the register, "
			    "found '%s'; the row is left out", "kode");
		return (long)reg->nkommuner + k;
	}
	if (strcmp(niva->s, "land") == 0) {
		if (strcmp(kode->s, "00") != 0)
			return row_error(rr, kode, "%s: expected 00 for the country, found '%s'; "
			    "the row is left out", "kode");
		return (long)(reg->nkommuner + reg->nfylker);
	}
	return row_error(rr, niva, "%s: expected kommune, fylke or land, found '%s'; the row is "
	    "left out", "niva");
}

/* The level word of niva_kategori: -2 when it is none of them. */
static int
level_of(const char *s)
{
	if (*s == '\0')
		return LEVEL_NONE;
	if (strcmp(s, "god") == 0)
		return LEVEL_GOD;
	if (strcmp(s, "middels") == 0)
		return LEVEL_MIDDELS;
	if (strcmp(s, "lav") == 0)
		return LEVEL_LAV;
	return -2;
}

/* Reads the counts of a published row into fig; 0, or -1 after a message. */
static int
row_counts(struct ref_read *rr, const struct indicator *ind, const struct csv_field *f,
    struct figure *fig)
{
	const struct csv_field *tf = &f[rr->col[C_TELLER]], *nf = &f[rr->col[C_NEVNER]];
	const struct csv_field *vf = &f[rr->col[C_VERDI]], *kf = &f[rr->col[C_KATEGORI]];
	long num = count_of(tf->s), den = count_of(nf->s);
	long scale = ind->kind == IND_COVERAGE ? 1000 : 100;
	char want[32];
	int lv;

	if (num == -2 && den == -2 && vf->s[0] == '\0') {
		fig->state = FIG_MISSING;	/* no data, as the table says */
		return 0;
	}
	if (num < 0)
		return row_error(rr, tf, "%s: expected a whole number of 0 or more, found '%s'; "
		    "the row is left out", "teller");
	if (den <= 0 || num > den)
		return row_error(rr, nf, "%s: expected a whole number above 0 and at least "
		    "teller, found '%s'; the row is left out", "nevner");
	compute_format10(compute_round10(num, den, scale), want, sizeof(want));
	if (strcmp(vf->s, want) != 0) {
		diag_msg(rr->d, DIAG_ERROR, rr->ref->path, vf->line, vf->col, "verdi: expected "
		    "%s (teller %ld of nevner %ld), found '%s'; the row is left out", want, num,
		    den, vf->s);
		return -1;
	}
	if ((lv = level_of(kf->s)) == -2)
		return row_error(rr, kf, "%s: expected god, middels, lav or nothing, found '%s'; "
		    "the row is left out", "niva_kategori");
	fig->state = FIG_PUBLISHED;
	fig->num = num;
	fig->den = den;
	fig->value10 = compute_round10(num, den, scale);
	fig->level = (enum level)lv;
	return 0;
}

/* One data row. Returns 0 (the reader goes on whatever the row held). */
static int
read_row(struct ref_read *rr, const struct csv_field *f, size_t n, long line)
{
	const struct csv_field *yf, *pf;
	const struct indicator *ind;
	struct ref_year *ry;
	struct figure fig;
	long place, year;
	size_t ii, i;

	rr->ref->rows_read++;
	for (i = 0; i < NCOLS; i++)
		if ((size_t)rr->col[i] >= n) {
			diag_msg(rr->d, DIAG_ERROR, rr->ref->path, line, 0, "expected %d values as "
			    "in the header, found %zu; the row is left out", NCOLS, n);
			return 0;
		}
	yf = &f[rr->col[C_AAR]];
	pf = &f[rr->col[C_PRIKKET]];
	year = count_of(yf->s);
	if (strlen(yf->s) != 4 || year < 1900 || year > 2999)
		return row_error(rr, yf, "%s: expected a year such as 2024, found '%s'; the row "
		    "is left out", "aar"), 0;
	if ((place = row_place(rr, &f[rr->col[C_NIVA]], &f[rr->col[C_KODE]])) < 0)
		return 0;
	if ((ind = indicators_find(rr->set, f[rr->col[C_IND]].s)) == NULL)
		return row_error(rr, &f[rr->col[C_IND]], "%s: expected an indicator of "
		    "indicators/, found '%s'; the row is left out", "indikator"), 0;
	ii = (size_t)(ind - rr->set->v);
	memset(&fig, 0, sizeof(fig));
	fig.level = LEVEL_NONE;
	fig.answer = ANSWER_NONE;
	if (strcmp(pf->s, "1") == 0) {
		/* Hidden is hidden: whatever else the row holds is not read. */
		fig.state = FIG_HIDDEN;
		if (f[rr->col[C_TELLER]].s[0] != '\0' || f[rr->col[C_NEVNER]].s[0] != '\0' ||
		    f[rr->col[C_VERDI]].s[0] != '\0')
			diag_msg(rr->d, DIAG_WARNING, rr->ref->path, pf->line, pf->col, "prikket: "
			    "a hidden figure should have no teller, nevner or verdi, found some; "
			    "they are not read");
	} else if (strcmp(pf->s, "0") != 0)
		return row_error(rr, pf, "%s: expected 0 or 1, found '%s'; the row is left out",
		    "prikket"), 0;
	else if (row_counts(rr, ind, f, &fig) == -1)
		return 0;
	ry = year_of(rr, (int)year);
	i = ii * rr->ref->nplaces + (size_t)place;
	if (ry->row[i]) {
		diag_msg(rr->d, DIAG_ERROR, rr->ref->path, line, 0, "expected one row per year, "
		    "place and indicator, found %ld %s %s %s again; the row is left out", year,
		    f[rr->col[C_NIVA]].s, f[rr->col[C_KODE]].s, ind->id);
		return 0;
	}
	ry->row[i] = 1;
	ry->fig[i] = fig;
	rr->ref->rows_used++;
	return 0;
}

static int
on_row(void *arg, const struct csv_field *f, size_t n, long line)
{
	struct ref_read *rr = arg;

	if (rr->refused)
		return -1;
	if (!rr->header_done)
		return read_header(rr, f, n) == -1 ? -1 : 0;
	return read_row(rr, f, n, line);
}

static int
year_cmp(const void *a, const void *b)
{
	const struct ref_year *x = a, *y = b;

	return (x->year > y->year) - (x->year < y->year);
}

/* Moves the years read into ref, in order. */
static void
keep_years(struct ref_read *rr)
{
	struct reference *ref = rr->ref;
	size_t n = ref->nind * ref->nplaces, i;

	if (rr->nyears > 0)	/* qsort's base may not be NULL, even for no elements */
		qsort(rr->years, rr->nyears, sizeof(*rr->years), year_cmp);
	ref->nyears = rr->nyears;
	ref->years = xcalloc(rr->nyears + 1, sizeof(int));
	ref->fig = xcalloc(rr->nyears * n + 1, sizeof(struct figure));
	ref->row = xcalloc(rr->nyears * n + 1, 1);
	for (i = 0; i < rr->nyears; i++) {
		ref->years[i] = rr->years[i].year;
		memcpy(&ref->fig[i * n], rr->years[i].fig, n * sizeof(struct figure));
		memcpy(&ref->row[i * n], rr->years[i].row, n);
	}
}

static void
free_years(struct ref_read *rr)
{
	size_t i;

	for (i = 0; i < rr->nyears; i++) {
		free(rr->years[i].fig);
		free(rr->years[i].row);
	}
	free(rr->years);
}

int
reference_load(struct reference *ref, const char *path, const struct kommune_register *reg,
    const struct indicator_set *set, struct diag *d)
{
	struct csv_sink sink;
	struct csv_result res;
	struct ref_read rr;
	struct text t;
	const char *slash;
	int rc = -1;

	memset(ref, 0, sizeof(*ref));
	memset(&rr, 0, sizeof(rr));
	ref->path = xstrdup(path);
	slash = strrchr(path, '/');
	ref->name = xstrdup(slash != NULL ? slash + 1 : path);
	ref->nind = set->n;
	ref->nplaces = reg->nkommuner + reg->nfylker + 1;
	rr.ref = ref;
	rr.reg = reg;
	rr.set = set;
	rr.d = d;
	if (text_read(&t, path, path, d) == -1)
		goto out;
	sink = (struct csv_sink){ on_row, &rr, NULL };
	if (csv_read(t.data, t.len, csv_detect_delim(t.data, t.len), path, &sink, d, &res)
	    == -1 || rr.refused) {
		text_free(&t);
		goto out;
	}
	text_free(&t);
	if (!rr.header_done) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "expected the header of an indikatorer.csv ("
		    HEADER_TEXT "), found an empty file; the reference table is not used");
		goto out;
	}
	keep_years(&rr);
	rc = 0;
out:
	free_years(&rr);
	if (rc == -1) {
		reference_free(ref);
		memset(ref, 0, sizeof(*ref));
	}
	return rc;
}

void
reference_free(struct reference *ref)
{
	free(ref->path);
	free(ref->name);
	free(ref->years);
	free(ref->fig);
	free(ref->row);
	memset(ref, 0, sizeof(*ref));
}

const struct figure *
reference_figure(const struct reference *ref, int year, size_t ind, size_t place)
{
	size_t yi;

	if (ref == NULL || ind >= ref->nind || place >= ref->nplaces)
		return NULL;
	for (yi = 0; yi < ref->nyears; yi++)
		if (ref->years[yi] == year) {
			size_t i = (yi * ref->nind + ind) * ref->nplaces + place;

			return ref->row[i] ? &ref->fig[i] : NULL;
		}
	return NULL;
}

void
reference_check_year(const struct reference *ref, int year, struct diag *d)
{
	size_t yi;

	if (ref == NULL || ref->path == NULL)
		return;
	for (yi = 0; yi < ref->nyears; yi++)
		if (ref->years[yi] == year)
			return;
	diag_msg(d, DIAG_NOTE, ref->path, 0, 0, "expected figures for %d in the reference "
	    "table, found none; the reports compare with the figures of the data", year);
}
