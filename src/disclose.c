/*
 * disclose.c: disclosure control (see disclose.h and docs/computation.md, "Disclosure
 * control"). Primary suppression hides every place with a count below min_n (0
 * included); each published total that contains hidden places then gets partners, drawn
 * at random with a key only the data owner has, until an attacker who knows the method,
 * the published counts and which hidden places are small can neither narrow a hidden
 * count to fewer than min_n values nor show a hidden group to be all or none of a class.
 * A total for which no choice of partners could do that is hidden itself, decided on
 * published counts alone. Totals are taken from the bottom of the tree up.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disclose.h"
#include "util.h"

#define DC_INF	LONG_MAX	/* an upper bound the attacker does not have */

/* An interval of counts; hi may be DC_INF. */
struct dc_iv {
	long	 lo, hi;
};

/* Working state of one dc_protect or dc_audit call. */
struct dc {
	const struct dc_input	*in;
	size_t			 root;
	size_t			*cells;		/* scratch: the hidden leaves of a group */
	size_t			 ncells;
	size_t			*nodes;		/* scratch: its leaves and hidden totals */
	size_t			 nnodes;
	struct dc_node_iv {
		struct dc_iv	 own, in, out;
		long		 published;	/* width of out with the group's sum */
	}			*iv;		/* scratch: per node, for one count */
	void			(*say)(void *, const char *);
	void			*arg;
	size_t			 breaches;
};

static long
dc_count(const struct dc_input *in, size_t p, size_t i)
{
	return in->count[p * in->ncounts + i];
}

static long
dc_cls(const struct dc_input *in, size_t p, size_t j)
{
	return in->cls[p * in->nclasses + j];
}

/* 1 when `top` is p or above it. */
static int
dc_under(const struct dc *x, size_t p, size_t top)
{
	for (;;) {
		if (p == top)
			return 1;
		if (p == x->in->parent[p])
			return 0;
		p = x->in->parent[p];
	}
}

/* The first place above p that is published (or the root): the total whose group p
 * belongs to when p is hidden. */
static size_t
dc_group_of(const struct dc *x, const unsigned char *role, size_t p)
{
	size_t a = x->in->parent[p];

	while (a != x->root && role[a] != DC_SHOWN)
		a = x->in->parent[a];
	return a;
}

/* A place is small when one of its counts is 1 .. min_n-1, or when it has a figure and
 * every count is 0 (a municipality with plan rows but no active plan: shown as 0, it
 * would tell that ":" means at least one). A min_n of 1 hides nothing. */
static int
dc_small(const struct dc_input *in, size_t p)
{
	size_t i;
	int all_zero = 1, guarded = 0;

	if (!in->has[p])
		return 0;
	for (i = 0; i < in->ncounts; i++) {
		long n = dc_count(in, p, i);

		if (n < 0 || in->min_n[i] <= 1)
			continue;
		guarded = 1;
		if (n >= 1 && n < in->min_n[i])
			return 1;
		if (n > 0)
			all_zero = 0;
	}
	return guarded && all_zero;
}

/* A published place can be hidden to protect others when every count it has is at least
 * min_n: the attacker then knows no more of it than that. */
static int
dc_eligible(const struct dc *x, const unsigned char *role, size_t p)
{
	size_t i;
	int any = 0;

	if (!x->in->has[p] || role[p] != DC_SHOWN)
		return 0;
	for (i = 0; i < x->in->ncounts; i++) {
		long n = dc_count(x->in, p, i);

		if (n < 0)
			continue;
		if (n < x->in->min_n[i])
			return 0;
		any = 1;
	}
	return any;
}

/* The bounds an attacker who knows the roles has on count i of hidden place p. */
static void
dc_bounds(const struct dc *x, const unsigned char *role, size_t p, size_t i, long *lo,
    long *hi)
{
	long n = dc_count(x->in, p, i), m = x->in->min_n[i];

	if (n < 0) {
		*lo = *hi = 0;
	} else if (role[p] == DC_PARTNER) {
		*lo = m;
		*hi = DC_INF;
	} else {
		*lo = 0;
		*hi = n < m ? m - 1 : DC_INF;
	}
}

static long
dc_add(long a, long b)
{
	return a == DC_INF || b == DC_INF ? DC_INF : a + b;
}

static void dc_breach(struct dc *, const char *, ...) __attribute__((format(printf, 2, 3)));

