/*
 * compute.c: the indicators of every municipality, county and the country for every year
 * of a run (pooled aggregates, levels, rounding, changes since last year), disclosure
 * control (docs/computation.md; the method is disclose.c), the brukermedvirkning
 * split, the classified survey answers and the action-plan measures (see compute.h).
 * Rows are counted through the indicator definitions (indicator.h): nothing about a
 * single indicator is written here except the split of brukermedvirkning.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compute.h"
#include "disclose.h"
#include "service.h"
#include "util.h"

/* Before suppression: what a place has for one indicator. */
/* RAW_PARTIAL: a county or the country with a municipality that has plans but no
 * population; its coverage cannot be computed (and the difference between its plan count
 * and its coverage count would give away that municipality's count). */
enum raw_state { RAW_MISSING, RAW_NO_ACTIVE, RAW_DATA, RAW_PARTIAL };

/* Counting state of one year and indicator, over all places. */
struct tally {
	long		*num, *den, *nd;	/* [place] */
	unsigned char	*state;			/* [place]: enum raw_state */
	signed char	*cls;			/* [kommune]: answer class (survey indicators) */
};

/* Working context of one compute_run. */
struct ctx {
	struct results		*r;
	const struct dataset	*ds;
	struct indicator_set	*set;
	struct diag		*d;
	size_t			 nk, nf, nind;
};

long
compute_round10(long num, long den, long scale)
{
	long long n = (long long)num * scale * 10;
	long long q, rem;
	int neg = 0;

	if (den == 0)
		return 0;
	if (n < 0) {
		n = -n;
		neg = !neg;
	}
	if (den < 0) {
		den = -den;
		neg = !neg;
	}
	q = n / den;
	rem = n % den;
	if (rem * 2 >= den)
		q++;
	return (long)(neg ? -q : q);
}

void
compute_format10(long value10, char *out, size_t outsz)
{
	long a = value10 < 0 ? -value10 : value10;

	snprintf(out, outsz, "%s%ld,%ld", value10 < 0 ? "-" : "", a / 10, a % 10);
}

static size_t
fig_index(const struct results *r, size_t yi, size_t ind, size_t place)
{
	return (yi * r->defs->n + ind) * r->nplaces + place;
}

int
results_year_index(const struct results *r, int year)
{
	size_t i;

	for (i = 0; i < r->nyears; i++)
		if (r->years[i] == year)
			return (int)i;
	return -1;
}

const struct figure *
results_figure(const struct results *r, int year, size_t ind, size_t place)
{
	int yi = results_year_index(r, year);

	if (yi < 0 || ind >= r->defs->n || place >= r->nplaces)
		return NULL;
	return &r->fig[fig_index(r, (size_t)yi, ind, place)];
}

int
results_source_hidden(const struct results *r, const struct source *src)
{
	const struct table *t = src->year != 0 ? dataset_plans(r->ds, src->year) : NULL;
	const struct figure *f;
	size_t ii;

	if (src->year != 0 && results_year_index(r, src->year) < 0)
		return 1;
	if (t == NULL || strcmp(t->path, src->path) != 0)
		return 0;
	for (ii = 0; ii < r->defs->n; ii++) {
		if (r->defs->v[ii].source != TABLE_PLANS)
			continue;
		f = results_figure(r, src->year, ii, r->nplaces - 1);
		if (f != NULL && f->state == FIG_HIDDEN)
			return 1;
	}
	return 0;
}

const struct split *
results_split(const struct results *r, int year, size_t place)
{
	int yi = results_year_index(r, year);

	if (yi < 0 || place >= r->nplaces || indicators_find(r->defs, "brukermedvirkning") == NULL)
		return NULL;
	return &r->splits[(size_t)yi * r->nplaces + place];
}

int
results_present(const struct results *r, int year, size_t place)
{
	int yi = results_year_index(r, year);

	if (yi < 0 || place >= r->nplaces)
		return 0;
	return r->present[(size_t)yi * r->nplaces + place];
}

const struct answer *
results_answers(const struct results *r, int year, size_t k)
{
	int yi = results_year_index(r, year);
	size_t nk = r->ds->reg.nkommuner, i;

	if (yi < 0 || k >= nk || !r->answered[(size_t)yi * nk + k])
		return NULL;
	i = ((size_t)yi * nk + k) * r->ds->nquestions;
	return &r->answers[i];
}

enum place_level
results_place_level(const struct results *r, size_t place)
{
	if (place < r->ds->reg.nkommuner)
		return PLACE_KOMMUNE;
	if (place < r->ds->reg.nkommuner + r->ds->reg.nfylker)
		return PLACE_FYLKE;
	return PLACE_LAND;
}

const char *
results_place_code(const struct results *r, size_t place)
{
	const struct kommune_register *reg = &r->ds->reg;

	switch (results_place_level(r, place)) {
	case PLACE_KOMMUNE:
		return reg->kommuner[place].nr;
	case PLACE_FYLKE:
		return reg->fylker[place - reg->nkommuner].nr;
	default:
		return "00";
	}
}

