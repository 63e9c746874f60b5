/*
 * Unit tests of disclose.c: the cases the disclosure-control issue reproduced against the
 * old rules (two or three tiny municipalities in one county, hidden groups at 0 % and
 * 100 %, a partner just above min_n, a county of small municipalities, a single
 * municipality), then many random tables, also with a level of offices between counties
 * and the country: every pattern passes the audit, primaries are always hidden, and the
 * choice of partners depends on the secret and on nothing outside the county.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "disclose.h"
#include "util.h"

#define MAXK	64
#define MAXF	8
#define MAXO	4
#define NP	(MAXK + MAXF + MAXO + 1)

/* One count (active plans) and five classes: an indicator's yes and no, and the split's
 * ja, delvis, nei. Municipalities are filled in, totals summed. */
struct tab {
	size_t		 nk, nf, no;	/* municipalities, counties, offices (0: none) */
	int		 county[MAXK];
	int		 office[MAXF];
	size_t		 parent[NP];
	unsigned char	 has[NP];
	long		 count[NP];
	long		 min_n[1];
	long		 cls[NP * 5];
	size_t		 cls_count[5];
	uint64_t	 secret[MAXK];
	struct dc_input	 in;
	unsigned char	 role[NP];
};

static void
tab_init(struct tab *t, size_t nf)
{
	memset(t, 0, sizeof(*t));
	t->nf = nf;
	t->min_n[0] = 5;
}

/* Adds a municipality of county c with n active plans: yes of them "yes" (the rest
 * "no"), and the split ja/delvis/nei. n < 0: no figure. Returns its place. */
static size_t
tab_kommune(struct tab *t, int c, long n, long yes, long ja, long delvis)
{
	size_t k = t->nk++;

	t->county[k] = c;
	t->has[k] = n >= 0;
	t->count[k] = n;
	t->cls[k * 5 + 0] = n < 0 ? -1 : yes;
	t->cls[k * 5 + 1] = n < 0 ? -1 : n - yes;
	t->cls[k * 5 + 2] = n < 0 ? -1 : ja;
	t->cls[k * 5 + 3] = n < 0 ? -1 : delvis;
	t->cls[k * 5 + 4] = n < 0 ? -1 : n - ja - delvis;
	t->secret[k] = 0x1234567ULL * (k + 1);
	return k;
}

/* Sums the municipalities into counties (into offices, when there are) and the country,
 * and fills the input. */
static void
tab_done(struct tab *t)
{
	size_t np = t->nk + t->nf + t->no + 1, country = np - 1, k, p, j;

	for (p = 0; p < np; p++)
		t->parent[p] = p < t->nk ? t->nk + (size_t)t->county[p] :
		    p < t->nk + t->nf && t->no > 0 ? t->nk + t->nf + (size_t)t->office[p - t->nk] :
		    country;
	t->parent[country] = country;
	for (p = t->nk; p < np; p++) {
		t->has[p] = 0;
		t->count[p] = -1;
		for (j = 0; j < 5; j++)
			t->cls[p * 5 + j] = -1;
	}
	for (k = 0; k < t->nk; k++) {
		if (!t->has[k])
			continue;
		for (p = t->parent[k];; p = t->parent[p]) {
			if (!t->has[p]) {
				t->has[p] = 1;
				t->count[p] = 0;
				for (j = 0; j < 5; j++)
					t->cls[p * 5 + j] = 0;
			}
			t->count[p] += t->count[k];
			for (j = 0; j < 5; j++)
				t->cls[p * 5 + j] += t->cls[k * 5 + j];
			if (p == country)
				break;
		}
	}
	for (j = 0; j < 5; j++)
		t->cls_count[j] = 0;
	t->in.nplaces = np;
	t->in.nleaves = t->nk;
	t->in.parent = t->parent;
	t->in.has = t->has;
	t->in.ncounts = 1;
	t->in.count = t->count;
	t->in.min_n = t->min_n;
	t->in.nclasses = 5;
	t->in.cls = t->cls;
	t->in.cls_count = t->cls_count;
	t->in.secret = t->secret;
	t->in.salt = 2024;
}

