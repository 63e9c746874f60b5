/*
 * The PDF renderer end to end: a document with every block type (cover, headings, long
 * paragraphs, bullets, quotes, a 60-row table over several pages, a landscape barometer,
 * a chart, small print, key/value pairs, Sami names) is paginated, dumped and written,
 * then checked with qpdf --check, pdffonts, pdftotext and tests/tools/pagecheck.py.
 * Set IPKVAL_DEMO_PDF=path to keep the PDF for looking at it.
 */
#include <pthread.h>
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

/* The fonts the Makefile cuts; IPKVAL_FONTS may name another directory. */
#define FONTS	fonts_dir()
#define NBSP	"\xC2\xA0"

static const char *const names[] = {
	"Porsanger - Porsáŋgu - Porsanki", "Guovdageaidnu - Kautokeino", "Snåase - Snåsa",
	"Kárášjohka - Karasjok", "Unjárga - Nesseby", "Gáivuotna - Kåfjord - Kaivuono",
	"Stranda", "Sykkylven", "Ålesund", "Aure", "Hustadvika", "Fjord",
};

static const char long_text[] =
    "Mennesker med psykiske problem og ruslidelser har ofte sammensatte behov og behov "
    "for koordinering både mellom tjenestenivå og på individnivå. Kartleggingen viser at "
    "**66,7" NBSP "%** av de aktive planene er oppdatert siste tolv måneder, mot 58,3" NBSP
    "% i fylket og 61,0" NBSP "% i hele landet. Kommunen har 1" NBSP "234 innbyggere per "
    "koordinator. Samarbeidet mellom tjenesteområdene må reguleres bedre, og alle tre "
    "kommunene påpeker at det ikke er etablert gode nok samarbeids- og "
    "kommunikasjonsrutiner på tvers av tjenesteområdene.";

static const char quote_text[] =
    "Vi er i startfasen. Koordinerende enhet er forankret i omsorgsplanen og "
    "rehabiliteringsplanen, men rutinene for individuell plan må utarbeides og informeres "
    "om til alle enhetsledere. Det er stor utskifting av personell, og opplæring i bruk av "
    "individuell plan skjer i hovedsak når en ny koordinator får sin første plan. "
    "Brukermedvirkning praktiseres ved at brukeren deltar på ansvarsgruppemøter og selv "
    "setter ord på sine mål.\nNytt avsnitt i svaret: «nå begynte det å bli gøy å jobbe med "
    "individuell plan i kommunen».";

static struct chart *
demo_chart(void)
{
	static const char *const cats[] = { "2022", "2023", "2024" };
	static const char *const series[] = { "Snåase - Snåsa", "Trøndelag", "Hele landet" };
	struct chart_value v[9] = {
		CHART_VAL(500), CHART_VAL(550), CHART_VAL(580),
		CHART_VAL(600), CHART_VAL(590), CHART_VAL(610),
		CHART_HIDDEN_VAL, CHART_VAL(620), CHART_VAL(640),
	};
	struct chart_band bands[3] = {
		{ 0, 500, CHART_TONE_LOW, "Lav" },
		{ 500, 800, CHART_TONE_MIDDLE, "Middels" },
		{ 800, 1000, CHART_TONE_GOOD, "God" },
	};

	return chart_new(&(struct chart_spec){
		.kind = CHART_BAR, .title = "Planer oppdatert siste 12 måneder",
		.axis_title = "Prosent", .note = ": vises ikke av personvernhensyn",
		.ncat = 3, .categories = cats, .nseries = 3, .series = series, .values = v,
		.nbands = 3, .bands = bands, .max10 = 1000 });
}

static const char *
level_text(int i, enum doc_mark *m)
{
	switch (i % 5) {
	case 0: *m = DOC_MARK_GOOD; return "● God";
	case 1: *m = DOC_MARK_MIDDLE; return "◆ Middels";
	case 2: *m = DOC_MARK_LOW; return "○ Lav";
	case 3: *m = DOC_MARK_GREY; return ":";
	default: *m = DOC_MARK_GREY; return "..";
	}
}

