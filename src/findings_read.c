/*
 * findings_read.c: reads the rules of findings.h from indicators/samsvar.txt (the pairs of
 * a survey question and an indicator, and when they disagree) and indicators/funn.txt
 * (which reasons make each list, in order; when a legal duty is not met), against the
 * loaded definitions. Every problem is said at file:line:column with a caret; a file with
 * a problem gives no rules at all. Called by indicators_load (ind_parse.c).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "findings.h"
#include "ind_read.h"
#include "util.h"

/* One file being read: where messages go, and whether one was an error. */
struct rfile {
	const char	*dir;		/* the indicators folder */
	const char	*path;
	struct diag	*d;
	long		 lno;
	const char	*l;
	size_t		 llen;
	int		 bad;
};

static const char *const kind_words[FINDING_NKINDS] = {
	"lovkrav", "nedgang", "avvik", "forfalt", "lav", "ikke_svart", "ingen_handlingsplan"
};
#define KIND_WORDS_TEXT "lovkrav, nedgang, avvik, forfalt, lav, ikke_svart, " \
	"ingen_handlingsplan"

static const struct ind_word level_words[] = {
	{ "lav", LEVEL_LAV }, { "låg", LEVEL_LAV }, { "middels", LEVEL_MIDDELS },
	{ "god", LEVEL_GOD }, { NULL, 0 }
};

const char *
finding_kind_word(enum finding_kind k)
{
	return k < FINDING_NKINDS ? kind_words[k] : "";
}

