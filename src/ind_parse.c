/*
 * Indicator definitions: reads indicators/ (one `key = value` file *.ind per indicator,
 * rekkefolge.txt for the report order, the two pattern files) and parses the condition
 * language by hand into struct expr trees, checking column names and literals against
 * the columns of the source table. Every problem is a message with the file, line and
 * column and the line shown with a caret under the bad span. The format is documented in
 * docs/indicators.md. Used by run.c (check) and compute (through indicators_load).
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "date.h"
#include "field.h"
#include "findings.h"
#include "indicator.h"
#include "ind_read.h"
#include "load.h"
#include "service.h"
#include "text.h"
#include "util.h"

/* The indicators in their standard order (docs/computation.md). Every set must define
 * the eight of KNOWN_IDS_TEXT; ansvarsgruppe may be left out (it came later: a definitions
 * folder written before it still works, its reports and indikatorer.csv simply lack it). */
static const char *const known_ids[] = {
	"plan_oppdatert", "mal_definert", "brukermedvirkning", "koordinator",
	"samtykke", "ansvarsgruppe", "internkontroll", "dekning", "handlingsplan", NULL
};
#define KNOWN_IDS_TEXT "plan_oppdatert, mal_definert, brukermedvirkning, koordinator, " \
	"samtykke, internkontroll, dekning, handlingsplan"
#define KNOWN_OPTIONAL_TEXT "ansvarsgruppe"

/* The questions of the KoRus mapping form, for definitions without kartlegging.csv. */
static const char *const default_questions[] = {
	"F1", "F2", "M1", "M2", "M3", "M4", "M5", "O1", "O2", "S1", "S2", "S3", "S4", "S5",
	"I1", "I2", "I3", "I4", "I5", "K1", "K2", "K3", "IK1", NULL
};
/* Words for yes/no and status literals, as docs/formats.md accepts them in the data. */
static const struct ind_word yesno_words[] = {
	{ "ja", YES }, { "j", YES }, { "yes", YES }, { "y", YES }, { "x", YES },
	{ "sann", YES }, { "true", YES }, { "nei", NO }, { "n", NO }, { "no", NO },
	{ "usann", NO }, { "false", NO }, { "delvis", PARTLY }, { NULL, 0 }
};
static const struct ind_word status_words[] = {
	{ "aktiv", 1 }, { "active", 1 }, { "avsluttet", 0 }, { "avslutta", 0 },
	{ "closed", 0 }, { NULL, 0 }
};

/* ---- a value of a definition file: one or more source lines ---- */

struct seg {
	size_t		 voff;		/* where the segment starts in the value */
	long		 line;
	const char	*l;		/* the whole source line */
	size_t		 llen;
	size_t		 loff;		/* where the segment starts in the line */
};

struct value {
	char		*key;
	struct buf	 text;
	struct seg	*segs;
	size_t		 nsegs, cap;
};

struct deffile {
	const char	*path;
	struct value	*v;
	size_t		 n, cap;
	struct diag	*d;
	int		 bad;
};

/* The line and column (code points, 1-based) of offset off of value v. */
static void
val_pos(const struct value *v, size_t off, long *line, long *col)
{
	const struct seg *s = &v->segs[0];
	size_t i;

	for (i = 1; i < v->nsegs; i++)
		if (v->segs[i].voff <= off)
			s = &v->segs[i];
	*line = s->line;
	*col = (long)utf8_len(s->l, s->loff + (off - s->voff)) + 1;
}

/* Says fmt at offset off (len bytes) of value v. */
static void
val_err(struct deffile *f, const struct value *v, size_t off, size_t len, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void
val_err(struct deffile *f, const struct value *v, size_t off, size_t len, const char *fmt, ...)
{
	va_list ap;
	const struct seg *s = &v->segs[0];
	size_t i, lo;

	for (i = 1; i < v->nsegs; i++)
		if (v->segs[i].voff <= off)
			s = &v->segs[i];
	lo = s->loff + (off - s->voff);
	va_start(ap, fmt);
	ind_vcaret(f->d, DIAG_ERROR, f->path, s->line, s->l, s->llen, lo, len, fmt, ap);
	va_end(ap);
	f->bad = 1;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static int
is_keychar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    c == '_' || c == '.';
}

static void
val_append(struct value *v, long lno, const char *l, size_t llen, size_t from, size_t to)
{
	struct seg *s;

	while (from < to && is_space(l[from]))
		from++;
	while (to > from && is_space(l[to - 1]))
		to--;
	if (v->text.len > 0 && from < to)
		buf_putc(&v->text, ' ');
	v->segs = xgrow(v->segs, &v->cap, v->nsegs, sizeof(*v->segs));
	s = &v->segs[v->nsegs++];
	s->voff = v->text.len;
	s->line = lno;
	s->l = l;
	s->llen = llen;
	s->loff = from;
	buf_put(&v->text, l + from, to - from);
}

/* One line of a definition file. */
static void
def_line(struct deffile *f, long lno, const char *l, size_t llen)
{
	size_t i = 0, ks, ke;
	struct value *v;

	while (i < llen && is_space(l[i]))
		i++;
	if (i == llen || l[i] == '#')
		return;
	if (i > 0) {		/* a continuation of the value above */
		if (f->n == 0) {
			ind_caret(f->d, DIAG_ERROR, f->path, lno, l, llen, i, llen - i,
			    "expected `key = value` at the start of the line, found an indented line");
			f->bad = 1;
			return;
		}
		val_append(&f->v[f->n - 1], lno, l, llen, i, llen);
		return;
	}
	ks = i;
	while (i < llen && is_keychar(l[i]))
		i++;
	ke = i;
	while (i < llen && (l[i] == ' ' || l[i] == '\t'))
		i++;
	if (ke == ks || i == llen || l[i] != '=') {
		size_t at = ke == ks ? ks : i, cl = 1;

		while (at + cl < llen && ((unsigned char)l[at + cl] & 0xc0) == 0x80)
			cl++;
		if (at == llen)
			ind_caret(f->d, DIAG_ERROR, f->path, lno, l, llen, at, 1,
			    "expected '=' after the key, found the end of the line");
		else
			ind_caret(f->d, DIAG_ERROR, f->path, lno, l, llen, at, cl, ke == ks ?
			    "expected a key such as `teller`, found '%.*s'" :
			    "expected '=' after the key, found '%.*s'", (int)cl, l + at);
		f->bad = 1;
		return;
	}
	f->v = xgrow(f->v, &f->cap, f->n, sizeof(*f->v));
	v = &f->v[f->n++];
	memset(v, 0, sizeof(*v));
	v->key = xstrndup(l + ks, ke - ks);
	buf_init(&v->text);
	val_append(v, lno, l, llen, i + 1, llen);
}

static void
def_free(struct deffile *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		free(f->v[i].key);
		buf_free(&f->v[i].text);
		free(f->v[i].segs);
	}
	free(f->v);
}

