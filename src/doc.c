/*
 * The document model (see doc.h): building it block by block, freeing it, and its text
 * dump for tests. Knows nothing of PDF.
 */
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "doc.h"
#include "util.h"

static char *
doc_strdup(const char *s)
{
	return xstrdup(s == NULL ? "" : s);
}

static void
doc_replace(char **field, const char *s)
{
	free(*field);
	*field = doc_strdup(s);
}

struct doc *
doc_new(void)
{
	struct doc *d = xcalloc(1, sizeof(*d));

	d->title = xstrdup("");
	d->subject = xstrdup("");
	d->author = xstrdup("");
	d->lang = xstrdup("nb-NO");
	d->header = xstrdup("");
	d->page_label = xstrdup("%d / %d");
	d->keywords = xstrdup("");
	return d;
}

static void
doc_table_free(struct doc_table *t)
{
	size_t i, j;

	if (t == NULL)
		return;
	for (i = 0; i < t->ncols; i++)
		free(t->cols[i].title);
	for (i = 0; i < t->nrows; i++) {
		for (j = 0; j < t->ncols; j++)
			free(t->rows[i].cells[j].text);
		free(t->rows[i].cells);
	}
	free(t->cols);
	free(t->rows);
	free(t);
}

static void
doc_block_free(struct doc_block *b)
{
	size_t i;

	free(b->text);
	free(b->text2);
	free(b->lang);
	for (i = 0; i < 6; i++)
		free(b->cover[i]);
	doc_table_free(b->table);
	if (b->chart != NULL)
		chart_free(b->chart);
}

void
doc_free(struct doc *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->nblocks; i++)
		doc_block_free(&d->blocks[i]);
	free(d->blocks);
	free(d->title);
	free(d->subject);
	free(d->author);
	free(d->lang);
	free(d->header);
	free(d->page_label);
	free(d->keywords);
	free(d);
}

void doc_set_title(struct doc *d, const char *s) { doc_replace(&d->title, s); }
void doc_set_subject(struct doc *d, const char *s) { doc_replace(&d->subject, s); }
void doc_set_author(struct doc *d, const char *s) { doc_replace(&d->author, s); }
void doc_set_lang(struct doc *d, const char *s) { doc_replace(&d->lang, s); }
void doc_set_header(struct doc *d, const char *s) { doc_replace(&d->header, s); }
void doc_set_page_label(struct doc *d, const char *s) { doc_replace(&d->page_label, s); }
void doc_set_keywords(struct doc *d, const char *s) { doc_replace(&d->keywords, s); }

