/*
 * Unit tests of the chart module: every chart kind the reports use, with realistic values
 * (hidden and missing among them), checked through the text dump, drawn on a PDF page
 * whose extracted text must hold the labels, and written as PNG and SVG (same bytes on
 * every run, also from several threads). With CHART_KEEP=dir the files are kept there.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <hpdf.h>
#include <pthread.h>

#include "chart.h"
#include "diag.h"
#include "util.h"
#include "unit_file.h"

#define FONTS	IPKVAL_HOME "/build/fonts"
#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const struct chart_band pct_bands[] = {
	{ 0, 500, CHART_TONE_LOW, "Lav" },
	{ 500, 800, CHART_TONE_MIDDLE, "Middels" },
	{ 800, 1000, CHART_TONE_GOOD, "God" },
};
static const char *const kfl[] = { "Frøya", "Trøndelag", "Hele landet" };

/* 1. The municipality against county and country, with the level bands. */
static struct chart *
make_compare(void)
{
	static const struct chart_value v[] = { CHART_VAL(667), CHART_VAL(712),
	    CHART_VAL(640) };

	return chart_new(&(struct chart_spec){ .kind = CHART_BAR,
	    .title = "Planer oppdatert siste 12 måneder, 2024", .axis_title = "Prosent",
	    .ncat = 1, .categories = (const char *const[]){ "2024" },
	    .nseries = 3, .series = kfl, .values = v,
	    .nbands = 3, .bands = pct_bands });
}

/* The same with the municipality's figure hidden. */
static struct chart *
make_compare_hidden(void)
{
	static const struct chart_value v[] = { CHART_HIDDEN_VAL, CHART_VAL(712),
	    CHART_VAL(640) };

	return chart_new(&(struct chart_spec){ .kind = CHART_BAR,
	    .title = "Brukermedvirkning, 2024", .axis_title = "Prosent",
	    .note = ": vises ikke av personvernhensyn",
	    .ncat = 1, .categories = (const char *const[]){ "2024" },
	    .nseries = 3, .series = kfl, .values = v,
	    .nbands = 3, .bands = pct_bands });
}

/* 2. The trend over the years. */
static struct chart *
make_trend(void)
{
	static const char *const years[] = { "2021", "2022", "2023", "2024" };
	static const struct chart_value v[] = {
		CHART_MISSING_VAL, CHART_VAL(582), CHART_VAL(561),
		CHART_VAL(500), CHART_VAL(604), CHART_VAL(588),
		CHART_HIDDEN_VAL, CHART_VAL(655), CHART_VAL(619),
		CHART_VAL(667), CHART_VAL(712), CHART_VAL(640),
	};

	return chart_new(&(struct chart_spec){ .kind = CHART_LINE,
	    .title = "Utvikling 2021-2024", .axis_title = "Prosent",
	    .note = ": vises ikke av personvernhensyn. .. tall mangler",
	    .ncat = 4, .categories = years, .nseries = 3, .series = kfl, .values = v,
	    .nbands = 3, .bands = pct_bands, .max10 = 1000 });
}

static const char *const split_words[] = { "Ja", "Delvis", "Nei", "Ikke dokumentert" };
static const enum chart_tone split_tones[] = { CHART_TONE_GOOD, CHART_TONE_MIDDLE,
    CHART_TONE_LOW, CHART_TONE_NEUTRAL };

/* 3. The brukermedvirkning split as stacked bars. */
static struct chart *
make_split(void)
{
	static const struct chart_value v[] = {
		CHART_VAL(429), CHART_VAL(286), CHART_VAL(143), CHART_VAL(142),
		CHART_VAL(512), CHART_VAL(233), CHART_VAL(121), CHART_VAL(134),
		CHART_VAL(488), CHART_VAL(251), CHART_VAL(140), CHART_VAL(121),
	};

	return chart_new(&(struct chart_spec){ .kind = CHART_STACKED, .horizontal = 1,
	    .title = "Brukermedvirkning i planene", .axis_title = "Prosent av aktive planer",
	    .ncat = 3, .categories = kfl, .nseries = 4, .series = split_words,
	    .tones = split_tones, .values = v, .max10 = 1000 });
}

/* 4. Coverage against the need band of 25-30 per 1000. */
static struct chart *
make_coverage(void)
{
	static const struct chart_value v[] = { CHART_VAL(184), CHART_VAL(221),
	    CHART_VAL(249) };
	static const struct chart_band need[] = {
		{ 0, 100, CHART_TONE_LOW, "Lav" },
		{ 100, 250, CHART_TONE_MIDDLE, "Middels" },
		{ 250, 350, CHART_TONE_GOOD, "God" },
		{ 250, 300, CHART_TONE_NEED, "Anslått behov 25–30" },
	};

	return chart_new(&(struct chart_spec){ .kind = CHART_BAR,
	    .title = "Dekning: aktive planer per 1000 innbyggere",
	    .axis_title = "Per 1000 innbyggere",
	    .ncat = 1, .categories = (const char *const[]){ "2024" },
	    .nseries = 3, .series = kfl, .values = v, .nbands = 4, .bands = need });
}

static const char *const status_words[] = { "Gjennomført", "Under arbeid", "Ikke startet",
    "Ukjent" };

