/*
 * Charts: one generic chart model (categories x series of values, optional bands and
 * reference lines) and its layout, drawn through the drawing interface (draw.h) onto a PDF
 * page (libharu, vector, labels as real text) or into PNG and SVG files. For the report
 * builders. The module holds no words: every title, label and legend entry comes from the
 * caller (the templates). Safe to use from several threads on different charts.
 */
#ifndef CHART_H
#define CHART_H

#include <stddef.h>

#include <hpdf.h>

#include "diag.h"
#include "util.h"

struct layout_ops;

enum chart_kind {
	CHART_BAR,	/* grouped bars: one bar per series in each category */
	CHART_STACKED,	/* one bar per category, series stacked in order */
	CHART_LINE	/* one line per series over the categories (years) */
};

/* SSB's symbols: a hidden value prints ":" and draws no bar; a missing one prints "..". */
enum chart_state {
	CHART_VALUE,
	CHART_HIDDEN,
	CHART_MISSING
};

struct chart_value {
	enum chart_state state;
	int		 v10;	/* the value times ten: 66,7 -> 667; 0 unless CHART_VALUE */
};

#define CHART_VAL(x10)		((struct chart_value){ CHART_VALUE, (x10) })
#define CHART_HIDDEN_VAL	((struct chart_value){ CHART_HIDDEN, 0 })
#define CHART_MISSING_VAL	((struct chart_value){ CHART_MISSING, 0 })

/* Colour families (Okabe-Ito). CHART_TONE_AUTO picks by position. Each tone comes with its
 * own fill pattern too, so that no meaning rests on colour alone. */
enum chart_tone {
	CHART_TONE_AUTO,
	CHART_TONE_GOOD,	/* bluish green: god, done, ja */
	CHART_TONE_MIDDLE,	/* yellow/orange: middels, in progress, delvis */
	CHART_TONE_LOW,		/* vermillion: lav, not started, nei */
	CHART_TONE_NEUTRAL,	/* grey: unknown, not documented, not answered */
	CHART_TONE_NEED,	/* light grey: the need band of coverage */
	CHART_TONE_UNSURE,	/* sky blue: a "don't know" answer */
	CHART_TONE_PLANNED	/* reddish purple: a measure under planning, not started */
};
#define CHART_TONE_LAST	CHART_TONE_PLANNED

/* A range of the value axis shaded behind the bars, labelled at its edge with the
 * caller's word ("God", "Middels", "Lav", "Behov 25-30"). */
struct chart_band {
	int		 from10, to10;
	enum chart_tone	 tone;
	const char	*label;
};

/* A value shown as a word in place of its bar: a municipality's survey answer ("◆ Under
 * arbeid") among shares of municipalities. The word is drawn on a plate of the tone's tint
 * framed in its colour where the bar would start; the value itself is not drawn, nor does
 * it set the axis. Grouped bars (CHART_BAR) only; other kinds draw the value. */
struct chart_word {
	const char	*text;		/* NULL: the value is drawn as usual */
	enum chart_tone	 tone;
};

/* A reference line across the plot (the county, the country), with its value printed
 * next to its label; a hidden or missing reference prints ":" or ".." and draws no line. */
struct chart_ref {
	const char		*label;
	struct chart_value	 value;
};

/*
 * Everything a chart shows. Use a compound literal with designated initialisers; fields
 * left out are zero, which means "none" or the usual default. Nothing is kept: chart_new
 * copies every string and array.
 */
struct chart_spec {
	enum chart_kind		 kind;
	int			 horizontal;	/* bars grow to the right, categories down */
	const char		*title;		/* bold line at the top; NULL: none */
	const char		*axis_title;	/* the unit over the value axis: "Prosent" */
	const char		*note;		/* small line at the bottom: footnote on ":" */
	int			 integers;	/* labels without decimals (counts given x10) */
	size_t			 ncat;
	const char *const	*categories;	/* ncat names: municipalities, years */
	size_t			 nseries;
	const char *const	*series;	/* nseries legend names */
	const enum chart_tone	*tones;		/* nseries tones, or NULL: by position */
	const struct chart_value *values;	/* ncat * nseries, category by category */
	size_t			 nbands;
	const struct chart_band	*bands;
	size_t			 nrefs;		/* at most 2 are drawn */
	const struct chart_ref	*refs;
	size_t			 highlight;	/* category number from 1 drawn in bold; 0: none */
	int			 sort;		/* sort categories by the first series, largest
						 * first; hidden and missing last; ties keep order */
	int			 max10;		/* end of the value axis; 0: from the data */
	const struct chart_word	*words;		/* ncat * nseries, like values, or NULL */
	size_t			 nlabel_set;	/* one chart split into parts: the names */
	const char *const	*label_set;	/* of every part, so that each part's label
						 * column is as wide and the bars of all
						 * parts share one scale (with max10) */
	const char		*unit;		/* after every value in words (chart_alt):
						 * "%", "per 1000"; NULL: none (counts) */
};

