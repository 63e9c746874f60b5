/*
 * Charts (see chart.h): the model, its layout and its drawing through the drawing
 * interface (draw.h), once for every back end, so that the PDF page, the PNG and the SVG
 * look the same. Layout works in points with the origin at the top left. All words come
 * from the caller; numbers print with a decimal comma, hidden values as ":" and missing
 * ones as "..", as SSB does. Okabe-Ito colours, and every series also has its own
 * pattern or marker, so no meaning rests on colour alone.
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "contrast.h"
#include "draw.h"

struct chart {
	enum chart_kind		 kind;
	int			 horizontal;
	char			*title, *axis_title, *note, *unit;
	int			 integers;
	size_t			 ncat, nseries, nbands, nrefs;
	char			**cat;
	char			**ser;
	enum chart_tone		*tones;
	struct chart_value	*val;
	struct chart_band	*bands;		/* labels owned */
	struct chart_ref	*refs;		/* labels owned */
	size_t			 highlight;	/* from 1; 0 none */
	int			 max10;
	char			**word;		/* ncat * nseries words (NULL: value) */
	enum chart_tone		*wtone;		/* and their tones */
	size_t			 nlabel_set;	/* names the label column is sized to */
	char			**label_set;
};

/* Sizes in points. */
#define FS_TITLE	10.0
#define FS_LABEL	8.0
#define FS_SMALL	7.0
#define PNG_SCALE	2.0
#define ROW_STACK	17.0	/* a row of a horizontal stacked chart */
#define ROW_OUT		10.0	/* more for a line of labels under its bar */

enum chart_pattern { PAT_SOLID, PAT_HATCH, PAT_CROSS, PAT_OUTLINE, PAT_BACKHATCH, PAT_VLINES };
enum chart_marker { MARK_CIRCLE, MARK_SQUARE, MARK_TRIANGLE, MARK_DIAMOND };

struct chart_style {
	unsigned		 rgb;		/* full colour */
	unsigned		 tint;		/* light fill behind patterns, bands */
	unsigned		 ink;		/* dark text colour of the family */
	enum chart_pattern	 pattern;
	enum chart_marker	 marker;
	double			 dash_on, dash_off;
};

/* Okabe-Ito blue, sky blue, black and reddish purple by position: apart from the level
 * colours (green, orange, vermillion) of the bands and of status series. Every full colour
 * has at least 3:1 against every background a chart has (white, the band tints, the
 * highlighted row; WCAG 1.4.11): Okabe-Ito's sky blue, purple, green, orange, vermillion
 * and greys are darkened to it, their hue kept (tests/unit/contrast.c). */
static const struct chart_style chart_auto_styles[] = {
	{ 0x0072B2, 0xCCE3F0, 0x00496F, PAT_SOLID, MARK_CIRCLE, 0, 0 },
	{ 0x3E85AD, 0xE3F2FB, 0x1B6894, PAT_HATCH, MARK_SQUARE, 4, 2 },
	{ 0x3A3A3A, 0xFFFFFF, 0x222222, PAT_OUTLINE, MARK_TRIANGLE, 1.2, 1.8 },
	{ 0xAF678F, 0xFFFFFF, 0x7F3B62, PAT_OUTLINE, MARK_DIAMOND, 6, 2 },
};

static const struct chart_style chart_tone_styles[] = {
	[CHART_TONE_AUTO] = { 0x0072B2, 0xCCE3F0, 0x00496F, PAT_SOLID, MARK_CIRCLE, 0, 0 },
	[CHART_TONE_GOOD] = { 0x008F68, 0xD9F0E9, 0x00664A, PAT_SOLID, MARK_CIRCLE, 0, 0 },
	[CHART_TONE_MIDDLE] = { 0xA87300, 0xFBEFD2, 0x7A5400, PAT_HATCH, MARK_SQUARE, 4, 2 },
	[CHART_TONE_LOW] = { 0xCF5B00, 0xF9E3D6, 0x9A4300, PAT_CROSS, MARK_TRIANGLE, 1.2, 1.8 },
	[CHART_TONE_NEUTRAL] = { 0x7E7E7E, 0xFFFFFF, 0x4D4D4D, PAT_OUTLINE, MARK_DIAMOND, 6, 2 },
	[CHART_TONE_NEED] = { 0x7E7E7E, 0xE4E4E4, 0x3A3A3A, PAT_SOLID, MARK_CIRCLE, 0, 0 },
	[CHART_TONE_UNSURE] = { 0x3E85AD, 0xE3F2FB, 0x1B6894, PAT_BACKHATCH, MARK_SQUARE, 4, 2 },
	[CHART_TONE_PLANNED] = { 0xAF678F, 0xF5E4EE, 0x7F3B62, PAT_VLINES, MARK_TRIANGLE, 6, 2 },
};

#define COL_TEXT	0x222222
#define COL_MUTED	0x555555
#define COL_GRID	0xDADADA
#define COL_AXIS	0x333333
#define COL_HIGHLIGHT	0xECECEC

static const char *const chart_kind_names[] = { "bar", "stacked", "line" };

/* ---- the model ---- */

static char *
chart_dup(const char *s)
{
	return xstrdup(s != NULL ? s : "");
}

static char **
chart_dup_list(const char *const *list, size_t n)
{
	char **out = xcalloc(n > 0 ? n : 1, sizeof(*out));
	size_t i;

	for (i = 0; i < n; i++)
		out[i] = chart_dup(list != NULL ? list[i] : NULL);
	return out;
}