static void
demo_table(struct doc *d, size_t nrows)
{
	struct doc_table *t = doc_table(d, 5);
	size_t i;

	doc_table_col(t, 0, "Kommune", 3.2, DOC_LEFT);
	doc_table_col(t, 1, "Aktive planer", 1.2, DOC_RIGHT);
	doc_table_col(t, 2, "Oppdatert siste 12 måneder", 1.6, DOC_RIGHT);
	doc_table_col(t, 3, "Nivå", 1.3, DOC_LEFT);
	doc_table_col(t, 4, "Merknad", 3.0, DOC_LEFT);
	for (i = 0; i < nrows; i++) {
		enum doc_mark m;
		const char *lv = level_text((int)i, &m);
		char *n = xasprintf("%zu", 5 + i * 7 % 40);
		char *v = xasprintf("%zu,%zu" NBSP "%%", 40 + i * 3 % 60, i % 10);

		doc_table_row(t, i % 20 == 19);
		doc_table_cell(t, names[i % (sizeof(names) / sizeof(names[0]))], DOC_MARK_NONE);
		doc_table_cell(t, n, DOC_MARK_NONE);
		doc_table_cell(t, v, DOC_MARK_NONE);
		doc_table_cell(t, lv, m);
		doc_table_cell(t, i % 7 == 3 ? "Rutiner for individuell plan må utarbeides og "
		    "informeres om til alle enhetsledere" : "", DOC_MARK_NONE);
		free(n);
		free(v);
	}
}

static void
demo_barometer(struct doc *d)
{
	static const char *const ind[] = { "Oppdatert", "Mål", "Bruker-medvirkning",
	    "Koordinator", "Samtykke", "Intern-kontroll", "Dekning", "Handlings-plan" };
	struct doc_table *t = doc_table(d, 9);
	size_t i, j;

	doc_table_col(t, 0, "Kommune", 3, DOC_LEFT);
	for (j = 0; j < 8; j++)
		doc_table_col(t, j + 1, ind[j], 1.25, DOC_LEFT);
	for (i = 0; i < 45; i++) {
		doc_table_row(t, i == 44);
		doc_table_cell(t, i == 44 ? "Trøndelag" : names[i % 12], DOC_MARK_NONE);
		for (j = 0; j < 8; j++) {
			enum doc_mark m;
			const char *lv = level_text((int)(i + j * 2), &m);

			doc_table_cell(t, lv, m);
		}
	}
}

static struct doc *
demo_doc(size_t nrows)
{
	struct doc *d = doc_new();

	doc_set_title(d, "Koordinering av individuell plan 2024: Snåase - Snåsa");
	doc_set_subject(d, "Kvalitetsindikatorer for individuell plan og koordinerende enhet");
	doc_set_author(d, "Statsforvalteren i Trøndelag");
	doc_set_lang(d, "nb-NO");
	doc_set_header(d, "Snåase - Snåsa · Individuell plan og koordinerende enhet 2024");
	doc_set_page_label(d, "Side %d av %d");
	doc_set_keywords(d, "individuell plan, koordinerende enhet, Snåsa");
	doc_cover(d, &(struct doc_cover){ "Individuell plan og koordinerende enhet",
	    "Kvalitetsindikatorer og funn fra kartleggingen", "Snåase - Snåsa", "2024",
	    "Statsforvalteren i Trøndelag", "Data per 31.12.2024" });
	doc_heading(d, 1, "Sammendrag");
	doc_paragraph(d, long_text);
	doc_bullet(d, "**Oppdaterte planer:** 66,7" NBSP "% (middels).");
	doc_bullet(d, "Koordinator er oppnevnt i 12 av 15 aktive planer, og brukeren har "
	    "deltatt i arbeidet med planen i de fleste av dem.");
	doc_bullet(d, "Internkontroll: ja.");
	doc_heading(d, 2, "Indikatorer for kommunen");
	demo_table(d, nrows);
	doc_small(d, ": vises ikke av personvernhensyn. .. betyr at data mangler.");
	doc_heading(d, 2, "Utvikling over tid");
	doc_chart(d, demo_chart(), 0);
	doc_heading(d, 1, "Funn fra kartleggingen");
	doc_heading(d, 2, "Forankring");
	doc_paragraph(d, long_text);
	doc_heading(d, 3, "Hvilken forankring har koordinerende enhet?");
	doc_quote(d, quote_text, "Porsanger - Porsáŋgu - Porsanki, svar på F1");
	doc_quote(d, "Ja.", NULL);
	doc_paragraph(d, long_text);
	doc_paragraph(d, long_text);
	doc_page_break(d);
	doc_page_break(d);
	doc_heading(d, 1, "Vedlegg: datakilder");
	doc_kv(d, "planer-2024.csv", "1 234 rader, 3 utelatt");
	doc_kv(d, "kartlegging-2024.csv", "45 rader");
	doc_kv(d, "Guovdageaidnu - Kautokeino", "Ingen aktive planer; dekning 0,0 per 1000");
	doc_orientation(d, DOC_LANDSCAPE);
	doc_heading(d, 2, "Barometer for fylket");
	demo_barometer(d);
	doc_orientation(d, DOC_PORTRAIT);
	doc_small(d, "Kilde: ipkval, beregnet fra eksportene fra kommunene.");
	return d;
}

