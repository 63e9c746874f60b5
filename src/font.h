/*
 * The report fonts as files: checks that a file given with --fonts is a TrueType font
 * libharu can read safely, before libharu reads it. libharu trusts the tables it reads (a
 * unitsPerEm of 0 divides by zero, more horizontal metrics than glyphs overrun its
 * arrays), so the file is opened with FreeType and the tables libharu uses are checked
 * against each other and against the file's size. For pdf.c and run.c.
 */
#ifndef FONT_H
#define FONT_H

#include "diag.h"

/* The two fonts every report uses, in the fonts folder. */
extern const char *const font_files[2];

/* The largest font file read: the fonts made by the build are about 100 KB. */
#define FONT_MAX_BYTES	((long)16 << 20)

/* 0 when path is a TrueType font file libharu and FreeType can both read; else -1 after
 * an error (at `level`) that names the file and says what is wrong with it. */
int	font_check(const char *path, enum diag_level level, struct diag *);
/* Checks both fonts of dir (font_check); 0 or -1. */
int	font_check_dir(const char *dir, enum diag_level level, struct diag *);

#endif
