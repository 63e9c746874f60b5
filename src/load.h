/*
 * Loading the data directory: the register, the municipality changes, the plan exports,
 * the mapping surveys and the action plan, read into the typed tables of model.h with
 * every problem reported through diag. For run.c; the result is read-only afterwards.
 */
#ifndef LOAD_H
#define LOAD_H

#include "diag.h"
#include "model.h"

/* One column of a table as the data contract (docs/formats.md) defines it. */
struct load_column {
	const char	*name;		/* canonical header name */
	enum col_type	 type;
	int		 required;	/* a file without it is not used */
};

/* The columns of the plan or action table, in table order, with their count in *n. The
 * survey's columns are the question ids of indicators/kartlegging.csv, so for
 * TABLE_SURVEY this returns NULL and sets *n to 0. This function can't fail. */
const struct load_column *load_columns(enum table_kind, size_t *n);

/* Reads the data directory: the register (without it: DIAG_FATAL, returns -1), the
 * optional kommuneendringer.csv, every planer-YYYY.csv and kartlegging-YYYY.csv, and
 * handlingsplan.csv, with the aliases and questions from indicators_dir. Files are found
 * by name, case-insensitively. Returns 0 when the register could be read. */
int	dataset_load(struct dataset *, const char *data_dir, const char *indicators_dir, struct diag *);
/* Says whether there is anything to compute from: a usable planer-YYYY.csv or
 * kartlegging-YYYY.csv file and, when year is not 0, one of that year (without any such
 * file, handlingsplan.csv alone will do for a year that is given). Returns 0, or -1 after
 * saying why not at `level` (DIAG_FATAL: nothing can be done; DIAG_NOTE for check). */
int	dataset_usable(const struct dataset *, int year, enum diag_level, struct diag *);
/* Frees everything dataset_load allocated. This function can't fail. */
void	dataset_free(struct dataset *);

#endif
