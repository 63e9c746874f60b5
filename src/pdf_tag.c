/*
 * The structure tree of a tagged PDF (see pdf_tag.h). Elements are libharu dictionaries
 * made as they are announced, so that their object numbers follow reading order; their
 * kids (marked-content ids, child elements, annotations) are kept here and written at the
 * end, when it is known on which pages each element's content fell. Bytes count: every
 * element is an indirect object of its own (PDF/A-1 has no object streams), so an element
 * has no /Type, a single kid is written without an array, and a marked-content id on the
 * element's own page (/Pg) is a plain number.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_pages.h>

#include "pdf_tag.h"
#include "util.h"

enum pdf_tag_kid_kind { KID_MCID, KID_ELEM, KID_OBJR };

struct pdf_tag_kid {
	enum pdf_tag_kid_kind	 kind;
	size_t			 page;	/* KID_MCID, KID_OBJR */
	size_t			 n;	/* the MCID, the element, the annotation */
};

struct pdf_tag_el {
	HPDF_Dict		 dict;
	char			 type[12];
	struct pdf_tag_kid	*kids;
	size_t			 nkids, capkids;
};

struct pdf_tag_page {
	HPDF_Page		 page;
	size_t			*owner;		/* per MCID: its element */
	size_t			 nmcid, capmcid;
	int			 annots;
};

struct pdf_tag_annot {
	HPDF_Annotation		 an;
	size_t			 elem;
};

struct pdf_tag {
	HPDF_Doc		 pdf;
	HPDF_Dict		 root;		/* the StructTreeRoot */
	struct pdf_tag_el	*el;
	size_t			 nel, capel;
	struct pdf_tag_page	*pages;
	size_t			 npages, cappages;
	struct pdf_tag_annot	*annots;
	size_t			 nannots, capannots;
	int			 failed;	/* libharu could not make an object */
};

/* Characters above Latin-1 that PDFDocEncoding has, and their codes there. */
static const struct {
	unsigned int	 cp;
	unsigned char	 code;
} pdf_docenc_extra[] = {
	{ 0x2013, 0x85 }, { 0x2014, 0x84 }, { 0x2018, 0x8F }, { 0x2019, 0x90 },
	{ 0x201C, 0x8D }, { 0x201D, 0x8E }, { 0x2022, 0x80 }, { 0x2026, 0x83 },
	{ 0x2212, 0x8A }, { 0x20AC, 0xA0 },
};

int
pdf_docenc(struct buf *out, const char *text)
{
	const char *p = text;
	size_t i;

	while (*p != '\0') {
		unsigned int cp = utf8_next(&p);

		if (cp == '\n' || cp == '\t')
			cp = ' ';
		if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xA1 && cp <= 0xFF && cp != 0xAD)) {
			buf_putc(out, (char)cp);
			continue;
		}
		for (i = 0; i < sizeof(pdf_docenc_extra) / sizeof(pdf_docenc_extra[0]); i++)
			if (pdf_docenc_extra[i].cp == cp)
				break;
		if (i == sizeof(pdf_docenc_extra) / sizeof(pdf_docenc_extra[0]))
			return 0;
		buf_putc(out, (char)pdf_docenc_extra[i].code);
	}
	return 1;
}

HPDF_String
pdf_text_string(HPDF_Doc pdf, const char *text)
{
	struct buf b;
	HPDF_String s;
	const char *p;

	buf_init(&b);
	if (pdf_docenc(&b, text))
		s = HPDF_String_New(pdf->mmgr, b.data == NULL ? "" : b.data, NULL);
	else {
		buf_reset(&b);
		for (p = text; *p != '\0'; p++)
			buf_putc(&b, *p == '\n' || *p == '\t' ? ' ' : *p);
		s = HPDF_String_New(pdf->mmgr, b.data == NULL ? "" : b.data,
		    HPDF_GetEncoder(pdf, "UTF-8"));
	}
	buf_free(&b);
	return s;
}

static void
pdf_tag_check(struct pdf_tag *t, HPDF_STATUS rc)
{
	if (rc != HPDF_OK)
		t->failed = 1;
}

