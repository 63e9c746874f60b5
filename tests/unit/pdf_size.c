/*
 * Size and text extraction of the PDF back end: a fixed document (text with Norwegian and
 * Sami letters, a table with level marks, a stacked bar chart with hatched and crossed
 * bars, a line chart with circle markers and reference lines) is written and checked:
 * pdftotext prints no warning (the ToUnicode maps are valid) and extracts every word; the
 * page streams hold no float noise (every number has at most three decimals); the file
 * stays under a byte budget; the bytes are the same on every run.
 * Set IPKVAL_SIZE_PDF=path to keep the PDF for looking at it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "chart.h"
#include "diag.h"
#include "doc.h"
#include "pdf.h"
#include "util.h"
#include "unit_pdf.h"

#define NBSP	"\xC2\xA0"

/*
 * Measured 23,194 bytes when the budget was set (2026-11-23: fonts subset to 402 glyphs);
 * before the size work (libharu's own ToUnicode, /W and CIDToGIDMap, float coordinates,
 * state set again for every item, a text object per line, circles as polygons) the same
 * document took 29,200. PDF/A-1 (2026-12-02: the sRGB profile, XMP metadata, CIDSets)
 * made it 28,636; the structure tree (every block, cell and figure an element with its
 * marked content) 37,019. The budget leaves about 8 % for changes in typography.
 */
#define BUDGET	40000

static const char *const words[] = {
	"Porsanger - Porsáŋgu - Porsanki", "Kárášjohka - Karasjok", "Snåase - Snåsa",
	"Unjárga - Nesseby", "Gáivuotna - Kåfjord - Kaivuono", "Ærlig, øvd og åpen",
	"ÆØÅ æøå", "Čáhcesuolu đ ŋ š ŧ ž", "66,7 % av de aktive planene",
	"Planer oppdatert siste 12 måneder", "Tiltak etter status",
};

static struct chart *
stacked_chart(void)
{
	static const char *const cats[] = { "Porsanger - Porsáŋgu - Porsanki",
	    "Kárášjohka - Karasjok", "Snåase - Snåsa" };
	static const char *const series[] = { "Gjennomført", "Pågår", "Ikke startet" };
	static const enum chart_tone tones[] = { CHART_TONE_GOOD, CHART_TONE_MIDDLE,
	    CHART_TONE_LOW };
	struct chart_value v[9] = {
		CHART_VAL(20), CHART_VAL(30), CHART_VAL(10),
		CHART_VAL(40), CHART_VAL(10), CHART_VAL(20),
		CHART_VAL(10), CHART_VAL(20), CHART_VAL(30),
	};

	return chart_new(&(struct chart_spec){
		.kind = CHART_STACKED, .horizontal = 1, .title = "Tiltak etter status",
		.axis_title = "Antall tiltak", .integers = 1, .ncat = 3, .categories = cats,
		.nseries = 3, .series = series, .tones = tones, .values = v });
}

static struct chart *
line_chart(void)
{
	static const char *const cats[] = { "2020", "2021", "2022", "2023", "2024" };
	static const char *const series[] = { "Snåase - Snåsa", "Trøndelag", "Hele landet" };
	struct chart_value v[15] = {
		CHART_VAL(500), CHART_VAL(550), CHART_VAL(580),
		CHART_VAL(520), CHART_VAL(590), CHART_VAL(610),
		CHART_VAL(600), CHART_VAL(600), CHART_VAL(620),
		CHART_HIDDEN_VAL, CHART_VAL(620), CHART_VAL(640),
		CHART_VAL(667), CHART_VAL(630), CHART_VAL(650),
	};

	return chart_new(&(struct chart_spec){
		.kind = CHART_LINE, .title = "Planer oppdatert siste 12 måneder",
		.axis_title = "Prosent", .note = ": vises ikke av personvernhensyn",
		.ncat = 5, .categories = cats, .nseries = 3, .series = series, .values = v,
		.max10 = 1000 });
}

