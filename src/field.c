/*
 * Typed values and header matching (see field.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "field.h"
#include "model.h"
#include "text.h"

static int
field_isdigit(char c)
{
	return c >= '0' && c <= '9';
}

/* The length of the space at s: a space or TAB (1), a no-break space U+00A0 (2) or a
 * narrow no-break space U+202F (3), as Excel and word processors write around values and
 * between digit groups; 0 when s begins with none. */
static inline size_t
field_space_at(const char *s)
{
	unsigned char c = (unsigned char)s[0];

	if (c < 0x80)
		return c == ' ' || c == '\t';
	if (c == 0xC2 && s[1] == '\xA0')
		return 2;
	if (c == 0xE2 && s[1] == '\x80' && s[2] == '\xAF')
		return 3;
	return 0;
}

/* The length of the space that ends s[0, n), as field_space_at; 0 when none does. */
static inline size_t
field_space_before(const char *s, size_t n)
{
	unsigned char c = n > 0 ? (unsigned char)s[n - 1] : 0;

	if (c < 0x80)
		return c == ' ' || c == '\t';
	if (c == 0xA0 && n >= 2 && s[n - 2] == '\xC2')
		return 2;
	if (c == 0xAF && n >= 3 && s[n - 3] == '\xE2' && s[n - 2] == '\x80')
		return 3;
	return 0;
}

const char *
field_trim(const char *s, size_t *len)
{
	size_t k, n;

	while ((k = field_space_at(s)) > 0)
		s += k;
	n = strlen(s);
	while ((k = field_space_before(s, n)) > 0)
		n -= k;
	*len = n;
	return s;
}

/* Copies s without surrounding space, lowercased (ASCII), into t (size n). Returns the
 * length, or -1 when it does not fit. */
static int
field_lower(const char *s, char *t, size_t n)
{
	size_t i, k;

	while ((k = field_space_at(s)) > 0)
		s += k;
	for (i = 0; s[i] != '\0'; i++) {
		char c = s[i];

		if (i + 1 >= n)
			return -1;
		t[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
	}
	while ((k = field_space_before(t, i)) > 0)
		i -= k;
	t[i] = '\0';
	return (int)i;
}

/* The words of a value list, each zero-padded to 16 bytes so that a word is matched by
 * comparing two 64-bit halves. */
struct field_words {
	const char	(*w)[16];
	size_t		  n;
};

/* Lowercases the ASCII letters of eight bytes at once. */
static uint64_t
field_lower8(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
	uint64_t x = w & ~high;
	uint64_t ge_a = x + ones * (0x80 - 'A'), gt_z = x + ones * (0x80 - 'Z' - 1);

	return w | (((ge_a ^ gt_z) & ~w & high) >> 2);
}

/* s lowercased without surrounding space, zero-padded to 16 bytes, in the two halves
 * w[0], w[1] as memcpy would load them: its length, 0 when blank, -1 when it does not fit
 * (as field_lower with 16 bytes). Built in registers: no store to reload. */
static int
field_word16(const char *s, uint64_t w[2])
{
	size_t n = 0, i, k;

	while ((k = field_space_at(s)) > 0)
		s += k;
	while (n < 16 && s[n] != '\0')
		n++;
	if (n == 16)
		n += strlen(s + 16);	/* rare: a word only if spaces end it */
	while ((k = field_space_before(s, n)) > 0)
		n -= k;
	if (n >= 16)
		return -1;
	w[0] = w[1] = 0;
	for (i = 0; i < n; i++) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		unsigned shift = 8 * (7 - (unsigned)(i & 7));
#else
		unsigned shift = 8 * (unsigned)(i & 7);
#endif
		w[i >> 3] |= (uint64_t)(unsigned char)s[i] << shift;
	}
	w[0] = field_lower8(w[0]);
	w[1] = field_lower8(w[1]);
	return (int)n;
}

/* 1 when the padded word w is in the list. */
static int
field_word(const uint64_t w[2], const struct field_words *list)
{
	uint64_t x, y;
	size_t i;

	for (i = 0; i < list->n; i++) {
		memcpy(&x, list->w[i], 8);
		memcpy(&y, list->w[i] + 8, 8);
		if (w[0] == x && w[1] == y)
			return 1;
	}
	return 0;
}

