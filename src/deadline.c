/*
 * deadline.c: deadlines and recurrence read from the free text of an action-plan
 * measure's `tid` (see deadline.h). Dates are read by hand from the word and name tables
 * below; the recurring words are PCRE2 patterns from indicators/frister.txt.
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
#include "text.h"
#include "util.h"

struct deadline_rules {
	pcre2_code	**re;
	size_t		  n;
	pcre2_match_data *md;	/* reused by every match: one caller at a time */
};

/* How many words may stand between a deadline word and its date ("ferdig innen utgangen
 * av 2025", "til og med 01.06.2025"). */
#define DEADLINE_WINDOW	3

/* A word of a table below and what it stands for (never 0); NULL ends a table. */
struct word {
	const char	*name;	/* lower case */
	int		 v;
};

/* Words after which a date is the deadline, bokmål and nynorsk: "Startet 01.01.2024,
 * ferdig 31.12.2025" is due 31.12.2025, not on the day it started. */
static const struct word deadline_words[] = {
	{ "innen", 1 }, { "innan", 1 }, { "frist", 1 }, { "fristen", 1 }, { "ferdig", 1 },
	{ "ferdigstilt", 1 }, { "til", 1 }, { "senest", 1 }, { "seinast", 1 },
	{ "seinest", 1 }, { NULL, 0 }
};

/* Norwegian month names, bokmål and nynorsk alike, and their usual abbreviations. */
static const struct word months[] = {
	{ "januar", 1 }, { "jan", 1 }, { "februar", 2 }, { "feb", 2 }, { "febr", 2 },
	{ "mars", 3 }, { "mar", 3 }, { "april", 4 }, { "apr", 4 }, { "mai", 5 },
	{ "juni", 6 }, { "jun", 6 }, { "juli", 7 }, { "jul", 7 }, { "august", 8 },
	{ "aug", 8 }, { "september", 9 }, { "sep", 9 }, { "sept", 9 }, { "oktober", 10 },
	{ "okt", 10 }, { "november", 11 }, { "nov", 11 }, { "desember", 12 }, { "des", 12 },
	{ NULL, 0 }
};

/* Numbered parts of a year and their length in months: "2. halvår 2025" ends with the
 * 12th month, so on 31.12.2025. */
static const struct word periods[] = {
	{ "kvartal", 3 }, { "kvartalet", 3 }, { "tertial", 4 }, { "tertialet", 4 },
	{ "halvår", 6 }, { "halvåret", 6 }, { NULL, 0 }
};

/* Phrases that name the last day of the month or year after them ("utgangen av mars
 * 2025", "ultimo 2025"), bokmål and nynorsk. */
static const char *const end_phrases[] = {
	"utgangen av", "utgongen av", "ultimo", "slutten av", NULL
};

/* A date-shaped token read from a tid: its date, 0 when it is no real date
 * ("31.11.2024"), and the byte after it. */
struct tok {
	int		 date;
	const char	*end;
};

/* What the scan of one tid found so far. */
struct found {
	int		 last;		/* date of the last token */
	int		 marked;	/* date of the last token after a deadline word */
	int		 nmarked;
	const char	*bad;		/* the first token that is no real date, or NULL */
	size_t		 badlen;
};

/* yyyymmdd when d.m.y is a real date, else 0. */
static int
make_date(int y, int m, int d)
{
	return date_valid(y, m, d) ? DATE_YMD(y, m, d) : 0;
}