static void
say(void *arg, const char *line)
{
	(void)arg;
	print_message("breach: %s\n", line);
}

/* Runs the method and the audit; returns the number of hidden places. */
static size_t
protect(struct tab *t)
{
	struct dc_stats st;
	size_t p, n = 0;

	dc_protect(&t->in, t->role, &st);
	assert_int_equal(dc_audit(&t->in, t->role, say, NULL), 0);
	for (p = 0; p < t->in.nplaces; p++)
		n += t->role[p] != DC_SHOWN;
	assert_int_equal(n, st.primary + st.secondary + st.escalated);
	assert_int_equal(st.forced, 0);
	return n;
}

static int
hidden(const struct tab *t, size_t p)
{
	return t->role[p] != DC_SHOWN;
}

/* Two municipalities of one plan each (neither with a coordinator) in a county whose other
 * municipalities are published: the old rules left the pair's sum, 2, to be read off. */
static void
test_two_tiny_in_one_county(void **state)
{
	struct tab t;
	size_t a, b, i;

	(void)state;
	tab_init(&t, 2);
	a = tab_kommune(&t, 0, 1, 0, 0, 0);
	b = tab_kommune(&t, 0, 1, 0, 1, 0);
	for (i = 0; i < 5; i++)
		tab_kommune(&t, 0, 40 + (long)i * 10, 30, 20, 5);
	for (i = 0; i < 5; i++)
		tab_kommune(&t, 1, 60, 45, 30, 10);
	tab_done(&t);
	protect(&t);
	assert_true(hidden(&t, a) && hidden(&t, b));
	assert_int_equal(t.role[a], DC_PRIMARY);
	assert_false(hidden(&t, t.nk));		/* the county stays published */
	assert_false(hidden(&t, t.nk + 2));	/* and the country */
	/* A partner was taken: the pair alone is 2 plans, fewer than the protection asks. */
	for (i = 0, a = 0; i < t.nk; i++)
		a += t.role[i] == DC_PARTNER;
	assert_true(a >= 1);
}

/* Three tiny municipalities, and a hidden group that is all "yes": a partner must break
 * the 100 %, and an all-"yes" partner would not. */
static void
test_group_at_100_percent(void **state)
{
	struct tab t;
	size_t i, partners = 0;

	(void)state;
	tab_init(&t, 1);
	for (i = 0; i < 3; i++)
		tab_kommune(&t, 0, 2, 2, 1, 0);
	tab_kommune(&t, 0, 30, 30, 10, 10);	/* all yes: cannot break the 100 % */
	tab_kommune(&t, 0, 25, 20, 10, 5);
	tab_kommune(&t, 0, 50, 40, 20, 10);
	tab_done(&t);
	protect(&t);
	for (i = 0; i < 3; i++)
		assert_true(hidden(&t, i));
	for (i = 3; i < 6; i++)
		partners += t.role[i] == DC_PARTNER;
	assert_true(partners >= 1);
	/* Whatever was drawn, the group has a "no" in it (the audit checked it too). */
	{
		long no = 0;

		for (i = 0; i < 6; i++)
			if (hidden(&t, i))
				no += t.cls[i * 5 + 1];
		assert_true(no > 0);
	}
}

/* The only other municipality is just above min_n: as a partner, 5 with a hidden 1 would
 * pin both (1 + 5 = 6: the tiny one is 0 or 1, the partner 5 or 6), so the county goes
 * instead, and under the published country it needs company from the other county. */
static void
test_partner_just_above_min_n(void **state)
{
	struct tab t;

	(void)state;
	tab_init(&t, 2);
	tab_kommune(&t, 0, 1, 1, 0, 1);
	tab_kommune(&t, 0, 5, 3, 2, 1);
	tab_kommune(&t, 1, 80, 60, 40, 20);
	tab_kommune(&t, 1, 90, 70, 50, 20);
	tab_done(&t);
	protect(&t);
	assert_true(hidden(&t, 0));
	assert_true(hidden(&t, t.nk));		/* county 0 */
	assert_true(hidden(&t, t.nk + 1) || hidden(&t, t.nk + 2));
}