static void
test_paginate(void **state)
{
	struct doc *d = demo_doc(60);
	struct diag dg;
	struct buf b;
	int pages;
	size_t i;

	(void)state;
	diag_init(&dg, stderr);
	pages = pdf_paginate(d, FONTS, &dg);
	assert_true(pages >= 8);
	assert_int_equal(dg.count[DIAG_WARNING] + dg.count[DIAG_ERROR], 0);
	assert_int_equal(d->blocks[0].page_first, 1);			/* cover */
	assert_int_equal(d->blocks[1].page_first, 2);			/* Sammendrag */
	for (i = 0; i < d->nblocks; i++) {
		const struct doc_block *b2 = &d->blocks[i];

		if (b2->kind == DOC_BREAK || b2->kind == DOC_ORIENT)
			continue;
		assert_true(b2->page_first >= 1 && b2->page_last >= b2->page_first);
		if (b2->kind == DOC_TABLE)
			assert_true(b2->page_last > b2->page_first);
		/* a heading is on the page of the block after it */
		if (b2->kind == DOC_HEADING && i + 1 < d->nblocks &&
		    d->blocks[i + 1].kind != DOC_ORIENT)
			assert_int_equal(b2->page_first, d->blocks[i + 1].page_first);
	}
	buf_init(&b);
	doc_dump(d, &b);
	assert_non_null(strstr(b.data, "p1 cover \"Individuell plan"));
	assert_non_null(strstr(b.data, "p2 heading 1 \"Sammendrag\"\n"));
	assert_non_null(strstr(b.data, "[good] | "));
	buf_free(&b);
	doc_free(d);
	diag_free(&dg);
}

