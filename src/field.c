/*
 * Typed values and header matching (see field.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "model.h"
#include "text.h"

/* Copies s without surrounding space, lowercased (ASCII), into t (size n). Returns the
 * length, or -1 when it does not fit. */
static int
field_lower(const char *s, char *t, size_t n)
{
	size_t i;

	while (*s == ' ' || *s == '\t')
		s++;
	for (i = 0; s[i] != '\0'; i++) {
		char c = s[i];

		if (i + 1 >= n)
			return -1;
		t[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
	}
	while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t'))
		i--;
	t[i] = '\0';
	return (int)i;
}

static int
field_word(const char *w, const char *const *list)
{
	for (; *list != NULL; list++)
		if (w[0] == (*list)[0] && strcmp(w, *list) == 0)
			return 1;
	return 0;
}

static int
field_blank(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return *s == '\0';
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

int
field_valid_ymd(int y, int m, int d)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 0;
	return 1;
}

enum field_result
field_date(const char *s, int32_t *ymd)
{
	char t[32];
	const char *p = t;
	int a, b, c, na, nb, nc;
	char sep;

	switch (field_lower(s, t, sizeof(t))) {
	case -1:
		return FIELD_BAD;
	case 0:
		return FIELD_EMPTY;
	}
	na = field_digits(&p, 4, &a);
	sep = *p;
	if (na == 0 || (sep != '.' && sep != '-' && sep != '/'))
		return FIELD_BAD;
	p++;
	nb = field_digits(&p, 2, &b);
	if (nb == 0 || *p != sep)
		return FIELD_BAD;
	p++;
	nc = field_digits(&p, 4, &c);
	if (*p != '\0')
		return FIELD_BAD;
	if (sep == '-') {
		if (na != 4 || nc == 0 || nc > 2 || !field_valid_ymd(a, b, c))
			return FIELD_BAD;
		*ymd = DATE_YMD(a, b, c);
	} else {
		if (na > 2 || nc != 4 || !field_valid_ymd(c, b, a))
			return FIELD_BAD;
		*ymd = DATE_YMD(c, b, a);
	}
	return FIELD_OK;
}

/* A word of list a (*v = va) or of list b (*v = vb), case aside. */
static enum field_result
field_either(const char *s, const char *const *a, int32_t va, const char *const *b,
    int32_t vb, int32_t *v)
{
	char t[16];

	switch (field_lower(s, t, sizeof(t))) {
	case -1:
		return FIELD_BAD;
	case 0:
		return FIELD_EMPTY;
	}
	if (field_word(t, a))
		*v = va;
	else if (field_word(t, b))
		*v = vb;
	else
		return FIELD_BAD;
	return FIELD_OK;
}

static const char *const yes_words[] = { "ja", "j", "yes", "y", "x", "1", "sann", "true", NULL };
static const char *const no_words[] = { "nei", "n", "no", "0", "usann", "false", NULL };

enum field_result
field_yesno(const char *s, int32_t *v)
{
	return field_either(s, yes_words, YES, no_words, NO, v);
}

enum field_result
field_partly(const char *s, int32_t *v)
{
	static const char *const partly[] = { "delvis", "partly", "partially", NULL };
	char t[16];

	if (field_blank(s))
		return FIELD_EMPTY;
	if (field_lower(s, t, sizeof(t)) > 0 && field_word(t, partly)) {
		*v = PARTLY;
		return FIELD_OK;
	}
	return field_yesno(s, v);
}

enum field_result
field_status(const char *s, int32_t *v)
{
	static const char *const active[] = { "aktiv", "active", NULL };
	static const char *const closed[] = { "avsluttet", "avslutta", "closed", NULL };

	return field_either(s, active, 1, closed, 0, v);
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

static int
field_isdigit(char c)
{
	return c >= '0' && c <= '9';
}

long
field_find_fnr(const char *s, size_t len)
{
	size_t i = 0, j, k;

	/* A run of 11 digits covers s[i + 10] when it begins in s[i..i + 10]; when that byte
	 * is no digit, none begins there. Before i, every run has been looked at. */
	while (i + 11 <= len) {
		if (!field_isdigit(s[i + 10])) {
			i += 11;
			continue;
		}
		for (j = i + 10; j > i && field_isdigit(s[j - 1]); j--)
			;
		for (k = i + 11; k < len && field_isdigit(s[k]); k++)
			;
		if (k - j == 11 && field_is_fnr(s + j))
			return (long)j;
		i = k + 1;
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

void
field_fold(const char *s, struct buf *out, int punct)
{
	while (*s != '\0') {
		unsigned int c = utf8_next(&s);

		if (c == ' ' || c == '_' || c == '-' || c == '\t' || c == 0xA0)
			continue;
		if (punct && field_is_punct(c))
			continue;
		if (c >= 'A' && c <= 'Z')
			buf_putc(out, (char)(c + 32));
		else if (c == 0xE6 || c == 0xC6)
			buf_puts(out, "ae");
		else if (c == 0xF8 || c == 0xD8)
			buf_putc(out, 'o');
		else if (c == 0xE5 || c == 0xC5)
			buf_putc(out, 'a');
		else if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
			utf8_put(out, c + 0x20);
		else
			utf8_put(out, c);
	}
}

void
field_shown(const char *s, char out[128])
{
	size_t i = 0, n = 0;

	while (s[i] != '\0' && n < 40) {
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		n++;
	}
	if (s[i] == '\0')
		snprintf(out, 128, "%s", s);
	else
		snprintf(out, 128, "%.*s...", (int)i, s);
	for (i = 0; out[i] != '\0'; i++)
		if ((unsigned char)out[i] < 0x20)
			out[i] = ' ';
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
