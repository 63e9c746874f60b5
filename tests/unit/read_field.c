/*
 * Unit tests of the reading layer's small parts: typed values (field.c), the identity-number
 * test, header folding and alias matching, encoding detection (text.c) and positioned CSV
 * records (csv.c), including positions after quoted line breaks and CRLF.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "csv.h"
#include "diag.h"
#include "field.h"
#include "model.h"
#include "text.h"
#include "util.h"

static void
test_dates(void **state)
{
	int32_t v = 0;

	(void)state;
	assert_int_equal(field_date("1.2.2024", &v), FIELD_OK);
	assert_int_equal(v, 20240201);
	assert_int_equal(field_date(" 31.12.2024 ", &v), FIELD_OK);
	assert_int_equal(v, 20241231);
	assert_int_equal(field_date("2024-02-29", &v), FIELD_OK);
	assert_int_equal(v, 20240229);
	assert_int_equal(field_date("05/06/2023", &v), FIELD_OK);
	assert_int_equal(v, 20230605);
	assert_int_equal(field_date("", &v), FIELD_EMPTY);
	assert_int_equal(field_date("  ", &v), FIELD_EMPTY);
	assert_int_equal(field_date("31.02.2024", &v), FIELD_BAD);
	assert_int_equal(field_date("29.02.2023", &v), FIELD_BAD);
	assert_int_equal(field_date("2024-13-01", &v), FIELD_BAD);
	assert_int_equal(field_date("1.2.24", &v), FIELD_BAD);
	assert_int_equal(field_date("2024/01/01", &v), FIELD_BAD);
	assert_int_equal(field_date("01.01-2024", &v), FIELD_BAD);
	assert_int_equal(field_date("i fjor", &v), FIELD_BAD);
	assert_int_equal(field_date("45292", &v), FIELD_BAD);
	assert_int_equal(field_date("01.01.2024x", &v), FIELD_BAD);
}

static void
test_yesno_status_count(void **state)
{
	int32_t v = -1;

	(void)state;
	assert_int_equal(field_yesno(" JA ", &v), FIELD_OK);
	assert_int_equal(v, YES);
	assert_int_equal(field_yesno("x", &v), FIELD_OK);
	assert_int_equal(v, YES);
	assert_int_equal(field_yesno("Usann", &v), FIELD_OK);
	assert_int_equal(v, NO);
	assert_int_equal(field_yesno("", &v), FIELD_EMPTY);
	assert_int_equal(field_yesno("kanskje", &v), FIELD_BAD);
	assert_int_equal(field_yesno("delvis", &v), FIELD_BAD);
	assert_int_equal(field_partly("Delvis", &v), FIELD_OK);
	assert_int_equal(v, PARTLY);
	assert_int_equal(field_partly("ja", &v), FIELD_OK);
	assert_int_equal(v, YES);
	assert_int_equal(field_status(" Aktiv", &v), FIELD_OK);
	assert_int_equal(v, 1);
	assert_int_equal(field_status("avslutta", &v), FIELD_OK);
	assert_int_equal(v, 0);
	assert_int_equal(field_status("CLOSED", &v), FIELD_OK);
	assert_int_equal(v, 0);
	assert_int_equal(field_status("pause", &v), FIELD_BAD);
	assert_int_equal(field_count("3", &v), FIELD_OK);
	assert_int_equal(v, 3);
	assert_int_equal(field_count("4,0", &v), FIELD_OK);
	assert_int_equal(v, 4);
	assert_int_equal(field_count("2.5", &v), FIELD_BAD);
	assert_int_equal(field_count("-1", &v), FIELD_BAD);
	assert_int_equal(field_count("tre", &v), FIELD_BAD);
	/* No-break spaces around a value are spaces (Excel, word processors). */
	assert_int_equal(field_status("aktiv\xC2\xA0", &v), FIELD_OK);
	assert_int_equal(v, 1);
	assert_int_equal(field_yesno("\xE2\x80\xAF ja\xC2\xA0 ", &v), FIELD_OK);
	assert_int_equal(v, YES);
	assert_int_equal(field_yesno("\xC2\xA0", &v), FIELD_EMPTY);
	assert_int_equal(field_status("ak\xC2\xA0tiv", &v), FIELD_BAD);
	assert_int_equal(field_date("\xC2\xA0" "01.02.2024", &v), FIELD_OK);
	assert_int_equal(v, 20240201);
}

