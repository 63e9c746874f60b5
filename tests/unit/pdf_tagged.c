/*
 * The tagged PDF/A (pdf_tag.c, pdf_a.c through pdf_write): a document with every kind of
 * block, a table over two pages, a nynorsk quote in a bokmål document and a word broken
 * over two lines is written and read back with qpdf (--json) and poppler: the structure
 * elements in reading order, their attributes (/Alt of the figure, /Lang of the quote,
 * /Scope of header cells, /ActualText of the broken word), the repeated header row as an
 * artifact, the link tied to its annotation (OBJR, /StructParent, /Contents, /Tabs), the
 * PDF/A parts (/ID, XMP with language, PDF/A and PDF/UA identification, output intent,
 * CIDSet), and the same bytes twice, with the same /ID. Fonts from build/fonts or
 * $IPKVAL_FONTS; IPKVAL_TAGGED_PDF=file keeps the PDF.
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

static struct doc *
tagged_doc(void)
{
	static const char *const cats[] = { "Snåase - Snåsa", "Trøndelag", "Hele landet" };
	static const char *const series[] = { "Planer oppdatert" };
	struct chart_value v[3] = { CHART_VAL(808), CHART_VAL(667), CHART_HIDDEN_VAL };
	struct doc *d = doc_new();
	struct doc_table *t;
	int i;

	doc_set_title(d, "Rapport & tiltak");
	doc_set_author(d, "Statsforvalteren i Trøndelag");
	doc_set_lang(d, "nb-NO");
	doc_set_header(d, "Topptekst");
	doc_set_page_label(d, "Side %d av %d");
	doc_cover(d, &(struct doc_cover){ "Tittel", "Undertittel", "Snåsa", "2024",
	    "Utgitt av Statsforvalteren", "" });
	doc_toc(d, "Innhold");
	doc_heading(d, 1, "1 Kapittel");
	doc_paragraph(d, "Et **avsnitt** med tekst.");
	doc_bullet(d, "Første punkt");
	doc_bullet(d, "Andre punkt");
	doc_heading(d, 2, "1.1 Avsnitt");
	doc_quote(d, "«Eit svar på nynorsk.»", "Kjelde");
	doc_quote_lang(d, "nn-NO");
	doc_chart(d, chart_new(&(struct chart_spec){ .kind = CHART_BAR, .horizontal = 1,
	    .title = "Planer oppdatert 2024", .ncat = 3, .categories = cats, .nseries = 1,
	    .series = series, .values = v, .unit = "%" }), 0);
	doc_chart_alt(d, "Stolpediagram: Planer oppdatert 2024. Snåase - Snåsa 80,8 %.");
	doc_small(d, "Liten skrift.");
	doc_kv(d, "Nøkkel", "Verdi");
	doc_heading(d, 1, "2 Tabell");
	doc_paragraph(d, "Planleggingskoordineringsarbeidsgruppemedlemsoppfølgingsrutinebeskrivelsesdokumentasjonsgjennomgangsprosedyreforbedringsforslagsbehandlingsansvarlig");
	t = doc_table(d, 2);
	doc_table_col(t, 0, "Kommune", 3, DOC_LEFT);
	doc_table_col(t, 1, "Verdi", 1, DOC_RIGHT);
	for (i = 0; i < 70; i++) {
		char name[32];

		snprintf(name, sizeof(name), "Kommune %d", i + 1);
		doc_table_row(t, 0);
		doc_table_cell(t, name, DOC_MARK_NONE);
		doc_table_cell(t, "1,0", i % 3 == 0 ? DOC_MARK_GOOD : DOC_MARK_NONE);
	}
	return d;
}

/* The structure roles of the PDF in tree order, one a line (pdfinfo -struct). */
static char *
roles(const char *path)
{
	char *cmd = xasprintf("pdfinfo -struct %s | sed -n 's/^ *\\([A-Za-z0-9]*\\)"
	    "\\( (\\(block\\|inline\\))\\)\\{0,1\\}:\\{0,1\\}$/\\1/p' | uniq -c | "
	    "awk '{ print $2 \"x\" $1 }' | tr '\\n' ' '", path);
	char *out = run_ok(cmd);

	free(cmd);
	return out;
}

