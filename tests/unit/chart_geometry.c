/*
 * Chart geometry: where bars, stacked segments, points, bands and reference lines land,
 * against their values. Each chart is drawn through a back end that records the drawing
 * calls (chart_draw). The value axis is read from the tick labels the chart draws (their
 * positions must lie on one straight line, value against position), and every shape is
 * checked against that axis: a bar ends where the axis says its value is, a point sits at
 * its value's height, a band spans its two values, a reference line stands at its value,
 * and a hidden value draws nothing. A bar drawn at another scale than its axis fails.
 * GEOM_DEBUG=1 prints every recorded shape and text.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "chart.h"
#include "draw.h"
#include "util.h"

#define EPS		0.01	/* points: the layout is computed, not measured */
#define BAR_GOOD	0x008F68	/* CHART_TONE_GOOD, solid */
#define BAR_NEED	0x7E7E7E	/* CHART_TONE_NEED, solid grey */
#define TINT_GOOD	0xD9F0E9
#define TINT_MIDDLE	0xFBEFD2
#define TINT_LOW	0xF9E3D6
#define REF_COUNTY	0x000000

/* ---- a back end that records what is drawn ---- */

enum shape_kind { SH_RECT, SH_LINE, SH_CIRCLE };

struct shape {
	enum shape_kind	 kind;
	double		 x, y, w, h;	/* rect; line from x,y to w,h; circle x,y radius w */
	unsigned	 rgb;
	int		 filled;
};

struct label {
	double		 x, y;
	enum draw_anchor a;
	char		 s[64];
};

struct rec {
	unsigned	 rgb;
	struct shape	*path;		/* the path being built; lines as pairs of points */
	size_t		 npath, cappath;
	double		 px, py;	/* the current point */
	struct shape	*shapes;
	size_t		 nshapes, capshapes;
	struct label	*labels;
	size_t		 nlabels, caplabels;
};

static void
path_add(struct rec *r, struct shape s)
{
	r->path = xgrow(r->path, &r->cappath, r->npath, sizeof(*r->path));
	r->path[r->npath++] = s;
}

static void
rec_move(void *ctx, double x, double y)
{
	struct rec *r = ctx;

	r->px = x;
	r->py = y;
}

static void
rec_line(void *ctx, double x, double y)
{
	struct rec *r = ctx;

	path_add(r, (struct shape){ SH_LINE, r->px, r->py, x, y, 0, 0 });
	r->px = x;
	r->py = y;
}

static void
rec_rect(void *ctx, double x, double y, double w, double h)
{
	path_add(ctx, (struct shape){ SH_RECT, x, y, w, h, 0, 0 });
}

static void
rec_circle(void *ctx, double x, double y, double radius)
{
	path_add(ctx, (struct shape){ SH_CIRCLE, x, y, radius, 0, 0, 0 });
}

static void
rec_paint(struct rec *r, int filled)
{
	size_t i;

	for (i = 0; i < r->npath; i++) {
		r->shapes = xgrow(r->shapes, &r->capshapes, r->nshapes, sizeof(*r->shapes));
		r->shapes[r->nshapes] = r->path[i];
		r->shapes[r->nshapes].rgb = r->rgb;
		r->shapes[r->nshapes++].filled = filled;
	}
	r->npath = 0;
}

static void
rec_fill(void *ctx)
{
	rec_paint(ctx, 1);
}

static void
rec_stroke(void *ctx)
{
	rec_paint(ctx, 0);
}

static void
rec_colour(void *ctx, unsigned rgb)
{
	((struct rec *)ctx)->rgb = rgb;
}

static void
rec_nothing(void *ctx, double v)
{
	(void)ctx;
	(void)v;
}

static void
rec_dash(void *ctx, double on, double off)
{
	(void)ctx;
	(void)on;
	(void)off;
}

static void
rec_text(void *ctx, double x, double y, enum draw_anchor a, double size, int bold,
    const char *s)
{
	struct rec *r = ctx;

	(void)size;
	(void)bold;
	r->labels = xgrow(r->labels, &r->caplabels, r->nlabels, sizeof(*r->labels));
	r->labels[r->nlabels].x = x;
	r->labels[r->nlabels].y = y;
	r->labels[r->nlabels].a = a;
	snprintf(r->labels[r->nlabels++].s, sizeof(r->labels->s), "%s", s);
}