/* Reads 1..max digits; returns the number of digits read. */
static int
field_digits(const char **s, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (n < max && **s >= '0' && **s <= '9') {
		*v = *v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	return n;
}

enum field_result
field_date(const char *s, int32_t *ymd)
{
	size_t len, n;
	int d;

	s = field_trim(s, &len);
	if (len == 0)
		return FIELD_EMPTY;
	if ((d = date_scan(s, DATE_STRICT, &n)) <= 0 || n != len)
		return FIELD_BAD;
	*ymd = d;
	return FIELD_OK;
}

static const char yes_list[][16] = { "ja", "j", "yes", "y", "x", "1", "sann", "true" };
static const char no_list[][16] = { "nei", "n", "no", "0", "usann", "false" };
static const char partly_list[][16] = { "delvis", "partly", "partially" };
static const char active_list[][16] = { "aktiv", "active" };
static const char closed_list[][16] = { "avsluttet", "avslutta", "closed" };
#define FIELD_WORDS(a) { a, sizeof(a) / sizeof(a[0]) }
static const struct field_words yes_words = FIELD_WORDS(yes_list);
static const struct field_words no_words = FIELD_WORDS(no_list);
static const struct field_words partly_words = FIELD_WORDS(partly_list);
static const struct field_words active_words = FIELD_WORDS(active_list);
static const struct field_words closed_words = FIELD_WORDS(closed_list);

/* A word of list a (*v = va) or of list b (*v = vb), case aside; with `partly`, also a
 * word of partly_words (*v = PARTLY). */
static enum field_result
field_either(const char *s, const struct field_words *a, int32_t va,
    const struct field_words *b, int32_t vb, int partly, int32_t *v)
{
	uint64_t t[2];

	switch (field_word16(s, t)) {
	case -1:
		return FIELD_BAD;
	case 0:
		return FIELD_EMPTY;
	}
	if (partly && field_word(t, &partly_words))
		*v = PARTLY;
	else if (field_word(t, a))
		*v = va;
	else if (field_word(t, b))
		*v = vb;
	else
		return FIELD_BAD;
	return FIELD_OK;
}

enum field_result
field_yesno(const char *s, int32_t *v)
{
	return field_either(s, &yes_words, YES, &no_words, NO, 0, v);
}

enum field_result
field_partly(const char *s, int32_t *v)
{
	return field_either(s, &yes_words, YES, &no_words, NO, 1, v);
}

enum field_result
field_status(const char *s, int32_t *v)
{
	return field_either(s, &active_words, 1, &closed_words, 0, 0, v);
}

enum field_result
field_count(const char *s, int32_t *v)
{
	char t[32];
	const char *p = t;
	int n, x;

	switch (field_lower(s, t, sizeof(t))) {
	case -1:
		return FIELD_BAD;
	case 0:
		return FIELD_EMPTY;
	}
	n = field_digits(&p, 9, &x);
	if (n == 0)
		return FIELD_BAD;
	if (*p == ',' || *p == '.') {
		p++;
		while (*p == '0')
			p++;
	}
	if (*p != '\0')
		return FIELD_BAD;
	*v = x;
	return FIELD_OK;
}

/* The length of a separator between digit groups at s, [p, end) being what is left of the
 * value: a space, U+00A0, U+202F or '.'; 0 when there is none. */
static size_t
field_group_sep(const char *p, const char *end)
{
	size_t k = *p == '.' ? 1 : *p == '\t' ? 0 : field_space_at(p);

	return p + k <= end ? k : 0;
}

/* 1 when [p, end) begins with exactly three digits. */
static int
field_three(const char *p, const char *end)
{
	return end - p >= 3 && field_isdigit(p[0]) && field_isdigit(p[1]) &&
	    field_isdigit(p[2]) && (end - p == 3 || !field_isdigit(p[3]));
}

enum field_result
field_population(const char *s, int32_t *v)
{
	const char *p, *end, *sep = NULL;
	size_t len, k, seplen = 0;
	int32_t x = 0;
	int n = 0, run, zeros = 0;

	p = field_trim(s, &len);
	if (len == 0)
		return FIELD_EMPTY;
	end = p + len;
	for (;;) {
		for (run = 0; p < end && field_isdigit(*p); p++, run++)
			if (++n <= 9)
				x = x * 10 + (*p - '0');
		if (run == 0 || n > 9)
			return FIELD_BAD;
		/* Groups of three after a first group of one to three digits, all with the
		 * same separator: "709 037", "1.234.567". */
		if ((sep == NULL && run > 3) || (k = field_group_sep(p, end)) == 0 ||
		    (sep != NULL && (k != seplen || memcmp(p, sep, k) != 0)) ||
		    !field_three(p + k, end))
			break;
		sep = p;
		seplen = k;
		p += k;
	}
	/* Excel's decimals, which must be zeros: "709037,00". Three zeros or more would be a
	 * thousands group in English ("12,000"), so they are not read as decimals. */
	if (p < end && (*p == ',' || (*p == '.' && (sep == NULL || *sep != '.')))) {
		for (p++; p < end && *p == '0'; p++)
			zeros++;
		if (zeros > 2)
			return FIELD_BAD;
	}
	if (p != end)
		return FIELD_BAD;
	*v = x;
	return FIELD_OK;
}

enum field_result
field_kommunenr(const char *s, char nr[5], int *padded)
{
	char t[16];
	size_t len, i;

	*padded = 0;
	switch (field_lower(s, t, sizeof(t))) {
	case -1:
		return FIELD_BAD;
	case 0:
		return FIELD_EMPTY;
	}
	len = strlen(t);
	for (i = 0; i < len; i++)
		if (t[i] < '0' || t[i] > '9')
			return FIELD_BAD;
	if (len == 3) {
		nr[0] = '0';
		memcpy(nr + 1, t, 4);
		*padded = 1;
		return FIELD_OK;
	}
	if (len != 4)
		return FIELD_BAD;
	memcpy(nr, t, 5);
	return FIELD_OK;
}

int
field_is_fnr(const char *s)
{
	static const int w1[9] = { 3, 7, 6, 1, 8, 9, 4, 5, 2 };
	static const int w2[10] = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };
	int i, sum, k1, k2;

	for (i = 0; i < 11; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	for (sum = 0, i = 0; i < 9; i++)
		sum += w1[i] * (s[i] - '0');
	k1 = 11 - sum % 11;
	if (k1 == 11)
		k1 = 0;
	if (k1 == 10 || k1 != s[9] - '0')
		return 0;
	for (sum = 0, i = 0; i < 10; i++)
		sum += w2[i] * (s[i] - '0');
	k2 = 11 - sum % 11;
	if (k2 == 11)
		k2 = 0;
	return k2 != 10 && k2 == s[10] - '0';
}

/* The number of digits at s[p] and after. */
static size_t
field_run(const char *s, size_t p, size_t len)
{
	size_t k;

	for (k = p; k < len && field_isdigit(s[k]); k++)
		;
	return k - p;
}

/* 1 when the whole run of digits s[j, k) begins an identity number: it is one (11 digits),
 * or it is the date part of one written "150590 12387" (6 digits, one space, a run of 5). */
static int
field_fnr_from(const char *s, size_t len, size_t j, size_t k)
{
	char t[11];

	if (k - j == 11)
		return field_is_fnr(s + j);
	if (k - j != 6 || k + 6 > len || s[k] != ' ' || field_run(s, k + 1, len) != 5)
		return 0;
	memcpy(t, s + j, 6);
	memcpy(t + 6, s + k + 1, 5);
	return field_is_fnr(t);
}

/*
 * The identity-number guard reads every byte once, plainly: a miss here is a privacy
 * breach, so the code is what the rule says. A scan sixteen bytes at a time (SSE2) was
 * faster by about 0.1 s on a national export of a million rows (make bench), not worth
 * code that is harder to see is right.
 */
long
field_find_fnr(const char *s, size_t len)
{
	size_t i = 0, k;

	while (i < len) {
		if (!field_isdigit(s[i])) {
			i++;
			continue;
		}
		k = i + field_run(s, i, len);	/* s[i, k) is a whole run of digits */
		if (field_fnr_from(s, len, i, k))
			return (long)i;
		i = k;
	}
	return -1;
}

static int
field_is_punct(unsigned int c)
{
	return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) ||
	    (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E) ||
	    c == 0xAB || c == 0xBB || c == 0x2013 || c == 0x2014 || c == 0x2019 ||
	    c == 0x201C || c == 0x201D || c == 0x2026;
}

