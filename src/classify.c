/*
 * Classification of free-text survey answers and action-plan statuses by the PCRE2 patterns
 * of indicators/svarklasser.txt and indicators/statusklasser.txt, and the written standard
 * of open answers (indicators/malform.txt). Patterns are compiled once
 * (UTF, UCP, caseless, JIT where available) and one match block is reused, so classify()
 * is for one thread at a time. Used by ind_parse.c (loading), ind_eval.c and compute.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ind_read.h"
#include "indicator.h"
#include "util.h"

/* Norwegian names first (they are what the files use), English ones accepted too. */
static const struct ind_word answer_names[] = {
	{ "etablert", ANSWER_ESTABLISHED }, { "under_arbeid", ANSWER_PROGRESS },
	{ "ikke_etablert", ANSWER_NOT }, { "ubesvart", ANSWER_NONE },
	{ "ikkje_etablert", ANSWER_NOT }, { "vet_ikke", ANSWER_UNSURE },
	{ "veit_ikkje", ANSWER_UNSURE }, { "unsure", ANSWER_UNSURE },
	{ "established", ANSWER_ESTABLISHED }, { "in_progress", ANSWER_PROGRESS },
	{ "not_established", ANSWER_NOT }, { "not_answered", ANSWER_NONE },
	{ NULL, 0 }
};
static const struct ind_word status_names[] = {
	{ "gjennomfort", STATUS_DONE }, { "gjennomført", STATUS_DONE },
	{ "under_arbeid", STATUS_PROGRESS }, { "ikke_startet", STATUS_NOT_STARTED },
	{ "ukjent", STATUS_UNKNOWN }, { "ikkje_starta", STATUS_NOT_STARTED },
	{ "under_planlegging", STATUS_PLANNED }, { "planned", STATUS_PLANNED },
	{ "done", STATUS_DONE }, { "in_progress", STATUS_PROGRESS },
	{ "not_started", STATUS_NOT_STARTED }, { "unknown", STATUS_UNKNOWN },
	{ NULL, 0 }
};

static const struct ind_word written_names[] = {
	{ "nb", LANG_NB }, { "bokmål", LANG_NB }, { "bokmal", LANG_NB },
	{ "nn", LANG_NN }, { "nynorsk", LANG_NN },
	{ NULL, 0 }
};

struct pattern {
	pcre2_code	*code;
	int		 value;
};

struct classifier {
	enum classifier_kind	 kind;
	struct pattern		*v;
	size_t			 n, cap;
	pcre2_match_data	*md;
};

int
classifier_value(enum classifier_kind kind, const char *name, size_t len)
{
	const struct ind_word *hit = ind_word_find(kind == CLASSIFIER_ANSWERS ? answer_names :
	    kind == CLASSIFIER_STATUS ? status_names : written_names, name, len);

	return hit != NULL ? hit->v : -2;
}

const char *
classifier_names(enum classifier_kind kind)
{
	if (kind == CLASSIFIER_WRITTEN)
		return "nb or nn";
	return kind == CLASSIFIER_ANSWERS ?
	    "etablert, under_arbeid, ikke_etablert, vet_ikke or ubesvart" :
	    "gjennomfort, under_arbeid, under_planlegging, ikke_startet or ukjent";
}

void
classifier_free(struct classifier *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++)
		pcre2_code_free(c->v[i].code);
	free(c->v);
	pcre2_match_data_free(c->md);
	free(c);
}

static int
is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '\f' || ch == '\v';
}

/* Compiles one pattern of a line; 0, or -1 after a message with a caret. */
static int
add_pattern(struct classifier *c, int value, const char *path, long lno, const char *l,
    size_t llen, size_t poff, size_t plen, struct diag *d)
{
	int err;
	PCRE2_SIZE erroff;
	pcre2_code *code;
	PCRE2_UCHAR msg[256];

	code = pcre2_compile((PCRE2_SPTR)(l + poff), plen, CLASSIFY_PCRE2_FLAGS, &err, &erroff,
	    NULL);
	if (code == NULL) {
		pcre2_get_error_message(err, msg, sizeof(msg));
		if (erroff > plen)
			erroff = plen;
		ind_caret(d, DIAG_ERROR, path, lno, l, llen, poff + erroff, 1,
		    "expected a valid pattern, found an error here: %s", (char *)msg);
		return -1;
	}
	(void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);	/* the interpreter if no JIT */
	c->v = xgrow(c->v, &c->cap, c->n, sizeof(*c->v));
	c->v[c->n].code = code;
	c->v[c->n].value = value;
	c->n++;
	return 0;
}