/* A monospaced measure: the layout needs widths, not real ones. */
static double
rec_width(void *ctx, double size, int bold, const char *s)
{
	(void)ctx;
	(void)bold;
	return size * 0.55 * (double)utf8_len(s, strlen(s));
}

static void
record(struct rec *r, const struct chart *c, double w, double h)
{
	struct draw d = { r, rec_move, rec_line, rec_rect, rec_circle, rec_fill, rec_stroke,
	    rec_colour, rec_nothing, rec_dash, rec_text, rec_width, NULL };

	memset(r, 0, sizeof(*r));
	chart_draw(c, &d, w, h);
	if (getenv("GEOM_DEBUG") != NULL) {
		size_t i;

		for (i = 0; i < r->nshapes; i++)
			fprintf(stderr, "shape %d %.2f %.2f %.2f %.2f %06X %d\n", r->shapes[i].kind,
			    r->shapes[i].x, r->shapes[i].y, r->shapes[i].w, r->shapes[i].h,
			    r->shapes[i].rgb, r->shapes[i].filled);
		for (i = 0; i < r->nlabels; i++)
			fprintf(stderr, "label %.2f %.2f %d %s\n", r->labels[i].x, r->labels[i].y,
			    r->labels[i].a, r->labels[i].s);
	}
}

static void
rec_free(struct rec *r)
{
	free(r->path);
	free(r->shapes);
	free(r->labels);
}

/* ---- the value axis, from the tick labels ---- */

struct axis {
	double	 a, b;		/* position = a + b * value */
	int	 n;		/* ticks read */
};

/* A tick label: digits, perhaps with a decimal comma. */
static int
tick_value(const char *s, double *v)
{
	char tmp[64], *end;
	size_t i;

	if (s[0] == '\0' || strlen(s) >= sizeof(tmp))
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		tmp[i] = s[i] == ',' ? '.' : s[i];
	tmp[i] = '\0';
	if (strspn(tmp, "0123456789.") != i)
		return 0;
	*v = strtod(tmp, &end);
	return *end == '\0';
}

/*
 * The axis of the labels drawn with anchor a along one line (all at the same y when
 * horizontal, at the same x when not; the line is the one holding the label "0"):
 * fitted through the first and last, and every other must lie on it.
 */
static struct axis
axis_read(const struct rec *r, enum draw_anchor a, int horizontal)
{
	struct axis ax = { 0, 0, 0 };
	double line = NAN, v, lo = 0, hi = 0, plo = 0, phi = 0, p;
	size_t i;

	for (i = 0; i < r->nlabels; i++)
		if (r->labels[i].a == a && strcmp(r->labels[i].s, "0") == 0)
			line = horizontal ? r->labels[i].y : r->labels[i].x;
	assert_false(isnan(line));
	for (i = 0; i < r->nlabels; i++) {
		const struct label *lb = &r->labels[i];

		if (lb->a != a || fabs((horizontal ? lb->y : lb->x) - line) > EPS ||
		    !tick_value(lb->s, &v))
			continue;
		p = horizontal ? lb->x : lb->y;
		if (ax.n == 0 || v < lo)
			lo = v, plo = p;
		if (ax.n == 0 || v > hi)
			hi = v, phi = p;
		ax.n++;
	}
	assert_true(ax.n >= 3 && hi > lo);
	ax.b = (phi - plo) / (hi - lo);
	ax.a = plo - ax.b * lo;
	for (i = 0; i < r->nlabels; i++) {
		const struct label *lb = &r->labels[i];

		if (lb->a == a && fabs((horizontal ? lb->y : lb->x) - line) <= EPS &&
		    tick_value(lb->s, &v) &&
		    fabs((horizontal ? lb->x : lb->y) - (ax.a + ax.b * v)) > EPS)
			fail_msg("tick %s is not on the axis through the others", lb->s);
	}
	return ax;
}

static double
at(const struct axis *ax, double v)
{
	return ax->a + ax->b * v;
}

static void
near(double got, double want, const char *what)
{
	if (fabs(got - want) > EPS)
		fail_msg("%s: at %.3f, the axis puts it at %.3f", what, got, want);
}

/* The filled rectangles of colour rgb at least minw x minh (which leaves out legend
 * swatches and the plates under value labels), top to bottom, then left to right. */
