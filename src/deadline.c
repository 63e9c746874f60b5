/*
 * deadline.c: deadlines and recurrence read from the free text of an action-plan
 * measure's `tid` (see deadline.h). Dates are read by hand, with the month names and
 * deadline words below and the period words of indicators/perioder.txt; the recurring
 * words are PCRE2 patterns from indicators/frister.txt.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <ctype.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "deadline.h"
#include "ind_read.h"
#include "indicator.h"
#include "model.h"
#include "text.h"
#include "util.h"

/* What a word of perioder.txt means (see that file). */
enum period_kind {
	PERIOD_DAY,	/* a period ending on a day of the year: høst = 30.11 */
	PERIOD_PART,	/* a numbered part of the year: kvartal = 3 months */
	PERIOD_WEEK,	/* a week number follows: uke 12 */
	PERIOD_END,	/* the end of what follows: utgangen av 2024 */
	PERIOD_YEAR	/* the reporting year, after PERIOD_END: utgangen av året */
};

struct period_word {
	char		*words;		/* lower case, words separated by one space */
	enum period_kind kind;
	int		 month, day;	/* PERIOD_DAY; day 29 of month 2: the month's last */
	int		 months;	/* PERIOD_PART: the length of one part */
};

struct deadline_rules {
	pcre2_code	**re;
	size_t		  n;
	pcre2_match_data *md;	/* reused by every match: one caller at a time */
	struct period_word *periods;
	size_t		  nperiods;
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

/* A date-shaped token read from a tid: its date, 0 when it is no real date
 * ("31.11.2024"), whether a year was written, and the byte after it. */
struct tok {
	int		 date;
	int		 has_year;
	const char	*end;
};

/* The scan of one tid: the rules, and the year a date without one is in (R's). */
struct scan {
	const struct deadline_rules *rules;
	int		 year;
	int		 refdate;
};

/* What the scan of one tid found so far. */
struct found {
	int		 last;		/* date of the last token */
	int		 marked;	/* date of the last token after a deadline word */
	int		 nmarked;
	int		 recur;		/* the latest occurrence on or before R of a token
					 * without a year, for a recurring measure */
	int		 nyearless;
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
	t->has_year = 1;
	t->end = s + n;
	return 1;
}

/* The period word of the rules at s (the longest that matches, its words separated by
 * blanks in s), with the byte after it in *end; NULL when none. */
static const struct period_word *
period_at(const struct scan *sc, const char *s, const char **end)
{
	const struct period_word *best = NULL;
	const char *e;
	size_t i;

	if (sc->rules == NULL)
		return NULL;
	for (i = 0; i < sc->rules->nperiods; i++) {
		const struct period_word *w = &sc->rules->periods[i];

		if ((e = phrase_at(s, w->words)) != NULL && (best == NULL || e > *end)) {
			best = w;
			*end = e;
		}
	}
	return best;
}

/* An optional four-digit year after blanks at *s: moves *s past it and returns it, or
 * returns 0 with *s unmoved. When the blanks are followed by digits that are not a year
 * ("mars 25": a count, or a year cut short?), returns -1: the token is not read. */
static int
year_after(const char **s)
{
	const char *p = *s;
	int y;

	if (skip_blanks(&p) == 0 || !isdigit((unsigned char)*p))
		return 0;
	if ((y = year_at(&p, 0)) == 0)
		return -1;
	*s = p;
	return y;
}

/* The year written (y > 0), or the scan's year, with t->has_year set accordingly. */
static int
token_year(const struct scan *sc, int y, struct tok *t)
{
	t->has_year = y > 0;
	return y > 0 ? y : sc->year;
}

/* The last day of a period of the year: day d of month m, 29.02 being February's last. */
static int
period_day(int y, int m, int d)
{
	return m == 2 && d == 29 ? month_end(y, 2) : make_date(y, m, d);
}

/* The Sunday of ISO week w of year y, or 0 when y has no such week. */
static int
week_end(int y, int w)
{
	long jan4, monday;
	int sunday;

	if (y < 1900 || y > 2999 || w < 1 || w > 53)
		return 0;
	jan4 = date_to_days(DATE_YMD(y, 1, 4));	/* always in week 1 */
	monday = jan4 - ((jan4 + 3) % 7);	/* 1.1.1970 was a Thursday */
	sunday = date_from_days(monday + 7L * (w - 1) + 6);
	/* Week 53 exists when its Thursday is still in y. */
	return DATE_YEAR(date_add_days(sunday, -3)) == y ? sunday : 0;
}

/* A number, a month or a numbered part of the year, and a year at s: "1. mars 2025",
 * "1.mars 2025", "1 mai 2025", "01. mar. 2025" (that day) or "1. kvartal 2025", "2. halvår"
 * (the part's last day). Without a year, the scan's year. */
static int
named_at(const struct scan *sc, const char *s, struct tok *t)
{
	const struct period_word *pw = NULL;
	const char *e = NULL;
	size_t n;
	int num, m, y;

	if (digits(&s, 2, &num) == 0)
		return 0;
	if (*s == '.')
		s++;
	else if (blank_len(s) == 0)
		return 0;
	skip_blanks(&s);
	n = word_len(s);
	if ((m = word_find(months, s, n)) != 0) {
		s += n;
		if (*s == '.')
			s++;
	} else if ((pw = period_at(sc, s, &e)) != NULL && pw->kind == PERIOD_PART)
		s = e;
	else
		return 0;
	if ((y = year_after(&s)) == -1)
		return 0;
	y = token_year(sc, y, t);
	if (m != 0)
		t->date = make_date(y, m, num);
	else
		t->date = num >= 1 && num <= 12 / pw->months ? month_end(y, num * pw->months) : 0;
	t->end = s;
	return 1;
}

/* What follows "utgangen av" (a PERIOD_END word) at s: a year, a month and a year, a
 * period, a numbered part, or "året"; its last day into t. */
static int
end_target_at(const struct scan *sc, const char *s, struct tok *t)
{
	const struct period_word *pw;
	const char *e = NULL;
	size_t n;
	int m, y;

	if (isdigit((unsigned char)*s)) {
		if (named_at(sc, s, t) && t->date != 0 && DATE_DAY(t->date) ==
		    date_month_days(DATE_YEAR(t->date), DATE_MONTH(t->date)))
			return 1;	/* "utgangen av 1. kvartal 2025" */
		if ((y = year_at(&s, 0)) == 0)
			return 0;
		t->date = make_date(y, 12, 31);
		t->has_year = 1;
		t->end = s;
		return 1;
	}
	n = word_len(s);
	if ((m = word_find(months, s, n)) != 0) {
		s += n;
		if (*s == '.')
			s++;
		if ((y = year_after(&s)) == -1)
			return 0;
		t->date = month_end(token_year(sc, y, t), m);
		t->end = s;
		return 1;
	}
	if ((pw = period_at(sc, s, &e)) == NULL)
		return 0;
	s = e;
	if (pw->kind == PERIOD_YEAR) {
		t->date = make_date(sc->year, 12, 31);
		t->has_year = 0;
		t->end = s;
		return 1;
	}
	if (pw->kind != PERIOD_DAY || (y = year_after(&s)) == -1)
		return 0;
	t->date = period_day(token_year(sc, y, t), pw->month, pw->day);
	t->end = s;
	return 1;
}

/* A token that begins with a period word at s: "utgangen av 2024", "høst 2024", "uke 12". */
static int
period_token_at(const struct scan *sc, const char *s, struct tok *t)
{
	const struct period_word *pw;
	const char *e = NULL;
	int y, w;

	if ((pw = period_at(sc, s, &e)) == NULL)
		return 0;
	s = e;
	switch (pw->kind) {
	case PERIOD_END:
		return skip_blanks(&s) > 0 && end_target_at(sc, s, t);
	case PERIOD_DAY:
		if ((y = year_after(&s)) == -1)
			return 0;
		t->date = period_day(token_year(sc, y, t), pw->month, pw->day);
		t->end = s;
		return 1;
	case PERIOD_WEEK:
		if (skip_blanks(&s) == 0 || digits(&s, 2, &w) == 0 || isdigit((unsigned char)*s))
			return 0;
		if (*s == '/' && isdigit((unsigned char)s[1])) {
			s++;			/* "uke 12/2025" */
			if ((y = year_at(&s, 0)) == 0)
				return 0;
		} else if ((y = year_after(&s)) == -1)
			return 0;
		t->date = week_end(token_year(sc, y, t), w);
		t->end = s;
		return 1;
	default:
		return 0;	/* a numbered part wants its number first; "året" an end word */
	}
}

/* Whether a date-shaped token begins at s; fills t. */
static int
token_at(const struct scan *sc, const char *s, struct tok *t)
{
	t->has_year = 1;
	if (isdigit((unsigned char)*s))
		return numeric_at(s, t) || named_at(sc, s, t);
	return period_token_at(sc, s, t);
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
found_add(const struct scan *sc, struct found *f, const char *s, const struct tok *t,
    int marked)
{
	int occ;

	f->last = t->date;
	if (marked) {
		f->marked = t->date;
		f->nmarked++;
	}
	if (t->date == 0 && f->bad == NULL) {
		f->bad = s;
		f->badlen = (size_t)(t->end - s);
	}
	if (t->date != 0 && !t->has_year) {
		/* Its last occurrence on or before R, should the measure recur. */
		occ = t->date <= sc->refdate ? t->date : date_add_months(t->date, -12);
		if (occ > f->recur)
			f->recur = occ;
		f->nyearless++;
	}
}

struct deadline
deadline_read(const struct deadline_rules *rules, const char *tid, int refdate)
{
	struct deadline dl;
	struct scan sc = { rules, DATE_YEAR(refdate), refdate };
	struct found f;
	struct tok t;
	const char *s = tid;
	size_t n;
	int armed = 0;	/* > 0: words left in which a date is a deadline word's */

	memset(&f, 0, sizeof(f));
	memset(&dl, 0, sizeof(dl));
	while (s != NULL && *s != '\0') {
		if (token_at(&sc, s, &t)) {
			found_add(&sc, &f, s, &t, armed > 0);
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
	dl.recurring = deadline_recurring(rules, tid);
	dl.date = f.nmarked > 0 ? f.marked : f.last;
	/* A recurring measure is due on the days it names, every year. */
	if (dl.recurring && f.nyearless > 0)
		dl.date = f.recur;
	dl.bad = f.bad;
	dl.badlen = f.badlen;
	return dl;
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

/* The lower case of a period word as written (ASCII letters and Æ Ø Å), its blanks
 * made one space each. */
static char *
period_words(const char *s, size_t len)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t') {
			if (b.len > 0 && b.data[b.len - 1] != ' ')
				buf_putc(&b, ' ');
			continue;
		}
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		else if (i > 0 && (unsigned char)s[i - 1] == 0xc3 &&
		    (c == 0x86 || c == 0x98 || c == 0x85))
			c += 0x20;	/* Æ Ø Å to æ ø å */
		buf_putc(&b, (char)c);
	}
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	return buf_take(&b);
}

/* The meaning of a period word (the text after '='); 0, or -1 when it is none. */
static int
period_meaning(struct period_word *w, const char *v, size_t len)
{
	int d, m, n, used = 0;
	char text[64];

	if (len == 0 || len >= sizeof(text))
		return -1;
	memcpy(text, v, len);
	text[len] = '\0';
	if (strcmp(text, "uke") == 0 || strcmp(text, "veke") == 0)
		w->kind = PERIOD_WEEK;
	else if (strcmp(text, "slutten av") == 0)
		w->kind = PERIOD_END;
	else if (strcmp(text, "året") == 0)
		w->kind = PERIOD_YEAR;
	else if (sscanf(text, "%2d.%2d%n", &d, &m, &used) == 2 && used == (int)len &&
	    date_valid(2024, m, d)) {
		w->kind = PERIOD_DAY;
		w->day = d;
		w->month = m;
	} else if ((sscanf(text, "%d måneder%n", &n, &used) == 1 ||
	    sscanf(text, "%d månader%n", &n, &used) == 1) && used == (int)len && n >= 1 &&
	    n <= 12 && 12 % n == 0) {
		w->kind = PERIOD_PART;
		w->months = n;
	} else
		return -1;
	return 0;
}

/* One line `word = meaning` of perioder.txt; 0, or -1 after a message with a caret. */
static int
period_line(struct deadline_rules *r, size_t *cap, const char *path, long lno,
    const char *l, size_t llen, struct diag *d)
{
	struct kv_span kv;
	size_t ws, we, vs, ve, i;
	struct period_word w;
	int k = kv_split(l, llen, &kv);

	if (k == 0)
		return 0;
	if (k == -1) {
		ind_caret(d, DIAG_ERROR, path, lno, l, llen, kv.ks, llen - kv.ks,
		    "expected `word = meaning`, found no '='");
		return -1;
	}
	ws = kv.ks;
	we = kv.ke;
	vs = kv.vs;
	ve = kv.ve;
	memset(&w, 0, sizeof(w));
	if (we == ws) {
		ind_caret(d, DIAG_ERROR, path, lno, l, llen, ws, 1,
		    "expected a word before '=', found nothing");
		return -1;
	}
	if (period_meaning(&w, l + vs, ve - vs) == -1) {
		ind_caret(d, DIAG_ERROR, path, lno, l, llen, vs, ve > vs ? ve - vs : 1,
		    "expected a day such as 30.11, 'N måneder' (N a divisor of 12), 'uke', "
		    "'slutten av' or 'året', found '%.*s'", (int)(ve - vs), l + vs);
		return -1;
	}
	w.words = period_words(l + ws, we - ws);
	for (i = 0; i < r->nperiods; i++)
		if (strcmp(r->periods[i].words, w.words) == 0) {
			ind_caret(d, DIAG_ERROR, path, lno, l, llen, ws, we - ws,
			    "expected each word once, found '%s' again", w.words);
			free(w.words);
			return -1;
		}
	r->periods = xgrow(r->periods, cap, r->nperiods, sizeof(*r->periods));
	r->periods[r->nperiods++] = w;
	return 0;
}

/* Reads dir/perioder.txt into r; 0, or -1 after messages. */
static int
periods_load(struct deadline_rules *r, const char *dir, struct diag *d)
{
	char *path = xasprintf("%s/perioder.txt", dir), *text;
	const char *l;
	size_t len, llen, pos = 0, cap = 0;
	long lno = 0;
	int rc = 0;

	if ((text = ind_read_file(path, &len, d)) == NULL) {
		free(path);
		return -1;
	}
	while ((l = ind_next_line(text, len, &pos, &llen)) != NULL)
		if (period_line(r, &cap, path, ++lno, l, llen, d) == -1)
			rc = -1;
	free(text);
	free(path);
	return rc;
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
	if (periods_load(r, dir, d) == -1)
		rc = -1;
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
	for (i = 0; i < r->nperiods; i++)
		free(r->periods[i].words);
	free(r->periods);
	pcre2_match_data_free(r->md);
	free(r->re);
	free(r);
}