static void
test_population(void **state)
{
	static const struct { const char *s; enum field_result r; int32_t v; } cases[] = {
		{ "709037", FIELD_OK, 709037 }, { "709 037", FIELD_OK, 709037 },
		{ "291\xC2\xA0" "000", FIELD_OK, 291000 },
		{ "1\xE2\x80\xAF" "234\xE2\x80\xAF" "567", FIELD_OK, 1234567 },
		{ "1.234.567", FIELD_OK, 1234567 }, { "12.000", FIELD_OK, 12000 },
		{ " 709 037,00 ", FIELD_OK, 709037 }, { "709037.0", FIELD_OK, 709037 },
		{ "\xC2\xA0" "900", FIELD_OK, 900 }, { "", FIELD_EMPTY, 0 },
		{ "\xC2\xA0", FIELD_EMPTY, 0 },
		/* Groups are of three, with one kind of separator; no other fractions. */
		{ "70 9037", FIELD_BAD, 0 }, { "7090 37", FIELD_BAD, 0 },
		{ "1 234.567", FIELD_BAD, 0 }, { "1.234 567", FIELD_BAD, 0 },
		{ "1  234", FIELD_BAD, 0 }, { "1234 567", FIELD_BAD, 0 },
		{ "12,000", FIELD_BAD, 0 }, { "709,037", FIELD_BAD, 0 },
		{ "1.5", FIELD_BAD, 0 }, { "1.234.5", FIELD_BAD, 0 }, { "-5", FIELD_BAD, 0 },
		{ "1\t234", FIELD_BAD, 0 }, { "1 234 567 890", FIELD_BAD, 0 },
		{ "ca. 700", FIELD_BAD, 0 } };
	size_t i;
	int32_t v;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		v = -1;
		assert_int_equal(field_population(cases[i].s, &v), cases[i].r);
		if (cases[i].r == FIELD_OK)
			assert_int_equal(v, cases[i].v);
	}
}

static void
test_kommunenr(void **state)
{
	char nr[5];
	int padded;

	(void)state;
	assert_int_equal(field_kommunenr("0301", nr, &padded), FIELD_OK);
	assert_string_equal(nr, "0301");
	assert_int_equal(padded, 0);
	assert_int_equal(field_kommunenr(" 301 ", nr, &padded), FIELD_OK);
	assert_string_equal(nr, "0301");
	assert_int_equal(padded, 1);
	assert_int_equal(field_kommunenr("30", nr, &padded), FIELD_BAD);
	assert_int_equal(field_kommunenr("03011", nr, &padded), FIELD_BAD);
	assert_int_equal(field_kommunenr("Oslo", nr, &padded), FIELD_BAD);
	assert_int_equal(field_kommunenr("", nr, &padded), FIELD_EMPTY);
	assert_int_equal(field_kommunenr("\xC2\xA0" "0301", nr, &padded), FIELD_OK);
	assert_string_equal(nr, "0301");
	assert_int_equal(padded, 0);
}

static void
test_fnr(void **state)
{
	const char *s = "plan 01010100050 og 12345678901 og 010101000501";

	(void)state;
	assert_true(field_is_fnr("01010100050"));
	assert_false(field_is_fnr("01010100051"));
	assert_false(field_is_fnr("12345678901"));
	assert_int_equal(field_find_fnr(s, strlen(s)), 5);
	assert_int_equal(field_find_fnr(s + 16, strlen(s + 16)), -1);
	assert_int_equal(field_find_fnr("0101010005", 10), -1);
	assert_int_equal(field_find_fnr("01010100050", 11), 0);
	assert_int_equal(field_find_fnr("x01010100050", 12), 1);
	assert_int_equal(field_find_fnr("010101000501", 12), -1);
	assert_int_equal(field_find_fnr("0101010005 01010100050", 22), 11);
	assert_int_equal(field_find_fnr("123456789012345 01010100050;", 28), 16);
	/* Six digits, one space, five: as some systems print the number. */
	assert_int_equal(field_find_fnr("x 010101 00050;", 15), 2);
	assert_int_equal(field_find_fnr("150590 12387", 12), 0);
	assert_int_equal(field_find_fnr("010101  00050", 13), -1);
	assert_int_equal(field_find_fnr("0101010 00050", 13), -1);
	assert_int_equal(field_find_fnr("010101 000501", 13), -1);
	assert_int_equal(field_find_fnr("010101 00051", 12), -1);
	assert_int_equal(field_find_fnr("aaaaaaaaaaaaaaaaaaaaaaaaaaaaa 010101 00050", 42), 30);
}