/* The ASCII letter a Latin letter with a diacritic folds to (Sami, Kven and loan names:
 * á, ŋ, č, đ, š, ŧ, ž, ï, ä, ö, é, ...), or 0 when c is none. Æ and Œ, Ĳ, Þ, ß keep their
 * own forms. */
static char
field_base_letter(unsigned int c)
{
	/* U+00C0-00FF, then U+0100-017F; '-' for no base letter. */
	static const char latin1[] =
	    "aaaaaa-ceeeeiiiidnooooo-ouuuuy--aaaaaa-ceeeeiiiidnooooo-ouuuuy-y";
	static const char ext_a[] =
	    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii--jjkkkllllllllllnnnnnnnnnoooooo"
	    "--rrrrrrsssssssstttttt" "uuuuuuuuuuuuwwyyyzzzzzzs";
	char b = 0;

	if (c >= 0xC0 && c <= 0xFF)
		b = latin1[c - 0xC0];
	else if (c >= 0x100 && c <= 0x17F)
		b = ext_a[c - 0x100];
	else if (c >= 0x1E4 && c <= 0x1E7)
		b = 'g';	/* Skolt Sami ǥ ǧ */
	else if (c == 0x1E8 || c == 0x1E9)
		b = 'k';	/* ǩ */
	else if (c == 0x1B7 || c == 0x1EE || c == 0x1EF || c == 0x292)
		b = 'z';	/* ʒ ǯ */
	return b == '-' ? 0 : b;
}