static void
rf_error(struct rfile *f, size_t off, size_t len, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
rf_error(struct rfile *f, size_t off, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ind_vcaret(f->d, DIAG_ERROR, f->path, f->lno, f->l, f->llen, off, len ? len : 1, fmt,
	    ap);
	va_end(ap);
	f->bad = 1;
}

/* The next word of the value [*pos, end): its span [*ws, *we); 0 when none is left. */
static int
next_word(const char *l, size_t *pos, size_t end, size_t *ws, size_t *we)
{
	size_t p = *pos;

	while (p < end && (l[p] == ' ' || l[p] == '\t'))
		p++;
	if (p == end)
		return 0;
	*ws = p;
	while (p < end && l[p] != ' ' && l[p] != '\t')
		p++;
	*we = p;
	*pos = p;
	return 1;
}

/* 1 when the key of kv is `key`. */
static int
key_is(const struct rfile *f, const struct kv_span *kv, const char *key)
{
	return kv->ke - kv->ks == strlen(key) && strncmp(f->l + kv->ks, key, kv->ke - kv->ks) == 0;
}

/* The index of the indicator with the id at [ws, we); -1 after a message, or -2 when its
 * definition file is there but could not be used (said already: the pair is left out). */
static long
word_indicator(struct rfile *f, const struct indicator_set *set, size_t ws, size_t we)
{
	char *path;
	size_t i;
	int there;

	for (i = 0; i < set->n; i++)
		if (strlen(set->v[i].id) == we - ws && strncmp(set->v[i].id, f->l + ws, we - ws) == 0)
			break;
	if (i == set->n) {
		path = xasprintf("%s/%.*s.ind", f->dir, (int)(we - ws), f->l + ws);
		there = access(path, F_OK) == 0;
		free(path);
		if (there)
			return -2;
		rf_error(f, ws, we - ws, "expected the id of an indicator (a file in the "
		    "indicators folder), found '%.*s'", (int)(we - ws), f->l + ws);
		return -1;
	}
	if (set->v[i].source == TABLE_SURVEY) {
		rf_error(f, ws, we - ws, "expected a plan or action-plan indicator, found '%s': "
		    "a municipality's figure of a survey indicator is its answer, with no level "
		    "to set an answer against", set->v[i].id);
		return -1;
	}
	return (long)i;
}

/* An answer class named at [ws, we) (not ubesvart), or -1 after a message. */
static int
word_class(struct rfile *f, size_t ws, size_t we)
{
	int v = classifier_value(CLASSIFIER_ANSWERS, f->l + ws, we - ws);

	if (v < 0 || v > ANSWER_UNSURE) {
		rf_error(f, ws, we - ws, "expected an answer class (etablert, under_arbeid, "
		    "ikke_etablert, vet_ikke), found '%.*s'", (int)(we - ws), f->l + ws);
		return -1;
	}
	return v;
}

static int
word_level(struct rfile *f, size_t ws, size_t we)
{
	const struct ind_word *w = ind_word_find(level_words, f->l + ws, we - ws);

	if (w == NULL) {
		rf_error(f, ws, we - ws, "expected a level (god, middels, lav), found '%.*s'",
		    (int)(we - ws), f->l + ws);
		return -1;
	}
	return w->v;
}

/* Says that the value has a word too many, from ws on. */
static void
too_many(struct rfile *f, const struct kv_span *kv, size_t ws, const char *what)
{
	rf_error(f, ws, kv->ve - ws, "expected %s, found more: '%.*s'", what,
	    (int)(kv->ve - ws), f->l + ws);
}

/* par = QUESTION INDICATOR */
static void
read_pair(struct rfile *f, const struct kv_span *kv, struct findings_rules *r,
    const struct indicator_set *set, const char *const *qids, size_t nq, size_t *cap)
{
	size_t pos = kv->vs, qs, qe, is, ie, xs, xe, i;
	long ind;

	if (!next_word(f->l, &pos, kv->ve, &qs, &qe) ||
	    !next_word(f->l, &pos, kv->ve, &is, &ie)) {
		rf_error(f, kv->vs, kv->ve - kv->vs, "expected `par = QUESTION INDICATOR` (such "
		    "as `par = K1 koordinator`), found '%.*s'", (int)(kv->ve - kv->vs),
		    f->l + kv->vs);
		return;
	}
	if (next_word(f->l, &pos, kv->ve, &xs, &xe)) {
		too_many(f, kv, xs, "a question and an indicator");
		return;
	}
	for (i = 0; i < nq; i++)
		if (strlen(qids[i]) == qe - qs && strncmp(qids[i], f->l + qs, qe - qs) == 0)
			break;
	if (i == nq) {
		rf_error(f, qs, qe - qs, "expected the id of a question of kartlegging.csv (F1 "
		    "... IK1), found '%.*s'", (int)(qe - qs), f->l + qs);
		return;
	}
	if ((ind = word_indicator(f, set, is, ie)) < 0)
		return;	/* said, or its definition is broken and said */
	for (i = 0; i < r->npairs; i++)
		if (r->pairs[i].ind == (size_t)ind && strlen(r->pairs[i].question) == qe - qs &&
		    strncmp(r->pairs[i].question, f->l + qs, qe - qs) == 0) {
			rf_error(f, qs, ie - qs, "expected each pair once, found '%.*s' again",
			    (int)(ie - qs), f->l + qs);
			return;
		}
	r->pairs = xgrow(r->pairs, cap, r->npairs, sizeof(*r->pairs));
	r->pairs[r->npairs].question = xstrndup(f->l + qs, qe - qs);
	r->pairs[r->npairs++].ind = (size_t)ind;
}

/* avvik = CLASS LEVEL */
static void
read_disagree(struct rfile *f, const struct kv_span *kv, struct findings_rules *r)
{
	size_t pos = kv->vs, cs, ce, ls, le, xs, xe;
	int cls, lvl;

	if (!next_word(f->l, &pos, kv->ve, &cs, &ce) ||
	    !next_word(f->l, &pos, kv->ve, &ls, &le)) {
		rf_error(f, kv->vs, kv->ve - kv->vs, "expected `avvik = ANSWER_CLASS LEVEL` "
		    "(such as `avvik = etablert lav`), found '%.*s'", (int)(kv->ve - kv->vs),
		    f->l + kv->vs);
		return;
	}
	if (next_word(f->l, &pos, kv->ve, &xs, &xe)) {
		too_many(f, kv, xs, "an answer class and a level");
		return;
	}
	if ((cls = word_class(f, cs, ce)) < 0 || (lvl = word_level(f, ls, le)) < 0)
		return;
	if (r->disagree[cls][lvl]) {
		rf_error(f, cs, le - cs, "expected each rule once, found '%.*s' again",
		    (int)(le - cs), f->l + cs);
		return;
	}
	r->disagree[cls][lvl] = 1;
}

/* A list of reasons (utviklingsomrader, oppfolging). */
static void
read_order(struct rfile *f, const struct kv_span *kv, struct findings_rules *r,
    enum findings_list which)
{
	size_t pos = kv->vs, ws, we, k, i;

	r->norder[which] = 0;
	while (next_word(f->l, &pos, kv->ve, &ws, &we)) {
		for (k = 0; k < FINDING_NKINDS; k++)
			if (strlen(kind_words[k]) == we - ws &&
			    strncmp(kind_words[k], f->l + ws, we - ws) == 0)
				break;
		if (k == FINDING_NKINDS) {
			rf_error(f, ws, we - ws, "expected a reason (" KIND_WORDS_TEXT "), found "
			    "'%.*s'", (int)(we - ws), f->l + ws);
			continue;
		}
		for (i = 0; i < r->norder[which]; i++)
			if (r->order[which][i] == (enum finding_kind)k)
				break;
		if (i < r->norder[which]) {
			rf_error(f, ws, we - ws, "expected each reason once in the list, found "
			    "'%s' again", kind_words[k]);
			continue;
		}
		r->order[which][r->norder[which]++] = (enum finding_kind)k;
	}
}

/* A list of levels (lovkrav.nivaer) or answer classes (lovkrav.svar). */
static void
read_set(struct rfile *f, const struct kv_span *kv, unsigned char *set, int levels)
{
	size_t pos = kv->vs, ws, we;
	int v;

	while (next_word(f->l, &pos, kv->ve, &ws, &we)) {
		v = levels ? word_level(f, ws, we) : word_class(f, ws, we);
		if (v >= 0)
			set[v] = 1;
	}
}

static void
read_max(struct rfile *f, const struct kv_span *kv, struct findings_rules *r)
{
	char num[16], *end;
	long v;

	snprintf(num, sizeof(num), "%.*s", (int)(kv->ve - kv->vs < 15 ? kv->ve - kv->vs : 15),
	    f->l + kv->vs);
	v = strtol(num, &end, 10);
	if (kv->ve == kv->vs || kv->ve - kv->vs > 15 || *end != '\0' || v < 1 || v > 50) {
		rf_error(f, kv->vs, kv->ve - kv->vs, "expected how many areas are listed, a "
		    "whole number from 1 to 50, found '%.*s'", (int)(kv->ve - kv->vs),
		    f->l + kv->vs);
		return;
	}
	r->max = (size_t)v;
}

/* The keys of funn.txt, each once and all required. */
static const char *const funn_keys[] = {
	"utviklingsomrader", "utviklingsomrader.maks", "oppfolging", "lovkrav.nivaer",
	"lovkrav.svar", NULL
};

static void
read_funn_line(struct rfile *f, const struct kv_span *kv, struct findings_rules *r,
    long *seen)
{
	size_t i;

	for (i = 0; funn_keys[i] != NULL; i++)
		if (key_is(f, kv, funn_keys[i]))
			break;
	if (funn_keys[i] == NULL) {
		rf_error(f, kv->ks, kv->ke - kv->ks, "expected a key (utviklingsomrader, "
		    "utviklingsomrader.maks, oppfolging, lovkrav.nivaer, lovkrav.svar), found "
		    "'%.*s'", (int)(kv->ke - kv->ks), f->l + kv->ks);
		return;
	}
	if (seen[i] != 0) {
		rf_error(f, kv->ks, kv->ke - kv->ks, "the key '%s' is already given on line "
		    "%ld; give each key once", funn_keys[i], seen[i]);
		return;
	}
	seen[i] = f->lno;
	switch (i) {
	case 0:
		read_order(f, kv, r, FINDINGS_DEVELOPMENT);
		break;
	case 1:
		read_max(f, kv, r);
		break;
	case 2:
		read_order(f, kv, r, FINDINGS_FOLLOWUP);
		break;
	case 3:
		read_set(f, kv, r->legal_level, 1);
		break;
	default:
		read_set(f, kv, r->legal_answer, 0);
		break;
	}
}

/* Reads one rules file line by line; line() gets every `key = value` line. Returns 0, -1
 * when a line was wrong, or -2 when the file could not be read (said). */
static int
read_rules_file(struct rfile *f, void (*line)(struct rfile *, const struct kv_span *,
    void *), void *arg)
{
	char *text;
	size_t len, pos = 0;
	struct kv_span kv;
	int k;

	if ((text = ind_read_file(f->path, &len, f->d)) == NULL)
		return -2;
	while ((f->l = ind_next_line(text, len, &pos, &f->llen)) != NULL) {
		f->lno++;
		if ((k = kv_split(f->l, f->llen, &kv)) == 0)
			continue;
		if (k == -1) {
			rf_error(f, kv.ks, f->llen - kv.ks, "expected `key = value`, found no '='");
			continue;
		}
		line(f, &kv, arg);
	}
	free(text);
	return f->bad ? -1 : 0;
}

struct samsvar_arg {
	struct findings_rules		*r;
	const struct indicator_set	*set;
	const char *const		*qids;
	size_t				 nq, cap;
};

static void
samsvar_line(struct rfile *f, const struct kv_span *kv, void *arg)
{
	struct samsvar_arg *a = arg;

	if (key_is(f, kv, "par"))
		read_pair(f, kv, a->r, a->set, a->qids, a->nq, &a->cap);
	else if (key_is(f, kv, "avvik"))
		read_disagree(f, kv, a->r);
	else
		rf_error(f, kv->ks, kv->ke - kv->ks, "expected the key par or avvik, found "
		    "'%.*s'", (int)(kv->ke - kv->ks), f->l + kv->ks);
}

struct funn_arg {
	struct findings_rules	*r;
	long			 seen[6];
};

static void
funn_line(struct rfile *f, const struct kv_span *kv, void *arg)
{
	struct funn_arg *a = arg;

	read_funn_line(f, kv, a->r, a->seen);
}

struct findings_rules *
findings_rules_load(const char *dir, const struct indicator_set *set,
    const char *const *qids, size_t nq, struct diag *d)
{
	struct findings_rules *r = xcalloc(1, sizeof(*r));
	struct samsvar_arg sa = { r, set, qids, nq, 0 };
	struct funn_arg fa;
	struct rfile f;
	int bad = 0, rc;
	size_t i;

	memset(&f, 0, sizeof(f));
	f.dir = dir;
	f.path = xasprintf("%s/samsvar.txt", dir);
	f.d = d;
	bad |= read_rules_file(&f, samsvar_line, &sa) != 0;
	free((char *)f.path);
	memset(&f, 0, sizeof(f));
	memset(&fa, 0, sizeof(fa));
	fa.r = r;
	f.dir = dir;
	f.path = xasprintf("%s/funn.txt", dir);
	f.d = d;
	if ((rc = read_rules_file(&f, funn_line, &fa)) != 0)
		bad = 1;
	if (rc != -2)
		for (i = 0; funn_keys[i] != NULL; i++)
			if (fa.seen[i] == 0) {
				diag_msg(d, DIAG_ERROR, f.path, 0, 0, "expected the key %s, found "
				    "none", funn_keys[i]);
				bad = 1;
			}
	free((char *)f.path);
	if (bad) {
		findings_rules_free(r);
		return NULL;
	}
	return r;
}

void
findings_rules_free(struct findings_rules *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->npairs; i++)
		free(r->pairs[i].question);
	free(r->pairs);
	free(r);
}