static struct doc *
size_doc(void)
{
	struct doc *d = doc_new();
	struct doc_table *t;
	size_t i;

	doc_set_title(d, "Størrelse og tekst: Snåase - Snåsa");
	doc_set_lang(d, "nb-NO");
	doc_set_header(d, "Snåase - Snåsa · Individuell plan 2024");
	doc_set_page_label(d, "Side %d av %d");
	doc_heading(d, 1, "Sammendrag");
	doc_paragraph(d, "Kartleggingen viser at **66,7" NBSP "%** av de aktive planene er "
	    "oppdatert. Ærlig, øvd og åpen. ÆØÅ æøå. Čáhcesuolu đ ŋ š ŧ ž.");
	for (i = 0; i < sizeof(words) / sizeof(words[0]) - 2; i++)
		doc_bullet(d, words[i]);
	t = doc_table(d, 3);
	doc_table_col(t, 0, "Kommune", 3, DOC_LEFT);
	doc_table_col(t, 1, "Aktive planer", 1.2, DOC_RIGHT);
	doc_table_col(t, 2, "Nivå", 1.3, DOC_LEFT);
	for (i = 0; i < 12; i++) {
		doc_table_row(t, 0);
		doc_table_cell(t, words[i % 5], DOC_MARK_NONE);
		doc_table_cell(t, i % 2 ? "12" : "7", DOC_MARK_NONE);
		doc_table_cell(t, i % 3 == 0 ? "● God" : i % 3 == 1 ? "◆ Middels" : "○ Lav",
		    i % 3 == 0 ? DOC_MARK_GOOD : i % 3 == 1 ? DOC_MARK_MIDDLE : DOC_MARK_LOW);
	}
	doc_chart(d, stacked_chart(), 0);
	doc_chart(d, line_chart(), 0);
	return d;
}

static long
file_bytes(const char *path, char **data)
{
	FILE *f = fopen(path, "rb");
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	*data = xmalloc((size_t)n + 1);
	assert_int_equal(fread(*data, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	return n;
}

static void
test_size_and_text(void **state)
{
	char dir[] = "/tmp/ipkval-size-XXXXXX";
	struct doc *d = size_doc();
	struct diag dg;
	char *path, *cmd, *out, *a, *b, *keep = getenv("IPKVAL_SIZE_PDF");
	long n1, n2;
	size_t i;

	(void)state;
	assert_non_null(mkdtemp(dir));
	diag_init(&dg, stderr);
	path = xasprintf("%s/size.pdf", dir);
	assert_int_equal(pdf_write(d, path, fonts_dir(), &dg), 0);
	assert_int_equal(dg.count[DIAG_WARNING] + dg.count[DIAG_ERROR], 0);
	if (keep != NULL && *keep != '\0') {
		cmd = xasprintf("cp %s '%s'", path, keep);
		assert_int_equal(system(cmd), 0);
		free(cmd);
	}

	cmd = xasprintf("qpdf --check %s >/dev/null 2>&1 && echo ok", path);
	out = run(cmd);
	assert_string_equal(out, "ok\n");
	free(out);
	free(cmd);

	/* No warning from poppler (it used to say "Invalid 'begincidrange' operator"). */
	cmd = xasprintf("pdftotext -enc UTF-8 %s /dev/null 2>&1", path);
	out = run(cmd);
	assert_string_equal(out, "");
	free(out);
	free(cmd);

	/* Every word, space and letter comes back. */
	cmd = xasprintf("pdftotext -enc UTF-8 %s - 2>/dev/null", path);
	out = run(cmd);
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (strstr(out, words[i]) == NULL)
			fail_msg("pdftotext lost \"%s\"", words[i]);
	}
	assert_non_null(strstr(out, "Side 2 av 2"));
	free(out);
	free(cmd);

	/* The maps are bfrange/bfchar maps; no float noise in the page streams. */
	cmd = xasprintf("qpdf --qdf --object-streams=disable %s %s/q.pdf && "
	    "grep -ac 'begincidrange' %s/q.pdf; grep -ac 'beginbfrange' %s/q.pdf; "
	    "grep -aEc '\\.[0-9]{4,} .*(Td|Tf|m|l|re|c|rg|RG|w|cm)$' %s/q.pdf", path, dir, dir, dir, dir);
	out = run(cmd);
	assert_string_equal(out, "0\n2\n0\n");
	free(out);
	free(cmd);

	n1 = file_bytes(path, &a);
	if (n1 >= BUDGET)
		fail_msg("the PDF takes %ld bytes, over the budget of %d", n1, BUDGET);

	/* Same document, same bytes. */
	assert_int_equal(pdf_write(d, path, fonts_dir(), &dg), 0);
	n2 = file_bytes(path, &b);
	assert_int_equal(n1, n2);
	assert_memory_equal(a, b, (size_t)n1);

	cmd = xasprintf("rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(a);
	free(b);
	free(path);
	doc_free(d);
	diag_free(&dg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_size_and_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
