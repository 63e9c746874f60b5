/*
 * PDF/A-1a for the libharu documents of pdf.c: what ISO 19005-1 asks beyond what libharu
 * 2.3 writes by itself. A deterministic /ID (a hash of the page contents), XMP metadata
 * that repeats the document information (dc:title, dc:creator = the issuer,
 * dc:description, dc:language, pdf:Keywords, pdf:Producer, xmp:CreatorTool,
 * xmp:CreateDate) with the PDF/A-1a and PDF/UA-1 identifications, an sRGB output intent
 * (the profile of Debian's icc-profiles-free, compiled in), and the font descriptor
 * entries Preflight wants (CapHeight, CIDSet). Uses libharu's dictionary API only; no
 * state of its own.
 */
#ifndef PDF_A_H
#define PDF_A_H

#include <stddef.h>

#include <hpdf.h>

/* The document information the XMP repeats; NULL: not set. created is the creation date
 * as XMP writes it ("2025-01-01T00:00:00+00:00"), when the Info dictionary has one. */
struct pdf_a_info {
	const char	*title, *subject, *author, *keywords, *lang, *creator;
	const char	*created;
};

/* Adds /CapHeight and /CIDSet to the font descriptor of a Type0 font made from a
 * TrueType file with libharu's UTF-8 encoder (character codes are Unicode values, and so
 * are the CIDs). cidset has a bit for every CID the document shows, CID 0 the high bit of
 * byte 0; len bytes. Call once all text is drawn, before saving. Returns 0 or -1. */
int	pdf_a_font(HPDF_Doc, HPDF_Font, const unsigned char *cidset, size_t len);

/* Makes the document PDF/A-1a: /ID from the pages' contents and the information, the
 * XMP metadata stream, the sRGB output intent, PDF version 1.4. Call after everything is
 * drawn and the document information is set, before saving. Returns 0 or -1. */
int	pdf_a_finish(HPDF_Doc, const struct pdf_a_info *, HPDF_Page *pages, size_t npages);

#endif
