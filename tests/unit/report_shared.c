/*
 * Unit tests of the pieces the three reports share (report.h) that need no results or
 * templates: the numbering of headings, the end of a value axis, threshold rounding,
 * status slots and marks, the order of overdue measures, the symbols a table used, and
 * how counts are grouped.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "report.h"

static void
test_heading_numbers(void **state)
{
	struct report_numbering nb = { 0, 0 };
	struct doc *doc = doc_new();

	(void)state;
	report_heading(&nb, doc, 1, "Samandrag");
	report_heading(&nb, doc, 2, "Planar");
	report_heading(&nb, doc, 2, "Mål");
	report_heading(&nb, doc, 1, "Vedlegg");
	report_heading(&nb, doc, 2, "Kjelder");
	assert_int_equal(doc->nblocks, 5);
	assert_string_equal(doc->blocks[0].text, "1 Samandrag");
	assert_int_equal(doc->blocks[0].level, 1);
	assert_string_equal(doc->blocks[1].text, "1.1 Planar");
	assert_string_equal(doc->blocks[2].text, "1.2 Mål");
	assert_int_equal(doc->blocks[2].level, 2);
	assert_string_equal(doc->blocks[3].text, "2 Vedlegg");
	assert_string_equal(doc->blocks[4].text, "2.1 Kjelder");
	doc_free(doc);
}

static void
count_is(long n, const char *want)
{
	struct buf b;

	buf_init(&b);
	report_count(n, &b);
	if (strcmp(b.data, want) != 0)
		fail_msg("report_count(%ld): expected '%s', found '%s'", n, want, b.data);
	buf_free(&b);
}

/* Counts: four digits stay together, from five a no-break space every three digits. */
static void
test_count(void **state)
{
	(void)state;
	count_is(0, "0");
	count_is(7, "7");
	count_is(999, "999");
	count_is(1000, "1000");
	count_is(1234, "1234");
	count_is(9999, "9999");
	count_is(10000, "10\xc2\xa0" "000");
	count_is(12345, "12\xc2\xa0" "345");
	count_is(123456, "123\xc2\xa0" "456");
	count_is(1234567, "1\xc2\xa0" "234\xc2\xa0" "567");
	count_is(-1234, "\xe2\x88\x92" "1234");
	count_is(-12345, "\xe2\x88\x92" "12\xc2\xa0" "345");
}

static void
test_axis_end(void **state)
{
	struct indicator pct, per1000;

	(void)state;
	memset(&pct, 0, sizeof(pct));
	memset(&per1000, 0, sizeof(per1000));
	pct.unit = UNIT_PERCENT;
	per1000.unit = UNIT_PER_1000;
	assert_int_equal(report_axis_end(&pct, 0), 1000);
	assert_int_equal(report_axis_end(&pct, 667), 1000);
	assert_int_equal(report_axis_end(&per1000, 0), 350);
	assert_int_equal(report_axis_end(&per1000, 349), 350);
	assert_int_equal(report_axis_end(&per1000, 350), 400);
	assert_int_equal(report_axis_end(&per1000, 412), 450);
	assert_int_equal(report_axis_end(&per1000, 450), 500);
}

static void
test_threshold10(void **state)
{
	(void)state;
	assert_int_equal(report_threshold10(80), 800);
	assert_int_equal(report_threshold10(2.5), 25);
	assert_int_equal(report_threshold10(2.45), 25);
	assert_int_equal(report_threshold10(0.04), 0);
	assert_int_equal(report_threshold10(-2.45), -25);
}

