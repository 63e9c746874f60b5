/*
 * Loading the data directory (see load.h): finds the input files by name, reads each
 * through text.c and csv.c, matches its header, types its fields (field.c) and fills the
 * tables of model.h. Also owns model.h's lookup functions. Plan ids are kept only as
 * hashes while their file is read, to find repeats; they never reach the tables.
 */
#define _DEFAULT_SOURCE	/* madvise(MADV_HUGEPAGE) */
#include <sys/mman.h>

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "field.h"
#include "load.h"
#include "text.h"

/* One change from kommuneendringer.csv. */
struct load_change {
	char	old[5], new[5];
	int32_t	date;
};

/* A folded municipality name (whole, or one of its forms) and its register index. */
struct load_name {
	char	*folded;
	int	 kommune;
};

/* A plan id's 128-bit hash: ids are told apart by it alone, as they are not kept (two ids
 * of one file share it with a chance of about n^2 / 2^129, nil for any real n). */
struct load_key {
	uint64_t	 a, b;		/* a is never 0 */
};

/* The plan ids seen in the file being read: their hashes and the lines of their rows,
 * in an open-addressing table (a == 0 marks a free slot). */
struct load_id {
	struct load_key	 key;
	long		 line;
};

struct load_idset {
	struct load_id	*v;
	size_t		 cap, n;
	size_t		 hint;		/* first size: a power of two */
	int		 mapped;	/* v comes from mmap */
};

struct load_ctx {
	struct dataset		*ds;
	struct diag		*d;
	struct field_aliases	 aliases;
	struct load_change	*changes;
	size_t			 nchanges, capchanges;
	struct load_name	*names;
	size_t			 nnames;
	size_t			 capkommuner, capfylker;
	int16_t			*bynr;		/* register index per number 0..9999, or -1 */
};

enum load_kind { LOAD_REGISTER, LOAD_CHANGES, LOAD_PLANS, LOAD_SURVEY, LOAD_ACTIONS,
	LOAD_QUESTIONS };

/* The file being read: its header map, the table it fills and the kind's state. */
struct load_file {
	struct load_ctx		*ctx;
	enum load_kind		 kind;
	const char		*shown;
	struct source		*src;
	const char *const	*names;		/* canonical names a header may stand for */
	const int		*required;	/* per name */
	size_t			 nnames;
	int			*pos;		/* per name: field index in the row, or -1 */
	int			 header_done;
	int			 refused;
	size_t			 nheader;
	struct table		*t;
	size_t			 capcells, caprows, cappos, capupd;
	struct cell		*row;		/* the row being built, t->ncols cells */
	struct load_idset	 ids;
	int			*seen;		/* survey: line per register index, 0 if none */
	struct buf		 scratch;
};

static const struct csv_field load_empty = { "", 0, 0, 0, 0, 0 };

/* ---- small helpers ---------------------------------------------------------------- */

static char *
load_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	if (strcmp(dir, ".") == 0)
		return xstrdup(name);
	if (n > 0 && dir[n - 1] == '/')
		return xasprintf("%s%s", dir, name);
	return xasprintf("%s/%s", dir, name);
}

static const struct csv_field *
load_get(const struct load_file *lf, const struct csv_field *f, size_t n, size_t name)
{
	int i = lf->pos[name];

	if (i < 0 || (size_t)i >= n)
		return &load_empty;
	return &f[i];
}

static uint64_t
load_rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

static uint64_t
load_fmix(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xFF51AFD7ED558CCDULL;
	k ^= k >> 33;
	k *= 0xC4CEB9FE1A85EC53ULL;
	k ^= k >> 33;
	return k;
}

/* The 128-bit hash of a plan id (MurmurHash3 x64 128 rounds over the id in 16-byte
 * blocks, the last one zero-padded; the length is mixed in at the end). */
static struct load_key
load_hash(const char *s, size_t len)
{
	const uint64_t c1 = 0x87C37B91114253D5ULL, c2 = 0x4CF5AD432745937FULL;
	uint64_t h1 = 0x9E3779B97F4A7C15ULL, h2 = 0xD6E8FEB86659FD93ULL, k1, k2;
	unsigned char blk[16];
	struct load_key key;
	size_t i, n;

	for (i = 0; i < len || i == 0; i += 16) {
		n = len - i < 16 ? len - i : 16;
		memset(blk, 0, sizeof(blk));
		memcpy(blk, s + i, n);
		memcpy(&k1, blk, 8);
		memcpy(&k2, blk + 8, 8);
		k1 *= c1;
		k1 = load_rotl(k1, 31);
		k1 *= c2;
		h1 ^= k1;
		h1 = load_rotl(h1, 27) + h2;
		h1 = h1 * 5 + 0x52DCE729;
		k2 *= c2;
		k2 = load_rotl(k2, 33);
		k2 *= c1;
		h2 ^= k2;
		h2 = load_rotl(h2, 31) + h1;
		h2 = h2 * 5 + 0x38495AB5;
	}
	h1 ^= len;
	h2 ^= len;
	h1 += h2;
	h2 += h1;
	h1 = load_fmix(h1);
	h2 = load_fmix(h2);
	h1 += h2;
	h2 += h1;
	key.a = h1 == 0 ? 1 : h1;
	key.b = h2;
	return key;
}

/* A zeroed table of n slots. A large one is mapped with huge pages asked for, as its
 * accesses are random (*mapped is set then). */
static struct load_id *
load_ids_alloc(size_t n, int *mapped)
{
	size_t size = n * sizeof(struct load_id);
	void *p;

	*mapped = 0;
	if (size >= ((size_t)4 << 20)) {
		p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p != MAP_FAILED) {
			madvise(p, size, MADV_HUGEPAGE);
			*mapped = 1;
			return p;
		}
	}
	return xcalloc(n, sizeof(struct load_id));
}

static void
load_ids_release(struct load_id *v, size_t n, int mapped)
{
	if (mapped)
		munmap(v, n * sizeof(*v));
	else
		free(v);
}

/* Line of the row whose id has key h, or 0; *slot is where h would go. */
static long
load_ids_find(struct load_idset *s, struct load_key h, size_t *slot)
{
	size_t i, k;

	if (s->cap == 0 || (s->n + 1) * 4 > s->cap * 3) {
		struct load_idset g = { NULL, s->cap == 0 ? s->hint : s->cap * 2, 0, 0, 0 };

		g.v = load_ids_alloc(g.cap, &g.mapped);
		for (i = 0; i < s->cap; i++)
			if (s->v[i].key.a != 0) {
				load_ids_find(&g, s->v[i].key, &k);
				g.v[k] = s->v[i];
				g.n++;
			}
		load_ids_release(s->v, s->cap, s->mapped);
		g.hint = s->hint;
		*s = g;
	}
	for (i = h.a & (s->cap - 1); s->v[i].key.a != 0; i = (i + 1) & (s->cap - 1))
		if (s->v[i].key.a == h.a && s->v[i].key.b == h.b)
			return *slot = i, s->v[i].line;
	*slot = i;
	return 0;
}

/* Adds h at the slot load_ids_find gave, with no other change in between. */
static void
load_ids_put(struct load_idset *s, size_t slot, struct load_key h, long line)
{
	s->v[slot].key = h;
	s->v[slot].line = line;
	s->n++;
}

static void
load_ids_free(struct load_idset *s)
{
	load_ids_release(s->v, s->cap, s->mapped);
	memset(s, 0, sizeof(*s));
}

/* ---- municipalities --------------------------------------------------------------- */

static int
load_kommune_cmp(const void *a, const void *b)
{
	return strcmp(((const struct kommune *)a)->nr, ((const struct kommune *)b)->nr);
}