/* Appends a zeroed block of the kind and returns it. */
static struct doc_block *
doc_add(struct doc *d, enum doc_kind kind)
{
	struct doc_block *b;

	d->blocks = xgrow(d->blocks, &d->cap, d->nblocks, sizeof(*d->blocks));
	b = &d->blocks[d->nblocks++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	return b;
}

static void
doc_add_text(struct doc *d, enum doc_kind kind, const char *text, const char *text2)
{
	struct doc_block *b = doc_add(d, kind);

	b->text = doc_strdup(text);
	if (text2 != NULL)
		b->text2 = xstrdup(text2);
}

void
doc_cover(struct doc *d, const struct doc_cover *c)
{
	struct doc_block *b = doc_add(d, DOC_COVER);

	b->cover[0] = doc_strdup(c->title);
	b->cover[1] = doc_strdup(c->subtitle);
	b->cover[2] = doc_strdup(c->place);
	b->cover[3] = doc_strdup(c->year);
	b->cover[4] = doc_strdup(c->issuer);
	b->cover[5] = doc_strdup(c->date);
}

void
doc_heading(struct doc *d, int level, const char *text)
{
	doc_add_text(d, DOC_HEADING, text, NULL);
	d->blocks[d->nblocks - 1].level = level < 1 ? 1 : level > 3 ? 3 : level;
}

void doc_paragraph(struct doc *d, const char *s) { doc_add_text(d, DOC_PARA, s, NULL); }
void
doc_paragraph_plain(struct doc *d, const char *s)
{
	doc_add_text(d, DOC_PARA, s, NULL);
	d->blocks[d->nblocks - 1].level = 1;
}

void doc_bullet(struct doc *d, const char *s) { doc_add_text(d, DOC_BULLET, s, NULL); }
void doc_small(struct doc *d, const char *s) { doc_add_text(d, DOC_SMALL, s, NULL); }

void
doc_quote(struct doc *d, const char *text, const char *source)
{
	doc_add_text(d, DOC_QUOTE, text, source);
}

void
doc_kv(struct doc *d, const char *key, const char *value)
{
	doc_add_text(d, DOC_KV, key, value == NULL ? "" : value);
}

void
doc_page_break(struct doc *d)
{
	doc_add(d, DOC_BREAK);
}

void
doc_orientation(struct doc *d, enum doc_orient o)
{
	doc_add(d, DOC_ORIENT)->level = o == DOC_LANDSCAPE ? DOC_LANDSCAPE : DOC_PORTRAIT;
}

void
doc_chart(struct doc *d, struct chart *c, double height)
{
	struct doc_block *b;

	if (c == NULL)
		return;
	b = doc_add(d, DOC_CHART);
	b->chart = c;
	b->height = height > 0 ? height : 0;
}

/* The last block, when it is of kind k; NULL otherwise. */
static struct doc_block *
doc_last(struct doc *d, enum doc_kind k)
{
	return d->nblocks > 0 && d->blocks[d->nblocks - 1].kind == k ?
	    &d->blocks[d->nblocks - 1] : NULL;
}

void
doc_chart_alt(struct doc *d, const char *text)
{
	struct doc_block *b = doc_last(d, DOC_CHART);

	if (b != NULL) {
		free(b->text);
		b->text = xstrdup(text != NULL ? text : "");
	}
}

void
doc_quote_lang(struct doc *d, const char *lang)
{
	struct doc_block *b = doc_last(d, DOC_QUOTE);

	if (b != NULL) {
		free(b->lang);
		b->lang = lang != NULL ? xstrdup(lang) : NULL;
	}
}

void
doc_toc(struct doc *d, const char *title)
{
	doc_add_text(d, DOC_TOC, title, NULL);
	d->blocks[d->nblocks - 1].level = 1;
}

int
doc_toc_lists(const struct doc_block *b)
{
	return b->kind == DOC_HEADING && b->level <= 2;
}

/* Blocks a paragraph directly before them introduces. */
static int
doc_introduced(enum doc_kind k)
{
	return k == DOC_QUOTE || k == DOC_TABLE || k == DOC_CHART || k == DOC_KV ||
	    k == DOC_BULLET;
}

/*
 * Each run of paragraphs is judged once: it introduces what follows it when a heading is
 * right before it and a deeper heading or a quote, table, chart, list or key/value pair
 * right after it; otherwise only its last paragraph may be a lead-in.
 */
void
doc_keeps(const struct doc *d, enum doc_keep *keep)
{
	const struct doc_block *b = d->blocks, *head, *after;
	size_t i = 0, s, e;
	int intro, lead;

	while (i < d->nblocks) {
		if (b[i].kind != DOC_PARA) {
			keep[i] = b[i].kind == DOC_HEADING && i + 1 < d->nblocks ?
			    DOC_KEEP_NEXT : DOC_KEEP_NONE;
			i++;
			continue;
		}
		for (s = e = i; e < d->nblocks && b[e].kind == DOC_PARA; e++)
			;
		head = s > 0 && b[s - 1].kind == DOC_HEADING ? &b[s - 1] : NULL;
		after = e < d->nblocks ? &b[e] : NULL;
		lead = after != NULL && doc_introduced(after->kind);
		intro = head != NULL && (lead || (after != NULL &&
		    after->kind == DOC_HEADING && after->level > head->level));
		for (i = s; i < e; i++)
			keep[i] = intro ? DOC_KEEP_NEXT :
			    lead && i + 1 == e ? DOC_KEEP_SHORT : DOC_KEEP_NONE;
	}
}

struct doc_table *
doc_table(struct doc *d, size_t ncols)
{
	struct doc_block *b = doc_add(d, DOC_TABLE);
	struct doc_table *t = xcalloc(1, sizeof(*t));
	size_t i;

	t->ncols = ncols == 0 ? 1 : ncols;
	t->cols = xcalloc(t->ncols, sizeof(*t->cols));
	for (i = 0; i < t->ncols; i++) {
		t->cols[i].title = xstrdup("");
		t->cols[i].width = 1;
	}
	b->table = t;
	return t;
}

void
doc_table_col(struct doc_table *t, size_t col, const char *title, double width,
    enum doc_align align)
{
	if (col >= t->ncols)
		return;
	doc_replace(&t->cols[col].title, title);
	t->cols[col].width = width > 0 ? width : 1;
	t->cols[col].align = align;
}

void
doc_table_row(struct doc_table *t, int emph)
{
	struct doc_row *r;
	size_t i;

	t->rows = xgrow(t->rows, &t->rowcap, t->nrows, sizeof(*t->rows));
	r = &t->rows[t->nrows++];
	r->emph = emph != 0;
	r->cells = xcalloc(t->ncols, sizeof(*r->cells));
	for (i = 0; i < t->ncols; i++)
		r->cells[i].text = xstrdup("");
	t->nextcell = 0;
}

void
doc_table_cell(struct doc_table *t, const char *text, enum doc_mark mark)
{
	struct doc_cell *c;

	if (t->nrows == 0)
		doc_table_row(t, 0);
	if (t->nextcell >= t->ncols)
		return;
	c = &t->rows[t->nrows - 1].cells[t->nextcell++];
	doc_replace(&c->text, text);
	c->mark = mark < DOC_MARK__MAX ? mark : DOC_MARK_NONE;
}

const char *
doc_mark_name(enum doc_mark m)
{
	static const char *const names[DOC_MARK__MAX] = {
		"none", "good", "middle", "low", "grey"
	};

	return m < DOC_MARK__MAX ? names[m] : "none";
}

/* Appends s quoted, with \n, \\ and \" escaped, so that one block stays one line. */
static void
doc_dump_str(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '\n')
			buf_puts(b, "\\n");
		else if (*s == '"' || *s == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, *s);
		} else
			buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