static void
test_status_slots(void **state)
{
	(void)state;
	assert_int_equal(report_status_slot(STATUS_DONE), 0);
	assert_int_equal(report_status_slot(STATUS_PROGRESS), 1);
	assert_int_equal(report_status_slot(STATUS_PLANNED), 2);
	assert_int_equal(report_status_slot(STATUS_NOT_STARTED), 3);
	assert_int_equal(report_status_slot(STATUS_UNKNOWN), 4);
	assert_int_equal(report_status_slot(42), 4);
	assert_int_equal(report_status_mark(0), DOC_MARK_GOOD);
	assert_int_equal(report_status_mark(1), DOC_MARK_MIDDLE);
	assert_int_equal(report_status_mark(2), DOC_MARK_LOW);	/* planned: not started */
	assert_int_equal(report_status_mark(3), DOC_MARK_LOW);
	assert_int_equal(report_status_mark(4), DOC_MARK_GREY);
	assert_int_equal(report_status_mark(99), DOC_MARK_GREY);
	assert_int_equal(report_status_tones[0], CHART_TONE_GOOD);
	assert_int_equal(report_status_tones[2], CHART_TONE_PLANNED);
	assert_int_equal(report_status_tones[4], CHART_TONE_NEUTRAL);
	/* Answer classes: "vet ikke" is a class of its own, apart from not answered. */
	assert_int_equal(counts_answer_slot(ANSWER_UNSURE), COUNT_UNSURE);
	assert_int_equal(counts_answer_slot(ANSWER_NONE), COUNT_UNANSWERED);
	assert_int_equal(report_answer_of_slot(COUNT_UNSURE), ANSWER_UNSURE);
	assert_int_equal(report_answer_tone(ANSWER_UNSURE), CHART_TONE_UNSURE);
	assert_int_equal(report_answer_tone(ANSWER_NONE), CHART_TONE_NEUTRAL);
	assert_int_equal(report_answer_mark(ANSWER_NOT), DOC_MARK_LOW);
}

static void
test_sort_measures(void **state)
{
	struct measure v[5];
	size_t idx[5] = { 0, 1, 2, 3, 4 };

	(void)state;
	memset(v, 0, sizeof(v));
	v[0] = (struct measure){ .kommune = 2, .line = 9, .deadline = 20240101 };
	v[1] = (struct measure){ .kommune = 1, .line = 5, .deadline = 20231231 };
	v[2] = (struct measure){ .kommune = 1, .line = 3, .deadline = 20240101 };
	v[3] = (struct measure){ .kommune = 2, .line = 7, .deadline = 20240101 };
	v[4] = (struct measure){ .kommune = 0, .line = 1, .deadline = 20240315 };
	report_sort_measures(idx, 5, v);
	assert_int_equal(idx[0], 1);
	assert_int_equal(idx[1], 2);
	assert_int_equal(idx[2], 3);
	assert_int_equal(idx[3], 0);
	assert_int_equal(idx[4], 4);
	report_sort_measures(idx, 0, v);
}

static void
test_note_fig(void **state)
{
	struct report_used u;
	struct figure f;

	(void)state;
	memset(&u, 0, sizeof(u));
	memset(&f, 0, sizeof(f));
	f.state = FIG_PUBLISHED;
	report_note_fig(&f, &u);
	assert_int_equal(u.hidden + u.missing + u.no_active + u.no_change, 0);
	f.state = FIG_NO_ACTIVE;
	report_note_fig(&f, &u);
	assert_int_equal(u.no_active, 1);
	assert_int_equal(u.missing, 1);
	assert_int_equal(u.hidden, 0);
	f.state = FIG_HIDDEN;
	report_note_fig(&f, &u);
	assert_int_equal(u.hidden, 1);
	/* A published figure too small for a level (min_n_niva) is noted for its footnote;
	 * a municipality's answer, which has no level either, is not. */
	f.state = FIG_PUBLISHED;
	f.level = LEVEL_NONE;
	f.answer = ANSWER_PROGRESS;
	report_note_fig(&f, &u);
	assert_int_equal(u.no_level, 0);
	f.answer = ANSWER_NONE;
	report_note_fig(&f, &u);
	assert_int_equal(u.no_level, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_heading_numbers),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_axis_end),
		cmocka_unit_test(test_threshold10),
		cmocka_unit_test(test_status_slots),
		cmocka_unit_test(test_sort_measures),
		cmocka_unit_test(test_note_fig),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
