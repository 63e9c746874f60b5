/*
 * The file back ends of the drawing interface (draw.h): PNG through a Cairo image surface,
 * and SVG written directly as text (Cairo's own SVG surface turns text into outlines and
 * numbers its ids with a process-wide counter, so a second figure in one run would differ
 * from a fresh run). Both use the report's TTF fonts opened by file through FreeType, so
 * output does not depend on the fonts installed on the machine, and the SVG writer
 * measures text with them. No shared state: each call owns its fonts and surfaces.
 * Text is drawn as the PDF prints it (layout_clean): a character the fonts lack becomes
 * '?', or its fallback, with one warning per character and figure that names the file.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <cairo.h>
#include <cairo-ft.h>

#include "draw.h"
#include "layout.h"

struct draw_cairo_face {
	FT_Library	 lib;
	FT_Face		 face;
};

struct draw_cairo_fonts {
	cairo_font_face_t	*face[2];	/* regular, bold */
	FT_Face			 ft[2];		/* theirs, for the characters they have */
};

static const cairo_user_data_key_t draw_cairo_key;

/* Cairo may keep a font face in its caches after the last reference we hold, so the
 * FreeType face and its library are released by Cairo itself when it lets go. */
static void
draw_cairo_face_done(void *arg)
{
	struct draw_cairo_face *f = arg;

	FT_Done_Face(f->face);
	FT_Done_FreeType(f->lib);
	free(f);
}

static cairo_font_face_t *
draw_cairo_face_load(const char *path, struct diag *d, FT_Face *ft)
{
	struct draw_cairo_face *f = xcalloc(1, sizeof(*f));
	cairo_font_face_t *cf;

	if (FT_Init_FreeType(&f->lib) != 0) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "could not start FreeType to read the font");
		free(f);
		return NULL;
	}
	if (FT_New_Face(f->lib, path, 0, &f->face) != 0) {
		diag_msg(d, DIAG_ERROR, path, 0, 0,
		    "expected a TrueType font file here; it is missing or unreadable");
		FT_Done_FreeType(f->lib);
		free(f);
		return NULL;
	}
	cf = cairo_ft_font_face_create_for_ft_face(f->face, 0);
	if (cairo_font_face_set_user_data(cf, &draw_cairo_key, f, draw_cairo_face_done) !=
	    CAIRO_STATUS_SUCCESS) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "Cairo could not use the font");
		cairo_font_face_destroy(cf);
		draw_cairo_face_done(f);
		return NULL;
	}
	*ft = f->face;
	return cf;
}

struct draw_cairo_fonts *
draw_cairo_fonts_load(const char *dir, struct diag *d)
{
	static const char *const names[2] = { "ipkval-sans.ttf", "ipkval-sans-bold.ttf" };
	struct draw_cairo_fonts *f = xcalloc(1, sizeof(*f));
	char *path;
	int i;

	for (i = 0; i < 2; i++) {
		path = xasprintf("%s/%s", dir != NULL ? dir : ".", names[i]);
		f->face[i] = draw_cairo_face_load(path, d, &f->ft[i]);
		free(path);
		if (f->face[i] == NULL) {
			draw_cairo_fonts_free(f);
			return NULL;
		}
	}
	return f;
}

void
draw_cairo_fonts_free(struct draw_cairo_fonts *f)
{
	if (f == NULL)
		return;
	if (f->face[0] != NULL)
		cairo_font_face_destroy(f->face[0]);
	if (f->face[1] != NULL)
		cairo_font_face_destroy(f->face[1]);
	free(f);
}

/* Unhinted metrics: the same advance widths at every scale, as in the PDF. */
static void
draw_cairo_setup(cairo_t *cr)
{
	cairo_font_options_t *fo = cairo_font_options_create();

	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	cairo_set_font_options(cr, fo);
	cairo_font_options_destroy(fo);
}

/* The text of one figure: its fonts and how it reports characters they lack. */
struct draw_cairo_text {
	struct draw_cairo_fonts	*fonts;
	struct diag		*diag;
	const char		*path;		/* the figure, for messages */
	struct layout_lost	 lost;		/* characters already reported */
	struct layout_ops	 ops;
	struct buf		 clean;		/* the text last cleaned */
};

static int
draw_cairo_has(void *arg, int bold, unsigned int cp)
{
	struct draw_cairo_text *t = arg;

	return FT_Get_Char_Index(t->fonts->ft[bold != 0], cp) != 0;
}

