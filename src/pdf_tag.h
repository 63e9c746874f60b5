/*
 * The logical structure of a tagged PDF (ISO 32000-1 section 14.7, PDF/UA-1) for pdf.c:
 * structure elements in reading order, the marked-content sequences of the page streams
 * that belong to them or are artifacts, links tied to their annotations, and at the end
 * the structure tree root, its parent tree, /StructParents on the pages, /MarkInfo and
 * /Tabs. Built with libharu's dictionary API; marked-content operators are written into
 * the page's content stream, since libharu 2.3 has none. One per document, no globals.
 */
#ifndef PDF_TAG_H
#define PDF_TAG_H

#include <stddef.h>

#include <hpdf.h>

struct buf;
struct pdf_tag;

/* Appends text to out in PDFDocEncoding when it has every character (printable ASCII,
 * U+00A1-U+00FF but the soft hyphen, dashes, quotes, bullet, ellipsis, minus, euro; line
 * ends and tabs as spaces); returns 0, with out partly written, when it needs UTF-16. */
int	pdf_docenc(struct buf *out, const char *text);
/* A PDF text string of UTF-8 text: a PDFDocEncoding literal when pdf_docenc allows (a
 * quarter of the bytes), UTF-16 otherwise. NULL when libharu could not make it. */
HPDF_String pdf_text_string(HPDF_Doc, const char *text);

/* What owns the content written next: a structure element (its number from
 * pdf_tag_elem), or an artifact. */
#define PDF_TAG_NONE		((size_t)-1)	/* nothing open */
#define PDF_TAG_LAYOUT		((size_t)-2)	/* rules, fills, leaders, grid lines */
#define PDF_TAG_PAGINATION	((size_t)-3)	/* running header, page numbers */

/* A tree with its root element (Document) in the language lang ("nb-NO"). */
struct pdf_tag	*pdf_tag_new(HPDF_Doc, const char *lang);
void		 pdf_tag_free(struct pdf_tag *);

/* The root element (Document). */
size_t	pdf_tag_root(const struct pdf_tag *);
/* A new element of type (a standard structure type: "P", "H1", "Table", ...) as the last
 * child of parent; returns its number. */
size_t	pdf_tag_elem(struct pdf_tag *, size_t parent, const char *type);
/* How many elements there are (element numbers are below it). */
size_t	pdf_tag_count(const struct pdf_tag *);
/* Attributes: /Alt (a figure's text), /Lang, and /Scope of a table header cell
 * ("Column", "Row"). UTF-8. */
void	pdf_tag_alt(struct pdf_tag *, size_t elem, const char *text);
void	pdf_tag_lang(struct pdf_tag *, size_t elem, const char *lang);
void	pdf_tag_scope(struct pdf_tag *, size_t elem, const char *scope);
/* /ActualText: what a Span's content says (a word broken over two lines, whole). */
void	pdf_tag_actual_text(struct pdf_tag *, size_t elem, const char *text);

/* Pages must be announced in order, as they are made; page numbers count from 0. */
void	pdf_tag_page(struct pdf_tag *, HPDF_Page);

/* Opens a marked-content sequence on page for owner (an element or an artifact):
 * "/P <</MCID n>> BDC", "/Artifact BMC" or a pagination artifact. Must be closed with
 * pdf_tag_close in the same text object or outside any (the caller keeps that). */
void	pdf_tag_open(struct pdf_tag *, size_t page, size_t owner);
void	pdf_tag_close(struct pdf_tag *, size_t page);

/* Ties a link annotation on page to a Link element: an object reference (OBJR) among
 * the element's kids and /StructParent on the annotation. */
void	pdf_tag_annot(struct pdf_tag *, size_t elem, size_t page, HPDF_Annotation);

/* Writes the tree: every element's kids (/K, /Pg), the structure tree root with its
 * parent tree, /StructParents and /Tabs /S on the pages, /MarkInfo in the catalog.
 * Returns 0 or -1 (libharu could not make an object). */
int	pdf_tag_finish(struct pdf_tag *);

#endif