/* The skipping search against the plain one, on random text full of digit runs. */
static long
naive_fnr(const char *s, size_t len)
{
	size_t i, j, k;
	char t[11];

	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9' || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9'))
			continue;
		for (j = i; j < len && s[j] >= '0' && s[j] <= '9'; j++)
			;
		if (j - i == 11 && field_is_fnr(s + i))
			return (long)i;
		if (j - i != 6 || j + 1 >= len || s[j] != ' ')
			continue;
		for (k = j + 1; k < len && s[k] >= '0' && s[k] <= '9'; k++)
			;
		if (k - j - 1 != 5)
			continue;
		memcpy(t, s + i, 6);
		memcpy(t + 6, s + j + 1, 5);
		if (field_is_fnr(t))
			return (long)i;
	}
	return -1;
}

static void
test_fnr_random(void **state)
{
	char s[200];
	unsigned int seed = 12345;
	int round, i;

	(void)state;
	for (round = 0; round < 20000; round++) {
		int len = (int)(rand_r(&seed) % 60);

		for (i = 0; i < len; i++)
			s[i] = rand_r(&seed) % 4 == 0 ? ";; "[rand_r(&seed) % 3] :
			    (char)('0' + rand_r(&seed) % 10);
		if (len > 12 && rand_r(&seed) % 2 == 0)
			memcpy(s + rand_r(&seed) % (unsigned)(len - 11), "01010100050", 11);
		else if (len > 13 && rand_r(&seed) % 2 == 0)
			memcpy(s + rand_r(&seed) % (unsigned)(len - 12), "010101 00050", 12);
		s[len] = '\0';
		assert_int_equal(field_find_fnr(s, (size_t)len), naive_fnr(s, (size_t)len));
	}
}

static void
test_fold_and_match(void **state)
{
	static const char *const names[] = { "tjenesteomrade", "plan_id", "kommunenr" };
	struct field_aliases a;
	struct buf b;
	struct diag d;

	(void)state;
	buf_init(&b);
	field_fold(" TJENESTE_OMRÅDE ", &b, 0);
	assert_string_equal(b.data, "tjenesteomrade");
	buf_reset(&b);
	field_fold("Ærlig-Øy å", &b, 0);
	assert_string_equal(b.data, "aerligoya");
	buf_reset(&b);
	field_fold("IK1. Fører kommunen?", &b, 1);
	assert_string_equal(b.data, "ik1forerkommunen");
	buf_reset(&b);
	/* Sami and other diacritics fold to the base letter. */
	field_fold("Porsáŋgu Čáhcesuolu Deanušaldi Snåasen tjïelte Ŧ Ž Đ ǥ ǩ ʒ é ö", &b, 1);
	assert_string_equal(b.data, "porsangucahcesuoludeanusaldisnaasentjieltetzdgkzeo");
	buf_free(&b);

	diag_init(&d, stderr);
	assert_int_equal(field_aliases_load(&a, IPKVAL_HOME "/indicators/kolonner.csv", &d), 0);
	assert_ptr_equal(field_match(&a, "Tjeneste område", names, 3), names[0]);
	assert_ptr_equal(field_match(&a, "Plan-ID", names, 3), names[1]);
	assert_ptr_equal(field_match(&a, "Kommunenummer", names, 3), names[2]);
	assert_ptr_equal(field_match(&a, "municipality number", names, 3), names[2]);
	assert_null(field_match(&a, "merknad", names, 3));
	/* An alias of a column the kind does not have does not match. */
	assert_null(field_match(&a, "folketall", names, 3));
	field_aliases_free(&a);
	diag_free(&d);
}

static void
test_shown(void **state)
{
	char out[FIELD_SHOWN], many[200];
	size_t i;

	(void)state;
	field_shown("kort", out);
	assert_string_equal(out, "kort");
	field_shown("æææææææææææææææææææææææææææææææææææææææææææææ", out);
	assert_string_equal(out, "ææææææææææææææææææææææææææææææææææææææææ...");
	field_shown("a\nb", out);
	assert_string_equal(out, "a b");
	/* A no-break space is shown: it is why "aktiv " was not read. */
	field_shown("aktiv\xC2\xA0x\xE2\x80\xAF", out);
	assert_string_equal(out, "aktiv<U+00A0>x<U+202F>");
	for (i = 0; i + 2 < sizeof(many); i += 2)
		memcpy(many + i, "\xC2\xA0", 2);
	many[i] = '\0';
	field_shown(many, out);
	assert_int_equal(strlen(out), 40 * 8 + 3);
}

