/*
 * internal.c: the internal version of one municipality's report (internal.h). The
 * figures come from compute_run_internal, which hides every place as the public run does
 * and then leaves the one municipality's own figures published; the words of the marking
 * come from the templates (kommune.intern.*).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compute.h"
#include "internal.h"
#include "pdf.h"
#include "util.h"

size_t
internal_find(const struct results *r, const char *kommunenr, struct diag *d)
{
	const struct kommune_register *reg = &r->ds->reg;
	size_t k;

	for (k = 0; k < reg->nkommuner; k++)
		if (strcmp(reg->kommuner[k].nr, kommunenr) == 0)
			break;
	if (k == reg->nkommuner || !results_present(r, r->year, k)) {
		diag_msg(d, DIAG_FATAL, NULL, 0, 0, "--internal: expected the number of a "
		    "municipality with data in %d, found '%s'; nothing was written", r->year,
		    kommunenr);
		return (size_t)-1;
	}
	return k;
}

void
internal_cover_subtitle(const struct report_ctx *c, struct buf *subtitle)
{
	if (!c->internal)
		return;
	buf_putc(subtitle, '\n');
	buf_puts(subtitle, report_str(c, "kommune.intern.merke"));
}

void
internal_appendix(const struct report_ctx *c, struct doc *doc)
{
	if (!c->internal)
		return;
	doc_heading(doc, 2, report_str(c, "kommune.intern.overskrift"));
	doc_paragraph(doc, report_str(c, "kommune.intern.tekst"));
}

/* The marking on every page but the cover (in the footer, before the page number) and
 * in the metadata: Subject and Keywords, which a document system shows before it is
 * opened. */
static void
mark_doc(const struct report_ctx *c, struct doc *doc)
{
	const char *merke = report_str(c, "kommune.intern.merke");
	struct buf b;

	buf_init(&b);
	buf_puts(&b, merke);
	buf_puts(&b, " \xc2\xb7 ");
	buf_puts(&b, doc->page_label != NULL ? doc->page_label : "%d / %d");
	doc_set_page_label(doc, b.data);
	buf_reset(&b);
	buf_printf(&b, "%s. %s", merke, doc->subject != NULL ? doc->subject : "");
	doc_set_subject(doc, b.data);
	buf_reset(&b);
	buf_printf(&b, "%s, %s", report_str(c, "kommune.intern.emneord"),
	    doc->keywords != NULL ? doc->keywords : "");
	doc_set_keywords(doc, b.data);
	buf_free(&b);
}

/* A diag that says nothing: computing again would repeat every warning of the run. */
static int
silent_diag(struct diag *q)
{
	FILE *f = fopen("/dev/null", "w");

	if (f == NULL)
		return -1;
	diag_init(q, f);
	return 0;
}

int
internal_report(const struct report_ctx *base, struct indicator_set *set,
    const struct deadline_rules *rules, const struct compare_ctx *cmp, size_t k,
    const char *ydir, struct buf *dump)
{
	const struct options *o = base->o;
	struct results ri;
	struct compare_ctx ci = *cmp;
	struct report_ctx c = *base;
	struct diag quiet, *qd = base->d;
	struct doc *doc;
	struct buf name;
	char *path;
	int rc = 0, own = silent_diag(&quiet) == 0;

	if (own)
		qd = &quiet;
	if (compute_run_internal(&ri, base->r->ds, set, rules, o->year, o->reference_date, k,
	    qd) == -1) {
		compute_free(&ri);
		if (own) {
			diag_free(&quiet);
			fclose(quiet.out);
		}
		return -1;
	}
	if (own) {
		diag_free(&quiet);
		fclose(quiet.out);
	}
	ci.r = &ri;
	c.r = &ri;
	c.cmp = &ci;
	c.internal = 1;
	c.figdir = NULL;	/* the public charts are the public run's */
	buf_init(&name);
	report_file_name(results_place_code(&ri, k), results_place_name(&ri, k), &name);
	buf_puts(&name, "-intern");
	c.figbase = name.data;
	doc = doc_new();
	report_kommune(&c, k, doc);
	mark_doc(&c, doc);
	path = xasprintf("%s/kommune/%s.pdf", ydir, name.data);
	if (o->dump) {
		buf_printf(dump, "== %s\n", path);
		pdf_paginate(doc, o->fonts_dir, base->d);
		doc_dump(doc, dump);
	} else if (pdf_write(doc, path, o->fonts_dir, base->d) == -1)
		rc = -1;
	else
		diag_msg(base->d, DIAG_NOTE, path, 0, 0, "the internal version for %s: its "
		    "own small figures are not hidden, so it is exempt from public access "
		    "(offentleglova § 13) and must not be published or shared outside the "
		    "municipality", results_place_name(&ri, k));
	free(path);
	doc_free(doc);
	buf_free(&name);
	compute_free(&ri);
	return rc;
}
