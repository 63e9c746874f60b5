/*
 * Fuzz harness: the input as the regular report font given with --fonts: checked
 * (font.c), and when accepted, embedded by libharu in a small report with text in both
 * fonts and a chart, written as a PDF.
 */
#include "chart.h"
#include "doc.h"
#include "font.h"
#include "fuzz.h"
#include "pdf.h"

static char *fonts, *out;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *bold, *path;
	size_t len;

	(void)argc;
	(void)argv;
	fuzz_start();
	fonts = xasprintf("%s/fonts", fuzz_dir);
	out = xasprintf("%s/out.pdf", fuzz_dir);
	bold = fuzz_home_file("build/fonts/ipkval-sans-bold.ttf", &len);
	path = fuzz_file("fonts/ipkval-sans-bold.ttf", bold, len);
	free(path);
	free(bold);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct chart_value v[] = { CHART_VAL(667), CHART_VAL(712) };
	char *path = fuzz_file("fonts/ipkval-sans.ttf", data, size);
	struct doc *d;
	struct doc_table *t;

	if (font_check(path, DIAG_ERROR, &fuzz_diag) == 0) {
		d = doc_new();
		doc_heading(d, 1, "Sammendrag – Stranda");
		doc_paragraph(d, "Planer oppdatert: **66,7 %** (ÆØÅ æøå Čč Ŋŋ ≤ ≥ ● ◆ ○ €)");
		t = doc_table(d, 2);
		doc_table_col(t, 0, "Kommune", 3, DOC_LEFT);
		doc_table_col(t, 1, "Verdi", 1, DOC_RIGHT);
		doc_table_row(t, 0);
		doc_table_cell(t, "Sykkylven", DOC_MARK_GOOD);
		doc_table_cell(t, "71,2 %", DOC_MARK_NONE);
		doc_chart(d, chart_new(&(struct chart_spec){ .kind = CHART_BAR,
		    .horizontal = 1, .title = "Planer oppdatert", .ncat = 2,
		    .categories = (const char *const[]){ "Stranda", "Aukra" }, .nseries = 1,
		    .series = (const char *const[]){ "2024" }, .values = v }), 0);
		pdf_write(d, out, fonts, &fuzz_diag);
		doc_free(d);
		unlink(out);
	}
	free(path);
	return 0;
}