const char *
results_place_name(const struct results *r, size_t place)
{
	const struct kommune_register *reg = &r->ds->reg;

	switch (results_place_level(r, place)) {
	case PLACE_KOMMUNE:
		return reg->kommuner[place].navn;
	case PLACE_FYLKE:
		return reg->fylker[place - reg->nkommuner].navn;
	default:
		return "Hele landet";
	}
}

size_t
results_county_place(const struct results *r, size_t place)
{
	const struct kommune_register *reg = &r->ds->reg;

	if (place < reg->nkommuner)
		return reg->nkommuner + (size_t)reg->kommuner[place].fylke;
	return place;
}

size_t
results_country_place(const struct results *r)
{
	return r->nplaces - 1;
}

/* ---- years ---------------------------------------------------------------------- */

static void
years_add(struct results *r, size_t *cap, int y)
{
	size_t i;

	for (i = 0; i < r->nyears; i++)
		if (r->years[i] == y)
			return;
	r->years = xgrow(r->years, cap, r->nyears, sizeof(int));
	r->years[r->nyears++] = y;
}

static int
int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* The reporting year and the years of the run. Returns 0 or -1 (nothing to compute).
 * run.c has already said so, with exit 2, through dataset_usable(); the messages here
 * keep compute_run() safe for any other caller. */
static int
years_find(struct results *r, int year, struct diag *d)
{
	const struct dataset *ds = r->ds;
	size_t i, cap = 0;
	int latest = 0;

	for (i = 0; i < ds->nplans; i++)
		if (ds->plans[i]->year > latest)
			latest = ds->plans[i]->year;
	for (i = 0; i < ds->nsurveys; i++)
		if (ds->surveys[i]->year > latest)
			latest = ds->surveys[i]->year;
	r->year = year != 0 ? year : latest;
	if (r->year == 0) {
		diag_msg(d, DIAG_ERROR, NULL, 0, 0, "expected a planer-YYYY.csv or "
		    "kartlegging-YYYY.csv file to compute indicators from, found none");
		return -1;
	}
	for (i = 0; i < ds->nplans; i++)
		if (ds->plans[i]->year <= r->year)
			years_add(r, &cap, ds->plans[i]->year);
	for (i = 0; i < ds->nsurveys; i++)
		if (ds->surveys[i]->year <= r->year)
			years_add(r, &cap, ds->surveys[i]->year);
	if (ds->actions != NULL)
		years_add(r, &cap, r->year);
	if (r->nyears == 0) {
		diag_msg(d, DIAG_ERROR, NULL, 0, 0, "expected data for %d or earlier, found "
		    "only later years", r->year);
		return -1;
	}
	qsort(r->years, r->nyears, sizeof(int), int_cmp);
	return 0;
}

/* ---- columns of a condition ----------------------------------------------------- */

/*
 * The columns a condition reads, found through expr_bind: binding against a copy of the
 * table's columns marked absent names one needed column at a time. At most ncols names;
 * returns the count and fills idx with their column indexes in t (names t lacks entirely
 * are left out). Binds e back to t before returning.
 */
static size_t
expr_columns(struct expr *e, const struct table *t, int *idx, size_t max)
{
	struct table fake = *t;
	struct column *cols;
	const char *missing;
	size_t n = 0, guard;
	int c;

	if (e == NULL || t->ncols == 0)
		return 0;
	cols = xcalloc(t->ncols, sizeof(*cols));
	memcpy(cols, t->cols, t->ncols * sizeof(*cols));
	for (c = 0; c < (int)t->ncols; c++)
		cols[c].present = 0;
	fake.cols = cols;
	for (guard = 0; guard <= t->ncols && expr_bind(e, &fake, &missing) == -1; guard++) {
		c = table_col(t, missing);
		if (c < 0 || !t->cols[c].present || cols[c].present)
			break;
		cols[c].present = 1;
		if (n < max)
			idx[n++] = c;
	}
	free(cols);
	expr_bind(e, t, &missing);
	return n;
}

/* ---- counting --------------------------------------------------------------------- */

static void
tally_init(struct tally *t, size_t nplaces, size_t nk)
{
	t->num = xcalloc(nplaces, sizeof(long));
	t->den = xcalloc(nplaces, sizeof(long));
	t->nd = xcalloc(nplaces, sizeof(long));
	t->state = xcalloc(nplaces, 1);
	t->cls = xmalloc(nk ? nk : 1);
	memset(t->cls, ANSWER_NONE, nk ? nk : 1);
}

static void
tally_reset(struct tally *t, size_t nplaces, size_t nk)
{
	memset(t->num, 0, nplaces * sizeof(long));
	memset(t->den, 0, nplaces * sizeof(long));
	memset(t->nd, 0, nplaces * sizeof(long));
	memset(t->state, RAW_MISSING, nplaces);
	memset(t->cls, ANSWER_NONE, nk ? nk : 1);
}

static void
tally_free(struct tally *t)
{
	free(t->num);
	free(t->den);
	free(t->nd);
	free(t->state);
	free(t->cls);
}

/* A row in the denominator is not documented when it is not in the numerator and one of
 * the columns the numerator reads is invalid, or all of them are empty. */