/* 5. Action-plan status of one municipality (counts). */
static struct chart *
make_status(void)
{
	static const struct chart_value v[] = { CHART_VAL(40), CHART_VAL(20), CHART_VAL(10),
	    CHART_VAL(10) };

	return chart_new(&(struct chart_spec){ .kind = CHART_STACKED, .horizontal = 1,
	    .title = "Tiltak i handlingsplanen etter status", .axis_title = "Antall tiltak",
	    .integers = 1, .ncat = 1, .categories = (const char *const[]){ "Frøya" },
	    .nseries = 4, .series = status_words, .tones = split_tones, .values = v });
}

static const char *const names[] = {
	"Trondheim", "Steinkjer", "Namsos", "Frøya", "Osen", "Oppdal", "Rennebu", "Røros",
	"Holtålen", "Midtre Gauldal", "Melhus", "Skaun", "Malvik", "Selbu", "Tydal",
	"Meråker", "Stjørdal", "Frosta", "Levanger", "Verdal", "Snåase - Snåsa", "Lierne",
	"Raarvihke - Røyrvik", "Namsskogan", "Grong", "Høylandet", "Overhalla", "Flatanger",
	"Leka", "Inderøy", "Indre Fosen", "Heim", "Hitra", "Orkland", "Ørland", "Åfjord",
	"Nærøysund", "Rindal", "Bindal", "Sømna", "Brønnøy", "Vega", "Vevelstad", "Herøy",
	"Alstahaug", "Leirfjord",
};

/* 6. All municipalities of a county ranked, with county and country marked. */
static struct chart *
make_ranked(void)
{
	struct chart_value v[NELEM(names)];
	struct chart *c;
	size_t i;

	for (i = 0; i < NELEM(names); i++)
		v[i] = CHART_VAL((int)((i * 379 + 211) % 1001));
	v[4] = CHART_HIDDEN_VAL;
	v[14] = CHART_HIDDEN_VAL;
	v[22] = CHART_MISSING_VAL;
	v[7] = CHART_VAL(1000);
	c = chart_new(&(struct chart_spec){ .kind = CHART_BAR, .horizontal = 1,
	    .title = "Planer oppdatert siste 12 måneder, kommunene i Trøndelag",
	    .axis_title = "Prosent", .note = ": vises ikke av personvernhensyn. .. tall mangler",
	    .ncat = NELEM(names), .categories = names, .nseries = 1,
	    .series = (const char *const[]){ "Kommune" }, .values = v,
	    .nbands = 3, .bands = pct_bands,
	    .nrefs = 2, .refs = (const struct chart_ref[]){ { "Trøndelag", CHART_VAL(712) },
	    { "Hele landet", CHART_VAL(640) } }, .highlight = 4, .sort = 1, .max10 = 1000 });
	return c;
}

/* 7. The distribution of internal-control levels in a county (counts). */
static struct chart *
make_ik(void)
{
	static const char *const lv[] = { "Etablert", "Under arbeid", "Ikke etablert",
	    "Ikke svart" };
	static const struct chart_value v[] = { CHART_VAL(170), CHART_VAL(90),
	    CHART_VAL(60), CHART_VAL(60) };

	return chart_new(&(struct chart_spec){ .kind = CHART_BAR,
	    .title = "Internkontroll i kommunene", .axis_title = "Antall kommuner",
	    .integers = 1, .ncat = 4, .categories = lv, .nseries = 1,
	    .series = (const char *const[]){ "Kommuner" }, .values = v });
}

/* 8. The action-plan report: status by municipality (counts). */
static struct chart *
make_status_all(void)
{
	struct chart_value v[20 * 4];
	size_t i;

	for (i = 0; i < 20; i++) {
		v[i * 4] = CHART_VAL((int)(i * 7 % 9) * 10);
		v[i * 4 + 1] = CHART_VAL((int)(i * 5 % 4) * 10);
		v[i * 4 + 2] = CHART_VAL((int)(i % 3) * 10);
		v[i * 4 + 3] = CHART_VAL((int)(i % 5 == 0) * 10);
	}
	v[13 * 4] = CHART_MISSING_VAL;
	v[13 * 4 + 1] = CHART_MISSING_VAL;
	v[13 * 4 + 2] = CHART_MISSING_VAL;
	v[13 * 4 + 3] = CHART_MISSING_VAL;
	return chart_new(&(struct chart_spec){ .kind = CHART_STACKED, .horizontal = 1,
	    .title = "Status i handlingsplanene", .axis_title = "Antall tiltak",
	    .integers = 1, .ncat = 20, .categories = names, .nseries = 4,
	    .series = status_words, .tones = split_tones, .values = v });
}

/* 9. Internal control of a municipality against county and country: the municipality's
 * figure is its answer, shown as a word in place of a bar of 0 %. */