static void
doc_dump_table(const struct doc_table *t, struct buf *b)
{
	static const char *const align[] = { "left", "right", "center" };
	size_t i, j;

	buf_printf(b, " %zu columns, %zu rows\n", t->ncols, t->nrows);
	for (i = 0; i < t->ncols; i++) {
		buf_printf(b, "\tcolumn %g %s ", t->cols[i].width, align[t->cols[i].align % 3]);
		doc_dump_str(b, t->cols[i].title);
		buf_putc(b, '\n');
	}
	for (i = 0; i < t->nrows; i++) {
		buf_puts(b, t->rows[i].emph ? "\trow*" : "\trow ");
		for (j = 0; j < t->ncols; j++) {
			const struct doc_cell *c = &t->rows[i].cells[j];

			buf_puts(b, j == 0 ? " " : " | ");
			doc_dump_str(b, c->text);
			if (c->mark != DOC_MARK_NONE)
				buf_printf(b, "[%s]", doc_mark_name(c->mark));
		}
		buf_putc(b, '\n');
	}
}

/* The pages of a block: "p3", "p3-4", or "p?" before pdf_paginate(). */
static void
doc_dump_pages(const struct doc_block *bl, struct buf *b)
{
	if (bl->page_first == 0)
		buf_puts(b, "p?");
	else if (bl->page_last > bl->page_first)
		buf_printf(b, "p%d-%d", bl->page_first, bl->page_last);
	else
		buf_printf(b, "p%d", bl->page_first);
}