static void
pdf_tag_kid(struct pdf_tag *t, size_t elem, enum pdf_tag_kid_kind kind, size_t page,
    size_t n)
{
	struct pdf_tag_el *e = &t->el[elem];

	e->kids = xgrow(e->kids, &e->capkids, e->nkids, sizeof(*e->kids));
	e->kids[e->nkids].kind = kind;
	e->kids[e->nkids].page = page;
	e->kids[e->nkids].n = n;
	e->nkids++;
}

/* A new element; the root (parent PDF_TAG_NONE) hangs from the StructTreeRoot. */
static size_t
pdf_tag_add(struct pdf_tag *t, size_t parent, const char *type)
{
	struct pdf_tag_el *e;
	size_t n = t->nel;

	t->el = xgrow(t->el, &t->capel, t->nel, sizeof(*t->el));
	e = &t->el[t->nel++];
	memset(e, 0, sizeof(*e));
	snprintf(e->type, sizeof(e->type), "%s", type);
	e->dict = HPDF_Dict_New(t->pdf->mmgr);
	if (e->dict == NULL || HPDF_Xref_Add(t->pdf->xref, e->dict) != HPDF_OK) {
		e->dict = NULL;
		t->failed = 1;
		return n;
	}
	pdf_tag_check(t, HPDF_Dict_AddName(e->dict, "S", type));
	pdf_tag_check(t, HPDF_Dict_Add(e->dict, "P", parent == PDF_TAG_NONE ? t->root :
	    t->el[parent].dict));
	if (parent != PDF_TAG_NONE)
		pdf_tag_kid(t, parent, KID_ELEM, 0, n);
	return n;
}

struct pdf_tag *
pdf_tag_new(HPDF_Doc pdf, const char *lang)
{
	struct pdf_tag *t = xcalloc(1, sizeof(*t));

	t->pdf = pdf;
	t->root = HPDF_Dict_New(pdf->mmgr);
	if (t->root == NULL || HPDF_Xref_Add(pdf->xref, t->root) != HPDF_OK) {
		t->root = NULL;
		t->failed = 1;
		return t;
	}
	pdf_tag_check(t, HPDF_Dict_AddName(t->root, "Type", "StructTreeRoot"));
	pdf_tag_add(t, PDF_TAG_NONE, "Document");
	if (lang != NULL && *lang != '\0')
		pdf_tag_lang(t, 0, lang);
	return t;
}

void
pdf_tag_free(struct pdf_tag *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nel; i++)
		free(t->el[i].kids);
	for (i = 0; i < t->npages; i++)
		free(t->pages[i].owner);
	free(t->el);
	free(t->pages);
	free(t->annots);
	free(t);
}

size_t
pdf_tag_root(const struct pdf_tag *t)
{
	(void)t;
	return 0;
}

size_t
pdf_tag_count(const struct pdf_tag *t)
{
	return t->nel;
}

size_t
pdf_tag_elem(struct pdf_tag *t, size_t parent, const char *type)
{
	if (t->failed || t->root == NULL || parent >= t->nel)
		return parent;
	return pdf_tag_add(t, parent, type);
}

static void
pdf_tag_string(struct pdf_tag *t, size_t elem, const char *key, const char *text)
{
	HPDF_String s;

	if (elem >= t->nel || t->el[elem].dict == NULL || text == NULL)
		return;
	s = pdf_text_string(t->pdf, text);
	if (s == NULL)
		t->failed = 1;
	else
		pdf_tag_check(t, HPDF_Dict_Add(t->el[elem].dict, key, s));
}

void
pdf_tag_alt(struct pdf_tag *t, size_t elem, const char *text)
{
	pdf_tag_string(t, elem, "Alt", text);
}

void
pdf_tag_actual_text(struct pdf_tag *t, size_t elem, const char *text)
{
	pdf_tag_string(t, elem, "ActualText", text);
}

void
pdf_tag_lang(struct pdf_tag *t, size_t elem, const char *lang)
{
	pdf_tag_string(t, elem, "Lang", lang);
}

void
pdf_tag_scope(struct pdf_tag *t, size_t elem, const char *scope)
{
	HPDF_Dict a;

	if (elem >= t->nel || t->el[elem].dict == NULL)
		return;
	a = HPDF_Dict_New(t->pdf->mmgr);
	if (a == NULL) {
		t->failed = 1;
		return;
	}
	pdf_tag_check(t, HPDF_Dict_AddName(a, "O", "Table"));
	pdf_tag_check(t, HPDF_Dict_AddName(a, "Scope", scope));
	pdf_tag_check(t, HPDF_Dict_Add(t->el[elem].dict, "A", a));
}