static void
test_encodings(void **state)
{
	struct text t;
	struct diag d;
	FILE *f = tmpfile();
	char out[2048];
	size_t n;

	(void)state;
	assert_non_null(f);
	diag_init(&d, f);
	assert_int_equal(text_decode(&t, "\xEF\xBB\xBFkommunenr;x\n", 15, "a.csv", &d), 0);
	assert_int_equal(t.enc, TEXT_UTF8_BOM);
	assert_string_equal(t.data, "kommunenr;x\n");
	text_free(&t);
	assert_int_equal(text_decode(&t, "\xC5lesund", 7, "b.csv", &d), 0);
	assert_int_equal(t.enc, TEXT_CP1252);
	assert_string_equal(t.data, "Ålesund");
	assert_int_equal(d.count[DIAG_WARNING], 1);
	text_free(&t);
	assert_int_equal(text_decode(&t, "\xFF\xFE" "A\0\xE5\0\n\0", 8, "c.csv", &d), 0);
	assert_int_equal(t.enc, TEXT_UTF16LE);
	assert_string_equal(t.data, "Aå\n");
	text_free(&t);
	assert_int_equal(text_decode(&t, "ab\0c", 4, "d.csv", &d), -1);
	assert_int_equal(text_decode(&t, "ab\x81", 3, "e.csv", &d), -1);
	assert_int_equal(d.count[DIAG_ERROR], 2);
	/* Positions: in Windows-1252 every byte is a character; where iconv stopped, not
	 * where UTF-8 did; lines end at a lone CR too. */
	assert_int_equal(text_decode(&t, "a;S\xE6rlig\rb\r\nc;x\x81y", 17, "g.csv", &d), -1);
	/* UTF-16LE: an odd byte at the end, half a surrogate pair. */
	assert_int_equal(text_decode(&t, "\xFF\xFE" "a\0\n\0b\0c", 9, "h.csv", &d), -1);
	assert_int_equal(text_decode(&t, "\xFF\xFE" "a\0\n\0b\0\x00\xDC" "c\0", 12, "i.csv",
	    &d), -1);
	diag_free(&d);
	rewind(f);
	n = fread(out, 1, sizeof(out) - 1, f);
	out[n] = '\0';
	assert_non_null(strstr(out, "g.csv:3:4: error: expected UTF-8 or Windows-1252 text, "
	    "found the byte 0x81"));
	assert_non_null(strstr(out, "h.csv:2:2: error: expected UTF-16LE text after the byte "
	    "order mark (two bytes a character), found a single byte"));
	assert_non_null(strstr(out, "i.csv:2:2: error: expected UTF-16LE text after the byte "
	    "order mark, found half of a surrogate pair (0xDC00)"));
	fclose(f);
}

struct rec {
	char	text[64][32];
	long	line[64], col[64], eline[64], ecol[64];
	size_t	n;
	long	rowline[16];
	size_t	nrows;
};

static int
rec_row(void *arg, const struct csv_field *f, size_t n, long line)
{
	struct rec *r = arg;
	size_t i;

	r->rowline[r->nrows++] = line;
	for (i = 0; i < n && r->n < 64; i++, r->n++) {
		snprintf(r->text[r->n], sizeof(r->text[r->n]), "%s", f[i].s);
		r->line[r->n] = f[i].line;
		r->col[r->n] = f[i].col;
		r->eline[r->n] = f[i].eline;
		r->ecol[r->n] = f[i].ecol;
	}
	return 0;
}

static void
test_csv_positions(void **state)
{
	const char *s = "a;\"b;\r\nc\";æ\r\n\r\nd;;\"e\"\"f\"\n  g ;h";
	struct rec r;
	struct csv_sink sink = { rec_row, &r, NULL };
	struct csv_result res;
	struct diag d;

	(void)state;
	memset(&r, 0, sizeof(r));
	diag_init(&d, stderr);
	assert_int_equal(csv_read(s, strlen(s), ';', "x.csv", &sink, &d, &res), 0);
	assert_int_equal(res.rows_bad, 0);
	assert_int_equal(r.nrows, 3);
	assert_int_equal(r.n, 8);
	assert_string_equal(r.text[1], "b;\r\nc");
	assert_int_equal(r.line[1], 1);
	assert_int_equal(r.col[1], 3);
	assert_string_equal(r.text[2], "æ");
	assert_int_equal(r.line[2], 2);
	assert_int_equal(r.col[2], 4);
	assert_int_equal(r.rowline[1], 4);
	assert_string_equal(r.text[4], "");
	assert_int_equal(r.col[4], 3);
	assert_string_equal(r.text[5], "e\"f");
	assert_int_equal(r.col[5], 4);
	assert_string_equal(r.text[6], "g");
	assert_int_equal(r.line[6], 5);
	assert_int_equal(r.col[6], 1);
	assert_string_equal(r.text[7], "h");
	assert_int_equal(r.col[7], 6);
	/* Where fields end: the delimiter or line end after them, or the end of the text. */
	assert_int_equal(r.eline[1], 2);
	assert_int_equal(r.ecol[1], 3);
	assert_int_equal(r.ecol[2], 5);
	assert_int_equal(r.ecol[4], 3);
	assert_int_equal(r.eline[7], 5);
	assert_int_equal(r.ecol[7], 7);
	diag_free(&d);
}

