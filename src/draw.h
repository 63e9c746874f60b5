/*
 * The drawing interface charts are laid out through, and its three back ends: a libharu
 * page (draw_pdf.c), a Cairo image surface for PNG files and an SVG text writer
 * (draw_cairo.c). Coordinates are points with the origin at the top left of the chart box
 * and y growing downwards; each back end maps them. For chart.c only.
 */
#ifndef DRAW_H
#define DRAW_H

#include <stddef.h>

#include <hpdf.h>

#include "diag.h"
#include "util.h"

struct chart_marks;
struct layout_ops;

enum draw_anchor {
	DRAW_LEFT,
	DRAW_CENTER,
	DRAW_RIGHT
};

struct draw {
	void	*ctx;
	/* Path building; rect adds a closed rectangle. */
	void	(*move)(void *, double x, double y);
	void	(*line)(void *, double x, double y);
	void	(*rect)(void *, double x, double y, double w, double h);
	/* Adds a closed circle; NULL in back ends without curves (callers then draw a
	 * polygon). */
	void	(*circle)(void *, double x, double y, double r);
	/* fill and stroke consume the current path. */
	void	(*fill)(void *);
	void	(*stroke)(void *);
	/* rgb as 0xRRGGBB; used by the next fill, stroke and text. */
	void	(*colour)(void *, unsigned rgb);
	void	(*width)(void *, double);
	/* dash on / off lengths in points; on 0: solid. */
	void	(*dash)(void *, double on, double off);
	/* Text on the baseline y, anchored at x. */
	void	(*text)(void *, double x, double y, enum draw_anchor, double size, int bold,
		    const char *utf8);
	/* Advance width of the text in points, from the back end's real font metrics. */
	double	(*text_width)(void *, double size, int bold, const char *utf8);
	/* What is drawn from now on is decoration that says nothing (on 1: grid lines) or
	 * the chart's content again (0); NULL where nothing tells them apart. */
	void	(*artifact)(void *, int on);
};

/* The PDF back end draws into the box (x, y lower left, w x h) of page; the struct lives
 * on the caller's stack, and draw_pdf_end frees what it holds. Saves the graphics state at
 * begin and restores it at end. The path is kept until fill or stroke, so that only the
 * state that painting needs is written, and only when it changed; text is kept until end
 * and written over the drawing in one text object. With text (not NULL) every text goes
 * through layout_clean first, as the document's text does. */
struct draw_pdf_op;
struct draw_pdf_label;
struct draw_pdf {
	HPDF_Page		 page;
	HPDF_Font		 regular, bold;
	double			 x0, top;	/* page coordinates of the box's top left */
	unsigned		 rgb;		/* colour, line width and dash wanted */
	double			 lw, on, off;
	struct draw_pdf_op	*ops;		/* the open path; nops 0: none */
	size_t			 nops, capops;
	struct draw_pdf_label	*labels;	/* text, written at end over the drawing */
	size_t			 nlabels, caplabels;
	const struct layout_ops	*text;		/* NULL: text as given */
	struct buf		 clean;
	const struct chart_marks *marks;	/* told of artifacts; NULL: nobody */
};

void	draw_pdf_begin(struct draw *, struct draw_pdf *, HPDF_Page, HPDF_Font regular,
	    HPDF_Font bold, double x, double y, double w, double h, const struct layout_ops *);
void	draw_pdf_end(struct draw_pdf *);

/* Cairo back ends. draw_cairo_fonts_load opens the two TTF files of fonts_dir through
 * FreeType (never by name); returns NULL after a message. One per thread. */
struct draw_cairo_fonts;
struct draw_cairo_fonts *draw_cairo_fonts_load(const char *fonts_dir, struct diag *);
void	draw_cairo_fonts_free(struct draw_cairo_fonts *);

/* A PNG image of w x h points at `scale` pixels per point, white background. The PNG
 * bytes go to out. Returns 0, or -1 after a message. Text the fonts cannot show is drawn
 * as the PDF prints it (layout_clean), with a warning to diag naming path. */
struct draw_png;
struct draw_png *draw_png_new(struct draw *, struct draw_cairo_fonts *, double w, double h,
	    double scale, struct diag *, const char *path);
int	draw_png_finish(struct draw_png *, struct buf *out, struct diag *, const char *path);

/* An SVG document written as text (text stays text; ids none, so output is the same on
 * every run); widths are measured with the Cairo fonts; text as with draw_png_new. */
struct draw_svg;
struct draw_svg *draw_svg_new(struct draw *, struct draw_cairo_fonts *, double w, double h,
	    struct diag *, const char *path);
void	draw_svg_finish(struct draw_svg *, struct buf *out);

#endif