static int
load_find_kommune(const struct kommune_register *r, const char *nr)
{
	size_t lo = 0, hi = r->nkommuner;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(r->kommuner[mid].nr, nr);

		if (c == 0)
			return (int)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int
load_nr_value(const char *nr)
{
	return (nr[0] - '0') * 1000 + (nr[1] - '0') * 100 + (nr[2] - '0') * 10 + (nr[3] - '0');
}

/* The register index of a four-digit number, or -1. */
static int
load_lookup(const struct load_ctx *c, const char *nr)
{
	if (c->bynr == NULL)
		return load_find_kommune(&c->ds->reg, nr);
	return c->bynr[load_nr_value(nr)];
}

/* The successors of nr by changes in force from `since`: their count, the first in *one,
 * all of them listed in list ("1508 Ålesund and 1580 Haram", names from the register). */
static size_t
load_successors(const struct load_ctx *c, const char *nr, int32_t since, char one[5],
    struct buf *list)
{
	size_t i, j, n = 0;
	int k;

	for (i = 0; i < c->nchanges; i++) {
		const struct load_change *ch = &c->changes[i];
		int dup = 0;

		if (strcmp(ch->old, nr) != 0 || strcmp(ch->new, nr) == 0 || ch->date < since)
			continue;
		for (j = 0; j < i; j++)
			if (strcmp(c->changes[j].old, nr) == 0 && c->changes[j].date >= since &&
			    strcmp(c->changes[j].new, ch->new) == 0)
				dup = 1;
		if (dup)
			continue;
		if (n == 0)
			memcpy(one, ch->new, 5);
		k = load_lookup(c, ch->new);
		buf_printf(list, "%s%s%s%s", n > 0 ? " and " : "", ch->new, k >= 0 ? " " : "",
		    k >= 0 ? c->ds->reg.kommuner[k].navn : "");
		n++;
	}
	return n;
}

/* Follows kommuneendringer.csv from nr to today's number. Returns the register index,
 * -1 (unknown) or -2 (split: list names the successors). */
static int
load_follow(const struct load_ctx *c, const char *nr, struct buf *path, struct buf *list)
{
	char cur[5], next[5];
	int32_t since = 0;
	int steps, k;

	memcpy(cur, nr, 5);
	for (steps = 0; steps < 32; steps++) {
		size_t n, i;

		buf_reset(list);
		n = load_successors(c, cur, since, next, list);
		if (n == 0)
			return -1;
		if (n > 1)
			return -2;
		for (i = 0; i < c->nchanges; i++)
			if (strcmp(c->changes[i].old, cur) == 0 &&
			    strcmp(c->changes[i].new, next) == 0 && c->changes[i].date >= since)
				since = c->changes[i].date;
		buf_printf(path, " -> %s", next);
		k = load_find_kommune(&c->ds->reg, next);
		if (k >= 0 && load_successors(c, next, since + 1, cur, list) == 0)
			return k;
		memcpy(cur, next, 5);
	}
	return -1;
}

/* Reads a kommunenr field: register index, or -1 after a row error. */
static int
load_kommunenr(struct load_file *lf, const struct csv_field *f)
{
	struct load_ctx *c = lf->ctx;
	char nr[5], shown[FIELD_SHOWN];
	int padded, k;
	struct buf path, list;

	switch (field_kommunenr(f->s, nr, &padded)) {
	case FIELD_EMPTY:
		diag_msg(c->d, DIAG_ERROR, lf->shown, f->line, f->col, "expected a kommunenr "
		    "(four digits), found an empty field; the row is left out");
		return -1;
	case FIELD_BAD:
		field_shown(f->s, shown);
		diag_msg(c->d, DIAG_ERROR, lf->shown, f->line, f->col, "expected a kommunenr "
		    "(four digits), found '%s'; the row is left out", shown);
		return -1;
	case FIELD_OK:
		break;
	}
	if (padded) {
		field_shown(f->s, shown);
		diag_msg(c->d, DIAG_WARNING, lf->shown, f->line, f->col, "expected a kommunenr "
		    "of four digits, found '%s'; read as %s (a leading zero lost in Excel)",
		    shown, nr);
	}
	if ((k = load_lookup(c, nr)) >= 0)
		return k;
	buf_init(&path);
	buf_init(&list);
	k = load_follow(c, nr, &path, &list);
	if (k >= 0)
		diag_msg(c->d, DIAG_WARNING, lf->shown, f->line, f->col, "kommunenr %s is no "
		    "longer in use; read as %s %s (%s%s, by kommuneendringer.csv)", nr,
		    c->ds->reg.kommuner[k].nr, c->ds->reg.kommuner[k].navn, nr, path.data);
	else if (k == -2)
		diag_msg(c->d, DIAG_ERROR, lf->shown, f->line, f->col, "kommunenr %s was split "
		    "into %s%s (by kommuneendringer.csv), so the row cannot be given to one "
		    "municipality; expected today's number; the row is left out", nr,
		    list.data, path.len > 0 ? " after a renumbering" : "");
	else
		diag_msg(c->d, DIAG_ERROR, lf->shown, f->line, f->col, "expected a kommunenr "
		    "in the register (kommuner.csv), found %s%s; the row is left out", nr,
		    c->nchanges > 0 ? ", which kommuneendringer.csv does not know either" : "");
	buf_free(&path);
	buf_free(&list);
	return k >= 0 ? k : -1;
}

static int
load_name_cmp(const void *a, const void *b)
{
	return strcmp(((const struct load_name *)a)->folded, ((const struct load_name *)b)->folded);
}

/* 1 when the word s[0, n) names what a municipality is, as official names write it after
 * the name: kommune, herad (nynorsk), suohkan and gielda (North and Lule Sami), gïelda and
 * tjïelte (South and Ume Sami). */
static int
load_kind_word(const char *s, size_t n)
{
	static const char *const kinds[] = { "kommune", "herad", "suohkan", "gielda",
	    "tjielte" };
	char *t = xstrndup(s, n);
	struct buf f;
	size_t i;
	int found = 0;

	buf_init(&f);
	field_fold(t, &f, 1);
	for (i = 0; f.data != NULL && i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(f.data, kinds[i]) == 0)
			found = 1;
	buf_free(&f);
	free(t);
	return found;
}

/* Appends one form s[0, len) of a name to out without the word after the name that says
 * what it is, also before a parenthesis: "Kvam herad" -> "Kvam", "Herøy kommune
 * (Nordland)" -> "Herøy (Nordland)". A word is cut only after a space ("Kvinnherad"). */
static void
load_strip_kind(const char *s, size_t len, struct buf *out)
{
	const char *paren = memchr(s, '(', len);
	size_t head = paren != NULL ? (size_t)(paren - s) : len, end = head, w;

	while (end > 0 && s[end - 1] == ' ')
		end--;
	for (w = end; w > 0 && s[w - 1] != ' '; w--)
		;
	if (w > 0 && load_kind_word(s + w, end - w))
		end = w - 1;
	buf_put(out, s, end);
	buf_putc(out, ' ');
	buf_put(out, s + head, len - head);
}

/* Folds a municipality name for matching: in each of its forms (joined by " - ") no
 * " kommune", " herad" or Sami kind word at the end, no punctuation, no diacritics. */
static char *
load_fold_name(const char *s, size_t len)
{
	struct buf b, f;
	const char *end = s + len, *p, *sep;
	char *r;
	size_t n;

	buf_init(&b);
	for (p = s; ; p = sep + 3) {
		for (sep = p; sep + 3 <= end && memcmp(sep, " - ", 3) != 0; sep++)
			;
		load_strip_kind(p, sep + 3 <= end ? (size_t)(sep - p) : (size_t)(end - p), &b);
		if (sep + 3 > end)
			break;
	}
	buf_init(&f);
	field_fold(b.data != NULL ? b.data : "", &f, 1);
	buf_free(&b);
	r = f.data != NULL ? buf_take(&f) : xstrdup("");
	n = strlen(r);
	if (n > 7 && strcmp(r + n - 7, "kommune") == 0)
		r[n - 7] = '\0';	/* "Sykkylven-kommune" */
	return r;
}

static void
load_add_name(struct load_ctx *c, size_t *cap, const char *s, size_t len, int k)
{
	char *f = load_fold_name(s, len);

	if (*f == '\0') {
		free(f);
		return;
	}
	c->names = xgrow(c->names, cap, c->nnames, sizeof(*c->names));
	c->names[c->nnames].folded = f;
	c->names[c->nnames].kommune = k;
	c->nnames++;
}

/* Indexes every name form of the register: "A - B - C" gives the whole, A, B and C;
 * "Herøy (Nordland)" also gives "Herøy". */
static void
load_index_names(struct load_ctx *c)
{
	const struct kommune_register *r = &c->ds->reg;
	size_t i, cap = 0;

	for (i = 0; i < r->nkommuner; i++) {
		const char *n = r->kommuner[i].navn, *p, *sep, *paren;

		load_add_name(c, &cap, n, strlen(n), (int)i);
		for (p = n; ; p = sep + 3) {
			size_t len;

			sep = strstr(p, " - ");
			len = sep != NULL ? (size_t)(sep - p) : strlen(p);
			if (p != n || sep != NULL)
				load_add_name(c, &cap, p, len, (int)i);
			if ((paren = memchr(p, '(', len)) != NULL && paren > p)
				load_add_name(c, &cap, p, (size_t)(paren - p), (int)i);
			if (sep == NULL)
				break;
		}
	}
	qsort(c->names, c->nnames, sizeof(*c->names), load_name_cmp);
}

/* Register index of a folded name, -1 when unknown, -2 when ambiguous (*other and *first
 * then name two candidates). */
static int
load_find_folded(const struct load_ctx *c, char *f, int *first, int *other)
{
	struct load_name key = { f, 0 }, *hit;
	size_t i;
	int k = -1;

	hit = c->nnames > 0 ? bsearch(&key, c->names, c->nnames, sizeof(*c->names),
	    load_name_cmp) : NULL;
	if (hit != NULL) {
		for (i = (size_t)(hit - c->names); i > 0 &&
		    strcmp(c->names[i - 1].folded, f) == 0; i--)
			;
		k = c->names[i].kommune;
		for (; i < c->nnames && strcmp(c->names[i].folded, f) == 0; i++)
			if (c->names[i].kommune != k) {
				*first = k;
				*other = c->names[i].kommune;
				k = -2;
				break;
			}
	}
	return k;
}

/* Register index of a municipality name, -1 when unknown, -2 when ambiguous (*other and
 * *first then name two candidates). A name of several forms that is not known as a whole
 * ("Porsanger - Porsáŋgu") is known by its forms, when those the register knows agree. */
static int
load_find_name(const struct load_ctx *c, const char *s, int *first, int *other)
{
	char *f = load_fold_name(s, strlen(s));
	const char *p, *sep;
	int k = load_find_folded(c, f, first, other), kf;

	free(f);
	if (k != -1 || strstr(s, " - ") == NULL)
		return k;
	for (p = s; ; p = sep + 3) {
		sep = strstr(p, " - ");
		f = load_fold_name(p, sep != NULL ? (size_t)(sep - p) : strlen(p));
		kf = load_find_folded(c, f, first, other);
		free(f);
		if (kf == -2)
			return -2;
		if (kf >= 0 && k >= 0 && kf != k) {
			*first = k;
			*other = kf;
			return -2;
		}
		if (kf >= 0)
			k = kf;
		if (sep == NULL)
			return k;
	}
}

/* ---- the kinds of file: names a header may stand for ------------------------------ */

enum { R_NR, R_NAVN, R_FNR, R_FNAVN, R_INNB, R__N };
static const char *const register_names[R__N] = {
	"kommunenr", "kommunenavn", "fylkesnr", "fylkesnavn", "innbyggere" };
static const int register_required[R__N] = { 1, 1, 1, 1, 0 };

enum { C_OLD, C_NEW, C_DATE, C_OLDNAME, C_NEWNAME, C__N };
static const char *const change_names[C__N] = {
	"gammelt_nr", "nytt_nr", "gjelder_fra", "gammelt_navn", "nytt_navn" };
static const int change_required[C__N] = { 1, 1, 0, 0, 0 };

/* The plan file: plan_id, then the columns of the plan table. */
enum { P_ID, P_NR, P_OMR, P_OPPR, P_SIST, P_STATUS, P_KOORD, P_MAL, P_BRUKER, P_SAMT,
	P_ANSV, P__N };
static const struct load_column plan_columns[P__N - 1] = {
	{ "kommunenr", COL_KOMMUNE, 1 }, { "tjenesteomrade", COL_TEXT, 0 },
	{ "opprettet", COL_DATE, 1 }, { "sist_oppdatert", COL_DATE, 0 },
	{ "status", COL_STATUS, 1 }, { "koordinator", COL_YESNO, 0 },
	{ "antall_mal", COL_INT, 0 }, { "brukermedvirkning", COL_PARTLY, 0 },
	{ "samtykke", COL_YESNO, 0 }, { "ansvarsgruppe", COL_YESNO, 0 } };

enum { A_NR, A_TILTAK, A_MAL, A_AKT, A_TID, A_ANSVAR, A_STATUS, A__N };
static const struct load_column action_columns[A__N] = {
	{ "kommunenr", COL_KOMMUNE, 1 }, { "tiltak", COL_TEXT, 1 }, { "mal", COL_TEXT, 0 },
	{ "aktivitet", COL_TEXT, 0 }, { "tid", COL_TEXT, 0 }, { "ansvar", COL_TEXT, 0 },
	{ "status", COL_TEXT, 1 } };

enum { Q_ID, Q_TEMA_NB, Q_TEMA_NN, Q_TEXT_NB, Q_TEXT_NN, Q_TYPE, Q__N };
static const char *const question_names[Q__N] = {
	"id", "tema_nb", "tema_nn", "sporsmal_nb", "sporsmal_nn", "type" };
static const int question_required[Q__N] = { 1, 1, 1, 1, 1, 1 };

/* Survey: the municipality by number or name, then one column per question. */
enum { S_NR, S_NAME, S_Q0 };

/* ---- the header -------------------------------------------------------------------- */

/* The question a survey header stands for: its id ("IK1", "IK1. ...", "IK1 - ...") or its
 * text in either language, punctuation aside. */
static int
load_match_question(const struct load_ctx *c, const char *h, struct buf *tmp)
{
	const struct dataset *ds = c->ds;
	size_t i, idlen;
	int found = -1;
	char *fh;

	for (i = 0; i < ds->nquestions; i++) {
		idlen = strlen(ds->questions[i].id);
		if (strncasecmp(h, ds->questions[i].id, idlen) == 0 &&
		    (h[idlen] == '\0' || !((h[idlen] >= '0' && h[idlen] <= '9') ||
		    (h[idlen] >= 'a' && h[idlen] <= 'z') || (h[idlen] >= 'A' && h[idlen] <= 'Z'))))
			return (int)i;
	}
	buf_reset(tmp);
	field_fold(h, tmp, 1);
	fh = xstrdup(tmp->data != NULL ? tmp->data : "");
	for (i = 0; i < ds->nquestions && found < 0 && *fh != '\0'; i++) {
		buf_reset(tmp);
		field_fold(ds->questions[i].text_nb, tmp, 1);
		if (strcmp(tmp->data, fh) == 0)
			found = (int)i;
		buf_reset(tmp);
		field_fold(ds->questions[i].text_nn, tmp, 1);
		if (strcmp(tmp->data, fh) == 0)
			found = (int)i;
	}
	free(fh);
	return found;
}

/* Which name a header stands for, or -1. */
static int
load_match(struct load_file *lf, const char *h)
{
	const char *m;
	size_t nfixed = lf->kind == LOAD_SURVEY ? S_Q0 : lf->nnames;
	size_t i;
	int q;

	m = field_match(&lf->ctx->aliases, h, lf->names, nfixed);
	for (i = 0; m != NULL && i < nfixed; i++)
		if (lf->names[i] == m)
			return (int)i;
	if (lf->kind == LOAD_SURVEY && (q = load_match_question(lf->ctx, h, &lf->scratch)) >= 0)
		return S_Q0 + q;
	return -1;
}

static int
load_check_required(struct load_file *lf, long line)
{
	struct diag *d = lf->ctx->d;
	size_t i;
	int ok = 1;

	if (lf->kind == LOAD_SURVEY && lf->pos[S_NR] < 0 && lf->pos[S_NAME] < 0) {
		diag_msg(d, DIAG_ERROR, lf->shown, line, 0, "expected a column kommunenr or "
		    "kommune in the header line, found neither; the file is not used");
		return -1;
	}
	for (i = 0; i < lf->nnames; i++)
		if (lf->pos[i] < 0 && lf->required != NULL && lf->required[i]) {
			diag_msg(d, DIAG_ERROR, lf->shown, line, 0, "expected a column %s in the "
			    "header line, found none; the file is not used", lf->names[i]);
			ok = 0;
		}
	for (i = 0; ok && i < lf->nnames; i++)
		if (lf->pos[i] < 0 && (lf->kind == LOAD_PLANS || lf->kind == LOAD_ACTIONS ||
		    lf->kind == LOAD_REGISTER) && lf->names[i] != NULL)
			diag_msg(d, DIAG_WARNING, lf->shown, line, 0, "expected a column %s, "
			    "found none; what needs it is missing data (..) for this file",
			    lf->names[i]);
	return ok ? 0 : -1;
}

static int
load_header(struct load_file *lf, const struct csv_field *f, size_t n, long line)
{
	struct diag *d = lf->ctx->d;
	char shown[FIELD_SHOWN];
	size_t i;
	int k;

	lf->header_done = 1;
	lf->nheader = n;
	for (i = 0; i < n; i++) {
		field_shown(f[i].s, shown);
		if (f[i].len == 0) {
			diag_msg(d, DIAG_NOTE, lf->shown, f[i].line, f[i].col, "a column without "
			    "a name is ignored");
			continue;
		}
		if ((k = load_match(lf, f[i].s)) < 0) {
			diag_msg(d, DIAG_NOTE, lf->shown, f[i].line, f[i].col, "unknown column "
			    "'%s' is ignored", shown);
			continue;
		}
		if (lf->pos[k] >= 0) {
			diag_msg(d, DIAG_WARNING, lf->shown, f[i].line, f[i].col, "column '%s' "
			    "is %s again; expected each column once; only the first is read",
			    shown, lf->names[k]);
			continue;
		}
		lf->pos[k] = (int)i;
	}
	if (load_check_required(lf, line) == -1) {
		lf->refused = 1;
		return -1;
	}
	for (i = 0; lf->t != NULL && i < lf->t->ncols; i++)
		lf->t->cols[i].present = lf->pos[lf->kind == LOAD_PLANS ? i + 1 :
		    lf->kind == LOAD_SURVEY ? (i == 0 ? 0 : S_Q0 + i - 1) : i] >= 0;
	if (lf->kind == LOAD_SURVEY && lf->t != NULL)
		lf->t->cols[0].present = 1;
	return 0;
}

/* ---- rows -------------------------------------------------------------------------- */

/* Makes room for one more row and clears the row being built. */
static void
load_row_begin(struct load_file *lf)
{
	struct table *t = lf->t;

	memset(lf->row, 0, t->ncols * sizeof(*lf->row));
}

static void
load_row_commit(struct load_file *lf, int kommune, long line)
{
	struct table *t = lf->t;
	size_t rowcap = lf->caprows;

	t->cells = xgrow(t->cells, &lf->capcells, (t->nrows + 1) * t->ncols - 1,
	    sizeof(*t->cells));
	memcpy(&t->cells[t->nrows * t->ncols], lf->row, t->ncols * sizeof(*lf->row));
	t->kommune = xgrow(t->kommune, &rowcap, t->nrows, sizeof(*t->kommune));
	rowcap = lf->caprows;
	t->line = xgrow(t->line, &rowcap, t->nrows, sizeof(*t->line));
	lf->caprows = rowcap;
	t->kommune[t->nrows] = kommune;
	t->line[t->nrows] = line;
	t->nrows++;
}

/* A text cell holds the offset of its text in the table's text, as an int32_t: the text
 * of one table is at most its file decoded, three bytes a byte from Windows-1252 at most,
 * so the file size limit keeps every offset below 2 GiB. */
_Static_assert(3 * (uint64_t)TEXT_MAX_BYTES + 1 < INT32_MAX,
    "text offsets of a table must fit int32_t");

static void
load_text(struct load_file *lf, size_t col, const struct csv_field *f)
{
	struct table *t = lf->t;

	if (f->len == 0 || f->s[strspn(f->s, " \t")] == '\0')
		return;
	lf->row[col].state = CELL_OK;
	lf->row[col].v = (int32_t)t->text.len;
	buf_put(&t->text, f->s, f->len);
	buf_putc(&t->text, '\0');
}

static const char *
load_expected(enum col_type type)
{
	switch (type) {
	case COL_DATE:
		return "a date such as 31.12.2024 or 2024-12-31";
	case COL_INT:
		return "a whole number of 0 or more";
	case COL_YESNO:
		return "ja or nei";
	case COL_PARTLY:
		return "ja, delvis or nei";
	case COL_STATUS:
		return "aktiv or avsluttet";
	default:
		return "a value";
	}
}

/* Types a field that is not a key: an unreadable value is a warning and not documented. */
static void
load_typed(struct load_file *lf, size_t col, const struct csv_field *f)
{
	enum col_type type = lf->t->cols[col].type;
	enum field_result r;
	char shown[FIELD_SHOWN];
	int32_t v = 0;

	switch (type) {
	case COL_TEXT:
		load_text(lf, col, f);
		return;
	case COL_DATE:
		r = field_date(f->s, &v);
		break;
	case COL_INT:
		r = field_count(f->s, &v);
		break;
	case COL_PARTLY:
		r = field_partly(f->s, &v);
		break;
	default:
		r = field_yesno(f->s, &v);
		break;
	}
	lf->row[col].v = v;
	lf->row[col].state = r == FIELD_OK ? CELL_OK : r == FIELD_BAD ? CELL_INVALID : CELL_EMPTY;
	if (r != FIELD_BAD)
		return;
	field_shown(f->s, shown);
	diag_msg(lf->ctx->d, DIAG_WARNING, lf->shown, f->line, f->col, "%s: expected %s, "
	    "found '%s'; the value counts as not documented", lf->t->cols[col].name,
	    load_expected(type), shown);
}

static int
load_plan_row(struct load_file *lf, const struct csv_field *f, size_t n, long line)
{
	struct diag *d = lf->ctx->d;
	const struct csv_field *id = load_get(lf, f, n, P_ID), *st;
	char shown[FIELD_SHOWN];
	struct load_key h;
	long prev;
	int k;
	int32_t status;
	size_t i, slot;

	if (id->len == 0) {
		diag_msg(d, DIAG_ERROR, lf->shown, id->line > 0 ? id->line : line, id->col,
		    "expected a plan_id, found an empty field; the row is left out");
		return -1;
	}
	h = load_hash(id->s, id->len);
	if (lf->ids.cap > 0)	/* the table is large: start fetching the slot now */
		__builtin_prefetch(&lf->ids.v[h.a & (lf->ids.cap - 1)]);
	if ((k = load_kommunenr(lf, load_get(lf, f, n, P_NR))) < 0)
		return -1;
	st = load_get(lf, f, n, P_STATUS);
	switch (field_status(st->s, &status)) {
	case FIELD_EMPTY:
		diag_msg(d, DIAG_ERROR, lf->shown, st->line, st->col, "status: expected aktiv "
		    "or avsluttet, found an empty field; the row is left out");
		return -1;
	case FIELD_BAD:
		field_shown(st->s, shown);
		diag_msg(d, DIAG_ERROR, lf->shown, st->line, st->col, "status: expected aktiv "
		    "or avsluttet, found '%s'; the row is left out", shown);
		return -1;
	case FIELD_OK:
		break;
	}
	if ((prev = load_ids_find(&lf->ids, h, &slot)) > 0) {
		field_shown(id->s, shown);
		diag_msg(d, DIAG_ERROR, lf->shown, id->line, id->col, "expected each plan_id "
		    "once, found '%s' again (first on line %ld); the row is left out", shown, prev);
		return -1;
	}
	load_row_begin(lf);
	lf->row[P_NR - 1].v = k;
	lf->row[P_NR - 1].state = CELL_OK;
	lf->row[P_STATUS - 1].v = status;
	lf->row[P_STATUS - 1].state = CELL_OK;
	for (i = P_OMR; i < P__N; i++)
		if (i != P_STATUS && lf->pos[i] >= 0)
			load_typed(lf, i - 1, load_get(lf, f, n, i));
	load_ids_put(&lf->ids, slot, h, line);
	if (lf->pos[P_SIST] >= 0) {
		const struct csv_field *u = load_get(lf, f, n, P_SIST);

		lf->t->updated_pos = xgrow(lf->t->updated_pos, &lf->capupd, lf->t->nrows,
		    sizeof(*lf->t->updated_pos));
		lf->t->updated_pos[lf->t->nrows].line = u->line;
		lf->t->updated_pos[lf->t->nrows].col = u->col;
	}
	load_row_commit(lf, k, line);
	return 0;
}

/* Keeps an action row and where its fields begin (the computation's messages on `tid`
 * and `status` name the field). */
static int
load_action_row(struct load_file *lf, const struct csv_field *f, size_t n, long line)
{
	struct table *t = lf->t;
	size_t i;
	int k;

	if ((k = load_kommunenr(lf, load_get(lf, f, n, A_NR))) < 0)
		return -1;
	load_row_begin(lf);
	lf->row[A_NR].v = k;
	lf->row[A_NR].state = CELL_OK;
	t->pos = xgrow(t->pos, &lf->cappos, (t->nrows + 1) * t->ncols - 1, sizeof(*t->pos));
	for (i = 0; i < A__N; i++) {
		const struct csv_field *fi = load_get(lf, f, n, i);

		t->pos[t->nrows * t->ncols + i].line = fi->line;
		t->pos[t->nrows * t->ncols + i].col = fi->col;
		if (i >= A_TILTAK)
			load_text(lf, i, fi);
	}
	load_row_commit(lf, k, line);
	return 0;
}

/* The municipality of a survey row, by number or by name; -1 after a row error. */
static int
load_survey_kommune(struct load_file *lf, const struct csv_field *f, size_t n, long line)
{
	struct load_ctx *c = lf->ctx;
	const struct csv_field *nr = load_get(lf, f, n, S_NR), *name = load_get(lf, f, n, S_NAME);
	const struct kommune *kk = c->ds->reg.kommuner;
	char shown[FIELD_SHOWN];
	int k, a = 0, b = 0;

	if (nr->len > 0 || lf->pos[S_NAME] < 0)
		return load_kommunenr(lf, nr);
	field_shown(name->s, shown);
	if (name->len == 0) {
		diag_msg(c->d, DIAG_ERROR, lf->shown, name->line > 0 ? name->line : line,
		    name->col, "expected a municipality, found an empty field; the row is "
		    "left out");
		return -1;
	}
	k = load_find_name(c, name->s, &a, &b);
	if (k == -2)
		diag_msg(c->d, DIAG_ERROR, lf->shown, name->line, name->col, "expected one "
		    "municipality, found '%s', which may be %s %s or %s %s; write the kommunenr; "
		    "the row is left out", shown, kk[a].nr, kk[a].navn, kk[b].nr, kk[b].navn);
	else if (k < 0)
		diag_msg(c->d, DIAG_ERROR, lf->shown, name->line, name->col, "expected a "
		    "municipality name from the register (kommuner.csv), found '%s'; the row "
		    "is left out", shown);
	return k < 0 ? -1 : k;
}

static int
load_survey_row(struct load_file *lf, const struct csv_field *f, size_t n, long line)
{
	const struct kommune *kk = lf->ctx->ds->reg.kommuner;
	size_t i;
	int k;

	if ((k = load_survey_kommune(lf, f, n, line)) < 0)
		return -1;
	if (lf->seen[k] > 0) {
		const struct csv_field *at = load_get(lf, f, n,
		    load_get(lf, f, n, S_NR)->len > 0 || lf->pos[S_NAME] < 0 ? S_NR : S_NAME);

		diag_msg(lf->ctx->d, DIAG_ERROR, lf->shown, line, at->col, "expected one row per "
		    "municipality, found %s %s again (first on line %d); the row is left out",
		    kk[k].nr, kk[k].navn, lf->seen[k]);
		return -1;
	}
	lf->seen[k] = (int)line;
	load_row_begin(lf);
	lf->row[0].v = k;
	lf->row[0].state = CELL_OK;
	for (i = 1; i < lf->t->ncols; i++)
		load_text(lf, i, load_get(lf, f, n, S_Q0 + i - 1));
	load_row_commit(lf, k, line);
	return 0;
}

/* Reads a fylkesnr of one or two digits into nr; 0 or -1. */
static int
load_fylkesnr(const char *s, char nr[3])
{
	size_t len, n;

	s = field_trim(s, &n);
	len = strspn(s, "0123456789");
	if (len == 0 || len > 2 || len != n)
		return -1;
	nr[0] = len == 1 ? '0' : s[0];
	nr[1] = s[len - 1];
	nr[2] = '\0';
	return 0;
}

static int
load_fylke(struct load_ctx *c, const char *nr, const char *navn)
{
	struct kommune_register *r = &c->ds->reg;
	size_t i;

	for (i = 0; i < r->nfylker; i++)
		if (strcmp(r->fylker[i].nr, nr) == 0)
			return (int)i;
	r->fylker = xgrow(r->fylker, &c->capfylker, r->nfylker, sizeof(*r->fylker));
	memcpy(r->fylker[r->nfylker].nr, nr, 3);
	r->fylker[r->nfylker].navn = xstrdup(navn);
	return (int)r->nfylker++;
}

static int
load_register_row(struct load_file *lf, const struct csv_field *f, size_t n, long line)
{
	struct load_ctx *c = lf->ctx;
	struct kommune_register *r = &c->ds->reg;
	const struct csv_field *nrf = load_get(lf, f, n, R_NR), *fnr = load_get(lf, f, n, R_FNR);
	const struct csv_field *navn = load_get(lf, f, n, R_NAVN), *inn = load_get(lf, f, n, R_INNB);
	char nr[5], fylke[3], shown[FIELD_SHOWN];
	int padded;
	int32_t people = -1;
	size_t i;

	if (field_kommunenr(nrf->s, nr, &padded) != FIELD_OK) {
		field_shown(nrf->s, shown);
		diag_msg(c->d, DIAG_ERROR, lf->shown, nrf->line, nrf->col, "expected a "
		    "kommunenr (four digits), found '%s'; the row is left out", shown);
		return -1;
	}
	if (padded)
		diag_msg(c->d, DIAG_WARNING, lf->shown, nrf->line, nrf->col, "expected a "
		    "kommunenr of four digits, found three; read as %s", nr);
	if (load_fylkesnr(fnr->s, fylke) == -1) {
		field_shown(fnr->s, shown);
		diag_msg(c->d, DIAG_ERROR, lf->shown, fnr->line, fnr->col, "expected a fylkesnr "
		    "(two digits), found '%s'; the row is left out", shown);
		return -1;
	}
	if (navn->len == 0) {
		diag_msg(c->d, DIAG_ERROR, lf->shown, navn->line, navn->col, "expected a "
		    "kommunenavn, found an empty field; the row is left out");
		return -1;
	}
	for (i = 0; i < r->nkommuner; i++)
		if (strcmp(r->kommuner[i].nr, nr) == 0) {
			diag_msg(c->d, DIAG_ERROR, lf->shown, nrf->line, nrf->col, "expected each "
			    "kommunenr once, found %s again; the row is left out", nr);
			return -1;
		}
	if (lf->pos[R_INNB] >= 0 && field_population(inn->s, &people) == FIELD_BAD) {
		field_shown(inn->s, shown);
		diag_msg(c->d, DIAG_WARNING, lf->shown, inn->line, inn->col, "innbyggere: "
		    "expected a whole number (such as 709037 or 709 037), found '%s'; the "
		    "population is not known", shown);
		people = -1;
	}
	r->kommuner = xgrow(r->kommuner, &c->capkommuner, r->nkommuner, sizeof(*r->kommuner));
	memcpy(r->kommuner[r->nkommuner].nr, nr, 5);
	r->kommuner[r->nkommuner].navn = xstrdup(navn->s);
	r->kommuner[r->nkommuner].fylke = load_fylke(c, fylke,
	    load_get(lf, f, n, R_FNAVN)->s);
	r->kommuner[r->nkommuner].innbyggere = people;
	r->nkommuner++;
	(void)line;
	return 0;
}

static int
load_change_row(struct load_file *lf, const struct csv_field *f, size_t n, long line)
{
	struct load_ctx *c = lf->ctx;
	const struct csv_field *o = load_get(lf, f, n, C_OLD), *w = load_get(lf, f, n, C_NEW);
	struct load_change ch;
	char shown[FIELD_SHOWN];
	int padded;

	(void)line;
	if (field_kommunenr(o->s, ch.old, &padded) != FIELD_OK ||
	    field_kommunenr(w->s, ch.new, &padded) != FIELD_OK) {
		const struct csv_field *bad = field_kommunenr(o->s, ch.old, &padded) !=
		    FIELD_OK ? o : w;

		field_shown(bad->s, shown);
		diag_msg(c->d, DIAG_ERROR, lf->shown, bad->line, bad->col, "expected a "
		    "kommunenr (four digits), found '%s'; the row is left out", shown);
		return -1;
	}
	if (field_date(load_get(lf, f, n, C_DATE)->s, &ch.date) != FIELD_OK)
		ch.date = 0;
	c->changes = xgrow(c->changes, &c->capchanges, c->nchanges, sizeof(*c->changes));
	c->changes[c->nchanges++] = ch;
	return 0;
}

static int
load_question_row(struct load_file *lf, const struct csv_field *f, size_t n, long line)
{
	struct dataset *ds = lf->ctx->ds;
	struct question *q;
	size_t cap = ds->nquestions;
	const char *type = load_get(lf, f, n, Q_TYPE)->s;

	if (load_get(lf, f, n, Q_ID)->len == 0) {
		diag_msg(lf->ctx->d, DIAG_ERROR, lf->shown, line, 0, "expected a question id, "
		    "found an empty field; the row is left out");
		return -1;
	}
	ds->questions = xrealloc(ds->questions, (cap + 1) * sizeof(*ds->questions));
	q = &ds->questions[ds->nquestions++];
	q->id = xstrdup(load_get(lf, f, n, Q_ID)->s);
	q->theme_nb = xstrdup(load_get(lf, f, n, Q_TEMA_NB)->s);
	q->theme_nn = xstrdup(load_get(lf, f, n, Q_TEMA_NN)->s);
	q->text_nb = xstrdup(load_get(lf, f, n, Q_TEXT_NB)->s);
	q->text_nn = xstrdup(load_get(lf, f, n, Q_TEXT_NN)->s);
	q->closed = str_ieq(type, "lukket") || str_ieq(type, "closed") || str_ieq(type, "ja/nei");
	return 0;
}

/* Checks the field count of a row against the header; 0, or -1 after a row error. */
static int
load_ragged(struct load_file *lf, const struct csv_field *f, size_t n)
{
	size_t i;

	if (n > lf->nheader) {
		for (i = lf->nheader; i < n; i++)
			if (f[i].len > 0)
				break;
		if (i == n)
			return 0;
		diag_msg(lf->ctx->d, DIAG_ERROR, lf->shown, f[i].line, f[i].col, "expected %zu "
		    "fields as in the header line, found %zu (a delimiter inside an unquoted "
		    "value?); the row is left out", lf->nheader, n);
		return -1;
	}
	if (n < lf->nheader) {
		/* Said where the row ends, where the missing fields would be. */
		diag_msg(lf->ctx->d, DIAG_ERROR, lf->shown, f[n - 1].eline, f[n - 1].ecol,
		    "expected %zu fields as in the header line, found %zu; the row is left out",
		    lf->nheader, n);
		return -1;
	}
	return 0;
}

/* 1 when every field of a record is empty: a line of spaces, or of delimiters only, as
 * Excel writes for rows that were formatted but left empty. */
static int
load_blank(const struct csv_field *f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (f[i].len > 0)
			return 0;
	return 1;
}

static int
load_on_row(void *arg, const struct csv_field *f, size_t n, long line)
{
	struct load_file *lf = arg;
	int rc;

	/* No data: the header is the first line with a name, and an empty row is no row. */
	if (load_blank(f, n))
		return 0;
	if (!lf->header_done)
		return load_header(lf, f, n, line);
	lf->src->rows_read++;
	if (load_ragged(lf, f, n) == -1) {
		lf->src->rows_left_out++;
		return 0;
	}
	switch (lf->kind) {
	case LOAD_REGISTER:
		rc = load_register_row(lf, f, n, line);
		break;
	case LOAD_CHANGES:
		rc = load_change_row(lf, f, n, line);
		break;
	case LOAD_PLANS:
		rc = load_plan_row(lf, f, n, line);
		break;
	case LOAD_SURVEY:
		rc = load_survey_row(lf, f, n, line);
		break;
	case LOAD_ACTIONS:
		rc = load_action_row(lf, f, n, line);
		break;
	default:
		rc = load_question_row(lf, f, n, line);
		break;
	}
	if (rc == 0)
		lf->src->rows_used++;
	else
		lf->src->rows_left_out++;
	return 0;
}

/* Starts fetching the id-table slot of the next line's plan_id, when plan_id is the first
 * column (a hint: a wrong guess costs one fetch). */
static void
load_ahead(void *arg, const char *next, size_t len)
{
	struct load_file *lf = arg;
	size_t a = 0, b;
	struct load_key h;

	if (lf->kind != LOAD_PLANS || lf->ids.cap == 0 || lf->pos[P_ID] != 0)
		return;
	if (len > 64)
		len = 64;
	while (a < len && (next[a] == ' ' || next[a] == '\t'))
		a++;
	for (b = a; b < len && next[b] != ';' && next[b] != ',' && next[b] != '\t' &&
	    next[b] != '\n' && next[b] != '\r' && next[b] != '"'; b++)
		;
	while (b > a && next[b - 1] == ' ')
		b--;
	if (b == a || b == len)
		return;
	h = load_hash(next + a, b - a);
	__builtin_prefetch(&lf->ids.v[h.a & (lf->ids.cap - 1)]);
}

/* ---- files ------------------------------------------------------------------------- */

static void
load_file_init(struct load_file *lf, struct load_ctx *c, enum load_kind kind,
    const char *shown, struct source *src, const char *const *names, const int *required,
    size_t nnames)
{
	size_t i;

	memset(lf, 0, sizeof(*lf));
	lf->ctx = c;
	lf->kind = kind;
	lf->shown = shown;
	lf->src = src;
	lf->names = names;
	lf->required = required;
	lf->nnames = nnames;
	lf->pos = xmalloc(nnames * sizeof(*lf->pos));
	for (i = 0; i < nnames; i++)
		lf->pos[i] = -1;
	buf_init(&lf->scratch);
}

static void
load_file_free(struct load_file *lf)
{
	free(lf->pos);
	free(lf->row);
	free(lf->seen);
	load_ids_free(&lf->ids);
	buf_free(&lf->scratch);
}

static void
load_table_free(struct table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->ncols; i++)
		free(t->cols[i].name);
	free(t->cols);
	free(t->path);
	free(t->cells);
	free(t->kommune);
	free(t->line);
	free(t->pos);
	free(t->updated_pos);
	buf_free(&t->text);
	free(t);
}