/* The messages of pdf.c, naming the figure; once per character and figure. */
static void
draw_cairo_lost(void *arg, unsigned int cp, const char *why, const char *text)
{
	struct draw_cairo_text *t = arg;

	layout_lost_say(&t->lost, t->diag, t->path, cp, why, text);
}

static void
draw_cairo_text_init(struct draw_cairo_text *t, struct draw_cairo_fonts *fonts,
    struct diag *d, const char *path)
{
	memset(t, 0, sizeof(*t));
	t->fonts = fonts;
	t->diag = d;
	t->path = path;
	t->ops.arg = t;
	t->ops.has = draw_cairo_has;
	t->ops.lost = draw_cairo_lost;
	buf_init(&t->clean);
}

static void
draw_cairo_text_free(struct draw_cairo_text *t)
{
	layout_lost_free(&t->lost);
	buf_free(&t->clean);
}

/* s as the fonts show it (see layout_clean), valid until the next call. */
static const char *
draw_cairo_clean(struct draw_cairo_text *t, int bold, const char *s)
{
	buf_reset(&t->clean);
	layout_clean(&t->ops, s, bold, &t->clean);
	return t->clean.data != NULL ? t->clean.data : "";
}

static double
draw_cairo_measure(cairo_t *cr, const struct draw_cairo_fonts *f, double size, int bold,
    const char *s)
{
	cairo_text_extents_t ext;

	if (s == NULL || *s == '\0')
		return 0;
	cairo_set_font_face(cr, f->face[bold ? 1 : 0]);
	cairo_set_font_size(cr, size);
	cairo_text_extents(cr, s, &ext);
	return ext.x_advance;
}

/* ---- PNG ---- */

struct draw_png {
	cairo_surface_t		*surface;
	cairo_t			*cr;
	struct draw_cairo_text	 text;
	double			 on, off;
};

static void
draw_png_move(void *ctx, double x, double y)
{
	cairo_move_to(((struct draw_png *)ctx)->cr, x, y);
}

static void
draw_png_line(void *ctx, double x, double y)
{
	cairo_line_to(((struct draw_png *)ctx)->cr, x, y);
}

static void
draw_png_rect(void *ctx, double x, double y, double w, double h)
{
	cairo_rectangle(((struct draw_png *)ctx)->cr, x, y, w, h);
}

static void
draw_png_fill(void *ctx)
{
	cairo_fill(((struct draw_png *)ctx)->cr);
}

static void
draw_png_stroke(void *ctx)
{
	cairo_stroke(((struct draw_png *)ctx)->cr);
}