static const char *
val_str(const struct value *v)
{
	return v->text.data != NULL ? v->text.data : "";
}

/* ---- the condition language ---- */

enum tok { T_END, T_LP, T_RP, T_CMP, T_NUM, T_DATE, T_WORD, T_STR, T_BAD };

struct token {
	enum tok	 t;
	size_t		 off, len;
	double		 num;
	int		 isint;
	int		 date;
	enum expr_cmp	 cmp;
	char		*str;		/* T_STR: the text between the quotes, owned */
};

struct questions {
	char		**id;
	size_t		 n, cap;
};

static void	questions_default(struct questions *);
static void	questions_free(struct questions *);

struct parser {
	struct deffile		*f;
	const struct value	*v;
	const char		*s;
	size_t			 pos;
	struct token		 tok;
	enum table_kind		 source;
	const struct questions	*q;
	int			 depth;		/* of 'not' and brackets */
	int			 tests;		/* in the condition so far */
	int			 failed;
};

static int
is_wordchar(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    c == '_' || c >= 0x80;
}

static size_t
digits(const char *s, size_t i, long *val)
{
	size_t n = 0;

	*val = 0;
	while (s[i + n] >= '0' && s[i + n] <= '9' && n < 9) {
		*val = *val * 10 + (s[i + n] - '0');
		n++;
	}
	return n;
}

/* Lexes a number or a date (dd.mm.yyyy, d/m/yyyy, yyyy-mm-dd) at p->pos. */
static void
lex_number(struct parser *p, struct token *t)
{
	const char *s = p->s;
	size_t i = p->pos, n1, dlen;
	long a;
	int d;

	if ((d = date_scan(s + i, DATE_STRICT, &dlen)) >= 0) {
		t->t = d > 0 ? T_DATE : T_BAD;
		t->date = d;
		t->len = dlen;
		return;
	}
	n1 = digits(s, i, &a);
	t->t = T_NUM;
	t->isint = 1;
	t->num = (double)a;
	t->len = n1;
	if ((s[i + n1] == '.' || s[i + n1] == ',') && s[i + n1 + 1] >= '0' && s[i + n1 + 1] <= '9') {
		char tmp[64];
		size_t n = n1 + 1;

		while (s[i + n] >= '0' && s[i + n] <= '9')
			n++;
		if (n < sizeof(tmp)) {
			memcpy(tmp, s + i, n);
			tmp[n] = '\0';
			tmp[n1] = '.';
			t->num = strtod(tmp, NULL);
		}
		t->isint = 0;
		t->len = n;
	}
	while (is_wordchar((unsigned char)s[i + t->len]))	/* 12months, 3x */
		t->t = T_BAD, t->len++;
}

static void
lex_string(struct parser *p, struct token *t)
{
	const char *s = p->s;
	size_t i = p->pos + 1;
	struct buf b;

	buf_init(&b);
	for (;;) {
		if (s[i] == '\0') {
			t->t = T_BAD;
			t->len = 1;
			buf_free(&b);
			return;
		}
		if (s[i] == '"') {
			if (s[i + 1] != '"')
				break;
			i++;
		}
		buf_putc(&b, s[i++]);
	}
	t->t = T_STR;
	t->len = i + 1 - p->pos;
	t->str = b.data != NULL ? buf_take(&b) : xstrdup("");
}

static void
lex(struct parser *p)
{
	struct token *t = &p->tok;
	const char *s = p->s;
	size_t i;

	free(t->str);
	memset(t, 0, sizeof(*t));
	while (is_space(s[p->pos]))
		p->pos++;
	i = p->pos;
	t->off = i;
	t->len = 1;
	switch (s[i]) {
	case '\0': t->t = T_END; t->len = 0; break;
	case '(': t->t = T_LP; break;
	case ')': t->t = T_RP; break;
	case '=': t->t = T_CMP; t->cmp = CMP_EQ; t->len = s[i + 1] == '=' ? 2 : 1; break;
	case '!':
		t->t = s[i + 1] == '=' ? T_CMP : T_BAD;
		t->cmp = CMP_NE;
		t->len = s[i + 1] == '=' ? 2 : 1;
		break;
	case '<':
		t->t = T_CMP;
		t->cmp = s[i + 1] == '=' ? CMP_LE : s[i + 1] == '>' ? CMP_NE : CMP_LT;
		t->len = s[i + 1] == '=' || s[i + 1] == '>' ? 2 : 1;
		break;
	case '>':
		t->t = T_CMP;
		t->cmp = s[i + 1] == '=' ? CMP_GE : CMP_GT;
		t->len = s[i + 1] == '=' ? 2 : 1;
		break;
	case '"': lex_string(p, t); break;
	default:
		if (s[i] >= '0' && s[i] <= '9') {
			lex_number(p, t);
		} else if (is_wordchar((unsigned char)s[i])) {
			t->t = T_WORD;
			while (is_wordchar((unsigned char)s[i + t->len]))
				t->len++;
		} else {
			t->t = T_BAD;
			while (((unsigned char)s[i + t->len] & 0xc0) == 0x80)
				t->len++;
		}
	}
	p->pos = i + t->len;
}

static int
tok_is(const struct parser *p, const char *word)
{
	return p->tok.t == T_WORD && strlen(word) == p->tok.len &&
	    strncasecmp(p->s + p->tok.off, word, p->tok.len) == 0;
}

/* What the current token is, for "found ..." in messages. */
static const char *
found(struct parser *p, char *tmp, size_t sz)
{
	if (p->tok.t == T_END)
		return "the end of the condition";
	if (p->tok.t == T_BAD && p->s[p->tok.off] == '"')
		return "a '\"' that is never closed";
	snprintf(tmp, sz, "'%.*s'", (int)(p->tok.len > 40 ? 40 : p->tok.len), p->s + p->tok.off);
	return tmp;
}

