/*
 * comments.h: the municipality's own words, from the optional kommentarer.csv of the data
 * folder (header kommunenr;avsnitt;tekst; docs/formats.md): one text per municipality and
 * section, the sections being those of indicators/kommentarer.txt (docs/indicators.md).
 * Read once after the register, with positioned messages; read-only afterwards, so the
 * report threads share it. The text is kept as written (line ends as LF) and is never
 * taken as markup by the reports.
 *
 * A bad row is an error that names its place; a municipality named in a bad row gets no
 * report (its comments would be shown incomplete), and the others are written. A file
 * that cannot be used at all (unreadable, no header, a column missing) stops every
 * municipal report, since any of them may have comments in it.
 */
#ifndef COMMENTS_H
#define COMMENTS_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

/* A section of kommentarer.txt: its id and its heading in bokmål and nynorsk (also the
 * names the file may use for it). */
struct comment_section {
	char	*id;
	char	*name[2];	/* by enum lang */
};

struct comment {
	size_t	 kommune;	/* register index */
	size_t	 section;	/* index into sections */
	char	*text;		/* as written, line ends as LF */
	long	 line;		/* where the row begins in kommentarer.csv */
	int	 written;	/* its written standard (enum lang, malform.txt), or -1:
				 * not told (comments_written) */
};

struct comments {
	struct comment_section	*sections;	/* in the order reports show them */
	size_t			 nsections;
	size_t			 max_chars;	/* maks_tegn: the longest text allowed */
	struct comment		*v;		/* by municipality, then section */
	size_t			 n;
	unsigned char		*refused;	/* per municipality of the register: 1 when
						 * a row of it was bad */
	size_t			 nkommuner;
	char			*path;		/* the file as messages name it, or NULL when
						 * there is none */
	unsigned long		 rows_read, rows_used;
	int			 unusable;	/* the whole file is refused */
};

/* The default and the bounds of maks_tegn. */
#define COMMENTS_MAX_CHARS	4000
#define COMMENTS_MAX_CHARS_HI	20000

/* Reads indicators_dir/kommentarer.txt and, when the data folder has one,
 * data_dir/kommentarer.csv (found case-insensitively), against the register. Every
 * problem is said through diag. Returns 0; -1 when kommentarer.csv is there and
 * kommentarer.txt could not be read (then every municipal report is refused). c is
 * filled either way and freed by comments_free. */
int	comments_load(struct comments *, const char *data_dir, const char *indicators_dir,
	    const struct kommune_register *, struct diag *);
void	comments_free(struct comments *);
/* Tells the written standard of every text by malform.txt's patterns (set->written;
 * NULL: none is told). Before the report threads start: the classifier is not
 * shared safely. */
struct classifier;
void	comments_written(struct comments *, struct classifier *);
/* 1 when municipality k's report must not be written: a row of it, or the whole file,
 * was bad. */
int	comments_refused(const struct comments *, size_t k);
/* The comments of municipality k in section order: sets *first to the first and
 * returns how many (0: none). */
size_t	comments_of(const struct comments *, size_t k, const struct comment **first);

#endif
