/*
 * Unit tests of stats.c: the z of a confidence level, Wilson intervals at 0, n and inside,
 * Newcombe's interval of a difference, and the verdict just inside and just outside the
 * interval (pairs of counts whose interval ends within 1e-6 of 0, found with an
 * independent computation). Also reading indicators/usikkerhet.txt with its errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "stats.h"

static struct stats_params p95;

static int
setup(void **state)
{
	(void)state;
	stats_params_set(&p95, 95.0);
	return 0;
}

static void
test_z(void **state)
{
	struct stats_params p;

	(void)state;
	assert_true(p95.z > 1.959963984 && p95.z < 1.959963985);
	stats_params_set(&p, 90.0);
	assert_true(p.z > 1.644853626 && p.z < 1.644853628);
	stats_params_set(&p, 99.0);
	assert_true(p.z > 2.575829303 && p.z < 2.575829305);
}

static void
test_wilson(void **state)
{
	struct stats_interval w;

	(void)state;
	w = stats_wilson(0, 10, p95.z);
	assert_true(w.lo == 0.0);
	assert_true(w.hi > 0.2775327 && w.hi < 0.2775329);
	w = stats_wilson(10, 10, p95.z);
	assert_true(w.hi == 1.0);
	assert_true(w.lo > 0.7224671 && w.lo < 0.7224673);
	w = stats_wilson(11, 15, p95.z);
	assert_true(w.lo > 0.4804956 && w.lo < 0.4804958);
	assert_true(w.hi > 0.8910254 && w.hi < 0.8910256);
	w = stats_wilson(2, 3, p95.z);
	assert_true(w.lo > 0.2076595 && w.lo < 0.2076597);
	assert_true(w.hi > 0.9385080 && w.hi < 0.9385082);
}

static void
test_difference(void **state)
{
	struct stats_interval d;

	(void)state;
	d = stats_difference(11, 25, 51, 200, p95.z);
	assert_true(d.lo > 1.3e-7 && d.lo < 1.5e-7);
	d = stats_difference(47, 59, 674, 1000, p95.z);
	assert_true(d.lo < -4.6e-8 && d.lo > -4.9e-8);
	d = stats_difference(1, 1, 0, 1, p95.z);
	assert_true(d.lo > -0.1222 && d.lo < -0.1220);
	assert_true(d.hi > 0.9999999);
}

static void
test_verdicts(void **state)
{
	(void)state;
	/* Just outside the interval: beyond chance, both ways round. */
	assert_int_equal(stats_compare(11, 25, 51, 200, &p95), STATS_HIGHER);
	assert_int_equal(stats_compare(51, 200, 11, 25, &p95), STATS_LOWER);
	/* Just inside: the interval holds 0 by 5e-8. */
	assert_int_equal(stats_compare(47, 59, 674, 1000, &p95), STATS_SAME);
	assert_int_equal(stats_compare(674, 1000, 47, 59, &p95), STATS_SAME);
	/* One more plan in the numerator moves 11 of 25 against 52 of 200 inside. */
	assert_int_equal(stats_compare(11, 25, 52, 200, &p95), STATS_SAME);
	/* 15 of 20 against 50 of 100 is beyond chance, 14 of 20 is not; 5 of 20 lower. */
	assert_int_equal(stats_compare(15, 20, 50, 100, &p95), STATS_HIGHER);
	assert_int_equal(stats_compare(14, 20, 50, 100, &p95), STATS_SAME);
	assert_int_equal(stats_compare(5, 20, 50, 100, &p95), STATS_LOWER);
	assert_int_equal(stats_compare(6, 20, 50, 100, &p95), STATS_SAME);
	/* Aukra's 11 of 15 (73,3 %) against the rest of its county (about 73,0 %). */
	assert_int_equal(stats_compare(11, 15, 1289, 1765, &p95), STATS_SAME);
	/* One answer of one municipality changing: no difference beyond chance. */
	assert_int_equal(stats_compare(1, 1, 0, 1, &p95), STATS_SAME);
	/* The same share is the same, whatever the counts. */
	assert_int_equal(stats_compare(2, 4, 500, 1000, &p95), STATS_SAME);
	assert_int_equal(stats_compare(0, 1000, 0, 1000, &p95), STATS_SAME);
	/* No counts, no verdict. */
	assert_int_equal(stats_compare(0, 0, 1, 2, &p95), STATS_NONE);
	assert_int_equal(stats_compare(3, 2, 1, 2, &p95), STATS_NONE);
	assert_int_equal(stats_compare(1, 2, -1, 2, &p95), STATS_NONE);
	/* A wider level needs more. */
	{
		struct stats_params p99;

		stats_params_set(&p99, 99.0);
		assert_int_equal(stats_compare(15, 20, 50, 100, &p99), STATS_SAME);
	}
}

/* Writes text to dir/usikkerhet.txt. */
static void
write_params(const char *dir, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/usikkerhet.txt", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Loads dir/usikkerhet.txt with messages into a memory stream; returns the messages. */
static char *
load(const char *dir, struct stats_params *p, int *rc)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	struct diag d;

	diag_init(&d, f);
	*rc = stats_load(p, dir, &d);
	diag_flush(&d);
	diag_free(&d);
	fclose(f);
	return out;
}

static void
test_load(void **state)
{
	/* The file, the result, the level then in force and a message the run must say. */
	static const struct {
		const char	*text;
		int		 rc;
		double		 level;
		const char	*msg;
	} cases[] = {
		{ "# kommentar\n\nkonfidensnivå = 90\n", 0, 90.0, NULL },
		{ "konfidensniva = 99,5\r\n", 0, 99.5, NULL },
		{ "konfidensnivå = 100\n", -1, 95.0, "usikkerhet.txt:1:17: error: expected a "
		    "confidence level in percent from 50 to 99,99 (such as 95), found '100'" },
		{ "nivå = 95\n", -1, 95.0, "usikkerhet.txt:1:1: error: expected the key "
		    "konfidensnivå, found 'nivå'" },
		{ "konfidensnivå 95\n", -1, 95.0, "usikkerhet.txt:1:1: error: expected "
		    "`konfidensnivå = 95`, found no '='" },
		{ NULL, -1, 95.0, "usikkerhet.txt" },		/* no file */
	};
	char dir[] = "/tmp/ipkval-stats-XXXXXX", path[512];
	struct stats_params p;
	size_t i;
	char *msg;
	int rc;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/usikkerhet.txt", dir);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (cases[i].text != NULL)
			write_params(dir, cases[i].text);
		else
			unlink(path);
		msg = load(dir, &p, &rc);
		assert_int_equal(rc, cases[i].rc);
		assert_true(p.level == cases[i].level);
		if (cases[i].msg == NULL)
			assert_string_equal(msg, "");
		else
			assert_non_null(strstr(msg, cases[i].msg));
		free(msg);
	}
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_z),
		cmocka_unit_test(test_wilson),
		cmocka_unit_test(test_difference),
		cmocka_unit_test(test_verdicts),
		cmocka_unit_test(test_load),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
