/*
 * A helper of the unit tests that compute on a hand-made data set: the data set read with
 * the shipped indicators/ and computed for 2024, and lookups of a place and an indicator
 * that fail the test when they find none. Included after <cmocka.h> by each test file
 * that needs it.
 */
#ifndef UNIT_RESULTS_H
#define UNIT_RESULTS_H

#include <stdio.h>
#include <string.h>

#include "compute.h"
#include "deadline.h"
#include "diag.h"
#include "indicator.h"
#include "load.h"

struct unit_results {
	struct dataset		 ds;
	struct indicator_set	 set;
	struct deadline_rules	*rules;
	struct results		 r;
	struct diag		 d;
	FILE			*devnull;
};

/* The data set in IPKVAL_HOME/data_dir (messages go to /dev/null) computed for 2024 in
 * *u. Returns 0 or -1. */
static inline int
unit_results_load(struct unit_results *u, const char *data_dir)
{
	const char *dir = IPKVAL_HOME "/indicators";
	char path[4096];

	memset(u, 0, sizeof(*u));
	snprintf(path, sizeof(path), "%s/%s", IPKVAL_HOME, data_dir);
	u->devnull = fopen("/dev/null", "w");
	diag_init(&u->d, u->devnull);
	if (dataset_load(&u->ds, path, dir, &u->d) == -1 ||
	    indicators_load(&u->set, dir, &u->d) == -1 ||
	    deadline_rules_load(&u->rules, dir, &u->d) == -1 ||
	    compute_run(&u->r, &u->ds, &u->set, u->rules, 2024, 0, &u->d) == -1)
		return -1;
	return 0;
}

static inline void
unit_results_free(struct unit_results *u)
{
	compute_free(&u->r);
	deadline_rules_free(u->rules);
	indicators_free(&u->set);
	dataset_free(&u->ds);
	diag_free(&u->d);
	fclose(u->devnull);
}

/* The place with code at level lv. */
static inline size_t
unit_place(const struct results *r, const char *code, enum place_level lv)
{
	size_t p;

	for (p = 0; p < r->nplaces; p++)
		if (results_place_level(r, p) == lv && strcmp(results_place_code(r, p), code) == 0)
			return p;
	fail();
	return 0;
}

/* The indicator with id. */
static inline size_t
unit_ind(const struct results *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->defs->n; i++)
		if (strcmp(r->defs->v[i].id, id) == 0)
			return i;
	fail();
	return 0;
}

#endif