static void
test_write_and_check(void **state)
{
	char dir[] = "/tmp/ipkval-pdf-XXXXXX";
	struct doc *d = demo_doc(60);
	struct diag dg;
	char *path, *cmd, *out, *keep = getenv("IPKVAL_DEMO_PDF");
	char *a = NULL, *b = NULL;
	FILE *f;
	long n1, n2;

	(void)state;
	assert_non_null(mkdtemp(dir));
	diag_init(&dg, stderr);
	path = xasprintf("%s/demo.pdf", dir);
	assert_int_equal(pdf_write(d, path, FONTS, &dg), 0);
	assert_int_equal(dg.count[DIAG_WARNING] + dg.count[DIAG_ERROR], 0);
	if (keep != NULL && *keep != '\0') {
		cmd = xasprintf("cp %s '%s'", path, keep);
		assert_int_equal(system(cmd), 0);
		free(cmd);
	}

	cmd = xasprintf("qpdf --check %s >/dev/null 2>&1 && echo ok", path);
	out = run_ok(cmd);
	assert_string_equal(out, "ok\n");
	free(out);
	free(cmd);

	/* Every font embedded: no line of pdffonts ends its emb column with "no". */
	cmd = xasprintf("pdffonts %s | awk 'NR>2 && $(NF-4) != \"yes\"' | wc -l", path);
	out = run_ok(cmd);
	assert_string_equal(out, "0\n");
	free(out);
	free(cmd);

	cmd = xasprintf("pdftotext -enc UTF-8 %s - 2>/dev/null", path);
	out = run_ok(cmd);
	assert_non_null(strstr(out, "Porsanger - Porsáŋgu - Porsanki"));
	assert_non_null(strstr(out, "Guovdageaidnu - Kautokeino"));
	assert_non_null(strstr(out, "Snåase - Snåsa"));
	assert_non_null(strstr(out, "Mennesker med psykiske problem og ruslidelser har"));
	assert_non_null(strstr(out, "66,7 % av de"));	/* never broken inside */
	assert_non_null(strstr(out, "Side 2 av "));
	assert_null(strstr(out, "Side 1 av "));		/* the cover has no footer */
	free(out);
	free(cmd);

	cmd = xasprintf("pdftoppm -gray -r 50 %s %s/page 2>/dev/null && python3 tests/tools/pagecheck.py "
	    "%s/page-*.pgm", path, dir, dir);
	out = run_ok(cmd);
	free(out);
	free(cmd);

	/* Same document, same bytes. */
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n1 = ftell(f);
	rewind(f);
	a = xmalloc((size_t)n1);
	assert_int_equal(fread(a, 1, (size_t)n1, f), (size_t)n1);
	fclose(f);
	assert_true(n1 < 140000);	/* 125,782 tagged PDF/A (2026-12-02) */
	assert_int_equal(pdf_write(d, path, FONTS, &dg), 0);
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n2 = ftell(f);
	rewind(f);
	b = xmalloc((size_t)n2);
	assert_int_equal(fread(b, 1, (size_t)n2, f), (size_t)n2);
	fclose(f);
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

/* Characters the fonts lack, above U+FFFF, controls and bad UTF-8 are reported once each,
 * naming the character and the text, and the PDF is still made. */
static void
test_missing_chars(void **state)
{
	struct doc *d = doc_new();
	struct diag dg;
	char *msgs = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&msgs, &len);
	char dir[] = "/tmp/ipkval-pdf-XXXXXX";
	char *path;

	(void)state;
	assert_non_null(mem);
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/x.pdf", dir);
	diag_init(&dg, mem);
	doc_paragraph(d, "Smile \xF0\x9F\x98\x80 and 中 and 中 again, bell \x07, bad \xFF byte.");
	doc_heading(d, 2, "Also 中 here");
	assert_int_equal(pdf_write(d, path, FONTS, &dg), 0);
	diag_free(&dg);
	fclose(mem);
	assert_non_null(strstr(msgs, "U+1F600"));
	assert_non_null(strstr(msgs, "U+4E2D"));
	assert_non_null(strstr(msgs, "U+0007"));
	assert_non_null(strstr(msgs, "not valid UTF-8"));
	assert_non_null(strstr(msgs, "\"Smile "));
	assert_null(strstr(strstr(msgs, "U+4E2D") + 1, "U+4E2D"));	/* once */
	assert_int_equal(dg.count[DIAG_WARNING], 4);
	unlink(path);
	rmdir(dir);
	free(path);
	free(msgs);
	doc_free(d);
}

/* A file that cannot be written is an error naming it; no file is left behind. */
static void
test_unwritable(void **state)
{
	struct doc *d = doc_new();
	struct diag dg;
	char *msgs = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&msgs, &len);

	(void)state;
	diag_init(&dg, mem);
	doc_paragraph(d, "x");
	assert_int_equal(pdf_write(d, "/nonexistent-dir/r.pdf", FONTS, &dg), -1);
	assert_int_equal(pdf_write(d, "/tmp/r.pdf", "/nonexistent-fonts", &dg), -1);
	diag_free(&dg);
	fclose(mem);
	assert_non_null(strstr(msgs, "/nonexistent-dir/r.pdf"));
	assert_non_null(strstr(msgs, "/nonexistent-fonts/ipkval-sans.ttf"));
	free(msgs);
	doc_free(d);
}