static int
row_not_documented(const struct table *t, size_t row, const int *cols, size_t ncols)
{
	size_t i, empty = 0;

	for (i = 0; i < ncols; i++) {
		const struct cell *c = table_cell(t, row, (size_t)cols[i]);

		if (c->state == CELL_INVALID)
			return 1;
		if (c->state == CELL_EMPTY)
			empty++;
	}
	return ncols > 0 && empty == ncols;
}

/* The table an indicator reads in year index yi, or NULL. */
static const struct table *
source_table(const struct ctx *x, const struct indicator *ind, size_t yi)
{
	int y = x->r->years[yi];

	switch (ind->source) {
	case TABLE_PLANS:
		return dataset_plans(x->ds, y);
	case TABLE_SURVEY:
		return dataset_survey(x->ds, y);
	case TABLE_ACTIONS:
		return y == x->r->year ? x->ds->actions : NULL;
	}
	return NULL;
}

static int
year_refdate(const struct ctx *x, size_t yi)
{
	int y = x->r->years[yi];

	return y == x->r->year ? x->r->refdate : DATE_YMD(y, 12, 31);
}

/* The answer class of a survey row in the column the indicator's rows condition reads. */
static int
survey_class(struct ctx *x, const struct table *t, size_t row, int col)
{
	const struct cell *c;
	int unmatched = 0;

	if (col < 0)
		return ANSWER_NONE;
	c = table_cell(t, row, (size_t)col);
	if (c->state != CELL_OK)
		return ANSWER_NONE;
	return classify(x->set->answers, table_text(t, c), &unmatched);
}

/* Counts one indicator's rows of table t per municipality (year index yi). */
static void
count_rows(struct ctx *x, const struct indicator *ind, const struct table *t, size_t yi,
    struct tally *ty)
{
	int cols[16], anscol[1];
	size_t ncols, nans, row;
	int refdate = year_refdate(x, yi);
	unsigned char *seen = xcalloc(x->nk ? x->nk : 1, 1);

	ncols = expr_columns(ind->numerator, t, cols, 16);
	nans = ind->source == TABLE_SURVEY ? expr_columns(ind->rows, t, anscol, 1) : 0;
	for (row = 0; row < t->nrows; row++) {
		size_t k = (size_t)t->kommune[row];
		int in;

		if (k >= x->nk)
			continue;
		if (ind->source == TABLE_SURVEY) {
			if (seen[k])	/* one answer per municipality: the first row */
				continue;
			ty->cls[k] = (signed char)survey_class(x, t, row, nans ? anscol[0] : -1);
		}
		seen[k] = 1;
		ty->state[k] = RAW_NO_ACTIVE;
		if (ind->rows != NULL && !expr_eval(ind->rows, t, row, refdate, x->set))
			continue;
		ty->den[k]++;
		in = expr_eval(ind->numerator, t, row, refdate, x->set);
		if (in)
			ty->num[k]++;
		else if (row_not_documented(t, row, cols, ncols))
			ty->nd[k]++;
	}
	free(seen);
}

/* Turns the municipalities' counts into their raw states (coverage: population). */
static void
kommune_states(struct ctx *x, const struct indicator *ind, struct tally *ty)
{
	const struct kommune_register *reg = &x->ds->reg;
	size_t k;

	for (k = 0; k < x->nk; k++) {
		if (ty->state[k] == RAW_MISSING)
			continue;
		if (ind->kind == IND_COVERAGE) {
			long pop = reg->kommuner[k].innbyggere;

			ty->num[k] = ty->den[k];
			ty->den[k] = pop;
			ty->nd[k] = 0;
			ty->state[k] = reg->has_population && pop > 0 ? RAW_DATA : RAW_MISSING;
			if (ty->state[k] == RAW_MISSING) {
				ty->state[x->nk + (size_t)reg->kommuner[k].fylke] = RAW_PARTIAL;
				ty->state[x->r->nplaces - 1] = RAW_PARTIAL;
			}
		} else if (ty->den[k] > 0)
			ty->state[k] = RAW_DATA;
		else if (ind->source != TABLE_PLANS)
			ty->state[k] = RAW_MISSING;	/* unanswered, no measures */
	}
}

/* Pools the municipalities into their counties and the country. */
static void
pool(struct ctx *x, const struct indicator *ind, struct tally *ty)
{
	size_t k, c, country = x->r->nplaces - 1;

	for (k = 0; k < x->nk; k++) {
		size_t places[2];
		size_t i;

		if (ty->state[k] == RAW_MISSING)
			continue;
		places[0] = x->nk + (size_t)x->ds->reg.kommuner[k].fylke;
		places[1] = country;
		for (i = 0; i < 2; i++) {
			size_t p = places[i];

			ty->num[p] += ty->num[k];
			ty->den[p] += ty->den[k];
			ty->nd[p] += ty->nd[k];
			if (ty->state[p] == RAW_MISSING)
				ty->state[p] = RAW_NO_ACTIVE;
		}
	}
	for (c = x->nk; c <= country; c++) {
		if (ty->state[c] == RAW_PARTIAL) {
			ty->state[c] = RAW_MISSING;
			ty->num[c] = ty->den[c] = ty->nd[c] = 0;
		}
		if (ty->state[c] == RAW_MISSING)
			continue;
		if (ty->den[c] > 0)
			ty->state[c] = RAW_DATA;
		else if (ind->kind == IND_COVERAGE)
			ty->state[c] = RAW_MISSING;
	}
}

