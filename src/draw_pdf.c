/*
 * The libharu back end of the drawing interface (draw.h): vector paths and real text on a
 * PDF page, so that chart labels stay text that readers search and extract. Holds no
 * state beyond the caller's struct draw_pdf.
 *
 * Page streams are kept small: positions are rounded to 1/8 point (exact in binary, so
 * libharu prints "757.125" rather than "757.09003"; invisible at any print size), colour
 * components to three decimals (the same 8-bit colour); a path is recorded until it is
 * filled or stroked, so that only the state painting needs is written, and only when it
 * differs from libharu's own record of the graphics state; consecutive labels share one
 * text object; circles are four Bezier arcs.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "chart.h"
#include "draw.h"
#include "layout.h"
#include "util.h"

enum draw_pdf_kind {
	DRAW_PDF_MOVE,
	DRAW_PDF_LINE,
	DRAW_PDF_RECT,
	DRAW_PDF_CIRCLE
};

/* One recorded path element, in page coordinates: a point, a rectangle's corners
 * (x, y lower left, x2, y2 upper right) or a circle (centre x, y and radius x2). */
struct draw_pdf_op {
	enum draw_pdf_kind	 kind;
	double			 x, y, x2, y2;
};

/* A label waiting for draw_pdf_end: page coordinates of its start, its colour. */
struct draw_pdf_label {
	double		 x, y, size;
	HPDF_Font	 font;
	unsigned	 rgb;
	char		*s;
};

/* Kappa: control points at this fraction of the radius make a quarter circle. */
#define DRAW_PDF_KAPPA	0.5522847498

/* Paths of at least this many elements are written relative to their corner. */
#define DRAW_PDF_SHIFT_MIN	8

static HPDF_REAL
draw_pdf_q(double v)
{
	return (HPDF_REAL)(floor(v * 8 + 0.5) / 8);
}

static HPDF_REAL
draw_pdf_qc(unsigned v)
{
	return (HPDF_REAL)(floor(v / 255.0 * 1000 + 0.5) / 1000);
}

static void
draw_pdf_graphics_mode(HPDF_Page page)
{
	if (HPDF_Page_GetGMode(page) == HPDF_GMODE_TEXT_OBJECT)
		HPDF_Page_EndText(page);
}

static void
draw_pdf_add(struct draw_pdf *p, enum draw_pdf_kind kind, double x, double y, double x2,
    double y2)
{
	struct draw_pdf_op *op;

	p->ops = xgrow(p->ops, &p->capops, p->nops, sizeof(*p->ops));
	op = &p->ops[p->nops++];
	op->kind = kind;
	op->x = x;
	op->y = y;
	op->x2 = x2;
	op->y2 = y2;
}

static void
draw_pdf_move(void *ctx, double x, double y)
{
	struct draw_pdf *p = ctx;

	draw_pdf_add(p, DRAW_PDF_MOVE, p->x0 + x, p->top - y, 0, 0);
}

static void
draw_pdf_line(void *ctx, double x, double y)
{
	struct draw_pdf *p = ctx;

	if (p->nops == 0)
		return;
	draw_pdf_add(p, DRAW_PDF_LINE, p->x0 + x, p->top - y, 0, 0);
}

static void
draw_pdf_rect(void *ctx, double x, double y, double w, double h)
{
	struct draw_pdf *p = ctx;

	draw_pdf_add(p, DRAW_PDF_RECT, p->x0 + x, p->top - y - h, p->x0 + x + w, p->top - y);
}

static void
draw_pdf_circle(void *ctx, double x, double y, double r)
{
	struct draw_pdf *p = ctx;

	if (r > 0)
		draw_pdf_add(p, DRAW_PDF_CIRCLE, p->x0 + x, p->top - y, r, 0);
}

