/*
 * Line breaking (layout.c) with a monospaced measure: every character is 0.5 em wide, so
 * at 10 pt a character takes 5 pt and a 40 pt line holds 8 characters.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "layout.h"
#include "util.h"

struct probe {
	unsigned int	 lost[8];
	int		 nlost;
};

static double
mono_width(void *arg, int bold, const char *s, size_t len)
{
	(void)arg;
	(void)bold;
	return 0.5 * (double)utf8_len(s, len);
}

/* The "font" has Latin-1 and U+2010-U+2027, not U+202F (like the shipped subset). */
static int
mono_has(void *arg, int bold, unsigned int cp)
{
	(void)arg;
	(void)bold;
	return (cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp <= 0x24F) ||
	    (cp >= 0x2010 && cp <= 0x2027);
}

static void
mono_lost(void *arg, unsigned int cp, const char *why, const char *text)
{
	struct probe *p = arg;

	(void)why;
	(void)text;
	if (p->nlost < 8)
		p->lost[p->nlost++] = cp;
}

/* The lines of text wrapped at width, joined with '|'; bold segments in [ ]. */
static char *
wrap(const char *text, int markup, double width, struct probe *p)
{
	struct layout_ops ops = { p, mono_width, mono_has, mono_lost };
	struct layout_text t;
	struct buf b;
	size_t i, k;

	layout_init(&t, &ops, text, markup, 0, 10);
	layout_wrap(&t, &ops, width);
	buf_init(&b);
	for (i = 0; i < t.nlines; i++) {
		if (i > 0)
			buf_putc(&b, '|');
		for (k = t.lines[i].seg0; k < t.lines[i].seg0 + t.lines[i].nseg; k++) {
			const struct layout_seg *s = &t.segs[k];

			if (s->bold)
				buf_putc(&b, '[');
			buf_put(&b, t.s.data + s->off, s->len);
			if (s->bold)
				buf_putc(&b, ']');
		}
		assert_true(t.lines[i].w <= width + 0.01 || t.lines[i].nseg == 1);
	}
	buf_putc(&b, '\0');
	layout_free(&t);
	return buf_take(&b);
}

static void
check(const char *text, int markup, double width, const char *want)
{
	struct probe p = { { 0 }, 0 };
	char *got = wrap(text, markup, width, &p);

	assert_string_equal(got, want);
	free(got);
}

static void
test_spaces(void **state)
{
	(void)state;
	check("aaa bbb ccc", 0, 40, "aaa bbb|ccc");
	check("  aaa    bbb  ", 0, 40, "aaa bbb");
	check("aaa bbb ccc ddd", 0, 1000, "aaa bbb ccc ddd");
	check("", 0, 40, "");
	check("   ", 0, 40, "");
}

static void
test_no_break_spaces(void **state)
{
	(void)state;
	/* "66,7 %" (U+00A0) and "1 234" (U+202F, shown as U+00A0) stay whole */
	check("ab 66,7\xC2\xA0%", 0, 40, "ab|66,7\xC2\xA0%");
	check("ab 1\xE2\x80\xAF" "234", 0, 35, "ab|1\xC2\xA0" "234");
	/* too wide for the line: broken at the no-break spaces before inside a number */
	check("29,1\xC2\xA0per\xC2\xA0" "1000", 0, 45, "29,1\xC2\xA0per|1000");
	check("29,1\xC2\xA0per\xC2\xA0" "1000", 0, 25, "29,1|per|1000");
	check("x 29,1\xC2\xA0per\xC2\xA0" "1000", 0, 25, "x|29,1|per|1000");
	check("29,1\xC2\xA0per\xC2\xA0" "1000", 0, 15, "29,|1|per|100|0");
}

static void
test_long_word(void **state)
{
	(void)state;
	check("abcdefghij", 0, 20, "abcd|efgh|ij");
	check("x abcdefghij y", 0, 20, "x|abcd|efgh|ij y");
	check("Porsáŋgu", 0, 20, "Pors|áŋgu");
}

static void
test_hyphen(void **state)
{
	(void)state;
	check("Intern-kontroll", 0, 40, "Intern-|kontroll");
	check("25-30 per", 0, 30, "25-30|per");
	check("Porsanger - Porsáŋgu", 0, 60, "Porsanger -|Porsáŋgu");
}

static void
test_markup(void **state)
{
	(void)state;
	check("a **bold** c", 1, 1000, "a [bold] c");
	check("a **bold** c", 0, 1000, "a **bold** c");
	check("x ** y", 1, 1000, "x ** y");
	check("**66,7\xC2\xA0%** av", 1, 1000, "[66,7\xC2\xA0%] av");
}

static void
test_newlines(void **state)
{
	(void)state;
	check("one\ntwo", 0, 1000, "one|two");
	check("one\n\ntwo\n", 0, 1000, "one||two");
	check("\r\none \r\ntwo", 0, 1000, "one|two");
}

static void
test_lost(void **state)
{
	struct probe p = { { 0 }, 0 };
	char *got;

	(void)state;
	got = wrap("a\xF0\x9F\x98\x80 中 \x07 \xFF", 0, 1000, &p);
	assert_string_equal(got, "a? ? ?");
	assert_int_equal(p.nlost, 4);
	assert_int_equal(p.lost[0], 0x1F600);
	assert_int_equal(p.lost[1], 0x4E2D);
	assert_int_equal(p.lost[2], 0x07);
	free(got);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spaces),
		cmocka_unit_test(test_no_break_spaces),
		cmocka_unit_test(test_long_word),
		cmocka_unit_test(test_hyphen),
		cmocka_unit_test(test_markup),
		cmocka_unit_test(test_newlines),
		cmocka_unit_test(test_lost),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