static size_t
rects(const struct rec *r, unsigned rgb, double minw, double minh, struct shape *out,
    size_t max)
{
	size_t i, j, n = 0;

	for (i = 0; i < r->nshapes; i++)
		if (r->shapes[i].kind == SH_RECT && r->shapes[i].filled &&
		    r->shapes[i].rgb == rgb && r->shapes[i].w >= minw &&
		    r->shapes[i].h >= minh && n < max)
			out[n++] = r->shapes[i];
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && (out[j].y < out[j - 1].y - EPS ||
		    (fabs(out[j].y - out[j - 1].y) <= EPS && out[j].x < out[j - 1].x)); j--) {
			struct shape t = out[j];

			out[j] = out[j - 1];
			out[j - 1] = t;
		}
	return n;
}

static int
has_label(const struct rec *r, const char *s)
{
	size_t i;

	for (i = 0; i < r->nlabels; i++)
		if (strcmp(r->labels[i].s, s) == 0)
			return 1;
	return 0;
}

/* ---- the charts ---- */

static const struct chart_band bands[] = {
	{ 0, 500, CHART_TONE_LOW, "Lav" },
	{ 500, 800, CHART_TONE_MIDDLE, "Middels" },
	{ 800, 1000, CHART_TONE_GOOD, "God" },
};

/* The bands lie between their values; which way depends on the direction of the axis. */
static void
check_bands(const struct rec *r, const struct axis *ax, int horizontal)
{
	static const unsigned tint[] = { TINT_LOW, TINT_MIDDLE, TINT_GOOD };
	struct shape s[8];
	size_t k;
	char what[64];

	for (k = 0; k < 3; k++) {
		double from = at(ax, bands[k].from10 / 10.0), to = at(ax, bands[k].to10 / 10.0);

		assert_int_equal(rects(r, tint[k], horizontal ? 0 : 100, horizontal ? 30 : 0,
		    s, 8), 1);
		snprintf(what, sizeof(what), "band %s", bands[k].label);
		if (horizontal) {
			near(s[0].x, from, what);
			near(s[0].x + s[0].w, to, what);
		} else {
			near(s[0].y + s[0].h, from, what);
			near(s[0].y, to, what);
		}
	}
}

/* Ranked bars of municipalities: bars from zero to their value, a band per level, the
 * county's line, and nothing for a hidden one. */
static void
test_horizontal_bars(void **state)
{
	static const char *const cats[] = { "Aukra", "Stranda", "Sykkylven", "Vestnes" };
	static const struct chart_value v[] = { CHART_VAL(250), CHART_VAL(505),
	    CHART_VAL(1000), CHART_HIDDEN_VAL };
	static const double want[] = { 25.0, 50.5, 100.0 };
	struct chart *c = chart_new(&(struct chart_spec){ .kind = CHART_BAR, .horizontal = 1,
	    .title = "Planer oppdatert", .axis_title = "Prosent", .ncat = 4, .categories = cats,
	    .nseries = 1, .series = (const char *const[]){ "Kommunene" },
	    .tones = (const enum chart_tone[]){ CHART_TONE_GOOD }, .values = v,
	    .nbands = 3, .bands = bands,
	    .nrefs = 1, .refs = (const struct chart_ref[]){ { "Fylket", CHART_VAL(667) } },
	    .max10 = 1000 });
	struct rec r;
	struct axis ax;
	struct shape s[8];
	size_t i, n = 0;
	char what[64];

	(void)state;
	assert_non_null(c);
	record(&r, c, 480, chart_height(c, 480));
	ax = axis_read(&r, DRAW_CENTER, 1);
	assert_true(ax.b > 0);
	/* Bars (the legend's swatch of the same colour does not start at zero). */
	for (i = 0; i < rects(&r, BAR_GOOD, 0, 0, s, 8); i++)
		if (fabs(s[i].x - at(&ax, 0)) <= EPS) {
			assert_true(n < 3);
			snprintf(what, sizeof(what), "the end of bar %zu (%.1f)", n + 1, want[n]);
			near(s[i].x + s[i].w, at(&ax, want[n]), what);
			n++;
		}
	assert_int_equal(n, 3);
	assert_true(has_label(&r, ":"));
	check_bands(&r, &ax, 1);
	/* The county's line, vertical, at 66,7. */
	for (n = 0, i = 0; i < r.nshapes; i++)
		if (r.shapes[i].kind == SH_LINE && !r.shapes[i].filled &&
		    r.shapes[i].rgb == REF_COUNTY && fabs(r.shapes[i].x - r.shapes[i].w) <= EPS) {
			near(r.shapes[i].x, at(&ax, 66.7), "the county's line");
			n++;
		}
	assert_int_equal(n, 1);
	rec_free(&r);
	chart_free(c);
}