/* Counts a breach and, for the audit, says it. */
static void
dc_breach(struct dc *x, const char *fmt, ...)
{
	char line[200];
	va_list ap;

	x->breaches++;
	if (x->say == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	x->say(x->arg, line);
}

static struct dc_iv
dc_meet(struct dc_iv a, struct dc_iv b)
{
	struct dc_iv r;

	r.lo = a.lo > b.lo ? a.lo : b.lo;
	r.hi = a.hi == DC_INF ? b.hi : b.hi == DC_INF ? a.hi : a.hi < b.hi ? a.hi : b.hi;
	return r;
}

static long
dc_width_of(struct dc_iv v)
{
	return v.hi == DC_INF ? DC_INF : v.hi - v.lo;
}

/*
 * The nodes of the group under `top` (x->nodes: its hidden leaves and the hidden totals
 * between them and `top`) with, for count i, what the attacker knows of each: `own`, the
 * bounds of its role; `in`, what its own bounds and those below it allow (bottom up). The
 * published part of a hidden total (its published children) is known. Fills x->iv.
 */
static void
dc_tree_up(struct dc *x, const unsigned char *role, size_t i)
{
	const struct dc_input *in = x->in;
	size_t a, b;

	for (a = 0; a < x->nnodes; a++) {
		size_t p = x->nodes[a];

		dc_bounds(x, role, p, i, &x->iv[a].own.lo, &x->iv[a].own.hi);
		x->iv[a].in = x->iv[a].own;
	}
	/* Nodes are ordered leaves first, then totals from the bottom up. */
	for (a = 0; a < x->nnodes; a++) {
		size_t p = x->nodes[a];
		struct dc_iv sum;
		long n = dc_count(in, p, i);

		if (p < in->nleaves || n < 0)
			continue;
		sum.lo = sum.hi = n;	/* the published part, then the hidden children */
		for (b = 0; b < x->nnodes; b++)
			if (in->parent[x->nodes[b]] == p) {
				long c = dc_count(in, x->nodes[b], i);

				sum.lo -= c > 0 ? c : 0;
				sum.hi -= c > 0 ? c : 0;
			}
		for (b = 0; b < x->nnodes; b++)
			if (in->parent[x->nodes[b]] == p) {
				sum.lo += x->iv[b].in.lo;
				sum.hi = dc_add(sum.hi, x->iv[b].in.hi);
			}
		x->iv[a].in = dc_meet(x->iv[a].own, sum);
	}
}

/* Top down: the range of every node given the range `whole` of the hidden part under
 * `top`, into x->iv[].out. */
static void
dc_tree_down(struct dc *x, size_t i, size_t top, struct dc_iv whole)
{
	const struct dc_input *in = x->in;
	size_t a, b, c;

	for (a = x->nnodes; a-- > 0;) {
		size_t parent = in->parent[x->nodes[a]];
		struct dc_iv part = whole, rest = { 0, 0 }, allow;

		if (parent != top) {
			long pub = dc_count(in, parent, i);

			for (b = 0; b < x->nnodes && x->nodes[b] != parent; b++)
				;
			for (c = 0; c < x->nnodes; c++)
				if (in->parent[x->nodes[c]] == parent) {
					long v = dc_count(in, x->nodes[c], i);

					pub -= v > 0 ? v : 0;
				}
			part.lo = x->iv[b].out.lo - pub;
			part.hi = x->iv[b].out.hi == DC_INF ? DC_INF : x->iv[b].out.hi - pub;
		}
		for (c = 0; c < x->nnodes; c++)
			if (c != a && in->parent[x->nodes[c]] == parent) {
				rest.lo += x->iv[c].in.lo;
				rest.hi = dc_add(rest.hi, x->iv[c].in.hi);
			}
		allow.lo = rest.hi == DC_INF ? 0 : part.lo - rest.hi;
		allow.hi = part.hi == DC_INF ? DC_INF : part.hi - rest.lo;
		x->iv[a].out = dc_meet(x->iv[a].in, allow);
	}
}

static size_t dc_depth(const struct dc *, size_t);

/* Collects the group under published place `top`: the hidden leaves whose every place
 * between them and `top` is hidden (x->cells), and with them those hidden totals
 * (x->nodes, the deepest first). */
static void
dc_collect(struct dc *x, const unsigned char *role, size_t top)
{
	size_t p, a, b;

	x->ncells = x->nnodes = 0;
	for (p = 0; p < x->in->nplaces; p++) {
		if (p == top || role[p] == DC_SHOWN || !x->in->has[p] ||
		    dc_group_of(x, role, p) != top)
			continue;
		if (p < x->in->nleaves)
			x->cells[x->ncells++] = p;
		x->nodes[x->nnodes++] = p;
	}
	for (a = 1; a < x->nnodes; a++)	/* insertion sort by depth, deepest first */
		for (b = a; b > 0 && dc_depth(x, x->nodes[b]) > dc_depth(x, x->nodes[b - 1]); b--) {
			p = x->nodes[b];
			x->nodes[b] = x->nodes[b - 1];
			x->nodes[b - 1] = p;
		}
}

/*
 * 1 when the group under published place `top` (collected in x->cells) is safe: every
 * hidden count and every hidden total in it keeps at least min_n possible values, and
 * the group is neither all nor none of any class, unless `top` itself is. With `say`
 * set, names every breach instead of stopping at the first.
 */
static int
dc_group_safe(struct dc *x, const unsigned char *role, size_t top)
{
	const struct dc_input *in = x->in;
	size_t i, j, k, before = x->breaches;

	for (i = 0; i < in->ncounts; i++) {
		long need = in->min_n[i] - 1;
		struct dc_iv whole = { 0, 0 };

		if (dc_count(in, top, i) < 0)
			continue;
		dc_tree_up(x, role, i);
		for (k = 0; k < x->nnodes; k++)
			if (in->parent[x->nodes[k]] == top) {
				long c = dc_count(in, x->nodes[k], i);

				whole.lo += c > 0 ? c : 0;
			}
		whole.hi = whole.lo;
		dc_tree_down(x, i, top, whole);
		for (k = 0; k < x->nnodes; k++)
			x->iv[k].published = dc_width_of(x->iv[k].out);
		/* What the roles alone leave, without the published sum. */
		whole.lo = 0;
		whole.hi = 0;
		for (k = 0; k < x->nnodes; k++)
			if (in->parent[x->nodes[k]] == top) {
				whole.lo += x->iv[k].in.lo;
				whole.hi = dc_add(whole.hi, x->iv[k].in.hi);
			}
		dc_tree_down(x, i, top, whole);
		for (k = 0; k < x->nnodes; k++) {
			long alone = dc_width_of(x->iv[k].out);
			long w = x->iv[k].published;

			if (w < (alone < need ? alone : need)) {
				dc_breach(x, "place %zu under %zu, count %zu: %ld possible values, "
				    "fewer than %ld", x->nodes[k], top, i, w + 1,
				    (alone < need ? alone : need) + 1);
				if (x->say == NULL)
					return 0;
			}
		}
	}
	for (j = 0; j < in->nclasses; j++) {
		long pa = dc_cls(in, top, j), pv = dc_count(in, top, in->cls_count[j]);
		long ra = 0, rv = 0;

		if (pa < 0 || pv < 0)
			continue;
		for (k = 0; k < x->ncells; k++) {
			long a = dc_cls(in, x->cells[k], j);
			long v = dc_count(in, x->cells[k], in->cls_count[j]);

			ra += a > 0 ? a : 0;
			rv += v > 0 ? v : 0;
		}
		if ((pa > 0 && ra == 0) || (pa < pv && ra == rv)) {
			dc_breach(x, "group under place %zu, class %zu: %s of %ld", top, j,
			    ra == 0 ? "none" : "all", rv);
			if (x->say == NULL)
				return 0;
		}
	}
	return x->breaches == before;
}

/* ---- choosing partners ------------------------------------------------------------- */

static uint64_t
dc_mix(uint64_t z)
{
	z += 0x9E3779B97F4A7C15ULL;
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* The key of the group under `top`: from the secrets of the leaves under it only, so
 * that a county's choice is the same in a county's run and in a national one. */
static uint64_t
dc_key(const struct dc *x, size_t top)
{
	uint64_t sum = 0;
	size_t k;

	for (k = 0; k < x->in->nleaves; k++)
		if (dc_under(x, k, top))
			sum += dc_mix(x->in->secret[k] ^ (uint64_t)k);
	return dc_mix(sum ^ dc_mix(x->in->salt ^ ((uint64_t)top << 32)));
}

struct dc_draw {
	size_t		 place;
	uint64_t	 order;
};

static int
dc_draw_cmp(const void *a, const void *b)
{
	const struct dc_draw *p = a, *q = b;

	if (p->order != q->order)
		return p->order < q->order ? -1 : 1;
	return p->place < q->place ? -1 : p->place > q->place;
}

/* Orders the candidates at random (keyed) and draws how many to take at first: one, or
 * with probability 1/8 each one more (none when there are none). Every number up to all
 * of them can be drawn, so a group that needed more partners looks like one that drew
 * more by chance. */
static size_t
dc_shuffle(uint64_t key, struct dc_draw *v, size_t n)
{
	size_t i, m;

	for (i = 0; i < n; i++)
		v[i].order = dc_mix(key ^ dc_mix((uint64_t)v[i].place));
	qsort(v, n, sizeof(*v), dc_draw_cmp);
	if (n == 0)
		return 0;
	for (m = 1; m < n; m++)
		if (dc_mix(key ^ dc_mix(~(uint64_t)m)) % 8 != 0)
			break;
	return m;
}

/* Hides leaf p as a partner of the group under `top`, with every published total between
 * them: otherwise it would join a smaller group, not this one. */
static void
dc_take(const struct dc *x, unsigned char *role, size_t p, size_t top)
{
	for (; p != top; p = x->in->parent[p])
		if (role[p] == DC_SHOWN)
			role[p] = DC_PARTNER;
}

/* Candidates under `top`: published leaves that can be partners, with every total between
 * them and `top` hidden already or able to be hidden. */
static size_t
dc_candidates(const struct dc *x, const unsigned char *role, size_t top, struct dc_draw *v)
{
	size_t k, a, n = 0;

	for (k = 0; k < x->in->nleaves; k++) {
		if (!dc_eligible(x, role, k) || !dc_under(x, k, top))
			continue;
		for (a = x->in->parent[k]; a != top; a = x->in->parent[a])
			if (role[a] == DC_SHOWN && !dc_eligible(x, role, a))
				break;
		if (a == top)
			v[n++].place = k;
	}
	return n;
}

/*
 * 1 when the candidates alone would make the group safe whatever the hidden places hold:
 * their counts above min_n give the group the room rule 2 asks for; they hold plans in
 * and out of every class; and every total below `top` that is hidden, or would be with
 * its candidates, has a candidate outside it (else its range would be the others', which
 * the roles alone may make narrow). It reads the pattern and published counts only (the
 * candidates are published), so hiding a total because it is 0 tells nothing of what is
 * hidden.
 */
static int
dc_candidates_suffice(const struct dc *x, const unsigned char *role, size_t top,
    const struct dc_draw *v, size_t n)
{
	const struct dc_input *in = x->in;
	size_t i, j, k, t;

	for (t = in->nleaves; t < in->nplaces; t++) {
		int in_play = 0, outside = 0;

		if (t == top || in->parent[t] != top || !in->has[t])
			continue;
		for (k = 0; k < x->ncells; k++)
			in_play |= role[t] != DC_SHOWN && dc_under(x, x->cells[k], t);
		for (k = 0; k < n; k++) {
			in_play |= dc_under(x, v[k].place, t);
			outside |= !dc_under(x, v[k].place, t);
		}
		if (in_play && !outside)
			return 0;
	}

	for (i = 0; i < in->ncounts; i++) {
		long slack = 0;

		if (dc_count(in, top, i) < 0)
			continue;
		for (k = 0; k < n; k++) {
			long c = dc_count(in, v[k].place, i);

			slack += c > 0 ? c - in->min_n[i] : 0;
		}
		if (slack < in->min_n[i] - 1)
			return 0;
	}
	for (j = 0; j < in->nclasses; j++) {
		long yes = 0, no = 0;

		if (dc_cls(in, top, j) < 0)
			continue;
		for (k = 0; k < n; k++) {
			long a = dc_cls(in, v[k].place, j), c = dc_count(in, v[k].place,
			    in->cls_count[j]);

			yes += a > 0 ? a : 0;
			no += c > 0 && a >= 0 ? c - a : 0;
		}
		if (yes == 0 || no == 0)
			return 0;
	}
	return 1;
}

/*
 * Protects the group under published place `top`: when it has hidden leaves, takes
 * partners until it is safe, or hides `top` when the candidates alone could not make it
 * safe (decided on published counts only).
 */
static void
dc_protect_group(struct dc *x, unsigned char *role, size_t top, struct dc_stats *st)
{
	size_t np = x->in->nplaces;
	unsigned char *trial = xmalloc(np);
	struct dc_draw *v = xcalloc(x->in->nleaves ? x->in->nleaves : 1, sizeof(*v));
	size_t n, m, i;
	int safe = 0;

	dc_collect(x, role, top);
	if (x->ncells == 0)
		goto out;
	n = dc_candidates(x, role, top, v);
	if (!x->in->keep_top && !dc_candidates_suffice(x, role, top, v, n)) {
		role[top] = DC_PARTNER;
		st->escalated++;
		goto out;
	}
	m = dc_shuffle(dc_key(x, top), v, n);
	for (;;) {
		memcpy(trial, role, np);
		for (i = 0; i < m; i++)
			dc_take(x, trial, v[i].place, top);
		dc_collect(x, trial, top);
		if ((safe = dc_group_safe(x, trial, top)) || m == n)
			break;
		m++;
	}
	if (!safe) {		/* not expected: the tests count it (forced) */
		role[top] = DC_PARTNER;
		st->escalated++;
		st->forced++;
		goto out;
	}
	for (i = 0; i < np; i++)
		if (trial[i] != role[i])
			st->secondary++;
	memcpy(role, trial, np);
out:
	free(v);
	free(trial);
}

static size_t
dc_depth(const struct dc *x, size_t p)
{
	size_t d = 0;

	for (; p != x->root; p = x->in->parent[p])
		d++;
	return d;
}

static void
dc_init(struct dc *x, const struct dc_input *in)
{
	memset(x, 0, sizeof(*x));
	x->in = in;
	x->root = in->nplaces - 1;
	x->cells = xcalloc(in->nleaves ? in->nleaves : 1, sizeof(size_t));
	x->nodes = xcalloc(in->nplaces, sizeof(size_t));
	x->iv = xcalloc(in->nplaces, sizeof(*x->iv));
}

static void
dc_release(struct dc *x)
{
	free(x->cells);
	free(x->nodes);
	free(x->iv);
}

void
dc_protect(const struct dc_input *in, unsigned char *role, struct dc_stats *stats)
{
	struct dc x;
	struct dc_stats st;
	size_t *depth = xcalloc(in->nplaces, sizeof(size_t));
	size_t p, d, maxdepth = 0;

	memset(&st, 0, sizeof(st));
	dc_init(&x, in);
	for (p = 0; p < in->nplaces; p++) {
		role[p] = dc_small(in, p) ? DC_PRIMARY : DC_SHOWN;
		st.primary += role[p] == DC_PRIMARY;
		depth[p] = dc_depth(&x, p);
		if (depth[p] > maxdepth)
			maxdepth = depth[p];
	}
	/* Totals from the bottom up: a total hidden for want of partners becomes part of the
	 * group of the first published total above it. */
	for (d = maxdepth + 1; d-- > 0;)
		for (p = in->nleaves; p < in->nplaces; p++)
			if (depth[p] == d && role[p] == DC_SHOWN && in->has[p])
				dc_protect_group(&x, role, p, &st);
	free(depth);
	dc_release(&x);
	if (stats != NULL)
		*stats = st;
}

size_t
dc_audit(const struct dc_input *in, const unsigned char *role,
    void (*say)(void *, const char *), void *arg)
{
	struct dc x;
	size_t p, k;
	int inside;

	dc_init(&x, in);
	x.say = say;
	x.arg = arg;
	for (p = 0; p < in->nplaces; p++)
		if (dc_small(in, p) && role[p] == DC_SHOWN)
			dc_breach(&x, "place %zu is small but shown", p);
	/* A hidden total with no hidden leaf reached through hidden places is the sum of
	 * published ones. */
	for (p = in->nleaves; p < in->nplaces; p++) {
		if (role[p] == DC_SHOWN || !in->has[p])
			continue;
		inside = 0;
		for (k = 0; k < in->nleaves && !inside; k++) {
			size_t a = k;

			if (role[k] == DC_SHOWN || !in->has[k] || !dc_under(&x, k, p))
				continue;
			while (a != p && role[a] != DC_SHOWN)
				a = in->parent[a];
			inside = a == p;
		}
		if (!inside)
			dc_breach(&x, "place %zu is hidden but all inside it is shown", p);
	}
	for (p = in->nleaves; p < in->nplaces; p++) {
		if (role[p] != DC_SHOWN || !in->has[p])
			continue;
		dc_collect(&x, role, p);
		if (x.ncells > 0)
			dc_group_safe(&x, role, p);
	}
	dc_release(&x);
	return x.breaches;
}
