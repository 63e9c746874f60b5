/*
 * The PDF back end (see pdf.h): page layout of a doc with libharu. Owns the typography
 * (sizes, colours, spacing), page and table breaking (keep-with-next as doc_keeps() says),
 * the outline, the table of contents and its links, the running header and the page
 * numbers, the document information and the atomic write. Line breaking is in layout.c;
 * charts draw themselves (chart_render_pdf). All state lives in one struct pdf_ctx per
 * call.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hpdf.h>
#include <hpdf_annotation.h>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>

#include "chart.h"
#include "contrast.h"
#include "diag.h"
#include "doc.h"
#include "font.h"
#include "layout.h"
#include "pdf.h"
#include "pdf_a.h"
#include "pdf_deflate.h"
#include "pdf_tag.h"
#include "util.h"

/* Page frame, points. Header and footer sit in the top and bottom margins. */
#define PDF_MARGIN_X	56.0
#define PDF_MARGIN_TOP	62.0
#define PDF_MARGIN_BOT	60.0
#define PDF_HEADER_Y	38.0	/* header baseline, from the top edge */
#define PDF_FOOTER_Y	34.0	/* footer baseline, from the bottom edge */

/* Type sizes and line heights. */
#define PDF_BODY	10.0
#define PDF_BODY_LEAD	14.5
#define PDF_SMALL	8.0
#define PDF_SMALL_LEAD	11.0
#define PDF_QUOTE	9.5
#define PDF_QUOTE_LEAD	13.5
#define PDF_TABLE	8.5
#define PDF_TABLE_LEAD	11.0
#define PDF_TABLE_PADX	4.5
#define PDF_TABLE_PADY	3.5
#define PDF_MARK_SIZE	8.0	/* header and footer */

/* Characters below this have their widths and coverage cached (libharu's cmap lookup is
 * slow, and FreeType's is asked once per character of every text). */
#define PDF_CACHED	0x250

struct pdf_rgb {
	double	r, g, b;
};

/* Dark grey text, one accent (Okabe-Ito blue), light rules and fills. */
static const struct pdf_rgb pdf_text_rgb = { 0.16, 0.16, 0.17 };
static const struct pdf_rgb pdf_muted_rgb = { 0.40, 0.40, 0.42 };
static const struct pdf_rgb pdf_accent_rgb = { 0.0, 0.447, 0.698 };
static const struct pdf_rgb pdf_rule_rgb = { 0.78, 0.79, 0.80 };
static const struct pdf_rgb pdf_head_rgb = { 0.90, 0.93, 0.96 };
static const struct pdf_rgb pdf_emph_rgb = { 0.94, 0.94, 0.94 };

/* Level marks: Okabe-Ito bluish green, yellow and vermillion mixed with white so that
 * dark text stays readable on them. */
static const struct pdf_rgb pdf_mark_rgb[DOC_MARK__MAX] = {
	{ 1.0, 1.0, 1.0 },
	{ 0.650, 0.868, 0.807 },	/* #009E73 at 35 % */
	{ 0.970, 0.947, 0.629 },	/* #F0E442 at 50 % */
	{ 0.933, 0.740, 0.590 },	/* #D55E00 at 45 % */
	{ 0.910, 0.910, 0.910 }
};

/* A colour as 0xRRGGBB, as the page stream writes it (three decimals, 8 bits). */
static unsigned
pdf_rgb_hex(struct pdf_rgb c)
{
	return (unsigned)lround(c.r * 255) << 16 | (unsigned)lround(c.g * 255) << 8 |
	    (unsigned)lround(c.b * 255);
}

/*
 * The pairs the page draws, for tests/unit/contrast.c: body and table text on white, on
 * the header row, the emphasised rows and every level mark; muted text (running header,
 * page numbers, small print, a quote's source, the cover's subtitle) on white; the accent
 * on white as text (bullets, chapter headings, the cover's place). Rules and the cover's
 * bar are decoration (artifacts), not listed.
 */
size_t
pdf_contrast_pairs(struct contrast_pair *out, size_t max)
{
	const struct pdf_rgb bg[] = { { 1, 1, 1 }, pdf_head_rgb, pdf_emph_rgb };
	size_t n = 0, i;

	for (i = 0; i < sizeof(bg) / sizeof(bg[0]) && n < max; i++)
		out[n++] = (struct contrast_pair){ pdf_rgb_hex(pdf_text_rgb), pdf_rgb_hex(bg[i]),
		    CONTRAST_TEXT, "page: text" };
	for (i = 1; i < DOC_MARK__MAX && n < max; i++)
		out[n++] = (struct contrast_pair){ pdf_rgb_hex(pdf_text_rgb),
		    pdf_rgb_hex(pdf_mark_rgb[i]), CONTRAST_TEXT, "page: text on a level mark" };
	if (n + 2 <= max) {
		out[n++] = (struct contrast_pair){ pdf_rgb_hex(pdf_muted_rgb), 0xFFFFFF,
		    CONTRAST_TEXT, "page: muted text" };
		out[n++] = (struct contrast_pair){ pdf_rgb_hex(pdf_accent_rgb), 0xFFFFFF,
		    CONTRAST_TEXT, "page: accent text" };
	}
	return n;
}

struct pdf_ctx {
	const struct doc	*doc;
	struct diag		*diag;
	const char		*name;		/* the file messages name; NULL: none */
	HPDF_Doc		 pdf;
	HPDF_Font		 font[2];	/* regular, bold */
	FT_Library		 ft;
	FT_Face			 face[2];
	HPDF_STATUS		 err, errdetail;
	struct layout_ops	 ops;
	float			 cw[2][PDF_CACHED];	/* widths of Latin characters, em; <0 unknown */
	signed char		 has[2][PDF_CACHED];	/* the font has it: 1, 0; -1 unknown */
	struct layout_lost	 lost;		/* characters already reported */
	HPDF_Page		 page;		/* NULL: the next drawing starts a page */
	size_t			 pageidx;	/* its number, from 0 */
	HPDF_Page		*pages;
	unsigned char		*decor;		/* per page: header and footer wanted */
	size_t			 npages, cappages, capdecor;
	int			 landscape;
	double			 pw, ph, x0, x1, ytop, ybot, y;
	int			 fresh;		/* nothing drawn on the page yet */
	int			 cover;		/* the page being made is the cover */
	HPDF_Outline		 h1;		/* last level 1 outline entry */
	struct buf		 tmp;
	struct doc_block	*blocks;	/* pdf_paginate: where pages are recorded */
	size_t			 cur;		/* the block being drawn */
	enum doc_keep		*keep;		/* per block, from doc_keeps() */
	size_t			 kept_until;	/* blocks before it: placed by a chain */
	struct pdf_anchor	*anchor;	/* per block: where a heading is */
	struct pdf_tocline	*toc;		/* contents entries, for their numbers */
	size_t			 ntoc, captoc;
	char			 created[32];	/* XMP creation date; "": none */
	struct pdf_tag		*tag;		/* the structure tree; NULL: not tagged */
	size_t			 owner;		/* what the content drawn next belongs to */
	size_t			*open;		/* per page: the marked content open on it */
	size_t			 capopen;
	size_t			 list;		/* the L of consecutive bullets or pairs */
	size_t			 figure;	/* the Figure of the chart being drawn */
	size_t			 span;		/* a word broken over lines (pdf_split_words) */
	size_t			 span_owner;	/* the element it belongs to */
	size_t			 span_line;	/* the line it starts on, of span_text */
	const struct layout_text *span_text;
};

/* Where a heading was drawn: its page (from 1; 0 not drawn) and the top of its box. */
struct pdf_anchor {
	size_t	 page;
	double	 top;
};

/* An entry of a table of contents, drawn but for its page number and link, which
 * pdf_toc_finish() adds once every heading has its page. */
struct pdf_tocline {
	size_t	 block;		/* the heading */
	size_t	 page;		/* the contents page the entry is on, from 1 */
	double	 x, top, bottom, base;	/* its box and the baseline of its last line */
	double	 dots;		/* where its leaders start (they end at the numbers) */
	int	 bold;
	size_t	 link;		/* its Link element */
};

static void
pdf_on_error(HPDF_STATUS err, HPDF_STATUS detail, void *arg)
{
	struct pdf_ctx *c = arg;

	if (c->err == 0) {
		c->err = err;
		c->errdetail = detail;
	}
}

/* libharu's allocations fail as ipkval's own do (xmalloc: a message, exit status 2):
 * libharu goes on after an allocation it could not make and crashes later. */
static void *
pdf_alloc(HPDF_UINT size)
{
	return xmalloc(size);
}

/* libharu 2.3's UTF-8 text encoding takes its result from malloc unchecked and writes
 * through NULL when there is none (a crash inside HPDF_Page_TextOut): the same encoding
 * (UTF-16BE code units, as the font's Identity-H CMap reads them), through xmalloc. */
static char *
pdf_encode_utf8(HPDF_Encoder e, const char *text, HPDF_UINT len, HPDF_UINT *length)
{
	char *out = xmalloc((size_t)len * 2 + 1), *o = out;
	HPDF_ParseText_Rec st;
	HPDF_UINT i;

	HPDF_Encoder_SetParseText(e, &st, (const HPDF_BYTE *)text, len);
	for (i = 0; i < len; i++)
		if (HPDF_Encoder_ByteType(e, &st) != HPDF_BYTE_TYPE_TRIAL) {
			HPDF_UNICODE u = HPDF_Encoder_ToUnicode(e, 0);

			*o++ = (char)(u >> 8);
			*o++ = (char)(u & 0xFF);
		}
	*length = (HPDF_UINT)(o - out);
	return out;
}

/* Layout callbacks: widths from libharu, glyph coverage from FreeType on the same file. */
static double
pdf_width_uncached(struct pdf_ctx *c, int bold, const char *s, size_t len)
{
	HPDF_TextWidth tw;

	tw = HPDF_Font_TextWidth(c->font[bold], (const HPDF_BYTE *)s, (HPDF_UINT)len);
	return tw.width / 1000.0;
}

static double
pdf_ops_width(void *arg, int bold, const char *s, size_t len)
{
	struct pdf_ctx *c = arg;
	const char *p = s, *end = s + len;
	double w = 0;

	bold = bold != 0;
	while (p < end) {
		const char *start = p;
		unsigned int cp = utf8_next(&p);

		if (cp >= PDF_CACHED) {
			w += pdf_width_uncached(c, bold, start, (size_t)(p - start));
			continue;
		}
		if (c->cw[bold][cp] < 0)
			c->cw[bold][cp] = (float)pdf_width_uncached(c, bold, start,
			    (size_t)(p - start));
		w += c->cw[bold][cp];
	}
	return w;
}

static int
pdf_ops_has(void *arg, int bold, unsigned int cp)
{
	struct pdf_ctx *c = arg;

	bold = bold != 0;
	if (cp >= PDF_CACHED)
		return FT_Get_Char_Index(c->face[bold], cp) != 0;
	if (c->has[bold][cp] < 0)
		c->has[bold][cp] = FT_Get_Char_Index(c->face[bold], cp) != 0;
	return c->has[bold][cp];
}