/* Fills the figures of one year and indicator from the tally, before suppression. */
static void
figures_fill(struct ctx *x, size_t yi, size_t ii, const struct tally *ty)
{
	const struct indicator *ind = &x->set->v[ii];
	long scale = ind->kind == IND_COVERAGE ? 1000 : 100;
	size_t p;

	for (p = 0; p < x->r->nplaces; p++) {
		struct figure *f = &x->r->fig[fig_index(x->r, yi, ii, p)];

		memset(f, 0, sizeof(*f));
		f->level = LEVEL_NONE;
		f->answer = ANSWER_NONE;
		if (ty->state[p] == RAW_MISSING) {
			f->state = FIG_MISSING;
			continue;
		}
		if (ty->state[p] == RAW_NO_ACTIVE) {
			f->state = FIG_NO_ACTIVE;
			f->not_documented = 0;
			continue;
		}
		f->state = FIG_PUBLISHED;
		f->num = ty->num[p];
		f->den = ty->den[p];
		f->not_documented = ty->nd[p];
		f->value10 = compute_round10(f->num, f->den, scale);
		f->answer = ANSWER_NONE;
		/* One municipality's answer is 0 or 100 %, not a level on the scale of the
		 * thresholds: its class says what it is (docs/computation.md). */
		if (ind->source == TABLE_SURVEY && p < x->nk) {
			f->answer = ty->cls[p];
			f->level = LEVEL_NONE;
		} else if (f->den < ind->min_n_level)
			f->level = LEVEL_NONE;	/* too few to be judged or ranked */
		else
			f->level = indicator_level(ind, f->num, f->den);
	}
}

/* ---- disclosure control ------------------------------------------------------------ */

/* The count a figure rests on: the denominator, or the active plans of dekning; -1 when
 * the figure is missing. */
static long
fig_count(const struct indicator *ind, const struct figure *f)
{
	if (f->state == FIG_MISSING)
		return -1;
	if (f->state == FIG_NO_ACTIVE)
		return 0;
	return ind->kind == IND_COVERAGE ? f->num : f->den;
}

/* Key material for disclose.c: for each municipality the sum of a hash of every kept row
 * of the year's table, which only the data owner has. For plans only the date each plan
 * was established counts: it does not change when an answer is corrected, so a corrected
 * report hides the same places (two issues with different partners would give away the
 * sum of the small ones). A sum, so that the order of the rows and the other
 * municipalities do not change it. */
static void
secrets_of(const struct table *t, size_t nk, uint64_t *secret)
{
	size_t row, c;
	int only = -1;

	memset(secret, 0, nk * sizeof(*secret));
	if (t == NULL)
		return;
	if (t->kind == TABLE_PLANS && (only = table_col(t, "opprettet")) >= 0 &&
	    !t->cols[only].present)
		only = -1;
	for (row = 0; row < t->nrows; row++) {
		size_t k = (size_t)t->kommune[row];
		uint64_t h = 0x243F6A8885A308D3ULL;

		if (k >= nk)
			continue;
		for (c = 0; c < t->ncols; c++) {
			const struct cell *cl = table_cell(t, row, c);
			uint64_t v = (uint64_t)(uint32_t)cl->v | (uint64_t)cl->state << 32;

			if (only >= 0 && c != (size_t)only)
				continue;
			if (t->cols[c].type == COL_TEXT && cl->state == CELL_OK) {
				const unsigned char *q = (const unsigned char *)table_text(t, cl);

				for (v = 0xCBF29CE484222325ULL; *q != '\0'; q++)
					v = (v ^ *q) * 0x100000001B3ULL;
			}
			h = (h ^ v) * 0x9E3779B97F4A7C15ULL;
			h ^= h >> 29;
		}
		secret[k] += h;
	}
}

/* The arrays disclose.c reads, for one group of figures of one year. */
struct dc_build {
	struct dc_input	 in;
	unsigned char	*has, *role;
	long		*count, *min_n, *cls;
	size_t		*cls_count;
	uint64_t	*secret;
	size_t		*parent;
	size_t		 ncounts, nclasses;
};

static void
dc_build_init(struct dc_build *b, struct ctx *x, size_t ncounts, size_t nclasses)
{
	size_t k, np = x->r->nplaces;

	memset(b, 0, sizeof(*b));
	b->has = xcalloc(np, 1);
	b->role = xcalloc(np, 1);
	b->count = xcalloc(np * (ncounts ? ncounts : 1), sizeof(long));
	b->min_n = xcalloc(ncounts ? ncounts : 1, sizeof(long));
	b->cls = xcalloc(np * (nclasses ? nclasses : 1), sizeof(long));
	b->cls_count = xcalloc(nclasses ? nclasses : 1, sizeof(size_t));
	b->secret = xcalloc(x->nk ? x->nk : 1, sizeof(uint64_t));
	b->parent = xcalloc(np, sizeof(size_t));
	for (k = 0; k < np; k++)
		b->parent[k] = k < x->nk ? x->nk + (size_t)x->ds->reg.kommuner[k].fylke : np - 1;
	b->in.nplaces = np;
	b->in.nleaves = x->nk;
	b->in.parent = b->parent;
	b->in.has = b->has;
	b->in.count = b->count;
	b->in.min_n = b->min_n;
	b->in.cls = b->cls;
	b->in.cls_count = b->cls_count;
	b->in.secret = b->secret;
}

