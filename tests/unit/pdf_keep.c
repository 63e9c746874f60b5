/*
 * Keep-with-next (doc_keeps() in doc.c, the page breaking in pdf.c): which blocks are
 * kept with the next, and, for every place a chain can fall on a page (a filler
 * paragraph pushes it down one line at a time over a whole page), that no page ends with
 * a heading, a section's introduction or a short lead-in: each goes to the next page with
 * the start of what it introduces. Fonts from build/fonts or $IPKVAL_FONTS.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "chart.h"
#include "diag.h"
#include "doc.h"
#include "pdf.h"
#include "util.h"
#include "unit_pdf.h"

/* More filler lines than a portrait page holds (about 49 lines of body text). */
#define SWEEP	56

static struct chart *
bar_chart(void)
{
	static const char *const cats[] = { "Molde", "Møre og Romsdal", "Hele landet" };
	static const char *const series[] = { "2024" };
	struct chart_value v[3] = { CHART_VAL(721), CHART_VAL(667), CHART_VAL(702) };

	return chart_new(&(struct chart_spec){
		.kind = CHART_BAR, .horizontal = 1, .title = "Planer oppdatert 2024",
		.axis_title = "Prosent", .ncat = 3, .categories = cats, .nseries = 1,
		.series = series, .values = v, .max10 = 1000 });
}

/* A paragraph of n lines of body text (n = 0: none). */
static void
filler(struct doc *d, int n)
{
	struct buf b;
	int i;

	if (n == 0)
		return;
	buf_init(&b);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%sFyll %d.", i > 0 ? "\n" : "", i + 1);
	doc_paragraph(d, b.data);
	buf_free(&b);
}

static void
text_lines(struct doc *d, int n)
{
	struct buf b;
	int i;

	buf_init(&b);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%sTekstlinje %d i avsnittet om indikatoren.", i > 0 ? "\n" : "",
		    i + 1);
	doc_paragraph(d, b.data);
	buf_free(&b);
}

/* "3 Indikatorene": chapter heading, introduction, the first section heading, its text,
 * its chart (the municipal report's page 4). */
static void
chain_chapter(struct doc *d)
{
	doc_heading(d, 1, "3 Indikatorene");
	text_lines(d, 3);
	doc_heading(d, 2, "3.1 Planer oppdatert de siste 12 månedene");
	text_lines(d, 4);
	doc_chart(d, bar_chart(), 91);
	doc_chart(d, bar_chart(), 220);
}

/* "2.2 Mandat": a theme heading, its one-line summary, a question and its answer. */
static void
chain_theme(struct doc *d)
{
	doc_heading(d, 2, "2.2 Mandat, rolle og oppgaver");
	doc_paragraph(d, "1 av 3 ja/nei-spørsmål under dette temaet er besvart som etablert.");
	doc_paragraph(d, "**Hvilken myndighet har koordinerende enhet?**");
	doc_quote(d, "«Uklart, men enheten har fått et mandat fra kommunedirektøren som nå "
	    "skal følges opp i alle tjenestene.»", NULL);
	doc_paragraph(d, "Etter svaret.");
}

/* A section whose summary introduces a table. */
static void
chain_table(struct doc *d)
{
	struct doc_table *t;
	int i;

	doc_heading(d, 2, "2.4 Samarbeid");
	doc_paragraph(d, "3 av 5 ja/nei-spørsmål under dette temaet er besvart som etablert.");
	t = doc_table(d, 2);
	doc_table_col(t, 0, "Spørsmål", 3, DOC_LEFT);
	doc_table_col(t, 1, "Svar", 1, DOC_LEFT);
	for (i = 0; i < 5; i++) {
		doc_table_row(t, 0);
		doc_table_cell(t, "Er det etablert gode nok samarbeidsrutiner på tvers av "
		    "tjenesteområdene?", DOC_MARK_NONE);
		doc_table_cell(t, "Ja", DOC_MARK_GOOD);
	}
}

/* A chain taller than a page: only the heading and the start of its text are kept. */
static void
chain_tall(struct doc *d)
{
	doc_heading(d, 1, "5 Vedlegg");
	text_lines(d, 40);
	doc_heading(d, 2, "5.1 Definisjoner");
	text_lines(d, 3);
	doc_chart(d, bar_chart(), 300);
}

/* A heading over plain text: it goes with two lines of it. */
static void
chain_text(struct doc *d)
{
	doc_heading(d, 2, "4.1 Tekst");
	text_lines(d, 8);
	text_lines(d, 2);
}

/* Paginates filler + chain for every filler height and checks that no kept block ends
 * a page; returns how many layouts moved the chain to a later page (so the sweep really
 * crossed the foot of a page). */