static void
pdf_ops_lost(void *arg, unsigned int cp, const char *why, const char *text)
{
	struct pdf_ctx *c = arg;

	layout_lost_say(&c->lost, c->diag, c->name, cp, why, text);
}

/*
 * Size of the page streams: every position is rounded to 1/8 point (exact in binary, so
 * libharu prints "757.125" where the float would print "757.09003"; a 1/16 point shift no
 * print or screen shows), colour components to three decimals (the same 8-bit colour), and
 * state (colours, line width, font) is set only when it changes, read back from libharu's
 * own graphics state. Consecutive text shares one text object (BT ... ET), so libharu
 * writes short relative moves between lines; drawing closes it first.
 */
static HPDF_REAL
pdf_q(double v)
{
	return (HPDF_REAL)(floor(v * 8 + 0.5) / 8);
}

static HPDF_REAL
pdf_qc(double v)
{
	return (HPDF_REAL)(floor(v * 1000 + 0.5) / 1000);
}

/*
 * Tagging: every piece of page content is drawn inside a marked-content sequence of its
 * owner (c->owner: a structure element, or an artifact), opened when the first content
 * of that owner is drawn. A sequence is closed when the owner changes and whenever the
 * drawing switches between text and graphics, so that none straddles BT/ET; the next
 * content of the same owner opens another (a new MCID of the same element).
 */
static void
pdf_ready(struct pdf_ctx *c, int text)
{
	size_t pg = c->pageidx;
	int in_text = HPDF_Page_GetGMode(c->page) == HPDF_GMODE_TEXT_OBJECT;

	if (c->tag != NULL && c->open[pg] != PDF_TAG_NONE &&
	    (c->open[pg] != c->owner || in_text != text)) {
		pdf_tag_close(c->tag, pg);
		c->open[pg] = PDF_TAG_NONE;
	}
	if (text && !in_text)
		HPDF_Page_BeginText(c->page);
	else if (!text && in_text)
		HPDF_Page_EndText(c->page);
	if (c->tag != NULL && c->open[pg] == PDF_TAG_NONE && c->owner != PDF_TAG_NONE) {
		pdf_tag_open(c->tag, pg, c->owner);
		c->open[pg] = c->owner;
	}
}

/* Sets what the content drawn next belongs to; returns what it belonged to. */
static size_t
pdf_own(struct pdf_ctx *c, size_t owner)
{
	size_t was = c->owner;

	c->owner = owner;
	return was;
}

/* A new structure element (0 when the document is not tagged). */
static size_t
pdf_elem(struct pdf_ctx *c, size_t parent, const char *type)
{
	return c->tag != NULL ? pdf_tag_elem(c->tag, parent, type) : 0;
}

/* Makes page i (from 0) the page being drawn on. */
static void
pdf_goto_page(struct pdf_ctx *c, size_t i)
{
	c->page = c->pages[i];
	c->pageidx = i;
}

static int
pdf_same_rgb(HPDF_RGBColor a, HPDF_REAL r, HPDF_REAL g, HPDF_REAL b)
{
	return a.r == r && a.g == g && a.b == b;
}

static void
pdf_set_fill(HPDF_Page p, struct pdf_rgb c)
{
	HPDF_REAL r = pdf_qc(c.r), g = pdf_qc(c.g), b = pdf_qc(c.b);

	if (HPDF_Page_GetFillingColorSpace(p) != HPDF_CS_DEVICE_RGB ||
	    !pdf_same_rgb(HPDF_Page_GetRGBFill(p), r, g, b))
		HPDF_Page_SetRGBFill(p, r, g, b);
}

static void
pdf_set_stroke(HPDF_Page p, struct pdf_rgb c)
{
	HPDF_REAL r = pdf_qc(c.r), g = pdf_qc(c.g), b = pdf_qc(c.b);

	if (HPDF_Page_GetStrokingColorSpace(p) != HPDF_CS_DEVICE_RGB ||
	    !pdf_same_rgb(HPDF_Page_GetRGBStroke(p), r, g, b))
		HPDF_Page_SetRGBStroke(p, r, g, b);
}

static void
pdf_set_width(HPDF_Page p, double width)
{
	if (HPDF_Page_GetLineWidth(p) != (HPDF_REAL)width)
		HPDF_Page_SetLineWidth(p, (HPDF_REAL)width);
}

static void
pdf_set_font(HPDF_Page p, HPDF_Font font, double size)
{
	if (HPDF_Page_GetCurrentFont(p) != font ||
	    HPDF_Page_GetCurrentFontSize(p) != (HPDF_REAL)size)
		HPDF_Page_SetFontAndSize(p, font, (HPDF_REAL)size);
}

/* A filled rectangle; its edges are rounded, not its size, so that neighbours meet. */
static void
pdf_rect(struct pdf_ctx *c, struct pdf_rgb rgb, double x, double y, double w, double h)
{
	HPDF_REAL x0 = pdf_q(x), y0 = pdf_q(y);
	size_t was = pdf_own(c, c->owner == PDF_TAG_PAGINATION ? c->owner : PDF_TAG_LAYOUT);

	pdf_ready(c, 0);
	pdf_set_fill(c->page, rgb);
	HPDF_Page_Rectangle(c->page, x0, y0, pdf_q(x + w) - x0, pdf_q(y + h) - y0);
	HPDF_Page_Fill(c->page);
	pdf_own(c, was);
}

/* A straight line from x0, y0 to x1, y1. */
static void
pdf_line(struct pdf_ctx *c, struct pdf_rgb rgb, double width, double x0, double y0,
    double x1, double y1)
{
	size_t was = pdf_own(c, c->owner == PDF_TAG_PAGINATION ? c->owner : PDF_TAG_LAYOUT);

	pdf_ready(c, 0);
	pdf_set_stroke(c->page, rgb);
	pdf_set_width(c->page, width);
	HPDF_Page_MoveTo(c->page, pdf_q(x0), pdf_q(y0));
	HPDF_Page_LineTo(c->page, pdf_q(x1), pdf_q(y1));
	HPDF_Page_Stroke(c->page);
	pdf_own(c, was);
}

/* A horizontal line at y from x0 to x1. */
static void
pdf_hline(struct pdf_ctx *c, struct pdf_rgb rgb, double width, double x0, double x1,
    double y)
{
	pdf_line(c, rgb, width, x0, y, x1, y);
}

/* A vertical line at x from y0 to y1. */
static void
pdf_vline(struct pdf_ctx *c, struct pdf_rgb rgb, double width, double x, double y0,
    double y1)
{
	pdf_line(c, rgb, width, x, y0, x, y1);
}

/* Baseline of a line whose box (lead high) starts at top: the ink is centred. */
static double
pdf_baseline(double top, double size, double lead)
{
	return top - (lead - 1.17 * size) / 2 - 0.93 * size;
}

/* Whether a line that ends at offset end of t's text ended between words: at a space or
 * a line end (not after a hyphen, nor inside a word too long for a line). */
static int
pdf_line_ends_word(const struct layout_text *t, size_t end)
{
	size_t a;

	if (end < t->s.len && t->s.data[end] == ' ')
		return 1;
	for (a = 0; a < t->natoms; a++)
		if (t->atoms[a].type == LAYOUT_NEWLINE && t->atoms[a].off == end)
			return 1;
	return 0;
}

/*
 * A word broken over two lines (after its hyphen, or inside a word too long for a line)
 * is read as one word: its pieces belong to a Span under the text's element, whose
 * /ActualText is the whole word. For line i: *cut_end is where the piece of a word begun
 * on the line before ends (the line starts inside the Span), *cut_start where the piece
 * of a word the line breaks starts (a Span starts there); (size_t)-1: none.
 */
static void
pdf_split_words(struct pdf_ctx *c, const struct layout_text *t, size_t i, size_t *cut_end,
    size_t *cut_start)
{
	const struct layout_line *l = &t->lines[i];
	const struct layout_seg *last = &t->segs[l->seg0 + l->nseg - 1];
	size_t start = t->segs[l->seg0].off, end = last->off + last->len, e;
	int breaks = i + 1 < t->nlines && !pdf_line_ends_word(t, end);
	struct buf word;

	if (c->tag == NULL)
		return;
	if (c->span != PDF_TAG_NONE && c->span_text == t && c->span_line + 1 == i) {
		for (e = start; e < end && t->s.data[e] != ' '; e++)
			;
		pdf_own(c, c->span);
		c->span_line = i;
		if (e == end && breaks)
			return;		/* the word goes on over the next line too */
		*cut_end = e;
	} else if (c->owner >= pdf_tag_count(c->tag))
		return;		/* an artifact (a header row repeated before the rest of a
				 * row) reads nothing, and leaves a broken word pending */
	c->span = PDF_TAG_NONE;
	if (!breaks)
		return;
	for (*cut_start = end; *cut_start > start && t->s.data[*cut_start - 1] != ' ';
	    (*cut_start)--)
		;
	for (e = end; e < t->s.len && t->s.data[e] != ' ' && !pdf_line_ends_word(t, e); e++)
		;
	if (*cut_end == (size_t)-1)
		c->span_owner = c->owner;
	c->span = pdf_elem(c, c->span_owner, "Span");
	c->span_line = i;
	c->span_text = t;
	buf_init(&word);
	buf_put(&word, t->s.data + *cut_start, e - *cut_start);
	pdf_tag_actual_text(c->tag, c->span, word.data);
	buf_free(&word);
}

/* Draws line i of t; x is the left edge of a box w wide in which the line is aligned.
 * A line that ended at a space or a line end keeps that space, invisible after its last
 * word, so that text read by structure element (screen readers) or extracted does not
 * join the last word of a line to the first of the next. */
static void
pdf_draw_line(struct pdf_ctx *c, const struct layout_text *t, size_t i, double x, double w,
    enum doc_align align, double baseline, struct pdf_rgb rgb)
{
	const struct layout_line *l = &t->lines[i];
	size_t k, from, to, cut_end = (size_t)-1, cut_start = (size_t)-1;

	if (align == DOC_RIGHT)
		x += w - l->w;
	else if (align == DOC_CENTER)
		x += (w - l->w) / 2;
	if (l->nseg == 0)
		return;
	pdf_split_words(c, t, i, &cut_end, &cut_start);
	for (k = l->seg0; k < l->seg0 + l->nseg; k++) {
		const struct layout_seg *s = &t->segs[k];

		/* A segment in up to three pieces: the end of a word begun on the line
		 * before, the text, the start of a word the line breaks. */
		for (from = s->off; from < s->off + s->len; from = to) {
			to = s->off + s->len;
			if (from < cut_end && cut_end < to)
				to = cut_end;
			if (from < cut_start && cut_start < to)
				to = cut_start;
			if (from == cut_end)
				pdf_own(c, c->span_owner);
			if (from == cut_start)
				pdf_own(c, c->span);
			pdf_ready(c, 1);
			pdf_set_fill(c->page, rgb);
			buf_reset(&c->tmp);
			buf_put(&c->tmp, t->s.data + from, to - from);
			if (to == s->off + s->len && k + 1 == l->seg0 + l->nseg &&
			    i + 1 < t->nlines && pdf_line_ends_word(t, to))
				buf_putc(&c->tmp, ' ');
			pdf_set_font(c->page, c->font[s->bold != 0], t->size);
			HPDF_Page_TextOut(c->page, pdf_q(x + s->x + (from == s->off ? 0 :
			    pdf_ops_width(c, s->bold, t->s.data + s->off, from - s->off) *
			    t->size)), pdf_q(baseline), c->tmp.data);
		}
	}
	if (cut_end == t->segs[l->seg0 + l->nseg - 1].off + t->segs[l->seg0 + l->nseg - 1].len)
		pdf_own(c, c->span_owner);	/* the line was the word's last piece */
}