static void
dc_build_free(struct dc_build *b)
{
	free(b->has);
	free(b->role);
	free(b->count);
	free(b->min_n);
	free(b->cls);
	free(b->cls_count);
	free(b->secret);
	free(b->parent);
}

/* Adds indicator ii's count, and for a share its classes "yes" (teller) and "no" (the rest
 * of the denominator that is documented), to the group being built. */
static void
dc_add_indicator(struct dc_build *b, struct ctx *x, size_t yi, size_t ii)
{
	const struct indicator *ind = &x->set->v[ii];
	size_t p, np = x->r->nplaces, i = b->ncounts++;
	size_t yes = b->nclasses, no = yes + 1;

	b->min_n[i] = ind->min_n;
	if (ind->kind == IND_SHARE) {
		b->cls_count[yes] = b->cls_count[no] = i;
		b->nclasses += 2;
	}
	for (p = 0; p < np; p++) {
		const struct figure *f = &x->r->fig[fig_index(x->r, yi, ii, p)];
		long n = fig_count(ind, f);

		b->count[p * b->in.ncounts + i] = n;
		b->has[p] |= n >= 0;
		if (ind->kind != IND_SHARE)
			continue;
		b->cls[p * b->in.nclasses + yes] = n < 0 ? -1 : n == 0 ? 0 : f->num;
		b->cls[p * b->in.nclasses + no] = n < 0 ? -1 : n == 0 ? 0 :
		    f->den - f->num - f->not_documented;
	}
}

/* Adds the brukermedvirkning split's answers (ja, delvis, nei) as classes of count i. */
static void
dc_add_split(struct dc_build *b, struct ctx *x, size_t yi, size_t i)
{
	const struct split *sp = &x->r->splits[yi * x->r->nplaces];
	size_t p, j, first = b->nclasses;

	for (j = 0; j < 3; j++)
		b->cls_count[first + j] = i;
	b->nclasses += 3;
	for (p = 0; p < x->r->nplaces; p++) {
		long *c = &b->cls[p * b->in.nclasses + first];
		int none = b->count[p * b->in.ncounts + i] < 0;

		c[0] = none ? -1 : sp[p].ja;
		c[1] = none ? -1 : sp[p].delvis;
		c[2] = none ? -1 : sp[p].nei;
	}
}

/* Hides, in indicator ii of year yi, every place the method hid. */
static void
dc_apply(struct ctx *x, size_t yi, size_t ii, const unsigned char *role)
{
	size_t p;

	for (p = 0; p < x->r->nplaces; p++) {
		struct figure *f = &x->r->fig[fig_index(x->r, yi, ii, p)];

		if (role[p] != DC_SHOWN && f->state != FIG_MISSING && p != x->r->exempt)
			f->state = FIG_HIDDEN;
	}
}

/* Disclosure control of the plan indicators of year yi (dekning included), with the
 * brukermedvirkning split: they rest on the same active plans, so a place is hidden in
 * all of them or in none, and every count and class among them is protected together. */
static void
disclose_plans(struct ctx *x, size_t yi)
{
	const struct indicator *bm = indicators_find(x->set, "brukermedvirkning");
	struct dc_build b;
	size_t ii, ncounts = 0, nclasses = 0, bm_count = 0;
	int split = 0;

	for (ii = 0; ii < x->nind; ii++)
		if (x->set->v[ii].source == TABLE_PLANS) {
			ncounts++;
			nclasses += x->set->v[ii].kind == IND_SHARE ? 2 : 0;
		}
	if (ncounts == 0)
		return;
	split = bm != NULL && bm->source == TABLE_PLANS && bm->kind == IND_SHARE;
	dc_build_init(&b, x, ncounts, nclasses + 3 * split);
	b.in.ncounts = ncounts;
	b.in.nclasses = nclasses + 3 * (size_t)split;
	for (ii = 0; ii < x->nind; ii++) {
		if (x->set->v[ii].source != TABLE_PLANS)
			continue;
		if (&x->set->v[ii] == bm)
			bm_count = b.ncounts;
		dc_add_indicator(&b, x, yi, ii);
	}
	if (split)
		dc_add_split(&b, x, yi, bm_count);
	secrets_of(dataset_plans(x->ds, x->r->years[yi]), x->nk, b.secret);
	b.in.salt = (uint64_t)x->r->years[yi] << 8;
	dc_protect(&b.in, b.role, NULL);
	for (ii = 0; ii < x->nind; ii++)
		if (x->set->v[ii].source == TABLE_PLANS)
			dc_apply(x, yi, ii, b.role);
	dc_build_free(&b);
}

/* Disclosure control of one survey or action-plan indicator (these describe the
 * municipality itself; with the shipped min_n of 1 nothing is hidden). */
