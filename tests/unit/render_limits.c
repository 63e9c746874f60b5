/*
 * Unit tests of rendering at hostile sizes, each of which once cost the square of its
 * size: a chart label of tens of thousands of characters (shortened with an ellipsis, or
 * split in two lines at a space), and a text of hundreds of thousands of distinct
 * characters the fonts lack (each said once). A watchdog (alarm) fails a test that takes
 * minutes, as these did (the characters: 21 s unsanitized); now each takes a fraction of
 * a second, and the watchdog allows 20.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "chart.h"
#include "diag.h"
#include "doc.h"
#include "layout.h"
#include "pdf.h"
#include "util.h"
#include "unit_pdf.h"

/* A horizontal bar chart of two municipalities, the first named `name`, written to a PDF
 * whose text is returned. */
static char *
chart_pdf_text(const char *name)
{
	static const struct chart_value v[] = { CHART_VAL(667), CHART_VAL(712) };
	const char *const cats[] = { name, "Stranda" };
	struct doc *d = doc_new();
	struct diag dg;
	char *path = xasprintf("/tmp/ipkval-render-limits-%ld.pdf", (long)getpid()), *cmd, *text;

	diag_init(&dg, stderr);
	doc_chart(d, chart_new(&(struct chart_spec){ .kind = CHART_BAR, .horizontal = 1,
	    .title = "Planer oppdatert", .ncat = 2, .categories = cats, .nseries = 1,
	    .series = (const char *const[]){ "2024" }, .values = v }), 0);
	alarm(20);
	assert_int_equal(pdf_write(d, path, fonts_dir(), &dg), 0);
	alarm(0);
	cmd = xasprintf("pdftotext -enc UTF-8 '%s' -", path);
	text = run_ok(cmd);
	unlink(path);
	free(cmd);
	free(path);
	diag_free(&dg);
	doc_free(d);
	return text;
}

/* One word of 40,000 characters: the label is its start and an ellipsis. */
static void
test_long_word_label(void **state)
{
	char *name = xmalloc(40001), *text;

	(void)state;
	memcpy(name, "Lang", 4);
	memset(name + 4, 'x', 39996);
	name[40000] = '\0';
	text = chart_pdf_text(name);
	assert_non_null(strstr(text, "Langxxxx"));
	assert_non_null(strstr(text, "x\xE2\x80\xA6"));
	assert_null(strstr(text, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
	assert_non_null(strstr(text, "Stranda"));
	free(text);
	free(name);
}

/* 8,000 words: the label is split in two lines, the second shortened. */
static void
test_many_words_label(void **state)
{
	struct buf b;
	char *text;
	size_t i;

	(void)state;
	buf_init(&b);
	for (i = 0; i < 8000; i++)
		buf_printf(&b, "%sord%zu", i > 0 ? " " : "", i);
	text = chart_pdf_text(b.data);
	assert_non_null(strstr(text, "ord0 ord1"));
	assert_non_null(strstr(text, "\xE2\x80\xA6"));
	assert_null(strstr(text, "ord7999"));
	free(text);
	buf_free(&b);
}

/* 300,000 distinct characters the fonts lack, each said once, then none again. */
static void
test_many_lost_characters(void **state)
{
	struct layout_lost lost;
	struct diag dg;
	FILE *null = fopen("/dev/null", "w");
	unsigned int cp, n = 0;

	(void)state;
	assert_non_null(null);
	memset(&lost, 0, sizeof(lost));
	diag_init(&dg, null);
	alarm(20);
	for (cp = 0x20000; n < 300000; cp++, n++)
		layout_lost_say(&lost, &dg, "t.pdf", cp, "font", "x");
	for (cp = 0x20000, n = 0; n < 300000; cp++, n++)
		layout_lost_say(&lost, &dg, "t.pdf", cp, "font", "x");
	alarm(0);
	assert_int_equal(dg.count[DIAG_WARNING], 300000);
	layout_lost_free(&lost);
	diag_free(&dg);
	fclose(null);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_long_word_label),
		cmocka_unit_test(test_many_words_label),
		cmocka_unit_test(test_many_lost_characters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
