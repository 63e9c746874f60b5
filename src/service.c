/*
 * service.c: the plan indicators of each municipality by service area (service.h):
 * reading indicators/tjenesteomrader.txt, counting each municipality's active plans and
 * share indicators per group, and hiding groups with disclose.c under the municipality's
 * published total. Why a group tree under each municipality and nothing above it:
 * docs/computation.md, "By service area".
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compute.h"
#include "disclose.h"
#include "ind_read.h"
#include "service.h"
#include "util.h"

/* ---- reading tjenesteomrader.txt ------------------------------------------------------ */

/* s folded for comparison: ASCII and Æ Ø Å in lower case, outer spaces gone. */
static char *
fold(const char *s, size_t len)
{
	char *out;
	size_t i;

	while (len > 0 && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	out = xstrndup(s, len);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)out[i];

		if (c >= 'A' && c <= 'Z')
			out[i] = (char)(c - 'A' + 'a');
		else if (c == 0xC3 && i + 1 < len &&
		    ((unsigned char)out[i + 1] == 0x86 || (unsigned char)out[i + 1] == 0x98 ||
		    (unsigned char)out[i + 1] == 0x85))
			out[i + 1] = (char)((unsigned char)out[i + 1] + 0x20);
	}
	return out;
}

static int
id_ok(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return len > 0 && !(len == 5 && memcmp(s, "annet", 5) == 0);
}

/* The next '|'-separated field of l from *at (up to end), trimmed: its offset and
 * length. */
static void
next_field(const char *l, size_t end, size_t *at, size_t *off, size_t *len)
{
	size_t a = *at, b;

	while (a < end && (l[a] == ' ' || l[a] == '\t'))
		a++;
	for (b = a; b < end && l[b] != '|'; b++)
		;
	*off = a;
	*at = b < end ? b + 1 : end;
	while (b > a && (l[b - 1] == ' ' || l[b - 1] == '\t'))
		b--;
	*len = b - a;
}

/* Reads one line "id = nb | nn | spelling ..." into g. Returns 0 or -1 (said). */
static int
read_group(struct service_groups *g, size_t *capg, size_t *caps, const char *path,
    long lno, const char *l, size_t llen, struct diag *d)
{
	const char *eq = memchr(l, '=', llen);
	size_t a = 0, b, at, off, len, nf = 0, j;
	int empty = 0;

	if (eq == NULL) {
		ind_caret(d, DIAG_ERROR, path, lno, l, llen, 0, llen, "expected 'id = navn.nb | "
		    "navn.nn | skrivemåte ...', found no '='");
		return -1;
	}
	while (l + a < eq && (l[a] == ' ' || l[a] == '\t'))
		a++;
	for (b = (size_t)(eq - l); b > a && (l[b - 1] == ' ' || l[b - 1] == '\t'); b--)
		;
	if (!id_ok(l + a, b - a)) {
		ind_caret(d, DIAG_ERROR, path, lno, l, llen, a, b > a ? b - a : 1, "expected an "
		    "id of small letters, digits and _ other than 'annet', found '%.*s'",
		    (int)(b - a), l + a);
		return -1;
	}
	for (j = 0; j < g->n; j++)
		if (strlen(g->id[j]) == b - a && memcmp(g->id[j], l + a, b - a) == 0) {
			ind_caret(d, DIAG_ERROR, path, lno, l, llen, a, b - a, "expected each "
			    "service area once, found '%.*s' again", (int)(b - a), l + a);
			return -1;
		}
	g->id = xgrow(g->id, capg, g->n, sizeof(*g->id));
	g->name[0] = xrealloc(g->name[0], *capg * sizeof(char *));
	g->name[1] = xrealloc(g->name[1], *capg * sizeof(char *));
	g->first = xrealloc(g->first, (*capg + 1) * sizeof(size_t));
	g->id[g->n] = xstrndup(l + a, b - a);
	g->first[g->n] = g->first[g->n + 1] = g->first[g->n];
	at = (size_t)(eq - l) + 1;
	while (at < llen) {
		next_field(l, llen, &at, &off, &len);
		if (len == 0) {
			ind_caret(d, DIAG_ERROR, path, lno, l, llen, off, 1, "expected a name or "
			    "spelling between '|', found nothing");
			empty = 1;
			break;
		}
		if (nf < 2)
			g->name[nf][g->n] = xstrndup(l + off, len);
		else {
			g->spell = xgrow(g->spell, caps, g->first[g->n + 1], sizeof(char *));
			g->spell[g->first[g->n + 1]++] = fold(l + off, len);
		}
		nf++;
	}
	if (nf < 3 || empty) {
		if (nf < 2)
			g->name[1][g->n] = NULL;
		if (nf < 1)
			g->name[0][g->n] = NULL;
		free(g->name[0][g->n]);
		free(g->name[1][g->n]);
		free(g->id[g->n]);
		for (j = g->first[g->n]; j < g->first[g->n + 1]; j++)
			free(g->spell[j]);
		if (!empty)
			ind_caret(d, DIAG_ERROR, path, lno, l, llen, (size_t)(eq - l), 1,
			    "expected navn.nb | navn.nn | at least one spelling after '=', "
			    "found %zu field%s", nf, nf == 1 ? "" : "s");
		return -1;
	}
	g->n++;
	return 0;
}

