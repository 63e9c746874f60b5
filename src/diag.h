/*
 * Diagnostics: the one place that prints `file:line:col: level: message` and counts what
 * was said. Every module reports through it; main turns the worst level into the exit code.
 * Safe to call from several rendering threads at once.
 */
#ifndef DIAG_H
#define DIAG_H

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>

/* Severity bands, mildest first. The exit code follows the worst one seen. */
enum diag_level {
	DIAG_NOTE,	/* information; nothing lost (an unknown column ignored) */
	DIAG_WARNING,	/* a value repaired or counted as not documented; exit 0 */
	DIAG_ERROR,	/* a row, file or report left out; the rest was done; exit 1 */
	DIAG_FATAL,	/* nothing could be done (no register); exit 2 */
	DIAG__MAX
};

struct diag {
	FILE		*out;
	pthread_mutex_t	 lock;
	unsigned long	 count[DIAG__MAX];
	/* Messages per file are capped so that one broken column of a million rows does
	 * not bury the rest; what was held back is counted and said. */
	unsigned long	 per_file_limit;
	char		*cur_file;
	unsigned long	 cur_shown;
	unsigned long	 cur_held;
	/* Warnings per file, for check's summary of each file. */
	struct diag_file {
		char		*name;
		unsigned long	 warnings;
		unsigned long	 quieted;	/* warnings not shown (quiet) */
	}		*files;
	size_t		 nfiles, capfiles;
	/* --quiet: warnings are counted per file, not shown; diag_quiet_summary says the
	 * counts. Set by main before the first message. */
	int		 quiet;
	/* A status line (report's progress) on a terminal: 1 when out is one and lines may
	 * be drawn over. A message clears the line and draws it again below itself. */
	int		 terminal;
	char		*status;	/* the line shown, or NULL */
	size_t		 status_width;	/* its width in characters, for erasing it */
};

void	diag_init(struct diag *, FILE *out);
void	diag_free(struct diag *);
/* Prints one message. file may be NULL (then "ipkval"); line/col 0 leave them out.
 * Never prints more than the message given: callers must not pass identity numbers. */
void	diag_msg(struct diag *, enum diag_level, const char *file, long line, long col,
	    const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* As diag_msg, with the arguments in ap. */
void	diag_vmsg(struct diag *, enum diag_level, const char *file, long line, long col,
	    const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));
/* The number of warnings said about a file so far (reading and computing). */
unsigned long diag_file_warnings(struct diag *, const char *file);
/* Shows fmt as the one status line (progress) when d->terminal, in place of the last one;
 * does nothing otherwise. */
void	diag_status(struct diag *, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Erases the status line, if one is shown. */
void	diag_status_clear(struct diag *);
/* With quiet: one note per file whose warnings were not shown, with their number. */
void	diag_quiet_summary(struct diag *);
/* Says how many messages of the current file were held back, if any. */
void	diag_flush(struct diag *);
/* 0 when only notes and warnings, 1 when something was left out, 2 when fatal. */
int	diag_exit_code(const struct diag *);

#endif