void
pdf_tag_page(struct pdf_tag *t, HPDF_Page page)
{
	t->pages = xgrow(t->pages, &t->cappages, t->npages, sizeof(*t->pages));
	memset(&t->pages[t->npages], 0, sizeof(t->pages[0]));
	t->pages[t->npages++].page = page;
}

static HPDF_Stream
pdf_tag_stream(const struct pdf_tag *t, size_t page)
{
	return ((HPDF_PageAttr)t->pages[page].page->attr)->stream;
}

void
pdf_tag_open(struct pdf_tag *t, size_t page, size_t owner)
{
	struct pdf_tag_page *p;
	char op[64];

	if (page >= t->npages || owner == PDF_TAG_NONE)
		return;
	if (owner == PDF_TAG_LAYOUT) {
		HPDF_Stream_WriteStr(pdf_tag_stream(t, page), "/Artifact BMC\012");
		return;
	}
	if (owner == PDF_TAG_PAGINATION) {
		HPDF_Stream_WriteStr(pdf_tag_stream(t, page),
		    "/Artifact <</Type /Pagination>> BDC\012");
		return;
	}
	if (owner >= t->nel)
		return;
	p = &t->pages[page];
	p->owner = xgrow(p->owner, &p->capmcid, p->nmcid, sizeof(*p->owner));
	p->owner[p->nmcid] = owner;
	snprintf(op, sizeof(op), "/%s <</MCID %zu>> BDC\012", t->el[owner].type, p->nmcid);
	HPDF_Stream_WriteStr(pdf_tag_stream(t, page), op);
	pdf_tag_kid(t, owner, KID_MCID, page, p->nmcid);
	p->nmcid++;
}

void
pdf_tag_close(struct pdf_tag *t, size_t page)
{
	if (page < t->npages)
		HPDF_Stream_WriteStr(pdf_tag_stream(t, page), "EMC\012");
}

void
pdf_tag_annot(struct pdf_tag *t, size_t elem, size_t page, HPDF_Annotation an)
{
	if (elem >= t->nel || page >= t->npages)
		return;
	t->annots = xgrow(t->annots, &t->capannots, t->nannots, sizeof(*t->annots));
	t->annots[t->nannots].an = an;
	t->annots[t->nannots].elem = elem;
	pdf_tag_kid(t, elem, KID_OBJR, page, t->nannots);
	t->nannots++;
	t->pages[page].annots = 1;
}

/* One kid as /K writes it: a number on the element's page, a marked-content reference
 * on another, an element, an object reference. NULL when libharu failed. */
static void *
pdf_tag_kid_obj(struct pdf_tag *t, const struct pdf_tag_kid *k, size_t pg)
{
	HPDF_Dict d;

	if (k->kind == KID_ELEM)
		return t->el[k->n].dict;
	if (k->kind == KID_MCID && k->page == pg)
		return HPDF_Number_New(t->pdf->mmgr, (HPDF_INT32)k->n);
	d = HPDF_Dict_New(t->pdf->mmgr);
	if (d == NULL)
		return NULL;
	if (k->kind == KID_MCID) {
		/* /Type is optional, but without it poppler takes the reference for an
		 * element (which must be indirect). */
		pdf_tag_check(t, HPDF_Dict_AddName(d, "Type", "MCR"));
		pdf_tag_check(t, HPDF_Dict_Add(d, "Pg", t->pages[k->page].page));
		pdf_tag_check(t, HPDF_Dict_AddNumber(d, "MCID", (HPDF_INT32)k->n));
	} else {
		pdf_tag_check(t, HPDF_Dict_AddName(d, "Type", "OBJR"));
		pdf_tag_check(t, HPDF_Dict_Add(d, "Obj", t->annots[k->n].an));
		pdf_tag_check(t, HPDF_Dict_Add(d, "Pg", t->pages[k->page].page));
	}
	return d;
}

