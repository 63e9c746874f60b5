/*
 * Property test of compute.c on random data sets built in memory (fixed seeds): every
 * county and country figure equals the pooled sum over its municipalities; values are the
 * rounded exact fractions; disclosure control never leaves a single hidden municipality
 * in a published county nor a single hidden county under a published country, hides
 * every count below min_n (0 with plan rows included); hidden figures carry nothing;
 * suppression never changes a published aggregate. (The guarantee itself is tested in
 * tests/unit/disclose.c and by the attacker in tests/disclosure.)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "compute.h"
#include "indicator.h"
#include "tables.h"
#include "util.h"

struct rng {
	uint64_t s;
};

static unsigned
rnd(struct rng *r, unsigned n)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	z ^= z >> 31;
	return n ? (unsigned)(z % n) : 0;
}

/* A table under construction. */
static struct table *
table_new(enum table_kind kind, int year, const char *const *names, const enum col_type *types,
    size_t ncols)
{
	struct table *t = xcalloc(1, sizeof(*t));
	size_t i;

	t->path = xstrdup(kind == TABLE_PLANS ? "planer.csv" : kind == TABLE_SURVEY ?
	    "kartlegging.csv" : "handlingsplan.csv");
	t->kind = kind;
	t->year = year;
	t->ncols = ncols;
	t->cols = xcalloc(ncols, sizeof(*t->cols));
	for (i = 0; i < ncols; i++) {
		t->cols[i].name = xstrdup(names[i]);
		t->cols[i].type = types[i];
		t->cols[i].present = 1;
	}
	buf_init(&t->text);
	buf_putc(&t->text, '\0');
	t->text.len = 1;
	return t;
}

static size_t
table_add_row(struct table *t, size_t *cap, int kommune)
{
	size_t r = t->nrows;

	if (r >= *cap) {
		*cap = *cap ? *cap * 2 : 16;
		t->kommune = xrealloc(t->kommune, *cap * sizeof(int));
		t->line = xrealloc(t->line, *cap * sizeof(long));
		t->cells = xrealloc(t->cells, *cap * t->ncols * sizeof(struct cell));
	}
	memset(&t->cells[r * t->ncols], 0, t->ncols * sizeof(struct cell));
	t->kommune[r] = kommune;
	t->line[r] = (long)r + 2;
	t->nrows++;
	return r;
}

static void
set_cell(struct table *t, size_t row, size_t col, int state, int32_t v)
{
	t->cells[row * t->ncols + col].state = (uint8_t)state;
	t->cells[row * t->ncols + col].v = v;
}

static void
set_text(struct table *t, size_t row, size_t col, const char *s)
{
	if (s == NULL) {
		set_cell(t, row, col, CELL_EMPTY, 0);
		return;
	}
	set_cell(t, row, col, CELL_OK, (int32_t)t->text.len);
	buf_put(&t->text, s, strlen(s) + 1);
}

static void
table_free(struct table *t)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		free(t->cols[i].name);
	free(t->cols);
	free(t->cells);
	free(t->kommune);
	free(t->line);
	free(t->path);
	buf_free(&t->text);
	free(t);
}

static const char *const plan_names[] = { "kommunenr", "opprettet", "sist_oppdatert",
	"status", "koordinator", "antall_mal", "brukermedvirkning", "samtykke",
	"ansvarsgruppe", "tjenesteomrade" };
static const enum col_type plan_types[] = { COL_KOMMUNE, COL_DATE, COL_DATE, COL_STATUS,
	COL_YESNO, COL_INT, COL_PARTLY, COL_YESNO, COL_YESNO, COL_TEXT };

/* A random cell of a yes/no or partly column. */
static void
random_yesno(struct rng *g, struct table *t, size_t row, size_t col, int partly)
{
	unsigned x = rnd(g, 10);

	if (x == 0)
		set_cell(t, row, col, CELL_EMPTY, 0);
	else if (x == 1)
		set_cell(t, row, col, CELL_INVALID, 0);
	else if (partly && x < 4)
		set_cell(t, row, col, CELL_OK, PARTLY);
	else
		set_cell(t, row, col, CELL_OK, x < 7 ? YES : NO);
}

static int
random_date(struct rng *g, int year)
{
	return DATE_YMD(year - (int)rnd(g, 3), 1 + (int)rnd(g, 12), 1 + (int)rnd(g, 28));
}

