/*
 * Unit tests of the condition language: parsing (with positioned messages), binding to a
 * table, evaluation on hand-made rows (the 12-month window edges, leap days, empty and
 * invalid cells, text and class comparisons), date windows and threshold levels.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "indicator.h"

#ifndef IPKVAL_HOME
#define IPKVAL_HOME "."
#endif

enum { C_OPPRETTET, C_SIST, C_STATUS, C_MAL, C_BRUKER, C_KOORD, C_TJENESTE, C_SAMTYKKE,
	C_ANSVAR, NCOLS };

static const struct { const char *name; enum col_type type; } plan_cols[NCOLS] = {
	{ "opprettet", COL_DATE }, { "sist_oppdatert", COL_DATE }, { "status", COL_STATUS },
	{ "antall_mal", COL_INT }, { "brukermedvirkning", COL_PARTLY },
	{ "koordinator", COL_YESNO }, { "tjenesteomrade", COL_TEXT },
	{ "samtykke", COL_YESNO }, { "ansvarsgruppe", COL_YESNO }
};

/* A plans table of nrows empty rows. */
static void
table_make(struct table *t, size_t nrows)
{
	size_t i;

	memset(t, 0, sizeof(*t));
	t->kind = TABLE_PLANS;
	t->ncols = NCOLS;
	t->cols = calloc(NCOLS, sizeof(*t->cols));
	for (i = 0; i < NCOLS; i++) {
		t->cols[i].name = (char *)plan_cols[i].name;
		t->cols[i].type = plan_cols[i].type;
		t->cols[i].present = 1;
	}
	t->nrows = nrows;
	t->cells = calloc(nrows * NCOLS, sizeof(*t->cells));
	buf_init(&t->text);
	buf_putc(&t->text, '\0');
}

static void
table_done(struct table *t)
{
	free(t->cols);
	free(t->cells);
	buf_free(&t->text);
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
	set_cell(t, row, col, CELL_OK, (int32_t)t->text.len);
	buf_put(&t->text, s, strlen(s) + 1);
}

static struct expr *
parse_ok(const char *text, enum table_kind k)
{
	struct diag d;
	struct expr *e;

	diag_init(&d, stderr);
	e = expr_parse(text, k, "test", &d);
	assert_non_null(e);
	assert_int_equal(d.count[DIAG_ERROR], 0);
	diag_free(&d);
	return e;
}

/* The message a bad condition gets. */
static char *
parse_bad(const char *text, enum table_kind k)
{
	struct diag d;
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	struct expr *e;

	diag_init(&d, f);
	e = expr_parse(text, k, "test", &d);
	assert_null(e);
	assert_int_equal(d.count[DIAG_ERROR], 1);
	diag_free(&d);
	fclose(f);
	return out;
}

static const char *const updated =
    "sist_oppdatert within 12 months or (sist_oppdatert is empty and opprettet within 12 months)";