static struct expr *
perr(struct parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static struct expr *
perr(struct parser *p, const char *fmt, ...)
{
	va_list ap;
	char msg[512];

	if (p->failed)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	val_err(p->f, p->v, p->tok.off, p->tok.len, "%s", msg);
	p->failed = 1;
	return NULL;
}

static struct expr *
node(enum expr_op op)
{
	struct expr *e = xcalloc(1, sizeof(*e));

	e->op = op;
	e->col = -1;
	return e;
}

void
expr_free(struct expr *e)
{
	size_t i;

	if (e == NULL)
		return;
	expr_free(e->a);
	for (i = 0; i < e->nargs; i++)
		expr_free(e->args[i]);
	free(e->args);
	free(e->column);
	free(e->text);
	free(e->window);
	pcre2_code_free(e->re);
	pcre2_match_data_free(e->md);
	free(e);
}

static const char *
source_name(enum table_kind k)
{
	return k == TABLE_PLANS ? "planer" : k == TABLE_SURVEY ? "kartlegging" : "handlingsplan";
}

/* The type of column `name` (len bytes) in the source, as load.c types the tables; its
 * canonical spelling in *canon. */
static int
column_type(const struct parser *p, const char *name, size_t len, const char **canon)
{
	size_t ncols, i;
	const struct load_column *c = load_columns(p->source, &ncols);

	if (p->source == TABLE_SURVEY) {
		if (len == 9 && strncasecmp(name, "kommunenr", 9) == 0) {
			*canon = "kommunenr";
			return COL_KOMMUNE;
		}
		for (i = 0; p->q != NULL && i < p->q->n; i++)
			if (strlen(p->q->id[i]) == len && strncasecmp(p->q->id[i], name, len) == 0) {
				*canon = p->q->id[i];
				return COL_TEXT;
			}
		return -1;
	}
	for (i = 0; i < ncols; i++)
		if (strlen(c[i].name) == len && strncasecmp(c[i].name, name, len) == 0) {
			*canon = c[i].name;
			return (int)c[i].type;
		}
	return -1;
}

/* The column names of the source, comma-separated, built in b. */
static const char *
columns_text(const struct parser *p, struct buf *b)
{
	size_t ncols, i;
	const struct load_column *c = load_columns(p->source, &ncols);

	if (p->source == TABLE_SURVEY) {
		buf_puts(b, "kommunenr");
		for (i = 0; p->q != NULL && i < p->q->n; i++)
			buf_printf(b, ", %s", p->q->id[i]);
	}
	for (i = 0; i < ncols; i++)
		buf_printf(b, "%s%s", i > 0 ? ", " : "", c[i].name);
	return b->data;
}

static int
word_value(const char *w, size_t len, int status)
{
	const struct ind_word *hit = ind_word_find(status ? status_words : yesno_words, w, len);

	return hit != NULL ? hit->v : -1;
}

/* `column = "text"` compares ignoring case (also of æøå) and surrounding space: it is
 * compiled to an anchored pattern with every ASCII punctuation character escaped. */
static int
text_eq_pattern(struct expr *e, char *why, size_t whylen)
{
	struct buf b;
	const char *s;
	PCRE2_SIZE erroff;
	int err;

	buf_init(&b);
	buf_puts(&b, "^\\s*");
	for (s = e->text; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9')))
			buf_putc(&b, '\\');
		buf_putc(&b, *s);
	}
	buf_puts(&b, "\\s*$");
	e->re = pcre2_compile((PCRE2_SPTR)b.data, b.len, CLASSIFY_PCRE2_FLAGS, &err, &erroff,
	    NULL);
	buf_free(&b);
	if (e->re == NULL) {
		/* Only a text too long for PCRE2's compiled size: the pattern is escaped. */
		pcre2_get_error_message(err, (PCRE2_UCHAR *)why, whylen);
		return -1;
	}
	(void)pcre2_jit_compile(e->re, PCRE2_JIT_COMPLETE);
	if ((e->md = pcre2_match_data_create(1, NULL)) == NULL)
		out_of_memory();
	return 0;
}

/* The literal after a comparison with column e (type checked); 0 or -1. */
static int
parse_literal(struct parser *p, struct expr *e)
{
	char tmp[64];
	const char *w = p->s + p->tok.off;
	size_t len = p->tok.len;
	int ordered = e->cmp != CMP_EQ && e->cmp != CMP_NE;

	if (e->is_class) {
		int c = p->tok.t == T_WORD ? classifier_value(e->classifier, w, len) : -2;

		if (ordered) {
			perr(p, "expected = or != with a class, found an ordering");
			return -1;
		}
		if (c == -2) {
			perr(p, "expected a class (%s), found %s", classifier_names(e->classifier),
			    found(p, tmp, sizeof(tmp)));
			return -1;
		}
		e->lit = LIT_WORD;
		e->word = c;
		return 0;
	}
	switch (e->coltype) {
	case COL_DATE:
		if (p->tok.t == T_DATE) {
			e->lit = LIT_DATE;
			e->date = p->tok.date;
			return 0;
		}
		if (tok_is(p, "refdate")) {
			e->lit = LIT_REFDATE;
			return 0;
		}
		perr(p, "expected a date (dd.mm.yyyy) or refdate after the comparison, found %s%s",
		    found(p, tmp, sizeof(tmp)), p->tok.t == T_BAD ? " (not a real date?)" : "");
		return -1;
	case COL_INT:
		if (p->tok.t == T_NUM) {
			e->lit = LIT_NUMBER;
			e->num = p->tok.num;
			return 0;
		}
		perr(p, "expected a number after the comparison (%s is a number column), found %s",
		    e->column, found(p, tmp, sizeof(tmp)));
		return -1;
	case COL_YESNO:
	case COL_PARTLY:
	case COL_STATUS: {
		int isstatus = e->coltype == COL_STATUS;
		int v = p->tok.t == T_WORD ? word_value(w, len, isstatus) : -1;

		if (!isstatus && e->coltype == COL_YESNO && v == PARTLY)
			v = -1;
		if (v == -1 || ordered) {
			perr(p, "expected %s%s (%s is a %s column), found %s",
			    ordered ? "= or != with " : "",
			    isstatus ? "aktiv or avsluttet" : e->coltype == COL_PARTLY ?
			    "ja, nei or delvis" : "ja or nei", e->column,
			    isstatus ? "status" : e->coltype == COL_PARTLY ? "ja/nei/delvis" :
			    "yes/no", found(p, tmp, sizeof(tmp)));
			return -1;
		}
		e->lit = LIT_WORD;
		e->word = v;
		return 0;
	}
	case COL_TEXT:
		if (ordered) {
			perr(p, "expected = or != with a text column (%s), found an ordering",
			    e->column);
			return -1;
		}
		if (p->tok.t == T_STR || p->tok.t == T_WORD || p->tok.t == T_NUM) {
			e->lit = LIT_TEXT;
			e->text = p->tok.t == T_STR ? xstrdup(p->tok.str) : xstrndup(w, len);
			if (text_eq_pattern(e, tmp, sizeof(tmp)) == -1) {
				perr(p, "expected a text short enough to compare with, found "
				    "one of %zu characters (PCRE2: %s)",
				    utf8_len(e->text, strlen(e->text)), tmp);
				return -1;
			}
			return 0;
		}
		perr(p, "expected a text in quotes (\"...\"), found %s", found(p, tmp, sizeof(tmp)));
		return -1;
	default:
		perr(p, "expected a column that can be compared; %s cannot", e->column);
		return -1;
	}
}

/* `within N months|years|days`, the current token being the number. */
static int
parse_within(struct parser *p, struct expr *e)
{
	char tmp[64];

	if (p->tok.t != T_NUM || !p->tok.isint || p->tok.num < 1 || p->tok.num > 36500) {
		perr(p, "expected a whole number from 1 to 36500 (months, years or days) after "
		    "'within', found %s",
		    found(p, tmp, sizeof(tmp)));
		return -1;
	}
	e->n = (int)p->tok.num;
	lex(p);
	if (tok_is(p, "months") || tok_is(p, "month") || tok_is(p, "måneder") ||
	    tok_is(p, "måned")) {
		e->unit = WINDOW_MONTHS;
	} else if (tok_is(p, "years") || tok_is(p, "year") || tok_is(p, "år")) {
		e->unit = WINDOW_MONTHS;
		e->n *= 12;
	} else if (tok_is(p, "days") || tok_is(p, "day") || tok_is(p, "dager") ||
	    tok_is(p, "dagar")) {
		e->unit = WINDOW_DAYS;
	} else {
		perr(p, "expected 'months', 'years' or 'days' after the number, found %s",
		    found(p, tmp, sizeof(tmp)));
		return -1;
	}
	e->window = xcalloc(1, sizeof(*e->window));
	lex(p);
	return 0;
}

static int
parse_match(struct parser *p, struct expr *e)
{
	char tmp[64];
	int err;
	PCRE2_SIZE erroff;
	PCRE2_UCHAR msg[256];

	if (p->tok.t != T_STR) {
		perr(p, "expected a pattern in quotes after 'matches', found %s",
		    found(p, tmp, sizeof(tmp)));
		return -1;
	}
	e->re = pcre2_compile((PCRE2_SPTR)p->tok.str, PCRE2_ZERO_TERMINATED,
	    CLASSIFY_PCRE2_FLAGS, &err, &erroff, NULL);
	if (e->re == NULL) {
		pcre2_get_error_message(err, msg, sizeof(msg));
		p->tok.off += 1 + (erroff < p->tok.len - 2 ? erroff : p->tok.len - 2);
		p->tok.len = 1;
		perr(p, "expected a valid pattern, found an error here: %s", (char *)msg);
		return -1;
	}
	(void)pcre2_jit_compile(e->re, PCRE2_JIT_COMPLETE);
	if ((e->md = pcre2_match_data_create(1, NULL)) == NULL)
		out_of_memory();
	lex(p);
	return 0;
}

/* `is [not] empty|invalid|set`, the current token following 'is'. */
static struct expr *
parse_is(struct parser *p, struct expr *e)
{
	char tmp[64];
	int neg = 0;
	struct expr *n;

	if (tok_is(p, "not")) {
		neg = 1;
		lex(p);
	}
	if (tok_is(p, "empty"))
		e->state = CELL_EMPTY;
	else if (tok_is(p, "invalid") && !e->is_class && !e->is_deadline)
		e->state = CELL_INVALID;
	else if (tok_is(p, "set"))
		e->state = CELL_OK;
	else {
		perr(p, e->is_class || e->is_deadline ?
		    "expected 'empty' or 'set' after 'is', found %s" :
		    "expected 'empty', 'invalid' or 'set' after 'is', found %s",
		    found(p, tmp, sizeof(tmp)));
		expr_free(e);
		return NULL;
	}
	e->op = EXPR_STATE;
	lex(p);
	if (!neg)
		return e;
	n = node(EXPR_NOT);
	n->a = e;
	return n;
}

/* column or class(column), then what is said of it. */
static struct expr *
parse_test(struct parser *p)
{
	char tmp[64];
	struct buf b;
	struct expr *e;
	const char *canon;
	int type, is_class = 0, is_deadline = 0;
	size_t coff;

	if (tok_is(p, "class")) {
		lex(p);
		if (p->tok.t != T_LP)
			return perr(p, "expected '(' after 'class', found %s",
			    found(p, tmp, sizeof(tmp)));
		if (p->source == TABLE_PLANS)
			return perr(p, "expected class() only in kartlegging or handlingsplan "
			    "definitions, found it in a planer definition");
		lex(p);
		is_class = 1;
	} else if (tok_is(p, "deadline")) {
		lex(p);
		if (p->tok.t != T_LP)
			return perr(p, "expected '(' after 'deadline', found %s",
			    found(p, tmp, sizeof(tmp)));
		if (p->source != TABLE_ACTIONS)
			return perr(p, "expected deadline() only in handlingsplan definitions, "
			    "found it in a %s definition", source_name(p->source));
		lex(p);
		is_deadline = 1;
	}
	if (p->tok.t != T_WORD)
		return perr(p, "expected a column name, found %s", found(p, tmp, sizeof(tmp)));
	coff = p->tok.off;
	if ((type = column_type(p, p->s + p->tok.off, p->tok.len, &canon)) == -1) {
		buf_init(&b);
		perr(p, "expected a column of %s (%s), found '%.*s'", source_name(p->source),
		    columns_text(p, &b), (int)p->tok.len, p->s + p->tok.off);
		buf_free(&b);
		return NULL;
	}
	if (is_class && type != COL_TEXT)
		return perr(p, "expected a text column inside class(), found %s", canon);
	if (is_deadline && type != COL_TEXT)
		return perr(p, "expected a text column inside deadline(), found %s", canon);
	e = node(EXPR_CMP);
	e->column = xstrdup(canon);
	/* deadline(tid) is compared as a date: with a date or refdate, or is empty/set. */
	e->coltype = is_deadline ? COL_DATE : type;
	e->is_class = is_class;
	e->is_deadline = is_deadline;
	e->classifier = p->source == TABLE_SURVEY ? CLASSIFIER_ANSWERS : CLASSIFIER_STATUS;
	lex(p);
	if (is_class || is_deadline) {
		if (p->tok.t != T_RP) {
			expr_free(e);
			return perr(p, "expected ')' after the column, found %s",
			    found(p, tmp, sizeof(tmp)));
		}
		lex(p);
	}
	if (tok_is(p, "is")) {
		lex(p);
		return parse_is(p, e);
	}
	if (p->tok.t == T_CMP) {
		e->cmp = p->tok.cmp;
		lex(p);
		if (parse_literal(p, e) == -1) {
			expr_free(e);
			return NULL;
		}
		lex(p);
		return e;
	}
	if (tok_is(p, "within") && !is_class && !is_deadline) {
		if (type != COL_DATE) {
			expr_free(e);
			p->tok.off = coff;
			p->tok.len = strlen(canon);
			return perr(p, "expected a date column before 'within', found %s", canon);
		}
		e->op = EXPR_WITHIN;
		lex(p);
		if (parse_within(p, e) == -1) {
			expr_free(e);
			return NULL;
		}
		return e;
	}
	if (tok_is(p, "matches") && !is_class && !is_deadline) {
		if (type != COL_TEXT) {
			expr_free(e);
			p->tok.off = coff;
			p->tok.len = strlen(canon);
			return perr(p, "expected a text column before 'matches', found %s", canon);
		}
		e->op = EXPR_MATCH;
		lex(p);
		if (parse_match(p, e) == -1) {
			expr_free(e);
			return NULL;
		}
		return e;
	}
	expr_free(e);
	return perr(p, "expected 'is', 'within', 'matches' or a comparison (= != < <= > >=) "
	    "after %s, found %s", canon, found(p, tmp, sizeof(tmp)));
}

static struct expr *parse_or(struct parser *);

static struct expr *
parse_unary(struct parser *p)
{
	char tmp[64];
	struct expr *e, *n;
	size_t open;

	if (++p->depth > 64) {
		return perr(p, "expected a simpler condition, found more than 64 levels of "
		    "'not' and brackets");
	}
	if (tok_is(p, "not")) {
		lex(p);
		if ((e = parse_unary(p)) == NULL)
			return NULL;
		n = node(EXPR_NOT);
		n->a = e;
		p->depth--;
		return n;
	}
	if (p->tok.t == T_LP) {
		open = p->tok.off;
		lex(p);
		if ((e = parse_or(p)) == NULL)
			return NULL;
		if (p->tok.t != T_RP) {
			expr_free(e);
			long line, col;

			val_pos(p->v, open, &line, &col);
			return perr(p, "expected ')' to close the '(' of line %ld, column %ld, "
			    "found %s", line, col, found(p, tmp, sizeof(tmp)));
		}
		lex(p);
		p->depth--;
		return e;
	}
	if (++p->tests > IND_MAX_TESTS)
		return perr(p, "expected a condition of at most %d tests, found more",
		    IND_MAX_TESTS);
	e = parse_test(p);
	p->depth--;
	return e;
}

/* Adds operand e to the AND or OR node n. */
static void
expr_arg(struct expr *n, struct expr *e)
{
	n->args = xgrow(n->args, &n->capargs, n->nargs, sizeof(*n->args));
	n->args[n->nargs++] = e;
}

/* A chain of `sub` joined by `word`, as one node of op with every operand (a single
 * operand is returned as it is). */
static struct expr *
parse_binary(struct parser *p, const char *word, enum expr_op op,
    struct expr *(*sub)(struct parser *))
{
	struct expr *a, *b, *n = NULL;

	if ((a = sub(p)) == NULL)
		return NULL;
	while (tok_is(p, word)) {
		lex(p);
		if ((b = sub(p)) == NULL) {
			expr_free(n != NULL ? n : a);
			return NULL;
		}
		if (n == NULL) {
			n = node(op);
			expr_arg(n, a);
		}
		expr_arg(n, b);
	}
	return n != NULL ? n : a;
}

static struct expr *
parse_and(struct parser *p)
{
	return parse_binary(p, "and", EXPR_AND, parse_unary);
}

static struct expr *
parse_or(struct parser *p)
{
	return parse_binary(p, "or", EXPR_OR, parse_and);
}

/* Parses the condition of value v; NULL after a message. */
static struct expr *
parse_condition(struct deffile *f, const struct value *v, enum table_kind source,
    const struct questions *q)
{
	struct parser p;
	struct expr *e;
	char tmp[64];

	memset(&p, 0, sizeof(p));
	p.f = f;
	p.v = v;
	p.s = val_str(v);
	p.source = source;
	p.q = q;
	lex(&p);
	if (p.tok.t == T_END)
		e = perr(&p, "expected a condition, found nothing");
	else if ((e = parse_or(&p)) != NULL && p.tok.t != T_END) {
		expr_free(e);
		e = perr(&p, "expected 'and', 'or' or the end of the condition, found %s",
		    found(&p, tmp, sizeof(tmp)));
	}
	free(p.tok.str);
	return e;
}

struct expr *
expr_parse(const char *text, enum table_kind source, const char *name, struct diag *d)
{
	struct deffile f;
	struct value v;
	struct questions q;
	struct expr *e;

	memset(&f, 0, sizeof(f));
	memset(&v, 0, sizeof(v));
	memset(&q, 0, sizeof(q));
	f.path = name;
	f.d = d;
	buf_init(&v.text);
	val_append(&v, 1, text, strlen(text), 0, strlen(text));
	questions_default(&q);
	e = parse_condition(&f, &v, source, &q);
	buf_free(&v.text);
	free(v.segs);
	questions_free(&q);
	return e;
}

/* ---- definition files ---- */

static const char *const def_keys[] = {
	"id", "navn.nb", "navn.nn", "beskrivelse.nb", "beskrivelse.nn", "kilde", "type",
	"enhet", "rader", "teller", "god", "middels", "retning", "min_n", "min_n_niva",
	"grunnlag", "hjemmel.nb", "hjemmel.nn", "behov_fra", "behov_til", NULL
};
#define DEF_KEYS_TEXT "id, navn.nb, navn.nn, beskrivelse.nb, beskrivelse.nn, kilde, type, " \
	"enhet, rader, teller, god, middels, retning, min_n, min_n_niva, grunnlag, " \
	"hjemmel.nb, hjemmel.nn, behov_fra, behov_til"

static const struct value *
get(const struct deffile *f, const char *key)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->v[i].key, key) == 0)
			return &f->v[i];
	return NULL;
}