/* /Pg (the page of the first marked content) and /K of element e. */
static void
pdf_tag_write_kids(struct pdf_tag *t, struct pdf_tag_el *e)
{
	size_t i, pg = (size_t)-1;
	HPDF_Array k = NULL;

	if (e->dict == NULL || e->nkids == 0)
		return;
	for (i = 0; i < e->nkids && pg == (size_t)-1; i++)
		if (e->kids[i].kind == KID_MCID)
			pg = e->kids[i].page;
	if (pg != (size_t)-1)
		pdf_tag_check(t, HPDF_Dict_Add(e->dict, "Pg", t->pages[pg].page));
	if (e->nkids == 1) {
		void *o = pdf_tag_kid_obj(t, &e->kids[0], pg);

		pdf_tag_check(t, o == NULL ? HPDF_FAILD_TO_ALLOC_MEM :
		    HPDF_Dict_Add(e->dict, "K", o));
		return;
	}
	k = HPDF_Array_New(t->pdf->mmgr);
	if (k == NULL || HPDF_Dict_Add(e->dict, "K", k) != HPDF_OK) {
		t->failed = 1;
		return;
	}
	for (i = 0; i < e->nkids; i++) {
		void *o = pdf_tag_kid_obj(t, &e->kids[i], pg);

		pdf_tag_check(t, o == NULL ? HPDF_FAILD_TO_ALLOC_MEM : HPDF_Array_Add(k, o));
	}
}

/* The parent tree: for page i (key i) the element of each of its marked-content ids;
 * for annotation j (key npages + j) its Link element. One flat /Nums array. */
static void
pdf_tag_parent_tree(struct pdf_tag *t)
{
	HPDF_Dict tree = HPDF_Dict_New(t->pdf->mmgr);
	HPDF_Array nums = HPDF_Array_New(t->pdf->mmgr), a;
	size_t i, j;

	if (tree == NULL || nums == NULL || HPDF_Dict_Add(tree, "Nums", nums) != HPDF_OK ||
	    HPDF_Dict_Add(t->root, "ParentTree", tree) != HPDF_OK) {
		t->failed = 1;
		return;
	}
	for (i = 0; i < t->npages; i++) {
		if (t->pages[i].nmcid == 0)
			continue;
		a = HPDF_Array_New(t->pdf->mmgr);
		if (a == NULL) {
			t->failed = 1;
			return;
		}
		pdf_tag_check(t, HPDF_Array_AddNumber(nums, (HPDF_INT32)i));
		pdf_tag_check(t, HPDF_Array_Add(nums, a));
		for (j = 0; j < t->pages[i].nmcid; j++)
			pdf_tag_check(t, HPDF_Array_Add(a, t->el[t->pages[i].owner[j]].dict));
		pdf_tag_check(t, HPDF_Dict_AddNumber(t->pages[i].page, "StructParents",
		    (HPDF_INT32)i));
	}
	for (j = 0; j < t->nannots; j++) {
		pdf_tag_check(t, HPDF_Array_AddNumber(nums, (HPDF_INT32)(t->npages + j)));
		pdf_tag_check(t, HPDF_Array_Add(nums, t->el[t->annots[j].elem].dict));
		pdf_tag_check(t, HPDF_Dict_AddNumber(t->annots[j].an, "StructParent",
		    (HPDF_INT32)(t->npages + j)));
	}
	pdf_tag_check(t, HPDF_Dict_AddNumber(t->root, "ParentTreeNextKey",
	    (HPDF_INT32)(t->npages + t->nannots)));
}

int
pdf_tag_finish(struct pdf_tag *t)
{
	HPDF_Dict mark;
	size_t i;

	if (t->failed || t->root == NULL)
		return -1;
	for (i = 0; i < t->nel; i++)
		pdf_tag_write_kids(t, &t->el[i]);
	pdf_tag_check(t, HPDF_Dict_Add(t->root, "K", t->el[0].dict));
	pdf_tag_parent_tree(t);
	for (i = 0; i < t->npages; i++)
		if (t->pages[i].annots)
			pdf_tag_check(t, HPDF_Dict_AddName(t->pages[i].page, "Tabs", "S"));
	mark = HPDF_Dict_New(t->pdf->mmgr);
	if (mark == NULL)
		return -1;
	pdf_tag_check(t, HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE));
	pdf_tag_check(t, HPDF_Dict_Add(t->pdf->catalog, "MarkInfo", mark));
	pdf_tag_check(t, HPDF_Dict_Add(t->pdf->catalog, "StructTreeRoot", t->root));
	return t->failed ? -1 : 0;
}
