/*
 * Unit tests of the reading layer's fast paths against plain reference versions: the
 * quote-free line split of csv.c against libcsv itself (fields) and a plain column count
 * (positions), the identity-number guard of field.c against a second plain reading of the
 * rule, the yes/no/status word matching against strcmp, and dates with and without
 * surrounding space. Inputs are random with a fixed seed. (tests/fuzz/csv_diff.c and
 * scan_diff.c do the same over fuzzed input.)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
/* libcsv itself, as the reference (-Isrc would find src/csv.h for <csv.h>). */
#include "/usr/include/csv.h"

#include "csv.h"
#include "diag.h"
#include "field.h"
#include "model.h"
#include "util.h"

/* A small fixed-seed generator (xorshift64*). */
static uint64_t
fast_rand(uint64_t *st)
{
	*st ^= *st >> 12;
	*st ^= *st << 25;
	*st ^= *st >> 27;
	return *st * 0x2545F4914F6CDD1DULL;
}

static size_t
fast_pick(uint64_t *st, size_t n)
{
	return (size_t)(fast_rand(st) % n);
}

/* ---- identity numbers ------------------------------------------------------------- */

/* The first run of exactly 11 digits, or of exactly 6, one space and exactly 5, that is
 * an identity number. */
static long
ref_find_fnr(const char *s, size_t len)
{
	size_t i = 0, k, e;
	char t[11];

	while (i < len) {
		if (s[i] < '0' || s[i] > '9') {
			i++;
			continue;
		}
		for (k = i; k < len && s[k] >= '0' && s[k] <= '9'; k++)
			;
		if (k - i == 11 && field_is_fnr(s + i))
			return (long)i;
		if (k - i == 6 && k < len && s[k] == ' ') {
			for (e = k + 1; e < len && s[e] >= '0' && s[e] <= '9'; e++)
				;
			if (e - k - 1 == 5) {
				memcpy(t, s + i, 6);
				memcpy(t + 6, s + k + 1, 5);
				if (field_is_fnr(t))
					return (long)i;
			}
		}
		i = k;
	}
	return -1;
}

/* Writes a valid identity number (11 digits) at s, or with `spaced` as 6 digits, a space
 * and 5 (12 bytes). */
static void
plant_fnr(uint64_t *st, char *s, int spaced)
{
	char t[12];

	do {
		int i;

		for (i = 0; i < 11; i++)
			t[i] = (char)('0' + fast_pick(st, 10));
		for (t[9] = '0'; t[9] <= '9' && !field_is_fnr(t); t[9]++)
			for (t[10] = '0'; t[10] < '9' && !field_is_fnr(t); t[10]++)
				;
	} while (!field_is_fnr(t));
	if (spaced) {
		memcpy(s, t, 6);
		s[6] = ' ';
		memcpy(s + 7, t + 6, 5);
	} else
		memcpy(s, t, 11);
}

static void
test_fnr_scan(void **state)
{
	static const char alphabet[] = "0123456789012345678901234567890123456789;-.\na    ";
	uint64_t st = 42;
	char buf[400];
	int round;

	(void)state;
	for (round = 0; round < 40000; round++) {
		size_t len = fast_pick(&st, sizeof(buf)), i;

		for (i = 0; i < len; i++)
			buf[i] = alphabet[fast_pick(&st, sizeof(alphabet) - 1)];
		if (len >= 11 && fast_pick(&st, 3) == 0)
			plant_fnr(&st, buf + fast_pick(&st, len - 10), 0);
		else if (len >= 12 && fast_pick(&st, 2) == 0)
			plant_fnr(&st, buf + fast_pick(&st, len - 11), 1);
		assert_int_equal(field_find_fnr(buf, len), ref_find_fnr(buf, len));
	}
}

/* ---- words and dates -------------------------------------------------------------- */

/* The length of a space at s (space, TAB, U+00A0, U+202F), or 0. */
static size_t
ref_space(const char *s, size_t n)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == '\t'))
		return 1;
	if (n >= 2 && memcmp(s, "\xC2\xA0", 2) == 0)
		return 2;
	if (n >= 3 && memcmp(s, "\xE2\x80\xAF", 3) == 0)
		return 3;
	return 0;
}