/* Four Bezier quarters, counter-clockwise from the rightmost point. */
static void
draw_pdf_write_circle(HPDF_Page page, double x, double y, double r)
{
	double k = r * DRAW_PDF_KAPPA;

	HPDF_Page_MoveTo(page, draw_pdf_q(x + r), draw_pdf_q(y));
	HPDF_Page_CurveTo(page, draw_pdf_q(x + r), draw_pdf_q(y + k), draw_pdf_q(x + k),
	    draw_pdf_q(y + r), draw_pdf_q(x), draw_pdf_q(y + r));
	HPDF_Page_CurveTo(page, draw_pdf_q(x - k), draw_pdf_q(y + r), draw_pdf_q(x - r),
	    draw_pdf_q(y + k), draw_pdf_q(x - r), draw_pdf_q(y));
	HPDF_Page_CurveTo(page, draw_pdf_q(x - r), draw_pdf_q(y - k), draw_pdf_q(x - k),
	    draw_pdf_q(y - r), draw_pdf_q(x), draw_pdf_q(y - r));
	HPDF_Page_CurveTo(page, draw_pdf_q(x + k), draw_pdf_q(y - r), draw_pdf_q(x + r),
	    draw_pdf_q(y - k), draw_pdf_q(x + r), draw_pdf_q(y));
	HPDF_Page_ClosePath(page);
}

/*
 * Writes the recorded path and forgets it. A long path of lines (hatching) is written
 * relative to its lower left corner under a translation, so that the same hatch in the
 * next bar repeats byte for byte and deflate stores it as a back reference. Returns 1
 * when it saved the graphics state for that: the caller restores it after painting.
 */
static int
draw_pdf_write_path(struct draw_pdf *p)
{
	HPDF_REAL ox = 0, oy = 0;
	int shift = p->nops >= DRAW_PDF_SHIFT_MIN;
	size_t i;

	for (i = 0; shift && i < p->nops; i++) {
		const struct draw_pdf_op *op = &p->ops[i];

		if (op->kind != DRAW_PDF_MOVE && op->kind != DRAW_PDF_LINE)
			shift = 0;
		else if (i == 0 || draw_pdf_q(op->x) < ox)
			ox = draw_pdf_q(op->x);
		if (shift && (i == 0 || draw_pdf_q(op->y) < oy))
			oy = draw_pdf_q(op->y);
	}
	if (shift) {
		HPDF_Page_GSave(p->page);
		HPDF_Page_Concat(p->page, 1, 0, 0, 1, ox, oy);
	} else
		ox = oy = 0;
	for (i = 0; i < p->nops; i++) {
		const struct draw_pdf_op *op = &p->ops[i];
		HPDF_REAL x = draw_pdf_q(op->x) - ox, y = draw_pdf_q(op->y) - oy;

		switch (op->kind) {
		case DRAW_PDF_MOVE:
			HPDF_Page_MoveTo(p->page, x, y);
			break;
		case DRAW_PDF_LINE:
			HPDF_Page_LineTo(p->page, x, y);
			break;
		case DRAW_PDF_RECT:
			HPDF_Page_Rectangle(p->page, x, y, draw_pdf_q(op->x2) - x,
			    draw_pdf_q(op->y2) - y);
			break;
		case DRAW_PDF_CIRCLE:
			draw_pdf_write_circle(p->page, op->x, op->y, op->x2);
			break;
		}
	}
	p->nops = 0;
	return shift;
}

static int
draw_pdf_same_rgb(HPDF_RGBColor a, HPDF_REAL r, HPDF_REAL g, HPDF_REAL b)
{
	return a.r == r && a.g == g && a.b == b;
}

static void
draw_pdf_fill_rgb(struct draw_pdf *p, unsigned rgb)
{
	HPDF_REAL r = draw_pdf_qc((rgb >> 16) & 0xff), g = draw_pdf_qc((rgb >> 8) & 0xff),
	    b = draw_pdf_qc(rgb & 0xff);

	if (HPDF_Page_GetFillingColorSpace(p->page) != HPDF_CS_DEVICE_RGB ||
	    !draw_pdf_same_rgb(HPDF_Page_GetRGBFill(p->page), r, g, b))
		HPDF_Page_SetRGBFill(p->page, r, g, b);
}