static struct table *
load_table_new(struct load_file *lf, enum table_kind kind, int year, size_t ncols)
{
	struct table *t = xcalloc(1, sizeof(*t));

	t->path = xstrdup(lf->shown);
	t->kind = kind;
	t->year = year;
	t->ncols = ncols;
	t->cols = xcalloc(ncols, sizeof(*t->cols));
	buf_init(&t->text);
	lf->t = t;
	lf->row = xcalloc(ncols, sizeof(*lf->row));
	return t;
}

static void
load_table_col(struct table *t, size_t i, const char *name, enum col_type type, int required)
{
	t->cols[i].name = xstrdup(name);
	t->cols[i].type = type;
	t->cols[i].required = required;
}

/* Reads one file into lf. Returns 0, or -1 when the file is not used. */
static int
load_read(struct load_file *lf, const char *path)
{
	struct diag *d = lf->ctx->d;
	struct csv_sink sink = { load_on_row, lf, load_ahead };
	struct csv_result res;
	struct text t;
	long off, line, col;
	unsigned long warnings = d->count[DIAG_WARNING];
	int rc = -1;

	if (text_read(&t, path, lf->shown, d) == -1)
		goto out;
	if ((off = field_find_fnr(t.data, t.len)) >= 0) {
		text_position(t.data, (size_t)off, &line, &col);
		diag_msg(d, DIAG_ERROR, lf->shown, line, col, "expected no national identity "
		    "numbers in the exports, found a national identity number (fødselsnummer) "
		    "here; the file is not used");
		text_free(&t);
		goto out;
	}
	for (lf->ids.hint = 4096; lf->ids.hint < t.len / 36 && lf->ids.hint < ((size_t)1 << 26);)
		lf->ids.hint *= 2;	/* room for the rows, if rows are 50 bytes or more */
	if (csv_read(t.data, t.len, csv_detect_delim(t.data, t.len), lf->shown, &sink, d,
	    &res) == -1) {
		diag_msg(d, DIAG_ERROR, lf->shown, 0, 0, "the CSV reader could not be set up; "
		    "the file is not used");
		text_free(&t);
		goto out;
	}
	text_free(&t);
	lf->src->rows_read += res.rows_bad;
	lf->src->rows_left_out += res.rows_bad;
	if (lf->refused)
		goto out;
	if (!lf->header_done) {
		diag_msg(d, DIAG_ERROR, lf->shown, 0, 0, "expected a header line, found an "
		    "empty file; the file is not used");
		goto out;
	}
	if (lf->src->rows_read == 0)
		diag_msg(d, DIAG_WARNING, lf->shown, 0, 0, "expected rows after the header "
		    "line, found none");
	rc = 0;
out:
	if (rc == -1) {
		lf->src->refused = 1;
		lf->src->rows_left_out = lf->src->rows_read;
		lf->src->rows_used = 0;
	}
	lf->src->warnings = d->count[DIAG_WARNING] - warnings;
	diag_flush(d);
	return rc;
}