/* The last day of month m of year y as yyyymmdd, or 0 when there is no such month. */
static int
month_end(int y, int m)
{
	return m >= 1 && m <= 12 ? make_date(y, m, date_month_days(y, m)) : 0;
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

/* The length in bytes of the blank at s: a space, a tab or a no-break space (U+00A0,
 * which spreadsheets leave behind), else 0. */
static size_t
blank_len(const char *s)
{
	if (*s == ' ' || *s == '\t')
		return 1;
	return (unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0 ? 2 : 0;
}

/* Moves *s past the blanks there; returns the number of bytes passed (0: none). */
static size_t
skip_blanks(const char **s)
{
	const char *p = *s;
	size_t n;

	while ((n = blank_len(*s)) > 0)
		*s += n;
	return (size_t)(*s - p);
}

/* The length in bytes of the word at s: ASCII letters and UTF-8 letters (any sequence
 * whose lead byte is C3 or above, except E2, which holds dashes, quotes and spaces);
 * 0 when s is not at a letter. */
static size_t
word_len(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	for (;;) {
		if (p[n] < 0x80 && isalpha(p[n]))
			n++;
		else if (p[n] >= 0xc3 && p[n] != 0xe2) {
			n++;
			while ((p[n] & 0xc0) == 0x80)
				n++;
		} else
			return n;
	}
}

/* Whether the n bytes at s spell w (wn bytes, lower case), case ignored for ASCII
 * letters and for Æ, Ø and Å. */
static int
word_eq(const char *s, size_t n, const char *w, size_t wn)
{
	size_t i;

	if (n != wn)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		else if (i > 0 && (unsigned char)s[i - 1] == 0xc3 &&
		    (c == 0x86 || c == 0x98 || c == 0x85))
			c += 0x20;	/* Æ Ø Å to æ ø å */
		if (c != (unsigned char)w[i])
			return 0;
	}
	return 1;
}

/* What the n-byte word at s stands for in table words, or 0 when it is not there. */
static int
word_find(const struct word *words, const char *s, size_t n)
{
	for (; words->name != NULL; words++)
		if (word_eq(s, n, words->name, strlen(words->name)))
			return words->v;
	return 0;
}

/* The end of `phrase` (words separated by one space) when s begins with it, its words
 * separated by blanks in s; else NULL. */
static const char *
phrase_at(const char *s, const char *phrase)
{
	size_t n, wn;

	for (;;) {
		wn = strcspn(phrase, " ");
		n = word_len(s);
		if (!word_eq(s, n, phrase, wn))
			return NULL;
		s += n;
		phrase += wn;
		if (*phrase++ == '\0')
			return s;
		if (skip_blanks(&s) == 0)
			return NULL;
	}
}

/* A year at *s (date_year): moves *s past it and returns it, or returns 0. */
static int
year_at(const char **s, int two)
{
	size_t n;
	int y = date_year(*s, two, &n);

	if (y != 0)
		*s += n;
	return y;
}

/* A date of digits at s (date_scan's forms of running text: "15.11.2012", "31/12-24",
 * "2024-12-31", "15. 11. 2012"). */
static int
numeric_at(const char *s, struct tok *t)
{
	size_t n;
	int d = date_scan(s, DATE_TEXT, &n);

	if (d < 0)
		return 0;
	t->date = d;
	t->end = s + n;
	return 1;
}

/* A number, a month or a numbered period, and a four-digit year at s: "1. mars 2025",
 * "1.mars 2025", "1 mai 2025", "01. mar. 2025" (that day) or "1. kvartal 2025", "2.
 * halvår 2025" (the period's last day). */
static int
named_at(const char *s, struct tok *t)
{
	size_t n;
	int num, m, len = 0, y;

	if (digits(&s, 2, &num) == 0)
		return 0;
	if (*s == '.')
		s++;
	else if (blank_len(s) == 0)
		return 0;
	skip_blanks(&s);
	n = word_len(s);
	if ((m = word_find(months, s, n)) == 0 && (len = word_find(periods, s, n)) == 0)
		return 0;
	s += n;
	if (m != 0 && *s == '.')
		s++;
	if (skip_blanks(&s) == 0 || (y = year_at(&s, 0)) == 0)
		return 0;
	if (m != 0)
		t->date = make_date(y, m, num);
	else
		t->date = num >= 1 && num <= 12 / len ? month_end(y, num * len) : 0;
	t->end = s;
	return 1;
}

/* "utgangen av 2024", "utgangen av mars 2025", "ultimo 2025" at s: the last day of that
 * year or month. */
static int
end_at(const char *s, struct tok *t)
{
	const char *const *ph;
	const char *p = NULL;
	size_t n;
	int m = 12, y;

	for (ph = end_phrases; *ph != NULL && p == NULL; ph++)
		p = phrase_at(s, *ph);
	if (p == NULL || skip_blanks(&p) == 0)
		return 0;
	if ((n = word_len(p)) > 0) {
		if ((m = word_find(months, p, n)) == 0)
			return 0;
		p += n;
		if (*p == '.')
			p++;
		if (skip_blanks(&p) == 0)
			return 0;
	}
	if ((y = year_at(&p, 0)) == 0)
		return 0;
	t->date = month_end(y, m);
	t->end = p;
	return 1;
}

/* Whether a date-shaped token begins at s; fills t. */
static int
token_at(const char *s, struct tok *t)
{
	if (isdigit((unsigned char)*s))
		return numeric_at(s, t) || named_at(s, t);
	return end_at(s, t);
}

/* Past the number at s and whatever digits '.', '/' or '-' join to it ("1.2.3.2024",
 * "10.00-12.00"): a run no date was read from is passed whole, so that no date is read
 * from its tail. */
static const char *
skip_number(const char *s)
{
	while (isdigit((unsigned char)*s) ||
	    ((*s == '.' || *s == '/' || *s == '-') && isdigit((unsigned char)s[1])))
		s++;
	return s;
}

/* Notes the token t found at s; marked: it follows a deadline word. */
static void
found_add(struct found *f, const char *s, const struct tok *t, int marked)
{
	f->last = t->date;
	if (marked) {
		f->marked = t->date;
		f->nmarked++;
	}
	if (t->date == 0 && f->bad == NULL) {
		f->bad = s;
		f->badlen = (size_t)(t->end - s);
	}
}

int
deadline_date(const char *tid, const char **bad, size_t *badlen)
{
	struct found f;
	struct tok t;
	const char *s = tid;
	size_t n;
	int armed = 0;	/* > 0: words left in which a date is a deadline word's */

	memset(&f, 0, sizeof(f));
	while (s != NULL && *s != '\0') {
		if (token_at(s, &t)) {
			found_add(&f, s, &t, armed > 0);
			armed = 0;
			s = t.end;
		} else if (isdigit((unsigned char)*s)) {
			s = skip_number(s);
			armed = 0;
		} else if ((n = word_len(s)) > 0) {
			if (word_find(deadline_words, s, n))
				armed = DEADLINE_WINDOW + 1;
			else if (armed > 0)
				armed--;
			s += n;
		} else {
			if (*s == ',' || *s == ';')
				armed = 0;	/* a new clause: "innen mars; oppstart 1.1.2024" */
			s++;
		}
	}
	if (bad != NULL) {
		*bad = f.bad;
		*badlen = f.badlen;
	}
	return f.nmarked > 0 ? f.marked : f.last;
}

int
deadline_recurring(const struct deadline_rules *rules, const char *tid)
{
	size_t i;
	int rc = 0;

	if (rules == NULL || tid == NULL || *tid == '\0')
		return 0;
	for (i = 0; i < rules->n && rc == 0; i++)
		if (pcre2_match(rules->re[i], (PCRE2_SPTR)tid, PCRE2_ZERO_TERMINATED, 0, 0,
		    rules->md, NULL) >= 0)
			rc = 1;
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
	char *path = xasprintf("%s/frister.txt", dir), *text, *line, *nl;
	struct deadline_rules *r;
	size_t len, cap = 0;
	long lineno = 0;
	int rc = 0;

	*rules = NULL;
	switch (text_slurp(path, path, TEXT_QUIET_OPEN, DIAG_ERROR, &text, &len, d)) {
	case -2:
		diag_msg(d, DIAG_ERROR, path, 0, 0,
		    "expected the patterns of recurring deadlines, but the file cannot be read");
		/* FALLTHROUGH */
	case -1:
		free(path);
		return -1;
	}
	r = xcalloc(1, sizeof(*r));
	/* One pair of offsets is all a yes/no match needs, whatever the pattern. */
	if ((r->md = pcre2_match_data_create(1, NULL)) == NULL)
		out_of_memory();
	for (line = text; line < text + len; line = nl) {
		if ((nl = memchr(line, '\n', (size_t)(text + len - line))) != NULL)
			*nl++ = '\0';
		else
			nl = text + len;
		lineno++;
		line = str_trim(line);
		if (line[0] == '\0' || line[0] == '#')
			continue;
		if (rules_add(r, &cap, path, lineno, line, d) == -1)
			rc = -1;
	}
	free(text);
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
	pcre2_match_data_free(r->md);
	free(r->re);
	free(r);
}