/* Checks keys: known, not repeated, the required ones present. */
static void
check_keys(struct deffile *f)
{
	static const char *const optional[] = { "type", "rader", "min_n_niva", "grunnlag",
	    "hjemmel.nb", "hjemmel.nn", "behov_fra", "behov_til", NULL };
	size_t i, j, k;
	int opt;

	for (i = 0; i < f->n; i++) {
		for (k = 0; def_keys[k] != NULL && strcmp(def_keys[k], f->v[i].key) != 0; k++)
			;
		if (def_keys[k] == NULL) {
			const struct seg *s = &f->v[i].segs[0];

			ind_caret(f->d, DIAG_ERROR, f->path, s->line, s->l, s->llen, 0,
			    strlen(f->v[i].key), "expected a key (%s), found '%s'", DEF_KEYS_TEXT,
			    f->v[i].key);
			f->bad = 1;
			continue;
		}
		for (j = 0; j < i; j++)
			if (strcmp(f->v[j].key, f->v[i].key) == 0) {
				const struct seg *s = &f->v[i].segs[0];

				ind_caret(f->d, DIAG_ERROR, f->path, s->line, s->l, s->llen, 0,
				    strlen(f->v[i].key), "expected each key once, found '%s' again "
				    "(first on line %ld)", f->v[i].key, f->v[j].segs[0].line);
				f->bad = 1;
				break;
			}
	}
	for (k = 0; def_keys[k] != NULL; k++) {
		for (opt = 0, j = 0; optional[j] != NULL; j++)
			opt |= strcmp(optional[j], def_keys[k]) == 0;
		if (!opt && get(f, def_keys[k]) == NULL) {
			diag_msg(f->d, DIAG_ERROR, f->path, 0, 0,
			    "expected a line `%s = ...`, found none", def_keys[k]);
			f->bad = 1;
		}
	}
}