/* Stroke colour, width and dash as wanted, each written only when it changed. */
static void
draw_pdf_pen(struct draw_pdf *p)
{
	HPDF_REAL r = draw_pdf_qc((p->rgb >> 16) & 0xff), g = draw_pdf_qc((p->rgb >> 8) & 0xff),
	    b = draw_pdf_qc(p->rgb & 0xff);
	HPDF_DashMode now = HPDF_Page_GetDash(p->page);
	HPDF_UINT16 pat[2];

	if (HPDF_Page_GetStrokingColorSpace(p->page) != HPDF_CS_DEVICE_RGB ||
	    !draw_pdf_same_rgb(HPDF_Page_GetRGBStroke(p->page), r, g, b))
		HPDF_Page_SetRGBStroke(p->page, r, g, b);
	if (HPDF_Page_GetLineWidth(p->page) != (HPDF_REAL)p->lw)
		HPDF_Page_SetLineWidth(p->page, (HPDF_REAL)p->lw);
	if (p->on <= 0) {
		if (now.num_ptn != 0)
			HPDF_Page_SetDash(p->page, NULL, 0, 0);
		return;
	}
	/* libharu takes whole points; our dashes are whole points. */
	pat[0] = (HPDF_UINT16)(p->on + 0.5);
	pat[1] = (HPDF_UINT16)(p->off + 0.5);
	if (pat[0] == 0)
		pat[0] = 1;
	if (pat[1] == 0)
		pat[1] = 1;
	if (now.num_ptn != 2 || now.ptn[0] != pat[0] || now.ptn[1] != pat[1] ||
	    now.phase != 0)
		HPDF_Page_SetDash(p->page, pat, 2, 0);
}

static void
draw_pdf_fill(void *ctx)
{
	struct draw_pdf *p = ctx;
	int shifted;

	if (p->nops == 0)
		return;
	draw_pdf_graphics_mode(p->page);
	draw_pdf_fill_rgb(p, p->rgb);
	shifted = draw_pdf_write_path(p);
	HPDF_Page_Fill(p->page);
	if (shifted)
		HPDF_Page_GRestore(p->page);
}

static void
draw_pdf_stroke(void *ctx)
{
	struct draw_pdf *p = ctx;
	int shifted;

	if (p->nops == 0)
		return;
	draw_pdf_graphics_mode(p->page);
	draw_pdf_pen(p);
	shifted = draw_pdf_write_path(p);
	HPDF_Page_Stroke(p->page);
	if (shifted)
		HPDF_Page_GRestore(p->page);
}

/* State changes are not allowed inside a path: an unfinished path is dropped. */
static void
draw_pdf_colour(void *ctx, unsigned rgb)
{
	struct draw_pdf *p = ctx;

	p->nops = 0;
	p->rgb = rgb;
}

static void
draw_pdf_width(void *ctx, double w)
{
	struct draw_pdf *p = ctx;

	p->nops = 0;
	p->lw = w < 0 ? 0 : w;
}

static void
draw_pdf_dash(void *ctx, double on, double off)
{
	struct draw_pdf *p = ctx;

	p->nops = 0;
	p->on = on;
	p->off = off;
}

static HPDF_Font
draw_pdf_font(const struct draw_pdf *p, int bold)
{
	return bold && p->bold != NULL ? p->bold : p->regular;
}

/* s as the fonts show it (layout_clean with the caller's ops), valid until the next
 * call; s itself without them. */
static const char *
draw_pdf_clean(struct draw_pdf *p, int bold, const char *s)
{
	if (p->text == NULL)
		return s;
	buf_reset(&p->clean);
	layout_clean(p->text, s, bold, &p->clean);
	return p->clean.data != NULL ? p->clean.data : "";
}

static double
draw_pdf_measure(struct draw_pdf *p, double size, int bold, const char *s)
{
	HPDF_TextWidth tw;

	if (*s == '\0')
		return 0;
	tw = HPDF_Font_TextWidth(draw_pdf_font(p, bold), (const HPDF_BYTE *)s,
	    (HPDF_UINT)strlen(s));
	return tw.width * size / 1000.0;
}

static double
draw_pdf_text_width(void *ctx, double size, int bold, const char *s)
{
	struct draw_pdf *p = ctx;

	if (s == NULL || *s == '\0')
		return 0;
	return draw_pdf_measure(p, size, bold, draw_pdf_clean(p, bold, s));
}

/* Labels are kept and written at the end, over the drawing and in one text object, so
 * that labels and bars do not alternate text objects and colours. */