static void
draw_png_colour(void *ctx, unsigned rgb)
{
	cairo_set_source_rgb(((struct draw_png *)ctx)->cr, ((rgb >> 16) & 0xff) / 255.0,
	    ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

static void
draw_png_width(void *ctx, double w)
{
	cairo_set_line_width(((struct draw_png *)ctx)->cr, w);
}

static void
draw_png_dash(void *ctx, double on, double off)
{
	struct draw_png *p = ctx;
	double pat[2];

	if (on <= 0) {
		cairo_set_dash(p->cr, NULL, 0, 0);
		return;
	}
	pat[0] = on;
	pat[1] = off > 0 ? off : on;
	cairo_set_dash(p->cr, pat, 2, 0);
}

static double
draw_png_text_width(void *ctx, double size, int bold, const char *s)
{
	struct draw_png *p = ctx;

	if (s == NULL || *s == '\0')
		return 0;
	return draw_cairo_measure(p->cr, p->text.fonts, size, bold,
	    draw_cairo_clean(&p->text, bold, s));
}

static void
draw_png_text(void *ctx, double x, double y, enum draw_anchor a, double size, int bold,
    const char *str)
{
	struct draw_png *p = ctx;
	const char *s;
	double w;

	if (str == NULL || *str == '\0')
		return;
	s = draw_cairo_clean(&p->text, bold, str);
	w = draw_cairo_measure(p->cr, p->text.fonts, size, bold, s);
	if (a == DRAW_CENTER)
		x -= w / 2;
	else if (a == DRAW_RIGHT)
		x -= w;
	cairo_move_to(p->cr, x, y);
	cairo_show_text(p->cr, s);
	cairo_new_path(p->cr);
}

struct draw_png *
draw_png_new(struct draw *d, struct draw_cairo_fonts *fonts, double w, double h, double scale,
    struct diag *dg, const char *path)
{
	struct draw_png *p = xcalloc(1, sizeof(*p));
	int pw = (int)ceil(w * scale), ph = (int)ceil(h * scale);

	if (pw < 1)
		pw = 1;
	if (ph < 1)
		ph = 1;
	draw_cairo_text_init(&p->text, fonts, dg, path);
	p->surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
	p->cr = cairo_create(p->surface);
	draw_cairo_setup(p->cr);
	cairo_scale(p->cr, scale, scale);
	cairo_set_source_rgb(p->cr, 1, 1, 1);
	cairo_paint(p->cr);
	cairo_set_line_join(p->cr, CAIRO_LINE_JOIN_MITER);
	cairo_set_line_cap(p->cr, CAIRO_LINE_CAP_BUTT);
	memset(d, 0, sizeof(*d));
	d->ctx = p;
	d->move = draw_png_move;
	d->line = draw_png_line;
	d->rect = draw_png_rect;
	d->fill = draw_png_fill;
	d->stroke = draw_png_stroke;
	d->colour = draw_png_colour;
	d->width = draw_png_width;
	d->dash = draw_png_dash;
	d->text = draw_png_text;
	d->text_width = draw_png_text_width;
	return p;
}

static cairo_status_t
draw_png_write(void *closure, const unsigned char *data, unsigned int len)
{
	buf_put(closure, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

int
draw_png_finish(struct draw_png *p, struct buf *out, struct diag *d, const char *path)
{
	cairo_status_t st;

	cairo_surface_flush(p->surface);
	st = cairo_status(p->cr);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_write_to_png_stream(p->surface, draw_png_write, out);
	cairo_destroy(p->cr);
	cairo_surface_destroy(p->surface);
	draw_cairo_text_free(&p->text);
	free(p);
	if (st != CAIRO_STATUS_SUCCESS) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "could not draw the figure: %s",
		    cairo_status_to_string(st));
		return -1;
	}
	return 0;
}

/* ---- SVG ---- */

struct draw_svg {
	struct buf		 doc;
	struct buf		 path;
	cairo_surface_t		*msurface;	/* for measuring text only */
	cairo_t			*mcr;
	struct draw_cairo_text	 text;
	unsigned		 rgb;
	double			 lw, on, off;
};

/* Numbers with a point and at most two decimals, independent of the C locale. */
static void
draw_svg_num(struct buf *b, double v)
{
	long n = lround(v * 100);
	long a = labs(n);

	buf_printf(b, "%s%ld", n < 0 ? "-" : "", a / 100);
	if (a % 100 != 0) {
		if (a % 10 == 0)
			buf_printf(b, ".%ld", a % 100 / 10);
		else
			buf_printf(b, ".%02ld", a % 100);
	}
}

static void
draw_svg_pt(struct buf *b, char op, double x, double y)
{
	buf_putc(b, op);
	draw_svg_num(b, x);
	buf_putc(b, ' ');
	draw_svg_num(b, y);
}

static void
draw_svg_move(void *ctx, double x, double y)
{
	draw_svg_pt(&((struct draw_svg *)ctx)->path, 'M', x, y);
}

static void
draw_svg_line(void *ctx, double x, double y)
{
	draw_svg_pt(&((struct draw_svg *)ctx)->path, 'L', x, y);
}

static void
draw_svg_rect(void *ctx, double x, double y, double w, double h)
{
	struct buf *b = &((struct draw_svg *)ctx)->path;

	draw_svg_pt(b, 'M', x, y);
	buf_putc(b, 'h');
	draw_svg_num(b, w);
	buf_putc(b, 'v');
	draw_svg_num(b, h);
	buf_putc(b, 'h');
	draw_svg_num(b, -w);
	buf_putc(b, 'Z');
}

static void
draw_svg_fill(void *ctx)
{
	struct draw_svg *s = ctx;

	if (s->path.len == 0)
		return;
	buf_printf(&s->doc, "<path fill=\"#%06x\" d=\"%s\"/>\n", s->rgb, s->path.data);
	buf_reset(&s->path);
}

static void
draw_svg_stroke(void *ctx)
{
	struct draw_svg *s = ctx;

	if (s->path.len == 0)
		return;
	buf_printf(&s->doc, "<path fill=\"none\" stroke=\"#%06x\" stroke-width=\"", s->rgb);
	draw_svg_num(&s->doc, s->lw);
	buf_puts(&s->doc, "\"");
	if (s->on > 0) {
		buf_puts(&s->doc, " stroke-dasharray=\"");
		draw_svg_num(&s->doc, s->on);
		buf_putc(&s->doc, ' ');
		draw_svg_num(&s->doc, s->off > 0 ? s->off : s->on);
		buf_puts(&s->doc, "\"");
	}
	buf_printf(&s->doc, " d=\"%s\"/>\n", s->path.data);
	buf_reset(&s->path);
}

static void
draw_svg_colour(void *ctx, unsigned rgb)
{
	((struct draw_svg *)ctx)->rgb = rgb & 0xffffff;
}

static void
draw_svg_width(void *ctx, double w)
{
	((struct draw_svg *)ctx)->lw = w;
}

static void
draw_svg_dash(void *ctx, double on, double off)
{
	struct draw_svg *s = ctx;

	s->on = on;
	s->off = off;
}

static double
draw_svg_text_width(void *ctx, double size, int bold, const char *str)
{
	struct draw_svg *s = ctx;

	if (str == NULL || *str == '\0')
		return 0;
	return draw_cairo_measure(s->mcr, s->text.fonts, size, bold,
	    draw_cairo_clean(&s->text, bold, str));
}

static void
draw_svg_text(void *ctx, double x, double y, enum draw_anchor a, double size, int bold,
    const char *str)
{
	static const char *const anchors[] = { "start", "middle", "end" };
	struct draw_svg *s = ctx;

	if (str == NULL || *str == '\0')
		return;
	buf_puts(&s->doc, "<text x=\"");
	draw_svg_num(&s->doc, x);
	buf_puts(&s->doc, "\" y=\"");
	draw_svg_num(&s->doc, y);
	buf_puts(&s->doc, "\" font-size=\"");
	draw_svg_num(&s->doc, size);
	buf_puts(&s->doc, "\"");
	if (bold)
		buf_puts(&s->doc, " font-weight=\"bold\"");
	if (a != DRAW_LEFT)
		buf_printf(&s->doc, " text-anchor=\"%s\"", anchors[a]);
	if (s->rgb != 0)
		buf_printf(&s->doc, " fill=\"#%06x\"", s->rgb);
	buf_putc(&s->doc, '>');
	buf_xml(&s->doc, draw_cairo_clean(&s->text, bold, str));
	buf_puts(&s->doc, "</text>\n");
}

struct draw_svg *
draw_svg_new(struct draw *d, struct draw_cairo_fonts *fonts, double w, double h,
    struct diag *dg, const char *path)
{
	struct draw_svg *s = xcalloc(1, sizeof(*s));

	buf_init(&s->doc);
	buf_init(&s->path);
	draw_cairo_text_init(&s->text, fonts, dg, path);
	s->lw = 1;
	s->msurface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
	s->mcr = cairo_create(s->msurface);
	draw_cairo_setup(s->mcr);
	buf_puts(&s->doc, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"");
	draw_svg_num(&s->doc, w);
	buf_puts(&s->doc, "pt\" height=\"");
	draw_svg_num(&s->doc, h);
	buf_puts(&s->doc, "pt\" viewBox=\"0 0 ");
	draw_svg_num(&s->doc, w);
	buf_putc(&s->doc, ' ');
	draw_svg_num(&s->doc, h);
	buf_puts(&s->doc, "\" font-family=\"'DejaVu Sans', Verdana, Arial, sans-serif\">\n"
	    "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
	memset(d, 0, sizeof(*d));
	d->ctx = s;
	d->move = draw_svg_move;
	d->line = draw_svg_line;
	d->rect = draw_svg_rect;
	d->fill = draw_svg_fill;
	d->stroke = draw_svg_stroke;
	d->colour = draw_svg_colour;
	d->width = draw_svg_width;
	d->dash = draw_svg_dash;
	d->text = draw_svg_text;
	d->text_width = draw_svg_text_width;
	return s;
}

void
draw_svg_finish(struct draw_svg *s, struct buf *out)
{
	buf_puts(&s->doc, "</svg>\n");
	buf_put(out, s->doc.data, s->doc.len);
	buf_free(&s->doc);
	buf_free(&s->path);
	cairo_destroy(s->mcr);
	cairo_surface_destroy(s->msurface);
	draw_cairo_text_free(&s->text);
	free(s);
}
