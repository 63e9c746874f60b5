/*
 * The libharu back end of the drawing interface (draw.h): vector paths and real text on a
 * PDF page, so that chart labels stay text that readers search and extract. Holds no
 * state beyond the caller's struct draw_pdf.
 */
#include <string.h>

#include <hpdf.h>

#include "draw.h"

static double
draw_pdf_y(const struct draw_pdf *p, double y)
{
	return p->top - y;
}

/* State changes and text are not allowed inside a path: an unfinished path is dropped. */
static void
draw_pdf_settle(struct draw_pdf *p)
{
	if (p->in_path)
		HPDF_Page_EndPath(p->page);
	p->in_path = 0;
}

static void
draw_pdf_move(void *ctx, double x, double y)
{
	struct draw_pdf *p = ctx;

	p->in_path = 1;
	HPDF_Page_MoveTo(p->page, (HPDF_REAL)(p->x0 + x), (HPDF_REAL)draw_pdf_y(p, y));
}

static void
draw_pdf_line(void *ctx, double x, double y)
{
	struct draw_pdf *p = ctx;

	if (!p->in_path)
		return;
	HPDF_Page_LineTo(p->page, (HPDF_REAL)(p->x0 + x), (HPDF_REAL)draw_pdf_y(p, y));
}

static void
draw_pdf_rect(void *ctx, double x, double y, double w, double h)
{
	struct draw_pdf *p = ctx;

	p->in_path = 1;
	HPDF_Page_Rectangle(p->page, (HPDF_REAL)(p->x0 + x), (HPDF_REAL)draw_pdf_y(p, y + h),
	    (HPDF_REAL)w, (HPDF_REAL)h);
}

static void
draw_pdf_fill(void *ctx)
{
	struct draw_pdf *p = ctx;

	if (p->in_path)
		HPDF_Page_Fill(p->page);
	p->in_path = 0;
}

static void
draw_pdf_stroke(void *ctx)
{
	struct draw_pdf *p = ctx;

	if (p->in_path)
		HPDF_Page_Stroke(p->page);
	p->in_path = 0;
}

static void
draw_pdf_colour(void *ctx, unsigned rgb)
{
	struct draw_pdf *p = ctx;
	HPDF_REAL r = (HPDF_REAL)((rgb >> 16) & 0xff) / 255;
	HPDF_REAL g = (HPDF_REAL)((rgb >> 8) & 0xff) / 255;
	HPDF_REAL b = (HPDF_REAL)(rgb & 0xff) / 255;

	draw_pdf_settle(p);
	p->rgb = rgb;
	HPDF_Page_SetRGBFill(p->page, r, g, b);
	HPDF_Page_SetRGBStroke(p->page, r, g, b);
}

static void
draw_pdf_width(void *ctx, double w)
{
	struct draw_pdf *p = ctx;

	draw_pdf_settle(p);
	HPDF_Page_SetLineWidth(p->page, (HPDF_REAL)w);
}

static void
draw_pdf_dash(void *ctx, double on, double off)
{
	struct draw_pdf *p = ctx;
	HPDF_UINT16 pat[2];

	draw_pdf_settle(p);
	if (on <= 0) {
		HPDF_Page_SetDash(p->page, NULL, 0, 0);
		return;
	}
	/* libharu takes whole points; our dashes are whole points. */
	pat[0] = (HPDF_UINT16)(on + 0.5);
	pat[1] = (HPDF_UINT16)(off + 0.5);
	if (pat[0] == 0)
		pat[0] = 1;
	if (pat[1] == 0)
		pat[1] = 1;
	HPDF_Page_SetDash(p->page, pat, 2, 0);
}

static HPDF_Font
draw_pdf_font(const struct draw_pdf *p, int bold)
{
	return bold && p->bold != NULL ? p->bold : p->regular;
}

static double
draw_pdf_text_width(void *ctx, double size, int bold, const char *s)
{
	struct draw_pdf *p = ctx;
	HPDF_TextWidth tw;

	if (s == NULL || *s == '\0')
		return 0;
	tw = HPDF_Font_TextWidth(draw_pdf_font(p, bold), (const HPDF_BYTE *)s,
	    (HPDF_UINT)strlen(s));
	return tw.width * size / 1000.0;
}

static void
draw_pdf_text(void *ctx, double x, double y, enum draw_anchor a, double size, int bold,
    const char *s)
{
	struct draw_pdf *p = ctx;
	double w;

	if (s == NULL || *s == '\0')
		return;
	draw_pdf_settle(p);
	w = draw_pdf_text_width(ctx, size, bold, s);
	if (a == DRAW_CENTER)
		x -= w / 2;
	else if (a == DRAW_RIGHT)
		x -= w;
	HPDF_Page_BeginText(p->page);
	HPDF_Page_SetFontAndSize(p->page, draw_pdf_font(p, bold), (HPDF_REAL)size);
	HPDF_Page_TextOut(p->page, (HPDF_REAL)(p->x0 + x), (HPDF_REAL)draw_pdf_y(p, y), s);
	HPDF_Page_EndText(p->page);
}

void
draw_pdf_begin(struct draw *d, struct draw_pdf *p, HPDF_Page page, HPDF_Font regular,
    HPDF_Font bold, double x, double y, double w, double h)
{
	(void)w;
	memset(p, 0, sizeof(*p));
	p->page = page;
	p->regular = regular;
	p->bold = bold;
	p->x0 = x;
	p->top = y + h;
	memset(d, 0, sizeof(*d));
	d->ctx = p;
	d->move = draw_pdf_move;
	d->line = draw_pdf_line;
	d->rect = draw_pdf_rect;
	d->fill = draw_pdf_fill;
	d->stroke = draw_pdf_stroke;
	d->colour = draw_pdf_colour;
	d->width = draw_pdf_width;
	d->dash = draw_pdf_dash;
	d->text = draw_pdf_text;
	d->text_width = draw_pdf_text_width;
	HPDF_Page_GSave(page);
	HPDF_Page_SetLineJoin(page, HPDF_MITER_JOIN);
	HPDF_Page_SetLineCap(page, HPDF_BUTT_END);
}

void
draw_pdf_end(struct draw_pdf *p)
{
	draw_pdf_settle(p);
	HPDF_Page_GRestore(p->page);
}
