/*
 * disclose.h: disclosure control. Decides which places' figures of one year are hidden
 * (":"), so that nothing published together lets anyone narrow a hidden count below the
 * protection interval or show that a hidden group of people all have, or all lack, an
 * answer: the method and its guarantee are in docs/computation.md ("Disclosure control").
 * Works on counts handed in and knows nothing of indicators, files or reports; compute.c
 * calls it once per year and group of figures that rest on the same rows. No state.
 */
#ifndef DISCLOSE_H
#define DISCLOSE_H

#include <stddef.h>
#include <stdint.h>

/*
 * The counts of one group of figures in one year, over a tree of places: municipalities
 * (the leaves, places 0 .. nleaves-1), then totals (counties, and any level above them),
 * the last place being the root (the country). Every total is the exact sum of its
 * children; parent[] gives each place's, the root's being itself.
 *
 * count: what the figures rest on (each figure's denominator, or the active plans behind
 *	dekning); a hidden count must keep at least min_n possible values.
 * cls: answers a person can have (an indicator's "yes" and "no", a split's classes), each
 *	part of one count (cls_count); a hidden group must not be shown to have all or none
 *	of its people in a class.
 * A value of -1 means the place has no such figure (its state is missing).
 */
struct dc_input {
	size_t			 nplaces, nleaves;
	const size_t		*parent;	/* [nplaces] */
	const unsigned char	*has;		/* [place]: 1 when the place has a figure */
	size_t			 ncounts;
	const long		*count;		/* [place * ncounts + i] */
	const long		*min_n;		/* [ncounts]: >= 1 */
	size_t			 nclasses;
	const long		*cls;		/* [place * nclasses + j] */
	const size_t		*cls_count;	/* [nclasses]: index into the counts */
	const uint64_t		*secret;	/* [nleaves]: key material from unpublished data */
	uint64_t		 salt;		/* tells groups and years apart */
	int			 keep_top;	/* 1: the caller has made sure that hiding every
						 * leaf under the root protects it (service.c):
						 * partners are taken until the group is safe, and
						 * the root, published elsewhere, is never hidden */
};

/* What the method did, for `make bench` and the tests. */
struct dc_stats {
	size_t	 primary;	/* places hidden because a count is below min_n */
	size_t	 secondary;	/* places hidden to protect them */
	size_t	 escalated;	/* totals hidden because no choice of partners could do */
	size_t	 forced;	/* of those, hidden although the candidates seemed enough
				 * (a total hidden on a test of hidden counts: never
				 * expected; the tests check that it stays 0) */
};

/* Roles of places, as the method gives them and the audit takes them. */
enum dc_role { DC_SHOWN, DC_PRIMARY, DC_PARTNER };

/*
 * Fills role[place] (an array of nplaces) with the role of every place: DC_SHOWN for
 * a published place or one without a figure, DC_PRIMARY or DC_PARTNER for a hidden one.
 * stats may be NULL. Can't fail.
 */
void	dc_protect(const struct dc_input *, unsigned char *role, struct dc_stats *stats);

/*
 * Checks a finished pattern as an attacker would who knows the method, the published
 * counts and every place's role: for each group of hidden places whose sum is published,
 * the range of each hidden count and of each hidden total in it, and each class.
 * Returns the number of breaches; when `say` is not NULL it is called with a line for
 * each. For the tests; dc_protect never returns a pattern this rejects.
 */
size_t	dc_audit(const struct dc_input *, const unsigned char *role,
	    void (*say)(void *arg, const char *line), void *arg);

#endif
