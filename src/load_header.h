/*
 * The header line of an input file: maps each header to the canonical column it names
 * (aliases, survey questions by id or text), notes unknown, unnamed and repeated columns,
 * and refuses a file without a required column. For the reading layer (load_file.c).
 */
#ifndef LOAD_HEADER_H
#define LOAD_HEADER_H

#include "load_file.h"

/* Reads the header record f[0, n) at `line` into lf->pos. Returns 0, or -1 (lf->refused
 * set) after saying which required column is missing. */
int	load_header(struct load_file *, const struct csv_field *f, size_t n, long line);

#endif
