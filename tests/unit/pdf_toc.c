/*
 * The table of contents (doc_toc, pdf.c): it lists the headings of levels 1 and 2 with
 * the pages they are on, in the dump and in the PDF (pdftotext), on pages of its own
 * (several when it is long); each entry is a link to its heading's page; the PDF is sound
 * (qpdf --check), the same bytes every time, and portrait and landscape pages have their
 * sizes. Fonts from build/fonts or $IPKVAL_FONTS.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "diag.h"
#include "doc.h"
#include "pdf.h"
#include "util.h"
#include "unit_pdf.h"

/* A report of nchap chapters with two sections each (and a level 3 heading the contents
 * leave out); chapter 2 is landscape. */
static struct doc *
report(int nchap)
{
	struct doc *d = doc_new();
	struct buf b;
	int i, k;

	buf_init(&b);
	doc_set_page_label(d, "Side %d av %d");
	doc_set_header(d, "Snåsa – individuell plan 2024");
	doc_cover(d, &(struct doc_cover){ "Individuell plan", "Kvalitetsindikatorer",
	    "Snåase – Snåsa", "2024", "Koordinerende enhet", "31. desember 2024" });
	doc_toc(d, "Innhold");
	for (i = 1; i <= nchap; i++) {
		doc_orientation(d, i == 2 ? DOC_LANDSCAPE : DOC_PORTRAIT);
		buf_reset(&b);
		buf_printf(&b, "%d Kapittel %d", i, i);
		doc_heading(d, 1, b.data);
		for (k = 1; k <= 2; k++) {
			buf_reset(&b);
			buf_printf(&b, "%d.%d Avsnitt om brukermedvirkning og koordinator", i, k);
			doc_heading(d, 2, b.data);
			doc_paragraph(d, "Tekst.\nTekst.\nTekst.\nTekst.\nTekst.\nTekst.\nTekst.");
			doc_heading(d, 3, "Underavsnitt");
			doc_paragraph(d, "Mer tekst.\nMer tekst.\nMer tekst.\nMer tekst.\n"
			    "Mer tekst.\nMer tekst.\nMer tekst.\nMer tekst.\nMer tekst.");
		}
	}
	buf_free(&b);
	return d;
}

/* The dump lists every heading of level 1 and 2 under the contents, with its page; the
 * contents are alone on their pages. */
static void
test_dump(void **state)
{
	struct doc *d = report(3);
	struct diag dg;
	struct buf b, want;
	size_t i;

	(void)state;
	diag_init(&dg, stderr);
	assert_true(pdf_paginate(d, fonts_dir(), &dg) > 4);
	assert_int_equal(d->blocks[1].kind, DOC_TOC);
	assert_int_equal(d->blocks[1].page_first, 2);
	assert_int_equal(d->blocks[1].page_last, 2);
	assert_int_equal(d->blocks[3].page_first, 3);	/* after the orientation block */
	buf_init(&b);
	buf_init(&want);
	doc_dump(d, &b);
	buf_puts(&want, "p2 toc \"Innhold\"\n");
	for (i = 0; i < d->nblocks; i++)
		if (doc_toc_lists(&d->blocks[i]))
			buf_printf(&want, "\t%d \"%s\" p%d\n", d->blocks[i].level,
			    d->blocks[i].text, d->blocks[i].page_first);
	assert_non_null(strstr(b.data, want.data));
	assert_null(strstr(want.data, "Underavsnitt"));
	assert_non_null(strstr(want.data, "\t2 \"3.2 Avsnitt om"));
	buf_free(&b);
	buf_free(&want);
	diag_free(&dg);
	doc_free(d);
}

/* The PDF: page numbers right of each entry as pdftotext reads them, one link per entry
 * to the page of its heading, the same bytes twice. */
