/*
 * stats.c: Wilson and Newcombe intervals and the verdict on a difference (see stats.h).
 * The formulas are those of Newcombe (1998), "Interval estimation for the difference
 * between independent proportions", Statistics in Medicine 17, method 10.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indicator.h"
#include "ind_read.h"
#include "stats.h"
#include "util.h"

/* The upper tail of the standard normal distribution. */
static double
upper_tail(double x)
{
	return 0.5 * erfc(x / sqrt(2.0));
}

void
stats_params_set(struct stats_params *p, double level)
{
	double tail = (1.0 - level / 100.0) / 2.0, lo = 0.0, hi = 10.0, mid;
	int i;

	/* Bisection on the tail: 200 halvings reach the last bit of a double. */
	for (i = 0; i < 200; i++) {
		mid = (lo + hi) / 2.0;
		if (upper_tail(mid) > tail)
			lo = mid;
		else
			hi = mid;
	}
	p->level = level;
	p->z = (lo + hi) / 2.0;
}

struct stats_interval
stats_wilson(long x, long n, double z)
{
	double p = (double)x / (double)n, z2 = z * z, nn = (double)n;
	double den = 1.0 + z2 / nn;
	double centre = (p + z2 / (2.0 * nn)) / den;
	double half = z * sqrt(p * (1.0 - p) / nn + z2 / (4.0 * nn * nn)) / den;
	struct stats_interval w = { centre - half, centre + half };

	/* At 0 and n the bound is 0 or 1 exactly; rounding must not move it. */
	if (x == 0)
		w.lo = 0.0;
	if (x == n)
		w.hi = 1.0;
	return w;
}

struct stats_interval
stats_difference(long x1, long n1, long x2, long n2, double z)
{
	double p1 = (double)x1 / (double)n1, p2 = (double)x2 / (double)n2;
	struct stats_interval a = stats_wilson(x1, n1, z), b = stats_wilson(x2, n2, z);
	struct stats_interval d;

	d.lo = (p1 - p2) - sqrt((p1 - a.lo) * (p1 - a.lo) + (b.hi - p2) * (b.hi - p2));
	d.hi = (p1 - p2) + sqrt((a.hi - p1) * (a.hi - p1) + (p2 - b.lo) * (p2 - b.lo));
	return d;
}

enum stats_verdict
stats_compare(long x1, long n1, long x2, long n2, const struct stats_params *p)
{
	struct stats_interval d;

	if (n1 <= 0 || n2 <= 0 || x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2)
		return STATS_NONE;
	/* Equal shares are no difference, whatever the counts. */
	if ((long long)x1 * n2 == (long long)x2 * n1)
		return STATS_SAME;
	d = stats_difference(x1, n1, x2, n2, p->z);
	if (d.lo > 0.0)
		return STATS_HIGHER;
	if (d.hi < 0.0)
		return STATS_LOWER;
	return STATS_SAME;
}

/* ---- indicators/usikkerhet.txt ---- */

/* Reads one `key = value` line; 0, or -1 after a message. */
static int
params_line(struct stats_params *p, const char *path, long lno, const char *l, size_t llen,
    struct diag *d)
{
	static const char *const keys[] = { "konfidensnivå", "konfidensniva", NULL };
	struct kv_span kv;
	size_t ks, ke, vs, ve, i;
	char num[32], *end, *c;
	double level;
	int k = kv_split(l, llen, &kv);

	if (k == 0)
		return 0;
	if (k == -1) {
		ind_caret(d, DIAG_ERROR, path, lno, l, llen, kv.ks, llen - kv.ks,
		    "expected `konfidensnivå = 95`, found no '='");
		return -1;
	}
	ks = kv.ks;
	ke = kv.ke;
	vs = kv.vs;
	ve = kv.ve;
	for (i = 0; keys[i] != NULL; i++)
		if (strlen(keys[i]) == ke - ks && strncmp(keys[i], l + ks, ke - ks) == 0)
			break;
	if (keys[i] == NULL) {
		ind_caret(d, DIAG_ERROR, path, lno, l, llen, ks, ke > ks ? ke - ks : 1,
		    "expected the key konfidensnivå, found '%.*s'", (int)(ke - ks), l + ks);
		return -1;
	}
	snprintf(num, sizeof(num), "%.*s", (int)(ve - vs < 31 ? ve - vs : 31), l + vs);
	if ((c = strchr(num, ',')) != NULL)
		*c = '.';
	level = strtod(num, &end);
	if (ve == vs || ve - vs > 31 || *end != '\0' || strpbrk(num, "xXnN") != NULL ||
	    !(level >= 50.0 && level <= 99.99)) {
		ind_caret(d, DIAG_ERROR, path, lno, l, llen, vs, ve > vs ? ve - vs : 1,
		    "expected a confidence level in percent from 50 to 99,99 (such as 95), "
		    "found '%.*s'", (int)(ve - vs), l + vs);
		return -1;
	}
	stats_params_set(p, level);
	return 0;
}

int
stats_load(struct stats_params *p, const char *dir, struct diag *d)
{
	char *path = xasprintf("%s/usikkerhet.txt", dir), *text;
	const char *l;
	size_t len, llen, pos = 0;
	long lno = 0;
	int rc = 0;

	stats_params_set(p, 95.0);
	if ((text = ind_read_file(path, &len, d)) == NULL) {
		free(path);
		return -1;
	}
	while ((l = ind_next_line(text, len, &pos, &llen)) != NULL)
		if (params_line(p, path, ++lno, l, llen, d) == -1)
			rc = -1;
	if (rc == -1)
		stats_params_set(p, 95.0);
	free(text);
	free(path);
	return rc;
}