static void
disclose_one(struct ctx *x, size_t yi, size_t ii, const struct table *t)
{
	struct dc_build b;
	size_t shares = x->set->v[ii].kind == IND_SHARE;

	dc_build_init(&b, x, 1, 2 * shares);
	b.in.ncounts = 1;
	b.in.nclasses = 2 * shares;
	dc_add_indicator(&b, x, yi, ii);
	secrets_of(t, x->nk, b.secret);
	b.in.salt = (uint64_t)x->r->years[yi] << 8 | (ii + 1);
	dc_protect(&b.in, b.role, NULL);
	dc_apply(x, yi, ii, b.role);
	dc_build_free(&b);
}

/* Changes since last year (both published), then hidden figures emptied. */
static void
changes_and_clear(struct ctx *x)
{
	struct results *r = x->r;
	size_t yi, ii, p;

	for (yi = 0; yi < r->nyears; yi++)
		for (ii = 0; ii < x->nind; ii++)
			for (p = 0; p < r->nplaces; p++) {
				struct figure *f = &r->fig[fig_index(r, yi, ii, p)];
				const struct figure *g;

				if (yi == 0 || r->years[yi - 1] != r->years[yi] - 1 ||
				    f->state != FIG_PUBLISHED)
					continue;
				g = &r->fig[fig_index(r, yi - 1, ii, p)];
				if (g->state != FIG_PUBLISHED)
					continue;
				f->has_change = 1;
				f->change10 = f->value10 - g->value10;
			}
	for (yi = 0; yi < r->nyears * x->nind * r->nplaces; yi++)
		if (r->fig[yi].state != FIG_PUBLISHED) {
			enum fig_state st = r->fig[yi].state;

			memset(&r->fig[yi], 0, sizeof(r->fig[yi]));
			r->fig[yi].state = st;
			r->fig[yi].level = LEVEL_NONE;
			r->fig[yi].answer = ANSWER_NONE;
		}
}

/* ---- one year ------------------------------------------------------------------------ */

static void
mark_present(struct ctx *x, size_t yi, const struct table *t)
{
	unsigned char *pr = &x->r->present[yi * x->r->nplaces];
	size_t row;

	if (t == NULL)
		return;
	for (row = 0; row < t->nrows; row++) {
		size_t k = (size_t)t->kommune[row];

		if (k >= x->nk)
			continue;
		pr[k] = 1;
		pr[x->nk + (size_t)x->ds->reg.kommuner[k].fylke] = 1;
		pr[x->r->nplaces - 1] = 1;
	}
}

/* Warns about active plans revised after R: they count as not updated (plan_oppdatert). */
static void
warn_late_updates(struct ctx *x, const struct table *t, int refdate)
{
	int cu = table_col(t, "sist_oppdatert"), cs = table_col(t, "status");
	size_t row;

	if (cu < 0 || cs < 0 || !t->cols[cu].present)
		return;
	for (row = 0; row < t->nrows; row++) {
		const struct cell *u = table_cell(t, row, (size_t)cu);
		const struct cell *st = table_cell(t, row, (size_t)cs);
		struct cell_pos at = { t->line[row], 0 };

		if (st->state != CELL_OK || st->v != 1 || u->state != CELL_OK || u->v <= refdate)
			continue;
		if (t->updated_pos != NULL && t->updated_pos[row].line > 0)
			at = t->updated_pos[row];
		diag_msg(x->d, DIAG_WARNING, t->path, at.line, at.col,
		    "sist_oppdatert: expected a date on or before the reference date "
		    "%02d.%02d.%04d, found %02d.%02d.%04d; the plan counts as not updated",
		    DATE_DAY(refdate), DATE_MONTH(refdate), DATE_YEAR(refdate),
		    DATE_DAY(u->v), DATE_MONTH(u->v), DATE_YEAR(u->v));
	}
}

/* Counts the brukermedvirkning split of one year at every place (before disclosure
 * control, which protects its classes with the plan indicators). */
static void
split_count(struct ctx *x, size_t yi)
{
	const struct indicator *ind = indicators_find(x->set, "brukermedvirkning");
	struct split *sp = &x->r->splits[yi * x->r->nplaces];
	const struct table *t;
	const char *missing;
	size_t row, p;
	int col, refdate = year_refdate(x, yi);

	if (ind == NULL || (t = source_table(x, ind, yi)) == NULL || ind->source != TABLE_PLANS)
		return;
	col = table_col(t, "brukermedvirkning");
	if (col < 0 || !t->cols[col].present ||
	    (ind->rows != NULL && expr_bind(ind->rows, t, &missing) == -1))
		return;
	for (row = 0; row < t->nrows; row++) {
		size_t k = (size_t)t->kommune[row];
		const struct cell *c = table_cell(t, row, (size_t)col);
		size_t places[3];

		if (k >= x->nk || (ind->rows != NULL && !expr_eval(ind->rows, t, row, refdate, x->set)))
			continue;
		places[0] = k;
		places[1] = x->nk + (size_t)x->ds->reg.kommuner[k].fylke;
		places[2] = x->r->nplaces - 1;
		for (p = 0; p < 3; p++) {
			struct split *s = &sp[places[p]];

			if (c->state != CELL_OK)
				s->not_documented++;
			else if (c->v == YES)
				s->ja++;
			else if (c->v == PARTLY)
				s->delvis++;
			else
				s->nei++;
		}
	}
}

