/*
 * The document model: what a report says, block by block, independent of PDF. Report
 * builders fill it through the functions below; the PDF renderer (pdf.c) reads the
 * structures directly; doc_dump() prints a stable text form of it for tests.
 * A doc is owned by one thread at a time; nothing here has global state.
 *
 * Every string is copied (UTF-8, NULL counts as ""). Text of paragraphs, bullets and small
 * print may mark bold spans with **double asterisks**; headings, quotes, cells and key/value
 * pairs are shown exactly as given. Write numbers with no-break spaces (U+00A0 or U+202F)
 * where a line must not break: "66,7\u00a0%", "1\u00a0234". A line ends only at a space,
 * at "\n", or inside a word too long for a whole line.
 */
#ifndef DOC_H
#define DOC_H

#include <stddef.h>

struct buf;
struct chart;

/* A level mark for a table cell: a fill colour from the Okabe-Ito palette. The caller
 * writes the symbol or word in the cell text ("● God"), so colour is never alone. */
enum doc_mark {
	DOC_MARK_NONE,
	DOC_MARK_GOOD,		/* bluish green tint */
	DOC_MARK_MIDDLE,	/* yellow tint */
	DOC_MARK_LOW,		/* vermillion tint */
	DOC_MARK_GREY,		/* hidden or missing figures */
	DOC_MARK__MAX
};

enum doc_align { DOC_LEFT, DOC_RIGHT, DOC_CENTER };

enum doc_orient { DOC_PORTRAIT, DOC_LANDSCAPE };

enum doc_kind {
	DOC_COVER,	/* first page: title, subtitle, place, year, issuer, date line */
	DOC_HEADING,	/* level 1-3; 1 and 2 get an outline entry */
	DOC_PARA,	/* body text, **bold** markup */
	DOC_BULLET,	/* one item of a bulleted list, **bold** markup */
	DOC_QUOTE,	/* an answer quoted as written, indented with a rule; text2: source */
	DOC_TABLE,
	DOC_CHART,
	DOC_SMALL,	/* footnote, small print, **bold** markup */
	DOC_KV,		/* key/value line; consecutive ones form a list */
	DOC_BREAK,	/* page break (never makes an empty page) */
	DOC_ORIENT,	/* following pages portrait or landscape */
	DOC_TOC,	/* table of contents on pages of its own; text: its title */
	DOC_KIND__MAX
};

struct doc_cover {
	const char	*title;
	const char	*subtitle;
	const char	*place;		/* municipality or county name */
	const char	*year;
	const char	*issuer;
	const char	*date;		/* from the data or SOURCE_DATE_EPOCH, never the clock */
};

struct doc_column {
	char		*title;
	double		 width;		/* relative to the other columns */
	enum doc_align	 align;
};

struct doc_cell {
	char		*text;
	enum doc_mark	 mark;
};

struct doc_row {
	struct doc_cell	*cells;		/* ncols of them; unset cells are empty */
	int		 emph;		/* bold row: county, country */
};

struct doc_table {
	size_t		 ncols;
	struct doc_column *cols;
	size_t		 nrows;
	size_t		 rowcap;
	struct doc_row	*rows;
	size_t		 nextcell;	/* where doc_table_cell writes in the last row */
};

struct doc_block {
	enum doc_kind	 kind;
	int		 level;		/* heading level; DOC_ORIENT: enum doc_orient;
					 * DOC_PARA: 1 when plain (no markup) */
	char		*text;		/* heading, paragraph, quote, small, KV key; chart:
					 * its text alternative (NULL: none) */
	char		*text2;		/* quote source, KV value */
	char		*lang;		/* DOC_QUOTE: the language of the answer ("nn-NO")
					 * when known; NULL: the document's */
	char		*cover[6];	/* DOC_COVER: title, subtitle, place, year, issuer, date */
	struct doc_table *table;
	struct chart	*chart;		/* owned */
	double		 height;	/* DOC_CHART, points */
	int		 page_first;	/* set by pdf_paginate(); 0 before */
	int		 page_last;
};

struct doc {
	char		*title;
	char		*subject;
	char		*author;	/* the issuer */
	char		*lang;		/* "nb-NO", "nn-NO" */
	char		*header;	/* running header, every page but the cover */
	char		*page_label;	/* "Side %d av %d": page, then page count */
	char		*keywords;
	struct doc_block *blocks;
	size_t		 nblocks;
	size_t		 cap;
};