/* Metadata: title, author, creator, language, outline, and the creation date only from
 * SOURCE_DATE_EPOCH. */
static void
test_metadata(void **state)
{
	char dir[] = "/tmp/ipkval-pdf-XXXXXX";
	struct doc *d = demo_doc(5);
	struct diag dg;
	char *path, *cmd, *out;

	(void)state;
	assert_non_null(mkdtemp(dir));
	diag_init(&dg, stderr);
	path = xasprintf("%s/m.pdf", dir);
	unsetenv("SOURCE_DATE_EPOCH");
	assert_int_equal(pdf_write(d, path, FONTS, &dg), 0);
	cmd = xasprintf("pdfinfo %s 2>/dev/null | grep -c CreationDate; true", path);
	out = run_ok(cmd);
	assert_string_equal(out, "0\n");
	free(out);
	free(cmd);
	setenv("SOURCE_DATE_EPOCH", "1735689600", 1);
	assert_int_equal(pdf_write(d, path, FONTS, &dg), 0);
	unsetenv("SOURCE_DATE_EPOCH");
	cmd = xasprintf("pdfinfo -isodates %s 2>/dev/null | sed -n 's/^\\(Title\\|Author\\|"
	    "Creator\\|CreationDate\\): *//p'", path);
	out = run_ok(cmd);
	assert_string_equal(out, "Koordinering av individuell plan 2024: Snåase - Snåsa\n"
	    "Statsforvalteren i Trøndelag\nipkval\n2025-01-01T00:00:00Z\n");
	free(out);
	free(cmd);
	cmd = xasprintf("qpdf --qdf --object-streams=disable %s - | grep -a -c "
	    "'/Lang (nb-NO)'; qpdf --json --json-key=outlines %s | grep -c '\"title\"'",
	    path, path);
	out = run_ok(cmd);
	/* The catalog's /Lang and the Document element's; outline: levels 1 and 2. */
	assert_string_equal(out, "2\n7\n");
	free(out);
	free(cmd);
	cmd = xasprintf("rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(path);
	doc_free(d);
	diag_free(&dg);
}

struct job {
	struct diag	*dg;
	char		*path;
	int		 rc;
};

static void *
job_run(void *arg)
{
	struct job *j = arg;
	struct doc *d = demo_doc(40);

	j->rc = pdf_write(d, j->path, FONTS, j->dg);
	doc_free(d);
	return NULL;
}

/* Several threads render at once; each output is the same as a lone run. */
static void
test_threads(void **state)
{
	char dir[] = "/tmp/ipkval-pdf-XXXXXX";
	struct diag dg;
	struct job jobs[3];
	pthread_t th[3];
	char *cmd, *out;
	int i;

	(void)state;
	assert_non_null(mkdtemp(dir));
	diag_init(&dg, stderr);
	for (i = 0; i < 3; i++) {
		jobs[i].dg = &dg;
		jobs[i].path = xasprintf("%s/t%d.pdf", dir, i);
		assert_int_equal(pthread_create(&th[i], NULL, job_run, &jobs[i]), 0);
	}
	for (i = 0; i < 3; i++) {
		assert_int_equal(pthread_join(th[i], NULL), 0);
		assert_int_equal(jobs[i].rc, 0);
	}
	cmd = xasprintf("cmp %s/t0.pdf %s/t1.pdf && cmp %s/t0.pdf %s/t2.pdf && echo same",
	    dir, dir, dir, dir);
	out = run_ok(cmd);
	assert_string_equal(out, "same\n");
	free(out);
	free(cmd);
	for (i = 0; i < 3; i++)
		free(jobs[i].path);
	cmd = xasprintf("rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	diag_free(&dg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paginate),
		cmocka_unit_test(test_write_and_check),
		cmocka_unit_test(test_missing_chars),
		cmocka_unit_test(test_unwritable),
		cmocka_unit_test(test_metadata),
		cmocka_unit_test(test_threads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
