/*
 * service.h: the plan indicators of each municipality by service area (the plan export's
 * tjenesteomrade), for the reporting year: the groups of indicators/tjenesteomrader.txt
 * (read by indicators_load, so they travel with the definitions) and the figures of each
 * municipality's groups, with disclosure control of their own under the municipality's
 * published total (docs/computation.md, "By service area"). Built by compute_run after
 * the municipalities' figures; read-only afterwards, like the rest of struct results.
 */
#ifndef SERVICE_H
#define SERVICE_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "indicator.h"

struct results;

/* The service areas of tjenesteomrader.txt, in its order; the group "annet" (a plan with
 * another area or none) comes after them and is not in the file. */
struct service_groups {
	size_t	  n;
	char	**id;			/* "psykisk_helse" */
	char	**name[2];		/* by enum lang */
	char	**spell;		/* every spelling, folded; NULL ends a group's */
	size_t	 *first;		/* [n + 1]: group g's spellings are spell[first[g]
					 * .. first[g + 1] - 1] */
};

/* Reads dir/tjenesteomrader.txt. Returns 0 with *out NULL when there is no such file
 * (then no report shows service areas), 0 with the groups, or -1 after positioned
 * errors. */
int	service_groups_load(struct service_groups **out, const char *dir, struct diag *);
void	service_groups_free(struct service_groups *);

/* One municipality's service area in the reporting year. state FIG_PUBLISHED: plans and
 * each share indicator's counts are given; FIG_HIDDEN: nothing is (":"); FIG_MISSING or
 * FIG_NO_ACTIVE: the municipality itself has no published plan figures. */
struct service_cell {
	int	 state;			/* enum fig_state */
	long	 plans;			/* active plans */
};

struct service_table {
	size_t			 ngroups;	/* groups->n + 1 ("annet" last) */
	size_t			 nind;		/* the plan share indicators shown */
	size_t			*ind;		/* [nind]: their indexes in defs->v */
	size_t			 nk;
	struct service_cell	*cells;		/* [k * ngroups + g] */
	long			*num, *den;	/* [(k * ngroups + g) * nind + i] */
	long			 split_from;	/* a municipality is split from this many
						 * active plans on (min_n x groups - 1) */
	/* while computing only */
	long			*min_n;		/* [nind] */
	uint64_t		*secret;	/* [k * ngroups + g] */
};

/* Builds r->service for the reporting year from the plan file (nothing when there are no
 * groups, no plan file or no tjenesteomrade column). Municipality `exempt` (a register
 * index, or (size_t)-1) gets its own groups unsuppressed: --internal. */
void	service_compute(struct results *, size_t exempt);
void	service_free(struct service_table *);

/* The name of group g (the last: "annet", from the templates: NULL here). */
const char *service_group_name(const struct indicator_set *, size_t g, enum lang);
const char *service_group_id(const struct indicator_set *, size_t g);
const struct service_cell *service_cell(const struct service_table *, size_t k, size_t g);
/* Counts of share indicator i (0 .. nind-1) of a published cell. */
long	service_num(const struct service_table *, size_t k, size_t g, size_t i);
long	service_den(const struct service_table *, size_t k, size_t g, size_t i);

#endif
