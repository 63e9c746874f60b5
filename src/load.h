/*
 * Loading the data directory: the register, the municipality changes, the plan exports,
 * the mapping surveys and the action plan, read into the typed tables of model.h with
 * every problem reported through diag. For run.c; the result is read-only afterwards.
 */
#ifndef LOAD_H
#define LOAD_H

#include "diag.h"
#include "model.h"

/* Reads the data directory: the register (without it: DIAG_FATAL, returns -1), the
 * optional kommuneendringer.csv, every planer-YYYY.csv and kartlegging-YYYY.csv, and
 * handlingsplan.csv, with the aliases and questions from indicators_dir. Files are found
 * by name, case-insensitively. Returns 0 when the register could be read. */
int	dataset_load(struct dataset *, const char *data_dir, const char *indicators_dir, struct diag *);
/* Frees everything dataset_load allocated. This function can't fail. */
void	dataset_free(struct dataset *);

#endif
