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

/* Working state of one dc_protect or dc_audit call. */
struct dc {
	const struct dc_input	*in;
	size_t			 root;
	size_t			*cells;		/* scratch: the hidden leaves of a group */
	size_t			 ncells;
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

/*
 * The width of the range an attacker finds for the sum of count i over the members of
 * the group x->cells under `sub` (a member itself, or a hidden total), from the
 * published sum of the whole group and the bounds of each member: [max(sum lo_S, R - sum
 * hi_rest), min(sum hi_S, R - sum lo_rest)]; never unbounded, as the group's sum is
 * published.
 */
static long
dc_width(const struct dc *x, const unsigned char *role, size_t i, size_t sub)
{
	long r = 0, lo_s = 0, hi_s = 0, lo_rest = 0, hi_rest = 0, lo, hi, a, b;
	size_t k;

	for (k = 0; k < x->ncells; k++) {
		size_t p = x->cells[k];
		long n = dc_count(x->in, p, i);

		dc_bounds(x, role, p, i, &lo, &hi);
		r += n > 0 ? n : 0;
		if (dc_under(x, p, sub)) {
			lo_s += lo;
			hi_s = dc_add(hi_s, hi);
		} else {
			lo_rest += lo;
			hi_rest = dc_add(hi_rest, hi);
		}
	}
	a = hi_rest == DC_INF ? lo_s : (lo_s > r - hi_rest ? lo_s : r - hi_rest);
	b = r - lo_rest;
	if (hi_s != DC_INF && hi_s < b)
		b = hi_s;
	return b - a;
}

/* Collects the group under published place `top`: the hidden leaves whose every place
 * between them and `top` is hidden. */
static void
dc_collect(struct dc *x, const unsigned char *role, size_t top)
{
	size_t k;

	x->ncells = 0;
	for (k = 0; k < x->in->nleaves; k++)
		if (role[k] != DC_SHOWN && x->in->has[k] && dc_group_of(x, role, k) == top)
			x->cells[x->ncells++] = k;
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
	size_t i, j, k, p, before = x->breaches;

	for (i = 0; i < in->ncounts; i++) {
		long need = in->min_n[i] - 1;

		if (dc_count(in, top, i) < 0)
			continue;
		for (p = 0; p < in->nplaces; p++) {
			long w;

			if (p == top || role[p] == DC_SHOWN || !in->has[p] ||
			    dc_group_of(x, role, p) != top)
				continue;
			w = dc_width(x, role, i, p);
			if (w < need) {
				dc_breach(x, "place %zu under %zu, count %zu: %ld possible values, "
				    "fewer than %ld", p, top, i, w + 1, need + 1);
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
 * Protects the group under published place `top`: when it has hidden leaves, takes
 * partners until it is safe, or hides `top` when even every candidate would not make it
 * safe. That test uses published counts only (the sum of the group with every candidate
 * is the total less the other published places), so hiding a total tells nothing about
 * the hidden places.
 */
static void
dc_protect_group(struct dc *x, unsigned char *role, size_t top, struct dc_stats *st)
{
	size_t np = x->in->nplaces;
	unsigned char *trial = xmalloc(np);
	struct dc_draw *v = xcalloc(x->in->nleaves ? x->in->nleaves : 1, sizeof(*v));
	size_t n, m, i;

	dc_collect(x, role, top);
	if (x->ncells == 0)
		goto out;
	n = dc_candidates(x, role, top, v);
	memcpy(trial, role, np);
	for (i = 0; i < n; i++)
		dc_take(x, trial, v[i].place, top);
	dc_collect(x, trial, top);
	if (!dc_group_safe(x, trial, top)) {
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
		if (dc_group_safe(x, trial, top) || m == n)
			break;
		m++;
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
	free(x.cells);
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
	free(x.cells);
	return x.breaches;
}
