/*
 * Unit tests of the drawing back ends (draw.h): the PDF and the Cairo back ends measure
 * text alike (so one layout fits both), and the SVG writer escapes text and writes
 * numbers with a point whatever the locale.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <hpdf.h>

#include "draw.h"
#include "util.h"

#define FONTS	IPKVAL_HOME "/build/fonts"

static void
pdf_error(HPDF_STATUS err, HPDF_STATUS detail, void *data)
{
	(void)data;
	fail_msg("libharu error 0x%04X, detail %u", (unsigned)err, (unsigned)detail);
}

static const char *const samples[] = {
	"Raarvihke - Røyrvik", "Hele landet 64,0", "Snåase - Snåsa", "ÆØÅ æøå áčđŋšŧž",
	"100,0", ": vises ikke av personvernhensyn", "Anslått behov 25–30",
};

static void
test_same_widths(void **state)
{
	HPDF_Doc pdf = HPDF_New(pdf_error, NULL);
	HPDF_Page page;
	struct draw dp, ds;
	struct draw_pdf p;
	struct draw_cairo_fonts *f;
	struct draw_svg *s;
	struct diag d;
	struct buf out;
	double a, b;
	size_t i;
	int bold;

	(void)state;
	diag_init(&d, stderr);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	page = HPDF_AddPage(pdf);
	draw_pdf_begin(&dp, &p, page,
	    HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, FONTS "/ipkval-sans.ttf", HPDF_TRUE),
	    "UTF-8"),
	    HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, FONTS "/ipkval-sans-bold.ttf",
	    HPDF_TRUE), "UTF-8"), 0, 0, 480, 200, NULL);
	f = draw_cairo_fonts_load(FONTS, &d);
	assert_non_null(f);
	s = draw_svg_new(&ds, f, 480, 200, &d, "widths.svg");
	for (i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		for (bold = 0; bold < 2; bold++) {
			a = dp.text_width(dp.ctx, 8, bold, samples[i]);
			b = ds.text_width(ds.ctx, 8, bold, samples[i]);
			assert_true(a > 10);
			if (fabs(a - b) > a * 0.01)
				fail_msg("%s: PDF %.2f pt, Cairo %.2f pt", samples[i], a, b);
		}
	}
	/* Wider text is wider: the UTF-8 letters are measured, not counted as bytes. */
	assert_true(dp.text_width(dp.ctx, 8, 0, "Ø") < dp.text_width(dp.ctx, 8, 0, "OO"));
	draw_pdf_end(&p);
	buf_init(&out);
	ds.colour(ds.ctx, 0x123456);
	ds.text(ds.ctx, 10.5, 20.25, DRAW_RIGHT, 8, 1, "A & B <C> \"d\"");
	ds.rect(ds.ctx, -1.25, 2, 3.333, 4);
	ds.fill(ds.ctx);
	draw_svg_finish(s, &out);
	assert_non_null(strstr(out.data, "<text x=\"10.5\" y=\"20.25\" font-size=\"8\" "
	    "font-weight=\"bold\" text-anchor=\"end\" fill=\"#123456\">"
	    "A &amp; B &lt;C&gt; &quot;d&quot;</text>"));
	assert_non_null(strstr(out.data, "<path fill=\"#123456\" d=\"M-1.25 2h3.33v4h-3.33Z\"/>"));
	buf_free(&out);
	draw_cairo_fonts_free(f);
	HPDF_Free(pdf);
	assert_int_equal(diag_exit_code(&d), 0);
	diag_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_widths),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