/* An input file found in the data directory. */
struct load_entry {
	char		*name;
	enum load_kind	 kind;
	int		 year;
};

static int
load_entry_cmp(const void *a, const void *b)
{
	const struct load_entry *x = a, *y = b;

	if (x->kind != y->kind)
		return (int)x->kind - (int)y->kind;
	if (x->year != y->year)
		return x->year - y->year;
	return strcmp(x->name, y->name);
}

/* The kind of a file name, or -1 for files that are not inputs. */
static int
load_kind_of(const char *name, int *year)
{
	char low[64];
	size_t i, n = strlen(name);
	int y, len = 0;

	*year = 0;
	if (n >= sizeof(low))
		return -1;
	for (i = 0; i <= n; i++)
		low[i] = (name[i] >= 'A' && name[i] <= 'Z') ? (char)(name[i] + 32) : name[i];
	if (strcmp(low, "kommuner.csv") == 0)
		return LOAD_REGISTER;
	if (strcmp(low, "kommuneendringer.csv") == 0)
		return LOAD_CHANGES;
	if (strcmp(low, "handlingsplan.csv") == 0)
		return LOAD_ACTIONS;
	if (sscanf(low, "planer-%4d.csv%n", &y, &len) == 1 && len == 15 && low[len] == '\0' &&
	    y >= 1900) {
		*year = y;
		return LOAD_PLANS;
	}
	if (sscanf(low, "kartlegging-%4d.csv%n", &y, &len) == 1 && len == 20 &&
	    low[len] == '\0' && y >= 1900) {
		*year = y;
		return LOAD_SURVEY;
	}
	return -1;
}

