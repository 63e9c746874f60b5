/*
 * reference.h: a reference table, the indikatorer.csv of a county or national run
 * (`--reference FILE`, or referanse.csv in the data folder), read with positioned
 * messages like every input, so that a municipality's own reports can compare it with
 * its county and the country as published. For run.c (reading) and compare.c (using);
 * read-only after loading. See docs/formats.md.
 */
#ifndef REFERENCE_H
#define REFERENCE_H

#include <stddef.h>

#include "compute.h"
#include "diag.h"
#include "indicator.h"
#include "model.h"

struct reference {
	char		*path;		/* as messages name it */
	char		*name;		/* the file name, as the reports name the source */
	int		*years;		/* ascending */
	size_t		 nyears;
	size_t		 nind;		/* the indicators of the run (defs->n) */
	size_t		 nplaces;	/* as struct results: municipalities, counties, country */
	struct figure	*fig;		/* [year][indicator][place]; state FIG_MISSING and row
					 * 0 where the table has no row */
	unsigned char	*row;		/* [year][indicator][place]: the table has a row */
	unsigned long	 rows_read;	/* data rows, as `check` counts them */
	unsigned long	 rows_used;
};

/* The reference table to read: `given` (--reference) when not NULL, else referanse.csv
 * in data_dir whatever its case, else NULL. The caller frees the result. */
char	*reference_find(const char *given, const char *data_dir);
/*
 * Reads path into ref for the register and indicators of the run. A file that cannot be
 * read or has another header is an error and not used (returns -1, ref empty); a row
 * with an unknown year, level, code or indicator, or with counts that do not add up, is
 * an error and left out; a hidden cell (prikket 1) is read as hidden, with no value,
 * whatever it holds. Returns 0.
 */
int	reference_load(struct reference *ref, const char *path,
	    const struct kommune_register *, const struct indicator_set *, struct diag *);
void	reference_free(struct reference *);
/* The figure of a place in a year, or NULL when the table has no row for it. */
const struct figure *reference_figure(const struct reference *, int year, size_t ind,
	    size_t place);
/* Says (a note) when the table has no rows for the reporting year: the reports then
 * compare with the run's own data. */
void	reference_check_year(const struct reference *, int year, struct diag *);

#endif