static int
ref_word(const char *s, const char *const *list)
{
	char t[80];
	size_t i = 0, n, k;

	n = strlen(s);
	while ((k = ref_space(s, n)) > 0) {
		s += k;
		n -= k;
	}
	for (i = 0; i < n; i++)
		t[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
	for (;;) {
		for (k = 3; k > 0; k--)
			if (n >= k && ref_space(t + n - k, k) == k)
				break;
		if (k == 0)
			break;
		n -= k;
	}
	if (n >= 16)
		return -1;
	t[n] = '\0';
	if (n == 0)
		return -2;
	for (i = 0; list[i] != NULL; i++)
		if (strcmp(t, list[i]) == 0)
			return 1;
	return 0;
}

static void
test_words(void **state)
{
	static const char *const pieces[] = { "ja", "JA", "Nei", "n", "X", "1", "0", "sann",
	    "usann", "TRUE", "false", "delvis", "Partly", "partially", "aktiv", "ACTIVE",
	    "avsluttet", "avslutta", "closed", " ", "\t", "j", "a", "\xC3\xA6", "yes", "no",
	    "-", "Y", "s", "e", "\xC2\xA0", "\xE2\x80\xAF" };
	static const char *const yes[] = { "ja", "j", "yes", "y", "x", "1", "sann", "true", NULL };
	static const char *const no[] = { "nei", "n", "no", "0", "usann", "false", NULL };
	static const char *const partly[] = { "delvis", "partly", "partially", NULL };
	static const char *const active[] = { "aktiv", "active", NULL };
	static const char *const closed[] = { "avsluttet", "avslutta", "closed", NULL };
	uint64_t st = 7;
	char s[80];
	int round;

	(void)state;
	for (round = 0; round < 20000; round++) {
		size_t k = fast_pick(&st, 4), i;
		enum field_result r, want;
		int32_t v = -1;
		int y, n, p, a, c;

		s[0] = '\0';
		for (i = 0; i <= k; i++)
			strcat(s, pieces[fast_pick(&st, sizeof(pieces) / sizeof(pieces[0]))]);
		y = ref_word(s, yes);
		n = ref_word(s, no);
		p = ref_word(s, partly);
		a = ref_word(s, active);
		c = ref_word(s, closed);
		want = y == -1 ? FIELD_BAD : y == -2 ? FIELD_EMPTY : (y || n) ? FIELD_OK : FIELD_BAD;
		r = field_yesno(s, &v);
		assert_int_equal(r, want);
		if (r == FIELD_OK)
			assert_int_equal(v, y ? YES : NO);
		r = field_partly(s, &v);
		assert_int_equal(r, want == FIELD_BAD && p == 1 ? FIELD_OK : want);
		if (r == FIELD_OK)
			assert_int_equal(v, p == 1 ? PARTLY : y ? YES : NO);
		r = field_status(s, &v);
		assert_int_equal(r, a == -1 ? FIELD_BAD : a == -2 ? FIELD_EMPTY :
		    (a || c) ? FIELD_OK : FIELD_BAD);
		if (r == FIELD_OK)
			assert_int_equal(v, a ? 1 : 0);
	}
}

static void
test_dates(void **state)
{
	static const char digits[] = "0123456789012345678901234567890123456789.-/ ";
	uint64_t st = 99;
	char s[16], padded[20];
	int round;

	(void)state;
	for (round = 0; round < 50000; round++) {
		int32_t a = -1, b = -1;
		size_t i;

		if (fast_pick(&st, 2) == 0)
			snprintf(s, sizeof(s), "%02d.%02d.%04d", (int)fast_pick(&st, 33),
			    (int)fast_pick(&st, 14), 1890 + (int)fast_pick(&st, 1200));
		else
			snprintf(s, sizeof(s), "%04d-%02d-%02d", 1890 + (int)fast_pick(&st, 1200),
			    (int)fast_pick(&st, 14), (int)fast_pick(&st, 33));
		if (fast_pick(&st, 4) == 0)
			s[fast_pick(&st, 10)] = digits[fast_pick(&st, sizeof(digits) - 1)];
		for (i = 0; i < 10; i++)
			if (s[i] == ' ')
				s[i] = '0';
		/* A leading space changes nothing. */
		snprintf(padded, sizeof(padded), " %s", s);
		assert_int_equal(field_date(s, &a), field_date(padded, &b));
		assert_int_equal(a, b);
	}
}

/* ---- CSV lines -------------------------------------------------------------------- */

struct fast_rec {
	struct buf	 got;
};

/* Records fields and positions as text: "line:col=[value]" per field, "|" per record. */
static int
fast_row(void *arg, const struct csv_field *f, size_t n, long line)
{
	struct fast_rec *r = arg;
	size_t i;

	(void)line;
	for (i = 0; i < n; i++)
		buf_printf(&r->got, "%ld:%ld=[%s]", f[i].line, f[i].col, f[i].s);
	buf_putc(&r->got, '|');
	return 0;
}

struct fast_ref {
	struct buf	 got;
};

static int
fast_space_only(unsigned char c)
{
	return c == ' ';
}

static void
fast_ref_field(void *p, size_t len, void *arg)
{
	struct fast_ref *r = arg;

	buf_printf(&r->got, "[%.*s]", (int)len, (const char *)p);
}

static void
fast_ref_row(int c, void *arg)
{
	struct fast_ref *r = arg;

	(void)c;
	buf_putc(&r->got, '|');
}

/* The fields libcsv gives s, in the form fast_row writes without positions, and the
 * positions a plain count gives a quote-free text (as fast_row writes them; lines end at
 * LF, CRLF and a lone CR). */
static void
fast_reference(const char *s, size_t len, char delim, struct buf *fields, struct buf *pos)
{
	struct csv_parser p;
	struct fast_ref r;
	long line = 1, col = 1;
	size_t i;
	int start = 1;

	memset(&r, 0, sizeof(r));
	buf_init(&r.got);
	assert_int_equal(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL), 0);
	csv_set_delim(&p, (unsigned char)delim);
	if (delim == '\t')
		csv_set_space_func(&p, fast_space_only);
	assert_int_equal(csv_parse(&p, s, len, fast_ref_field, fast_ref_row, &r), len);
	assert_int_equal(csv_fini(&p, fast_ref_field, fast_ref_row, &r), 0);
	csv_free(&p);
	buf_put(fields, r.got.data != NULL ? r.got.data : "", r.got.len);
	buf_free(&r.got);
	buf_putc(pos, ';');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (start && c != '\n' && c != '\r') {
			buf_printf(pos, "%ld:%ld;", line, col);
			start = 0;
		}
		if (c == (unsigned char)delim) {
			col++;
			buf_printf(pos, "%ld:%ld;", line, col);
			continue;
		}
		/* A line ends at LF, CRLF or a lone CR, as an editor has it. */
		if (c == '\n' || (c == '\r' && (i + 1 >= len || s[i + 1] != '\n'))) {
			line++;
			col = 1;
			start = 1;
		} else if ((c & 0xC0) != 0x80 && c != '\r')
			col++;
	}
}

