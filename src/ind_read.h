/*
 * Reading the definition files of indicators/ (*.ind, rekkefolge.txt and the pattern
 * files): a file whole as UTF-8, its lines, the words of a definition, and messages that
 * show the line with a caret under what is wrong. Shared by ind_parse.c and classify.c.
 */
#ifndef IND_READ_H
#define IND_READ_H

#include <stdarg.h>
#include <stddef.h>

#include "diag.h"

/* A caret message shows at most this many bytes of its line on either side of what it
 * marks (a condition may be one line of megabytes). */
#define IND_CARET_AROUND	120

/* Reads a definition or pattern file whole: UTF-8 (a BOM is skipped), NUL-terminated.
 * NULL after a message when it cannot be read or is not UTF-8. */
char	*ind_read_file(const char *path, size_t *len, struct diag *);
/* A word of a definition and the value it stands for; tables end with { NULL, 0 }. */
struct ind_word {
	const char	*w;
	int		 v;
};
/* The entry of words for the len bytes at s, case aside, or NULL. This function can't
 * fail. */
const struct ind_word *ind_word_find(const struct ind_word *words, const char *s, size_t len);
/* The next line of text (len bytes) at *pos, *pos then moving past it; its length without
 * the newline and a trailing '\r' in *llen. NULL when no line is left. */
const char *ind_next_line(const char *text, size_t len, size_t *pos, size_t *llen);
/* Says fmt at path:line:col, col being the code point of `off` in the line, then shows the
 * line with a caret under the `len` bytes from `off`. */
void	ind_caret(struct diag *, enum diag_level, const char *path, long line,
	    const char *ltext, size_t llen, size_t off, size_t len, const char *fmt, ...)
	    __attribute__((format(printf, 9, 10)));
/* As ind_caret, with the arguments in ap. */
void	ind_vcaret(struct diag *, enum diag_level, const char *path, long line,
	    const char *ltext, size_t llen, size_t off, size_t len, const char *fmt, va_list ap)
	    __attribute__((format(printf, 9, 0)));

#endif