/* Lists the input files of dir, sorted by kind and year. Returns their number, or -1. */
static long
load_scan(const char *dir, struct load_entry **out, struct diag *d)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	struct load_entry *v = NULL;
	size_t n = 0, cap = 0, i, j;
	int kind, year;

	*out = NULL;
	if (dp == NULL) {
		diag_msg(d, DIAG_FATAL, dir, 0, 0, "cannot open the data directory; nothing "
		    "can be done");
		return -1;
	}
	while ((e = readdir(dp)) != NULL) {
		if ((kind = load_kind_of(e->d_name, &year)) < 0)
			continue;
		v = xgrow(v, &cap, n, sizeof(*v));
		v[n].name = xstrdup(e->d_name);
		v[n].kind = (enum load_kind)kind;
		v[n].year = year;
		n++;
	}
	closedir(dp);
	if (n > 0)
		qsort(v, n, sizeof(*v), load_entry_cmp);
	for (i = j = 0; i < n; i++) {
		if (j > 0 && v[j - 1].kind == v[i].kind && v[j - 1].year == v[i].year) {
			diag_msg(d, DIAG_WARNING, v[i].name, 0, 0, "expected one file of this "
			    "name, found it also as %s; only that one is read", v[j - 1].name);
			free(v[i].name);
			continue;
		}
		v[j++] = v[i];
	}
	*out = v;
	return (long)j;
}

