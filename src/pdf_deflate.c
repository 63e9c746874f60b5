/*
 * Stream compression for libharu documents (see pdf_deflate.h). A stream is compressed
 * into a buffer of its own and only then put in place of its data, so a failure leaves
 * every stream either as it was or done. libharu writes the /Filter key of a stream from
 * its filter flags and removes it when there are none; a stream done here has no flags
 * and writes its key through the dictionary's write hook instead. Memory comes from
 * xcalloc, zlib's too: running out ends the run as everywhere else (util.c).
 */
#include <stdlib.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <zlib.h>

#include "pdf_deflate.h"
#include "util.h"

/* The /Filter key of a stream compressed here (libharu's write hook, called inside the
 * stream's dictionary). */
static HPDF_STATUS
pdf_deflate_key(HPDF_Dict d, HPDF_Stream out)
{
	(void)d;
	return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

static voidpf
pdf_deflate_alloc(voidpf opaque, uInt items, uInt size)
{
	(void)opaque;
	return xcalloc(items, size);
}

static void
pdf_deflate_free(voidpf opaque, voidpf p)
{
	(void)opaque;
	free(p);
}

/* The data of memory stream s deflated at level into *out (malloc'd), its length in
 * *outlen. Returns 0 or -1. */
static int
pdf_deflate_data(HPDF_Stream s, int level, unsigned char **out, size_t *outlen)
{
	HPDF_UINT n = HPDF_MemStream_GetBufCount(s), i;
	z_stream z = { .zalloc = pdf_deflate_alloc, .zfree = pdf_deflate_free };
	uLong total = HPDF_Stream_Size(s), cap;
	int zr = Z_OK;

	if (deflateInit(&z, level) != Z_OK)
		return -1;
	cap = deflateBound(&z, total);
	*out = xmalloc(cap);
	z.next_out = *out;
	z.avail_out = (uInt)cap;
	for (i = 0; i < n && zr == Z_OK; i++) {
		HPDF_UINT len = 0;
		HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(s, i, &len);

		z.next_in = p;
		z.avail_in = p == NULL ? 0 : len;
		zr = deflate(&z, i + 1 == n ? Z_FINISH : Z_NO_FLUSH);
	}
	if (n == 0)
		zr = deflate(&z, Z_FINISH);
	*outlen = z.total_out;
	deflateEnd(&z);
	if (zr != Z_STREAM_END) {
		free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

/* Compresses the stream of d in place. Returns 0 or -1 (d unchanged). */
static int
pdf_deflate_stream(HPDF_Dict d, int level)
{
	unsigned char *data;
	size_t len;

	if (pdf_deflate_data(d->stream, level, &data, &len) == -1)
		return -1;
	HPDF_MemStream_FreeData(d->stream);
	if (HPDF_Stream_Write(d->stream, data, (HPDF_UINT)len) != HPDF_OK) {
		free(data);
		return -1;
	}
	free(data);
	d->filter = HPDF_STREAM_FILTER_NONE;
	d->write_fn = pdf_deflate_key;
	return 0;
}

/* 1 when o is a stream whose data libharu would deflate, with no other filter and no
 * write hook of its own, and that has data now. */
static int
pdf_deflate_wanted(void *o)
{
	HPDF_Obj_Header *h = o;
	HPDF_Dict d = o;

	return (h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT && d->stream != NULL &&
	    d->stream->type == HPDF_STREAM_MEMORY &&
	    d->filter == HPDF_STREAM_FILTER_FLATE_DECODE && d->filterParams == NULL &&
	    d->write_fn == NULL && HPDF_Stream_Size(d->stream) > 0;
}

/* 1 when stream dictionary d is absent or was compressed here. */
static int
pdf_deflate_done(HPDF_Dict d)
{
	return d == NULL || d->write_fn == pdf_deflate_key;
}

/*
 * At every save, libharu's Type0 font hook hands the font's filter to its CIDToGIDMap
 * and ToUnicode streams (and to the embedded font file, when it makes that then). A font
 * whose streams are all made and done here gets no filter, so that none is compressed
 * again.
 */
static void
pdf_deflate_font(HPDF_Dict font)
{
	HPDF_FontAttr fa = font->attr;

	if (fa != NULL && fa->fontdef != NULL && fa->fontdef->descriptor != NULL &&
	    pdf_deflate_done(fa->map_stream) && pdf_deflate_done(fa->cmap_stream))
		font->filter = HPDF_STREAM_FILTER_NONE;
}

int
pdf_deflate(HPDF_Doc pdf, int level)
{
	HPDF_Xref x = pdf->xref;
	HPDF_UINT i;

	for (i = 0; i < x->entries->count; i++) {
		HPDF_XrefEntry e = HPDF_Xref_GetEntry(x, i);

		if (e != NULL && e->obj != NULL && pdf_deflate_wanted(e->obj) &&
		    pdf_deflate_stream(e->obj, level) == -1)
			return -1;
	}
	for (i = 0; i < x->entries->count; i++) {
		HPDF_XrefEntry e = HPDF_Xref_GetEntry(x, i);
		HPDF_Obj_Header *h = e == NULL ? NULL : e->obj;

		if (h != NULL && h->obj_class == (HPDF_OCLASS_DICT | HPDF_OSUBCLASS_FONT))
			pdf_deflate_font(e->obj);
	}
	return 0;
}