/* One line `class = pattern`; 0, or -1 after a message. */
static int
parse_line(struct classifier *c, const char *path, long lno, const char *l, size_t llen,
    struct diag *d)
{
	size_t i = 0, ns, ne, ps, pe;
	const char *eq;
	int value;

	while (i < llen && is_space(l[i]))
		i++;
	if (i == llen || l[i] == '#')
		return 0;
	eq = memchr(l, '=', llen);
	if (eq == NULL) {
		ind_caret(d, DIAG_ERROR, path, lno, l, llen, i, llen - i,
		    "expected `class = pattern`, found no '='");
		return -1;
	}
	ns = i;
	ne = (size_t)(eq - l);
	while (ne > ns && is_space(l[ne - 1]))
		ne--;
	value = classifier_value(c->kind, l + ns, ne - ns);
	if (ne == ns || value == -2) {
		ind_caret(d, DIAG_ERROR, path, lno, l, llen, ns, ne > ns ? ne - ns : 1,
		    "expected a class (%s), found '%.*s'", classifier_names(c->kind),
		    (int)(ne - ns), l + ns);
		return -1;
	}
	ps = (size_t)(eq - l) + 1;
	pe = llen;
	while (ps < pe && is_space(l[ps]))
		ps++;
	while (pe > ps && is_space(l[pe - 1]))
		pe--;
	if (pe == ps) {
		ind_caret(d, DIAG_ERROR, path, lno, l, llen, (size_t)(eq - l), 1,
		    "expected a pattern after '=', found nothing");
		return -1;
	}
	return add_pattern(c, value, path, lno, l, llen, ps, pe - ps, d);
}

struct classifier *
classifier_load(enum classifier_kind kind, const char *path, struct diag *d)
{
	struct classifier *c;
	char *text;
	const char *l;
	size_t len, llen, pos = 0;
	long lno = 0;
	int bad = 0;

	if ((text = ind_read_file(path, &len, d)) == NULL)
		return NULL;
	c = xcalloc(1, sizeof(*c));
	c->kind = kind;
	while ((l = ind_next_line(text, len, &pos, &llen)) != NULL)
		if (parse_line(c, path, ++lno, l, llen, d) == -1)
			bad = 1;
	free(text);
	if (!bad && c->n == 0) {
		diag_msg(d, DIAG_ERROR, path, 0, 0,
		    "expected at least one `class = pattern` line, found none");
		bad = 1;
	}
	if (bad) {
		classifier_free(c);
		return NULL;
	}
	c->md = pcre2_match_data_create(1, NULL);
	if (c->md == NULL)
		out_of_memory();
	return c;
}

int
classify(struct classifier *c, const char *text, int *unmatched)
{
	const char *end;
	size_t i;
	int unknown = -1;	/* ANSWER_NONE == STATUS_UNKNOWN */

	if (text == NULL)
		return unknown;
	while (is_space(*text) || (text[0] == '\xc2' && text[1] == '\xa0'))
		text += *text == '\xc2' ? 2 : 1;
	end = text + strlen(text);
	while (end > text && (is_space(end[-1]) ||
	    (end - text >= 2 && end[-2] == '\xc2' && end[-1] == '\xa0')))
		end -= is_space(end[-1]) ? 1 : 2;
	if (end == text)
		return unknown;
	if (c != NULL)
		for (i = 0; i < c->n; i++)
			if (pcre2_match(c->v[i].code, (PCRE2_SPTR)text, (size_t)(end - text), 0,
			    0, c->md, NULL) >= 0)
				return c->v[i].value;
	if (unmatched != NULL)
		*unmatched = 1;
	return unknown;
}
