/*
 * A helper of the unit tests that compare files: the whole of a file in memory. Included
 * after <cmocka.h> by each test file that needs it.
 */
#ifndef UNIT_FILE_H
#define UNIT_FILE_H

#include <stdio.h>

#include "util.h"

/* The bytes of path, NUL-terminated (an empty file gives ""), their number in *len when
 * len is not NULL; NULL when the file cannot be opened. The caller frees it. */
static inline char *
unit_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b;
	char chunk[8192];
	size_t n;

	if (f == NULL)
		return NULL;
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	fclose(f);
	if (len != NULL)
		*len = b.len;
	return b.data != NULL ? buf_take(&b) : xstrdup("");
}

#endif