static void
test_window_edges(void **state)
{
	struct table t;
	struct expr *e = parse_ok(updated, TABLE_PLANS);
	const char *missing = NULL;
	int R = 20241231;

	(void)state;
	table_make(&t, 8);
	set_cell(&t, 0, C_SIST, CELL_OK, 20240101);	/* first day in */
	set_cell(&t, 1, C_SIST, CELL_OK, 20231231);	/* R minus one year: out */
	set_cell(&t, 2, C_SIST, CELL_OK, 20241231);	/* R: in */
	set_cell(&t, 3, C_SIST, CELL_OK, 20250101);	/* after R: out */
	set_cell(&t, 4, C_OPPRETTET, CELL_OK, 20240615);	/* empty: opprettet used */
	set_cell(&t, 5, C_OPPRETTET, CELL_OK, 20231231);
	set_cell(&t, 6, C_SIST, CELL_INVALID, 0);	/* invalid: no fallback */
	set_cell(&t, 6, C_OPPRETTET, CELL_OK, 20240615);
	set_cell(&t, 7, C_SIST, CELL_OK, 20250101);	/* after R: no fallback */
	set_cell(&t, 7, C_OPPRETTET, CELL_OK, 20240615);
	assert_int_equal(expr_bind(e, &t, &missing), 0);
	assert_int_equal(expr_eval(e, &t, 0, R, NULL), 1);
	assert_int_equal(expr_eval(e, &t, 1, R, NULL), 0);
	assert_int_equal(expr_eval(e, &t, 2, R, NULL), 1);
	assert_int_equal(expr_eval(e, &t, 3, R, NULL), 0);
	assert_int_equal(expr_eval(e, &t, 4, R, NULL), 1);
	assert_int_equal(expr_eval(e, &t, 5, R, NULL), 0);
	assert_int_equal(expr_eval(e, &t, 6, R, NULL), 0);
	assert_int_equal(expr_eval(e, &t, 7, R, NULL), 0);
	/* R = 29.02.2024: one year before is 28.02.2023 (excluded). */
	set_cell(&t, 0, C_SIST, CELL_OK, 20230228);
	set_cell(&t, 1, C_SIST, CELL_OK, 20230301);
	set_cell(&t, 2, C_SIST, CELL_OK, 20240229);
	assert_int_equal(expr_eval(e, &t, 0, 20240229, NULL), 0);
	assert_int_equal(expr_eval(e, &t, 1, 20240229, NULL), 1);
	assert_int_equal(expr_eval(e, &t, 2, 20240229, NULL), 1);
	/* A mid-year R after a leap day, and the same expression with a new R. */
	set_cell(&t, 0, C_SIST, CELL_OK, 20240228);
	set_cell(&t, 1, C_SIST, CELL_OK, 20240229);
	assert_int_equal(expr_eval(e, &t, 0, 20250228, NULL), 0);
	assert_int_equal(expr_eval(e, &t, 1, 20250228, NULL), 1);
	assert_int_equal(expr_eval(e, &t, 1, 20240630, NULL), 1);
	expr_free(e);
	table_done(&t);
}

static void
test_window_start(void **state)
{
	(void)state;
	assert_int_equal(expr_window_start(20241231, 12, WINDOW_MONTHS), 20231231);
	assert_int_equal(expr_window_start(20240229, 12, WINDOW_MONTHS), 20230228);
	assert_int_equal(expr_window_start(20240331, 1, WINDOW_MONTHS), 20240229);
	assert_int_equal(expr_window_start(20240115, 1, WINDOW_MONTHS), 20231215);
	assert_int_equal(expr_window_start(20240301, 1, WINDOW_DAYS), 20240229);
	assert_int_equal(expr_window_start(20250101, 365, WINDOW_DAYS), 20240102);
}

