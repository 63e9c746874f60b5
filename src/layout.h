/*
 * Line breaking for the PDF renderer: turns UTF-8 text (with optional **bold** markup)
 * into lines of segments that fit a width, measured through callbacks so that it does
 * not depend on libharu (and unit tests can measure with anything). Breaks only at
 * ASCII spaces and "\n", after a hyphen between two letters ("Intern-kontroll", never
 * "25-30"), never at no-break spaces (U+00A0, U+202F, U+2007), and elsewhere inside a word
 * only when the word alone is wider than the line. For pdf.c; layout_clean also for the
 * Cairo chart back ends (draw_cairo.c), so that figures show text as the PDF does.
 */
#ifndef LAYOUT_H
#define LAYOUT_H

#include <stddef.h>

#include "util.h"

struct layout_ops {
	void	*arg;
	/* Width in points of len bytes of cleaned UTF-8 text at a font size of 1 pt. */
	double	(*width)(void *arg, int bold, const char *s, size_t len);
	/* 1 when the font has a glyph for the code point. */
	int	(*has)(void *arg, int bold, unsigned int cp);
	/* Told about a character that cannot be shown and is printed as '?'. why is
	 * "missing" (no glyph), "invalid" (bad UTF-8) or "control". */
	void	(*lost)(void *arg, unsigned int cp, const char *why, const char *text);
};

enum layout_atom_type { LAYOUT_TEXT, LAYOUT_SPACE, LAYOUT_NEWLINE };

struct layout_atom {
	size_t			 off, len;	/* in layout_text.s */
	int			 bold;
	int			 brk;		/* a line may break before it (after a hyphen) */
	enum layout_atom_type	 type;
	double			 w;		/* points */
};

/* A piece of one line drawn with one font: s[off..off+len) at x (from the line start). */
struct layout_seg {
	size_t	 off, len;
	int	 bold;
	double	 x, w;
};

struct layout_line {
	size_t	 seg0, nseg;
	double	 w;
};

struct layout_text {
	struct buf		 s;	/* the cleaned text: single spaces, no markup */
	double			 size;
	struct layout_atom	*atoms;
	size_t			 natoms, capatoms;
	struct layout_seg	*segs;
	size_t			 nsegs, capsegs;
	struct layout_line	*lines;
	size_t			 nlines, caplines;
};

/* Cleans and measures text at the font size; markup: interpret **bold**; bold: the base
 * weight. Characters the font lacks are reported through ops->lost and become '?'. */
void	layout_init(struct layout_text *, const struct layout_ops *, const char *text,
	    int markup, int bold, double size);
/* Appends text to out as the font can show it, by the rules of layout_init: a character
 * the font lacks becomes its fallback (U+202F as U+00A0) or '?', bad UTF-8 '?', a control
 * character nothing, each reported through ops->lost (ops->width is not used). For text
 * drawn without line breaking (the Cairo chart back ends). */
void	layout_clean(const struct layout_ops *, const char *text, int bold, struct buf *out);
/* Appends a short printable quotation of text for a message: at most 60 characters,
 * controls as spaces, "..." when cut. */
void	layout_excerpt(const char *text, struct buf *out);

/* The characters a document (or figure) could not print as written, each said once. */
struct layout_lost {
	unsigned int	*cp;	/* a hash set of the characters reported, each + 1 */
	size_t		 n, cap;
};
struct diag;
/* Warns, naming file, that character cp of text is printed otherwise: why is "invalid"
 * (not UTF-8), "control" (left out) or anything else (not in the font: "?"); once per
 * character. For a layout_ops lost callback. */
void	layout_lost_say(struct layout_lost *, struct diag *, const char *file,
	    unsigned int cp, const char *why, const char *text);
void	layout_lost_free(struct layout_lost *);
/* Breaks into lines no wider than width (points); may be called again with another. */
void	layout_wrap(struct layout_text *, const struct layout_ops *, double width);
/* Width of the widest piece no line may break (a word, or its part after a hyphen). */
double	layout_min_width(const struct layout_text *);
void	layout_free(struct layout_text *);

#endif