/* Splits what fast_row wrote into its values and its positions. */
static void
fast_split(const char *got, struct buf *fields, struct buf *pos)
{
	const char *p = got;

	while (*p != '\0') {
		if (*p == '|') {
			buf_putc(fields, '|');
			p++;
			continue;
		}
		{
			const char *eq = strchr(p, '='), *end = strchr(eq, ']');

			buf_put(pos, p, (size_t)(eq - p));
			buf_putc(pos, ';');
			buf_put(fields, eq + 1, (size_t)(end - eq));
			p = end + 1;
		}
	}
}

static void
test_csv_lines(void **state)
{
	static const char *const pieces[] = { "ja", "0301", " ", "\t", "\xC3\xA6\xC3\xB8",
	    "IP-2024-000001", "31.12.2024", "x y", "\xE2\x82\xAC", "", "   " };
	static const char delims[] = { ';', ',', '\t' };
	uint64_t st = 2024;
	int round;

	(void)state;
	for (round = 0; round < 3000; round++) {
		char delim = delims[fast_pick(&st, 3)];
		struct buf text, want, wantpos, gotf, gotpos;
		struct fast_rec rec;
		struct csv_sink sink = { fast_row, &rec, NULL };
		struct csv_result res;
		struct diag d;
		size_t lines = 1 + fast_pick(&st, 6), i, j, nf;
		FILE *devnull = fopen("/dev/null", "w");

		buf_init(&text);
		for (i = 0; i < lines; i++) {
			nf = fast_pick(&st, 6);
			for (j = 0; j < nf; j++) {
				buf_puts(&text, pieces[fast_pick(&st, sizeof(pieces) /
				    sizeof(pieces[0]))]);
				if (j + 1 < nf || fast_pick(&st, 5) == 0)
					buf_putc(&text, delim);
			}
			if (i + 1 < lines || fast_pick(&st, 2) == 0)
				buf_puts(&text, (const char *[]){ "\r\n", "\n", "\n", "\r" }
				    [fast_pick(&st, 4)]);
		}
		buf_init(&want);
		buf_init(&wantpos);
		buf_init(&gotf);
		buf_init(&gotpos);
		memset(&rec, 0, sizeof(rec));
		buf_init(&rec.got);
		fast_reference(text.data != NULL ? text.data : "", text.len, delim, &want,
		    &wantpos);
		diag_init(&d, devnull);
		assert_int_equal(csv_read(text.data != NULL ? text.data : "", text.len, delim,
		    "x.csv", &sink, &d, &res), 0);
		assert_int_equal(res.rows_bad, 0);
		fast_split(rec.got.data != NULL ? rec.got.data : "", &gotf, &gotpos);
		assert_string_equal(gotf.data != NULL ? gotf.data : "",
		    want.data != NULL ? want.data : "");
		/* Every field's position is where a plain count puts a field start. */
		{
			const char *p = gotpos.data != NULL ? gotpos.data : "";

			while (*p != '\0') {
				const char *semi = strchr(p, ';');
				char one[32];

				snprintf(one, sizeof(one), ";%.*s;", (int)(semi - p), p);
				assert_non_null(strstr(wantpos.data, one));
				p = semi + 1;
			}
		}
		diag_free(&d);
		fclose(devnull);
		buf_free(&text);
		buf_free(&want);
		buf_free(&wantpos);
		buf_free(&gotf);
		buf_free(&gotpos);
		buf_free(&rec.got);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fnr_scan),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_csv_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