static struct chart *
make_ik_word(void)
{
	static const struct chart_value v[] = { CHART_VAL(0), CHART_VAL(304),
	    CHART_VAL(304) };
	static const struct chart_word w[] = {
		{ "\xE2\x97\x86\xC2\xA0Under arbeid", CHART_TONE_MIDDLE },
		{ NULL, CHART_TONE_AUTO }, { NULL, CHART_TONE_AUTO } };

	return chart_new(&(struct chart_spec){ .kind = CHART_BAR, .horizontal = 1,
	    .title = "Internkontroll 2024", .axis_title = "Prosent av kommunene som svarte",
	    .ncat = 3, .categories = kfl, .nseries = 1,
	    .series = (const char *const[]){ "Internkontroll" }, .values = v, .words = w,
	    .nbands = 3, .bands = pct_bands, .highlight = 1, .max10 = 1000 });
}

/* 10. The brukermedvirkning split with segments too small for their labels (3,8 %). */
static struct chart *
make_split_small(void)
{
	static const struct chart_value v[] = {
		CHART_VAL(808), CHART_VAL(115), CHART_VAL(38), CHART_VAL(39),
		CHART_VAL(485), CHART_VAL(192), CHART_VAL(230), CHART_VAL(93),
		CHART_VAL(485), CHART_VAL(192), CHART_VAL(230), CHART_VAL(93),
	};

	return chart_new(&(struct chart_spec){ .kind = CHART_STACKED, .horizontal = 1,
	    .title = "Brukermedvirkning i planene", .axis_title = "Prosent av aktive planer",
	    .ncat = 3, .categories = kfl, .nseries = 4, .series = split_words,
	    .tones = split_tones, .values = v, .highlight = 1, .max10 = 1000 });
}

/* 11. A trend whose county is the whole country: both lines lie on each other. */
static struct chart *
make_trend_same(void)
{
	static const char *const years[] = { "2022", "2023", "2024" };
	static const struct chart_value v[] = {
		CHART_VAL(862), CHART_VAL(674), CHART_VAL(674),
		CHART_VAL(704), CHART_VAL(676), CHART_VAL(676),
		CHART_VAL(808), CHART_VAL(667), CHART_VAL(667),
	};

	return chart_new(&(struct chart_spec){ .kind = CHART_LINE,
	    .title = "Planer oppdatert 2022-2024", .axis_title = "Prosent",
	    .ncat = 3, .categories = years, .nseries = 3, .series = kfl, .values = v,
	    .nbands = 3, .bands = pct_bands, .max10 = 1000 });
}

static const struct chart_band need_bands[] = {
	{ 0, 100, CHART_TONE_LOW, "Lav" },
	{ 100, 250, CHART_TONE_MIDDLE, "Middels" },
	{ 250, 350, CHART_TONE_GOOD, "God" },
	{ 250, 300, CHART_TONE_NEED, "Anslått behov: 25–30 per 1000 innbyggere" },
};

/* 12. Coverage over the years with the need band over the level bands; its long word
 * goes inside the plot. With nbands 3: the same chart without the need band. */
static struct chart *
make_trend_need_n(size_t nbands)
{
	static const char *const years[] = { "2022", "2023", "2024" };
	static const struct chart_value v[] = {
		CHART_VAL(64), CHART_VAL(55), CHART_VAL(55),
		CHART_VAL(60), CHART_VAL(56), CHART_VAL(56),
		CHART_VAL(58), CHART_VAL(58), CHART_VAL(58),
	};

	return chart_new(&(struct chart_spec){ .kind = CHART_LINE,
	    .title = "Dekning 2022-2024", .axis_title = "Per 1000 innbyggere",
	    .ncat = 3, .categories = years, .nseries = 3, .series = kfl, .values = v,
	    .nbands = nbands, .bands = need_bands, .max10 = 350 });
}

static struct chart *
make_trend_need(void)
{
	return make_trend_need_n(4);
}

struct maker {
	const char	 *name;
	struct chart	*(*make)(void);
	double		 w, h;		/* h 0: chart_height */
};

static const struct maker makers[] = {
	{ "compare", make_compare, 480, 220 },
	{ "compare-hidden", make_compare_hidden, 480, 220 },
	{ "trend", make_trend, 480, 220 },
	{ "split", make_split, 480, 0 },
	{ "coverage", make_coverage, 480, 220 },
	{ "status", make_status, 480, 0 },
	{ "ranked", make_ranked, 480, 0 },
	{ "ik", make_ik, 480, 200 },
	{ "status-all", make_status_all, 480, 0 },
	{ "ik-word", make_ik_word, 480, 0 },
	{ "split-small", make_split_small, 480, 0 },
	{ "trend-same", make_trend_same, 480, 220 },
	{ "trend-need", make_trend_need, 480, 220 },
};

static double
maker_h(const struct maker *m, const struct chart *c)
{
	return m->h > 0 ? m->h : chart_height(c, m->w);
}

static char *
dump_of(struct chart *c)
{
	struct buf b;

	buf_init(&b);
	chart_dump(c, &b);
	buf_putc(&b, '\0');
	return buf_take(&b);
}