/* A stacked bar: each segment starts where the one before ends and is as long as its
 * value on the axis. */
static void
test_horizontal_stack(void **state)
{
	static const char *const cats[] = { "Molde", "Aukra" };
	static const char *const ser[] = { "Gjennomført", "Pågår" };
	static const struct chart_value v[] = { CHART_VAL(30), CHART_VAL(50),
	    CHART_VAL(70), CHART_VAL(0) };
	struct chart *c = chart_new(&(struct chart_spec){ .kind = CHART_STACKED,
	    .horizontal = 1, .integers = 1, .ncat = 2, .categories = cats, .nseries = 2,
	    .series = ser, .tones = (const enum chart_tone[]){ CHART_TONE_GOOD,
	    CHART_TONE_NEED }, .values = v, .max10 = 100 });
	struct rec r;
	struct axis ax;
	struct shape g[8], b[8];
	size_t ng = 0, nb = 0, i;
	struct shape all[8];

	(void)state;
	assert_non_null(c);
	record(&r, c, 400, chart_height(c, 400));
	ax = axis_read(&r, DRAW_CENTER, 1);
	for (i = 0; i < rects(&r, BAR_GOOD, 0, 10, all, 8); i++)
		g[ng++] = all[i];
	for (i = 0; i < rects(&r, BAR_NEED, 0, 10, all, 8); i++)
		b[nb++] = all[i];
	assert_int_equal(ng, 2);
	assert_int_equal(nb, 1);
	near(g[0].x, at(&ax, 0), "Molde's first segment");
	near(g[0].x + g[0].w, at(&ax, 3), "Molde's first segment");
	near(b[0].x, at(&ax, 3), "Molde's second segment");
	near(b[0].x + b[0].w, at(&ax, 8), "Molde's second segment");
	near(g[1].x + g[1].w, at(&ax, 7), "Aukra's segment");
	rec_free(&r);
	chart_free(c);
}

/* Grouped columns: each rises from zero to its value. */
static void
test_vertical_bars(void **state)
{
	static const char *const cats[] = { "2023", "2024" };
	static const char *const ser[] = { "Stranda", "Hele landet" };
	static const struct chart_value v[] = { CHART_VAL(412), CHART_VAL(600),
	    CHART_HIDDEN_VAL, CHART_VAL(875) };
	static const double want_good[] = { 41.2 }, want_need[] = { 60.0, 87.5 };
	struct chart *c = chart_new(&(struct chart_spec){ .kind = CHART_BAR, .ncat = 2,
	    .categories = cats, .nseries = 2, .series = ser,
	    .tones = (const enum chart_tone[]){ CHART_TONE_GOOD, CHART_TONE_NEED },
	    .values = v, .nbands = 3, .bands = bands, .max10 = 1000 });
	struct rec r;
	struct axis ax;
	struct shape s[8];
	double zero = NAN;
	size_t i, n;

	(void)state;
	assert_non_null(c);
	record(&r, c, 360, 220);
	/* The labels stand beside their ticks, a little below: the slope of the axis comes
	 * from them, its zero from where the columns stand. */
	ax = axis_read(&r, DRAW_RIGHT, 0);
	assert_true(ax.b < 0);
	n = rects(&r, BAR_GOOD, 0, 10, s, 8);
	assert_int_equal(n, 1);
	zero = s[0].y + s[0].h;
	assert_false(isnan(zero));
	ax.a = zero;
	near(s[0].y, at(&ax, want_good[0]), "Stranda's 2023 column");
	n = rects(&r, BAR_NEED, 0, 10, s, 8);
	assert_int_equal(n, 2);
	for (i = 0; i < n; i++) {
		near(s[i].y + s[i].h, at(&ax, 0), "a column's foot");
		/* The taller one comes first top to bottom: 2024's. */
		near(s[i].y, at(&ax, want_need[1 - i]), "the country's column");
	}
	assert_true(has_label(&r, ":"));
	check_bands(&r, &ax, 0);
	rec_free(&r);
	chart_free(c);
}