static struct table *
random_plans(struct rng *g, size_t nk, int year)
{
	struct table *t = table_new(TABLE_PLANS, year, plan_names, plan_types, 10);
	size_t cap = 0, k;

	for (k = 0; k < nk; k++) {
		unsigned n = rnd(g, 4) == 0 ? rnd(g, 6) : rnd(g, 40), i;

		if (rnd(g, 8) == 0)
			continue;	/* no rows this year */
		for (i = 0; i < n; i++) {
			size_t r = table_add_row(t, &cap, (int)k);

			set_cell(t, r, 0, CELL_OK, (int32_t)k);
			set_cell(t, r, 1, CELL_OK, random_date(g, year));
			if (rnd(g, 4) == 0)
				set_cell(t, r, 2, CELL_EMPTY, 0);
			else
				set_cell(t, r, 2, CELL_OK, random_date(g, year));
			set_cell(t, r, 3, CELL_OK, rnd(g, 5) != 0);
			random_yesno(g, t, r, 4, 0);
			if (rnd(g, 6) == 0)
				set_cell(t, r, 5, CELL_EMPTY, 0);
			else
				set_cell(t, r, 5, CELL_OK, (int32_t)rnd(g, 4));
			random_yesno(g, t, r, 6, 1);
			random_yesno(g, t, r, 7, 0);
			random_yesno(g, t, r, 8, 0);
			set_text(t, r, 9, "rus");
		}
	}
	return t;
}

static struct table *
random_survey(struct rng *g, size_t nk, int year)
{
	static const char *const names[] = { "kommunenr", "IK1" };
	static const enum col_type types[] = { COL_KOMMUNE, COL_TEXT };
	static const char *const answers[] = { "Ja", "Nei", "Delvis", "Vet ikke",
		"Vi er i startfasen", NULL, "Ja, det er på plass" };
	struct table *t = table_new(TABLE_SURVEY, year, names, types, 2);
	size_t cap = 0, k;

	for (k = 0; k < nk; k++) {
		size_t r;

		if (rnd(g, 3) == 0)
			continue;
		r = table_add_row(t, &cap, (int)k);
		set_cell(t, r, 0, CELL_OK, (int32_t)k);
		set_text(t, r, 1, answers[rnd(g, 7)]);
	}
	return t;
}

static struct table *
random_actions(struct rng *g, size_t nk)
{
	static const char *const names[] = { "kommunenr", "tiltak", "mal", "aktivitet", "tid",
		"ansvar", "status" };
	static const enum col_type types[] = { COL_KOMMUNE, COL_TEXT, COL_TEXT, COL_TEXT,
		COL_TEXT, COL_TEXT, COL_TEXT };
	static const char *const status[] = { "Ja", "Nei", "Delvis", "Under planlegging",
		NULL, "Gjennomført" };
	struct table *t = table_new(TABLE_ACTIONS, 0, names, types, 7);
	size_t cap = 0, k;

	for (k = 0; k < nk; k++) {
		unsigned n = rnd(g, 3) == 0 ? rnd(g, 5) : 0, i;

		for (i = 0; i < n; i++) {
			size_t r = table_add_row(t, &cap, (int)k);

			set_cell(t, r, 0, CELL_OK, (int32_t)k);
			set_text(t, r, 1, "Tiltak");
			set_text(t, r, 4, rnd(g, 2) ? "Innen 1. mars 2024" : "Løpende");
			set_text(t, r, 6, status[rnd(g, 6)]);
		}
	}
	return t;
}

struct world {
	struct dataset		 ds;
	struct indicator_set	 set;
	struct diag		 d;
	FILE			*devnull;
};

static void
world_build(struct world *w, uint64_t seed)
{
	struct rng g = { seed };
	size_t nf = 2 + rnd(&g, 4), nk = 0, f, i, cap = 0;
	int y;

	memset(w, 0, sizeof(*w));
	w->devnull = fopen("/dev/null", "w");
	diag_init(&w->d, w->devnull);
	assert_int_equal(indicators_load(&w->set, IPKVAL_HOME "/indicators", &w->d), 0);
	w->ds.reg.nfylker = nf;
	w->ds.reg.fylker = xcalloc(nf, sizeof(struct fylke));
	w->ds.reg.has_population = 1;
	for (f = 0; f < nf; f++) {
		unsigned n = rnd(&g, 4) == 0 ? 1 + rnd(&g, 2) : 2 + rnd(&g, 9);

		snprintf(w->ds.reg.fylker[f].nr, 3, "%02zu", f + 11);
		w->ds.reg.fylker[f].navn = xasprintf("Fylke %zu", f);
		for (i = 0; i < n; i++) {
			struct kommune *k;

			w->ds.reg.kommuner = xgrow(w->ds.reg.kommuner, &cap, nk, sizeof(*k));
			k = &w->ds.reg.kommuner[nk];
			snprintf(k->nr, 5, "%02zu%02zu", f + 11, i + 1);
			k->navn = xasprintf("Kommune %s", k->nr);
			k->fylke = (int)f;
			k->innbyggere = rnd(&g, 10) == 0 ? -1 : 500 + (long)rnd(&g, 20000);
			nk++;
		}
	}
	w->ds.reg.nkommuner = nk;
	w->ds.questions = xcalloc(1, sizeof(struct question));
	w->ds.questions[0].id = xstrdup("IK1");
	w->ds.questions[0].closed = 1;
	w->ds.nquestions = 1;
	w->ds.plans = xcalloc(3, sizeof(struct table *));
	w->ds.surveys = xcalloc(3, sizeof(struct table *));
	for (y = 2022; y <= 2024; y++) {
		w->ds.plans[w->ds.nplans++] = random_plans(&g, nk, y);
		w->ds.surveys[w->ds.nsurveys++] = random_survey(&g, nk, y);
	}
	w->ds.actions = random_actions(&g, nk);
}

