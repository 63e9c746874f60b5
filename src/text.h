/*
 * Encoding of input files: reads a whole file and hands it back as UTF-8 without a BOM.
 * Detects UTF-8 (with or without BOM), UTF-16LE with BOM and, for anything that is not valid
 * UTF-8, Windows-1252 (with a warning); refuses NUL bytes and binary garbage. For the
 * reading layer (csv.c, load.c) only.
 */
#ifndef TEXT_H
#define TEXT_H

#include <stddef.h>

#include "diag.h"

enum text_enc {
	TEXT_UTF8,
	TEXT_UTF8_BOM,
	TEXT_UTF16LE,
	TEXT_CP1252
};

/* The largest file ipkval reads (inputs, definitions, templates): 512 MiB, sixty times a
 * national plan export. Decoded to UTF-8 (at most three bytes a byte, from Windows-1252)
 * it stays below 2 GiB, so that offsets into a table's text fit 32 bits. */
#define TEXT_MAX_BYTES	((size_t)512 << 20)

struct text {
	char		*data;	/* UTF-8, NUL-terminated, no BOM; read-only */
	size_t		 len;
	enum text_enc	 enc;
	void		*map;	/* a large UTF-8 file is used where it is mapped */
	size_t		 maplen;
};

/* Reads path (named `shown` in messages) into t as UTF-8. Returns 0, or -1 after reporting
 * an error: the file cannot be used (unreadable, binary, NUL bytes). t is empty then. */
int	text_read(struct text *t, const char *path, const char *shown, struct diag *);
/* What text_slurp leaves unsaid. */
enum text_quiet {
	TEXT_SAY_ALL,		/* every failure is said */
	TEXT_QUIET_OPEN,	/* a file that cannot be opened is the caller's to say */
	TEXT_QUIET		/* nothing is said */
};
/* Reads the whole file at path (named `shown` in messages) into *data, NUL-terminated,
 * its length in *len: only a regular file (never waiting on a named pipe) of at most
 * TEXT_MAX_BYTES. Returns 0; -1 after an error message at `level` (none with
 * TEXT_QUIET); or -2 when the file cannot be opened (errno set; said unless quiet). */
int	text_slurp(const char *path, const char *shown, enum text_quiet, enum diag_level level,
	    char **data, size_t *len, struct diag *);
/* Converts `len` bytes already in memory; same rules as text_read. */
int	text_decode(struct text *t, const char *raw, size_t len, const char *shown, struct diag *);
void	text_free(struct text *t);
/* Line (1-based) and column (code points, 1-based) of byte offset off in s, as an editor
 * counts them: a line ends at LF, CRLF or a lone CR. s[off] must be readable (the text is
 * NUL-terminated, or off is inside it). */
void	text_position(const char *s, size_t off, long *line, long *col);

#endif