/* A trend: every point at its value's height, above its year, equally spaced; lines join
 * the points of a series; a hidden year has no point. */
static void
test_line(void **state)
{
	static const char *const years[] = { "2021", "2022", "2023", "2024" };
	static const char *const ser[] = { "Stranda", "Hele landet" };
	static const struct chart_value v[] = {
		CHART_VAL(300), CHART_VAL(550),
		CHART_HIDDEN_VAL, CHART_VAL(600),
		CHART_VAL(720), CHART_VAL(650),
		CHART_VAL(850), CHART_VAL(700),
	};
	static const double want[2][4] = { { 30.0, NAN, 72.0, 85.0 }, { 55.0, 60.0, 65.0, 70.0 } };
	static const unsigned rgb[] = { BAR_GOOD, BAR_NEED };
	struct chart *c = chart_new(&(struct chart_spec){ .kind = CHART_LINE, .ncat = 4,
	    .categories = years, .nseries = 2, .series = ser,
	    .tones = (const enum chart_tone[]){ CHART_TONE_GOOD, CHART_TONE_NEED },
	    .values = v, .nbands = 3, .bands = bands, .max10 = 1000 });
	struct rec r;
	struct axis ax;
	struct shape s[8];
	double xs[2][4], step = NAN;
	size_t i, k, n, lines;
	char what[64];

	(void)state;
	assert_non_null(c);
	record(&r, c, 400, 220);
	ax = axis_read(&r, DRAW_RIGHT, 0);
	/* Zero: the foot of the lowest band. */
	assert_int_equal(rects(&r, TINT_LOW, 100, 0, s, 8), 1);
	ax.a = s[0].y + s[0].h;
	check_bands(&r, &ax, 0);
	for (k = 0; k < 2; k++) {
		for (i = 0; i < 4; i++)
			xs[k][i] = NAN;
		for (n = 0, i = 0; i < r.nshapes; i++) {
			const struct shape *p = &r.shapes[i];
			size_t y;

			/* The legend's markers lie above the plot. */
			if (p->kind != SH_CIRCLE || p->rgb != rgb[k] || p->y > ax.a + EPS ||
			    p->y < at(&ax, 100) - EPS)
				continue;
			/* Which year: the one whose value lies at this height. */
			for (y = 0; y < 4; y++)
				if (!isnan(want[k][y]) && fabs(p->y - at(&ax, want[k][y])) <= EPS &&
				    isnan(xs[k][y]))
					break;
			if (y == 4)
				fail_msg("a point of %s at height %.3f, where no value of it is",
				    ser[k], p->y);
			xs[k][y] = p->x;
			n++;
		}
		assert_int_equal(n, k == 0 ? 3 : 4);
	}
	/* The points stand above their years, equally spaced, in order. */
	for (i = 0; i < 4; i++) {
		snprintf(what, sizeof(what), "the points of %s", years[i]);
		if (!isnan(xs[0][i]))
			near(xs[0][i], xs[1][i], what);
		if (i > 0 && isnan(step))
			step = xs[1][i] - xs[1][i - 1];
		else if (i > 0)
			near(xs[1][i] - xs[1][i - 1], step, what);
	}
	assert_true(step > 10);
	/* Lines join points of the series, never across the hidden year. */
	for (lines = 0, i = 0; i < r.nshapes; i++) {
		const struct shape *p = &r.shapes[i];

		if (p->kind != SH_LINE || p->filled || p->rgb != BAR_GOOD ||
		    fabs(p->w - p->x - step) > EPS)
			continue;
		for (k = 0; k + 1 < 4; k++)
			if (fabs(p->x - xs[0][k]) <= EPS)
				break;
		assert_true(k + 1 < 4);
		if (isnan(xs[0][k]) || isnan(xs[0][k + 1]))
			fail_msg("a line of Stranda to or from its hidden year");
		near(p->y, at(&ax, want[0][k]), "a line's start");
		near(p->h, at(&ax, want[0][k + 1]), "a line's end");
		lines++;
	}
	assert_int_equal(lines, 1);
	assert_true(has_label(&r, ":"));
	rec_free(&r);
	chart_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_horizontal_bars),
		cmocka_unit_test(test_horizontal_stack),
		cmocka_unit_test(test_vertical_bars),
		cmocka_unit_test(test_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