static void
pdf_text(struct pdf_ctx *c, struct layout_text *t, const char *s, int markup, int bold,
    double size, double width)
{
	layout_init(t, &c->ops, s, markup, bold, size);
	layout_wrap(t, &c->ops, width);
}

/* Records that the current block shows on the current page. */
static void
pdf_mark(struct pdf_ctx *c)
{
	struct doc_block *b;

	if (c->blocks == NULL)
		return;
	b = &c->blocks[c->cur];
	if (b->page_first == 0)
		b->page_first = (int)c->npages;
	b->page_last = (int)c->npages;
}

/* The frame of pages in the current orientation (A4). */
static void
pdf_geom(struct pdf_ctx *c)
{
	c->pw = c->landscape ? 841.89 : 595.276;
	c->ph = c->landscape ? 595.276 : 841.89;
	c->x0 = PDF_MARGIN_X;
	c->x1 = c->pw - PDF_MARGIN_X;
	c->ytop = c->ph - PDF_MARGIN_TOP;
	c->ybot = PDF_MARGIN_BOT;
}

/* Starts a page. After a libharu error there is none (HPDF_AddPage gives NULL for good):
 * the error is kept and the layout goes on as if there were one, drawing nothing, so that
 * every loop that waits for room ends; pdf_render stops after the block. */