static int
sweep(void (*chain)(struct doc *))
{
	struct diag dg;
	int n, moved = 0;

	diag_init(&dg, stderr);
	for (n = 0; n <= SWEEP; n++) {
		struct doc *d = doc_new();
		enum doc_keep *keep;
		size_t first, i;

		filler(d, n);
		first = d->nblocks;
		chain(d);
		keep = xcalloc(d->nblocks, sizeof(*keep));
		doc_keeps(d, keep);
		assert_true(pdf_paginate(d, fonts_dir(), &dg) > 0);
		for (i = first; i + 1 < d->nblocks; i++) {
			if (keep[i] == DOC_KEEP_NONE)
				continue;
			if (d->blocks[i].page_last != d->blocks[i + 1].page_first)
				fprintf(stderr, "filler %d: block %zu ends page %d, block %zu "
				    "starts page %d\n", n, i, d->blocks[i].page_last, i + 1,
				    d->blocks[i + 1].page_first);
			assert_int_equal(d->blocks[i].page_last, d->blocks[i + 1].page_first);
		}
		/* The chain starts on a fresh page only when the page had no room. */
		if (n > 0 && d->blocks[first].page_first > d->blocks[first - 1].page_last)
			moved++;
		free(keep);
		doc_free(d);
	}
	assert_int_equal(dg.count[DIAG_WARNING] + dg.count[DIAG_ERROR], 0);
	diag_free(&dg);
	return moved;
}

static void
test_chapter(void **state)
{
	(void)state;
	assert_true(sweep(chain_chapter) > 0);
}

static void
test_theme(void **state)
{
	(void)state;
	assert_true(sweep(chain_theme) > 0);
}

static void
test_table(void **state)
{
	(void)state;
	assert_true(sweep(chain_table) > 0);
}

static void
test_text(void **state)
{
	(void)state;
	assert_true(sweep(chain_text) > 0);
}

/* The whole chain cannot be kept: the chapter heading still goes with its text, and the
 * section heading with its own (sweep() checks pairs only where they can be met). */
static void
test_tall(void **state)
{
	struct diag dg;
	int n;

	(void)state;
	diag_init(&dg, stderr);
	for (n = 0; n <= SWEEP; n++) {
		struct doc *d = doc_new();
		size_t first;

		filler(d, n);
		first = d->nblocks;
		chain_tall(d);
		assert_true(pdf_paginate(d, fonts_dir(), &dg) > 0);
		assert_int_equal(d->blocks[first].page_last, d->blocks[first + 1].page_first);
		assert_int_equal(d->blocks[first + 2].page_last,
		    d->blocks[first + 3].page_first);
		doc_free(d);
	}
	diag_free(&dg);
}

/* What doc_keeps() says of each kind of block. */
static void
test_classify(void **state)
{
	static const enum doc_keep want[] = {
		DOC_KEEP_NEXT,	/* 0 heading 1 */
		DOC_KEEP_NEXT,	/* 1 its introduction (a deeper heading follows) */
		DOC_KEEP_NEXT,	/* 2 heading 2 */
		DOC_KEEP_NEXT,	/* 3 text introducing a chart */
		DOC_KEEP_NONE,	/* 4 chart */
		DOC_KEEP_NONE,	/* 5 text after the chart */
		DOC_KEEP_NONE,	/* 6 text before a heading of its own level */
		DOC_KEEP_NEXT,	/* 7 heading 2 */
		DOC_KEEP_NEXT,	/* 8 summary before a question */
		DOC_KEEP_NEXT,	/* 9 the question */
		DOC_KEEP_NONE,	/* 10 quote */
		DOC_KEEP_SHORT,	/* 11 a lead-in not after a heading */
		DOC_KEEP_NONE,	/* 12 table */
		DOC_KEEP_NEXT,	/* 13 heading 1 */
		DOC_KEEP_NONE,	/* 14 its only text: the next chapter follows */
		DOC_KEEP_NEXT,	/* 15 heading 1 */
		DOC_KEEP_NEXT,	/* 16 its introduction */
		DOC_KEEP_NONE,	/* 17 a heading ending the document */

	};
	struct doc *d = doc_new();
	enum doc_keep keep[sizeof(want) / sizeof(want[0])];
	size_t i;

	(void)state;
	doc_heading(d, 1, "3 Indikatorene");
	doc_paragraph(d, "Innledning.");
	doc_heading(d, 2, "3.1 Planer oppdatert");
	doc_paragraph(d, "Tekst.");
	doc_chart(d, bar_chart(), 91);
	doc_paragraph(d, "Etter.");
	doc_paragraph(d, "Mer.");
	doc_heading(d, 2, "3.2 Tema");
	doc_paragraph(d, "1 av 3.");
	doc_paragraph(d, "**Spørsmål?**");
	doc_quote(d, "«Svar.»", NULL);
	doc_paragraph(d, "Tabellen viser:");
	doc_table(d, 2);
	doc_heading(d, 1, "4 Handlingsplan");
	doc_paragraph(d, "Ingen handlingsplan.");
	doc_heading(d, 1, "5 Vedlegg");
	doc_paragraph(d, "Innledning.");
	doc_heading(d, 2, "5.1 Tom");

	assert_int_equal(d->nblocks, sizeof(want) / sizeof(want[0]));
	doc_keeps(d, keep);
	for (i = 0; i < d->nblocks; i++) {
		if (keep[i] != want[i])
			fprintf(stderr, "block %zu: %d, want %d\n", i, keep[i], want[i]);
		assert_int_equal(keep[i], want[i]);
	}
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_classify),
		cmocka_unit_test(test_chapter),
		cmocka_unit_test(test_theme),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_tall),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
