/*
 * Line breaking (see layout.h): cleaning text into atoms (words, spaces, line ends) and
 * greedy filling of lines. No state outside the layout_text given.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "layout.h"

/* Characters shown as another when the font lacks them: all keep a line from breaking. */
static unsigned int
layout_fallback(unsigned int cp)
{
	switch (cp) {
	case 0x202F:	/* narrow no-break space */
	case 0x2007:	/* figure space */
	case 0x2009:	/* thin space, used between digits */
		return 0x00A0;
	case 0x2011:	/* non-breaking hyphen */
		return '-';
	default:
		return 0;
	}
}

static void
layout_atom_add(struct layout_text *t, enum layout_atom_type type, int bold)
{
	struct layout_atom *a;

	t->atoms = xgrow(t->atoms, &t->capatoms, t->natoms, sizeof(*t->atoms));
	a = &t->atoms[t->natoms++];
	a->off = t->s.len;
	a->len = 0;
	a->bold = bold;
	a->brk = 0;
	a->type = type;
	a->w = 0;
}

static struct layout_atom *
layout_last(struct layout_text *t)
{
	return t->natoms == 0 ? NULL : &t->atoms[t->natoms - 1];
}

/* Drops a trailing space atom (before a line end or the end of the text). */
static void
layout_trim(struct layout_text *t)
{
	struct layout_atom *a = layout_last(t);

	if (a != NULL && a->type == LAYOUT_SPACE) {
		t->s.len = a->off;
		t->s.data[t->s.len] = '\0';
		t->natoms--;
	}
}

static void
layout_put_space(struct layout_text *t, int bold)
{
	struct layout_atom *a = layout_last(t);

	if (a == NULL || a->type != LAYOUT_TEXT)
		return;		/* leading or repeated space */
	layout_atom_add(t, LAYOUT_SPACE, bold);
	buf_putc(&t->s, ' ');
	t->atoms[t->natoms - 1].len = 1;
}

static void
layout_put_newline(struct layout_text *t, int bold)
{
	layout_trim(t);
	if (t->natoms > 0)
		layout_atom_add(t, LAYOUT_NEWLINE, bold);
}

static int
layout_letter(unsigned int cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && cp < 0x2000);
}

/* Appends a character; brk: a line may break before it. */
static void
layout_put_char(struct layout_text *t, unsigned int cp, int bold, int brk)
{
	struct layout_atom *a = layout_last(t);
	size_t before;

	if (a == NULL || a->type != LAYOUT_TEXT || a->bold != bold || brk) {
		layout_atom_add(t, LAYOUT_TEXT, bold);
		a = layout_last(t);
		a->brk = brk && t->natoms > 1 && t->atoms[t->natoms - 2].type == LAYOUT_TEXT;
	}
	before = t->s.len;
	utf8_put(&t->s, cp);
	a->len += t->s.len - before;
}

/* Decides what code point cp becomes; 0 means nothing (dropped after a report). */
static unsigned int
layout_map(const struct layout_ops *ops, unsigned int cp, int bad, int bold,
    const char *text)
{
	unsigned int fb;

	if (bad) {
		ops->lost(ops->arg, cp, "invalid", text);
		return '?';
	}
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
		ops->lost(ops->arg, cp, "control", text);
		return 0;
	}
	if (cp <= 0xFFFF && ops->has(ops->arg, bold, cp))
		return cp;
	fb = layout_fallback(cp);
	if (fb != 0 && ops->has(ops->arg, bold, fb))
		return fb;
	ops->lost(ops->arg, cp, "missing", text);
	return '?';
}

/* 1 when utf8_next read U+FFFD from bytes that are not that character written out. */
static int
layout_bad(const char *start, const char *end, unsigned int cp)
{
	return cp == 0xFFFD && !(end - start == 3 && memcmp(start, "\xEF\xBF\xBD", 3) == 0);
}

void
layout_clean(const struct layout_ops *ops, const char *text, int bold, struct buf *out)
{
	const char *p = text == NULL ? "" : text, *start;
	unsigned int cp;

	while (*p != '\0') {
		start = p;
		cp = utf8_next(&p);
		cp = layout_map(ops, cp, layout_bad(start, p, cp), bold, text);
		if (cp != 0)
			utf8_put(out, cp);
	}
}

void
layout_excerpt(const char *text, struct buf *out)
{
	const char *p = text == NULL ? "" : text;
	size_t n = 0;
	unsigned int cp;

	while (*p != '\0' && n < 60) {
		cp = utf8_next(&p);
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			cp = ' ';
		utf8_put(out, cp == 0xFFFD ? '?' : cp);
		n++;
	}
	if (*p != '\0')
		buf_puts(out, "...");
}

/* The slot of cp in the set (open addressing; 0 marks a free slot, so cp is kept as
 * cp + 1), or where it would go. */