static void
draw_pdf_text(void *ctx, double x, double y, enum draw_anchor a, double size, int bold,
    const char *str)
{
	struct draw_pdf *p = ctx;
	struct draw_pdf_label *l;
	const char *s;
	double w;

	if (str == NULL || *str == '\0')
		return;
	p->nops = 0;
	s = draw_pdf_clean(p, bold, str);
	if (*s == '\0')
		return;
	w = draw_pdf_measure(p, size, bold, s);
	if (a == DRAW_CENTER)
		x -= w / 2;
	else if (a == DRAW_RIGHT)
		x -= w;
	p->labels = xgrow(p->labels, &p->caplabels, p->nlabels, sizeof(*p->labels));
	l = &p->labels[p->nlabels++];
	l->x = p->x0 + x;
	l->y = p->top - y;
	l->size = size;
	l->font = draw_pdf_font(p, bold);
	l->rgb = p->rgb;
	l->s = xstrdup(s);
}

static void
draw_pdf_write_labels(struct draw_pdf *p)
{
	size_t i;

	for (i = 0; i < p->nlabels; i++) {
		const struct draw_pdf_label *l = &p->labels[i];

		if (HPDF_Page_GetGMode(p->page) != HPDF_GMODE_TEXT_OBJECT)
			HPDF_Page_BeginText(p->page);
		draw_pdf_fill_rgb(p, l->rgb);
		if (HPDF_Page_GetCurrentFont(p->page) != l->font ||
		    HPDF_Page_GetCurrentFontSize(p->page) != (HPDF_REAL)l->size)
			HPDF_Page_SetFontAndSize(p->page, l->font, (HPDF_REAL)l->size);
		HPDF_Page_TextOut(p->page, draw_pdf_q(l->x), draw_pdf_q(l->y), l->s);
	}
}

/* Passes the turn to decoration and back on to the caller's marks (chart.h); paths are
 * written as they are painted and labels at the end, so nothing is pending here. */
static void
draw_pdf_artifact(void *ctx, int on)
{
	struct draw_pdf *p = ctx;

	p->nops = 0;
	if (p->marks != NULL && p->marks->artifact != NULL)
		p->marks->artifact(p->marks->arg, on);
}

void
draw_pdf_begin(struct draw *d, struct draw_pdf *p, HPDF_Page page, HPDF_Font regular,
    HPDF_Font bold, double x, double y, double w, double h, const struct layout_ops *text)
{
	(void)w;
	memset(p, 0, sizeof(*p));
	p->text = text;
	buf_init(&p->clean);
	p->page = page;
	p->regular = regular;
	p->bold = bold;
	p->x0 = x;
	p->top = y + h;
	p->lw = 1;
	memset(d, 0, sizeof(*d));
	d->ctx = p;
	d->move = draw_pdf_move;
	d->line = draw_pdf_line;
	d->rect = draw_pdf_rect;
	d->circle = draw_pdf_circle;
	d->fill = draw_pdf_fill;
	d->stroke = draw_pdf_stroke;
	d->colour = draw_pdf_colour;
	d->width = draw_pdf_width;
	d->dash = draw_pdf_dash;
	d->text = draw_pdf_text;
	d->text_width = draw_pdf_text_width;
	d->artifact = draw_pdf_artifact;
	draw_pdf_graphics_mode(page);
	HPDF_Page_GSave(page);
	if (HPDF_Page_GetLineJoin(page) != HPDF_MITER_JOIN)
		HPDF_Page_SetLineJoin(page, HPDF_MITER_JOIN);
	if (HPDF_Page_GetLineCap(page) != HPDF_BUTT_END)
		HPDF_Page_SetLineCap(page, HPDF_BUTT_END);
}

void
draw_pdf_end(struct draw_pdf *p)
{
	size_t i;

	draw_pdf_write_labels(p);
	draw_pdf_graphics_mode(p->page);
	HPDF_Page_GRestore(p->page);
	for (i = 0; i < p->nlabels; i++)
		free(p->labels[i].s);
	free(p->labels);
	free(p->ops);
	buf_free(&p->clean);
	p->labels = NULL;
	p->ops = NULL;
	p->nlabels = p->caplabels = p->nops = p->capops = 0;
}
