/*
 * tables.h: the figure tables written beside the reports (docs/computation.md):
 * indikatorer.csv (the eight indicators and nothing else) and tilleggstall.csv (the
 * brukermedvirkning split, counts of not documented, rows read and left out per input
 * file), both with the suppression of compute.c. UTF-8 with BOM, `;`, decimal comma, LF line ends. Used by
 * run.c; reads a finished struct results only.
 */
#ifndef TABLES_H
#define TABLES_H

#include "compute.h"
#include "diag.h"
#include "util.h"

/* Appends indikatorer.csv (BOM, header, rows) to out. Rows are sorted by year, then
 * level (kommune, fylke, land), then code, then indicator in report order. Can't fail. */
void	tables_indicators(const struct results *, struct buf *out);
/* Appends tilleggstall.csv to out, same order; then one group of rows per input file.
 * Can't fail. */
void	tables_extra(const struct results *, struct buf *out);
/* Writes dir/indikatorer.csv and dir/tilleggstall.csv (dir is created; atomic writes).
 * Returns 0, or -1 after an error message naming the file. */
int	tables_write(const struct results *, const char *dir, struct diag *);

#endif
