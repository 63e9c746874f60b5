/*
 * Municipalities by name: every form of every register name ("Porsanger - Porsáŋgu -
 * Porsanki" gives the whole and each form; "Herøy (Nordland)" also "Herøy"), folded for
 * matching (no kind word such as "kommune" or "herad" after the name, no punctuation, no
 * diacritics), sorted for lookup. For the survey rows, which may name their municipality
 * (load_rows.c).
 */
#ifndef KOMMUNE_NAMES_H
#define KOMMUNE_NAMES_H

#include <stddef.h>

#include "model.h"

struct kommune_name {
	char	*folded;
	int	 kommune;	/* register index */
};

struct kommune_names {
	struct kommune_name	*v;
	size_t			 n, cap;
};

/* Indexes every name form of the register. This function can't fail. */
void	kommune_names_index(struct kommune_names *, const struct kommune_register *);
/* The register index of a municipality name, -1 when unknown, -2 when ambiguous (*first
 * and *other then name two candidates). A name of several forms that is not known as a
 * whole ("Porsanger - Porsáŋgu") is known by its forms, when those the register knows
 * agree. */
int	kommune_names_find(const struct kommune_names *, const char *name, int *first,
	    int *other);
void	kommune_names_free(struct kommune_names *);

#endif
