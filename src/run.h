/*
 * The three commands as pipelines: read -> compute -> render. Called by main.c only.
 * Each reports through diag; the exit code follows what diag saw.
 */
#ifndef RUN_H
#define RUN_H

#include "diag.h"
#include "options.h"

/* Reads and validates the data and the definitions; writes nothing. */
void	run_check(const struct options *, struct diag *);
/* Prints indikatorer.csv for the reporting year on standard output. */
void	run_indicators(const struct options *, struct diag *);
/* Writes the reports and the figure tables under the output directory. */
void	run_report(const struct options *, struct diag *);

#endif