/* The split is published exactly when the brukermedvirkning figure is; otherwise it
 * keeps its state and nothing else. */
static void
split_states(struct ctx *x, size_t yi)
{
	const struct indicator *ind = indicators_find(x->set, "brukermedvirkning");
	struct split *sp = &x->r->splits[yi * x->r->nplaces];
	size_t p, ii;

	if (ind == NULL || ind->source != TABLE_PLANS)
		return;
	ii = (size_t)(ind - x->set->v);
	for (p = 0; p < x->r->nplaces; p++) {
		sp[p].state = x->r->fig[fig_index(x->r, yi, ii, p)].state;
		if (sp[p].state != FIG_PUBLISHED) {
			enum fig_state st = sp[p].state;

			memset(&sp[p], 0, sizeof(sp[p]));
			sp[p].state = st;
		}
	}
}

/* Computes every indicator of year index yi (figures before changes). */
static void
compute_year(struct ctx *x, size_t yi, struct tally *ty)
{
	size_t ii;
	int y = x->r->years[yi];
	const struct table *plans = dataset_plans(x->ds, y);

	mark_present(x, yi, plans);
	mark_present(x, yi, dataset_survey(x->ds, y));
	if (y == x->r->year)
		mark_present(x, yi, x->ds->actions);
	if (plans != NULL)
		warn_late_updates(x, plans, year_refdate(x, yi));
	for (ii = 0; ii < x->nind; ii++) {
		struct indicator *ind = &x->set->v[ii];
		const struct table *t = source_table(x, ind, yi);
		const char *missing;

		tally_reset(ty, x->r->nplaces, x->nk);
		if (t != NULL && (ind->rows == NULL || expr_bind(ind->rows, t, &missing) == 0) &&
		    expr_bind(ind->numerator, t, &missing) == 0) {
			count_rows(x, ind, t, yi, ty);
			kommune_states(x, ind, ty);
			pool(x, ind, ty);
		}
		figures_fill(x, yi, ii, ty);
	}
	split_count(x, yi);
	disclose_plans(x, yi);
	for (ii = 0; ii < x->nind; ii++)
		if (x->set->v[ii].source != TABLE_PLANS)
			disclose_one(x, yi, ii, source_table(x, &x->set->v[ii], yi));
	split_states(x, yi);
}

/* ---- survey answers ---------------------------------------------------------------- */

static const char *
cell_text(const struct table *t, size_t row, int col)
{
	const struct cell *c;

	if (col < 0 || !t->cols[col].present)
		return NULL;
	c = table_cell(t, row, (size_t)col);
	if (c->state != CELL_OK || t->cols[col].type != COL_TEXT || table_text(t, c)[0] == '\0')
		return NULL;
	return table_text(t, c);
}

