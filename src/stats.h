/*
 * stats.h: the uncertainty of a share and of the difference between two shares, and the
 * verdict the reports give on it ("higher", "lower", "no difference beyond chance").
 * Wilson score intervals for a share and Newcombe's hybrid score interval (his method 10)
 * for a difference, at the confidence level of indicators/usikkerhet.txt. Pure functions
 * of counts; the parameters are read once. Used by compare.c; see docs/computation.md.
 */
#ifndef STATS_H
#define STATS_H

#include "diag.h"

/* How sure a difference must be before it is called one. */
struct stats_params {
	double	level;		/* confidence level in percent: 95 */
	double	z;		/* the two-sided standard normal quantile of level: 1,96 */
};

/* An interval of a share or a difference of shares, as fractions (0..1, -1..1). */
struct stats_interval {
	double	lo, hi;
};

/* The verdict on a difference. STATS_NONE: no verdict (no counts to judge). */
enum stats_verdict {
	STATS_NONE,
	STATS_SAME,	/* the interval holds 0: the difference may be chance */
	STATS_HIGHER,	/* the first share is higher, beyond chance */
	STATS_LOWER
};

/* Sets p to the level (in percent, 50 < level < 100) and its z. */
void	stats_params_set(struct stats_params *p, double level);
/* Reads dir/usikkerhet.txt (`konfidensnivå = 95`, '#' comments). A missing file, an
 * unknown key or a level outside 50-99,99 is an error naming file:line:col; p then keeps
 * 95 %. Returns 0 or -1. */
int	stats_load(struct stats_params *p, const char *dir, struct diag *);
/* The Wilson score interval of x out of n (0 <= x <= n, n > 0) at z. */
struct stats_interval stats_wilson(long x, long n, double z);
/* Newcombe's interval of x1/n1 - x2/n2 (both n > 0) at z. */
struct stats_interval stats_difference(long x1, long n1, long x2, long n2, double z);
/* Whether x1/n1 is higher or lower than x2/n2 beyond chance; STATS_NONE when a count is
 * not a share (n <= 0, x < 0 or x > n). This function can't fail. */
enum stats_verdict stats_compare(long x1, long n1, long x2, long n2,
	    const struct stats_params *p);

#endif