static void
test_dump_compare(void **state)
{
	struct chart *c = make_compare_hidden();
	char *s;

	(void)state;
	assert_non_null(c);
	s = dump_of(c);
	assert_string_equal(s,
	    "chart bar: Brukermedvirkning, 2024\n"
	    "  axis: Prosent\n"
	    "  series 1: Frøya (auto)\n"
	    "  series 2: Trøndelag (auto)\n"
	    "  series 3: Hele landet (auto)\n"
	    "  2024: : 71,2 64,0\n"
	    "  band 0,0-50,0 low: Lav\n"
	    "  band 50,0-80,0 middle: Middels\n"
	    "  band 80,0-100,0 good: God\n"
	    "  note: : vises ikke av personvernhensyn\n");
	free(s);
	chart_free(c);
}

static void
test_dump_trend_status(void **state)
{
	struct chart *c = make_trend();
	char *s;

	(void)state;
	s = dump_of(c);
	assert_string_equal(s,
	    "chart line: Utvikling 2021-2024\n"
	    "  axis: Prosent\n"
	    "  series 1: Frøya (auto)\n"
	    "  series 2: Trøndelag (auto)\n"
	    "  series 3: Hele landet (auto)\n"
	    "  2021: .. 58,2 56,1\n"
	    "  2022: 50,0 60,4 58,8\n"
	    "  2023: : 65,5 61,9\n"
	    "  2024: 66,7 71,2 64,0\n"
	    "  band 0,0-50,0 low: Lav\n"
	    "  band 50,0-80,0 middle: Middels\n"
	    "  band 80,0-100,0 good: God\n"
	    "  note: : vises ikke av personvernhensyn. .. tall mangler\n");
	free(s);
	chart_free(c);
	c = make_status();
	s = dump_of(c);
	assert_string_equal(s,
	    "chart stacked horizontal: Tiltak i handlingsplanen etter status\n"
	    "  axis: Antall tiltak\n"
	    "  series 1: Gjennomført (good)\n"
	    "  series 2: Under arbeid (middle)\n"
	    "  series 3: Ikke startet (low)\n"
	    "  series 4: Ukjent (neutral)\n"
	    "  Frøya: 4 2 1 1\n");
	free(s);
	chart_free(c);
}

/* Sorting: largest first, hidden and missing last in their order, highlight follows. */
static void
test_dump_ranked(void **state)
{
	struct chart *c = make_ranked();
	char *s, *p;

	(void)state;
	s = dump_of(c);
	assert_non_null(strstr(s, "chart bar horizontal: Planer oppdatert"));
	p = strstr(s, "  series 1: Kommune (auto)\n  Røros: 100,0\n");
	assert_non_null(p);
	assert_true(strstr(s, "  Osen: :\n  Tydal: :\n  Raarvihke - Røyrvik: ..\n  band 0,0-50,0") !=
	    NULL);
	assert_non_null(strstr(s, "  Frøya *: "));
	assert_non_null(strstr(s, "  ref Trøndelag: 71,2\n  ref Hele landet: 64,0\n"));
	free(s);
	chart_free(c);
}

static void
test_bad_specs(void **state)
{
	struct chart_value v = CHART_VAL(10);
	struct chart *c;

	(void)state;
	assert_null(chart_new(NULL));
	assert_null(chart_new(&(struct chart_spec){ .kind = CHART_BAR, .ncat = 1 }));
	assert_null(chart_new(&(struct chart_spec){ .kind = CHART_BAR, .ncat = 2,
	    .nseries = 1 }));
	assert_null(chart_new(&(struct chart_spec){ .kind = (enum chart_kind)7, .nseries = 1,
	    .ncat = 1, .values = &v }));
	/* No categories and no words at all: still draws (an empty frame), never crashes. */
	c = chart_new(&(struct chart_spec){ .kind = CHART_STACKED, .horizontal = 1,
	    .nseries = 1 });
	assert_non_null(c);
	chart_free(c);
	chart_free(NULL);
}

static char *
out_dir(void)
{
	const char *keep = getenv("CHART_KEEP");
	char tmpl[] = "/tmp/chart-test-XXXXXX";

	if (keep != NULL && *keep != '\0') {
		mkdir_p(keep);
		return xstrdup(keep);
	}
	assert_non_null(mkdtemp(tmpl));
	return xstrdup(tmpl);
}

