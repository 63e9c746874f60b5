/*
 * deadline.c: deadlines and recurrence read from the free text of an action-plan
 * measure's `tid` (see deadline.h). Dates are read by hand; the recurring words are
 * PCRE2 patterns from indicators/frister.txt.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <ctype.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "deadline.h"
#include "model.h"
#include "util.h"

struct deadline_rules {
	pcre2_code	**re;
	size_t		  n;
};

/* Norwegian month names, bokmål and nynorsk alike, and their usual abbreviations. */
static const struct {
	const char	*name;
	int		 month;
} months[] = {
	{ "januar", 1 }, { "jan", 1 }, { "februar", 2 }, { "feb", 2 }, { "febr", 2 },
	{ "mars", 3 }, { "mar", 3 }, { "april", 4 }, { "apr", 4 }, { "mai", 5 },
	{ "juni", 6 }, { "jun", 6 }, { "juli", 7 }, { "jul", 7 }, { "august", 8 },
	{ "aug", 8 }, { "september", 9 }, { "sep", 9 }, { "sept", 9 }, { "oktober", 10 },
	{ "okt", 10 }, { "november", 11 }, { "nov", 11 }, { "desember", 12 }, { "des", 12 }
};

/* yyyymmdd when d.m.y is a real date, else 0. */
static int
make_date(int y, int m, int d)
{
	return date_valid(y, m, d) ? DATE_YMD(y, m, d) : 0;
}

/* Reads 1..max digits at *s; returns the count read (0: none) and the value in *v. */
static int
digits(const char **s, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (n < max && isdigit((unsigned char)**s)) {
		*v = *v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	return n;
}

/* A four-digit year at *s, or one broken by a single space after two digits ("20 12",
 * a PDF extract's line break: only read so when the first pair is 19 or 20). The year
 * must not run on into more digits. Returns the year or 0. */
static int
year_at(const char **s)
{
	const char *p = *s, *q;
	int a, b;

	if (digits(&p, 4, &a) == 4 && !isdigit((unsigned char)*p)) {
		*s = p;
		return a;
	}
	p = *s;
	if (digits(&p, 2, &a) == 2 && (a == 19 || a == 20) && *p == ' ') {
		q = p + 1;
		if (digits(&q, 2, &b) == 2 && !isdigit((unsigned char)*q)) {
			*s = q;
			return a * 100 + b;
		}
	}
	return 0;
}

/* yyyy-mm-dd at s. */
static int
iso_at(const char *s)
{
	int y, m, d;

	if (digits(&s, 4, &y) != 4 || *s++ != '-' || digits(&s, 2, &m) == 0 || *s++ != '-' ||
	    digits(&s, 2, &d) == 0 || isdigit((unsigned char)*s))
		return 0;
	return make_date(y, m, d);
}

/* d.m.yyyy or d/m/yyyy at s (one space allowed after a dot). */
static int
numeric_at(const char *s)
{
	int d, m, y;
	char sep;

	if (digits(&s, 2, &d) == 0 || (*s != '.' && *s != '/'))
		return 0;
	sep = *s++;
	if (sep == '.' && *s == ' ')
		s++;
	if (digits(&s, 2, &m) == 0 || *s++ != sep)
		return 0;
	if (sep == '.' && *s == ' ' && isdigit((unsigned char)s[1]) &&
	    isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) &&
	    isdigit((unsigned char)s[4]))
		s++;
	if ((y = year_at(&s)) == 0)
		return 0;
	return make_date(y, m, d);
}

/* The month named by the word at *s (ASCII letters, case ignored, optional '.'), or 0. */
static int
month_at(const char **s)
{
	char word[16];
	size_t n = 0, i;

	while (isalpha((unsigned char)**s) && n < sizeof(word) - 1)
		word[n++] = (char)tolower((unsigned char)*(*s)++);
	word[n] = '\0';
	if (isalpha((unsigned char)**s) || (unsigned char)**s >= 0x80)
		return 0;
	if (**s == '.')
		(*s)++;
	for (i = 0; i < sizeof(months) / sizeof(months[0]); i++)
		if (strcmp(word, months[i].name) == 0)
			return months[i].month;
	return 0;
}