static struct source *
load_source(struct dataset *ds, const char *shown, const char *name, int year)
{
	struct source *s;

	ds->sources = xrealloc(ds->sources, (ds->nsources + 1) * sizeof(*ds->sources));
	s = &ds->sources[ds->nsources++];
	memset(s, 0, sizeof(*s));
	s->path = xstrdup(shown);
	s->name = xstrdup(name);
	s->year = year;
	return s;
}

/* ---- the kinds ----------------------------------------------------------------------- */

static int
load_register(struct load_ctx *c, const char *path, const char *shown, const char *name)
{
	struct kommune_register *r = &c->ds->reg;
	struct source *src = load_source(c->ds, shown, name, 0);
	struct load_file lf;
	size_t i, j;
	int rc;

	load_file_init(&lf, c, LOAD_REGISTER, shown, src, register_names, register_required, R__N);
	rc = load_read(&lf, path);
	r->has_population = lf.pos[R_INNB] >= 0;
	load_file_free(&lf);
	if (rc == -1 || r->nkommuner == 0)
		return -1;
	/* Sort municipalities by number and counties by number, keeping the links. */
	{
		int *order = xmalloc(r->nfylker * sizeof(*order));
		struct fylke *sorted = xmalloc(r->nfylker * sizeof(*sorted));

		for (i = 0; i < r->nfylker; i++) {
			size_t rank = 0;

			for (j = 0; j < r->nfylker; j++)
				if (strcmp(r->fylker[j].nr, r->fylker[i].nr) < 0)
					rank++;
			order[i] = (int)rank;
			sorted[rank] = r->fylker[i];
		}
		for (i = 0; i < r->nkommuner; i++)
			r->kommuner[i].fylke = order[r->kommuner[i].fylke];
		free(r->fylker);
		r->fylker = sorted;
		free(order);
	}
	qsort(r->kommuner, r->nkommuner, sizeof(*r->kommuner), load_kommune_cmp);
	return 0;
}