int
service_groups_load(struct service_groups **out, const char *dir, struct diag *d)
{
	char *path = xasprintf("%s/tjenesteomrader.txt", dir), *text;
	struct service_groups *g;
	size_t len, pos = 0, llen, capg = 0, caps = 0, a;
	const char *l;
	long lno = 0;
	int bad = 0;

	*out = NULL;
	if (access(path, F_OK) != 0) {
		free(path);
		return 0;
	}
	if ((text = ind_read_file(path, &len, d)) == NULL) {
		free(path);
		return -1;
	}
	g = xcalloc(1, sizeof(*g));
	g->first = xcalloc(1, sizeof(size_t));
	while ((l = ind_next_line(text, len, &pos, &llen)) != NULL) {
		lno++;
		for (a = 0; a < llen && (l[a] == ' ' || l[a] == '\t'); a++)
			;
		if (a == llen || l[a] == '#')
			continue;
		if (read_group(g, &capg, &caps, path, lno, l, llen, d) == -1)
			bad = 1;
	}
	free(text);
	free(path);
	if (bad) {
		service_groups_free(g);
		return -1;
	}
	*out = g;
	return 0;
}

void
service_groups_free(struct service_groups *g)
{
	size_t i;

	if (g == NULL)
		return;
	for (i = 0; i < g->n; i++) {
		free(g->id[i]);
		free(g->name[0][i]);
		free(g->name[1][i]);
	}
	for (i = 0; i < (g->n ? g->first[g->n] : 0); i++)
		free(g->spell[i]);
	free(g->id);
	free(g->name[0]);
	free(g->name[1]);
	free(g->spell);
	free(g->first);
	free(g);
}

const char *
service_group_name(const struct indicator_set *set, size_t g, enum lang lang)
{
	if (set->services == NULL || g >= set->services->n)
		return NULL;
	return set->services->name[lang][g];
}

const char *
service_group_id(const struct indicator_set *set, size_t g)
{
	if (set->services == NULL || g >= set->services->n)
		return "annet";
	return set->services->id[g];
}

/* The group of a plan's service area as written (NULL: empty): "annet" when no line
 * knows it. */
static size_t
group_of(const struct service_groups *g, const char *text)
{
	size_t i, j;
	char *f;

	if (text == NULL)
		return g->n;
	f = fold(text, strlen(text));
	for (i = 0; i < g->n; i++)
		for (j = g->first[i]; j < g->first[i + 1]; j++)
			if (strcmp(g->spell[j], f) == 0) {
				free(f);
				return i;
			}
	free(f);
	return g->n;
}

/* ---- the breakdown ---------------------------------------------------------------- */

const struct service_cell *
service_cell(const struct service_table *t, size_t k, size_t g)
{
	if (t == NULL || k >= t->nk || g >= t->ngroups)
		return NULL;
	return &t->cells[k * t->ngroups + g];
}

long
service_num(const struct service_table *t, size_t k, size_t g, size_t i)
{
	return t->num[(k * t->ngroups + g) * t->nind + i];
}

long
service_den(const struct service_table *t, size_t k, size_t g, size_t i)
{
	return t->den[(k * t->ngroups + g) * t->nind + i];
}

void
service_free(struct service_table *t)
{
	if (t == NULL)
		return;
	free(t->ind);
	free(t->cells);
	free(t->num);
	free(t->den);
	free(t->secret);
	free(t->min_n);
	free(t);
}

/* Key material of a group, as compute.c's for a municipality: the dates its plans were
 * established, which only the data owner has and which a corrected answer leaves alone. */