/* Lone CR line ends (old Mac files), a line of spaces between records, an empty last
 * field after a quoted one at the end of the text, Excel's sep= line. */
static void
test_csv_line_ends(void **state)
{
	const char *s = "a;b\rc;\"d\r\"\r   \re;f\r\n\"g\";";
	const char *t = "sep=,\r\nx,y\n\n  \nz,\"w\"\n";
	struct rec r;
	struct csv_sink sink = { rec_row, &r, NULL };
	struct csv_result res;
	struct diag d;

	(void)state;
	memset(&r, 0, sizeof(r));
	diag_init(&d, stderr);
	assert_int_equal(csv_read(s, strlen(s), ';', "x.csv", &sink, &d, &res), 0);
	assert_int_equal(res.rows_bad, 0);
	assert_int_equal(r.nrows, 4);
	assert_int_equal(r.rowline[1], 2);
	assert_string_equal(r.text[3], "d\r");
	assert_int_equal(r.line[3], 2);
	assert_int_equal(r.col[3], 3);
	assert_int_equal(r.rowline[2], 5);
	assert_int_equal(r.line[4], 5);
	assert_int_equal(r.col[4], 1);
	assert_int_equal(r.line[6], 6);
	assert_int_equal(r.col[6], 1);
	assert_string_equal(r.text[7], "");
	assert_int_equal(r.line[7], 6);
	assert_int_equal(r.col[7], 5);
	assert_int_equal(csv_detect_delim(t, strlen(t)), ',');
	memset(&r, 0, sizeof(r));
	assert_int_equal(csv_read(t, strlen(t), ',', "y.csv", &sink, &d, &res), 0);
	assert_int_equal(r.nrows, 2);
	assert_string_equal(r.text[0], "x");
	assert_int_equal(r.line[0], 2);
	assert_int_equal(r.rowline[1], 5);
	assert_int_equal(r.col[3], 3);
	diag_free(&d);
}

static void
test_csv_errors(void **state)
{
	const char *s = "a;b\nc\"d;e\nf;g\nh;\"i\n";
	struct rec r;
	struct csv_sink sink = { rec_row, &r, NULL };
	struct csv_result res;
	struct diag d;
	FILE *f = tmpfile();
	char out[1024];
	size_t n;

	(void)state;
	memset(&r, 0, sizeof(r));
	diag_init(&d, f);
	assert_int_equal(csv_read(s, strlen(s), ';', "x.csv", &sink, &d, &res), 0);
	assert_int_equal(res.rows_bad, 2);
	assert_int_equal(r.nrows, 2);
	assert_string_equal(r.text[2], "f");
	assert_int_equal(r.line[2], 3);
	diag_free(&d);
	rewind(f);
	n = fread(out, 1, sizeof(out) - 1, f);
	out[n] = '\0';
	assert_non_null(strstr(out, "x.csv:2:2: error:"));
	assert_non_null(strstr(out, "x.csv:4:3: error:"));
	fclose(f);
	assert_int_equal(csv_detect_delim("a,b;c,d\n", 8), ',');
	assert_int_equal(csv_detect_delim("a\tb;c\td\n", 8), '\t');
	assert_int_equal(csv_detect_delim("\"a;b\",c\n", 8), ',');
	assert_int_equal(csv_detect_delim("abc\n", 4), ';');
	assert_int_equal(csv_detect_delim("\n \r\n a,b\n", 9), ',');
	assert_int_equal(csv_detect_delim("sep=\t\na;b\n", 10), '\t');
	assert_int_equal(csv_detect_delim("SEP=,", 5), ',');
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_yesno_status_count),
		cmocka_unit_test(test_population),
		cmocka_unit_test(test_kommunenr),
		cmocka_unit_test(test_fnr),
		cmocka_unit_test(test_fnr_random),
		cmocka_unit_test(test_fold_and_match),
		cmocka_unit_test(test_shown),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_csv_positions),
		cmocka_unit_test(test_csv_line_ends),
		cmocka_unit_test(test_csv_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