static void
load_changes(struct load_ctx *c, const char *path, const char *shown, const char *name)
{
	struct source *src = load_source(c->ds, shown, name, 0);
	struct load_file lf;

	load_file_init(&lf, c, LOAD_CHANGES, shown, src, change_names, change_required, C__N);
	if (load_read(&lf, path) == -1)
		c->nchanges = 0;
	load_file_free(&lf);
}

static void
load_push(struct table ***v, size_t *n, struct table *t)
{
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = t;
}

const struct load_column *
load_columns(enum table_kind kind, size_t *n)
{
	switch (kind) {
	case TABLE_PLANS:
		*n = P__N - 1;
		return plan_columns;
	case TABLE_ACTIONS:
		*n = A__N;
		return action_columns;
	case TABLE_SURVEY:
		break;
	}
	*n = 0;
	return NULL;
}

/* The header names of a plan or action file (plans: plan_id first) and whether each is
 * required, for load_file_init; the caller frees both. */
static size_t
load_header_names(enum table_kind kind, const char ***names, int **required)
{
	size_t ncols, nfirst = kind == TABLE_PLANS, i;
	const struct load_column *cols = load_columns(kind, &ncols);

	*names = xcalloc(nfirst + ncols, sizeof(**names));
	*required = xcalloc(nfirst + ncols, sizeof(**required));
	if (nfirst) {
		(*names)[P_ID] = "plan_id";
		(*required)[P_ID] = 1;
	}
	for (i = 0; i < ncols; i++) {
		(*names)[nfirst + i] = cols[i].name;
		(*required)[nfirst + i] = cols[i].required;
	}
	return nfirst + ncols;
}

/* Reads a plan or action file into a new table of the contract's columns; the table, or
 * NULL when the file is not used. */
static struct table *
load_contract_table(struct load_ctx *c, const char *path, const char *shown,
    struct source *src, enum table_kind kind, int year)
{
	const char **names;
	int *required;
	size_t nnames = load_header_names(kind, &names, &required), ncols, i;
	const struct load_column *cols = load_columns(kind, &ncols);
	struct load_file lf;
	struct table *t;

	load_file_init(&lf, c, kind == TABLE_PLANS ? LOAD_PLANS : LOAD_ACTIONS, shown, src,
	    names, required, nnames);
	t = load_table_new(&lf, kind, year, ncols);
	for (i = 0; i < ncols; i++)
		load_table_col(t, i, cols[i].name, cols[i].type, cols[i].required);
	if (load_read(&lf, path) != 0) {
		load_table_free(t);
		t = NULL;
	}
	load_file_free(&lf);
	free(names);
	free(required);
	return t;
}

static void
load_plans(struct load_ctx *c, const char *path, const char *shown, const char *name, int year)
{
	struct source *src = load_source(c->ds, shown, name, year);
	struct table *t = load_contract_table(c, path, shown, src, TABLE_PLANS, year);

	if (t != NULL)
		load_push(&c->ds->plans, &c->ds->nplans, t);
}

static void
load_actions(struct load_ctx *c, const char *path, const char *shown, const char *name)
{
	struct source *src = load_source(c->ds, shown, name, 0);
	struct table *t = load_contract_table(c, path, shown, src, TABLE_ACTIONS, 0);

	if (t != NULL)
		c->ds->actions = t;
}