static void
pdf_new_page(struct pdf_ctx *c)
{
	HPDF_Page p = HPDF_AddPage(c->pdf);

	if (p == NULL && c->err == 0)
		c->err = HPDF_INVALID_DOCUMENT;
	HPDF_Page_SetSize(p, HPDF_PAGE_SIZE_A4,
	    c->landscape ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
	c->pages = xgrow(c->pages, &c->cappages, c->npages, sizeof(*c->pages));
	c->decor = xgrow(c->decor, &c->capdecor, c->npages, sizeof(*c->decor));
	c->pages[c->npages] = p;
	c->decor[c->npages] = !c->cover;
	c->npages++;
	c->page = p;
	c->pageidx = c->npages - 1;
	if (c->tag != NULL) {
		pdf_tag_page(c->tag, p);
		c->open = xgrow(c->open, &c->capopen, c->pageidx, sizeof(*c->open));
		c->open[c->pageidx] = PDF_TAG_NONE;
	}
	pdf_geom(c);
	c->y = c->ytop;
	c->fresh = 1;
}

/* Makes sure a page is open with room for h points (a fresh page always has room). */
static void
pdf_room(struct pdf_ctx *c, double h)
{
	if (c->page != NULL && !c->fresh && c->y - h < c->ybot)
		c->page = NULL;
	if (c->page == NULL)
		pdf_new_page(c);
	pdf_mark(c);
}

/* Vertical space after a block (nothing at the top of a page). */
static void
pdf_gap(struct pdf_ctx *c, double g)
{
	if (c->page != NULL && !c->fresh)
		c->y -= g;
}

/*
 * Running text: lines flow down the page and on to the next; a paragraph never leaves a
 * single line at the bottom of a page nor carries a single one over when it can help it.
 * rule_x > 0 draws a quotation rule beside the lines of each page; bullet_x > 0 a bullet,
 * which belongs to label (the lines to the owner at the start).
 */
struct pdf_flow {
	double		 x, w, lead;
	struct pdf_rgb	 rgb;
	double		 rule_x;
	double		 bullet_x;
	size_t		 label;
	double		 tail;		/* height that must follow the last line on its
					 * page (a quote's source), or 0 */
};

static void
pdf_flow(struct pdf_ctx *c, const struct layout_text *t, const struct pdf_flow *f)
{
	size_t i = 0, n = t->nlines, take, k;

	while (i < n) {
		long avail;

		if (c->page == NULL)
			pdf_new_page(c);
		avail = (long)floor((c->y - c->ybot + 0.01) / f->lead);
		if (c->fresh && avail < 1)
			avail = 1;
		take = avail < 0 ? 0 : (size_t)avail;
		if (take > n - i)
			take = n - i;
		if (take < n - i) {
			if (take < 2 && !c->fresh)
				take = 0;
			else if (n - i - take == 1 && take >= 3)
				take--;
		} else if (f->tail > 0 && c->y - (double)take * f->lead - f->tail < c->ybot &&
		    !(c->fresh && take < 2)) {
			/* What follows the last line would start the next page alone (a
			 * quote's source): two lines go with it, or all when fewer than two
			 * would stay. */
			take = take >= 4 ? take - 2 : 0;
			if (take == 0 && c->fresh)
				take = 1;
		}
		if (take == 0) {
			c->page = NULL;
			continue;
		}
		pdf_mark(c);
		if (f->rule_x > 0)
			pdf_vline(c, pdf_accent_rgb, 1.5, f->rule_x, c->y,
			    c->y - (double)take * f->lead);
		for (k = i; k < i + take; k++) {
			double base = pdf_baseline(c->y, t->size, f->lead);

			if (k == 0 && f->bullet_x > 0) {
				size_t body = pdf_own(c, f->label);

				pdf_ready(c, 1);
				pdf_set_fill(c->page, pdf_accent_rgb);
				pdf_set_font(c->page, c->font[0], t->size);
				HPDF_Page_TextOut(c->page, pdf_q(f->bullet_x), pdf_q(base),
				    "\xE2\x80\xA2");
				pdf_own(c, body);
			}
			pdf_draw_line(c, t, k, f->x, f->w, DOC_LEFT, base, f->rgb);
			c->y -= f->lead;
		}
		c->fresh = 0;
		i += take;
		if (i < n)
			c->page = NULL;
	}
}

/* How running text is set: size, line height, colour, markup, the indent from the left
 * margin (quotes: from both), and where a quotation rule or a bullet goes (0: none). */
struct pdf_style {
	double		 size, lead, indent, rule_x, bullet_x;
	int		 markup;
	struct pdf_rgb	 rgb;
};

/* The style of a paragraph, bullet, small print or quote; returns 0 for other blocks. */
static int
pdf_style_of(const struct doc_block *b, struct pdf_style *st)
{
	memset(st, 0, sizeof(*st));
	st->size = PDF_BODY;
	st->lead = PDF_BODY_LEAD;
	st->markup = 1;
	st->rgb = pdf_text_rgb;
	switch (b->kind) {
	case DOC_PARA:
		st->markup = b->level != 1;
		return 1;
	case DOC_BULLET:
		st->indent = 14;
		st->bullet_x = 3;
		return 1;
	case DOC_SMALL:
		st->size = PDF_SMALL;
		st->lead = PDF_SMALL_LEAD;
		st->rgb = pdf_muted_rgb;
		return 1;
	case DOC_QUOTE:
		st->size = PDF_QUOTE;
		st->lead = PDF_QUOTE_LEAD;
		st->indent = 14;
		st->rule_x = 4;
		st->markup = 0;
		return 1;
	default:
		return 0;
	}
}

static double
pdf_style_width(const struct pdf_ctx *c, const struct pdf_style *st)
{
	return c->x1 - c->x0 - st->indent - (st->rule_x > 0 ? st->indent : 0);
}

/* The number of lines text takes in a style on the current page. */
static size_t
pdf_style_lines(struct pdf_ctx *c, const char *s, const struct pdf_style *st)
{
	struct layout_text t;
	size_t n;

	pdf_text(c, &t, s, st->markup, 0, st->size, pdf_style_width(c, st));
	n = t.nlines;
	layout_free(&t);
	return n;
}

static void
pdf_block_text_tail(struct pdf_ctx *c, const char *s, const struct pdf_style *st,
    size_t label, double tail)
{
	struct layout_text t;
	struct pdf_flow f;

	f.x = c->x0 + st->indent;
	f.w = pdf_style_width(c, st);
	f.lead = st->lead;
	f.rgb = st->rgb;
	f.rule_x = st->rule_x > 0 ? c->x0 + st->rule_x : 0;
	f.bullet_x = st->bullet_x > 0 ? c->x0 + st->bullet_x : 0;
	f.label = label;
	f.tail = tail;
	pdf_text(c, &t, s, st->markup, 0, st->size, f.w);
	pdf_flow(c, &t, &f);
	layout_free(&t);
}

static void
pdf_block_text(struct pdf_ctx *c, const char *s, const struct pdf_style *st, size_t label)
{
	pdf_block_text_tail(c, s, st, label, 0);
}

/* ---- Tables (and key/value lists, which are tables without rules). ---- */

struct pdf_tab {
	size_t			 n;
	double			*colw;
	const struct doc_column	*cols;		/* NULL: key/value list */
	struct layout_text	*head;		/* NULL: no header row */
	double			 headh;
	int			 rows_on_page;
	size_t			*th;		/* the header cells' elements (TH) */
	int			 head_drawn;	/* later header rows are artifacts */
};

static double
pdf_cells_lines(const struct layout_text *cells, size_t n)
{
	size_t i, m = 1;

	for (i = 0; i < n; i++)
		if (cells[i].nlines > m)
			m = cells[i].nlines;
	return (double)m;
}

static enum doc_align
pdf_tab_align(const struct pdf_tab *tab, size_t i)
{
	return tab->cols != NULL ? tab->cols[i].align : DOC_LEFT;
}

/* Draws lines [l0, l1) of a row of cells at the cursor; the text of cell i belongs to
 * own[i] (NULL: the row is an artifact, a header row repeated on a new page). */
static void
pdf_tab_part(struct pdf_ctx *c, const struct pdf_tab *tab, const struct layout_text *cells,
    const struct doc_cell *dc, int kind, size_t l0, size_t l1, const size_t *own)
{
	double h = (double)(l1 - l0) * PDF_TABLE_LEAD + 2 * PDF_TABLE_PADY, x = c->x0;
	size_t i, k, was = c->owner;

	pdf_mark(c);
	if (kind == 1)
		pdf_rect(c, pdf_head_rgb, c->x0, c->y - h, c->x1 - c->x0, h);
	else if (kind == 2)
		pdf_rect(c, pdf_emph_rgb, c->x0, c->y - h, c->x1 - c->x0, h);
	/* Backgrounds first, then all the text of the row in one text object. */
	for (i = 0; i < tab->n; i++) {
		if (dc != NULL && dc[i].mark != DOC_MARK_NONE)
			pdf_rect(c, pdf_mark_rgb[dc[i].mark], x + 0.5, c->y - h + 0.6,
			    tab->colw[i] - 1, h - 1.2);
		x += tab->colw[i];
	}
	x = c->x0;
	for (i = 0; i < tab->n; i++) {
		pdf_own(c, own != NULL ? own[i] : PDF_TAG_LAYOUT);
		for (k = l0; k < l1 && k < cells[i].nlines; k++) {
			double top = c->y - PDF_TABLE_PADY - (double)(k - l0) * PDF_TABLE_LEAD;

			pdf_draw_line(c, &cells[i], k, x + PDF_TABLE_PADX,
			    tab->colw[i] - 2 * PDF_TABLE_PADX, pdf_tab_align(tab, i),
			    pdf_baseline(top, PDF_TABLE, PDF_TABLE_LEAD), pdf_text_rgb);
		}
		x += tab->colw[i];
	}
	pdf_own(c, was);
	if (kind == 1)
		pdf_hline(c, pdf_accent_rgb, 0.8, c->x0, c->x1, c->y - h);
	else if (tab->cols != NULL)
		pdf_hline(c, pdf_rule_rgb, 0.4, c->x0, c->x1, c->y - h);
	c->y -= h;
	c->fresh = 0;
}

/* The header row: its first drawing holds the header cells, a repetition on a later
 * page is an artifact (its cells are in the tree once). */
static void
pdf_tab_head(struct pdf_ctx *c, struct pdf_tab *tab)
{
	pdf_tab_part(c, tab, tab->head, NULL, 1, 0, (size_t)pdf_cells_lines(tab->head, tab->n),
	    tab->head_drawn ? NULL : tab->th);
	tab->head_drawn = 1;
}

static void
pdf_tab_newpage(struct pdf_ctx *c, struct pdf_tab *tab)
{
	c->page = NULL;
	pdf_new_page(c);
	if (tab->head != NULL)
		pdf_tab_head(c, tab);
	tab->rows_on_page = 0;
}

/* One row; it moves whole to the next page when it does not fit, and is split between
 * lines only when it is taller than a page. */
static void
pdf_tab_row(struct pdf_ctx *c, struct pdf_tab *tab, const struct layout_text *cells,
    const struct doc_cell *dc, int emph, const size_t *own)
{
	size_t nl = (size_t)pdf_cells_lines(cells, tab->n), l = 0;

	while (l < nl && c->err == 0) {
		long avail;
		size_t take;

		if (c->page == NULL) {
			pdf_tab_newpage(c, tab);
			continue;
		}
		avail = (long)floor((c->y - c->ybot - 2 * PDF_TABLE_PADY + 0.01) /
		    PDF_TABLE_LEAD);
		if (l == 0 && avail < (long)nl && (tab->rows_on_page > 0 ||
		    (tab->head == NULL && !c->fresh))) {
			pdf_tab_newpage(c, tab);
			continue;
		}
		if (avail < 1)
			avail = 1;
		take = (size_t)avail < nl - l ? (size_t)avail : nl - l;
		pdf_tab_part(c, tab, cells, dc, emph ? 2 : 0, l, l + take, own);
		tab->rows_on_page++;
		l += take;
		if (l < nl)
			pdf_tab_newpage(c, tab);
	}
}

/* The narrowest a column can be without breaking a word of its header or cells. */
static double
pdf_col_need(struct pdf_ctx *c, const struct doc_table *t, size_t col)
{
	struct layout_text lt;
	double need;
	size_t r;

	layout_init(&lt, &c->ops, t->cols[col].title, 0, 1, PDF_TABLE);
	need = layout_min_width(&lt);
	layout_free(&lt);
	for (r = 0; r < t->nrows; r++) {
		layout_init(&lt, &c->ops, t->rows[r].cells[col].text, 0, t->rows[r].emph,
		    PDF_TABLE);
		need = fmax(need, layout_min_width(&lt));
		layout_free(&lt);
	}
	return need + 2 * PDF_TABLE_PADX + 0.5;
}

/*
 * Column widths: the caller's proportions, then columns too narrow for their longest word
 * take what they lack from the columns that have room to spare, so that no word is broken
 * when the table can avoid it.
 */
static void
pdf_col_widths(struct pdf_ctx *c, const struct doc_table *t, double w, double *colw)
{
	double *need = xcalloc(t->ncols, sizeof(*need)), sum = 0, deficit = 0, slack = 0;
	size_t i;

	for (i = 0; i < t->ncols; i++)
		sum += t->cols[i].width;
	for (i = 0; i < t->ncols; i++) {
		colw[i] = w * t->cols[i].width / sum;
		need[i] = pdf_col_need(c, t, i);
		if (colw[i] < need[i])
			deficit += need[i] - colw[i];
		else
			slack += colw[i] - need[i];
	}
	if (deficit > 0 && slack >= deficit)
		for (i = 0; i < t->ncols; i++)
			colw[i] = colw[i] < need[i] ? need[i] :
			    colw[i] - (colw[i] - need[i]) / slack * deficit;
	free(need);
}

/* Column widths and the header row of a table at the width of the current page. Free
 * with pdf_tab_free(). */
static void
pdf_tab_init(struct pdf_ctx *c, const struct doc_table *t, struct pdf_tab *tab)
{
	size_t i;

	memset(tab, 0, sizeof(*tab));
	tab->n = t->ncols;
	tab->cols = t->cols;
	tab->colw = xcalloc(t->ncols, sizeof(*tab->colw));
	tab->head = xcalloc(t->ncols, sizeof(*tab->head));
	pdf_col_widths(c, t, c->x1 - c->x0, tab->colw);
	for (i = 0; i < t->ncols; i++)
		pdf_text(c, &tab->head[i], t->cols[i].title, 0, 1, PDF_TABLE,
		    tab->colw[i] - 2 * PDF_TABLE_PADX);
	tab->headh = pdf_cells_lines(tab->head, tab->n) * PDF_TABLE_LEAD + 2 * PDF_TABLE_PADY;
}

static void
pdf_tab_free(struct pdf_tab *tab)
{
	size_t i;

	for (i = 0; i < tab->n; i++)
		layout_free(&tab->head[i]);
	free(tab->head);
	free(tab->colw);
}

/* Lays out the cells of row r (empty cells when the table has no such row). */
static void
pdf_tab_cells(struct pdf_ctx *c, const struct doc_table *t, const struct pdf_tab *tab,
    size_t r, struct layout_text *cells)
{
	const struct doc_row *row = r < t->nrows ? &t->rows[r] : NULL;
	size_t i;

	for (i = 0; i < t->ncols; i++)
		pdf_text(c, &cells[i], row != NULL ? row->cells[i].text : "", 0,
		    row != NULL && row->emph, PDF_TABLE, tab->colw[i] - 2 * PDF_TABLE_PADX);
}

/* The header row goes with the first row (or its first three lines): their height;
 * cells are those of the first row. */
static double
pdf_tab_first(const struct doc_table *t, const struct pdf_tab *tab,
    const struct layout_text *cells)
{
	if (t->nrows == 0)
		return tab->headh;
	return tab->headh + fmin(pdf_cells_lines(cells, tab->n), 3) * PDF_TABLE_LEAD +
	    2 * PDF_TABLE_PADY;
}

/* The least height a table needs to start on the current page (pdf_tab_first). */
static double
pdf_table_start(struct pdf_ctx *c, const struct doc_table *t)
{
	struct layout_text *cells = xcalloc(t->ncols, sizeof(*cells));
	struct pdf_tab tab;
	double h;
	size_t i;

	pdf_tab_init(c, t, &tab);
	pdf_tab_cells(c, t, &tab, 0, cells);
	h = pdf_tab_first(t, &tab, cells);
	for (i = 0; i < t->ncols; i++)
		layout_free(&cells[i]);
	free(cells);
	pdf_tab_free(&tab);
	return h;
}

/* The elements of a row: a TR under group, and a cell of type under it for each column;
 * header cells have the scope of a column. */
static void
pdf_tab_row_elems(struct pdf_ctx *c, size_t group, const char *type, size_t n, size_t *own)
{
	size_t tr = pdf_elem(c, group, "TR"), i;

	for (i = 0; i < n; i++) {
		own[i] = pdf_elem(c, tr, type);
		if (c->tag != NULL && type[1] == 'H')
			pdf_tag_scope(c->tag, own[i], "Column");
	}
}

/* A table: Table, THead with the header row, TBody with a TR of TDs for each row. */
static void
pdf_table(struct pdf_ctx *c, const struct doc_table *t, size_t parent)
{
	struct layout_text *cells = xcalloc(t->ncols, sizeof(*cells));
	size_t *td = xcalloc(t->ncols, sizeof(*td)), i, r, table, body;
	struct pdf_tab tab;

	if (c->page == NULL)
		pdf_new_page(c);
	pdf_tab_init(c, t, &tab);
	table = pdf_elem(c, parent, "Table");
	tab.th = xcalloc(t->ncols, sizeof(*tab.th));
	pdf_tab_row_elems(c, pdf_elem(c, table, "THead"), "TH", t->ncols, tab.th);
	body = t->nrows > 0 ? pdf_elem(c, table, "TBody") : table;
	for (r = 0; r < t->nrows || r == 0; r++) {
		const struct doc_row *row = r < t->nrows ? &t->rows[r] : NULL;

		pdf_tab_cells(c, t, &tab, r, cells);
		if (r == 0) {
			if (!c->fresh && c->y - pdf_tab_first(t, &tab, cells) < c->ybot)
				pdf_tab_newpage(c, &tab);
			else
				pdf_tab_head(c, &tab);
		}
		if (row != NULL) {
			pdf_tab_row_elems(c, body, "TD", t->ncols, td);
			pdf_tab_row(c, &tab, cells, row->cells, row->emph, td);
		}
		for (i = 0; i < t->ncols; i++)
			layout_free(&cells[i]);
	}
	free(tab.th);
	pdf_tab_free(&tab);
	free(td);
	free(cells);
}

/* The column widths and the two cells of a key/value pair on the current page. */
static void
pdf_kv_cells(struct pdf_ctx *c, const struct doc_block *b, double colw[2],
    struct layout_text cells[2])
{
	double w = c->x1 - c->x0;

	colw[0] = w * 0.32;
	colw[1] = w - colw[0];
	pdf_text(c, &cells[0], b->text, 0, 1, PDF_TABLE + 0.5, colw[0] - 2 * PDF_TABLE_PADX);
	pdf_text(c, &cells[1], b->text2, 0, 0, PDF_TABLE + 0.5, colw[1] - 2 * PDF_TABLE_PADX);
}

/* The height of a key/value pair, which never splits unless taller than a page. */
static double
pdf_kv_height(struct pdf_ctx *c, const struct doc_block *b)
{
	struct layout_text cells[2];
	double colw[2], h;

	pdf_kv_cells(c, b, colw, cells);
	h = pdf_cells_lines(cells, 2) * PDF_TABLE_LEAD + 2 * PDF_TABLE_PADY;
	layout_free(&cells[0]);
	layout_free(&cells[1]);
	return h;
}

/* A key/value pair: an item of the list c->list, its key the label, its value the body. */
static void
pdf_kv(struct pdf_ctx *c, const struct doc_block *b)
{
	struct layout_text cells[2];
	struct pdf_tab tab;
	double colw[2];
	size_t li = pdf_elem(c, c->list, "LI"), own[2];

	own[0] = pdf_elem(c, li, "Lbl");
	own[1] = pdf_elem(c, li, "LBody");
	if (c->page == NULL)
		pdf_new_page(c);
	memset(&tab, 0, sizeof(tab));
	tab.n = 2;
	tab.colw = colw;
	pdf_kv_cells(c, b, colw, cells);
	pdf_tab_row(c, &tab, cells, NULL, 0, own);
	layout_free(&cells[0]);
	layout_free(&cells[1]);
}

/* ---- Headings, cover, charts. ---- */

/* How a heading of a level is set: type size, line height, the space before and after
 * it, and what the rule under a chapter heading adds. */
struct pdf_head {
	double	 size, lead, before, after, rule;
};

static void
pdf_head_of(int level, struct pdf_head *h)
{
	h->size = level == 1 ? 16.0 : level == 2 ? 13.0 : 11.0;
	h->lead = h->size * 1.3;
	h->before = level == 1 ? 22 : level == 2 ? 16 : 11;
	h->after = level == 1 ? 10 : level == 2 ? 6 : 4;
	h->rule = level == 1 ? 5 : 0;
}

/* The outline entry of a heading; its destination is a direct array (no object of its
 * own). */
static void
pdf_outline(struct pdf_ctx *c, int level, const char *text, double top)
{
	HPDF_Outline parent = level == 1 ? NULL : c->h1, o;
	HPDF_Array dst;
	struct buf title;
	const char *p;

	buf_init(&title);
	if (pdf_docenc(&title, text))
		o = HPDF_CreateOutline(c->pdf, parent, title.data == NULL ? "" : title.data,
		    NULL);
	else {
		buf_reset(&title);
		for (p = text; *p != '\0'; p++)
			buf_putc(&title, *p == '\n' || *p == '\t' ? ' ' : *p);
		o = HPDF_CreateOutline(c->pdf, parent, title.data == NULL ? "" : title.data,
		    HPDF_GetEncoder(c->pdf, "UTF-8"));
	}
	buf_free(&title);
	if (o == NULL)
		return;
	dst = HPDF_Array_New(c->pdf->mmgr);
	if (dst != NULL) {
		HPDF_Array_Add(dst, c->page);
		HPDF_Array_AddName(dst, "FitH");
		HPDF_Array_AddReal(dst, pdf_q(top));
		HPDF_Dict_Add(o, "Dest", dst);
	}
	/* libharu gives every item the /Type of the outline root; items have none. */
	HPDF_Dict_RemoveElement(o, "Type");
	HPDF_Outline_SetOpened(o, HPDF_TRUE);
	if (level == 1)
		c->h1 = o;
}

/* A heading (or the title of a table of contents, set as a chapter heading), H1-H3 by
 * its level. Whether it starts a new page to stay with what follows it was decided
 * before (pdf_keep_with). */
static void
pdf_heading(struct pdf_ctx *c, const struct doc_block *b)
{
	static const char *const type[] = { "H1", "H2", "H3" };
	struct pdf_head hd;
	struct layout_text t;
	double top;
	size_t i;

	pdf_head_of(b->level, &hd);
	if (c->page == NULL)
		pdf_new_page(c);
	pdf_text(c, &t, b->text, 0, 1, hd.size, c->x1 - c->x0);
	pdf_gap(c, hd.before);
	pdf_room(c, (double)t.nlines * hd.lead + hd.rule);
	top = c->y;
	pdf_own(c, pdf_elem(c, pdf_tag_root(c->tag),
	    type[b->level < 1 ? 0 : b->level > 3 ? 2 : b->level - 1]));
	for (i = 0; i < t.nlines; i++) {
		pdf_draw_line(c, &t, i, c->x0, c->x1 - c->x0, DOC_LEFT,
		    pdf_baseline(c->y, hd.size, hd.lead),
		    b->level == 1 ? pdf_accent_rgb : pdf_text_rgb);
		c->y -= hd.lead;
	}
	pdf_own(c, PDF_TAG_NONE);
	if (b->level == 1) {
		c->y -= 3;
		pdf_hline(c, pdf_rule_rgb, 0.6, c->x0, c->x1, c->y);
		c->y -= 2;
	}
	if (b->level <= 2)
		pdf_outline(c, b->level, b->text, top + 4);
	c->anchor[c->cur].page = c->npages;
	c->anchor[c->cur].top = top + 4;
	c->fresh = 0;
	c->y -= hd.after;
	layout_free(&t);
}

/* Draws text lines from the cursor down; returns nothing, moves the cursor. */
static void
pdf_lines_at(struct pdf_ctx *c, const char *s, int bold, double size, double lead,
    struct pdf_rgb rgb)
{
	struct layout_text t;
	size_t i;

	pdf_text(c, &t, s, 0, bold, size, c->x1 - c->x0);
	for (i = 0; i < t.nlines; i++) {
		pdf_draw_line(c, &t, i, c->x0, c->x1 - c->x0, DOC_LEFT,
		    pdf_baseline(c->y, size, lead), rgb);
		c->y -= lead;
	}
	layout_free(&t);
}

/* A line of the cover as a paragraph of its own (nothing for an empty line). */
static void
pdf_cover_line(struct pdf_ctx *c, const char *s, int bold, double size, double lead,
    struct pdf_rgb rgb)
{
	if (s == NULL || *s == '\0')
		return;
	pdf_own(c, pdf_elem(c, pdf_tag_root(c->tag), "P"));
	pdf_lines_at(c, s, bold, size, lead, rgb);
	pdf_own(c, PDF_TAG_NONE);
}

/* The cover: each line a paragraph; the accent bar and the rule are artifacts. */
static void
pdf_cover(struct pdf_ctx *c, const struct doc_block *b)
{
	c->page = NULL;
	c->cover = 1;
	pdf_new_page(c);
	c->cover = 0;
	pdf_mark(c);
	c->y = c->ph - 190;
	pdf_rect(c, pdf_accent_rgb, c->x0, c->y, 56, 4);
	c->y -= 22;
	pdf_cover_line(c, b->cover[0], 1, 26, 32, pdf_text_rgb);
	c->y -= 6;
	pdf_cover_line(c, b->cover[1], 0, 14, 19, pdf_muted_rgb);
	c->y -= 44;
	pdf_cover_line(c, b->cover[2], 1, 20, 25, pdf_accent_rgb);
	pdf_cover_line(c, b->cover[3], 0, 14, 19, pdf_text_rgb);
	c->y = c->ybot + 52;
	pdf_hline(c, pdf_rule_rgb, 0.6, c->x0, c->x1, c->y + 8);
	pdf_cover_line(c, b->cover[4], 1, 10, 14, pdf_text_rgb);
	pdf_cover_line(c, b->cover[5], 0, 10, 14, pdf_muted_rgb);
	c->page = NULL;
}

/* The height a chart takes on the current page. */
static double
pdf_chart_height(const struct pdf_ctx *c, const struct doc_block *b)

{
	double h = b->height > 0 ? b->height : chart_height(b->chart, c->x1 - c->x0);

	return fmin(h, c->ytop - c->ybot);	/* a chart taller than a page is shrunk */
}

/* The chart's grid lines are artifacts within its figure (chart_marks). */
static void
pdf_chart_artifact(void *arg, int on)
{
	struct pdf_ctx *c = arg;

	pdf_own(c, on ? PDF_TAG_LAYOUT : c->figure);
	pdf_ready(c, 0);
}

static void
pdf_chart(struct pdf_ctx *c, const struct doc_block *b)
{
	struct chart_marks marks;
	double h;

	if (c->page == NULL)
		pdf_new_page(c);
	h = pdf_chart_height(c, b);
	pdf_room(c, h);
	pdf_ready(c, 0);
	marks.arg = c;
	marks.artifact = pdf_chart_artifact;
	c->figure = c->owner;
	chart_render_pdf(b->chart, c->pdf, c->page, c->font[0], c->font[1], c->x0, c->y - h,
	    c->x1 - c->x0, h, &c->ops, &marks);
	c->y -= h;
	c->fresh = 0;
}

/* Space after a block, by what follows it. */
static double
pdf_after(const struct doc_block *b, const struct doc_block *next)
{
	enum doc_kind nk = next == NULL ? DOC_BREAK : next->kind;

	switch (b->kind) {
	case DOC_BULLET:
		return nk == DOC_BULLET ? 3 : 8;
	case DOC_KV:
		return nk == DOC_KV ? 0 : 10;
	case DOC_TABLE:
	case DOC_CHART:
		return nk == DOC_SMALL ? 5 : 12;
	case DOC_SMALL:
		return nk == DOC_SMALL ? 2 : 8;
	case DOC_QUOTE:
		return 9;
	default:
		return 8;
	}
}

/* ---- Keep-with-next (doc_keeps): no page ends with a heading or an introduction. ---- */

static double pdf_start(struct pdf_ctx *, size_t);

/* The height block i takes on its page with the space after it: for headings and text,
 * the blocks that are kept with the next; any other block as pdf_start() says. */
static double
pdf_whole(struct pdf_ctx *c, size_t i)
{
	const struct doc_block *b = &c->doc->blocks[i];
	const struct doc_block *next = i + 1 < c->doc->nblocks ? b + 1 : NULL;
	struct pdf_style st;
	struct pdf_head hd;
	struct layout_text t;
	double h;

	if (b->kind == DOC_HEADING) {
		pdf_head_of(b->level, &hd);
		pdf_text(c, &t, b->text, 0, 1, hd.size, c->x1 - c->x0);
		h = hd.before + (double)t.nlines * hd.lead + hd.rule + hd.after;
		layout_free(&t);
		return h;
	}
	if (pdf_style_of(b, &st))
		return (double)pdf_style_lines(c, b->text, &st) * st.lead + pdf_after(b, next);
	return pdf_start(c, i);
}

/* The least of block i that must be on a page for the block to start there: two lines
 * of text (one when it has one), a table's header with its first row, a whole chart, a
 * whole key/value pair, a whole heading. A quote of one or two lines with a source
 * brings the source's first line too, as drawing it does (DOC_QUOTE in pdf_block). */
static double
pdf_start(struct pdf_ctx *c, size_t i)
{
	const struct doc_block *b = &c->doc->blocks[i];
	struct pdf_style st;
	size_t n;

	if (pdf_style_of(b, &st)) {
		n = pdf_style_lines(c, b->text, &st);
		if (b->kind == DOC_QUOTE && n <= 2 && b->text2 != NULL && b->text2[0] != '\0')
			return (double)n * st.lead + 2 + PDF_SMALL_LEAD;
		return (double)(n < 2 ? n : 2) * st.lead;
	}
	switch (b->kind) {
	case DOC_HEADING:
		return pdf_whole(c, i);
	case DOC_TABLE:
		return pdf_table_start(c, b->table);
	case DOC_CHART:
		return pdf_chart_height(c, b);
	case DOC_KV:
		return pdf_kv_height(c, b);
	default:
		return 0;
	}
}

/* Whether block i goes with the start of the next one: a lead-in only when it is at most
 * three lines (a longer paragraph is text in its own right). */
static int
pdf_keeps(struct pdf_ctx *c, size_t i)
{
	const struct doc_block *b = &c->doc->blocks[i];
	struct pdf_style st;

	if (i + 1 >= c->doc->nblocks || c->keep[i] == DOC_KEEP_NONE)
		return 0;
	if (c->keep[i] == DOC_KEEP_NEXT)
		return 1;
	return pdf_style_of(b, &st) && pdf_style_lines(c, b->text, &st) <= 3;
}

/*
 * The room block i needs below the cursor, and in *last the block whose start that
 * includes: block i and the blocks kept with it whole, then the start of the first block
 * not kept. A chain taller than a page is cut short: block i, the headings right after
 * it, and the start of the block after those. 0 when block i is not kept with the next,
 * or even the short chain is taller than a page.
 */
static double
pdf_keep_room(struct pdf_ctx *c, size_t i, size_t *last)
{
	double page = c->ytop - c->ybot, need = 0;
	size_t j, n = c->doc->nblocks;

	for (j = i; need <= page && pdf_keeps(c, j); j++)
		need += pdf_whole(c, j);
	if (j == i)
		return 0;
	if (need <= page && (need += pdf_start(c, j)) <= page) {
		*last = j;
		return need;
	}
	need = 0;
	j = i;
	do
		need += pdf_whole(c, j++);
	while (j < n && c->doc->blocks[j].kind == DOC_HEADING);
	if (j < n)
		need += pdf_start(c, j);
	*last = j < n ? j : n - 1;
	return need <= page ? need : 0;
}

/*
 * Starts a new page before block i when the page has no room for the chain it heads
 * (pdf_keep_room). The blocks of a chain that was judged whole are not judged again: a
 * later one could otherwise move alone and leave the head of its chain behind.
 */
static void
pdf_keep_with(struct pdf_ctx *c, size_t i)
{
	size_t last = i;
	double need;

	if (i < c->kept_until)
		return;
	need = pdf_keep_room(c, i, &last);
	if (need == 0)
		return;
	c->kept_until = last + 1;
	if (c->page != NULL && !c->fresh && c->y - need < c->ybot)
		c->page = NULL;
}

/* ---- Table of contents. ---- */

#define PDF_TOC_NUMW	24.0	/* the column of page numbers */
#define PDF_TOC_INDENT	18.0	/* sections under their chapter */

/* The entry of heading j: its text (chapters bold, sections indented), whole on one
 * page; a TOCI of toc holding a Link, which its text, page number and link belong to. */
static void
pdf_toc_entry(struct pdf_ctx *c, size_t j, size_t toc)
{
	const struct doc_block *h = &c->doc->blocks[j];
	int bold = h->level == 1;
	double x = c->x0 + (bold ? 0 : PDF_TOC_INDENT), w = c->x1 - PDF_TOC_NUMW - 10 - x;
	struct layout_text t;
	struct pdf_tocline *l;
	size_t k;

	pdf_text(c, &t, h->text, 0, bold, PDF_BODY, w);
	if (bold)
		pdf_gap(c, 5);
	pdf_room(c, (double)t.nlines * PDF_BODY_LEAD);
	c->toc = xgrow(c->toc, &c->captoc, c->ntoc, sizeof(*c->toc));
	l = &c->toc[c->ntoc++];
	l->block = j;
	l->page = c->npages;
	l->x = x;
	l->top = c->y;
	l->bold = bold;
	l->link = pdf_elem(c, pdf_elem(c, toc, "TOCI"), "Link");
	pdf_own(c, l->link);
	for (k = 0; k < t.nlines; k++) {
		l->base = pdf_baseline(c->y, PDF_BODY, PDF_BODY_LEAD);
		pdf_draw_line(c, &t, k, x, w, DOC_LEFT, l->base, pdf_text_rgb);
		c->y -= PDF_BODY_LEAD;
	}
	l->bottom = c->y;
	l->dots = x + (t.nlines > 0 ? t.lines[t.nlines - 1].w : 0) + 4;
	/* A space between the entry and its page number, for reading: "3.1 Forankring 4". */
	if (t.nlines > 0 && c->tag != NULL) {
		pdf_ready(c, 1);
		HPDF_Page_TextOut(c->page, pdf_q(l->dots - 4), pdf_q(l->base), " ");
	}
	pdf_own(c, PDF_TAG_NONE);
	c->fresh = 0;
	layout_free(&t);
}

/* The contents on pages of their own: the title as a chapter heading, then an entry for
 * every heading doc_toc_lists() names. Page numbers come at the end (pdf_toc_finish). */
static void
pdf_toc(struct pdf_ctx *c, const struct doc_block *b)
{
	size_t j, toc;

	if (c->page != NULL && !c->fresh)
		c->page = NULL;
	pdf_heading(c, b);
	toc = pdf_elem(c, pdf_tag_root(c->tag), "TOC");
	for (j = 0; j < c->doc->nblocks; j++)
		if (doc_toc_lists(&c->doc->blocks[j]))
			pdf_toc_entry(c, j, toc);
	c->page = NULL;
}

/*
 * Dot leaders from the end of each entry of a contents page to the column of page
 * numbers, as one dashed path: each line starts at its right end, so that the dots of
 * every entry stand in the same columns. Graphics, not text: they are not read out.
 */
static void
pdf_toc_leaders(struct pdf_ctx *c, size_t from, size_t to)
{
	static const HPDF_UINT16 dots[2] = { 1, 3 };
	double right = c->x1 - PDF_TOC_NUMW;
	size_t i;

	for (i = from; i < to && right - c->toc[i].dots < 6; i++)
		;
	if (i == to)
		return;		/* no room for leaders anywhere: no path to stroke */
	pdf_own(c, PDF_TAG_LAYOUT);
	pdf_ready(c, 0);
	HPDF_Page_GSave(c->page);
	HPDF_Page_SetDash(c->page, dots, 2, 0);
	pdf_set_stroke(c->page, pdf_muted_rgb);
	pdf_set_width(c->page, 0.8);
	for (i = from; i < to; i++) {
		if (right - c->toc[i].dots < 6)
			continue;
		HPDF_Page_MoveTo(c->page, pdf_q(right), pdf_q(c->toc[i].base + 0.5));
		HPDF_Page_LineTo(c->page, pdf_q(c->toc[i].dots), pdf_q(c->toc[i].base + 0.5));
	}
	HPDF_Page_Stroke(c->page);
	HPDF_Page_GRestore(c->page);
	pdf_own(c, PDF_TAG_NONE);
}

/* A link over an entry to where its heading is, as its outline entry has it: an
 * annotation without a border or the optional /Type, its box in whole points, its
 * destination a direct array (every byte counts: a report has a budget); its /Contents
 * the heading, for screen readers, and tied to the entry's Link element. */
static void
pdf_toc_link(struct pdf_ctx *c, const struct pdf_tocline *l, const struct pdf_anchor *a)
{
	HPDF_Rect r = { (HPDF_REAL)floor(l->x), (HPDF_REAL)floor(l->bottom),
	    (HPDF_REAL)ceil(c->x1), (HPDF_REAL)ceil(l->top) };
	HPDF_Annotation an = HPDF_Annotation_New(c->pdf->mmgr, c->pdf->xref, HPDF_ANNOT_LINK,
	    r);
	HPDF_Array annots, dst;

	if (an == NULL)
		return;
	HPDF_Dict_RemoveElement(an, "Type");
	HPDF_Dict_AddNumber(an, "F", 4);	/* printed (PDF/A: annotations print) */
	HPDF_LinkAnnot_SetBorderStyle(an, 0, 0, 0);
	dst = HPDF_Array_New(c->pdf->mmgr);
	if (dst != NULL) {
		HPDF_Array_Add(dst, c->pages[a->page - 1]);
		HPDF_Array_AddName(dst, "FitH");
		HPDF_Array_AddReal(dst, pdf_q(a->top));
		HPDF_Dict_Add(an, "Dest", dst);
	}
	annots = HPDF_Dict_GetItem(c->page, "Annots", HPDF_OCLASS_ARRAY);
	if (annots == NULL) {
		annots = HPDF_Array_New(c->pdf->mmgr);
		if (annots == NULL || HPDF_Dict_Add(c->page, "Annots", annots) != HPDF_OK)
			return;
	}
	HPDF_Array_Add(annots, an);
	if (c->tag != NULL) {
		HPDF_Dict_Add(an, "Contents", pdf_text_string(c->pdf, c->doc->blocks[l->block].text));
		pdf_tag_annot(c->tag, l->link, c->pageidx, an);
	}
}

/* The leaders, the page numbers (right-aligned) and the links of the contents, page by
 * page. */
static void
pdf_toc_finish(struct pdf_ctx *c)
{
	struct layout_text t;
	char num[24];
	size_t i, j;

	for (i = 0; i < c->ntoc; i++) {
		const struct pdf_tocline *l = &c->toc[i];
		const struct pdf_anchor *a = &c->anchor[l->block];

		if (i == 0 || l->page != c->toc[i - 1].page) {
			pdf_goto_page(c, l->page - 1);
			for (j = i; j < c->ntoc && c->toc[j].page == l->page; j++)
				;
			pdf_toc_leaders(c, i, j);
		}
		if (a->page == 0)
			continue;
		snprintf(num, sizeof(num), "%zu", a->page);
		pdf_text(c, &t, num, 0, l->bold, PDF_BODY, PDF_TOC_NUMW);
		pdf_own(c, l->link);
		if (t.nlines > 0)
			pdf_draw_line(c, &t, 0, c->x1 - PDF_TOC_NUMW, PDF_TOC_NUMW, DOC_RIGHT,
			    l->base, pdf_text_rgb);
		pdf_own(c, PDF_TAG_NONE);
		layout_free(&t);
		pdf_toc_link(c, l, a);
	}
}

/* ---- Blocks. ---- */

static void
pdf_block(struct pdf_ctx *c, const struct doc_block *b, const struct doc_block *next)
{
	size_t root = pdf_tag_root(c->tag), e, label = PDF_TAG_NONE;
	struct pdf_style st;

	pdf_keep_with(c, c->cur);
	/* Consecutive bullets, and consecutive key/value pairs, are the items of one L. */
	if ((b->kind != DOC_BULLET && b->kind != DOC_KV) || (c->list != PDF_TAG_NONE &&
	    (b - 1)->kind != b->kind))
		c->list = PDF_TAG_NONE;
	if ((b->kind == DOC_BULLET || b->kind == DOC_KV) && c->list == PDF_TAG_NONE)
		c->list = pdf_elem(c, root, "L");
	switch (b->kind) {
	case DOC_COVER:
		pdf_cover(c, b);
		return;
	case DOC_HEADING:
		pdf_heading(c, b);
		return;
	case DOC_TOC:
		pdf_toc(c, b);
		return;
	case DOC_BULLET:
		e = pdf_elem(c, c->list, "LI");
		label = pdf_elem(c, e, "Lbl");
		pdf_own(c, pdf_elem(c, e, "LBody"));
		pdf_style_of(b, &st);
		pdf_block_text(c, b->text, &st, label);
		break;
	case DOC_PARA:
	case DOC_SMALL:
		pdf_own(c, pdf_elem(c, root, "P"));
		pdf_style_of(b, &st);
		pdf_block_text(c, b->text, &st, label);
		break;
	case DOC_QUOTE:
		/* An answer as written: a BlockQuote, with its source as a P inside it. */
		e = pdf_elem(c, root, "BlockQuote");
		if (c->tag != NULL && b->lang != NULL && strcmp(b->lang, c->doc->lang) != 0)
			pdf_tag_lang(c->tag, e, b->lang);
		pdf_own(c, e);
		pdf_style_of(b, &st);
		/* The source's first line stays on the page of the answer's last line. */
		pdf_block_text_tail(c, b->text, &st, label, b->text2 != NULL &&
		    b->text2[0] != '\0' ? 2 + PDF_SMALL_LEAD : 0);
		if (b->text2 != NULL && b->text2[0] != '\0') {
			pdf_gap(c, 2);
			st.size = PDF_SMALL;
			st.lead = PDF_SMALL_LEAD;
			st.rgb = pdf_muted_rgb;
			st.rule_x = 0;
			pdf_own(c, pdf_elem(c, e, "P"));
			pdf_block_text(c, b->text2, &st, label);
		}
		break;
	case DOC_TABLE:
		pdf_table(c, b->table, root);
		break;
	case DOC_CHART:
		/* A figure: its text is what the chart shows, said in words (doc_chart_alt). */
		e = pdf_elem(c, root, "Figure");
		if (c->tag != NULL)
			pdf_tag_alt(c->tag, e, b->text != NULL ? b->text : "");
		pdf_own(c, e);
		pdf_chart(c, b);
		break;
	case DOC_KV:
		pdf_kv(c, b);
		break;
	case DOC_BREAK:
		if (c->page != NULL && !c->fresh)
			c->page = NULL;
		return;
	case DOC_ORIENT:
		if (c->landscape != (b->level == DOC_LANDSCAPE)) {
			c->landscape = b->level == DOC_LANDSCAPE;
			c->page = NULL;
			pdf_geom(c);
		}
		return;
	default:
		return;
	}
	pdf_own(c, PDF_TAG_NONE);
	pdf_gap(c, pdf_after(b, next));
}

/* ---- Header, footer, document. ---- */

/* The footer label: first %d the page, second the count, %% a percent sign. */
static void
pdf_label(struct buf *out, const char *fmt, size_t page, size_t count)
{
	int nth = 0;

	for (; *fmt != '\0'; fmt++) {
		if (fmt[0] == '%' && fmt[1] == 'd' && nth < 2) {
			buf_printf(out, "%zu", nth++ == 0 ? page : count);
			fmt++;
		} else if (fmt[0] == '%' && fmt[1] == '%') {
			buf_putc(out, '%');
			fmt++;
		} else
			buf_putc(out, *fmt);
	}
}

static void
pdf_decorate(struct pdf_ctx *c, size_t i)
{
	struct layout_text t;
	struct buf label;
	double pw, ph, w;

	pdf_goto_page(c, i);
	pdf_own(c, PDF_TAG_PAGINATION);
	pw = HPDF_Page_GetWidth(c->page);
	ph = HPDF_Page_GetHeight(c->page);
	w = pw - 2 * PDF_MARGIN_X;
	if (c->doc->header[0] != '\0') {
		pdf_text(c, &t, c->doc->header, 0, 0, PDF_MARK_SIZE, w);
		if (t.nlines > 0)
			pdf_draw_line(c, &t, 0, PDF_MARGIN_X, w, DOC_LEFT, ph - PDF_HEADER_Y,
			    pdf_muted_rgb);
		layout_free(&t);
		pdf_hline(c, pdf_rule_rgb, 0.5, PDF_MARGIN_X, pw - PDF_MARGIN_X,
		    ph - PDF_HEADER_Y - 6);
	}
	buf_init(&label);
	pdf_label(&label, c->doc->page_label, i + 1, c->npages);
	pdf_text(c, &t, label.data == NULL ? "" : label.data, 0, 0, PDF_MARK_SIZE, w);
	if (t.nlines > 0)
		pdf_draw_line(c, &t, 0, PDF_MARGIN_X, w, DOC_RIGHT, PDF_FOOTER_Y, pdf_muted_rgb);
	layout_free(&t);
	buf_free(&label);
	pdf_own(c, PDF_TAG_NONE);
}

/* Closes the page's marked content and text object and drops the /ProcSet libharu puts
 * in every page's resources: obsolete since PDF 1.4 and ignored by readers, 50 bytes a
 * page. */
static void
pdf_page_done(struct pdf_ctx *c, size_t i)
{
	HPDF_Dict res;

	pdf_goto_page(c, i);
	pdf_own(c, PDF_TAG_NONE);
	pdf_ready(c, 0);
	res = HPDF_Dict_GetItem(c->page, "Resources", HPDF_OCLASS_DICT);
	if (res != NULL)
		HPDF_Dict_RemoveElement(res, "ProcSet");
}

/* A document information entry; as a literal string when Latin-1 allows (pdf_docenc). */
static void
pdf_info_attr(struct pdf_ctx *c, HPDF_InfoType type, const char *key, const char *value)
{
	struct buf b;
	HPDF_String s;

	if (value == NULL)
		return;
	HPDF_SetInfoAttr(c->pdf, type, value);
	buf_init(&b);
	if (c->pdf->info != NULL && pdf_docenc(&b, value)) {
		s = HPDF_String_New(c->pdf->mmgr, b.data == NULL ? "" : b.data, NULL);
		if (s != NULL)
			HPDF_Dict_Add(c->pdf->info, key, s);
	}
	buf_free(&b);
}

static void
pdf_info(struct pdf_ctx *c)
{
	const struct doc *d = c->doc;
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	HPDF_Dict vp;

	pdf_info_attr(c, HPDF_INFO_TITLE, "Title", d->title);
	pdf_info_attr(c, HPDF_INFO_SUBJECT, "Subject", d->subject);
	pdf_info_attr(c, HPDF_INFO_AUTHOR, "Author", d->author);
	pdf_info_attr(c, HPDF_INFO_CREATOR, "Creator", "ipkval");
	pdf_info_attr(c, HPDF_INFO_KEYWORDS, "Keywords", d->keywords);
	HPDF_Dict_Add(c->pdf->catalog, "Lang", HPDF_String_New(c->pdf->mmgr, d->lang, NULL));
	vp = HPDF_Dict_New(c->pdf->mmgr);
	if (vp != NULL) {
		HPDF_Dict_AddBoolean(vp, "DisplayDocTitle", HPDF_TRUE);
		HPDF_Dict_Add(c->pdf->catalog, "ViewerPreferences", vp);
	}
	if (sde != NULL && *sde != '\0') {
		char *end;
		long long t = strtoll(sde, &end, 10);
		time_t tt = (time_t)t;
		struct tm tm;

		if (*end == '\0' && t >= 0 && gmtime_r(&tt, &tm) != NULL) {
			HPDF_Date date;

			memset(&date, 0, sizeof(date));
			date.year = tm.tm_year + 1900;
			date.month = tm.tm_mon + 1;
			date.day = tm.tm_mday;
			date.hour = tm.tm_hour;
			date.minutes = tm.tm_min;
			date.seconds = tm.tm_sec;
			date.ind = '+';
			HPDF_SetInfoDateAttr(c->pdf, HPDF_INFO_CREATION_DATE, date);
			strftime(c->created, sizeof(c->created), "%Y-%m-%dT%H:%M:%S+00:00",
			    &tm);
		}
	}
}

/*
 * libharu 2.3 gives a Type0 font with the UTF-8 encoder an "Identity-H" CMap with a
 * begincidrange as its ToUnicode map, which readers reject. There the character codes in
 * the page streams are the Unicode values (U+0000 to U+FFFF; its CIDToGIDMap turns them into
 * glyphs), so the right map is the identity over the characters the font has: this
 * rewrites the font's ToUnicode stream in place with bfrange and bfchar entries for every
 * code point in the face's cmap (runs within one high byte become one range). The map
 * depends only on the font file. Returns 0, or -1 when the font has no such stream.
 */
static void
pdf_cmap_flush(struct buf *b, const char *kind, const struct buf *lines, int n)
{
	if (n == 0)
		return;
	buf_printf(b, "%d begin%s\n", n, kind);
	buf_put(b, lines->data, lines->len);
	buf_printf(b, "end%s\n", kind);
}

static void
pdf_cmap_body(struct buf *b, FT_Face face)
{
	struct buf ranges, chars;
	int nr = 0, nc = 0;
	FT_UInt gi;
	FT_ULong cp = FT_Get_First_Char(face, &gi), lo, hi;

	buf_init(&ranges);
	buf_init(&chars);
	while (gi != 0 && cp <= 0xFFFF) {
		lo = hi = cp;
		for (;;) {
			cp = FT_Get_Next_Char(face, cp, &gi);
			if (gi == 0 || cp != hi + 1 || (cp >> 8) != (lo >> 8) || cp > 0xFFFF)
				break;
			hi = cp;
		}
		if (lo == hi)
			buf_printf(&chars, "<%04lX> <%04lX>\n", lo, lo);
		else
			buf_printf(&ranges, "<%04lX> <%04lX> <%04lX>\n", lo, hi, lo);
		if (lo == hi && ++nc == 100) {
			pdf_cmap_flush(b, "bfchar", &chars, nc);
			buf_reset(&chars);
			nc = 0;
		} else if (lo != hi && ++nr == 100) {
			pdf_cmap_flush(b, "bfrange", &ranges, nr);
			buf_reset(&ranges);
			nr = 0;
		}
	}
	pdf_cmap_flush(b, "bfrange", &ranges, nr);
	pdf_cmap_flush(b, "bfchar", &chars, nc);
	buf_free(&ranges);
	buf_free(&chars);
}

static int
pdf_tounicode(HPDF_Font font, FT_Face face)
{
	static const char *const drop[] = { "Type", "CMapName", "CIDSystemInfo", "WMode" };
	HPDF_Dict cmap = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
	struct buf b;
	size_t i;
	int rc;

	if (cmap == NULL || cmap->stream == NULL)
		return -1;
	for (i = 0; i < sizeof(drop) / sizeof(drop[0]); i++)
		HPDF_Dict_RemoveElement(cmap, drop[i]);
	buf_init(&b);
	buf_puts(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	pdf_cmap_body(&b, face);
	buf_puts(&b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	HPDF_MemStream_FreeData(cmap->stream);
	rc = HPDF_Stream_Write(cmap->stream, (const HPDF_BYTE *)b.data, (HPDF_UINT)b.len) ==
	    HPDF_OK ? 0 : -1;
	cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	buf_free(&b);
	return rc;
}

/*
 * libharu 2.3 writes the widths (/W, an uncompressed array) and the CIDToGIDMap of every
 * character of the font, whether used or not. Before saving, both are rebuilt for the
 * characters whose glyphs libharu marked as used (it marks every glyph it measured or
 * showed): the codes are Unicode values, the glyph ids those of FreeType on the same file,
 * the widths libharu's own (advance * 1000 / units per em, truncated). The map ends at the
 * last used code; readers take codes past its end as glyph 0. The same codes make the
 * font's CIDSet, which PDF/A wants for a subset font (pdf_a_font). Returns 0 or -1.
 */
static int
pdf_trim_font(struct pdf_ctx *c, int i)
{
	HPDF_FontAttr fa = c->font[i]->attr;
	HPDF_TTFontDefAttr ta = fa->fontdef->attr;
	HPDF_Dict cid = fa->descendant_font, map;
	HPDF_Array w, run = NULL;
	unsigned char *gmap, *cidset;
	size_t last = 0;
	FT_ULong cp, prev = 0;
	FT_UInt gi;
	int rc = 0;

	map = cid == NULL ? NULL : HPDF_Dict_GetItem(cid, "CIDToGIDMap", HPDF_OCLASS_DICT);
	w = HPDF_Array_New(c->pdf->mmgr);
	if (map == NULL || map->stream == NULL || w == NULL || ta->glyph_tbl.flgs == NULL ||
	    ta->h_metric == NULL || ta->header.units_per_em == 0)
		return -1;
	gmap = xcalloc(0x10000, 2);
	cidset = xcalloc(0x10000 / 8, 1);
	for (cp = FT_Get_First_Char(c->face[i], &gi); gi != 0 && cp <= 0xFFFF;
	    cp = FT_Get_Next_Char(c->face[i], cp, &gi)) {
		if (gi >= ta->num_glyphs || !ta->glyph_tbl.flgs[gi])
			continue;
		if (run == NULL || cp != prev + 1) {
			rc |= HPDF_Array_AddNumber(w, (HPDF_INT32)cp);
			run = HPDF_Array_New(c->pdf->mmgr);
			if (run == NULL || HPDF_Array_Add(w, run) != HPDF_OK) {
				rc = -1;
				break;
			}
		}
		rc |= HPDF_Array_AddNumber(run, (HPDF_INT32)((HPDF_UINT)
		    ta->h_metric[gi].advance_width * 1000 / ta->header.units_per_em));
		gmap[2 * cp] = (unsigned char)(gi >> 8);
		gmap[2 * cp + 1] = (unsigned char)(gi & 0xff);
		cidset[cp / 8] |= (unsigned char)(0x80 >> (cp % 8));
		last = cp;
		prev = cp;
	}
	if (rc == 0 && HPDF_Dict_Add(cid, "W", w) == HPDF_OK) {
		HPDF_MemStream_FreeData(map->stream);
		rc = HPDF_Stream_Write(map->stream, gmap, (HPDF_UINT)(2 * last + 2)) ==
		    HPDF_OK ? 0 : -1;
		if (rc == 0)
			rc = pdf_a_font(c->pdf, c->font[i], cidset, last / 8 + 1);
	} else {
		HPDF_Obj_Free(c->pdf->mmgr, w);
		rc = -1;
	}
	free(gmap);
	free(cidset);
	return rc;
}

static int
pdf_fonts(struct pdf_ctx *c, const char *dir)
{
	const char *const *files = font_files;
	int i;

	if (FT_Init_FreeType(&c->ft) != 0) {
		c->ft = NULL;
		diag_msg(c->diag, DIAG_ERROR, c->name, 0, 0, "could not start FreeType");
		return -1;
	}
	for (i = 0; i < 2; i++) {
		char *path = xasprintf("%s/%s", dir, files[i]);
		const char *name;

		/* libharu trusts what it reads: a damaged font is refused before. */
		if (font_check(path, DIAG_ERROR, c->diag) == -1) {
			free(path);
			return -1;
		}
		name = HPDF_LoadTTFontFromFile(c->pdf, path, HPDF_TRUE);

		if (name != NULL)
			c->font[i] = HPDF_GetFont(c->pdf, name, "UTF-8");
		if (name == NULL || c->font[i] == NULL ||
		    FT_New_Face(c->ft, path, 0, &c->face[i]) != 0) {
			diag_msg(c->diag, DIAG_ERROR, c->name, 0, 0, "expected a TrueType "
			    "font in %s, found none that could be loaded", path);
			free(path);
			return -1;
		}
		free(path);
		if (pdf_tounicode(c->font[i], c->face[i]) == -1) {
			diag_msg(c->diag, DIAG_ERROR, c->name, 0, 0, "expected libharu to give "
			    "the font of %s/%s a ToUnicode map, found none", dir, files[i]);
			return -1;
		}
	}
	return 0;
}

static void
pdf_ctx_free(struct pdf_ctx *c)
{
	int i;

	for (i = 0; i < 2; i++)
		if (c->face[i] != NULL)
			FT_Done_Face(c->face[i]);
	if (c->ft != NULL)
		FT_Done_FreeType(c->ft);
	if (c->pdf != NULL)
		HPDF_Free(c->pdf);
	free(c->pages);
	free(c->decor);
	layout_lost_free(&c->lost);
	free(c->keep);
	free(c->anchor);
	free(c->toc);
	pdf_tag_free(c->tag);
	free(c->open);
	buf_free(&c->tmp);
}

/* Lays the whole document out; returns 0 or -1 (after a message). */
static int
pdf_render(struct pdf_ctx *c, const struct doc *d, const char *fonts_dir)
{
	HPDF_Encoder enc;
	size_t i;

	c->doc = d;
	buf_init(&c->tmp);
	for (i = 0; i < PDF_CACHED; i++)
		c->cw[0][i] = c->cw[1][i] = -1;
	memset(c->has, -1, sizeof(c->has));
	c->ops.arg = c;
	c->ops.width = pdf_ops_width;
	c->ops.has = pdf_ops_has;
	c->ops.lost = pdf_ops_lost;
	c->pdf = HPDF_NewEx(pdf_on_error, pdf_alloc, free, 0, c);
	if (c->pdf == NULL) {
		diag_msg(c->diag, DIAG_ERROR, c->name, 0, 0, "could not start libharu");
		return -1;
	}
	HPDF_SetCompressionMode(c->pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(c->pdf);
	HPDF_SetCurrentEncoder(c->pdf, "UTF-8");
	if ((enc = HPDF_GetEncoder(c->pdf, "UTF-8")) != NULL)
		enc->encode_text_fn = pdf_encode_utf8;
	if (pdf_fonts(c, fonts_dir) == -1)
		return -1;
	/* Written documents are tagged; a layout for page numbers only (pdf_paginate) is not. */
	c->owner = c->list = c->span = PDF_TAG_NONE;
	if (c->blocks == NULL)
		c->tag = pdf_tag_new(c->pdf, d->lang);
	pdf_geom(c);
	c->keep = xcalloc(d->nblocks + 1, sizeof(*c->keep));
	c->anchor = xcalloc(d->nblocks + 1, sizeof(*c->anchor));
	doc_keeps(d, c->keep);
	for (i = 0; i < d->nblocks && c->err == 0; i++) {
		c->cur = i;
		if (c->blocks != NULL)
			c->blocks[i].page_first = c->blocks[i].page_last = 0;
		pdf_block(c, &d->blocks[i], i + 1 < d->nblocks ? &d->blocks[i + 1] : NULL);
	}
	if (c->err != 0)
		return 0;	/* the caller says what libharu reported */
	if (c->npages == 0)
		pdf_new_page(c);
	pdf_toc_finish(c);

	for (i = 0; i < c->npages; i++)
		if (c->decor[i])
			pdf_decorate(c, i);
	for (i = 0; i < c->npages; i++)
		pdf_page_done(c, i);
	if (c->tag != NULL && pdf_tag_finish(c->tag) == -1) {
		diag_msg(c->diag, DIAG_ERROR, c->name, 0, 0, "could not make the PDF: the "
		    "structure tree could not be written");
		return -1;
	}
	if (c->h1 != NULL)
		HPDF_SetPageMode(c->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
	pdf_info(c);
	return 0;
}

/* PDF/A-1a (pdf_a.c): the metadata repeats the document information pdf_info() set. */
static int
pdf_archival(struct pdf_ctx *c)
{
	const struct doc *d = c->doc;
	struct pdf_a_info in = { d->title, d->subject, d->author, d->keywords, d->lang,
	    "ipkval", c->created[0] != '\0' ? c->created : NULL };

	return pdf_a_finish(c->pdf, &in, c->pages, c->npages);
}

static void
pdf_libharu_error(struct pdf_ctx *c)
{
	diag_msg(c->diag, DIAG_ERROR, c->name, 0, 0, "could not make the PDF: libharu "
	    "reported error 0x%04X (detail %u)", (unsigned)c->err, (unsigned)c->errdetail);
}

int
pdf_write(const struct doc *d, const char *path, const char *fonts_dir, struct diag *diag)
{
	struct pdf_ctx c;
	HPDF_UINT32 size;
	char *data = NULL;
	int rc = -1;

	memset(&c, 0, sizeof(c));
	c.diag = diag;
	c.name = path;
	if (pdf_render(&c, d, fonts_dir) == -1)
		goto out;
	if (c.err == 0 && (pdf_trim_font(&c, 0) == -1 || pdf_trim_font(&c, 1) == -1)) {
		diag_msg(diag, DIAG_ERROR, path, 0, 0, "could not make the PDF: the font "
		    "widths could not be written");
		goto out;
	}
	if (c.err == 0 && pdf_archival(&c) == -1) {
		diag_msg(diag, DIAG_ERROR, path, 0, 0, "could not make the PDF: the PDF/A "
		    "metadata could not be written");
		goto out;
	}
	if (c.err == 0 && pdf_deflate(c.pdf, PDF_DEFLATE_LEVEL) == -1) {
		diag_msg(diag, DIAG_ERROR, path, 0, 0, "could not make the PDF: its "
		    "streams could not be compressed");
		goto out;
	}
	if (c.err == 0 && HPDF_SaveToStream(c.pdf) == HPDF_OK && c.err == 0) {
		size = HPDF_GetStreamSize(c.pdf);
		data = xmalloc(size == 0 ? 1 : size);
		HPDF_ReadFromStream(c.pdf, (HPDF_BYTE *)data, &size);
		if (c.err == HPDF_STREAM_EOF)
			c.err = 0;
	}
	if (c.err != 0 || data == NULL) {
		pdf_libharu_error(&c);
		goto out;
	}
	if (write_file_atomic(path, data, size) == -1) {
		diag_msg(diag, DIAG_ERROR, path, 0, 0, "could not write the report: %s",
		    strerror(errno));
		goto out;
	}
	rc = 0;
out:
	free(data);
	pdf_ctx_free(&c);
	return rc;
}

int
pdf_paginate(struct doc *d, const char *fonts_dir, struct diag *diag)
{
	struct pdf_ctx c;
	int rc = -1;

	memset(&c, 0, sizeof(c));
	c.diag = diag;
	c.blocks = d->blocks;
	if (pdf_render(&c, d, fonts_dir) == 0 && c.err == 0)
		rc = (int)c.npages;
	else if (c.err != 0)
		pdf_libharu_error(&c);
	pdf_ctx_free(&c);
	return rc;
}
