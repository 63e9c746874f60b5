/*
 * Colour contrast (WCAG 2.1, 1.4.3 and 1.4.11): every colour pair the pages (pdf.c) and the
 * charts (chart.c) draw has the contrast it needs: 4.5:1 for text, 3:1 for bars, lines and
 * markers. Also the ratio itself against WCAG's own examples.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include <cmocka.h>

#include "chart.h"
#include "contrast.h"
#include "pdf.h"

static void
test_ratio(void **state)
{
	(void)state;
	assert_true(contrast_ratio(0x000000, 0xFFFFFF) > 20.99);
	assert_true(contrast_ratio(0xFFFFFF, 0x000000) < 21.01);
	assert_true(contrast_ratio(0x777777, 0x777777) < 1.0001);
	/* #767676 is the lightest grey with 4.5:1 on white, #777777 is not. */
	assert_true(contrast_ratio(0x767676, 0xFFFFFF) >= 4.5);
	assert_true(contrast_ratio(0x777777, 0xFFFFFF) < 4.5);
}

static void
check(const struct contrast_pair *p, size_t n)
{
	size_t i, bad = 0;

	assert_true(n > 0);
	for (i = 0; i < n; i++) {
		double r = contrast_ratio(p[i].fg, p[i].bg);

		if (r < p[i].min) {
			fprintf(stderr, "%s: #%06X on #%06X has %.2f:1, needs %.1f:1\n",
			    p[i].what, p[i].fg, p[i].bg, r, p[i].min);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static void
test_pages(void **state)
{
	struct contrast_pair p[64];

	(void)state;
	check(p, pdf_contrast_pairs(p, 64));
}

static void
test_charts(void **state)
{
	struct contrast_pair p[512];
	size_t n;

	(void)state;
	n = chart_contrast_pairs(p, 512);
	assert_true(n < 512);	/* all of them */
	check(p, n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ratio),
		cmocka_unit_test(test_pages),
		cmocka_unit_test(test_charts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