static void
load_survey(struct load_ctx *c, const char *path, const char *shown, const char *name, int year)
{
	struct dataset *ds = c->ds;
	struct source *src = load_source(ds, shown, name, year);
	size_t nq = ds->nquestions, i;
	const char **names = xcalloc(S_Q0 + nq, sizeof(*names));
	struct load_file lf;
	struct table *t;

	names[S_NR] = "kommunenr";
	names[S_NAME] = "kommune";
	for (i = 0; i < nq; i++)
		names[S_Q0 + i] = ds->questions[i].id;
	load_file_init(&lf, c, LOAD_SURVEY, shown, src, names, NULL, S_Q0 + nq);
	lf.seen = xcalloc(ds->reg.nkommuner, sizeof(*lf.seen));
	t = load_table_new(&lf, TABLE_SURVEY, year, 1 + nq);
	load_table_col(t, 0, "kommune", COL_KOMMUNE, 1);
	for (i = 0; i < nq; i++)
		load_table_col(t, 1 + i, ds->questions[i].id, COL_TEXT, 0);
	if (nq == 0) {
		diag_msg(c->d, DIAG_ERROR, shown, 0, 0, "the survey questions "
		    "(indicators/kartlegging.csv) could not be read; the file is not used");
		src->refused = 1;
		load_table_free(t);
	} else if (load_read(&lf, path) == 0)
		load_push(&ds->surveys, &ds->nsurveys, t);
	else
		load_table_free(t);
	load_file_free(&lf);
	free(names);
}

static void
load_questions(struct load_ctx *c, const char *indicators_dir)
{
	char *path = load_join(indicators_dir, "kartlegging.csv");
	struct source src;
	struct load_file lf;

	memset(&src, 0, sizeof(src));
	load_file_init(&lf, c, LOAD_QUESTIONS, path, &src, question_names, question_required,
	    Q__N);
	load_read(&lf, path);
	load_file_free(&lf);
	free(path);
}

static void
load_ctx_free(struct load_ctx *c)
{
	size_t i;

	field_aliases_free(&c->aliases);
	free(c->bynr);
	free(c->changes);
	for (i = 0; i < c->nnames; i++)
		free(c->names[i].folded);
	free(c->names);
}

static void
load_entries(struct load_ctx *c, const char *data_dir, struct load_entry *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char *path = load_join(data_dir, v[i].name);

		switch (v[i].kind) {
		case LOAD_CHANGES:
			load_changes(c, path, path, v[i].name);
			break;
		case LOAD_PLANS:
			load_plans(c, path, path, v[i].name, v[i].year);
			break;
		case LOAD_SURVEY:
			load_survey(c, path, path, v[i].name, v[i].year);
			break;
		case LOAD_ACTIONS:
			load_actions(c, path, path, v[i].name);
			break;
		default:
			break;
		}
		free(path);
	}
}

int
dataset_load(struct dataset *ds, const char *data_dir, const char *indicators_dir,
    struct diag *d)
{
	struct load_ctx c;
	struct load_entry *v;
	long n, i;
	char *apath, *rpath;
	int rc = -1;

	memset(ds, 0, sizeof(*ds));
	memset(&c, 0, sizeof(c));
	ds->dir = xstrdup(data_dir);
	c.ds = ds;
	c.d = d;
	if ((n = load_scan(data_dir, &v, d)) < 0) {
		dataset_free(ds);
		return -1;
	}
	apath = load_join(indicators_dir, "kolonner.csv");
	field_aliases_load(&c.aliases, apath, d);
	free(apath);
	load_questions(&c, indicators_dir);
	if (n == 0 || v[0].kind != LOAD_REGISTER) {
		diag_msg(d, DIAG_FATAL, NULL, 0, 0, "expected the municipality register "
		    "kommuner.csv in the data directory '%s', found none; nothing can be done",
		    data_dir);
		goto out;
	}
	rpath = load_join(data_dir, v[0].name);
	if (load_register(&c, rpath, rpath, v[0].name) == -1) {
		diag_msg(d, DIAG_FATAL, rpath, 0, 0, "expected a municipality register with at "
		    "least one usable row; nothing can be done without it");
		free(rpath);
		goto out;
	}
	free(rpath);
	load_index_names(&c);
	c.bynr = xmalloc(10000 * sizeof(*c.bynr));
	for (i = 0; i < 10000; i++)
		c.bynr[i] = -1;
	for (i = 0; i < (long)ds->reg.nkommuner; i++)
		c.bynr[load_nr_value(ds->reg.kommuner[i].nr)] = (int16_t)i;
	load_entries(&c, data_dir, v + 1, (size_t)n - 1);
	rc = 0;
out:
	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
	load_ctx_free(&c);
	if (rc == -1)
		dataset_free(ds);
	return rc;
}

/* The range of years of the usable plan and survey files in *lo, *hi; their number. */
static size_t
dataset_years(const struct dataset *ds, int *lo, int *hi)
{
	size_t i, n = ds->nplans + ds->nsurveys;

	*lo = *hi = 0;
	for (i = 0; i < n; i++) {
		int y = i < ds->nplans ? ds->plans[i]->year : ds->surveys[i - ds->nplans]->year;

		if (*lo == 0 || y < *lo)
			*lo = y;
		if (y > *hi)
			*hi = y;
	}
	return n;
}

int
dataset_usable(const struct dataset *ds, int year, enum diag_level level, struct diag *d)
{
	size_t found = 0, i;
	int lo, hi;

	for (i = 0; i < ds->nsources; i++)
		found += ds->sources[i].year != 0 && (year == 0 || ds->sources[i].year == year);
	if (dataset_years(ds, &lo, &hi) == 0 && (year == 0 || ds->actions == NULL)) {
		if (level == DIAG_NOTE)
			diag_msg(d, level, NULL, 0, 0, "no %splaner-YYYY.csv or kartlegging-YYYY.csv "
			    "file in '%s': indicators and report have nothing to compute from",
			    found > 0 ? "usable " : "", ds->dir);
		else
			diag_msg(d, level, NULL, 0, 0, "expected a planer-YYYY.csv or "
			    "kartlegging-YYYY.csv file in '%s' to compute indicators from, found "
			    "%s; nothing can be done", ds->dir, found > 0 ? "none that could be "
			    "used" : "none");
		return -1;
	}
	if (year == 0 || hi == 0 || dataset_plans(ds, year) != NULL ||
	    dataset_survey(ds, year) != NULL)
		return 0;
	/* A year without its files would be reported from other years' files, or as
	 * empty: what an adviser asking for that year needs to hear first. */
	if (found > 0)
		diag_msg(d, level, NULL, 0, 0, "expected planer-%d.csv or kartlegging-%d.csv for "
		    "the reporting year %d, found none that could be used; nothing can be done",
		    year, year, year);
	else if (lo == hi)
		diag_msg(d, level, NULL, 0, 0, "expected planer-%d.csv or kartlegging-%d.csv for "
		    "the reporting year %d, found files of %d only; nothing can be done (without "
		    "--year, %d is reported)", year, year, year, lo, hi);
	else
		diag_msg(d, level, NULL, 0, 0, "expected planer-%d.csv or kartlegging-%d.csv for "
		    "the reporting year %d, found files of %d to %d only; nothing can be done "
		    "(without --year, %d is reported)", year, year, year, lo, hi, hi);
	return -1;
}

void
dataset_free(struct dataset *ds)
{
	size_t i;

	for (i = 0; i < ds->reg.nkommuner; i++)
		free(ds->reg.kommuner[i].navn);
	free(ds->reg.kommuner);
	for (i = 0; i < ds->reg.nfylker; i++)
		free(ds->reg.fylker[i].navn);
	free(ds->reg.fylker);
	for (i = 0; i < ds->nquestions; i++) {
		free(ds->questions[i].id);
		free(ds->questions[i].theme_nb);
		free(ds->questions[i].theme_nn);
		free(ds->questions[i].text_nb);
		free(ds->questions[i].text_nn);
	}
	free(ds->questions);
	for (i = 0; i < ds->nplans; i++)
		load_table_free(ds->plans[i]);
	free(ds->plans);
	for (i = 0; i < ds->nsurveys; i++)
		load_table_free(ds->surveys[i]);
	free(ds->surveys);
	load_table_free(ds->actions);
	for (i = 0; i < ds->nsources; i++) {
		free(ds->sources[i].path);
		free(ds->sources[i].name);
	}
	free(ds->sources);
	free(ds->dir);
	memset(ds, 0, sizeof(*ds));
}

/* ---- model.h lookups --------------------------------------------------------------- */

int
table_col(const struct table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i].name, name) == 0)
			return (int)i;
	return -1;
}

const struct table *
dataset_plans(const struct dataset *ds, int year)
{
	size_t i;

	for (i = 0; i < ds->nplans; i++)
		if (ds->plans[i]->year == year)
			return ds->plans[i];
	return NULL;
}

const struct table *
dataset_survey(const struct dataset *ds, int year)
{
	size_t i;

	for (i = 0; i < ds->nsurveys; i++)
		if (ds->surveys[i]->year == year)
			return ds->surveys[i];
	return NULL;
}