static void
world_free(struct world *w)
{
	size_t i;

	for (i = 0; i < w->ds.nplans; i++)
		table_free(w->ds.plans[i]);
	for (i = 0; i < w->ds.nsurveys; i++)
		table_free(w->ds.surveys[i]);
	table_free(w->ds.actions);
	free(w->ds.plans);
	free(w->ds.surveys);
	for (i = 0; i < w->ds.reg.nkommuner; i++)
		free(w->ds.reg.kommuner[i].navn);
	for (i = 0; i < w->ds.reg.nfylker; i++)
		free(w->ds.reg.fylker[i].navn);
	free(w->ds.reg.kommuner);
	free(w->ds.reg.fylker);
	free(w->ds.questions[0].id);
	free(w->ds.questions);
	indicators_free(&w->set);
	diag_free(&w->d);
	fclose(w->devnull);
}

/* Pooled sums: without suppression every aggregate is the sum over its municipalities. */
static void
check_pooled(const struct results *r)
{
	const struct dataset *ds = r->ds;
	size_t yi, ii, p, nk = ds->reg.nkommuner;

	for (yi = 0; yi < r->nyears; yi++)
		for (ii = 0; ii < r->defs->n; ii++) {
			long num[64] = { 0 }, den[64] = { 0 };
			int any[64] = { 0 }, partial[64] = { 0 };
			size_t country = r->nplaces - 1;
			int y = r->years[yi];
			int coverage = r->defs->v[ii].kind == IND_COVERAGE;
			long scale = coverage ? 1000 : 100;

			for (p = 0; p < nk; p++) {
				const struct figure *f = results_figure(r, y, ii, p);
				size_t c = results_county_place(r, p);

				/* Plans (indicator 0 is plan_oppdatert) but no population: no coverage for its county or the
				 * country (a partial sum would give its plan count away). */
				if (coverage && ds->reg.kommuner[p].innbyggere <= 0 &&
				    results_figure(r, y, 0, p)->state != FIG_MISSING)
					partial[c - nk] = partial[country - nk] = 1;
				assert_int_not_equal(f->state, FIG_HIDDEN);
				if (f->state == FIG_MISSING)
					continue;
				any[c - nk] = any[country - nk] = 1;
				num[c - nk] += f->num, den[c - nk] += f->den;
				num[country - nk] += f->num, den[country - nk] += f->den;
			}
			for (p = nk; p < r->nplaces; p++) {
				const struct figure *f = results_figure(r, y, ii, p);

				if (!any[p - nk] || partial[p - nk]) {
					assert_int_equal(f->state, FIG_MISSING);
					continue;
				}
				if (f->state == FIG_MISSING || f->state == FIG_NO_ACTIVE) {
					assert_int_equal(den[p - nk], 0);
					continue;
				}
				assert_int_equal(f->state, FIG_PUBLISHED);
				assert_int_equal(f->num, num[p - nk]);
				assert_int_equal(f->den, den[p - nk]);
				assert_int_equal(f->value10, compute_round10(f->num, f->den, scale));
				assert_int_equal(f->level, indicator_level(&r->defs->v[ii], f->num, f->den));
			}
		}
}

static size_t
count_hidden_in(const struct results *r, int y, size_t ii, size_t county)
{
	size_t p, n = 0;

	for (p = 0; p < r->ds->reg.nkommuner; p++)
		if (results_county_place(r, p) == county &&
		    results_figure(r, y, ii, p)->state == FIG_HIDDEN)
			n++;
	return n;
}

/* The plan indicators rest on the same active plans: a place hidden in one of them is
 * published in none of them. */
static void
check_plan_group(const struct results *r)
{
	size_t yi, ii, jj, p;

	for (yi = 0; yi < r->nyears; yi++)
		for (p = 0; p < r->nplaces; p++)
			for (ii = 0; ii < r->defs->n; ii++) {
				if (r->defs->v[ii].source != TABLE_PLANS ||
				    results_figure(r, r->years[yi], ii, p)->state != FIG_HIDDEN)
					continue;
				for (jj = 0; jj < r->defs->n; jj++)
					if (r->defs->v[jj].source == TABLE_PLANS)
						assert_int_not_equal(results_figure(r, r->years[yi],
						    jj, p)->state, FIG_PUBLISHED);
			}
}