static size_t
layout_lost_slot(const struct layout_lost *l, unsigned int cp)
{
	size_t i = (cp * 2654435761u) & (l->cap - 1);

	while (l->cp[i] != 0 && l->cp[i] != cp + 1)
		i = (i + 1) & (l->cap - 1);
	return i;
}

/* Adds cp to the characters already reported; 0 when it was there. A hash set, so that
 * a text of many thousands of characters the fonts lack costs no more per character. */
static int
layout_lost_add(struct layout_lost *l, unsigned int cp)
{
	size_t i, k, oldcap = l->cap;
	unsigned int *old = l->cp;

	if ((l->n + 1) * 2 > l->cap) {
		l->cap = l->cap == 0 ? 64 : l->cap * 2;
		l->cp = xcalloc(l->cap, sizeof(*l->cp));
		for (i = 0; i < oldcap; i++)
			if (old[i] != 0) {
				k = layout_lost_slot(l, old[i] - 1);
				l->cp[k] = old[i];
			}
		free(old);
	}
	i = layout_lost_slot(l, cp);
	if (l->cp[i] != 0)
		return 0;
	l->cp[i] = cp + 1;
	l->n++;
	return 1;
}

void
layout_lost_say(struct layout_lost *l, struct diag *d, const char *file, unsigned int cp,
    const char *why, const char *text)
{
	struct buf ex;

	if (!layout_lost_add(l, cp))
		return;
	buf_init(&ex);
	layout_excerpt(text, &ex);
	if (strcmp(why, "invalid") == 0)
		diag_msg(d, DIAG_WARNING, file, 0, 0, "expected UTF-8 text, found bytes that "
		    "are not valid UTF-8 in \"%s\"; they are printed as \"?\"", ex.data);
	else if (strcmp(why, "control") == 0)
		diag_msg(d, DIAG_WARNING, file, 0, 0, "expected printable text, found the "
		    "control character U+%04X in \"%s\"; it is left out", cp, ex.data);
	else
		diag_msg(d, DIAG_WARNING, file, 0, 0, "the report font has no character "
		    "U+%04X (in \"%s\"); it is printed as \"?\"", cp, ex.data);
	buf_free(&ex);
}

void
layout_lost_free(struct layout_lost *l)
{
	free(l->cp);
	memset(l, 0, sizeof(*l));
}

/* Number of "**" pairs usable as markup: an odd last one is shown as written. */
static size_t
layout_count_marks(const char *s)
{
	size_t n = 0;

	while ((s = strstr(s, "**")) != NULL) {
		n++;
		s += 2;
	}
	return n - n % 2;
}

void
layout_init(struct layout_text *t, const struct layout_ops *ops, const char *text,
    int markup, int bold, double size)
{
	const char *p = text == NULL ? "" : text;
	size_t marks = markup ? layout_count_marks(p) : 0, i;
	unsigned int prev2 = 0, prev = 0;
	int b = bold;

	memset(t, 0, sizeof(*t));
	buf_init(&t->s);
	t->size = size;
	while (*p != '\0') {
		const char *start = p;
		unsigned int cp;

		if (marks > 0 && p[0] == '*' && p[1] == '*') {
			b = b == bold ? !bold : bold;
			marks--;
			p += 2;
			continue;
		}
		cp = utf8_next(&p);
		if (cp == ' ' || cp == '\t')
			layout_put_space(t, b);
		else if (cp == '\n')
			layout_put_newline(t, b);
		else if (cp != '\r') {
			cp = layout_map(ops, cp, layout_bad(start, p, cp), b, text);
			if (cp != 0)
				layout_put_char(t, cp, b, prev == '-' &&
				    layout_letter(prev2) && layout_letter(cp));
		}
		prev2 = prev;
		prev = cp;
	}
	while (t->natoms > 0 && (layout_last(t)->type == LAYOUT_SPACE ||
	    layout_last(t)->type == LAYOUT_NEWLINE))
		t->natoms--;
	for (i = 0; i < t->natoms; i++) {
		struct layout_atom *a = &t->atoms[i];

		if (a->type != LAYOUT_NEWLINE)
			a->w = ops->width(ops->arg, a->bold, t->s.data + a->off, a->len) * size;
	}
}

static void
layout_line_new(struct layout_text *t)
{
	struct layout_line *l;

	t->lines = xgrow(t->lines, &t->caplines, t->nlines, sizeof(*t->lines));
	l = &t->lines[t->nlines++];
	l->seg0 = t->nsegs;
	l->nseg = 0;
	l->w = 0;
}

/* Appends text to the current line, merging with the previous segment when contiguous. */
static void
layout_seg_add(struct layout_text *t, size_t off, size_t len, int bold, double w)
{
	struct layout_line *l = &t->lines[t->nlines - 1];
	struct layout_seg *s;

	if (l->nseg > 0) {
		s = &t->segs[t->nsegs - 1];
		if (s->bold == bold && s->off + s->len == off) {
			s->len += len;
			s->w += w;
			l->w += w;
			return;
		}
	}
	t->segs = xgrow(t->segs, &t->capsegs, t->nsegs, sizeof(*t->segs));
	s = &t->segs[t->nsegs++];
	s->off = off;
	s->len = len;
	s->bold = bold;
	s->x = l->w;
	s->w = w;
	l->nseg++;
	l->w += w;
}