/* A county of small municipalities only, in a one-county run: everything hidden. */
static void
test_county_all_small(void **state)
{
	struct tab t;
	size_t p;

	(void)state;
	tab_init(&t, 1);
	tab_kommune(&t, 0, 3, 1, 1, 1);
	tab_kommune(&t, 0, 4, 2, 2, 1);
	tab_kommune(&t, 0, 2, 1, 1, 0);
	tab_done(&t);
	protect(&t);
	for (p = 0; p < t.in.nplaces; p++)
		assert_true(hidden(&t, p));
}

/* One municipality's own export: a year below min_n hides all three levels; a year with
 * 0 active plans too (shown as 0 it would tell that ":" means at least one). */
static void
test_single_municipality(void **state)
{
	struct tab t;
	long n[] = { 3, 0, 12 };
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		tab_init(&t, 1);
		tab_kommune(&t, 0, n[i], n[i] / 2, n[i] / 3, 0);
		tab_done(&t);
		protect(&t);
		assert_int_equal(hidden(&t, 0), n[i] < 5);
		assert_int_equal(hidden(&t, 1), n[i] < 5);
		assert_int_equal(hidden(&t, 2), n[i] < 5);
	}
}

/* One small municipality in each of two counties: both counties' groups get partners
 * or go, and a single hidden county is never left under the published country. */
static void
test_one_small_in_each_of_two_counties(void **state)
{
	struct tab t;
	size_t i;

	(void)state;
	tab_init(&t, 3);
	tab_kommune(&t, 0, 2, 1, 1, 0);
	tab_kommune(&t, 0, 35, 20, 15, 10);
	tab_kommune(&t, 1, 1, 0, 0, 0);
	tab_kommune(&t, 1, 44, 30, 20, 10);
	for (i = 0; i < 4; i++)
		tab_kommune(&t, 2, 70, 50, 30, 20);
	tab_done(&t);
	protect(&t);
	assert_true(hidden(&t, 0) && hidden(&t, 2));
}

/* The pattern is a function of the data: the same input gives the same roles. A county's
 * roles depend on its own municipalities only (the same in a national and in a county
 * run), and on the secret: other secrets draw other partners. */
static void
test_choice_is_keyed(void **state)
{
	struct tab t, u;
	unsigned char first[NP];
	size_t i, differ = 0, trial;

	(void)state;
	tab_init(&t, 2);
	tab_kommune(&t, 0, 2, 1, 1, 0);
	for (i = 0; i < 8; i++)
		tab_kommune(&t, 0, 30 + (long)i, 20, 10, 10);
	tab_kommune(&t, 1, 200, 150, 100, 50);
	tab_done(&t);
	protect(&t);
	memcpy(first, t.role, sizeof(first));
	protect(&t);
	assert_memory_equal(first, t.role, t.in.nplaces);
	/* Another county changes: county 0's roles stay. */
	u = t;
	u.count[9] = 250;
	u.cls[9 * 5] = 190;
	u.secret[9] ^= 0xFFFF;
	tab_done(&u);
	protect(&u);
	assert_memory_equal(first, u.role, 9);
	/* Other secrets for county 0: other partners, at least sometimes. */
	for (trial = 1; trial <= 16; trial++) {
		u = t;
		for (i = 0; i < 9; i++)
			u.secret[i] = trial * 0x9E3779B97F4A7C15ULL + i;
		tab_done(&u);
		protect(&u);
		differ += memcmp(first, u.role, 9) != 0;
	}
	assert_true(differ > 0);
}

struct rng {
	uint64_t s;
};

static long
rnd(struct rng *r, long n)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	z ^= z >> 31;
	return n > 0 ? (long)(z % (uint64_t)n) : 0;
}

/* A municipality with n plans whose classes are drawn at the given rates (per mille); a
 * few are all one way, as small groups often are. */
static void
random_kommune(struct tab *t, struct rng *r, int c, long n)
{
	long yes = 0, ja = 0, delvis = 0, i;
	long p_yes = rnd(r, 10) == 0 ? 1000 : rnd(r, 10) == 0 ? 0 : 500 + rnd(r, 450);

	for (i = 0; i < n; i++) {
		long u = rnd(r, 1000);

		yes += rnd(r, 1000) < p_yes;
		if (u < 550)
			ja++;
		else if (u < 700)
			delvis++;
	}
	tab_kommune(t, c, n, yes, ja, delvis);
}