/* With disclosure control: what every pattern it makes must satisfy. */
static void
check_suppressed(const struct results *r, const struct results *open, long *nhidden,
    long *nsecondary)
{
	size_t yi, ii, p, nk = r->ds->reg.nkommuner;

	for (yi = 0; yi < r->nyears; yi++)
		for (ii = 0; ii < r->defs->n; ii++) {
			int y = r->years[yi];
			const struct indicator *ind = &r->defs->v[ii];
			size_t hidden_counties = 0;

			for (p = 0; p < r->nplaces; p++) {
				const struct figure *f = results_figure(r, y, ii, p);
				const struct figure *o = results_figure(open, y, ii, p);
				long count = ind->kind == IND_COVERAGE ? o->num : o->den;

				if (f->state == FIG_HIDDEN) {
					assert_true(o->state == FIG_PUBLISHED ||
					    o->state == FIG_NO_ACTIVE);
					(*nhidden)++;
					if (count >= ind->min_n)
						(*nsecondary)++;
					assert_int_equal(f->num + f->den + f->value10 + f->level +
					    f->has_change + f->not_documented, 0);
					if (p >= nk && p < r->nplaces - 1)
						hidden_counties++;
					continue;
				}
				assert_int_equal(f->state, o->state);
				if (f->state != FIG_PUBLISHED)
					continue;
				assert_true(count >= ind->min_n);
				assert_int_equal(f->num, o->num);
				assert_int_equal(f->den, o->den);
				assert_int_equal(f->value10, o->value10);
				if (p >= nk && p < r->nplaces - 1)
					assert_int_not_equal(count_hidden_in(r, y, ii, p), 1);
			}
			if (results_figure(r, y, ii, r->nplaces - 1)->state == FIG_PUBLISHED)
				assert_int_not_equal(hidden_counties, 1);
		}
	check_plan_group(r);
}

/* Changes: only between consecutive years, both published, the difference of the values. */
static void
check_changes(const struct results *r)
{
	size_t yi, ii, p;

	for (yi = 0; yi < r->nyears; yi++)
		for (ii = 0; ii < r->defs->n; ii++)
			for (p = 0; p < r->nplaces; p++) {
				const struct figure *f = results_figure(r, r->years[yi], ii, p);
				const struct figure *g = results_figure(r, r->years[yi] - 1, ii, p);
				int both = g != NULL && f->state == FIG_PUBLISHED &&
				    g->state == FIG_PUBLISHED;

				assert_int_equal(f->has_change, both);
				if (both)
					assert_int_equal(f->change10, f->value10 - g->value10);
			}
}

/* indikatorer.csv: ten fields a row; a hidden row carries nothing but prikket 1. */
static void
check_csv(const struct results *r)
{
	struct buf b;
	char *line, *save = NULL;
	size_t n = 0;

	buf_init(&b);
	tables_indicators(r, &b);
	for (line = strtok_r(b.data, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
		const char *c;
		int semis = 0;

		for (c = line; *c; c++)
			semis += *c == ';';
		assert_int_equal(semis, 9);
		if (n++ > 0 && strstr(line, ";;;;1;") != NULL)
			assert_int_equal(strlen(strstr(line, ";;;;1;")), 6);
	}
	assert_true(n > 1);
	buf_free(&b);
}

static void
test_property(void **state)
{
	uint64_t seed;
	long nhidden = 0, nsecondary = 0;

	(void)state;
	for (seed = 1; seed <= 40; seed++) {
		struct world w;
		struct results open, r;
		size_t i;
		int *min_n;

		world_build(&w, seed);
		min_n = xcalloc(w.set.n, sizeof(int));
		for (i = 0; i < w.set.n; i++) {
			min_n[i] = w.set.v[i].min_n;
			w.set.v[i].min_n = 1;
		}
		assert_int_equal(compute_run(&open, &w.ds, &w.set, NULL, 0, 0, &w.d), 0);
		assert_int_equal(open.year, 2024);
		assert_int_equal(open.nyears, 3);
		check_pooled(&open);
		for (i = 0; i < w.set.n; i++)
			w.set.v[i].min_n = min_n[i];
		assert_int_equal(compute_run(&r, &w.ds, &w.set, NULL, 0, 0, &w.d), 0);
		check_suppressed(&r, &open, &nhidden, &nsecondary);
		check_changes(&r);
		check_csv(&r);
		compute_free(&r);
		compute_free(&open);
		free(min_n);
		world_free(&w);
	}
	/* the data sets exercise both kinds of suppression */
	assert_true(nhidden > 100);
	assert_true(nsecondary > 20);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_property),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