/* Matches v against words (NULL-terminated, with values); -1 after a message. */
static int
choose(struct deffile *f, const struct value *v, const char *const *words, const int *vals,
    const char *expected)
{
	size_t i;

	for (i = 0; words[i] != NULL; i++)
		if (strcasecmp(val_str(v), words[i]) == 0)
			return vals[i];
	val_err(f, v, 0, v->text.len, "expected %s, found '%s'", expected, val_str(v));
	return -1;
}

static int
parse_number(struct deffile *f, const struct value *v, double lo, double hi, int whole,
    const char *expected, double *out)
{
	char *s = xstrdup(val_str(v)), *end, *c;
	double x;

	if ((c = strchr(s, ',')) != NULL)
		*c = '.';
	x = strtod(s, &end);
	if (s[0] == '\0' || *end != '\0' || !(x >= lo && x <= hi) || (whole && x != (long)x) ||
	    strchr(s, 'x') != NULL || strchr(s, 'X') != NULL || strpbrk(s, "nN") != NULL) {
		val_err(f, v, 0, v->text.len, "expected %s, found '%s'", expected, val_str(v));
		free(s);
		return -1;
	}
	free(s);
	*out = x;
	return 0;
}

static void
def_thresholds(struct deffile *f, struct indicator *ind)
{
	static const char *const dirw[] = { "høyere er bedre", "hoyere er bedre",
	    "høgare er betre", "lavere er bedre", "lågare er betre", "lagare er betre", NULL };
	static const int dirv[] = { 1, 1, 1, 0, 0, 0 };
	const struct value *g = get(f, "god"), *m = get(f, "middels"), *r = get(f, "retning");
	const struct value *mn = get(f, "min_n");
	double x;
	int ok = 1;

	if (r != NULL && (ind->higher_is_better = choose(f, r, dirw, dirv,
	    "'høyere er bedre' or 'lavere er bedre'")) == -1)
		ok = 0;
	if (g != NULL && parse_number(f, g, 0, 1e9, 0,
	    "a number such as 80 or 12,5", &ind->god) == -1)
		ok = 0;
	if (m != NULL && parse_number(f, m, 0, 1e9, 0,
	    "a number such as 50 or 12,5", &ind->middels) == -1)
		ok = 0;
	if (mn != NULL && parse_number(f, mn, 1, 1000000, 1,
	    "a whole number of at least 1", &x) == 0)
		ind->min_n = (int)x;
	ind->min_n_level = ind->min_n;
	if ((mn = get(f, "min_n_niva")) != NULL && parse_number(f, mn, 1, 1000000, 1,
	    "a whole number of at least 1", &x) == 0)
		ind->min_n_level = (int)x;
	if (!ok || g == NULL || m == NULL || r == NULL)
		return;
	if (ind->unit == UNIT_PERCENT && (ind->god > 100 || ind->middels > 100))
		val_err(f, ind->god > 100 ? g : m, 0, (ind->god > 100 ? g : m)->text.len,
		    "expected a percentage of at most 100, found '%s'",
		    val_str(ind->god > 100 ? g : m));
	else if (ind->higher_is_better && ind->god < ind->middels)
		val_err(f, g, 0, g->text.len, "expected god at least as high as middels (%g) "
		    "when higher is better, found %g", ind->middels, ind->god);
	else if (!ind->higher_is_better && ind->god > ind->middels)
		val_err(f, g, 0, g->text.len, "expected god at most as high as middels (%g) "
		    "when lower is better, found %g", ind->middels, ind->god);
}