/* A new empty document (language nb-NO, label "%d / %d"). Free with doc_free(). */
struct doc	*doc_new(void);
/* Frees the document, its tables and its charts. NULL is fine. */
void	 doc_free(struct doc *);

void	 doc_set_title(struct doc *, const char *);
void	 doc_set_subject(struct doc *, const char *);
void	 doc_set_author(struct doc *, const char *);
void	 doc_set_lang(struct doc *, const char *);
void	 doc_set_header(struct doc *, const char *);
/* The footer label: the first %d is the page, the second the page count, %% a percent
 * sign; any other text is printed as it stands (it is never a printf format). */
void	 doc_set_page_label(struct doc *, const char *);
void	 doc_set_keywords(struct doc *, const char *);

void	 doc_cover(struct doc *, const struct doc_cover *);
void	 doc_heading(struct doc *, int level, const char *);
void	 doc_paragraph(struct doc *, const char *);
/* A paragraph shown exactly as given: "**" stays as written (text from the data). */
void	 doc_paragraph_plain(struct doc *, const char *);
void	 doc_bullet(struct doc *, const char *);
/* source may be NULL (then no source line). */
void	 doc_quote(struct doc *, const char *text, const char *source);
void	 doc_small(struct doc *, const char *);
void	 doc_kv(struct doc *, const char *key, const char *value);
void	 doc_page_break(struct doc *);
/* Starts a new page in this orientation unless the pages already have it. */
void	 doc_orientation(struct doc *, enum doc_orient);
/* The document takes ownership of the chart (freed by doc_free). height in points. */
void	 doc_chart(struct doc *, struct chart *, double height);
/* The text alternative of the last block when it is a chart: what the chart shows, said
 * in words with every value (the PDF's /Alt, for screen readers). */
void	 doc_chart_alt(struct doc *, const char *);
/* The language of the last block when it is a quote ("nn-NO"), when it differs from the
 * document's; NULL: the document's. */
void	 doc_quote_lang(struct doc *, const char *);
/* A table of contents under this title: every heading doc_toc_lists() names, wherever it
 * is in the document, with its page number, on pages of its own. */
void	 doc_toc(struct doc *, const char *title);
/* Whether a table of contents lists the block: headings of levels 1 and 2 (those that
 * have an outline entry). */
int	 doc_toc_lists(const struct doc_block *);

/*
 * Keep-with-next: what a block must not be parted from by a page break.
 * DOC_KEEP_NEXT: a heading; and the paragraphs between a heading and its first deeper
 * heading or first quote, table, chart, list or key/value pair, which introduce that
 * (so a chapter heading, its introduction and the first section heading are one chain).
 * DOC_KEEP_SHORT: any other paragraph directly before a quote, table, chart, list or
 * key/value pair (a lead-in such as a question before its answer), kept when short; the
 * renderer says what short is.
 * A renderer moves a kept block, with every kept block after it, to a new page unless
 * they fit on the page together with the start of the first block not kept.
 */
enum doc_keep {
	DOC_KEEP_NONE,
	DOC_KEEP_NEXT,
	DOC_KEEP_SHORT
};
/* Fills keep[0 .. nblocks - 1] for every block of the document, in one pass. */
void	 doc_keeps(const struct doc *, enum doc_keep *keep);

/* A table of ncols columns (at least 1). The table belongs to the document; fill it with
 * doc_table_col() for each column, then doc_table_row() and one doc_table_cell() per cell.
 * Cells past the last column are ignored; missing ones stay empty. */
struct doc_table *doc_table(struct doc *, size_t ncols);
void	 doc_table_col(struct doc_table *, size_t col, const char *title, double width,
	    enum doc_align);
void	 doc_table_row(struct doc_table *, int emph);
void	 doc_table_cell(struct doc_table *, const char *, enum doc_mark);

/* Appends a stable text form of the model: the metadata, then each block on its own
 * line with the pages it was laid out on (after pdf_paginate(); "p?" before); a table of
 * contents lists its entries below it with the pages of their headings. */
void	 doc_dump(const struct doc *, struct buf *);
/* The name of a mark as doc_dump writes it ("good", ...). */
const char *doc_mark_name(enum doc_mark);

#endif