static void
test_values(void **state)
{
	struct table t;
	struct expr *mal = parse_ok("status = aktiv and antall_mal >= 1", TABLE_PLANS);
	struct expr *bm = parse_ok("brukermedvirkning = ja", TABLE_PLANS);
	struct expr *nk = parse_ok("not koordinator = nei", TABLE_PLANS);
	struct expr *ko = parse_ok("koordinator != nei", TABLE_PLANS);
	struct expr *tj = parse_ok("tjenesteomrade = \"Psykisk helse\" or tjenesteomrade "
	    "matches \"^rus\\b\" or tjenesteomrade = \"BARN ÆØÅ\"", TABLE_PLANS);
	const char *missing;

	(void)state;
	table_make(&t, 4);
	set_cell(&t, 0, C_STATUS, CELL_OK, 1);
	set_cell(&t, 0, C_MAL, CELL_OK, 1);
	set_cell(&t, 0, C_BRUKER, CELL_OK, YES);
	set_cell(&t, 0, C_KOORD, CELL_OK, YES);
	set_text(&t, 0, C_TJENESTE, "  psykisk HELSE ");
	set_cell(&t, 1, C_STATUS, CELL_OK, 0);
	set_cell(&t, 1, C_MAL, CELL_OK, 3);
	set_cell(&t, 1, C_BRUKER, CELL_OK, PARTLY);
	set_cell(&t, 1, C_KOORD, CELL_OK, NO);
	set_text(&t, 1, C_TJENESTE, "Rus og psykisk helse");
	set_cell(&t, 2, C_STATUS, CELL_OK, 1);
	set_cell(&t, 2, C_MAL, CELL_OK, 0);
	set_cell(&t, 2, C_BRUKER, CELL_OK, NO);
	set_text(&t, 2, C_TJENESTE, "barn æøå");
	set_cell(&t, 3, C_STATUS, CELL_OK, 1);
	set_cell(&t, 3, C_MAL, CELL_INVALID, 0);
	set_text(&t, 3, C_TJENESTE, "Psykisk helse og rus");
	assert_int_equal(expr_bind(mal, &t, &missing), 0);
	assert_int_equal(expr_bind(bm, &t, &missing), 0);
	assert_int_equal(expr_bind(nk, &t, &missing), 0);
	assert_int_equal(expr_bind(ko, &t, &missing), 0);
	assert_int_equal(expr_bind(tj, &t, &missing), 0);
	assert_int_equal(expr_eval(mal, &t, 0, 20241231, NULL), 1);
	assert_int_equal(expr_eval(mal, &t, 1, 20241231, NULL), 0);	/* closed */
	assert_int_equal(expr_eval(mal, &t, 2, 20241231, NULL), 0);
	assert_int_equal(expr_eval(mal, &t, 3, 20241231, NULL), 0);	/* invalid */
	assert_int_equal(expr_eval(bm, &t, 0, 20241231, NULL), 1);
	assert_int_equal(expr_eval(bm, &t, 1, 20241231, NULL), 0);	/* delvis is not ja */
	assert_int_equal(expr_eval(bm, &t, 3, 20241231, NULL), 0);	/* empty */
	assert_int_equal(expr_eval(nk, &t, 3, 20241231, NULL), 1);	/* not (false) */
	assert_int_equal(expr_eval(ko, &t, 3, 20241231, NULL), 0);	/* empty: false */
	assert_int_equal(expr_eval(ko, &t, 0, 20241231, NULL), 1);
	assert_int_equal(expr_eval(tj, &t, 0, 20241231, NULL), 1);
	assert_int_equal(expr_eval(tj, &t, 1, 20241231, NULL), 1);
	assert_int_equal(expr_eval(tj, &t, 2, 20241231, NULL), 1);
	assert_int_equal(expr_eval(tj, &t, 3, 20241231, NULL), 0);
	expr_free(mal);
	expr_free(bm);
	expr_free(nk);
	expr_free(ko);
	expr_free(tj);
	table_done(&t);
}

static void
test_missing_column(void **state)
{
	struct table t;
	struct expr *e = parse_ok(updated, TABLE_PLANS);
	const char *missing = NULL;

	(void)state;
	table_make(&t, 1);
	t.cols[C_SIST].present = 0;
	assert_int_equal(expr_bind(e, &t, &missing), -1);
	assert_string_equal(missing, "sist_oppdatert");
	expr_free(e);
	table_done(&t);
}