/* The kind, source and unit; 0, or -1 when the source is unknown. */
static int
def_shape(struct deffile *f, struct indicator *ind)
{
	static const char *const srcw[] = { "planer", "kartlegging", "handlingsplan", NULL };
	static const int srcv[] = { TABLE_PLANS, TABLE_SURVEY, TABLE_ACTIONS };
	static const char *const typew[] = { "andel", "dekning", NULL };
	static const int typev[] = { IND_SHARE, IND_COVERAGE };
	static const char *const unitw[] = { "prosent", "per 1000", "promille", NULL };
	static const int unitv[] = { UNIT_PERCENT, UNIT_PER_1000, UNIT_PER_1000 };
	const struct value *v, *t = get(f, "type"), *u = get(f, "enhet");
	int x, kind_ok = 1;

	ind->kind = IND_SHARE;
	if (t != NULL && (x = choose(f, t, typew, typev, "'andel' or 'dekning'")) != -1)
		ind->kind = (enum ind_kind)x;
	else if (t != NULL)
		kind_ok = 0;
	if (u != NULL && (x = choose(f, u, unitw, unitv, "'prosent' or 'per 1000'")) != -1) {
		ind->unit = (enum ind_unit)x;
		/* The value is scaled by the type and the level judged by the unit: a pair
		 * that disagrees would give a wrong level, so it is refused. */
		if (kind_ok && ind->kind == IND_COVERAGE && ind->unit != UNIT_PER_1000)
			val_err(f, u, 0, u->text.len, "expected enhet = per 1000 for type = "
			    "dekning (plans per 1000 inhabitants), found '%s'", val_str(u));
		else if (kind_ok && ind->kind == IND_SHARE && ind->unit != UNIT_PERCENT)
			val_err(f, u, 0, u->text.len, "expected enhet = prosent for type = "
			    "andel (teller as a share of nevner%s), found '%s'",
			    t == NULL ? "; andel when type is not given" : "", val_str(u));
	}
	if ((v = get(f, "kilde")) == NULL ||
	    (x = choose(f, v, srcw, srcv, "'planer', 'kartlegging' or 'handlingsplan'")) == -1)
		return -1;
	ind->source = (enum table_kind)x;
	if (ind->kind == IND_COVERAGE && ind->source != TABLE_PLANS)
		val_err(f, v, 0, v->text.len, "expected kilde = planer for type = dekning "
		    "(plans per 1000 inhabitants), found '%s'", val_str(v));
	return 0;
}

static void
def_texts(struct deffile *f, struct indicator *ind)
{
	static const char *const keys[2][2] = {
		{ "navn.nb", "navn.nn" }, { "beskrivelse.nb", "beskrivelse.nn" }
	};
	const struct value *v;
	int i;

	for (i = 0; i < 2; i++) {
		if ((v = get(f, keys[0][i])) != NULL) {
			if (v->text.len == 0)
				val_err(f, v, 0, 1, "expected a name, found nothing");
			ind->name[i] = xstrdup(val_str(v));
		}
		if ((v = get(f, keys[1][i])) != NULL) {
			if (v->text.len == 0)
				val_err(f, v, 0, 1, "expected a description, found nothing");
			ind->desc[i] = xstrdup(val_str(v));
		}
	}
}

/* What the indicator rests on: a legal duty (with its provisions) or a quality
 * threshold chosen for the reports; and, for coverage, the estimated need. */