/* Random tables of realistic shape and many tiny municipalities: the audit never finds a
 * breach, every small place is hidden, and the method does not hide everything. */
static void
random_tables(uint64_t seed, int offices)
{
	struct rng r = { seed };
	size_t iter, shown = 0, total = 0;

	for (iter = 0; iter < 3000; iter++) {
		struct tab t;
		size_t nf = 1 + (size_t)rnd(&r, MAXF), c, p;

		tab_init(&t, nf);
		if (offices) {
			t.no = 1 + (size_t)rnd(&r, MAXO);
			for (c = 0; c < nf; c++)
				t.office[c] = (int)rnd(&r, (long)t.no);
		}
		for (c = 0; c < nf; c++) {
			long nk = 1 + rnd(&r, (long)(MAXK / MAXF));

			while (nk-- > 0) {
				long kind = rnd(&r, 10), n;

				n = kind < 3 ? rnd(&r, 7) : kind < 5 ? 5 + rnd(&r, 10) :
				    kind < 9 ? 15 + rnd(&r, 150) : 200 + rnd(&r, 800);
				if (rnd(&r, 40) == 0)
					n = -1;
				random_kommune(&t, &r, (int)c, n);
			}
		}
		tab_done(&t);
		t.min_n[0] = 2 + rnd(&r, 6);
		protect(&t);
		for (p = 0; p < t.in.nplaces; p++) {
			if (!t.has[p])
				continue;
			total++;
			shown += !hidden(&t, p);
			if (t.count[p] < t.min_n[0])
				assert_true(hidden(&t, p));
		}
	}
	print_message("random tables%s: %zu of %zu places shown\n",
	    offices ? " with offices" : "", shown, total);
	assert_true(shown * 2 > total);
}

static void
test_random_tables(void **state)
{
	(void)state;
	random_tables(42, 0);
}

/* A level between counties and the country (the county governors' offices, some of which
 * cover two or four counties), whose totals are published too. */
static void
test_random_tables_with_offices(void **state)
{
	(void)state;
	random_tables(4242, 1);
}

/*
 * The split of one published municipality by service area (service.c): the groups are
 * leaves right under the root, which may not be hidden (keep_top). With the root at
 * least min_n * groups - 1, taking partners until safe always succeeds: every pattern
 * passes the audit, the root stays shown and nothing is forced.
 */
static void
test_split_under_published_total(void **state)
{
	struct rng r = { 77 };
	size_t iter, tried = 0;

	(void)state;
	for (iter = 0; iter < 4000; iter++) {
		struct tab t;
		size_t ng = 2 + (size_t)rnd(&r, 8), g;
		long m = 2 + rnd(&r, 6);

		tab_init(&t, 0);
		for (g = 0; g < ng; g++) {
			long kind = rnd(&r, 4);
			long n = kind == 0 ? 0 : kind == 1 ? rnd(&r, m + 1) : kind == 2 ?
			    m + rnd(&r, 4) : rnd(&r, 60);

			random_kommune(&t, &r, 0, n);
		}
		tab_done(&t);
		t.min_n[0] = m;
		t.in.keep_top = 1;
		if (t.count[t.nk] < m * (long)ng - 1)
			continue;
		tried++;
		protect(&t);
		assert_false(hidden(&t, t.nk));
		for (g = 0; g < ng; g++)
			if (t.count[g] < m)
				assert_true(hidden(&t, g));
	}
	print_message("splits under a published total: %zu tried\n", tried);
	assert_true(tried > 1000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_tiny_in_one_county),
		cmocka_unit_test(test_group_at_100_percent),
		cmocka_unit_test(test_partner_just_above_min_n),
		cmocka_unit_test(test_county_all_small),
		cmocka_unit_test(test_single_municipality),
		cmocka_unit_test(test_one_small_in_each_of_two_counties),
		cmocka_unit_test(test_choice_is_keyed),
		cmocka_unit_test(test_random_tables),
		cmocka_unit_test(test_random_tables_with_offices),
		cmocka_unit_test(test_split_under_published_total),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
