/*
 * Positioned CSV reading on libcsv: RFC 4180 records with the line and column (as a text
 * editor counts them) of every field, delimiter detection, and parse errors reported with
 * their position. For the reading layer (load.c) only.
 */
#ifndef CSV_H
#define CSV_H

#include <stddef.h>

#include "diag.h"

struct csv_field {
	const char	*s;	/* NUL-terminated, surrounding spaces removed */
	size_t		 len;
	long		 line;	/* where the field begins (its opening quote if quoted) */
	long		 col;
	long		 eline;	/* where it ends: the delimiter or line end after it, or */
	long		 ecol;	/* the end of the text */
};

/* row: called once per record (the header included); returns 0 to go on, -1 to stop
 * reading. ahead (may be NULL): before a record of a line without quote marks is passed
 * on, told the raw bytes from the next line to the end of the text, so that the sink can
 * start fetching what that line will need (a hint only: it must not change anything). */
struct csv_sink {
	int	(*row)(void *arg, const struct csv_field *fields, size_t n, long line);
	void	*arg;
	void	(*ahead)(void *arg, const char *next, size_t len);
};

struct csv_result {
	unsigned long	rows_bad;	/* records left out because they could not be parsed */
	int		stopped;	/* the sink asked to stop */
};

/* Detects the delimiter: the one Excel's first line "sep=;" (or "sep=," or "sep=<TAB>")
 * names, else the most frequent of ';', TAB and ',' outside quotes in the first line that
 * holds more than spaces and delimiters (';' when none occurs). */
char	csv_detect_delim(const char *s, size_t len);
/* Parses s (UTF-8, `len` bytes) and calls the sink per record; a first line "sep=X" that
 * names delim is no record. Lines end at LF, CRLF or a lone CR. Parse errors are reported
 * (named `shown`) and the broken record is left out. Returns 0, or -1 when the parser
 * could not be set up. */
int	csv_read(const char *s, size_t len, char delim, const char *shown,
	    const struct csv_sink *, struct diag *, struct csv_result *);
/* As csv_read, every line through libcsv: the plain path the quote-free lines' own split
 * (sixteen bytes at a time) is tested against (tests/fuzz/csv_diff.c); same records,
 * positions and messages. */
int	csv_read_plain(const char *s, size_t len, char delim, const char *shown,
	    const struct csv_sink *, struct diag *, struct csv_result *);

#endif