static void
test_tagged(void **state)
{
	char dir[] = "/tmp/ipkval-tagged-XXXXXX", *path, *path2, *cmd, *out;
	struct doc *d = tagged_doc();
	struct diag dg;
	const char *keep = getenv("IPKVAL_TAGGED_PDF");

	(void)state;
	diag_init(&dg, stderr);
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/t.pdf", dir);
	setenv("SOURCE_DATE_EPOCH", "1735689600", 1);
	assert_int_equal(pdf_write(d, path, fonts_dir(), &dg), 0);
	if (keep != NULL) {
		cmd = xasprintf("cp %s %s", path, keep);
		free(run_ok(cmd));
		free(cmd);
	}
	assert_int_equal(dg.count[DIAG_ERROR], 0);
	cmd = xasprintf("qpdf --check %s >/dev/null && pdfinfo %s | grep '^Tagged'", path, path);
	out = run_ok(cmd);
	assert_string_equal(out, "Tagged:          yes\n");
	free(out);
	free(cmd);

	/* The elements in reading order (runs of one role counted). */
	out = roles(path);
	assert_non_null(strstr(out, "Documentx1 Px5 H1x1 TOCx1 TOCIx1 Linkx1 TOCIx1 Linkx1 TOCIx1 Linkx1 H1x1 "));
	assert_non_null(strstr(out, "H2x1 BlockQuotex1 Px1 Figurex1 Px1 Lx1 LIx1 Lblx1 "
	    "LBodyx1 H1x1 Px1 Spanx1 Tablex1 THeadx1 TRx1 THx2 TBodyx1 TRx1 TDx2 TRx1 TDx2"));
	free(out);

	/* Attributes, the link, the artifacts, PDF/A: read with qpdf's JSON. */
	cmd = xasprintf("qpdf --json %s | python3 -c '"
	    "import json, sys, re\n"
	    "j = json.load(sys.stdin)\n"
	    "o = j[\"qpdf\"][1]\n"
	    "get = lambda r: o[\"obj:\" + r][\"value\"] if isinstance(r, str) and r.endswith(\" R\") else r\n"
	    "els = [v[\"value\"] for v in o.values() if isinstance(v.get(\"value\"), dict) and \"/S\" in v[\"value\"]]\n"
	    "by = lambda s: [e for e in els if e[\"/S\"] == s]\n"
	    "print(\"alt\", by(\"/Figure\")[0][\"/Alt\"])\n"
	    "print(\"lang\", by(\"/BlockQuote\")[0][\"/Lang\"], by(\"/Document\")[0][\"/Lang\"])\n"
	    "print(\"scope\", sorted(set(get(e[\"/A\"])[\"/Scope\"] for e in by(\"/TH\"))), len(by(\"/TH\")))\n"
	    "print(\"span\", by(\"/Span\")[0][\"/ActualText\"][:24])\n"
	    "link = by(\"/Link\")[0]\n"
	    "objr = [k for k in link[\"/K\"] if isinstance(k, dict) and k.get(\"/Type\") == \"/OBJR\"][0]\n"
	    "an = get(objr[\"/Obj\"])\n"
	    "print(\"link\", an[\"/Contents\"], \"/StructParent\" in an, an[\"/F\"])\n"
	    "pages = [get(p[\"object\"]) for p in j[\"pages\"]]\n"
	    "print(\"tabs\", [p.get(\"/Tabs\") for p in pages if \"/Annots\" in p])\n"
	    "print(\"structparents\", all(\"/StructParents\" in p for p in pages))\n"
	    "cat = get(j[\"qpdf\"][1][\"trailer\"][\"value\"][\"/Root\"])\n"
	    "print(\"mark\", get(cat[\"/MarkInfo\"]), \"/ParentTree\" in get(cat[\"/StructTreeRoot\"]))\n"
	    "oi = get(cat[\"/OutputIntents\"])[0]\n"
	    "print(\"intent\", oi[\"/S\"], oi[\"/OutputConditionIdentifier\"])\n"
	    "print(\"id\", len(j[\"qpdf\"][1][\"trailer\"][\"value\"][\"/ID\"]))\n"
	    "'", path);
	out = run_ok(cmd);
	assert_string_equal(out,
	    "alt u:Stolpediagram: Planer oppdatert 2024. Snåase - Snåsa 80,8 %.\n"
	    "lang u:nn-NO u:nb-NO\n"
	    "scope ['/Column'] 2\n"	/* the header row once: its repetition is an artifact */
	    "span u:Planleggingskoordineri\n"
	    "link u:1 Kapittel True 4\n"
	    "tabs ['/S']\n"
	    "structparents True\n"
	    "mark {'/Marked': True} True\n"
	    "intent /GTS_PDFA1 u:sRGB IEC61966-2.1\n"
	    "id 2\n");
	free(out);
	free(cmd);

	/* The repeated header row is an artifact: "Kommune" is read once. */
	cmd = xasprintf("pdfinfo -struct-text %s | grep -c '\"Kommune\"'", path);
	out = run_ok(cmd);
	assert_string_equal(out, "1\n");
	free(out);
	free(cmd);

	/* The XMP: escaped title, language, issuer, creation date, PDF/A-1a, PDF/UA-1. */
	cmd = xasprintf("qpdf --show-object=$(qpdf --json %s | python3 -c 'import json,sys; "
	    "j=json.load(sys.stdin); o=j[\"qpdf\"][1]; "
	    "c=o[\"obj:\"+o[\"trailer\"][\"value\"][\"/Root\"]][\"value\"]; "
	    "print(c[\"/Metadata\"].split()[0])') --filtered-stream-data %s | grep -o "
	    "'Rapport &amp; tiltak\\|<rdf:li>nb-NO\\|Statsforvalteren i Trøndelag\\|"
	    "2025-01-01T00:00:00+00:00\\|<pdfaid:conformance>A\\|<pdfuaid:part>1'",
	    path, path);
	out = run_ok(cmd);
	assert_string_equal(out, "Rapport &amp; tiltak\nStatsforvalteren i Trøndelag\n"
	    "<rdf:li>nb-NO\n2025-01-01T00:00:00+00:00\n<pdfaid:conformance>A\n"
	    "<pdfuaid:part>1\n");
	free(out);
	free(cmd);

	/* Same document, same bytes (and so the same /ID). */
	path2 = xasprintf("%s/t2.pdf", dir);
	assert_int_equal(pdf_write(d, path2, fonts_dir(), &dg), 0);
	cmd = xasprintf("cmp %s %s && rm -r %s", path, path2, dir);
	free(run_ok(cmd));
	free(cmd);
	free(path2);
	unsetenv("SOURCE_DATE_EPOCH");
	free(path);
	diag_free(&dg);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tagged),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