static void
chart_free_list(char **list, size_t n)
{
	size_t i;

	if (list == NULL)
		return;
	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

/* Sort key of category i: its first value; hidden and missing sort last. */
static long
chart_key(const struct chart *c, size_t i)
{
	const struct chart_value *v = &c->val[i * c->nseries];

	return v->state == CHART_VALUE ? v->v10 : LONG_MIN;
}

/* A stable insertion sort of the categories (and their values), largest first. */
static void
chart_sort(struct chart *c)
{
	struct chart_value *tmpv = xcalloc(c->nseries, sizeof(*tmpv));
	size_t i, j, s, a, b, hl = c->highlight;
	enum chart_tone tmpt;
	char *tmpc;

	for (i = 1; i < c->ncat; i++) {
		for (j = i; j > 0 && chart_key(c, j - 1) < chart_key(c, j); j--) {
			tmpc = c->cat[j];
			c->cat[j] = c->cat[j - 1];
			c->cat[j - 1] = tmpc;
			memcpy(tmpv, &c->val[j * c->nseries], c->nseries * sizeof(*tmpv));
			memcpy(&c->val[j * c->nseries], &c->val[(j - 1) * c->nseries],
			    c->nseries * sizeof(*tmpv));
			memcpy(&c->val[(j - 1) * c->nseries], tmpv, c->nseries * sizeof(*tmpv));
			for (s = 0; s < c->nseries; s++) {
				a = j * c->nseries + s;
				b = (j - 1) * c->nseries + s;
				tmpc = c->word[a];
				c->word[a] = c->word[b];
				c->word[b] = tmpc;
				tmpt = c->wtone[a];
				c->wtone[a] = c->wtone[b];
				c->wtone[b] = tmpt;
			}
			if (hl == j + 1)
				hl = j;
			else if (hl == j)
				hl = j + 1;
		}
	}
	c->highlight = hl;
	free(tmpv);
}

struct chart *
chart_new(const struct chart_spec *sp)
{
	struct chart *c;
	size_t i, n;

	if (sp == NULL || sp->nseries == 0 || (sp->ncat > 0 && sp->values == NULL) ||
	    (sp->nbands > 0 && sp->bands == NULL) || (sp->nrefs > 0 && sp->refs == NULL) ||
	    (unsigned)sp->kind > CHART_LINE)
		return NULL;
	c = xcalloc(1, sizeof(*c));
	c->kind = sp->kind;
	c->horizontal = sp->horizontal && sp->kind != CHART_LINE;
	c->title = chart_dup(sp->title);
	c->axis_title = chart_dup(sp->axis_title);
	c->note = chart_dup(sp->note);
	c->integers = sp->integers;
	c->ncat = sp->ncat;
	c->nseries = sp->nseries;
	c->cat = chart_dup_list(sp->categories, sp->ncat);
	c->ser = chart_dup_list(sp->series, sp->nseries);
	c->tones = xcalloc(c->nseries, sizeof(*c->tones));
	for (i = 0; i < c->nseries; i++) {
		c->tones[i] = sp->tones != NULL ? sp->tones[i] : CHART_TONE_AUTO;
		if ((unsigned)c->tones[i] > CHART_TONE_LAST)
			c->tones[i] = CHART_TONE_AUTO;
	}
	n = c->ncat * c->nseries;
	c->val = xcalloc(n > 0 ? n : 1, sizeof(*c->val));
	for (i = 0; i < n; i++) {
		c->val[i] = sp->values[i];
		if ((unsigned)c->val[i].state > CHART_MISSING)
			c->val[i].state = CHART_MISSING;
		if (c->val[i].state != CHART_VALUE)
			c->val[i].v10 = 0;
	}
	c->word = xcalloc(n > 0 ? n : 1, sizeof(*c->word));
	c->wtone = xcalloc(n > 0 ? n : 1, sizeof(*c->wtone));
	for (i = 0; sp->words != NULL && sp->kind == CHART_BAR && i < n; i++) {
		if (sp->words[i].text == NULL)
			continue;
		c->word[i] = xstrdup(sp->words[i].text);
		c->wtone[i] = sp->words[i].tone;
		if ((unsigned)c->wtone[i] > CHART_TONE_LAST)
			c->wtone[i] = CHART_TONE_NEUTRAL;
	}
	c->nlabel_set = sp->label_set != NULL ? sp->nlabel_set : 0;
	c->label_set = chart_dup_list(sp->label_set, c->nlabel_set);
	c->unit = chart_dup(sp->unit);
	c->nbands = sp->nbands;
	c->bands = xcalloc(c->nbands > 0 ? c->nbands : 1, sizeof(*c->bands));
	for (i = 0; i < c->nbands; i++) {
		c->bands[i] = sp->bands[i];
		c->bands[i].label = chart_dup(sp->bands[i].label);
		if ((unsigned)c->bands[i].tone > CHART_TONE_LAST)
			c->bands[i].tone = CHART_TONE_NEUTRAL;
	}
	c->nrefs = sp->nrefs;
	c->refs = xcalloc(c->nrefs > 0 ? c->nrefs : 1, sizeof(*c->refs));
	for (i = 0; i < c->nrefs; i++) {
		c->refs[i] = sp->refs[i];
		c->refs[i].label = chart_dup(sp->refs[i].label);
	}
	c->highlight = sp->highlight <= c->ncat ? sp->highlight : 0;
	c->max10 = sp->max10 > 0 ? sp->max10 : 0;
	if (sp->sort)
		chart_sort(c);
	return c;
}

void
chart_free(struct chart *c)
{
	size_t i;

	if (c == NULL)
		return;
	free(c->title);
	free(c->axis_title);
	free(c->note);
	free(c->unit);
	chart_free_list(c->cat, c->ncat);
	chart_free_list(c->ser, c->nseries);
	free(c->tones);
	chart_free_list(c->word, c->ncat * c->nseries);
	free(c->wtone);
	chart_free_list(c->label_set, c->nlabel_set);
	free(c->val);
	for (i = 0; i < c->nbands; i++)
		free((char *)c->bands[i].label);
	free(c->bands);
	for (i = 0; i < c->nrefs; i++)
		free((char *)c->refs[i].label);
	free(c->refs);
	free(c);
}

static const struct chart_value *
chart_val(const struct chart *c, size_t cat, size_t s)
{
	return &c->val[cat * c->nseries + s];
}

/* The word shown in place of value (cat, s), or NULL. */
static const char *
chart_word(const struct chart *c, size_t cat, size_t s)
{
	return c->word[cat * c->nseries + s];
}

static const struct chart_style *
chart_style(const struct chart *c, size_t s)
{
	if (c->tones[s] != CHART_TONE_AUTO)
		return &chart_tone_styles[c->tones[s]];
	return &chart_auto_styles[s % (sizeof(chart_auto_styles) /
	    sizeof(chart_auto_styles[0]))];
}

/* ---- numbers ---- */

/* Writes v10 as the reports print it: "66,7", "-3,2", or "3" for integer charts. */
static void
chart_fmt10(char *out, size_t sz, long v10, int integers)
{
	long a = v10 < 0 ? -v10 : v10;

	if (integers)
		snprintf(out, sz, "%s%ld", v10 <= -5 ? "-" : "", (a + 5) / 10);
	else
		snprintf(out, sz, "%s%ld,%ld", v10 < 0 ? "-" : "", a / 10, a % 10);
}

static void
chart_fmt_value(const struct chart *c, const struct chart_value *v, char *out, size_t sz)
{
	if (v->state == CHART_HIDDEN)
		snprintf(out, sz, ":");
	else if (v->state == CHART_MISSING)
		snprintf(out, sz, "..");
	else
		chart_fmt10(out, sz, v->v10, c->integers);
}

/* The total of category i when stacked; *any is set if some part has a value. */
static long
chart_stack_total(const struct chart *c, size_t i, int *any)
{
	long t = 0;
	size_t s;

	*any = 0;
	for (s = 0; s < c->nseries; s++) {
		if (chart_val(c, i, s)->state == CHART_VALUE && chart_val(c, i, s)->v10 > 0) {
			t += chart_val(c, i, s)->v10;
			*any = 1;
		}
	}
	return t;
}

/* The largest number the value axis must show, x10. */
static double
chart_data_max(const struct chart *c)
{
	double m = 0;
	size_t i, s;
	int any;

	for (i = 0; i < c->ncat; i++) {
		if (c->kind == CHART_STACKED) {
			m = fmax(m, (double)chart_stack_total(c, i, &any));
			continue;
		}
		for (s = 0; s < c->nseries; s++)
			if (chart_val(c, i, s)->state == CHART_VALUE &&
			    chart_word(c, i, s) == NULL)
				m = fmax(m, chart_val(c, i, s)->v10);
	}
	for (i = 0; i < c->nrefs; i++)
		if (c->refs[i].value.state == CHART_VALUE)
			m = fmax(m, c->refs[i].value.v10);
	for (i = 0; i < c->nbands; i++) {
		m = fmax(m, c->bands[i].from10);
		if (c->bands[i].to10 < INT_MAX / 2)
			m = fmax(m, c->bands[i].to10);
	}
	return m;
}

/* A step of 1, 2, 2,5 or 5 times a power of ten, at least raw. */
static double
chart_nice_step(double raw, int integers)
{
	double p, f;

	if (raw <= 0)
		return 1;
	p = pow(10, floor(log10(raw)));
	f = raw / p;
	if (f <= 1)
		f = 1;
	else if (f <= 2)
		f = 2;
	else if (f <= 2.5 && !(integers && p < 10))
		f = 2.5;
	else if (f <= 5)
		f = 5;
	else
		f = 10;
	f *= p;
	return integers && f < 1 ? 1 : f;
}

struct chart_axis {
	double	 vmax;		/* in real units (66,7 not 667) */
	double	 step;
};

static struct chart_axis
chart_axis(const struct chart *c)
{
	struct chart_axis ax;
	double m = chart_data_max(c) / 10.0;

	if (c->max10 > 0) {
		ax.vmax = c->max10 / 10.0;
		ax.step = chart_nice_step(ax.vmax / 5.0, c->integers);
		return ax;
	}
	if (m <= 0)
		m = c->integers ? 1 : 10;
	ax.step = chart_nice_step(m / 7.0, c->integers);
	ax.vmax = ceil(m / ax.step - 1e-9) * ax.step;
	return ax;
}

static void
chart_fmt_tick(char *out, size_t sz, double v, double step)
{
	long t = lround(v * 10);

	if (fabs(step - round(step)) < 1e-9)
		snprintf(out, sz, "%ld", lround(v));
	else
		snprintf(out, sz, "%s%ld,%ld", t < 0 ? "-" : "", labs(t) / 10, labs(t) % 10);
}

/* ---- text helpers ---- */

/* The width of s[0, n) without trailing spaces and with an ellipsis, as chart_fit would
 * write it into out. */
static double
chart_cut(const struct draw *d, const char *s, size_t n, double size, int bold,
    struct buf *out)
{
	buf_reset(out);
	buf_put(out, s, n);
	while (out->len > 0 && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
	buf_puts(out, "\xE2\x80\xA6");
	return d->text_width(d->ctx, size, bold, out->data);
}

/*
 * Copies s into out, shortened with an ellipsis to fit maxw: the longest start of s, in
 * whole characters, that fits with the ellipsis (empty when none does). A longer start is
 * never narrower, so the start is found by halving: a label of thousands of characters
 * costs a few dozen measurements instead of one per character.
 */
static void
chart_fit(const struct draw *d, const char *s, double size, int bold, double maxw,
    struct buf *out)
{
	size_t n = strlen(s), *cut, ncut = 0, lo = 0, hi, mid, i;

	buf_reset(out);
	buf_puts(out, s);
	if (d->text_width(d->ctx, size, bold, s) <= maxw)
		return;
	cut = xmalloc((n + 1) * sizeof(*cut));
	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			cut[ncut++] = i;	/* where each character begins */
	/* cut[0, lo) fit; cut[hi, ncut) do not. */
	for (hi = ncut; lo < hi;) {
		mid = lo + (hi - lo) / 2;
		if (chart_cut(d, s, cut[mid], size, bold, out) <= maxw)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		buf_reset(out);
	else
		chart_cut(d, s, cut[lo - 1], size, bold, out);
	free(cut);
}

/* The widths of the two lines s splits into at the space sp[j]. */
static void
chart_split_widths(const struct draw *d, const char *s, const size_t *sp, size_t j,
    double size, int bold, struct buf *tmp, double *w1, double *w2)
{
	buf_reset(tmp);
	buf_put(tmp, s, sp[j]);
	*w1 = d->text_width(d->ctx, size, bold, tmp->data != NULL ? tmp->data : "");
	*w2 = d->text_width(d->ctx, size, bold, s + sp[j] + 1);
}

/*
 * The space of sp[0, n) at which s splits best in two lines: the first line fits maxw and
 * the wider of the two is as narrow as can be (the first such space); n when none fits.
 * The first line only grows and the second only shrinks from one space to the next, so
 * the best split lies where they cross, found by halving: a long label costs a few dozen
 * measurements instead of two per space.
 */
static size_t
chart_best_space(const struct draw *d, const char *s, const size_t *sp, size_t n,
    double size, int bold, double maxw, struct buf *tmp)
{
	size_t lo, hi, mid, fit, cross;
	double w1, w2, a1, a2, b1, b2;

	/* sp[0, fit) leave a first line that fits. */
	for (lo = 0, hi = n; lo < hi;) {
		mid = lo + (hi - lo) / 2;
		chart_split_widths(d, s, sp, mid, size, bold, tmp, &w1, &w2);
		if (w1 <= maxw)
			lo = mid + 1;
		else
			hi = mid;
	}
	if ((fit = lo) == 0)
		return n;
	/* sp[cross] is the first of them where the first line is the wider. */
	for (lo = 0, hi = fit; lo < hi;) {
		mid = lo + (hi - lo) / 2;
		chart_split_widths(d, s, sp, mid, size, bold, tmp, &w1, &w2);
		if (w1 >= w2)
			hi = mid;
		else
			lo = mid + 1;
	}
	cross = lo;
	if (cross == 0)
		return 0;
	/* Before it the second line is the wider and narrows: its narrowest is at
	 * cross - 1, first reached at the first space where it is that narrow. */
	chart_split_widths(d, s, sp, cross - 1, size, bold, tmp, &a1, &a2);
	if (cross < fit) {
		chart_split_widths(d, s, sp, cross, size, bold, tmp, &b1, &b2);
		if (fmax(b1, b2) < a2)
			return cross;
	}
	for (lo = 0, hi = cross - 1; lo < hi;) {
		mid = lo + (hi - lo) / 2;
		chart_split_widths(d, s, sp, mid, size, bold, tmp, &w1, &w2);
		if (w2 <= a2)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* Splits s in two lines at the space that best balances them, if one line is too wide.
 * Returns the number of lines (1 or 2); line 2 is shortened to fit. */
static int
chart_wrap2(const struct draw *d, const char *s, double size, int bold, double maxw,
    struct buf *l1, struct buf *l2)
{
	size_t *sp, n = 0, best;
	const char *p;
	struct buf tmp;

	buf_reset(l2);
	if (d->text_width(d->ctx, size, bold, s) <= maxw) {
		buf_reset(l1);
		buf_puts(l1, s);
		return 1;
	}
	sp = xmalloc((strlen(s) + 1) * sizeof(*sp));
	for (p = strchr(s, ' '); p != NULL; p = strchr(p + 1, ' '))
		sp[n++] = (size_t)(p - s);
	buf_init(&tmp);
	best = chart_best_space(d, s, sp, n, size, bold, maxw, &tmp);
	buf_free(&tmp);
	if (best == n) {
		free(sp);
		chart_fit(d, s, size, bold, maxw, l1);
		return 1;
	}
	buf_reset(l1);
	buf_put(l1, s, sp[best]);
	chart_fit(d, s + sp[best] + 1, size, bold, maxw, l2);
	free(sp);
	return 2;
}

/* ---- patterns and markers ---- */

/* Diagonal lines (\\) inside the rectangle, clipped by hand; the caller strokes them, so
 * that a cross hatch is one path. */
static void
chart_hatch(const struct draw *d, double x, double y, double w, double h, double gap)
{
	double k, x1, y1, x2, y2;

	/* Lines x - x0 + (y0 + h - y) = k, i.e. points where u + v = k (u right, v up). */
	for (k = gap; k < w + h; k += gap) {
		x1 = x + fmax(0, k - h);
		y1 = y + h - fmin(k, h);
		x2 = x + fmin(k, w);
		y2 = y + h - fmax(0, k - w);
		d->move(d->ctx, x1, y1);
		d->line(d->ctx, x2, y2);
	}
}

/* Diagonal lines the other way (/), to cross the first. */
static void
chart_backhatch(const struct draw *d, double x, double y, double w, double h, double gap)
{
	double k, t0, t1;

	for (k = gap; k < w + h; k += gap) {
		t0 = fmax(0, k - w);
		t1 = fmin(h, k);
		d->move(d->ctx, x + k - t0, y + t0);
		d->line(d->ctx, x + k - t1, y + t1);
	}
}

/* Fills the rectangle x, y, w, h in colour rgb. */
static void
chart_fill_rect(const struct draw *d, unsigned rgb, double x, double y, double w, double h)
{
	d->colour(d->ctx, rgb);
	d->rect(d->ctx, x, y, w, h);
	d->fill(d->ctx);
}

/* A bar or legend swatch in the style's colour and pattern. */
static void
chart_swatch(const struct draw *d, const struct chart_style *st, double x, double y,
    double w, double h)
{
	if (w <= 0 || h <= 0)
		return;
	if (st->pattern == PAT_SOLID) {
		chart_fill_rect(d, st->rgb, x, y, w, h);
		return;
	}
	chart_fill_rect(d, st->tint, x, y, w, h);
	d->colour(d->ctx, st->rgb);
	d->dash(d->ctx, 0, 0);
	if (st->pattern == PAT_HATCH) {
		d->width(d->ctx, 0.9);
		chart_hatch(d, x, y, w, h, 3.6);
		d->stroke(d->ctx);
	} else if (st->pattern == PAT_CROSS) {
		d->width(d->ctx, 0.6);
		chart_hatch(d, x, y, w, h, 4);
		chart_backhatch(d, x, y, w, h, 4);
		d->stroke(d->ctx);
	} else if (st->pattern == PAT_BACKHATCH) {
		d->width(d->ctx, 0.9);
		chart_backhatch(d, x, y, w, h, 3.6);
		d->stroke(d->ctx);
	} else if (st->pattern == PAT_VLINES) {
		double k;

		d->width(d->ctx, 0.9);
		for (k = 2.5; k < w; k += 3.6) {
			d->move(d->ctx, x + k, y);
			d->line(d->ctx, x + k, y + h);
		}
		d->stroke(d->ctx);
	}
	d->width(d->ctx, st->pattern == PAT_OUTLINE ? 1.4 : 0.8);
	d->rect(d->ctx, x + 0.4, y + 0.4, fmax(w - 0.8, 0.1), fmax(h - 0.8, 0.1));
	d->stroke(d->ctx);
}

static void
chart_marker(const struct draw *d, const struct chart_style *st, double x, double y)
{
	double r = 2.8;

	d->colour(d->ctx, st->rgb);
	switch (st->marker) {
	case MARK_SQUARE:
		d->rect(d->ctx, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
		break;
	case MARK_TRIANGLE:
		d->move(d->ctx, x, y - r * 1.1);
		d->line(d->ctx, x + r, y + r * 0.75);
		d->line(d->ctx, x - r, y + r * 0.75);
		break;
	case MARK_DIAMOND:
		d->move(d->ctx, x, y - r * 1.15);
		d->line(d->ctx, x + r, y);
		d->line(d->ctx, x, y + r * 1.15);
		d->line(d->ctx, x - r, y);
		break;
	default: {
		/* A circle; as a polygon of 16 sides where the back end has no curves. */
		int i;

		if (d->circle != NULL) {
			d->circle(d->ctx, x, y, r);
			break;
		}
		for (i = 0; i < 16; i++) {
			double a = i * 3.14159265358979 / 8;

			if (i == 0)
				d->move(d->ctx, x + r, y);
			else
				d->line(d->ctx, x + r * cos(a), y + r * sin(a));
		}
	}
	}
	d->fill(d->ctx);
}

/* Reference line styles: the county dashed, the country dotted; both near black. */
static void
chart_ref_pen(const struct draw *d, size_t i)
{
	d->colour(d->ctx, i == 0 ? 0x000000 : 0x555555);
	d->width(d->ctx, i == 0 ? 1.1 : 1.3);
	if (i == 0)
		d->dash(d->ctx, 4, 2);
	else
		d->dash(d->ctx, 1.3, 1.7);
}

/* ---- the frame: title, legend, note ---- */

struct chart_lay {
	const struct draw	*d;
	const struct chart	*c;
	double			 w, h;
	double			 px, py, pw, ph;	/* the plot area */
	struct chart_axis	 ax;
	struct buf		 t1, t2;		/* scratch text */
};

static int
chart_direct(const struct chart *c)
{
	return c->kind == CHART_BAR && c->ncat == 1 && !c->horizontal;
}

static int
chart_has_legend(const struct chart *c)
{
	return c->nrefs > 0 || (c->nseries > 1 && !chart_direct(c));
}

static double
chart_legend_item_w(struct chart_lay *l, const char *text)
{
	return 14 + l->d->text_width(l->d->ctx, FS_SMALL, 0, text) + 10;
}

static void
chart_legend_sample(struct chart_lay *l, size_t s, double x, double y)
{
	const struct chart_style *st = chart_style(l->c, s);
	const struct draw *d = l->d;

	if (l->c->kind == CHART_LINE) {
		d->colour(d->ctx, st->rgb);
		d->width(d->ctx, 1.6);
		d->dash(d->ctx, st->dash_on, st->dash_off);
		d->move(d->ctx, x, y + 4);
		d->line(d->ctx, x + 11, y + 4);
		d->stroke(d->ctx);
		d->dash(d->ctx, 0, 0);
		chart_marker(d, st, x + 5.5, y + 4);
	} else {
		chart_swatch(d, st, x, y, 10, 8);
	}
}

/* Draws the legend from y, wrapping to more rows when needed; returns its height. */
static double
chart_legend(struct chart_lay *l, double y)
{
	const struct chart *c = l->c;
	const struct draw *d = l->d;
	double x = 0, rows = 1, iw, ry;
	size_t i, n = chart_direct(c) || c->nseries < 2 ? 0 : c->nseries;
	char num[24];

	for (i = 0; i < n + c->nrefs; i++) {
		if (i < n) {
			buf_reset(&l->t1);
			buf_puts(&l->t1, c->ser[i]);
		} else {
			chart_fmt_value(c, &c->refs[i - n].value, num, sizeof(num));
			buf_reset(&l->t1);
			buf_printf(&l->t1, "%s %s", c->refs[i - n].label, num);
		}
		iw = chart_legend_item_w(l, l->t1.data);
		if (x > 0 && x + iw > l->w) {
			x = 0;
			rows++;
		}
		ry = y + (rows - 1) * 12;
		if (i < n) {
			chart_legend_sample(l, i, x, ry);
		} else {
			chart_ref_pen(d, i - n);
			d->move(d->ctx, x, ry + 4);
			d->line(d->ctx, x + 11, ry + 4);
			d->stroke(d->ctx);
			d->dash(d->ctx, 0, 0);
		}
		d->colour(d->ctx, COL_TEXT);
		d->text(d->ctx, x + 14, ry + 7.5, DRAW_LEFT, FS_SMALL, 0, l->t1.data);
		x += iw;
	}
	return n + c->nrefs > 0 ? rows * 12 : 0;
}

/* Title, legend and note; sets the top and bottom the plot may use. */
static void
chart_frame(struct chart_lay *l, double *top, double *bottom)
{
	const struct chart *c = l->c;
	const struct draw *d = l->d;
	double y = 0;

	if (*c->title != '\0') {
		chart_fit(d, c->title, FS_TITLE, 1, l->w, &l->t1);
		d->colour(d->ctx, COL_TEXT);
		d->text(d->ctx, 0, 9.5, DRAW_LEFT, FS_TITLE, 1, l->t1.data);
		y = 16;
	}
	if (chart_has_legend(c))
		y += chart_legend(l, y) + 3;
	*top = y;
	*bottom = l->h;
	if (*c->note != '\0') {
		chart_fit(d, c->note, FS_SMALL, 0, l->w, &l->t1);
		d->colour(d->ctx, COL_MUTED);
		d->text(d->ctx, 0, l->h - 2, DRAW_LEFT, FS_SMALL, 0, l->t1.data);
		*bottom = l->h - 12;
	}
}

/* ---- vertical charts: bars, stacks and lines ---- */

static double
chart_vy(const struct chart_lay *l, double v)
{
	double f = v / l->ax.vmax;

	if (f < 0)
		f = 0;
	if (f > 1)
		f = 1;
	return l->py + l->ph - f * l->ph;
}

static double
chart_tick_w(struct chart_lay *l)
{
	double t, w = 0;
	char s[24];

	for (t = 0; t <= l->ax.vmax + 1e-9; t += l->ax.step) {
		chart_fmt_tick(s, sizeof(s), t, l->ax.step);
		w = fmax(w, l->d->text_width(l->d->ctx, FS_SMALL, 0, s));
	}
	return w;
}

static int	chart_band_overlay(const struct chart *, size_t);

/* The width of the level bands' words right of a vertical plot (overlays' words go
 * inside the plot). */
static double
chart_band_w(struct chart_lay *l)
{
	double w = 0;
	size_t i;

	for (i = 0; i < l->c->nbands; i++)
		if (!chart_band_overlay(l->c, i))
			w = fmax(w, l->d->text_width(l->d->ctx, FS_SMALL, 0,
			    l->c->bands[i].label));
	return w;
}

/* A band that overlaps an earlier one (the need band over the level bands) is an overlay:
 * drawn as a light hatch between two edge lines, so the level under it stays visible. */
static int
chart_band_overlay(const struct chart *c, size_t k)
{
	size_t j;

	for (j = 0; j < k; j++)
		if (c->bands[k].from10 < c->bands[j].to10 &&
		    c->bands[k].to10 > c->bands[j].from10)
			return 1;
	return 0;
}

static int
chart_has_overlay(const struct chart *c)
{
	size_t k;

	for (k = 0; k < c->nbands; k++)
		if (chart_band_overlay(c, k))
			return 1;
	return 0;
}

static void
chart_overlay(const struct draw *d, const struct chart_style *st, double x, double y,
    double w, double h, int upright)
{
	d->colour(d->ctx, st->rgb);
	d->width(d->ctx, 0.5);
	chart_hatch(d, x, y, w, h, 6);
	d->stroke(d->ctx);
	d->width(d->ctx, 0.9);
	d->move(d->ctx, x, y);
	d->line(d->ctx, upright ? x : x + w, upright ? y + h : y);
	d->move(d->ctx, upright ? x + w : x, upright ? y : y + h);
	d->line(d->ctx, x + w, y + h);
	d->stroke(d->ctx);
}

struct chart_blabel {
	double	 y;
	size_t	 k;
};

/* The word of overlay band k (from y0 down to y1 on the page) inside the plot at its left
 * end, on a plate of the level under it. */
static void
chart_v_overlay_label(struct chart_lay *l, size_t k, double y0, double y1)
{
	const struct draw *d = l->d;
	const struct chart_band *b = &l->c->bands[k];
	double tw, y, mid10;
	size_t j;
	unsigned bg = 0xFFFFFF;

	chart_fit(d, b->label, FS_SMALL, 0, l->pw - 8, &l->t1);
	if (l->t1.len == 0)
		return;
	tw = d->text_width(d->ctx, FS_SMALL, 0, l->t1.data);
	if (y0 - y1 >= 10) {
		y = (y0 + y1) / 2 + 2.5;
		mid10 = (b->from10 + b->to10) / 2.0;
	} else {
		y = fmax(y1 - 2.5, l->py + 6);
		mid10 = b->to10 + 1;
	}
	for (j = 0; j < k; j++)
		if (!chart_band_overlay(l->c, j) && mid10 >= l->c->bands[j].from10 &&
		    mid10 < l->c->bands[j].to10)
			bg = chart_tone_styles[l->c->bands[j].tone].tint;
	chart_fill_rect(d, bg, l->px + 3, y - 6.8, tw + 4, 9);
	d->colour(d->ctx, chart_tone_styles[b->tone].ink);
	d->text(d->ctx, l->px + 5, y, DRAW_LEFT, FS_SMALL, 0, l->t1.data);
}

/* Band words in the right margin, each at its band's middle, pushed apart where they
 * would touch; an overlay's word (the need band's, which is long) inside the plot at the
 * band's left end, in the band when it is tall enough, else just above it, so that the
 * plot keeps the width of the charts without one. */
static void
chart_v_band_labels(struct chart_lay *l)
{
	const struct chart *c = l->c;
	struct chart_blabel *v = xcalloc(c->nbands + 1, sizeof(*v)), t;
	size_t i, j, n = 0;

	for (i = 0; i < c->nbands; i++) {
		double y0 = chart_vy(l, c->bands[i].from10 / 10.0);
		double y1 = chart_vy(l, c->bands[i].to10 / 10.0);

		if (y0 - y1 <= 0)
			continue;
		if (chart_band_overlay(c, i)) {
			chart_v_overlay_label(l, i, y0, y1);
			continue;
		}
		v[n].y = (y0 + y1) / 2 + 2.5;
		v[n++].k = i;
		for (j = n - 1; j > 0 && v[j - 1].y > v[j].y; j--) {
			t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	}
	for (i = 1; i < n; i++)
		if (v[i].y - v[i - 1].y < 9)
			v[i].y = v[i - 1].y + 9;
	for (i = n; i-- > 0;) {
		if (i + 1 < n && v[i + 1].y - v[i].y < 9)
			v[i].y = v[i + 1].y - 9;
		else if (i + 1 == n && v[i].y > l->py + l->ph + 2)
			v[i].y = l->py + l->ph + 2;
	}
	for (i = 0; i < n; i++) {
		l->d->colour(l->d->ctx, chart_tone_styles[c->bands[v[i].k].tone].ink);
		l->d->text(l->d->ctx, l->px + l->pw + 5, v[i].y, DRAW_LEFT, FS_SMALL, 0,
		    c->bands[v[i].k].label);
	}
	free(v);
}

static void
chart_v_bands(struct chart_lay *l)
{
	const struct draw *d = l->d;
	const struct chart_band *b;
	const struct chart_style *st;
	double y0, y1;
	size_t i;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < l->c->nbands; i++) {
			b = &l->c->bands[i];
			st = &chart_tone_styles[b->tone];
			y0 = chart_vy(l, b->from10 / 10.0);
			y1 = chart_vy(l, b->to10 / 10.0);
			if (y0 - y1 <= 0 || chart_band_overlay(l->c, i) != pass)
				continue;
			if (pass == 1) {
				chart_overlay(d, st, l->px, y1, l->pw, y0 - y1, 0);
				continue;
			}
			chart_fill_rect(d, st->tint, l->px, y1, l->pw, y0 - y1);
		}
	}
	chart_v_band_labels(l);
}

/* Grid lines are decoration: a tagged PDF makes them artifacts (their tick labels, which
 * are drawn at the end, stay part of the figure). */
static void
chart_artifact(const struct draw *d, int on)
{
	if (d->artifact != NULL)
		d->artifact(d->ctx, on);
}

static void
chart_v_grid(struct chart_lay *l)
{
	const struct draw *d = l->d;
	double t, y;
	char s[24];

	chart_artifact(d, 1);
	d->width(d->ctx, 0.5);
	for (t = 0; t <= l->ax.vmax + 1e-9; t += l->ax.step) {
		y = chart_vy(l, t);
		if (t > 0) {
			d->colour(d->ctx, COL_GRID);
			d->move(d->ctx, l->px, y);
			d->line(d->ctx, l->px + l->pw, y);
			d->stroke(d->ctx);
		}
		chart_fmt_tick(s, sizeof(s), t, l->ax.step);
		d->colour(d->ctx, COL_MUTED);
		d->text(d->ctx, l->px - 4, y + 2.5, DRAW_RIGHT, FS_SMALL, 0, s);
	}
	chart_artifact(d, 0);
}

static void
chart_v_refs(struct chart_lay *l)
{
	const struct draw *d = l->d;
	double y;
	size_t i;

	for (i = 0; i < l->c->nrefs && i < 2; i++) {
		if (l->c->refs[i].value.state != CHART_VALUE)
			continue;
		y = chart_vy(l, l->c->refs[i].value.v10 / 10.0);
		chart_ref_pen(d, i);
		d->move(d->ctx, l->px, y);
		d->line(d->ctx, l->px + l->pw, y);
		d->stroke(d->ctx);
		d->dash(d->ctx, 0, 0);
	}
}

static void
chart_v_baseline(struct chart_lay *l)
{
	const struct draw *d = l->d;

	d->colour(d->ctx, COL_AXIS);
	d->width(d->ctx, 0.8);
	d->dash(d->ctx, 0, 0);
	d->move(d->ctx, l->px, l->py + l->ph);
	d->line(d->ctx, l->px + l->pw, l->py + l->ph);
	d->stroke(d->ctx);
}

/* The label under slot i (centre x, width sw): category name, or the series name when
 * each bar stands alone. Bold when highlighted. */
static void
chart_v_catlabel(struct chart_lay *l, const char *s, double cx, double sw, int bold)
{
	const struct draw *d = l->d;
	int n = chart_wrap2(d, s, FS_LABEL, bold, sw - 2, &l->t1, &l->t2);

	d->colour(d->ctx, COL_TEXT);
	d->text(d->ctx, cx, l->py + l->ph + 11, DRAW_CENTER, FS_LABEL, bold, l->t1.data);
	if (n == 2)
		d->text(d->ctx, cx, l->py + l->ph + 20.5, DRAW_CENTER, FS_LABEL, bold,
		    l->t2.data);
}

/* A word in place of a bar (see struct chart_word): bold, in the tone's dark colour, on a
 * plate of its tint framed in its colour, the plate's left edge at x (anchor DRAW_LEFT) or
 * its middle at x (DRAW_CENTER), centred on cy, no wider than maxw. */
static void
chart_word_plate(struct chart_lay *l, const char *word, enum chart_tone tone, double x,
    double cy, enum draw_anchor a, double maxw)
{
	const struct draw *d = l->d;
	const struct chart_style *st = &chart_tone_styles[tone];
	double tw, pw;

	chart_fit(d, word, FS_SMALL, 1, maxw - 8, &l->t1);
	if (l->t1.len == 0)
		return;
	tw = d->text_width(d->ctx, FS_SMALL, 1, l->t1.data);
	pw = tw + 8;
	if (a == DRAW_CENTER)
		x -= pw / 2;
	chart_fill_rect(d, st->tint, x, cy - 5.5, pw, 11);
	d->colour(d->ctx, st->rgb);
	d->width(d->ctx, 0.8);
	d->dash(d->ctx, 0, 0);
	d->rect(d->ctx, x + 0.4, cy - 5.1, pw - 0.8, 10.2);
	d->stroke(d->ctx);
	d->colour(d->ctx, st->ink);
	d->text(d->ctx, x + 4, cy + 2.5, DRAW_LEFT, FS_SMALL, 1, l->t1.data);
}

static void
chart_v_value_label(struct chart_lay *l, const struct chart_value *v, double cx, double top)
{
	char s[24];

	chart_fmt_value(l->c, v, s, sizeof(s));
	l->d->colour(l->d->ctx, COL_TEXT);
	/* Groups of bars get smaller figures, so that neighbours' labels keep apart. */
	l->d->text(l->d->ctx, cx, top - 3, DRAW_CENTER, l->c->kind == CHART_BAR &&
	    l->c->nseries > 1 && !chart_direct(l->c) ? FS_SMALL : FS_LABEL,
	    v->state == CHART_VALUE && chart_direct(l->c), s);
}

static void
chart_v_bars(struct chart_lay *l)
{
	const struct chart *c = l->c;
	size_t nslot = chart_direct(c) ? c->nseries : c->ncat;
	size_t per = chart_direct(c) ? 1 : c->nseries, i, s;
	double sw = l->pw / (double)(nslot > 0 ? nslot : 1);
	double bw = fmin((sw * 0.66 - (per - 1) * 2) / per, 56), gx, x, top;
	const struct chart_value *v;

	for (i = 0; i < nslot; i++) {
		gx = l->px + sw * i + sw / 2 - (bw * per + 2 * (per - 1)) / 2;
		for (s = 0; s < per; s++) {
			size_t cat = chart_direct(c) ? 0 : i, ser = chart_direct(c) ? i : s;

			v = chart_val(c, cat, ser);
			x = gx + s * (bw + 2);
			top = l->py + l->ph;
			if (chart_word(c, cat, ser) != NULL) {
				chart_word_plate(l, chart_word(c, cat, ser),
				    c->wtone[cat * c->nseries + ser], x + bw / 2, top - 8,
				    DRAW_CENTER, fmax(sw / per, bw + 4));
				continue;
			}
			if (v->state == CHART_VALUE && v->v10 > 0) {
				top = chart_vy(l, v->v10 / 10.0);
				chart_swatch(l->d, chart_style(c, ser), x, top, bw,
				    l->py + l->ph - top);
			}
			chart_v_value_label(l, v, x + bw / 2, top);
		}
		chart_v_catlabel(l, chart_direct(c) ? c->ser[i] : c->cat[i],
		    l->px + sw * i + sw / 2, sw, c->highlight == i + 1);
	}
}

/* A label inside a stacked segment, on a small white plate so it reads on any pattern.
 * Returns 0 (and draws nothing) when the segment is too small for it. */
static int
chart_seg_label(struct chart_lay *l, const char *s, double cx, double cy, double room_w,
    double room_h)
{
	const struct draw *d = l->d;
	double tw = d->text_width(d->ctx, FS_SMALL, 0, s);

	if (tw + 4 > room_w || room_h < 9)
		return 0;
	chart_fill_rect(d, 0xFFFFFF, cx - tw / 2 - 1.5, cy - 4.6, tw + 3, 8.6);
	d->colour(d->ctx, COL_TEXT);
	d->text(d->ctx, cx, cy + 2.5, DRAW_CENTER, FS_SMALL, 0, s);
	return 1;
}

/* The label of a segment too small to hold it, placed outside the bar with a leader line
 * from the segment: at is where the leader starts, x, y where the label goes. */
struct chart_out {
	double	 at, x, y, tw;
	char	 s[24];
};

/* Labels of small segments under a horizontal bar whose lower edge is ybot: each under its
 * segment, pushed right where they would touch, and back left from the chart's edge. */
static void
chart_h_out_labels(struct chart_lay *l, struct chart_out *o, size_t n, double ybot)
{
	const struct draw *d = l->d;
	double hi = l->w;
	size_t k;

	for (k = 0; k < n; k++) {
		o[k].tw = d->text_width(d->ctx, FS_SMALL, 0, o[k].s);
		o[k].x = fmax(o[k].at - o[k].tw / 2, k == 0 ? l->px :
		    o[k - 1].x + o[k - 1].tw + 5);
	}
	for (k = n; k-- > 0;) {
		if (o[k].x + o[k].tw > hi)
			o[k].x = hi - o[k].tw;
		hi = o[k].x - 5;
	}
	for (k = 0; k < n; k++) {
		d->colour(d->ctx, COL_MUTED);
		d->width(d->ctx, 0.6);
		d->move(d->ctx, o[k].at, ybot + 0.4);
		d->line(d->ctx, o[k].x + o[k].tw / 2, ybot + 3.2);
		d->stroke(d->ctx);
		d->colour(d->ctx, COL_TEXT);
		d->text(d->ctx, o[k].x, ybot + 9.4, DRAW_LEFT, FS_SMALL, 0, o[k].s);
	}
}

/* Labels of small segments right of a vertical bar whose right edge is xr: each at its
 * segment's height, pushed up where they would touch (segments are in order upwards). */
static void
chart_v_out_labels(struct chart_lay *l, struct chart_out *o, size_t n, double xr)
{
	const struct draw *d = l->d;
	size_t k;

	for (k = 0; k < n; k++) {
		o[k].y = k == 0 ? o[k].at : fmin(o[k].at, o[k - 1].y - 8.5);
		d->colour(d->ctx, COL_MUTED);
		d->width(d->ctx, 0.6);
		d->move(d->ctx, xr + 0.4, o[k].at);
		d->line(d->ctx, xr + 3, o[k].y);
		d->stroke(d->ctx);
		d->colour(d->ctx, COL_TEXT);
		d->text(d->ctx, xr + 4, o[k].y + 2.5, DRAW_LEFT, FS_SMALL, 0, o[k].s);
	}
}

static void
chart_v_stacks(struct chart_lay *l)
{
	const struct chart *c = l->c;
	double sw = l->pw / (double)(c->ncat > 0 ? c->ncat : 1);
	double bw = fmin(sw * 0.6, 64), x, base, top, y0;
	const struct chart_value *v;
	struct chart_value tv;
	struct chart_out *o = xcalloc(c->nseries, sizeof(*o));
	size_t i, s, no;
	long total;
	int any;
	char num[24];

	for (i = 0; i < c->ncat; i++) {
		x = l->px + sw * i + sw / 2 - bw / 2;
		base = 0;
		no = 0;
		total = chart_stack_total(c, i, &any);
		for (s = 0; s < c->nseries; s++) {
			v = chart_val(c, i, s);
			if (v->state != CHART_VALUE || v->v10 <= 0)
				continue;
			top = chart_vy(l, (base + v->v10) / 10.0);
			y0 = chart_vy(l, base / 10.0);
			chart_swatch(l->d, chart_style(c, s), x, top, bw, y0 - top);
			chart_fmt_value(c, v, num, sizeof(num));
			if (!chart_seg_label(l, num, x + bw / 2, (top + y0) / 2, bw, y0 - top)) {
				o[no].at = (top + y0) / 2;
				snprintf(o[no++].s, sizeof(o->s), "%s", num);
			}
			base += v->v10;
		}
		chart_v_out_labels(l, o, no, x + bw);
		tv = any ? CHART_VAL((int)total) : *chart_val(c, i, 0);
		if (!any || c->integers)
			chart_v_value_label(l, &tv, x + bw / 2, chart_vy(l, base / 10.0));
		chart_v_catlabel(l, c->cat[i], l->px + sw * i + sw / 2, sw,
		    c->highlight == i + 1);
	}
	free(o);
}

/* Where the first series' label of category i goes: on the side of its point with more
 * room from the other lines; hidden and missing ones sit on the baseline. */
static double
chart_line_label_y(const struct chart_lay *l, size_t i)
{
	const struct chart_value *v = chart_val(l->c, i, 0), *o;
	double y, yo, up = 1e9, down = 1e9;
	size_t s;

	if (v->state != CHART_VALUE)
		return l->py + l->ph - 3;
	y = chart_vy(l, v->v10 / 10.0);
	for (s = 1; s < l->c->nseries; s++) {
		o = chart_val(l->c, i, s);
		if (o->state != CHART_VALUE)
			continue;
		yo = chart_vy(l, o->v10 / 10.0);
		if (yo <= y)
			up = fmin(up, y - yo);
		else
			down = fmin(down, yo - y);
	}
	if (y + 13 > l->py + l->ph - 2)
		down = 0;
	return up >= down ? y - 6 : y + 13;
}

/* The colour behind value v10 of a vertical chart: a band's tint or white. */
static unsigned
chart_v_bg(const struct chart_lay *l, double v10)
{
	size_t k;

	for (k = 0; k < l->c->nbands; k++)
		if (v10 >= l->c->bands[k].from10 && v10 < l->c->bands[k].to10)
			return chart_tone_styles[l->c->bands[k].tone].tint;
	return 0xFFFFFF;
}

/* A bold label centred at x on baseline y, on a plate of the background colour so that
 * lines and markers under it do not cut through the figures. */
static void
chart_plated(struct chart_lay *l, double x, double y, const char *s)
{
	const struct draw *d = l->d;
	double tw = d->text_width(d->ctx, FS_LABEL, 1, s);
	double v10 = (l->py + l->ph - (y - 3)) / l->ph * l->ax.vmax * 10;

	chart_fill_rect(d, chart_v_bg(l, v10), x - tw / 2 - 1.5, y - 7.6, tw + 3, 9.8);
	d->colour(d->ctx, COL_TEXT);
	d->text(d->ctx, x, y, DRAW_CENTER, FS_LABEL, 1, s);
}

/* 1 when value (i, s) of a line chart is drawn where value (i, t) is (within a point and
 * a half), so that one would hide the other. */
static int
chart_v_same(const struct chart_lay *l, size_t i, size_t s, size_t t)
{
	const struct chart_value *a = chart_val(l->c, i, s), *b = chart_val(l->c, i, t);

	return a->state == CHART_VALUE && b->state == CHART_VALUE &&
	    fabs(chart_vy(l, a->v10 / 10.0) - chart_vy(l, b->v10 / 10.0)) < 1.5;
}

/* The horizontal shift of the marker of (i, s): markers that would cover each other
 * (two places with the same figure) stand side by side around the point. */
static double
chart_v_marker_dx(const struct chart_lay *l, size_t i, size_t s)
{
	const struct chart_value *v = chart_val(l->c, i, s), *o;
	size_t t, before = 0, n = 1;

	for (t = 0; t < l->c->nseries; t++) {
		o = chart_val(l->c, i, t);
		if (t == s || o->state != CHART_VALUE ||
		    fabs(chart_vy(l, o->v10 / 10.0) - chart_vy(l, v->v10 / 10.0)) >= 3.5)
			continue;
		n++;
		before += t < s;
	}
	return (before - (n - 1) / 2.0) * 6.5;
}

/* The lines, first series first, so that later ones (thinner, dashed) lie on top: where two
 * coincide (the county is the whole country) the upper one is drawn thinner, and dashed
 * if its style is solid, so that both stay visible; then the markers, side by side where
 * they coincide; then the first series' values and the category labels. */
static void
chart_v_lines(struct chart_lay *l)
{
	const struct chart *c = l->c;
	const struct draw *d = l->d;
	const struct chart_style *st;
	const struct chart_value *v, *w;
	double sw = l->pw / (double)(c->ncat > 0 ? c->ncat : 1), x;
	size_t i, s, t;
	int same, run;
	char num[24];

	for (s = 0; s < c->nseries; s++) {
		st = chart_style(c, s);
		d->colour(d->ctx, st->rgb);
		/* Runs of segments alike (all coinciding with an earlier line, or none) are one
		 * path each, so that their corners join. run: -1 none open, else its kind. */
		run = -1;
		for (i = 0; i + 1 < c->ncat; i++) {
			v = chart_val(c, i, s);
			w = chart_val(c, i + 1, s);
			if (v->state != CHART_VALUE || w->state != CHART_VALUE) {
				if (run >= 0)
					d->stroke(d->ctx);
				run = -1;
				continue;
			}
			for (same = 0, t = 0; t < s && !same; t++)
				same = chart_v_same(l, i, s, t) && chart_v_same(l, i + 1, s, t);
			x = l->px + sw * i + sw / 2;
			if (run != same) {
				if (run >= 0)
					d->stroke(d->ctx);
				d->width(d->ctx, s == 0 ? 2 : same ? 1.1 : 1.5);
				if (same && st->dash_on <= 0)
					d->dash(d->ctx, 3, 3);
				else
					d->dash(d->ctx, st->dash_on, st->dash_off);
				d->move(d->ctx, x, chart_vy(l, v->v10 / 10.0));
				run = same;
			}
			d->line(d->ctx, x + sw, chart_vy(l, w->v10 / 10.0));
		}
		if (run >= 0)
			d->stroke(d->ctx);
		d->dash(d->ctx, 0, 0);
	}
	for (s = 0; s < c->nseries; s++) {
		for (i = 0; i < c->ncat; i++) {
			v = chart_val(c, i, s);
			if (v->state == CHART_VALUE)
				chart_marker(d, chart_style(c, s), l->px + sw * i + sw / 2 +
				    chart_v_marker_dx(l, i, s), chart_vy(l, v->v10 / 10.0));
		}
	}
	for (i = 0; i < c->ncat; i++) {
		x = l->px + sw * i + sw / 2;
		v = chart_val(c, i, 0);
		chart_fmt_value(c, v, num, sizeof(num));
		chart_plated(l, x, chart_line_label_y(l, i), num);
		chart_v_catlabel(l, c->cat[i], x, sw, c->highlight == i + 1);
	}
}

/* The tallest category label (1 or 2 lines) of a vertical chart. */
static int
chart_v_catlines(struct chart_lay *l, double sw)
{
	size_t i, n = chart_direct(l->c) ? l->c->nseries : l->c->ncat;
	const char *s;

	for (i = 0; i < n; i++) {
		s = chart_direct(l->c) ? l->c->ser[i] : l->c->cat[i];
		if (chart_wrap2(l->d, s, FS_LABEL, 1, sw - 2, &l->t1, &l->t2) == 2)
			return 2;
	}
	return 1;
}

static void
chart_vertical(struct chart_lay *l, double top, double bottom)
{
	const struct chart *c = l->c;
	const struct draw *d = l->d;
	double right = c->nbands > 0 ? chart_band_w(l) + 8 : 2;
	size_t nslot = chart_direct(c) ? c->nseries : c->ncat;

	l->px = chart_tick_w(l) + 5;
	l->pw = fmax(l->w - l->px - right, 10);
	if (*c->axis_title != '\0') {
		d->colour(d->ctx, COL_MUTED);
		d->text(d->ctx, 0, top + 7, DRAW_LEFT, FS_SMALL, 0, c->axis_title);
		top += 9;
	}
	l->py = top + 12;
	l->ph = bottom - l->py - (chart_v_catlines(l, l->pw / (double)(nslot ? nslot : 1)) ==
	    2 ? 24 : 14);
	if (l->ph < 10)
		l->ph = 10;
	chart_v_bands(l);
	chart_v_grid(l);
	if (c->kind == CHART_LINE)
		chart_v_lines(l);
	else if (c->kind == CHART_STACKED)
		chart_v_stacks(l);
	else
		chart_v_bars(l);
	chart_v_refs(l);
	chart_v_baseline(l);
}

/* ---- horizontal charts: ranked bars, stacked status ---- */

static double
chart_hx(const struct chart_lay *l, double v)
{
	double f = v / l->ax.vmax;

	return l->px + fmin(fmax(f, 0), 1) * l->pw;
}

/* Bands as columns; their words above the plot, overlays' words on a second line. */
static void
chart_h_bands(struct chart_lay *l, double label_y)
{
	const struct draw *d = l->d;
	const struct chart_band *b;
	const struct chart_style *st;
	double x0, x1, cx, tw;
	size_t i;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < l->c->nbands; i++) {
			b = &l->c->bands[i];
			st = &chart_tone_styles[b->tone];
			x0 = chart_hx(l, b->from10 / 10.0);
			x1 = chart_hx(l, b->to10 / 10.0);
			if (x1 - x0 <= 0 || chart_band_overlay(l->c, i) != pass)
				continue;
			if (pass == 0) {
				chart_fill_rect(d, st->tint, x0, l->py, x1 - x0, l->ph);
				chart_fit(d, b->label, FS_SMALL, 0, x1 - x0 - 2, &l->t1);
			} else {
				chart_overlay(d, st, x0, l->py, x1 - x0, l->ph, 1);
				chart_fit(d, b->label, FS_SMALL, 0, l->pw, &l->t1);
			}
			tw = d->text_width(d->ctx, FS_SMALL, 0, l->t1.data);
			cx = fmin(fmax((x0 + x1) / 2, l->px + tw / 2), l->px + l->pw - tw / 2);
			d->colour(d->ctx, st->ink);
			d->text(d->ctx, cx, label_y + pass * 9, DRAW_CENTER, FS_SMALL, 0,
			    l->t1.data);
		}
	}
}

static void
chart_h_grid(struct chart_lay *l)
{
	const struct draw *d = l->d;
	double t, x;
	char s[24];

	chart_artifact(d, 1);
	d->width(d->ctx, 0.5);
	for (t = 0; t <= l->ax.vmax + 1e-9; t += l->ax.step) {
		x = chart_hx(l, t);
		if (t > 0) {
			d->colour(d->ctx, COL_GRID);
			d->move(d->ctx, x, l->py);
			d->line(d->ctx, x, l->py + l->ph);
			d->stroke(d->ctx);
		}
		chart_fmt_tick(s, sizeof(s), t, l->ax.step);
		d->colour(d->ctx, COL_MUTED);
		d->text(d->ctx, x, l->py + l->ph + 9, DRAW_CENTER, FS_SMALL, 0, s);
	}
	chart_artifact(d, 0);
	if (*l->c->axis_title != '\0')
		d->text(d->ctx, l->px + l->pw, l->py + l->ph + 19, DRAW_RIGHT, FS_SMALL, 0,
		    l->c->axis_title);
}

static void
chart_h_refs(struct chart_lay *l)
{
	const struct draw *d = l->d;
	double x;
	size_t i;

	for (i = 0; i < l->c->nrefs && i < 2; i++) {
		if (l->c->refs[i].value.state != CHART_VALUE)
			continue;
		x = chart_hx(l, l->c->refs[i].value.v10 / 10.0);
		chart_ref_pen(d, i);
		d->move(d->ctx, x, l->py - 2);
		d->line(d->ctx, x, l->py + l->ph);
		d->stroke(d->ctx);
		d->dash(d->ctx, 0, 0);
	}
}

/* The background under value v of row i: the highlight, a band's tint, or white. */
static unsigned
chart_h_bg(const struct chart_lay *l, size_t i, double v10)
{
	size_t k;

	if (l->c->highlight == i + 1)
		return COL_HIGHLIGHT;
	for (k = 0; k < l->c->nbands; k++)
		if (v10 >= l->c->bands[k].from10 && v10 < l->c->bands[k].to10)
			return chart_tone_styles[l->c->bands[k].tone].tint;
	return 0xFFFFFF;
}

/* A value label right of x; where a reference line crosses it, the line is covered. */
static void
chart_h_value_label(struct chart_lay *l, size_t i, const struct chart_value *v, double x,
    double cy, int bold)
{
	const struct draw *d = l->d;
	double tw, rx;
	size_t k;
	char s[24];

	chart_fmt_value(l->c, v, s, sizeof(s));
	tw = d->text_width(d->ctx, FS_SMALL, bold, s);
	for (k = 0; k < l->c->nrefs && k < 2; k++) {
		if (l->c->refs[k].value.state != CHART_VALUE)
			continue;
		rx = chart_hx(l, l->c->refs[k].value.v10 / 10.0);
		if (rx >= x + 1 && rx <= x + tw + 5) {
			chart_fill_rect(d, chart_h_bg(l, i, l->c->refs[k].value.v10), x + 1.5,
			    cy - 4.6, tw + 3, 9);
		}
	}
	d->colour(d->ctx, COL_TEXT);
	d->text(d->ctx, x + 3, cy + 2.8, DRAW_LEFT, FS_SMALL, bold, s);
}

/* 1 when row i of a horizontal stacked chart w points wide may have a segment too narrow
 * for its value, whose label then goes on a line under the bar. Judged without font
 * metrics (a digit is under 4,5 points at FS_SMALL; the plot takes at least 55 % of the
 * width), so that chart_height and the drawing agree on the rows' heights. */
static int
chart_h_outside(const struct chart *c, const struct chart_axis *ax, size_t i, double w)
{
	const struct chart_value *v;
	size_t s;
	char num[24];

	if (c->kind != CHART_STACKED || !c->horizontal)
		return 0;
	for (s = 0; s < c->nseries; s++) {
		v = chart_val(c, i, s);
		if (v->state != CHART_VALUE || v->v10 <= 0)
			continue;
		chart_fmt_value(c, v, num, sizeof(num));
		if (v->v10 / 10.0 / ax->vmax * w * 0.55 < (double)strlen(num) * 4.5 + 4)
			return 1;
	}
	return 0;
}

/* The share of the plot's height row i of a horizontal chart takes, in points of
 * chart_height: a stacked row with labels under its bar is taller. */
static double
chart_h_row_weight(const struct chart *c, const struct chart_axis *ax, size_t i, double w)
{
	return chart_h_outside(c, ax, i, w) ? ROW_STACK + ROW_OUT : ROW_STACK;
}

/* The room of the bars of row i (top ry, height rh): less the line of labels under them. */
static double
chart_h_bar_room(const struct chart_lay *l, size_t i, double rh)
{
	if (!chart_h_outside(l->c, &l->ax, i, l->w))
		return rh;
	return rh * ROW_STACK / (ROW_STACK + ROW_OUT);
}

/* One row of a horizontal chart: grouped bars or a stack (pass 0), or their value labels
 * (pass 1, after the reference lines, so that labels stay readable). */
static void
chart_h_row(struct chart_lay *l, size_t i, double ry, double rh, int pass)
{
	const struct chart *c = l->c;
	double bh, y, x, end, room = chart_h_bar_room(l, i, rh);
	size_t s, per = c->kind == CHART_STACKED ? 1 : c->nseries, no = 0;
	const struct chart_value *v;
	struct chart_value tv;
	struct chart_out *o;
	long base = 0, total;
	int any, bold = c->highlight == i + 1;
	char num[24];

	bh = fmin((room * 0.72 - (per - 1)) / per, 16);
	y = ry + room / 2 - (bh * per + (per - 1)) / 2;
	if (c->kind != CHART_STACKED) {
		for (s = 0; s < per; s++, y += bh + 1) {
			v = chart_val(c, i, s);
			if (chart_word(c, i, s) != NULL) {
				if (pass == 1)
					chart_word_plate(l, chart_word(c, i, s),
					    c->wtone[i * c->nseries + s], l->px + 2, y + bh / 2,
					    DRAW_LEFT, l->pw - 2);
				continue;
			}
			end = chart_hx(l, v->state == CHART_VALUE ? v->v10 / 10.0 : 0);
			if (pass == 1)
				chart_h_value_label(l, i, v, end, y + bh / 2, bold);
			else if (v->state == CHART_VALUE && v->v10 > 0)
				chart_swatch(l->d, chart_style(c, s), l->px, y, end - l->px, bh);
		}
		return;
	}
	total = chart_stack_total(c, i, &any);
	o = xcalloc(c->nseries, sizeof(*o));
	for (s = 0; s < c->nseries; s++) {
		v = chart_val(c, i, s);
		if (v->state != CHART_VALUE || v->v10 <= 0)
			continue;
		x = chart_hx(l, base / 10.0);
		end = chart_hx(l, (base + v->v10) / 10.0);
		base += v->v10;
		if (pass == 0) {
			chart_swatch(l->d, chart_style(c, s), x, y, end - x, bh);
			continue;
		}
		chart_fmt_value(c, v, num, sizeof(num));
		if (!chart_seg_label(l, num, (x + end) / 2, y + bh / 2, end - x, bh)) {
			o[no].at = (x + end) / 2;
			snprintf(o[no++].s, sizeof(o->s), "%s", num);
		}
	}
	chart_h_out_labels(l, o, no, y + bh);
	free(o);
	tv = any ? CHART_VAL((int)total) : *chart_val(c, i, 0);
	if (pass == 1 && (!any || c->integers))
		chart_h_value_label(l, i, &tv, chart_hx(l, base / 10.0), y + bh / 2, bold);
}

static void
chart_h_rows(struct chart_lay *l, double label_w)
{
	const struct chart *c = l->c;
	const struct draw *d = l->d;
	double *ry = xcalloc(c->ncat + 1, sizeof(*ry)), total = 0;
	size_t i;

	/* Row i spans ry[i] to ry[i + 1]. */
	for (i = 0; i < c->ncat; i++)
		total += chart_h_row_weight(c, &l->ax, i, l->w);
	ry[0] = 0;
	for (i = 0; i < c->ncat; i++)
		ry[i + 1] = ry[i] + chart_h_row_weight(c, &l->ax, i, l->w);
	for (i = 0; i <= c->ncat; i++)
		ry[i] = l->py + (total > 0 ? ry[i] / total * l->ph : 0);
	if (c->highlight > 0) {
		chart_fill_rect(d, COL_HIGHLIGHT, 0, ry[c->highlight - 1], l->px + l->pw,
		    ry[c->highlight] - ry[c->highlight - 1]);
	}
	for (i = 0; i < c->ncat; i++) {
		chart_fit(d, c->cat[i], FS_LABEL, c->highlight == i + 1, label_w, &l->t1);
		d->colour(d->ctx, COL_TEXT);
		d->text(d->ctx, l->px - 5, ry[i] + chart_h_bar_room(l, i, ry[i + 1] - ry[i]) /
		    2 + 2.9, DRAW_RIGHT, FS_LABEL, c->highlight == i + 1, l->t1.data);
		chart_h_row(l, i, ry[i], ry[i + 1] - ry[i], 0);
	}
	chart_h_refs(l);
	for (i = 0; i < c->ncat; i++)
		chart_h_row(l, i, ry[i], ry[i + 1] - ry[i], 1);
	free(ry);
}

static double
chart_h_label_w(struct chart_lay *l)
{
	double w = 0;
	size_t i;

	for (i = 0; i < l->c->ncat; i++)
		w = fmax(w, l->d->text_width(l->d->ctx, FS_LABEL, 1, l->c->cat[i]));
	/* The other parts of a chart split into parts: the same column, the same scale. */
	for (i = 0; i < l->c->nlabel_set; i++)
		w = fmax(w, l->d->text_width(l->d->ctx, FS_LABEL, 1, l->c->label_set[i]));
	return fmin(w, l->w * 0.34);
}

/* Room right of the longest bar for its value label. */
static double
chart_h_value_w(struct chart_lay *l)
{
	char s[24];

	chart_fmt10(s, sizeof(s), lround(l->ax.vmax * 10), l->c->integers);
	return l->d->text_width(l->d->ctx, FS_SMALL, 1, s) + 6;
}

static void
chart_horizontal(struct chart_lay *l, double top, double bottom)
{
	const struct chart *c = l->c;
	double label_w = chart_h_label_w(l), band_y = 0;

	if (c->nbands > 0) {
		band_y = top + 7;
		top += chart_has_overlay(c) ? 19 : 10;
	}
	l->px = label_w + 8;
	l->pw = fmax(l->w - l->px - chart_h_value_w(l), 10);
	l->py = top + 2;
	l->ph = fmax(bottom - l->py - (*c->axis_title != '\0' ? 22 : 13), 10);
	chart_h_bands(l, band_y);
	chart_h_grid(l);
	chart_h_rows(l, label_w);
	l->d->colour(l->d->ctx, COL_AXIS);
	l->d->width(l->d->ctx, 0.8);
	l->d->move(l->d->ctx, l->px, l->py);
	l->d->line(l->d->ctx, l->px, l->py + l->ph);
	l->d->stroke(l->d->ctx);
}

/* ---- entry points ---- */

void
chart_draw(const struct chart *c, const struct draw *d, double w, double h)
{
	struct chart_lay l;
	double top, bottom;

	memset(&l, 0, sizeof(l));
	l.d = d;
	l.c = c;
	l.w = w;
	l.h = h;
	l.ax = chart_axis(c);
	buf_init(&l.t1);
	buf_init(&l.t2);
	d->dash(d->ctx, 0, 0);
	chart_frame(&l, &top, &bottom);
	if (c->horizontal)
		chart_horizontal(&l, top, bottom);
	else
		chart_vertical(&l, top, bottom);
	buf_free(&l.t1);
	buf_free(&l.t2);
}

double
chart_height(const struct chart *c, double w)
{
	struct chart_axis ax;
	double rows, per;
	size_t i;

	if (c == NULL || !c->horizontal)
		return 220;
	per = c->kind == CHART_STACKED ? 1 : (double)c->nseries;
	/* 13 points a row: 46 municipalities fit an A4 page. */
	rows = (double)c->ncat * (per > 1 ? 8 + 7 * per : 13);
	if (c->kind == CHART_STACKED) {
		ax = chart_axis(c);
		for (rows = 0, i = 0; i < c->ncat; i++)
			rows += chart_h_row_weight(c, &ax, i, w);
	}
	rows += 16 + (chart_has_legend(c) ? 15 : 0) + (c->nbands > 0 ? 10 : 0) +
	    (chart_has_overlay(c) ? 9 : 0) + 26 + (*c->note != '\0' ? 12 : 0);
	return fmax(80, rows);
}

void
chart_render_pdf(const struct chart *c, HPDF_Doc doc, HPDF_Page page, HPDF_Font regular,
    HPDF_Font bold, double x, double y, double w, double h, const struct layout_ops *text,
    const struct chart_marks *marks)
{
	struct draw d;
	struct draw_pdf p;

	(void)doc;
	if (c == NULL || page == NULL || regular == NULL || !(w >= 20 && w <= 5000) ||
	    !(h >= 20 && h <= 5000))
		return;
	draw_pdf_begin(&d, &p, page, regular, bold, x, y, w, h, text);
	p.marks = marks;
	chart_draw(c, &d, w, h);
	draw_pdf_end(&p);
}

static int
chart_size_ok(const char *path, double w, double h, struct diag *dg)
{
	if (w >= 20 && h >= 20 && w <= 5000 && h <= 5000)
		return 1;
	diag_msg(dg, DIAG_ERROR, path, 0, 0,
	    "expected a figure size between 20 and 5000 points; found %.0f x %.0f", w, h);
	return 0;
}

/* Draws c as a PNG (svg 0) or SVG (svg 1) figure into b with the fonts f; 0, or -1
 * after a message. */
static int
chart_render(const struct chart *c, int svg, struct draw_cairo_fonts *f, double w,
    double h, struct buf *b, struct diag *dg, const char *path)
{
	struct draw_png *p;
	struct draw_svg *s;
	struct draw d;

	if (svg) {
		s = draw_svg_new(&d, f, w, h, dg, path);
		chart_draw(c, &d, w, h);
		draw_svg_finish(s, b);
		return 0;
	}
	p = draw_png_new(&d, f, w, h, PNG_SCALE, dg, path);
	chart_draw(c, &d, w, h);
	return draw_png_finish(p, b, dg, path);
}

/* Renders c (PNG or SVG) and writes it to path; 0, or -1 after a message. */
static int
chart_write(const struct chart *c, int svg, const char *path, const char *fonts_dir,
    double w, double h, struct diag *dg)
{
	struct draw_cairo_fonts *f;
	struct buf b;
	int rc;

	if (c == NULL || !chart_size_ok(path, w, h, dg))
		return -1;
	if ((f = draw_cairo_fonts_load(fonts_dir, dg)) == NULL)
		return -1;
	buf_init(&b);
	rc = chart_render(c, svg, f, w, h, &b, dg, path);
	draw_cairo_fonts_free(f);
	if (rc == 0 && write_file_atomic(path, b.data, b.len) != 0) {
		diag_msg(dg, DIAG_ERROR, path, 0, 0, "could not write the figure file");
		rc = -1;
	}
	buf_free(&b);
	return rc;
}

int
chart_write_png(const struct chart *c, const char *path, const char *fonts_dir,
    double w, double h, struct diag *dg)
{
	return chart_write(c, 0, path, fonts_dir, w, h, dg);
}

int
chart_write_svg(const struct chart *c, const char *path, const char *fonts_dir,
    double w, double h, struct diag *dg)
{
	return chart_write(c, 1, path, fonts_dir, w, h, dg);
}

/* ---- the text dump ---- */

static const char *const chart_tone_names[] = {
	"auto", "good", "middle", "low", "neutral", "need", "unsure", "planned"
};

/* ---- contrast ---- */

/*
 * The pairs charts draw, for tests/unit/contrast.c: every full colour (bars, outlines,
 * hatching, lines, markers, reference lines, the axis) as a graphic, and every text colour
 * (labels, values, band words, the words of survey answers) as text, on every background
 * of a plot: white, each band tint and the highlighted row; each word of an answer also on
 * its plate (its tone's tint). Grid lines are decoration (artifacts), not listed.
 */
size_t
chart_contrast_pairs(struct contrast_pair *out, size_t max)
{
	static const unsigned bg[] = { 0xFFFFFF, COL_HIGHLIGHT };
	unsigned back[16], text[24], full[24];
	size_t nb = 0, nt = 0, nf = 0, n = 0, i, j;
	const struct chart_style *s;

	for (i = 0; i < sizeof(bg) / sizeof(bg[0]); i++)
		back[nb++] = bg[i];
	for (i = CHART_TONE_GOOD; i <= CHART_TONE_NEED; i++)
		if (chart_tone_styles[i].tint != 0xFFFFFF)
			back[nb++] = chart_tone_styles[i].tint;
	text[nt++] = COL_TEXT;
	text[nt++] = COL_MUTED;
	full[nf++] = COL_AXIS;
	for (i = 0; i < sizeof(chart_auto_styles) / sizeof(chart_auto_styles[0]); i++) {
		full[nf++] = chart_auto_styles[i].rgb;
		text[nt++] = chart_auto_styles[i].ink;
	}
	for (i = CHART_TONE_AUTO; i <= CHART_TONE_LAST; i++) {
		full[nf++] = chart_tone_styles[i].rgb;
		text[nt++] = chart_tone_styles[i].ink;
	}
	for (i = 0; i < nb; i++) {
		for (j = 0; j < nf && n < max; j++)
			out[n++] = (struct contrast_pair){ full[j], back[i], CONTRAST_GRAPHIC,
			    "chart: bar, line or marker" };
		for (j = 0; j < nt && n < max; j++)
			out[n++] = (struct contrast_pair){ text[j], back[i], CONTRAST_TEXT,
			    "chart: text" };
	}
	for (i = CHART_TONE_GOOD; i <= CHART_TONE_LAST && n < max; i++) {
		if (i == CHART_TONE_NEED)
			continue;	/* a band, never a word's plate */
		s = &chart_tone_styles[i];
		out[n++] = (struct contrast_pair){ s->ink, s->tint, CONTRAST_TEXT,
		    "chart: the word of an answer on its plate" };
	}
	return n;
}

/* ---- the chart in words ---- */

/* A value as said: the number with the unit, the word given for it (without its level
 * symbol, which a screen reader would name), or what ":" and ".." mean. */
static void
chart_alt_value(const struct chart *c, const struct chart_alt_words *w, size_t k,
    struct buf *out)
{
	const struct chart_value *v = &c->val[k];
	const char *p = c->word[k];
	char s[32];

	if (p != NULL) {
		if ((unsigned char)p[0] == 0xE2 && ((unsigned char)p[1] == 0x96 ||
		    (unsigned char)p[1] == 0x97)) {	/* U+25A0-25FF, a level symbol */
			utf8_next(&p);
			while (*p == ' ' || ((unsigned char)p[0] == 0xC2 &&
			    (unsigned char)p[1] == 0xA0))
				p += *p == ' ' ? 1 : 2;
		}
		buf_puts(out, p);
	} else if (v->state != CHART_VALUE)
		buf_puts(out, v->state == CHART_HIDDEN ? w->hidden : w->missing);
	else {
		chart_fmt10(s, sizeof(s), v->v10, c->integers);
		buf_puts(out, s);
		if (*c->unit != '\0')
			buf_printf(out, " %s", c->unit);
	}
}

/* "name value" pairs: the categories of one series (by 1), or the series of one
 * category (by 0), from index first of the values. */
static void
chart_alt_pairs(const struct chart *c, const struct chart_alt_words *w, size_t first,
    int by_category, struct buf *out)
{
	size_t n = by_category ? c->ncat : c->nseries, i;

	for (i = 0; i < n; i++) {
		buf_puts(out, i > 0 ? ", " : "");
		buf_puts(out, by_category ? c->cat[i] : c->ser[i]);
		buf_putc(out, ' ');
		chart_alt_value(c, w, by_category ? first + i * c->nseries : first + i, out);
	}
}

void
chart_alt(const struct chart *c, const struct chart_alt_words *w, struct buf *out)
{
	size_t i, n;
	int v10;
	char s[32];

	buf_puts(out, w->kind[c->kind]);
	if (*c->title != '\0')
		buf_printf(out, ": %s", c->title);
	buf_puts(out, ". ");
	if (c->nseries == 1)
		chart_alt_pairs(c, w, 0, 1, out);
	for (i = 0; c->nseries > 1 && c->kind == CHART_LINE && i < c->nseries; i++) {
		buf_printf(out, "%s%s: ", i > 0 ? "; " : "", c->ser[i]);
		chart_alt_pairs(c, w, i, 1, out);
	}
	for (i = 0; c->nseries > 1 && c->kind != CHART_LINE && i < c->ncat; i++) {
		buf_printf(out, "%s%s: ", i > 0 ? "; " : "", c->cat[i]);
		chart_alt_pairs(c, w, i * c->nseries, 0, out);
	}
	buf_puts(out, ".");
	for (i = 0; i < c->nrefs && i < 2; i++) {
		struct chart alone = *c;

		alone.word = (char *[]){ NULL };
		alone.val = (struct chart_value *)&c->refs[i].value;
		buf_printf(out, "%s%s ", i > 0 ? ", " : " ", c->refs[i].label);
		chart_alt_value(&alone, w, 0, out);
		buf_puts(out, i + 1 == c->nrefs || i == 1 ? "." : "");
	}
	/* The level bands from the top ("God fra 80 %, Middels fra 50 %, Lav under 50 %"),
	 * then a band over them (the need band), which its label says whole. */
	for (i = c->nbands, n = 0; i > 0; i--) {
		const struct chart_band *b = &c->bands[i - 1];

		if (b->tone == CHART_TONE_NEED)
			continue;
		v10 = b->from10 > 0 ? b->from10 : b->to10;
		chart_fmt10(s, sizeof(s), v10, c->integers || v10 % 10 == 0);
		buf_printf(out, "%s%s %s %s", n++ == 0 ? " " : ", ", b->label,
		    b->from10 > 0 ? w->from : w->below, s);
		if (*c->unit != '\0')
			buf_printf(out, " %s", c->unit);
	}
	buf_puts(out, n > 0 ? "." : "");
	for (i = 0; i < c->nbands; i++)
		if (c->bands[i].tone == CHART_TONE_NEED)
			buf_printf(out, " %s.", c->bands[i].label);
}

void
chart_dump(const struct chart *c, struct buf *b)
{
	size_t i, s;
	char num[24], num2[24];

	if (c == NULL)
		return;
	buf_printf(b, "chart %s%s: %s\n", chart_kind_names[c->kind],
	    c->horizontal ? " horizontal" : "", c->title);
	if (*c->axis_title != '\0')
		buf_printf(b, "  axis: %s\n", c->axis_title);
	for (s = 0; s < c->nseries; s++)
		buf_printf(b, "  series %zu: %s (%s)\n", s + 1, c->ser[s],
		    chart_tone_names[c->tones[s]]);
	for (i = 0; i < c->ncat; i++) {
		buf_printf(b, "  %s%s:", c->cat[i], c->highlight == i + 1 ? " *" : "");
		for (s = 0; s < c->nseries; s++) {
			if (chart_word(c, i, s) != NULL) {
				buf_printf(b, " \"%s\" (%s)", chart_word(c, i, s),
				    chart_tone_names[c->wtone[i * c->nseries + s]]);
				continue;
			}
			chart_fmt_value(c, chart_val(c, i, s), num, sizeof(num));
			buf_printf(b, " %s", num);
		}
		buf_putc(b, '\n');
	}
	for (i = 0; i < c->nbands; i++) {
		chart_fmt10(num, sizeof(num), c->bands[i].from10, 0);
		if (c->bands[i].to10 >= INT_MAX / 2)
			snprintf(num2, sizeof(num2), "-");
		else
			chart_fmt10(num2, sizeof(num2), c->bands[i].to10, 0);
		buf_printf(b, "  band %s-%s %s: %s\n", num, num2,
		    chart_tone_names[c->bands[i].tone], c->bands[i].label);
	}
	for (i = 0; i < c->nrefs; i++) {
		chart_fmt_value(c, &c->refs[i].value, num, sizeof(num));
		buf_printf(b, "  ref %s: %s\n", c->refs[i].label, num);
	}
	if (*c->note != '\0')
		buf_printf(b, "  note: %s\n", c->note);
}
