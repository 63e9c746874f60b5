/*
 * Helpers of the unit tests that lay out or write PDFs: where the fonts are, and the
 * output of a shell command (qpdf, pdftotext). Included after <cmocka.h> by each test
 * file that needs them.
 */
#ifndef UNIT_PDF_H
#define UNIT_PDF_H

#include <stdio.h>
#include <stdlib.h>

#include "util.h"

/* The font folder: $IPKVAL_FONTS, else the one make builds. */
static inline const char *
fonts_dir(void)
{
	const char *d = getenv("IPKVAL_FONTS");

	return d != NULL && *d != '\0' ? d : "build/fonts";
}

/* The standard output of a shell command (stderr as the command says), NUL-terminated,
 * its length in *len (it may hold NULs itself: a PDF stream), and its exit status in
 * *status. */
static inline char *
run_cmd_len(const char *cmd, int *status, size_t *len)
{
	FILE *p = popen(cmd, "r");
	struct buf b;
	char chunk[4096];
	size_t n;

	assert_non_null(p);
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		buf_put(&b, chunk, n);
	*status = pclose(p);
	*len = b.len;
	buf_putc(&b, '\0');
	return b.data;
}

/* The standard output of a shell command (stderr as the command says), and its exit
 * status in *status. */
static inline char *
run_cmd(const char *cmd, int *status)
{
	size_t len;

	return run_cmd_len(cmd, status, &len);
}

/* The standard output of a shell command, whatever its exit status. */
static inline char *
run(const char *cmd)
{
	int status;

	return run_cmd(cmd, &status);
}

/* The standard output of a shell command that must succeed. */
static inline char *
run_ok(const char *cmd)
{
	int status;
	char *out = run_cmd(cmd, &status);

	assert_int_equal(status, 0);
	return out;
}

#endif