static void
test_class(void **state)
{
	struct indicator_set set;
	struct diag d;
	struct table t;
	struct column col = { (char *)"IK1", COL_TEXT, 1, 0 };
	struct expr *rows = parse_ok("class(IK1) is set", TABLE_SURVEY);
	struct expr *num = parse_ok("class(ik1) = etablert", TABLE_SURVEY);
	const char *missing;
	static const char *const answers[] = { "Ja, det er på plass", "veit ikkje", "",
	    "kanskje", "Delvis" };
	static const int in_rows[] = { 1, 1, 0, 0, 1 }, in_num[] = { 1, 0, 0, 0, 0 };
	size_t i;

	(void)state;
	diag_init(&d, stderr);
	assert_int_equal(indicators_load(&set, IPKVAL_HOME "/indicators", &d), 0);
	memset(&t, 0, sizeof(t));
	t.kind = TABLE_SURVEY;
	t.ncols = 1;
	t.cols = &col;
	t.nrows = 5;
	t.cells = calloc(5, sizeof(*t.cells));
	buf_init(&t.text);
	buf_putc(&t.text, '\0');
	for (i = 0; i < 5; i++)
		if (answers[i][0] != '\0') {
			t.cells[i].state = CELL_OK;
			t.cells[i].v = (int32_t)t.text.len;
			buf_put(&t.text, answers[i], strlen(answers[i]) + 1);
		}
	assert_int_equal(expr_bind(rows, &t, &missing), 0);
	assert_int_equal(expr_bind(num, &t, &missing), 0);
	for (i = 0; i < 5; i++) {
		assert_int_equal(expr_eval(rows, &t, i, 20241231, &set), in_rows[i]);
		assert_int_equal(expr_eval(num, &t, i, 20241231, &set), in_num[i]);
	}
	expr_free(rows);
	expr_free(num);
	free(t.cells);
	buf_free(&t.text);
	indicators_free(&set);
	diag_free(&d);
}

static void
test_parse_errors(void **state)
{
	static const struct { const char *text; enum table_kind k; const char *want; } cases[] = {
		{ "sist_oppdatrt within 12 months", TABLE_PLANS,
		  "test:1:1: error: expected a column of planer" },
		{ "opprettet within 12 mnd", TABLE_PLANS,
		  "test:1:21: error: expected 'months', 'years' or 'days'" },
		{ "koordinator = kanskje", TABLE_PLANS,
		  "test:1:15: error: expected ja or nei (koordinator is a yes/no column), found "
		  "'kanskje'\n    koordinator = kanskje\n                  ^^^^^^^\n" },
		{ "(status = aktiv", TABLE_PLANS, "expected ')' to close the '(' of line 1, column 1" },
		{ "opprettet > 31.02.2024", TABLE_PLANS, "not a real date" },
		{ "antall_mal >= 1 og koordinator = ja", TABLE_PLANS,
		  "test:1:17: error: expected 'and', 'or' or the end of the condition, found 'og'" },
		{ "tjenesteomrade matches \"(rus\"", TABLE_PLANS, "expected a valid pattern" },
		{ "class(IK1) = ja", TABLE_SURVEY, "expected a class (etablert" },
		{ "class(status) = etablert", TABLE_ACTIONS, "expected a class (gjennomfort" },
		{ "class(koordinator) = etablert", TABLE_PLANS, "expected class() only" },
		{ "IK9 is set", TABLE_SURVEY, "expected a column of kartlegging" },
		{ "antall_mal within 12 months", TABLE_PLANS, "expected a date column" },
		{ "status < aktiv", TABLE_PLANS, "expected = or != with aktiv" },
		{ "", TABLE_PLANS, "expected a condition, found nothing" },
		{ "koordinator = \"ja", TABLE_PLANS, "that is never closed" },
		{ "mål = 1", TABLE_PLANS, "test:1:1: error: expected a column of planer" },
		{ "opprettet ≥ 1.1.2024", TABLE_PLANS, "test:1:11: error: expected 'is', 'within'" },
	};
	size_t i;
	char *out;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		out = parse_bad(cases[i].text, cases[i].k);
		if (strstr(out, cases[i].want) == NULL)
			fail_msg("%s\ngave\n%s\nwanted\n%s", cases[i].text, out, cases[i].want);
		free(out);
	}
}

static void
test_deep_nesting(void **state)
{
	char text[4096];
	size_t i;
	char *out;

	(void)state;
	for (i = 0; i < 1000; i++)
		text[i] = '(';
	strcpy(text + 1000, "koordinator = ja");
	out = parse_bad(text, TABLE_PLANS);
	assert_non_null(strstr(out, "more than 64 levels"));
	free(out);
}