static void
test_pdf(void **state)
{
	char dir[] = "/tmp/ipkval-toc-XXXXXX", *a, *b, *cmd, *out;
	struct doc *d = report(3);
	struct diag dg;
	struct buf want;
	size_t i, portrait, landscape;

	(void)state;
	assert_non_null(mkdtemp(dir));
	diag_init(&dg, stderr);
	a = xasprintf("%s/a.pdf", dir);
	b = xasprintf("%s/b.pdf", dir);
	assert_int_equal(pdf_write(d, a, fonts_dir(), &dg), 0);
	assert_int_equal(pdf_write(d, b, fonts_dir(), &dg), 0);
	cmd = xasprintf("cmp %s %s && qpdf --check %s >/dev/null 2>&1 && echo ok", a, b, a);
	out = run(cmd);
	assert_string_equal(out, "ok\n");
	free(out);
	free(cmd);
	assert_true(pdf_paginate(d, fonts_dir(), &dg) > 4);

	/* Each entry: its text, then its page number at the end of the line. */
	cmd = xasprintf("pdftotext -f 2 -l 2 -layout %s - 2>&1 | sed 's/  */ /g'", a);
	out = run(cmd);
	assert_non_null(strstr(out, "Innhold\n"));
	for (i = 0; i < d->nblocks; i++) {
		char *line;

		if (!doc_toc_lists(&d->blocks[i]))
			continue;
		line = xasprintf("%s %d\n", d->blocks[i].text, d->blocks[i].page_first);
		if (strstr(out, line) == NULL)
			fprintf(stderr, "not found: %s in\n%s", line, out);
		assert_non_null(strstr(out, line));
		free(line);
	}
	assert_null(strstr(out, "Underavsnitt"));
	free(out);
	free(cmd);

	/* The links of page 2, in order: the pages they lead to. */
	buf_init(&want);
	for (i = 0; i < d->nblocks; i++)
		if (doc_toc_lists(&d->blocks[i]))
			buf_printf(&want, "%d\n", d->blocks[i].page_first);
	cmd = xasprintf("qpdf --json %s | python3 -c '"
	    "import json, sys\n"
	    "j = json.load(sys.stdin)\n"
	    "o = j[\"qpdf\"][1]\n"
	    "get = lambda r: o[\"obj:\" + r][\"value\"]\n"
	    "pages = [p[\"object\"] for p in j[\"pages\"]]\n"
	    "for r in get(pages[1])[\"/Annots\"]:\n"
	    "    a = get(r)\n"
	    "    assert a[\"/Subtype\"] == \"/Link\" and a[\"/Border\"] == [0, 0, 0]\n"
	    "    print(pages.index(a[\"/Dest\"][0]) + 1)\n"
	    "for p in pages:\n"
	    "    assert \"/ProcSet\" not in json.dumps(get(p))\n"
	    "'", a);
	out = run(cmd);
	assert_string_equal(out, want.data);
	free(out);
	free(cmd);
	buf_free(&want);

	/* Portrait and landscape pages each have their size. */
	cmd = xasprintf("pdfinfo -f 1 -l 99 %s | grep -c '595.276 x 841.89'; "
	    "pdfinfo -f 1 -l 99 %s | grep -c '841.89 x 595.276'; rm -r %s", a, a, dir);
	out = run(cmd);
	assert_int_equal(sscanf(out, "%zu %zu", &portrait, &landscape), 2);
	assert_true(portrait > 3);
	assert_true(landscape >= 1);
	assert_int_equal(portrait + landscape, (size_t)d->blocks[d->nblocks - 1].page_last);
	free(out);
	free(cmd);
	free(a);
	free(b);
	diag_free(&dg);
	doc_free(d);
}

/* Contents longer than a page go on to the next, whole entries only; the first chapter
 * starts after them. */
static void
test_long(void **state)
{
	struct doc *d = report(20);
	struct diag dg;

	(void)state;
	diag_init(&dg, stderr);
	assert_true(pdf_paginate(d, fonts_dir(), &dg) > 20);
	assert_int_equal(d->blocks[1].page_first, 2);
	assert_int_equal(d->blocks[1].page_last, 3);
	assert_int_equal(d->blocks[3].page_first, 4);
	assert_int_equal(dg.count[DIAG_WARNING] + dg.count[DIAG_ERROR], 0);
	diag_free(&dg);
	doc_free(d);
}

/* Contents with nothing to list: the title alone, no leaders, no links, a sound file. */
static void
test_empty(void **state)
{
	char dir[] = "/tmp/ipkval-toc-XXXXXX", *path, *cmd, *out;
	struct doc *d = doc_new();
	struct diag dg;

	(void)state;
	doc_toc(d, "Innhald");
	doc_paragraph(d, "Tekst utan overskrifter.");
	assert_non_null(mkdtemp(dir));
	diag_init(&dg, stderr);
	path = xasprintf("%s/e.pdf", dir);
	assert_int_equal(pdf_write(d, path, fonts_dir(), &dg), 0);
	assert_int_equal(pdf_paginate(d, fonts_dir(), &dg), 2);
	cmd = xasprintf("qpdf --check %s >/dev/null 2>&1 && echo ok; rm -r %s", path, dir);
	out = run(cmd);
	assert_string_equal(out, "ok\n");
	free(out);
	free(cmd);
	free(path);
	diag_free(&dg);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dump),
		cmocka_unit_test(test_pdf),
		cmocka_unit_test(test_long),
		cmocka_unit_test(test_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