/* "1. mars 2025", "1 mai 2025", "01. mar. 2025" at s. */
static int
named_at(const char *s)
{
	int d, m, y;

	if (digits(&s, 2, &d) == 0)
		return 0;
	if (*s == '.')
		s++;
	if (*s != ' ')
		return 0;
	while (*s == ' ')
		s++;
	if ((m = month_at(&s)) == 0 || *s != ' ')
		return 0;
	while (*s == ' ')
		s++;
	if ((y = year_at(&s)) == 0)
		return 0;
	return make_date(y, m, d);
}

int
deadline_date(const char *tid)
{
	const char *s;
	int v;

	if (tid == NULL)
		return 0;
	for (s = tid; *s != '\0'; s++) {
		if (!isdigit((unsigned char)*s) || (s > tid && isdigit((unsigned char)s[-1])))
			continue;
		if ((v = iso_at(s)) != 0 || (v = numeric_at(s)) != 0 || (v = named_at(s)) != 0)
			return v;
	}
	return 0;
}

int
deadline_recurring(const struct deadline_rules *rules, const char *tid)
{
	size_t i;
	int rc = 0;

	if (rules == NULL || tid == NULL || *tid == '\0')
		return 0;
	for (i = 0; i < rules->n && rc == 0; i++) {
		pcre2_match_data *md = pcre2_match_data_create_from_pattern(rules->re[i], NULL);

		if (md == NULL)
			break;
		if (pcre2_match(rules->re[i], (PCRE2_SPTR)tid, PCRE2_ZERO_TERMINATED, 0, 0,
		    md, NULL) >= 0)
			rc = 1;
		pcre2_match_data_free(md);
	}
	return rc;
}

/* Compiles one pattern line; reports a bad one at its position. Returns 0 or -1. */
static int
rules_add(struct deadline_rules *r, size_t *cap, const char *path, long lineno,
    const char *pat, struct diag *d)
{
	int err;
	PCRE2_SIZE off;
	pcre2_code *re;

	re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &err, &off, NULL);
	if (re == NULL) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(err, msg, sizeof(msg));
		diag_msg(d, DIAG_ERROR, path, lineno, (long)off + 1,
		    "expected a pattern (PCRE2) for a recurring deadline, found an error: %s",
		    (const char *)msg);
		return -1;
	}
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	r->re = xgrow(r->re, cap, r->n, sizeof(*r->re));
	r->re[r->n++] = re;
	return 0;
}

int
deadline_rules_load(struct deadline_rules **rules, const char *dir, struct diag *d)
{
	char *path = xasprintf("%s/frister.txt", dir);
	FILE *f = fopen(path, "r");
	struct deadline_rules *r;
	char *line = NULL;
	size_t linecap = 0, cap = 0;
	long lineno = 0;
	int rc = 0;

	*rules = NULL;
	if (f == NULL) {
		diag_msg(d, DIAG_ERROR, path, 0, 0,
		    "expected the patterns of recurring deadlines, but the file cannot be read");
		free(path);
		return -1;
	}
	r = xcalloc(1, sizeof(*r));
	while (getline(&line, &linecap, f) != -1) {
		lineno++;
		str_trim(line);
		if (line[0] == '\0' || line[0] == '#')
			continue;
		if (rules_add(r, &cap, path, lineno, line, d) == -1)
			rc = -1;
	}
	free(line);
	fclose(f);
	free(path);
	if (rc == -1) {
		deadline_rules_free(r);
		return -1;
	}
	*rules = r;
	return 0;
}

void
deadline_rules_free(struct deadline_rules *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++)
		pcre2_code_free(r->re[i]);
	free(r->re);
	free(r);
}
