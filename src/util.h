/*
 * Small helpers every module may use: allocation that aborts on exhaustion, a growable
 * byte buffer, and string utilities. No state.
 */
#ifndef UTIL_H
#define UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* Says "out of memory" and ends the process with status 2 at once (_exit: other threads
 * may be running). */
void	out_of_memory(void) __attribute__((noreturn));
/* Allocation that prints a message and exits with status 2 when memory runs out. */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
/* Grows *arr so that index `need` fits, doubling; *cap is updated. */
void	*xgrow(void *arr, size_t *cap, size_t need, size_t elemsize);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));

/* A growable, always NUL-terminated byte buffer. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 buf_init(struct buf *);
void	 buf_free(struct buf *);
void	 buf_reset(struct buf *);
void	 buf_putc(struct buf *, char);
void	 buf_put(struct buf *, const char *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_printf(struct buf *, const char *, ...) __attribute__((format(printf, 2, 3)));
/* Appends s as XML character data or attribute text: & < > " escaped, tabs and line ends
 * as spaces, other control characters (not allowed in XML) left out. */
void	 buf_xml(struct buf *, const char *s);
void	 buf_vprintf(struct buf *, const char *, va_list);
/* Hands the data to the caller (who frees it) and leaves the buffer empty. */
char	*buf_take(struct buf *);

/* Number of code points in a UTF-8 string of `len` bytes (continuation bytes not counted). */
size_t	 utf8_len(const char *, size_t);
/* 1 if the bytes are valid UTF-8, else 0 and *bad (if given) is the offset of the first bad byte. */
int	 utf8_valid(const unsigned char *, size_t, size_t *bad);
/* Decodes one code point at *s (advancing it); returns 0xFFFD on a bad sequence. */
unsigned int utf8_next(const char **s);
/* Appends code point cp to b as UTF-8. */
void	 utf8_put(struct buf *b, unsigned int cp);

/* Trims ASCII white space at both ends in place; returns s. */
char	*str_trim(char *s);
/* ASCII-case-insensitive equality of two NUL-terminated strings. */
int	 str_ieq(const char *, const char *);

/* A line `key = value` of a rules file in indicators/: offsets into the line of the key
 * [ks, ke) and the value [vs, ve), trimmed of spaces, tabs and a trailing CR, and of the
 * '=' (eq). */
struct kv_span {
	size_t	ks, ke, eq, vs, ve;
};
/* Splits line l (llen bytes): 0 for a blank or '#' comment line, 1 when split, -1 when
 * the line has no '=' (ks is then where its text starts, ke and ve its end). */
int	 kv_split(const char *l, size_t llen, struct kv_span *);

/* Writes `len` bytes to path through a temporary file in the same directory, synced, and
 * a rename, so that a failed or killed run never leaves a half-written file. Returns 0 or
 * -1 (errno set). */
int	 write_file_atomic(const char *path, const void *data, size_t len);
/* Removes the temporary files (NAME.tmp.PID) that write_file_atomic of a process that no
 * longer runs left in dir; returns their number. */
int	 remove_stale_temporaries(const char *dir);
/* Creates a directory and its parents; returns 0 or -1. */
int	 mkdir_p(const char *path);

#endif
