/*
 * The PDF back end: lays out a document (doc.h) on A4 pages with libharu and writes it.
 * For the report commands. Safe to call from several threads at once on different
 * documents: each call has its own libharu and FreeType state.
 */
#ifndef PDF_H
#define PDF_H

#include "diag.h"
#include "doc.h"

/* Renders the document and writes it to path through a temporary file and a rename, so
 * that a failure leaves no partial file. fonts_dir holds ipkval-sans.ttf and
 * ipkval-sans-bold.ttf. Characters the fonts lack are reported as warnings (and shown as
 * '?'). The bytes depend only on the document (and SOURCE_DATE_EPOCH, which sets the
 * creation date when present). Returns 0, or -1 after an error naming the file. */
int	pdf_write(const struct doc *, const char *path, const char *fonts_dir, struct diag *);

struct contrast_pair;
/* The colour pairs pages draw, with the contrast each needs (contrast.h); up to max of
 * them in out. Returns how many. For tests/unit/contrast.c. */
size_t	pdf_contrast_pairs(struct contrast_pair *out, size_t max);

/* Lays the document out as pdf_write() does, writing nothing, and records in each block
 * the pages it starts and ends on (for doc_dump). Returns the page count, or -1 after an
 * error. */
int	pdf_paginate(struct doc *, const char *fonts_dir, struct diag *);

#endif