static uint64_t
row_secret(const struct table *t, size_t row, int col)
{
	const struct cell *c;
	uint64_t h = 0x243F6A8885A308D3ULL;

	if (col < 0 || !t->cols[col].present)
		return h;
	c = table_cell(t, row, (size_t)col);
	h = (h ^ ((uint64_t)(uint32_t)c->v | (uint64_t)c->state << 32)) * 0x9E3779B97F4A7C15ULL;
	return h ^ h >> 29;
}

/* Counts every kept row of the plan file into its municipality's group. */
static void
count_groups(struct service_table *st, struct results *r, const struct table *t, int cg,
    int cs)
{
	const struct service_groups *g = r->defs->services;
	int co = table_col(t, "opprettet");
	size_t row, i;

	for (row = 0; row < t->nrows; row++) {
		size_t k = (size_t)t->kommune[row], cell;
		const struct cell *sc, *gc;

		if (k >= st->nk)
			continue;
		gc = table_cell(t, row, (size_t)cg);
		cell = k * st->ngroups + group_of(g, gc->state == CELL_OK &&
		    table_text(t, gc)[0] != '\0' ? table_text(t, gc) : NULL);
		sc = table_cell(t, row, (size_t)cs);
		if (sc->state == CELL_OK && sc->v == 1)
			st->cells[cell].plans++;
		st->secret[cell] += row_secret(t, row, co);
		for (i = 0; i < st->nind; i++) {
			const struct indicator *ind = &r->defs->v[st->ind[i]];

			if (ind->rows != NULL && !expr_eval(ind->rows, t, row, r->refdate, r->defs))
				continue;
			st->den[cell * st->nind + i]++;
			if (expr_eval(ind->numerator, t, row, r->refdate, r->defs))
				st->num[cell * st->nind + i]++;
		}
	}
}

/*
 * 1 when municipality k's published totals are large enough that hiding all of its groups
 * protects every one of them (count i at least min_n * groups - 1: then even with every
 * other group a partner of min_n, a small group keeps its min_n values). Below that no
 * group is shown: the choice rests on published totals only, so it tells nothing of the
 * groups, whereas hiding them all when partners fail would (docs/computation.md).
 */
static int
enough_to_split(size_t ng, size_t nc, const long *root_count, const long *min_n)
{
	size_t i;

	for (i = 0; i < nc; i++)
		if (root_count[i] < min_n[i] * (long)ng - 1)
			return 0;
	return 1;
}

/*
 * Disclosure control of municipality k's groups: a tree of sums whose leaves are the
 * groups and whose root is the municipality, published elsewhere; counts are the active
 * plans and each share's denominator, classes each share's "yes" and "not yes". Groups are
 * shown only where enough_to_split holds; then partners are taken until the groups are
 * safe, which taking them all always is, so the root is never hidden (keep_top).
 */
static void
protect_kommune(struct service_table *st, size_t k, int year, const char *nr)
{
	size_t ng = st->ngroups, np = ng + 1, nc = 1 + st->nind, ncls = 2 * st->nind;
	size_t *parent = xcalloc(np, sizeof(size_t)), *cls_count = xcalloc(ncls + 1, sizeof(size_t));
	unsigned char *has = xcalloc(np, 1), *role = xcalloc(np, 1);
	long *count = xcalloc(np * nc, sizeof(long)), *min_n = xcalloc(nc, sizeof(long));
	long *cls = xcalloc(np * (ncls + 1), sizeof(long));
	struct dc_input in;
	size_t g, i, p;

	memset(&in, 0, sizeof(in));
	for (i = 0; i < st->nind; i++) {
		min_n[1 + i] = st->min_n[i];
		min_n[0] = min_n[0] > st->min_n[i] ? min_n[0] : st->min_n[i];
		cls_count[2 * i] = cls_count[2 * i + 1] = 1 + i;
	}
	if (min_n[0] < 1)
		min_n[0] = 1;
	for (p = 0; p < np; p++) {
		parent[p] = ng;
		has[p] = 1;
	}
	for (g = 0; g < ng; g++) {
		size_t cell = k * ng + g;

		count[g * nc] = st->cells[cell].plans;
		count[ng * nc] += st->cells[cell].plans;
		for (i = 0; i < st->nind; i++) {
			long n = st->num[cell * st->nind + i], dn = st->den[cell * st->nind + i];

			count[g * nc + 1 + i] = dn;
			count[ng * nc + 1 + i] += dn;
			cls[g * ncls + 2 * i] = n;
			cls[g * ncls + 2 * i + 1] = dn - n;
			cls[ng * ncls + 2 * i] += n;
			cls[ng * ncls + 2 * i + 1] += dn - n;
		}
	}
	in.nplaces = np;
	in.nleaves = ng;
	in.parent = parent;
	in.has = has;
	in.ncounts = nc;
	in.count = count;
	in.min_n = min_n;
	in.nclasses = ncls;
	in.cls = cls;
	in.cls_count = cls_count;
	in.secret = &st->secret[k * ng];
	/* by the municipality's number, not its place in the register: a county's run and
	 * a national run choose alike */
	in.salt = (uint64_t)year << 40 ^ (uint64_t)strtoul(nr, NULL, 10) << 8 ^ 0x5E;
	in.keep_top = 1;
	if (enough_to_split(ng, nc, &count[ng * nc], min_n))
		dc_protect(&in, role, NULL);
	else
		role[ng] = DC_PARTNER;	/* too few plans to split: every group hidden */
	for (g = 0; g < ng; g++)
		if (role[ng] != DC_SHOWN || role[g] != DC_SHOWN)
			st->cells[k * ng + g].state = FIG_HIDDEN;
	free(parent);
	free(cls_count);
	free(has);
	free(role);
	free(count);
	free(min_n);
	free(cls);
}