static void
rm_dir(const char *dir)
{
	char *cmd;

	if (getenv("CHART_KEEP") != NULL)
		return;
	cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

static void
pdf_error(HPDF_STATUS err, HPDF_STATUS detail, void *data)
{
	(void)data;
	fail_msg("libharu error 0x%04X, detail %u", (unsigned)err, (unsigned)detail);
}

static HPDF_Font
pdf_font(HPDF_Doc pdf, const char *file)
{
	const char *name = HPDF_LoadTTFontFromFile(pdf, file, HPDF_TRUE);

	assert_non_null(name);
	return HPDF_GetFont(pdf, name, "UTF-8");
}

static char *
read_cmd(const char *cmd)
{
	FILE *f = popen(cmd, "r");
	struct buf b;
	char tmp[4096];
	size_t n;

	assert_non_null(f);
	buf_init(&b);
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		buf_put(&b, tmp, n);
	pclose(f);
	buf_putc(&b, '\0');
	return buf_take(&b);
}

/* Every chart on its own page of one PDF; pdftotext must give back the words. */
static void
test_pdf(void **state)
{
	HPDF_Doc pdf = HPDF_New(pdf_error, NULL);
	HPDF_Font reg, bold;
	HPDF_Page page;
	struct chart *c;
	char *dir = out_dir(), *path, *cmd, *text;
	size_t i;
	double h;

	(void)state;
	assert_non_null(pdf);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	reg = pdf_font(pdf, FONTS "/ipkval-sans.ttf");
	bold = pdf_font(pdf, FONTS "/ipkval-sans-bold.ttf");
	for (i = 0; i < NELEM(makers); i++) {
		c = makers[i].make();
		assert_non_null(c);
		h = maker_h(&makers[i], c);
		page = HPDF_AddPage(pdf);
		HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
		/* Frame of the box, so a look at the page shows that nothing spills out. */
		HPDF_Page_SetRGBStroke(page, 0.8f, 0.8f, 0.8f);
		HPDF_Page_SetLineWidth(page, 0.3f);
		HPDF_Page_Rectangle(page, 57, (HPDF_REAL)(780 - h), 480, (HPDF_REAL)h);
		HPDF_Page_Stroke(page);
		chart_render_pdf(c, pdf, page, reg, bold, 57, 780 - h, makers[i].w, h, NULL, NULL);
		chart_free(c);
	}
	path = xasprintf("%s/charts.pdf", dir);
	assert_int_equal(HPDF_SaveToFile(pdf, path), HPDF_OK);
	HPDF_Free(pdf);
	cmd = xasprintf("pdftotext -q -layout '%s' - 2>/dev/null", path);
	text = read_cmd(cmd);
	assert_non_null(strstr(text, "Planer oppdatert siste 12 måneder, 2024"));
	assert_non_null(strstr(text, "66,7"));
	assert_non_null(strstr(text, "71,2"));
	assert_non_null(strstr(text, "Hele landet"));
	assert_non_null(strstr(text, "Middels"));
	assert_non_null(strstr(text, "Anslått behov 25–30"));
	assert_non_null(strstr(text, "Ikke dokumentert"));
	assert_non_null(strstr(text, "Raarvihke - Røyrvik"));
	assert_non_null(strstr(text, "Trøndelag 71,2"));
	assert_non_null(strstr(text, ": vises ikke av personvernhensyn"));
	assert_non_null(strstr(text, "Gjennomført"));
	assert_non_null(strstr(text, "Under arbeid"));
	assert_non_null(strstr(text, "3,9"));
	free(text);
	free(cmd);
	free(path);
	rm_dir(dir);
	free(dir);
}

static void
write_all(const char *dir, const char *suffix, struct diag *d)
{
	struct chart *c;
	char *path;
	size_t i;

	for (i = 0; i < NELEM(makers); i++) {
		c = makers[i].make();
		path = xasprintf("%s/%s%s.png", dir, makers[i].name, suffix);
		assert_int_equal(chart_write_png(c, path, FONTS, makers[i].w,
		    maker_h(&makers[i], c), d), 0);
		free(path);
		path = xasprintf("%s/%s%s.svg", dir, makers[i].name, suffix);
		assert_int_equal(chart_write_svg(c, path, FONTS, makers[i].w,
		    maker_h(&makers[i], c), d), 0);
		free(path);
		chart_free(c);
	}
}

static void
assert_same_file(const char *a, const char *b)
{
	size_t la, lb;
	char *da = unit_slurp(a, &la), *db = unit_slurp(b, &lb);

	assert_non_null(da);
	assert_non_null(db);
	assert_int_equal(la, lb);
	assert_memory_equal(da, db, la);
	free(da);
	free(db);
}

struct job {
	const char	*dir;
	const char	*suffix;
	struct diag	*d;
};

static void *
job_run(void *arg)
{
	struct job *j = arg;

	write_all(j->dir, j->suffix, j->d);
	return NULL;
}

/* PNG and SVG files: written, valid-looking, the same bytes twice and from threads. */
static void
test_files(void **state)
{
	struct diag d;
	char *dir = out_dir(), *a, *b, *svg;
	pthread_t th[3];
	struct job jobs[3];
	static const char *const sfx[3] = { "-t1", "-t2", "-t3" };
	size_t i, k, len;

	(void)state;
	diag_init(&d, stderr);
	write_all(dir, "", &d);
	for (k = 0; k < 3; k++) {
		jobs[k] = (struct job){ dir, sfx[k], &d };
		assert_int_equal(pthread_create(&th[k], NULL, job_run, &jobs[k]), 0);
	}
	for (k = 0; k < 3; k++)
		pthread_join(th[k], NULL);
	for (i = 0; i < NELEM(makers); i++) {
		for (k = 0; k < 3; k++) {
			a = xasprintf("%s/%s.png", dir, makers[i].name);
			b = xasprintf("%s/%s%s.png", dir, makers[i].name, sfx[k]);
			assert_same_file(a, b);
			free(a);
			free(b);
			a = xasprintf("%s/%s.svg", dir, makers[i].name);
			b = xasprintf("%s/%s%s.svg", dir, makers[i].name, sfx[k]);
			assert_same_file(a, b);
			free(a);
			free(b);
		}
	}
	a = xasprintf("%s/ranked.svg", dir);
	svg = unit_slurp(a, &len);
	assert_non_null(svg);
	assert_non_null(strstr(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
	assert_non_null(strstr(svg, ">Raarvihke - Røyrvik</text>"));
	assert_non_null(strstr(svg, ">Trøndelag 71,2</text>"));
	assert_non_null(strstr(svg, "</svg>\n"));
	free(svg);
	free(a);
	a = xasprintf("%s/compare.png", dir);
	svg = unit_slurp(a, &len);
	assert_non_null(svg);
	assert_true(len > 1000);
	assert_memory_equal(svg, "\x89PNG\r\n\x1a\n", 8);
	free(svg);
	free(a);
	assert_int_equal(diag_exit_code(&d), 0);
	diag_free(&d);
	rm_dir(dir);
	free(dir);
}

/* Failures are messages and -1, never a crash; nothing half-written is left. */
static void
test_file_errors(void **state)
{
	struct chart *c = make_compare();
	struct diag d;
	char *dir = out_dir(), *path;
	FILE *f = tmpfile();
	char line[512];

	(void)state;
	assert_non_null(f);
	diag_init(&d, f);
	path = xasprintf("%s/no-such-dir/x.png", dir);
	assert_int_equal(chart_write_png(c, path, FONTS, 480, 220, &d), -1);
	free(path);
	path = xasprintf("%s/x.svg", dir);
	assert_int_equal(chart_write_svg(c, path, "/nonexistent-fonts", 480, 220, &d), -1);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(chart_write_svg(c, path, FONTS, 0, 220, &d), -1);
	free(path);
	assert_int_equal(diag_exit_code(&d), 1);
	diag_free(&d);
	rewind(f);
	assert_non_null(fgets(line, sizeof(line), f));
	assert_non_null(strstr(line, "could not write the figure file"));
	assert_non_null(fgets(line, sizeof(line), f));
	assert_non_null(strstr(line, "ipkval-sans.ttf: error: expected a TrueType font"));
	assert_non_null(fgets(line, sizeof(line), f));
	assert_non_null(strstr(line, "expected a figure size between 20 and 5000 points"));
	fclose(f);
	chart_free(c);
	rm_dir(dir);
	free(dir);
}

/* Odd charts of every shape (no categories, negative and huge values, bands upside
 * down, long words) are drawn without a crash, a hang or a leak on every back end. */
static void
test_odd_charts(void **state)
{
	static const char *const words[] = { "", "Ein veldig lang kommunenamn som ikkje får plass",
	    "Á", "Guovdageaidnu - Kautokeino", "x" };
	struct chart_value v[60 * 5];
	struct chart_word ow[60 * 5];
	struct chart_band bands[3];
	struct chart_ref refs[3];
	const char *cats[60];
	HPDF_Doc pdf = HPDF_New(pdf_error, NULL);
	HPDF_Font reg, bold;
	HPDF_Page page;
	struct chart *c;
	struct diag d;
	char *dir = out_dir(), *path = xasprintf("%s/odd.svg", dir);
	unsigned seed = 12345, r;
	int k;
	size_t i, ncat, nser;

	(void)state;
	diag_init(&d, stderr);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	reg = pdf_font(pdf, FONTS "/ipkval-sans.ttf");
	bold = pdf_font(pdf, FONTS "/ipkval-sans-bold.ttf");
	for (k = 0; k < 60; k++) {
		seed = seed * 1103515245 + 12345;
		r = seed >> 8;
		ncat = k == 0 ? 0 : r % 60;
		nser = 1 + (r >> 6) % 5;
		for (i = 0; i < ncat; i++)
			cats[i] = words[(r + i) % NELEM(words)];
		for (i = 0; i < ncat * nser; i++) {
			seed = seed * 1103515245 + 12345;
			v[i] = (seed >> 9) % 7 == 0 ? CHART_HIDDEN_VAL : (seed >> 9) % 7 == 1 ?
			    CHART_MISSING_VAL : CHART_VAL((int)((seed >> 10) % 40000) - 2000);
			ow[i] = (struct chart_word){ (seed >> 12) % 4 == 0 ?
			    words[(seed >> 14) % NELEM(words)] : NULL, (enum chart_tone)(i % 8) };
		}
		for (i = 0; i < 3; i++) {
			bands[i] = (struct chart_band){ (int)(i * 300) - 100, k % 3 ? 1000 :
			    (int)(i * 100), (enum chart_tone)(i + k) % 6, words[(i + k) % 5] };
			refs[i] = (struct chart_ref){ words[i], i == 1 ? CHART_HIDDEN_VAL :
			    CHART_VAL(k * 97 - 300) };
		}
		c = chart_new(&(struct chart_spec){ .kind = (enum chart_kind)(k % 3),
		    .horizontal = k % 2, .title = words[k % 5], .axis_title = words[(k + 1) % 5],
		    .note = words[(k + 2) % 5], .integers = k % 4 == 0, .ncat = ncat,
		    .categories = cats, .nseries = nser, .series = words, .values = v,
		    .nbands = (size_t)k % 4, .bands = bands, .nrefs = (size_t)k % 4, .refs = refs,
		    .highlight = (size_t)k % 7, .sort = k % 5 == 0, .max10 = k % 6 == 0 ? 55 : 0,
		    .words = k % 3 == 0 ? ow : NULL, .label_set = k % 4 == 1 ? words : NULL,
		    .nlabel_set = NELEM(words) });
		assert_non_null(c);
		page = HPDF_AddPage(pdf);
		chart_render_pdf(c, pdf, page, reg, bold, 20, 20, 100 + k * 7, chart_height(c,
		    480), NULL, NULL);
		assert_int_equal(chart_write_svg(c, path, FONTS, 20 + k * 5, 20 + k * 3, &d), 0);
		chart_free(c);
	}
	HPDF_Free(pdf);
	diag_free(&d);
	free(path);
	rm_dir(dir);
	free(dir);
}

/* The SVG of c at w x h points, as text. */
static char *
svg_of(struct chart *c, double w, double h)
{
	char *dir = out_dir(), *path = xasprintf("%s/t.svg", dir), *s;
	struct diag d;
	size_t len;

	diag_init(&d, stderr);
	assert_int_equal(chart_write_svg(c, path, FONTS, w, h, &d), 0);
	assert_int_equal(diag_exit_code(&d), 0);
	s = unit_slurp(path, &len);
	assert_non_null(s);
	diag_free(&d);
	rm_dir(dir);
	free(dir);
	free(path);
	chart_free(c);
	return s;
}

static size_t
count_of(const char *s, const char *needle)
{
	size_t n = 0;

	while ((s = strstr(s, needle)) != NULL) {
		n++;
		s += strlen(needle);
	}
	return n;
}

/* The first x of the nth (from 1) filled path of colour rgb ("#008f68") in svg; for a
 * bar also its width. */
static double
svg_path_x(const char *svg, const char *rgb, int nth, double *width)
{
	char *pat = xasprintf("<path fill=\"%s\" d=\"", rgb);
	const char *p = svg;
	double x = 0, y = 0, w = 0;

	for (; nth > 0; nth--) {
		p = strstr(p, pat);
		assert_non_null(p);
		p += strlen(pat);
	}
	assert_true(sscanf(p, "M%lf %lfh%lf", &x, &y, &w) >= 2);
	if (width != NULL)
		*width = w;
	free(pat);
	return x;
}

/* A survey answer is a word in place of its bar (no "0,0"), in the dump too, and moves
 * with its category when the chart is sorted. */
static void
test_words(void **state)
{
	static const struct chart_value v[] = { CHART_VAL(0), CHART_VAL(500),
	    CHART_VAL(800) };
	static const struct chart_word w[] = { { "Ikke etablert", CHART_TONE_LOW },
	    { NULL, CHART_TONE_AUTO }, { NULL, CHART_TONE_AUTO } };
	struct chart *c = make_ik_word();
	char *s;

	(void)state;
	s = dump_of(c);
	assert_non_null(strstr(s, "  Frøya *: \"\xE2\x97\x86\xC2\xA0Under arbeid\" (middle)\n"
	    "  Trøndelag: 30,4\n"));
	free(s);
	s = svg_of(c, 480, chart_height(c, 480));
	assert_non_null(strstr(s, ">\xE2\x97\x86\xC2\xA0Under arbeid</text>"));
	assert_null(strstr(s, ">0,0</text>"));
	assert_int_equal(count_of(s, ">30,4</text>"), 2);
	free(s);
	c = chart_new(&(struct chart_spec){ .kind = CHART_BAR, .horizontal = 1,
	    .ncat = 3, .categories = kfl, .nseries = 1,
	    .series = (const char *const[]){ "Internkontroll" }, .values = v, .words = w,
	    .highlight = 1, .sort = 1 });
	s = dump_of(c);
	assert_non_null(strstr(s, "  Hele landet: 80,0\n  Trøndelag: 50,0\n"
	    "  Frøya *: \"Ikke etablert\" (low)\n"));
	/* The axis is set by the shares alone. */
	free(s);
	s = svg_of(c, 480, chart_height(c, 480));
	assert_non_null(strstr(s, ">80</text>"));
	assert_null(strstr(s, ">100</text>"));
	free(s);
}

/* A chart split into parts: with every part's names as label_set, equal counts have bars
 * of equal length in every part, whatever the part's own names. */
static void
test_parts_scale(void **state)
{
	static const char *const all[] = { "Os", "Midtre Gauldal" };
	static const struct chart_value v[] = { CHART_VAL(30), CHART_VAL(10), CHART_VAL(0),
	    CHART_VAL(0) };
	double wa, wb, wc;
	char *s;
	size_t k;
	int set;

	(void)state;
	for (k = 0; k < 3; k++) {
		set = k < 2;
		s = svg_of(chart_new(&(struct chart_spec){ .kind = CHART_STACKED,
		    .horizontal = 1, .integers = 1, .ncat = 1, .categories = &all[k % 2],
		    .nseries = 4, .series = status_words, .tones = split_tones, .values = v,
		    .max10 = 50, .label_set = set ? all : NULL, .nlabel_set = set ? 2 : 0 }),
		    480, 80);
		svg_path_x(s, "#008f68", 2, k == 0 ? &wa : k == 1 ? &wb : &wc);
		free(s);
	}
	assert_true(fabs(wa - wb) < 0.01);
	assert_true(wc > wa + 10);	/* "Os" alone leaves more room */
}

/* Segments too small for their value are labelled under the bar, in a taller row. */
static void
test_small_segments(void **state)
{
	struct chart *c = make_split_small(), *big = make_split();
	char *s;

	(void)state;
	assert_true(chart_height(c, 480) > chart_height(big, 480));
	chart_free(big);
	s = svg_of(c, 480, chart_height(c, 480));
	assert_int_equal(count_of(s, ">3,8</text>"), 1);
	assert_int_equal(count_of(s, ">3,9</text>"), 1);
	assert_int_equal(count_of(s, ">11,5</text>"), 1);
	free(s);
}

/* Lines that lie on each other (county = country): the upper one is drawn thinner and
 * their markers stand side by side. */
static void
test_lines_coincide(void **state)
{
	char *s = svg_of(make_trend_same(), 480, 220);
	double sq, tri;

	(void)state;
	assert_non_null(strstr(s, "stroke-width=\"1.1\""));
	/* The first marker of each after its legend sample: 2022. */
	sq = svg_path_x(s, "#3e85ad", 2, NULL);
	tri = svg_path_x(s, "#3a3a3a", 2, NULL);
	assert_true(tri - sq > 8);
	free(s);
}

/* The need band's long word goes inside the plot: the plot is as wide as without it. */
static void
test_need_inside(void **state)
{
	static const char base[] = "stroke=\"#333333\" stroke-width=\"0.8\" d=\"M";
	double x[2], y, x1;
	char *s;
	const char *p;
	size_t n;

	(void)state;
	for (n = 0; n < 2; n++) {
		s = svg_of(make_trend_need_n(n == 0 ? 4 : 3), 480, 220);
		p = strstr(s, base);
		assert_non_null(p);
		assert_int_equal(sscanf(p + strlen(base), "%lf %lfL%lf", &x1, &y, &x[n]), 3);
		if (n == 0)
			assert_non_null(strstr(s, ">Anslått behov: 25–30 per 1000 innbyggere<"));
		free(s);
	}
	assert_true(fabs(x[0] - x[1]) < 0.01);
}

/* A character the fonts lack is drawn as "?" in PNG and SVG (and the PDF when given the
 * document's text rules), with one warning per character and file naming the file. */
static void
test_missing_glyphs(void **state)
{
	static const char *const cats[] = { "Stranda \xE6\x9D\xB1\xE4\xBA\xAC",
	    "Hele landet" };
	static const struct chart_value v[] = { CHART_VAL(500), CHART_VAL(600) };
	struct chart *c = chart_new(&(struct chart_spec){ .kind = CHART_BAR, .horizontal = 1,
	    .title = "Planer \xE6\x9D\xB1", .ncat = 2, .categories = cats, .nseries = 1,
	    .series = (const char *const[]){ "Planer" }, .values = v });
	char *dir = out_dir(), *png = xasprintf("%s/g.png", dir), *svg = xasprintf("%s/g.svg",
	    dir), *s, *msgs;
	FILE *f = tmpfile();
	struct diag d;
	size_t len;

	(void)state;
	assert_non_null(f);
	diag_init(&d, f);
	assert_int_equal(chart_write_png(c, png, FONTS, 480, 120, &d), 0);
	assert_int_equal(chart_write_svg(c, svg, FONTS, 480, 120, &d), 0);
	assert_int_equal(diag_exit_code(&d), 0);
	diag_free(&d);
	fflush(f);
	len = (size_t)ftell(f);
	msgs = xcalloc(len + 1, 1);
	rewind(f);
	assert_int_equal(fread(msgs, 1, len, f), len);
	fclose(f);
	s = xasprintf("%s: warning: the report font has no character U+4EAC (in \"Stranda "
	    "\xE6\x9D\xB1\xE4\xBA\xAC\"); it is printed as \"?\"\n", png);
	assert_non_null(strstr(msgs, s));
	free(s);
	s = xasprintf("%s: warning: the report font has no character U+6771", svg);
	assert_non_null(strstr(msgs, s));
	free(s);
	/* Once per character and file: U+6771 (title and name) twice, U+4EAC twice. */
	assert_int_equal(count_of(msgs, "U+6771"), 2);
	assert_int_equal(count_of(msgs, "U+4EAC"), 2);
	free(msgs);
	s = unit_slurp(svg, &len);
	assert_non_null(s);
	assert_non_null(strstr(s, ">Stranda ?\?</text>"));
	assert_non_null(strstr(s, ">Planer ?</text>"));
	assert_null(strstr(s, "\xE6\x9D\xB1"));
	free(s);
	chart_free(c);
	free(png);
	free(svg);
	rm_dir(dir);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dump_compare),
		cmocka_unit_test(test_dump_trend_status),
		cmocka_unit_test(test_dump_ranked),
		cmocka_unit_test(test_bad_specs),
		cmocka_unit_test(test_pdf),
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_file_errors),
		cmocka_unit_test(test_odd_charts),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_parts_scale),
		cmocka_unit_test(test_small_segments),
		cmocka_unit_test(test_lines_coincide),
		cmocka_unit_test(test_need_inside),
		cmocka_unit_test(test_missing_glyphs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