/* The entries of a table of contents, one a line: level, text and page of the heading. */
static void
doc_dump_toc(const struct doc *d, struct buf *b)
{
	size_t i;

	for (i = 0; i < d->nblocks; i++) {
		if (!doc_toc_lists(&d->blocks[i]))
			continue;
		buf_printf(b, "\t%d ", d->blocks[i].level);
		doc_dump_str(b, d->blocks[i].text);
		buf_putc(b, ' ');
		doc_dump_pages(&d->blocks[i], b);
		buf_putc(b, '\n');
	}
}

static void
doc_dump_block(const struct doc *d, const struct doc_block *bl, struct buf *b)
{
	static const char *const kind[DOC_KIND__MAX] = {
		"cover", "heading", "paragraph", "bullet", "quote", "table", "chart",
		"small", "kv", "break", "orientation", "toc"
	};
	size_t i;

	doc_dump_pages(bl, b);
	buf_printf(b, " %s", kind[bl->kind]);
	switch (bl->kind) {
	case DOC_COVER:
		for (i = 0; i < 6; i++) {
			buf_putc(b, ' ');
			doc_dump_str(b, bl->cover[i]);
		}
		break;
	case DOC_HEADING:
		buf_printf(b, " %d ", bl->level);
		doc_dump_str(b, bl->text);
		break;
	case DOC_PARA:
		if (bl->level == 1)
			buf_puts(b, " plain");
		/* FALLTHROUGH */
	case DOC_BULLET:
	case DOC_SMALL:
		buf_putc(b, ' ');
		doc_dump_str(b, bl->text);
		break;
	case DOC_QUOTE:
	case DOC_KV:
		buf_putc(b, ' ');
		doc_dump_str(b, bl->text);
		if (bl->text2 != NULL) {
			buf_puts(b, bl->kind == DOC_KV ? " = " : " -- ");
			doc_dump_str(b, bl->text2);
		}
		if (bl->lang != NULL)
			buf_printf(b, " lang %s", bl->lang);
		break;
	case DOC_TABLE:
		doc_dump_table(bl->table, b);
		return;
	case DOC_CHART:
		if (bl->height > 0)
			buf_printf(b, " height %g", bl->height);
		buf_putc(b, '\n');
		chart_dump(bl->chart, b);
		if (b->len > 0 && b->data[b->len - 1] != '\n')
			buf_putc(b, '\n');
		if (bl->text != NULL) {
			buf_puts(b, "  alt: ");
			doc_dump_str(b, bl->text);
			buf_putc(b, '\n');
		}
		return;
	case DOC_ORIENT:
		buf_puts(b, bl->level == DOC_LANDSCAPE ? " landscape" : " portrait");
		break;
	case DOC_TOC:
		buf_putc(b, ' ');
		doc_dump_str(b, bl->text);
		buf_putc(b, '\n');
		doc_dump_toc(d, b);
		return;
	default:
		break;
	}
	buf_putc(b, '\n');
}

/* One "name value" line of the document's properties. */
static void
doc_dump_field(struct buf *b, const char *name, const char *value)
{
	buf_puts(b, name);
	buf_putc(b, ' ');
	doc_dump_str(b, value);
	buf_putc(b, '\n');
}

void
doc_dump(const struct doc *d, struct buf *b)
{
	size_t i;

	doc_dump_field(b, "title", d->title);
	doc_dump_field(b, "subject", d->subject);
	doc_dump_field(b, "author", d->author);
	doc_dump_field(b, "lang", d->lang);
	doc_dump_field(b, "header", d->header);
	doc_dump_field(b, "page label", d->page_label);
	doc_dump_field(b, "keywords", d->keywords);
	for (i = 0; i < d->nblocks; i++)
		doc_dump_block(d, &d->blocks[i], b);
}