/* Places the characters [from, to) of atom a, starting a new line before any that
 * would overflow it. */
static void
layout_place_chars(struct layout_text *t, const struct layout_ops *ops,
    const struct layout_atom *a, const char *from, const char *to, double width)
{
	const char *p = from;

	while (p < to) {
		const char *c = p;
		double cw;

		utf8_next(&p);
		cw = ops->width(ops->arg, a->bold, c, (size_t)(p - c)) * t->size;
		if (t->lines[t->nlines - 1].nseg > 0 &&
		    t->lines[t->nlines - 1].w + cw > width + 0.01)
			layout_line_new(t);
		layout_seg_add(t, (size_t)(c - t->s.data), (size_t)(p - c), a->bold, cw);
	}
}

/* The first no-break space (U+00A0) in [p, end), or end. */
static const char *
layout_next_nbsp(const char *p, const char *end)
{
	for (; p + 1 < end; p++)
		if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
			return p;
	return end;
}

/* A word wider than the whole line. It is broken at its no-break spaces first ("29,1
 * per 1000" before "29,1 per 10|00"), the space dropped at a break; a piece still too wide
 * is broken between characters, as few breaks as fit. */
static void
layout_split_word(struct layout_text *t, const struct layout_ops *ops, size_t a0,
    size_t a1, double width)
{
	size_t i;

	for (i = a0; i < a1; i++) {
		const struct layout_atom *a = &t->atoms[i];
		const char *p = t->s.data + a->off, *end = p + a->len, *q;
		int after_nbsp = 0;

		for (; p < end; p = q + 2, after_nbsp = 1) {
			const struct layout_line *l = &t->lines[t->nlines - 1];
			double sw = ops->width(ops->arg, a->bold, "\xc2\xa0", 2) * t->size;
			double pw;

			q = layout_next_nbsp(p, end);
			pw = ops->width(ops->arg, a->bold, p, (size_t)(q - p)) * t->size;
			if (after_nbsp && l->w + sw + pw <= width + 0.01)
				layout_seg_add(t, (size_t)(p - 2 - t->s.data), 2, a->bold, sw);
			else if (l->nseg > 0 && (after_nbsp || l->w + pw > width + 0.01))
				layout_line_new(t);
			layout_place_chars(t, ops, a, p, q, width);
			if (q == end)
				break;
		}
	}
}

void
layout_wrap(struct layout_text *t, const struct layout_ops *ops, double width)
{
	size_t i = 0, space = 0;
	int have_space = 0;

	t->nsegs = t->nlines = 0;
	if (t->natoms == 0)
		return;
	layout_line_new(t);
	while (i < t->natoms) {
		const struct layout_atom *a = &t->atoms[i];
		size_t j;
		double ww = 0, sw;

		if (a->type == LAYOUT_NEWLINE) {
			layout_line_new(t);
			have_space = 0;
			i++;
			continue;
		}
		if (a->type == LAYOUT_SPACE) {
			space = i++;
			have_space = 1;
			continue;
		}
		for (j = i; j < t->natoms && t->atoms[j].type == LAYOUT_TEXT &&
		    (j == i || !t->atoms[j].brk); j++)
			ww += t->atoms[j].w;
		sw = have_space ? t->atoms[space].w : 0;
		if (t->lines[t->nlines - 1].nseg > 0 &&
		    t->lines[t->nlines - 1].w + sw + ww > width + 0.01) {
			layout_line_new(t);
			have_space = 0;
		}
		if (t->lines[t->nlines - 1].nseg > 0 && have_space)
			layout_seg_add(t, t->atoms[space].off, 1, t->atoms[space].bold, sw);
		if (ww > width + 0.01)
			layout_split_word(t, ops, i, j, width);
		else
			for (; i < j; i++)
				layout_seg_add(t, t->atoms[i].off, t->atoms[i].len,
				    t->atoms[i].bold, t->atoms[i].w);
		i = j;
		have_space = 0;
	}
}

double
layout_min_width(const struct layout_text *t)
{
	double best = 0, cur = 0;
	size_t i;

	for (i = 0; i < t->natoms; i++) {
		if (t->atoms[i].type != LAYOUT_TEXT || t->atoms[i].brk)
			cur = 0;
		if (t->atoms[i].type == LAYOUT_TEXT)
			cur += t->atoms[i].w;
		if (cur > best)
			best = cur;
	}
	return best;
}

void
layout_free(struct layout_text *t)
{
	buf_free(&t->s);
	free(t->atoms);
	free(t->segs);
	free(t->lines);
	memset(t, 0, sizeof(*t));
}
