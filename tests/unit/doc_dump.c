/*
 * The document model and its text dump: every block kind, exact text before layout, and
 * the pages after pdf_paginate() (fonts from build/fonts or $IPKVAL_FONTS).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "doc.h"
#include "pdf.h"
#include "util.h"
#include "unit_pdf.h"

static struct doc *
small_doc(void)
{
	struct doc *d = doc_new();
	struct doc_table *t;

	doc_set_title(d, "Rapport \"2024\"");
	doc_set_page_label(d, "Side %d av %d");
	doc_cover(d, &(struct doc_cover){ "Tittel", NULL, "Snåsa", "2024", "Utgiver",
	    "31.12.2024" });
	doc_heading(d, 1, "Sammendrag");
	doc_paragraph(d, "Linje en\nlinje **to**");
	doc_bullet(d, "Punkt");
	doc_quote(d, "Svar", "F1");
	t = doc_table(d, 2);
	doc_table_col(t, 0, "Kommune", 3, DOC_LEFT);
	doc_table_col(t, 1, "Verdi", 1, DOC_RIGHT);
	doc_table_row(t, 0);
	doc_table_cell(t, "Snåsa", DOC_MARK_NONE);
	doc_table_cell(t, "● God", DOC_MARK_GOOD);
	doc_table_cell(t, "ignored", DOC_MARK_LOW);
	doc_table_row(t, 1);
	doc_table_cell(t, "Trøndelag", DOC_MARK_NONE);
	doc_small(d, ": vises ikke");
	doc_kv(d, "Nøkkel", "Verdi");
	doc_page_break(d);
	doc_orientation(d, DOC_LANDSCAPE);
	doc_heading(d, 2, "Bred");
	doc_paragraph_plain(d, "x **y**");
	return d;
}

static const char want_head[] =
    "title \"Rapport \\\"2024\\\"\"\n"
    "subject \"\"\n"
    "author \"\"\n"
    "lang \"nb-NO\"\n"
    "header \"\"\n"
    "page label \"Side %d av %d\"\n"
    "keywords \"\"\n";

static const char *const want_blocks[] = {
    "%s cover \"Tittel\" \"\" \"Snåsa\" \"2024\" \"Utgiver\" \"31.12.2024\"\n",
    "%s heading 1 \"Sammendrag\"\n",
    "%s paragraph \"Linje en\\nlinje **to**\"\n",
    "%s bullet \"Punkt\"\n",
    "%s quote \"Svar\" -- \"F1\"\n",
    "%s table 2 columns, 2 rows\n"
    "\tcolumn 3 left \"Kommune\"\n"
    "\tcolumn 1 right \"Verdi\"\n"
    "\trow  \"Snåsa\" | \"● God\"[good]\n"
    "\trow* \"Trøndelag\" | \"\"\n",
    "%s small \": vises ikke\"\n",
    "%s kv \"Nøkkel\" = \"Verdi\"\n",
    "%s break\n",
    "%s orientation landscape\n",
    "%s heading 2 \"Bred\"\n",
    "%s paragraph plain \"x **y**\"\n",
};

static char *
expected(const char *const pages[])
{
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_puts(&b, want_head);
	for (i = 0; i < sizeof(want_blocks) / sizeof(want_blocks[0]); i++)
		buf_printf(&b, want_blocks[i], pages[i]);
	return buf_take(&b);
}

static void
test_dump(void **state)
{
	static const char *const before[] = { "p?", "p?", "p?", "p?", "p?", "p?", "p?",
	    "p?", "p?", "p?", "p?", "p?" };
	static const char *const after[] = { "p1", "p2", "p2", "p2", "p2", "p2", "p2",
	    "p2", "p?", "p?", "p3", "p3" };
	struct doc *d = small_doc();
	struct diag dg;
	struct buf b;
	char *want;

	(void)state;
	buf_init(&b);
	doc_dump(d, &b);
	want = expected(before);
	assert_string_equal(b.data, want);
	free(want);

	diag_init(&dg, stderr);
	assert_int_equal(pdf_paginate(d, fonts_dir(), &dg), 3);
	buf_reset(&b);
	doc_dump(d, &b);
	want = expected(after);
	assert_string_equal(b.data, want);
	free(want);
	buf_free(&b);
	diag_free(&dg);
	doc_free(d);
}

static void
test_empty(void **state)
{
	struct doc *d = doc_new();
	struct diag dg;

	(void)state;
	diag_init(&dg, stderr);
	assert_int_equal(pdf_paginate(d, fonts_dir(), &dg), 1);
	doc_table(d, 0);		/* a table with no rows and one empty column */
	doc_page_break(d);
	doc_page_break(d);
	assert_int_equal(pdf_paginate(d, fonts_dir(), &dg), 1);
	assert_int_equal(dg.count[DIAG_WARNING] + dg.count[DIAG_ERROR], 0);
	diag_free(&dg);
	doc_free(d);
}