/* Quotes at most 40 characters of s for a message. */
static char *
quote_short(const char *s)
{
	size_t n = strlen(s), cut = 0, cps = 0;

	while (cut < n && cps < 40) {
		cut++;
		while (cut < n && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut++;
		cps++;
	}
	return cut < n ? xasprintf("%.*s...", (int)cut, s) : xstrdup(s);
}

static void
answers_year(struct ctx *x, size_t yi)
{
	const struct dataset *ds = x->ds;
	const struct table *t = dataset_survey(ds, x->r->years[yi]);
	size_t row, q, nq = ds->nquestions;

	if (t == NULL || nq == 0)
		return;
	for (row = 0; row < t->nrows; row++) {
		size_t k = (size_t)t->kommune[row];
		struct answer *a;

		if (k >= x->nk || x->r->answered[yi * x->nk + k])
			continue;
		x->r->answered[yi * x->nk + k] = 1;
		a = &x->r->answers[(yi * x->nk + k) * nq];
		for (q = 0; q < nq; q++) {
			int unmatched = 0;

			a[q].q = &ds->questions[q];
			a[q].text = cell_text(t, row, table_col(t, ds->questions[q].id));
			a[q].cls = ANSWER_NONE;
			a[q].written = -1;
			if (!ds->questions[q].closed) {
				a[q].written = classify(x->set->written, a[q].text, NULL);
				continue;
			}
			if (a[q].text == NULL)
				continue;
			a[q].cls = classify(x->set->answers, a[q].text, &unmatched);
			if (unmatched) {
				char *qs = quote_short(a[q].text);

				diag_msg(x->d, DIAG_WARNING, t->path, t->line[row], 0, "%s: expected "
				    "an answer the patterns in indicators/ know (ja, delvis, nei, ...), "
				    "found \"%s\"; counted as not answered", ds->questions[q].id, qs);
				free(qs);
			}
		}
	}
}

/* ---- action plan ------------------------------------------------------------------------ */

static int
measure_cmp(const void *a, const void *b)
{
	const struct measure *x = a, *y = b;

	if (x->kommune != y->kommune)
		return x->kommune < y->kommune ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

static void
measures_build(struct ctx *x, const struct deadline_rules *rules)
{
	const struct table *t = x->ds->actions;
	struct results *r = x->r;
	size_t row;
	int ct, cm, ca, cd, cr, cs;

	if (t == NULL || t->nrows == 0)
		return;
	ct = table_col(t, "tiltak"), cm = table_col(t, "mal"), ca = table_col(t, "aktivitet");
	cd = table_col(t, "tid"), cr = table_col(t, "ansvar"), cs = table_col(t, "status");
	r->measures = xcalloc(t->nrows, sizeof(*r->measures));
	for (row = 0; row < t->nrows; row++) {
		struct measure *m = &r->measures[r->nmeasures];
		struct deadline dl;
		struct cell_pos at;
		const char *bad;
		char then[48];
		size_t badlen;
		int unmatched = 0;

		if ((size_t)t->kommune[row] >= x->nk)
			continue;
		r->nmeasures++;
		m->kommune = (size_t)t->kommune[row];
		m->line = t->line[row];
		m->tiltak = cell_text(t, row, ct);
		m->mal = cell_text(t, row, cm);
		m->aktivitet = cell_text(t, row, ca);
		m->tid = cell_text(t, row, cd);
		m->ansvar = cell_text(t, row, cr);
		m->status = cell_text(t, row, cs);
		m->status_class = m->status == NULL ? STATUS_UNKNOWN :
		    classify(x->set->status, m->status, &unmatched);
		if (unmatched) {
			char *qs = quote_short(m->status);

			at = table_pos(t, row, (size_t)cs);
			diag_msg(x->d, DIAG_WARNING, t->path, at.line, at.col, "status: expected "
			    "a status the patterns in indicators/ know (ja, delvis, nei, ...), "
			    "found \"%s\"; shown as unknown", qs);
			free(qs);
		}
		dl = deadline_read(rules, m->tid, r->refdate);
		m->deadline = dl.date;
		bad = dl.bad;
		badlen = dl.badlen;
		if (bad != NULL) {
			/* a slip such as 31.11.2024 must not pass for "no deadline" unseen */
			if (m->deadline == 0)
				snprintf(then, sizeof(then), "the measure has no deadline");
			else
				snprintf(then, sizeof(then), "the deadline is %02d.%02d.%04d",
				    DATE_DAY(m->deadline), DATE_MONTH(m->deadline),
				    DATE_YEAR(m->deadline));
			at = table_pos(t, row, (size_t)cd);
			diag_msg(x->d, DIAG_WARNING, t->path, at.line, at.col, "tid: expected a "
			    "date that exists, found '%.*s'; %s", (int)badlen, bad, then);
		}
		m->recurring = dl.recurring;
		m->due = m->deadline != 0 && m->deadline <= r->refdate;
		m->overdue = m->deadline != 0 && m->deadline < r->refdate &&
		    m->status_class != STATUS_DONE;
	}
	qsort(r->measures, r->nmeasures, sizeof(*r->measures), measure_cmp);
}

/* ---- the run ---------------------------------------------------------------------------- */

int
compute_run(struct results *r, const struct dataset *ds, struct indicator_set *set,
    const struct deadline_rules *deadlines, int year, int refdate, struct diag *d)
{
	return compute_run_internal(r, ds, set, deadlines, year, refdate, (size_t)-1, d);
}

int
compute_run_internal(struct results *r, const struct dataset *ds, struct indicator_set *set,
    const struct deadline_rules *deadlines, int year, int refdate, size_t exempt,
    struct diag *d)
{
	struct ctx x;
	struct tally ty;
	size_t yi, nk = ds->reg.nkommuner;

	memset(r, 0, sizeof(*r));
	r->exempt = exempt;
	set->deadlines = deadlines;	/* for the condition deadline(tid) */
	r->ds = ds;
	r->defs = set;
	r->nplaces = nk + ds->reg.nfylker + 1;
	if (years_find(r, year, d) == -1)
		return -1;
	r->refdate = refdate != 0 ? refdate : DATE_YMD(r->year, 12, 31);
	x.r = r;
	x.ds = ds;
	x.set = set;
	x.d = d;
	x.nk = nk;
	x.nf = ds->reg.nfylker;
	x.nind = set->n;
	r->fig = xcalloc(r->nyears * (set->n ? set->n : 1) * r->nplaces, sizeof(*r->fig));
	r->splits = xcalloc(r->nyears * r->nplaces, sizeof(*r->splits));
	r->present = xcalloc(r->nyears * r->nplaces, 1);
	r->answered = xcalloc(r->nyears * (nk ? nk : 1), 1);
	r->answers = xcalloc(r->nyears * (nk ? nk : 1) * (ds->nquestions ? ds->nquestions : 1),
	    sizeof(*r->answers));
	tally_init(&ty, r->nplaces, nk);
	for (yi = 0; yi < r->nyears; yi++) {
		compute_year(&x, yi, &ty);
		answers_year(&x, yi);
	}
	tally_free(&ty);
	changes_and_clear(&x);
	measures_build(&x, deadlines);
	service_compute(r, exempt);
	return 0;
}

void
compute_free(struct results *r)
{
	free(r->years);
	free(r->measures);
	free(r->fig);
	free(r->splits);
	free(r->present);
	free(r->answers);
	free(r->answered);
	service_free(r->service);
	memset(r, 0, sizeof(*r));
}