void
field_fold(const char *s, struct buf *out, int punct)
{
	char b;

	while (*s != '\0') {
		unsigned int c = utf8_next(&s);

		if (c == ' ' || c == '_' || c == '-' || c == '\t' || c == 0xA0 || c == 0x202F)
			continue;
		if (punct && field_is_punct(c))
			continue;
		if (c >= 'A' && c <= 'Z')
			buf_putc(out, (char)(c + 32));
		else if (c == 0xE6 || c == 0xC6)
			buf_puts(out, "ae");
		else if ((b = field_base_letter(c)) != 0)
			buf_putc(out, b);
		else if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
			utf8_put(out, c + 0x20);
		else
			utf8_put(out, c);
	}
}

void
field_shown(const char *s, char out[FIELD_SHOWN])
{
	size_t i = 0, k, o = 0, n;

	/* Each of 40 characters takes at most 8 bytes ("<U+00A0>"): 320 + "..." fit. */
	for (n = 0; s[i] != '\0' && n < 40; n++) {
		k = field_space_at(s + i);
		if (k > 1) {
			/* A no-break space looks like a space: shown so that one sees why the
			 * value was not read. */
			memcpy(out + o, k == 2 ? "<U+00A0>" : "<U+202F>", 8);
			o += 8;
			i += k;
			continue;
		}
		out[o++] = (unsigned char)s[i] < 0x20 ? ' ' : s[i];
		for (i++, k = 0; k < 3 && ((unsigned char)s[i] & 0xC0) == 0x80; i++, k++)
			out[o++] = s[i];
	}
	if (s[i] != '\0') {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o] = '\0';
}

void
field_aliases_free(struct field_aliases *a)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		free(a->v[i].folded);
		free(a->v[i].canonical);
	}
	free(a->v);
	memset(a, 0, sizeof(*a));
}

static void
field_alias_line(struct field_aliases *a, char *line)
{
	char *semi = strchr(line, ';'), *canon, *alias;
	struct buf f;

	if (line[0] == '#' || semi == NULL)
		return;
	*semi = '\0';
	canon = str_trim(line);
	alias = str_trim(semi + 1);
	if (*canon == '\0' || *alias == '\0')
		return;
	buf_init(&f);
	field_fold(alias, &f, 0);
	a->v = xgrow(a->v, &a->cap, a->n, sizeof(*a->v));
	a->v[a->n].folded = buf_take(&f);
	a->v[a->n].canonical = xstrdup(canon);
	a->n++;
}

int
field_aliases_load(struct field_aliases *a, const char *path, struct diag *d)
{
	struct text t;
	char *p, *nl;

	memset(a, 0, sizeof(*a));
	if (text_read(&t, path, path, d) == -1) {
		diag_msg(d, DIAG_WARNING, path, 0, 0, "no column aliases: headers must be "
		    "written with their canonical names");
		return -1;
	}
	for (p = t.data; *p != '\0'; p = nl) {
		nl = strchr(p, '\n');
		if (nl != NULL)
			*nl++ = '\0';
		else
			nl = p + strlen(p);
		field_alias_line(a, p);
	}
	text_free(&t);
	return 0;
}

const char *
field_match(const struct field_aliases *a, const char *header, const char *const *names,
    size_t nnames)
{
	struct buf h, c;
	const char *found = NULL;
	size_t i, j;

	buf_init(&h);
	buf_init(&c);
	field_fold(header, &h, 0);
	for (i = 0; i < nnames && found == NULL && h.data != NULL; i++) {
		buf_reset(&c);
		field_fold(names[i], &c, 0);
		if (c.data != NULL && strcmp(c.data, h.data) == 0)
			found = names[i];
	}
	for (j = 0; a != NULL && j < a->n && found == NULL && h.data != NULL; j++) {
		if (strcmp(a->v[j].folded, h.data) != 0)
			continue;
		for (i = 0; i < nnames; i++)
			if (strcmp(a->v[j].canonical, names[i]) == 0)
				found = names[i];
	}
	buf_free(&h);
	buf_free(&c);
	return found;
}