/* Builds a chart from spec (copied). Returns NULL only when the spec is inconsistent
 * (no series, or values missing while there are categories); it never reports. */
struct chart	*chart_new(const struct chart_spec *);
void		 chart_free(struct chart *);

/* A height in points that keeps every category readable at width w (horizontal charts
 * with many categories grow; others return a fixed pleasant height). */
double		 chart_height(const struct chart *, double w);

/* Told when the drawing turns to decoration that says nothing (grid lines; on 1) and
 * back to the chart's content (on 0): a tagged PDF makes the decoration an artifact. */
struct chart_marks {
	void	*arg;
	void	(*artifact)(void *arg, int on);
};

/* Draws the chart in the box x,y (lower left, points) w x h on a libharu page; the fonts
 * are loaded by the caller with the UTF-8 encoder. Text goes through layout_clean with
 * the caller's text (its glyph coverage and reports of what the fonts lack), as the
 * document's own text does; NULL: as given. marks (NULL: none) is told of decoration.
 * Leaves the page's graphics state as it found it. Cannot fail (libharu errors go to the
 * document's handler). */
void		 chart_render_pdf(const struct chart *, HPDF_Doc, HPDF_Page,
		    HPDF_Font regular, HPDF_Font bold, double x, double y, double w, double h,
		    const struct layout_ops *text, const struct chart_marks *marks);

/* Writes the chart as a PNG (2 pixels per point) or SVG file of w_pt x h_pt, loading
 * ipkval-sans.ttf and ipkval-sans-bold.ttf from fonts_dir. The file appears whole or not
 * at all; the output is the same bytes on every run. Returns 0, or -1 after a message. */
int		 chart_write_png(const struct chart *, const char *path, const char *fonts_dir,
		    double w_pt, double h_pt, struct diag *);
int		 chart_write_svg(const struct chart *, const char *path, const char *fonts_dir,
		    double w_pt, double h_pt, struct diag *);

/* Lays the chart out in a box of w x h points (origin top left) through any drawing back
 * end (draw.h), as chart_render_pdf and the PNG and SVG writers do: for tests that record
 * the calls and check where each bar, point and band lands. */
struct draw;
void		 chart_draw(const struct chart *, const struct draw *, double w, double h);

/* The words a text alternative is made of (chart_alt), from the caller's templates. */
struct chart_alt_words {
	const char	*kind[3];	/* by enum chart_kind: "Stolpediagram", ... */
	const char	*from, *below;	/* a band "God fra 80 %", "Lav under 50 %" */
	const char	*hidden, *missing;	/* said for ":" and ".." */
};

/* Appends the chart said in words, for a screen reader (a PDF figure's /Alt): its kind and
 * title, then every value in the order drawn with the unit: one series as "Stranda 80,8 %,
 * Møre og Romsdal 66,7 %", several per category ("2024: Gjennomført 3, Pågår 2"), lines
 * per series ("Stranda: 2022 70,4 %, 2023 80,8 %"); a word given for a value in its place;
 * the reference lines with their values; the bands ("God fra 80 %"). */
void		 chart_alt(const struct chart *, const struct chart_alt_words *,
		    struct buf *out);

struct contrast_pair;
/* The colour pairs charts draw, with the contrast each needs (contrast.h); up to max of
 * them in out. Returns how many. For tests/unit/contrast.c. */
size_t		 chart_contrast_pairs(struct contrast_pair *out, size_t max);

/* Appends a stable text description: kind, title, every category, series and value (as
 * labels print them; a word given for a value as "word" (tone)), bands and references.
 * For tests. */
void		 chart_dump(const struct chart *, struct buf *);

#endif