/* A paragraph, a quote and a table cell much longer than a page flow over pages. */
static void
test_huge(void **state)
{
	struct doc *d = doc_new();
	struct doc_table *t;
	struct diag dg;
	struct buf s;
	char dir[] = "/tmp/ipkval-doc-XXXXXX", *path, *cmd;
	int i, pages;

	(void)state;
	buf_init(&s);
	for (i = 0; i < 3000; i++)
		buf_puts(&s, "ord ");
	buf_puts(&s, "Ordsomerlengreenneilinjeogsomikkekanbrytesnoenandresteder"
	    "enninnimidtenavordetfordierforlangtilåstå");
	doc_paragraph(d, s.data);
	doc_quote(d, s.data, NULL);
	t = doc_table(d, 2);
	doc_table_row(t, 0);
	doc_table_cell(t, s.data, DOC_MARK_NONE);
	doc_table_cell(t, "x", DOC_MARK_LOW);
	diag_init(&dg, stderr);
	pages = pdf_paginate(d, fonts_dir(), &dg);
	assert_true(pages >= 6);
	assert_int_equal(d->blocks[2].page_last, pages);
	assert_true(d->blocks[2].page_first < pages);
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/huge.pdf", dir);
	assert_int_equal(pdf_write(d, path, fonts_dir(), &dg), 0);
	cmd = xasprintf("pdftoppm -gray -r 50 %s %s/p 2>/dev/null && python3 "
	    "tests/tools/pagecheck.py %s/p-*.pgm >/dev/null && rm -r %s", path, dir, dir, dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(path);
	diag_free(&dg);
	buf_free(&s);
	doc_free(d);
}

/* A narrow column takes room from a wide one rather than break a word. */
static void
test_column_fit(void **state)
{
	char dir[] = "/tmp/ipkval-doc-XXXXXX", *cmd;
	struct doc *d = doc_new();
	struct doc_table *t = doc_table(d, 3);
	struct diag dg;
	FILE *p;
	char line[256];
	int found = 0;

	(void)state;
	doc_table_col(t, 0, "Brukermedvirkning", 1, DOC_LEFT);
	doc_table_col(t, 1, "Internkontroll", 1, DOC_RIGHT);
	doc_table_col(t, 2, "Merknad", 14, DOC_LEFT);
	doc_table_row(t, 0);
	doc_table_cell(t, "5,8\xC2\xA0per\xC2\xA0" "1000", DOC_MARK_LOW);
	doc_table_cell(t, "100,0\xC2\xA0%", DOC_MARK_GOOD);
	doc_table_cell(t, "kort", DOC_MARK_NONE);
	diag_init(&dg, stderr);
	assert_non_null(mkdtemp(dir));
	cmd = xasprintf("%s/t.pdf", dir);
	assert_int_equal(pdf_write(d, cmd, fonts_dir(), &dg), 0);
	free(cmd);
	cmd = xasprintf("pdftotext -layout %s/t.pdf - 2>/dev/null; rm -r %s", dir, dir);
	p = popen(cmd, "r");
	assert_non_null(p);
	while (fgets(line, sizeof(line), p) != NULL)
		found += strstr(line, "Brukermedvirkning") != NULL &&
		    strstr(line, "Internkontroll") != NULL ? 1 :
		    strstr(line, "5,8 per 1000") != NULL ? 10 : 0;
	assert_int_equal(pclose(p), 0);
	assert_int_equal(found, 11);
	free(cmd);
	diag_free(&dg);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dump),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_huge),
		cmocka_unit_test(test_column_fit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