/* The share indicators of the plan file that bind to it, with their min_n. */
static void
pick_indicators(struct service_table *st, struct results *r, const struct table *t)
{
	const char *missing;
	size_t ii;

	st->ind = xcalloc(r->defs->n + 1, sizeof(size_t));
	st->min_n = xcalloc(r->defs->n + 1, sizeof(long));
	for (ii = 0; ii < r->defs->n; ii++) {
		struct indicator *ind = &r->defs->v[ii];

		if (ind->source != TABLE_PLANS || ind->kind != IND_SHARE)
			continue;
		if ((ind->rows != NULL && expr_bind(ind->rows, t, &missing) == -1) ||
		    expr_bind(ind->numerator, t, &missing) == -1)
			continue;
		st->min_n[st->nind] = ind->min_n;
		st->ind[st->nind++] = ii;
	}
}

void
service_compute(struct results *r, size_t exempt)
{
	const struct table *t = dataset_plans(r->ds, r->year);
	struct service_table *st;
	size_t k, g, ncell;
	int cg, cs;

	if (r->defs->services == NULL || t == NULL || (cg = table_col(t, "tjenesteomrade")) < 0 ||
	    !t->cols[cg].present || (cs = table_col(t, "status")) < 0 || !t->cols[cs].present)
		return;
	st = xcalloc(1, sizeof(*st));
	st->ngroups = r->defs->services->n + 1;
	st->nk = r->ds->reg.nkommuner;
	pick_indicators(st, r, t);
	if (st->nind == 0) {
		service_free(st);
		return;
	}
	for (g = 0, st->split_from = 1; g < st->nind; g++)
		if (st->min_n[g] > st->split_from)
			st->split_from = st->min_n[g];
	st->split_from = st->split_from * (long)st->ngroups - 1;
	ncell = st->nk * st->ngroups;
	st->cells = xcalloc(ncell ? ncell : 1, sizeof(*st->cells));
	st->num = xcalloc(ncell * st->nind + 1, sizeof(long));
	st->den = xcalloc(ncell * st->nind + 1, sizeof(long));
	st->secret = xcalloc(ncell + 1, sizeof(uint64_t));
	count_groups(st, r, t, cg, cs);
	for (k = 0; k < st->nk; k++) {
		const struct figure *f = results_figure(r, r->year, st->ind[0], k);
		int state = f->state;

		for (g = 0; g < st->ngroups; g++)
			st->cells[k * st->ngroups + g].state = state;
		if (state == FIG_PUBLISHED && k != exempt)
			protect_kommune(st, k, r->year, r->ds->reg.kommuner[k].nr);
		for (g = 0; g < st->ngroups; g++) {
			size_t cell = k * st->ngroups + g;

			if (st->cells[cell].state == FIG_PUBLISHED)
				continue;
			/* a cell not published carries nothing, as a hidden figure does */
			st->cells[cell].plans = 0;
			memset(&st->num[cell * st->nind], 0, st->nind * sizeof(long));
			memset(&st->den[cell * st->nind], 0, st->nind * sizeof(long));
		}
	}
	free(st->secret);
	st->secret = NULL;
	free(st->min_n);
	st->min_n = NULL;
	r->service = st;
}