static void
def_basis(struct deffile *f, struct indicator *ind)
{
	static const char *const basisw[] = { "lovkrav", "kvalitetskrav", NULL };
	static const int basisv[] = { 1, 0 };
	static const char *const keys[2] = { "hjemmel.nb", "hjemmel.nn" };
	const struct value *v, *lo = get(f, "behov_fra"), *hi = get(f, "behov_til");
	int i, x;

	ind->legal_duty = -1;
	if ((v = get(f, "grunnlag")) != NULL && (x = choose(f, v, basisw, basisv,
	    "'lovkrav' or 'kvalitetskrav'")) != -1)
		ind->legal_duty = x;
	for (i = 0; i < 2; i++)
		if ((v = get(f, keys[i])) != NULL) {
			if (ind->legal_duty != 1)
				val_err(f, v, 0, v->text.len, "expected %s only with grunnlag = "
				    "lovkrav, found it with%s", keys[i], ind->legal_duty == 0 ?
				    " grunnlag = kvalitetskrav" : "out grunnlag");
			ind->basis[i] = xstrdup(val_str(v));
		}
	if (lo == NULL && hi == NULL)
		return;
	if (lo == NULL || hi == NULL) {
		v = lo != NULL ? lo : hi;
		val_err(f, v, 0, v->text.len, "expected behov_fra and behov_til together, found "
		    "only %s", lo != NULL ? "behov_fra" : "behov_til");
		return;
	}
	if (ind->kind != IND_COVERAGE)
		val_err(f, lo, 0, lo->text.len, "expected behov_fra only with type = dekning");
	if (parse_number(f, lo, 0, 1000, 0, "a number per 1000 such as 25", &ind->need_lo)
	    == -1 || parse_number(f, hi, 0, 1000, 0, "a number per 1000 such as 30",
	    &ind->need_hi) == -1)
		return;
	if (ind->need_hi < ind->need_lo)
		val_err(f, hi, 0, hi->text.len, "expected behov_til at least as high as "
		    "behov_fra (%g), found %g", ind->need_lo, ind->need_hi);
}

static void
indicator_clear(struct indicator *ind)
{
	free(ind->id);
	free(ind->name[0]);
	free(ind->name[1]);
	free(ind->desc[0]);
	free(ind->desc[1]);
	free(ind->basis[0]);
	free(ind->basis[1]);
	free(ind->path);
	expr_free(ind->rows);
	expr_free(ind->numerator);
	memset(ind, 0, sizeof(*ind));
}

/* Reads one *.ind file into ind; 0, or -1 after messages (ind is then cleared). */
static int
def_load(struct indicator *ind, const char *path, const char *stem,
    const struct questions *q, struct diag *d)
{
	struct deffile f;
	char *text;
	const char *l;
	size_t len, llen, pos = 0;
	long lno = 0;
	const struct value *v;

	memset(ind, 0, sizeof(*ind));
	if ((text = ind_read_file(path, &len, d)) == NULL)
		return -1;
	memset(&f, 0, sizeof(f));
	f.path = path;
	f.d = d;
	while ((l = ind_next_line(text, len, &pos, &llen)) != NULL)
		def_line(&f, ++lno, l, llen);
	check_keys(&f);
	ind->path = xstrdup(path);
	if ((v = get(&f, "id")) != NULL) {
		ind->id = xstrdup(val_str(v));
		if (strcmp(ind->id, stem) != 0)
			val_err(&f, v, 0, v->text.len, "expected the id to be the file name "
			    "without .ind ('%s'), found '%s'", stem, ind->id);
	}
	def_texts(&f, ind);
	if (def_shape(&f, ind) == 0) {
		if ((v = get(&f, "rader")) != NULL)
			ind->rows = parse_condition(&f, v, ind->source, q);
		if ((v = get(&f, "teller")) != NULL)
			ind->numerator = parse_condition(&f, v, ind->source, q);
	}
	def_thresholds(&f, ind);
	def_basis(&f, ind);
	def_free(&f);
	free(text);
	if (f.bad) {
		indicator_clear(ind);
		return -1;
	}
	return 0;
}

/* ---- the directory ---- */

static void
questions_free(struct questions *q)
{
	size_t i;

	for (i = 0; i < q->n; i++)
		free(q->id[i]);
	free(q->id);
}

/* The question ids of kartlegging.csv (the first field of every line after the header).
 * A missing file leaves q empty: survey definitions then name no question. */
static void
questions_load(struct questions *q, const char *dir, struct diag *d)
{
	char *path = xasprintf("%s/kartlegging.csv", dir), *text, *id;
	size_t len, pos = 0, llen, n;
	long lno = 0;
	const char *l;

	/* Silent: the reading of the data says what is wrong with this file. */
	if (text_slurp(path, path, TEXT_QUIET, DIAG_ERROR, &text, &len, d) != 0) {
		free(path);
		return;
	}
	free(path);
	while ((l = ind_next_line(text, len, &pos, &llen)) != NULL) {
		if (lno++ == 0 || llen == 0 || l[0] == '#')
			continue;
		n = strcspn(l, ";,\t\r\n");
		if (n > llen)
			n = llen;
		if (n > 0 && n < 32) {
			id = xstrndup(l, n);
			if (str_trim(id)[0] != '"') {
				q->id = xgrow(q->id, &q->cap, q->n, sizeof(*q->id));
				q->id[q->n++] = xstrdup(str_trim(id));
			}
			free(id);
		}
	}
	free(text);
}