static void
test_level(void **state)
{
	struct indicator ind;

	(void)state;
	memset(&ind, 0, sizeof(ind));
	ind.unit = UNIT_PERCENT;
	ind.god = 80;
	ind.middels = 50;
	ind.higher_is_better = 1;
	assert_int_equal(indicator_level(&ind, 4, 5), LEVEL_GOD);	/* exactly 80 */
	assert_int_equal(indicator_level(&ind, 399, 500), LEVEL_MIDDELS);	/* 79,8 */
	assert_int_equal(indicator_level(&ind, 7999, 10000), LEVEL_MIDDELS);	/* rounds to 80,0 */
	assert_int_equal(indicator_level(&ind, 1, 2), LEVEL_MIDDELS);
	assert_int_equal(indicator_level(&ind, 4999, 10000), LEVEL_LAV);
	assert_int_equal(indicator_level(&ind, 0, 0), LEVEL_LAV);
	ind.unit = UNIT_PER_1000;
	ind.god = 25;
	ind.middels = 10;
	assert_int_equal(indicator_level(&ind, 25, 1000), LEVEL_GOD);
	assert_int_equal(indicator_level(&ind, 249, 10000), LEVEL_LAV + 1);
	assert_int_equal(indicator_level(&ind, 9, 1000), LEVEL_LAV);
	ind.higher_is_better = 0;
	ind.god = 10;
	ind.middels = 25;
	assert_int_equal(indicator_level(&ind, 10, 1000), LEVEL_GOD);
	assert_int_equal(indicator_level(&ind, 20, 1000), LEVEL_MIDDELS);
	assert_int_equal(indicator_level(&ind, 26, 1000), LEVEL_LAV);
}

/* 170,000 plans x the 7 plan indicators x 5 years; prints the time (a number to watch, not a
 * pass/fail bound, since sanitizers slow it down several times). */
static void
test_speed(void **state)
{
	struct indicator_set set;
	struct diag d;
	struct table t;
	size_t i, r, y;
	const char *missing;
	long count = 0;
	struct timespec a, b;

	(void)state;
	diag_init(&d, stderr);
	assert_int_equal(indicators_load(&set, IPKVAL_HOME "/indicators", &d), 0);
	table_make(&t, 170000);
	for (r = 0; r < t.nrows; r++) {
		set_cell(&t, r, C_STATUS, CELL_OK, r % 7 != 0);
		set_cell(&t, r, C_OPPRETTET, CELL_OK, 20200101 + (int)(r % 5) * 10000);
		if (r % 3)
			set_cell(&t, r, C_SIST, CELL_OK, 20230615 + (int)(r % 2) * 10000);
		set_cell(&t, r, C_MAL, CELL_OK, (int32_t)(r % 4));
		set_cell(&t, r, C_BRUKER, CELL_OK, (int32_t)(r % 3));
		set_cell(&t, r, C_KOORD, CELL_OK, (int32_t)(r % 2));
		set_cell(&t, r, C_SAMTYKKE, CELL_OK, (int32_t)(r % 5 != 0));
		set_cell(&t, r, C_ANSVAR, CELL_OK, (int32_t)(r % 3 != 0));
	}
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (y = 0; y < 5; y++)
		for (i = 0; i < set.n; i++) {
			if (set.v[i].source != TABLE_PLANS)
				continue;
			if (expr_bind(set.v[i].rows, &t, &missing) == -1 ||
			    expr_bind(set.v[i].numerator, &t, &missing) == -1)
				fail();
			for (r = 0; r < t.nrows; r++)
				if (expr_eval(set.v[i].rows, &t, r, 20201231 + (int)y * 10000, &set))
					count += expr_eval(set.v[i].numerator, &t, r,
					    20201231 + (int)y * 10000, &set);
		}
	clock_gettime(CLOCK_MONOTONIC, &b);
	fprintf(stderr, "indicator_eval: 170000 plans x 7 plan indicators x 5 years: %.3f s (%ld)\n",
	    (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9, count);
	assert_true(count > 0);
	table_done(&t);
	indicators_free(&set);
	diag_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_window_edges),
		cmocka_unit_test(test_window_start),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_missing_column),
		cmocka_unit_test(test_class),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_level),
		cmocka_unit_test(test_speed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