static void
questions_default(struct questions *q)
{
	size_t i;

	for (i = 0; default_questions[i] != NULL; i++) {
		q->id = xgrow(q->id, &q->cap, q->n, sizeof(*q->id));
		q->id[q->n++] = xstrdup(default_questions[i]);
	}
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.ind file names of dir, sorted; -1 when dir cannot be opened. */
static int
list_defs(const char *dir, char ***names, size_t *n, struct diag *d)
{
	DIR *dp;
	struct dirent *de;
	size_t cap = 0, len;

	*names = NULL;
	*n = 0;
	if ((dp = opendir(dir)) == NULL) {
		diag_msg(d, DIAG_ERROR, dir, 0, 0, "expected a directory of indicator "
		    "definitions, found none: %s", strerror(errno));
		return -1;
	}
	while ((de = readdir(dp)) != NULL) {
		len = strlen(de->d_name);
		if (len > 4 && strcmp(de->d_name + len - 4, ".ind") == 0) {
			*names = xgrow(*names, &cap, *n, sizeof(**names));
			(*names)[(*n)++] = xstrdup(de->d_name);
		}
	}
	closedir(dp);
	if (*n > 0)
		qsort(*names, *n, sizeof(**names), cmp_str);
	return 0;
}

static int
is_known(const char *id)
{
	size_t i;

	for (i = 0; known_ids[i] != NULL; i++)
		if (strcmp(known_ids[i], id) == 0)
			return 1;
	return 0;
}

/* Puts the loaded definitions (tmp) into set->v in the order of rekkefolge.txt. */
static int
apply_order(struct indicator_set *set, struct indicator *tmp, size_t ntmp, char **stems,
    size_t nstems, const char *dir, struct diag *d)
{
	char *path = xasprintf("%s/rekkefolge.txt", dir);
	char *text, *l, *nl, *s;
	size_t len, llen, i, a, b;
	long lno = 0;
	int bad = 0, found;

	set->v = xcalloc(ntmp + 1, sizeof(*set->v));
	if ((text = ind_read_file(path, &len, d)) == NULL) {
		/* The definitions are good without it: they keep the order of the list of
		 * the eight, and only the order file is said to be wrong. */
		diag_msg(d, DIAG_NOTE, path, 0, 0, "the indicators come in the standard order "
		    "(" KNOWN_IDS_TEXT ")");
		for (a = 0; known_ids[a] != NULL; a++)
			for (i = 0; i < ntmp; i++)
				if (tmp[i].id != NULL && strcmp(tmp[i].id, known_ids[a]) == 0) {
					set->v[set->n++] = tmp[i];
					memset(&tmp[i], 0, sizeof(tmp[i]));
				}
		free(path);
		return -1;
	}
	for (l = text; l < text + len; l = nl + 1) {
		lno++;
		if ((nl = memchr(l, '\n', (size_t)(text + len - l))) == NULL)
			nl = text + len;
		llen = (size_t)(nl - l);
		for (a = 0; a < llen && is_space(l[a]); a++)
			;
		for (b = llen; b > a && is_space(l[b - 1]); b--)
			;
		if (a == b || l[a] == '#')
			continue;
		s = xstrndup(l + a, b - a);
		for (found = 0, i = 0; i < nstems; i++)
			found |= strcmp(stems[i], s) == 0;
		for (i = 0; i < ntmp; i++)
			if (tmp[i].id != NULL && strcmp(tmp[i].id, s) == 0) {
				set->v[set->n++] = tmp[i];
				memset(&tmp[i], 0, sizeof(tmp[i]));
				break;
			}
		if (!found && !is_known(s)) {	/* a known one: check_ids says it */
			ind_caret(d, DIAG_ERROR, path, lno, l, llen, a, b - a,
			    "expected the id of a definition file in %s, found '%s' (no %s.ind)",
			    dir, s, s);
			bad = 1;
		}
		free(s);
	}
	for (i = 0; i < ntmp; i++)
		if (tmp[i].id != NULL) {
			diag_msg(d, DIAG_WARNING, path, 0, 0, "expected every indicator in the "
			    "order, found %s missing: it comes last", tmp[i].id);
			set->v[set->n++] = tmp[i];
			memset(&tmp[i], 0, sizeof(tmp[i]));
		}
	free(text);
	free(path);
	return bad ? -1 : 0;
}

/* Every known indicator needs a file; every file a known id. */
static int
check_ids(char **stems, size_t nstems, const char *dir, struct diag *d)
{
	size_t i, j;
	int bad = 0, have;

	for (i = 0; known_ids[i] != NULL; i++) {
		if (strcmp(known_ids[i], KNOWN_OPTIONAL_TEXT) == 0)
			continue;
		for (have = 0, j = 0; j < nstems; j++)
			have |= strcmp(stems[j], known_ids[i]) == 0;
		if (!have) {
			diag_msg(d, DIAG_ERROR, dir, 0, 0, "expected a definition file %s.ind "
			    "(the reports need all eight: " KNOWN_IDS_TEXT "), found none",
			    known_ids[i]);
			bad = 1;
		}
	}
	for (j = 0; j < nstems; j++)
		if (!is_known(stems[j])) {
			char *p = xasprintf("%s/%s.ind", dir, stems[j]);

			diag_msg(d, DIAG_ERROR, p, 0, 0, "expected one of the eight indicators "
			    "(" KNOWN_IDS_TEXT ") or the optional " KNOWN_OPTIONAL_TEXT ", found %s",
			    stems[j]);
			free(p);
			bad = 1;
		}
	return bad ? -1 : 0;
}

int
indicators_load(struct indicator_set *set, const char *dir, struct diag *d)
{
	struct questions q;
	char **names, *path;
	size_t n, i;
	struct indicator *tmp;
	int bad = 0;

	memset(set, 0, sizeof(*set));
	memset(&q, 0, sizeof(q));
	if (list_defs(dir, &names, &n, d) == -1)
		return -1;
	questions_load(&q, dir, d);
	if (q.n == 0)
		questions_default(&q);
	tmp = xcalloc(n + 1, sizeof(*tmp));
	for (i = 0; i < n; i++) {
		names[i][strlen(names[i]) - 4] = '\0';
		path = xasprintf("%s/%s.ind", dir, names[i]);
		if (is_known(names[i]) && def_load(&tmp[i], path, names[i], &q, d) == -1)
			bad = 1;
		free(path);
	}
	if (check_ids(names, n, dir, d) == -1)
		bad = 1;
	if (apply_order(set, tmp, n, names, n, dir, d) == -1)
		bad = 1;
	path = xasprintf("%s/svarklasser.txt", dir);
	if ((set->answers = classifier_load(CLASSIFIER_ANSWERS, path, d)) == NULL)
		bad = 1;
	free(path);
	path = xasprintf("%s/statusklasser.txt", dir);
	if ((set->status = classifier_load(CLASSIFIER_STATUS, path, d)) == NULL)
		bad = 1;
	free(path);
	/* Optional: without it, quoted answers are taken to be in the report's language. */
	path = xasprintf("%s/malform.txt", dir);
	if (access(path, F_OK) == 0 &&
	    (set->written = classifier_load(CLASSIFIER_WRITTEN, path, d)) == NULL)
		bad = 1;
	free(path);
	/* After the order: the rules name indicators by their place in it. */
	if ((set->findings = findings_rules_load(dir, set, (const char *const *)q.id, q.n,
	    d)) == NULL)
		bad = 1;
	if (service_groups_load(&set->services, dir, d) == -1)
		bad = 1;
	for (i = 0; i < n; i++) {
		indicator_clear(&tmp[i]);
		free(names[i]);
	}
	free(tmp);
	free(names);
	questions_free(&q);
	return bad ? -1 : 0;
}

void
indicators_free(struct indicator_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		indicator_clear(&set->v[i]);
	free(set->v);
	classifier_free(set->answers);
	classifier_free(set->status);
	classifier_free(set->written);
	findings_rules_free(set->findings);
	service_groups_free(set->services);
	memset(set, 0, sizeof(*set));
}

const struct indicator *
indicators_find(const struct indicator_set *set, const char *id)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (strcmp(set->v[i].id, id) == 0)
			return &set->v[i];
	return NULL;
}
