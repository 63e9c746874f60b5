/*
 * Stream compression at a chosen level (pdf_deflate.c): a document with a page and two
 * streams of known data, one to be deflated and one left plain, is compressed and saved.
 * qpdf reads it without a warning (one /Filter a stream); each deflated stream holds
 * exactly what zlib's compress2 makes of its data at that level (compressed once, at the
 * level asked for) and decodes to it; the plain stream stays as it was. A Type0 font
 * made from the report font, as pdf.c makes it, has its ToUnicode map, CIDToGIDMap and
 * font file each compressed once, although libharu's font hook hands the font's filter to
 * them again at saving.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_pages.h>
#include <zlib.h>

#include "pdf_deflate.h"
#include "util.h"
#include "unit_pdf.h"

/* Enough data for several of libharu's stream buffers, and compressible. */
static char *
sample_data(size_t *len)
{
	struct buf b;
	int i;

	buf_init(&b);
	for (i = 0; i < 4000; i++)
		buf_printf(&b, "%d.%03d %d re f %% Snåsa %d\n", i % 537, i * 7 % 1000, i % 91,
		    i * i % 10007);
	*len = b.len;
	return b.data;
}

/* A stream object of the document holding data, deflated by libharu unless plain. */
static HPDF_Dict
add_stream(HPDF_Doc pdf, const char *data, size_t len, int plain)
{
	HPDF_Dict d = HPDF_DictStream_New(pdf->mmgr, pdf->xref);

	assert_non_null(d);
	d->filter = plain ? HPDF_STREAM_FILTER_NONE : HPDF_STREAM_FILTER_FLATE_DECODE;
	assert_int_equal(HPDF_Stream_Write(d->stream, (const HPDF_BYTE *)data,
	    (HPDF_UINT)len), HPDF_OK);
	/* Reachable from the catalog, as every object of a real document is. */
	assert_int_equal(HPDF_Dict_Add(pdf->catalog, plain ? "PlainTest" : "DeflateTest", d),
	    HPDF_OK);
	return d;
}

static unsigned
object_number(HPDF_Dict d)
{
	return (unsigned)(d->header.obj_id & 0x00FFFFFF);
}

/* A stream's data from qpdf: raw (as stored) or filtered (decoded); its length in *len. */
static char *
qpdf_stream(const char *file, unsigned obj, const char *how, size_t *len)
{
	char cmd[512], *out;
	int status;

	snprintf(cmd, sizeof(cmd), "qpdf --show-object=%u --%s-stream-data '%s'", obj, how,
	    file);
	out = run_cmd_len(cmd, &status, len);
	assert_int_equal(status, 0);
	return out;
}

/* qpdf --check finds nothing to warn of in file. */
static void
check_clean(const char *file)
{
	char cmd[256], *out;

	snprintf(cmd, sizeof(cmd), "qpdf --check '%s' 2>&1", file);
	out = run_ok(cmd);
	assert_null(strstr(out, "WARNING"));
	free(out);
}

/* The document, its two streams deflated at level by pdf_deflate, saved to file. */
static void
check_level(const char *data, size_t len, int level, const char *file)
{
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	HPDF_Page page;
	unsigned packed, plain;
	uLongf wantlen = compressBound(len);
	unsigned char *want = malloc(wantlen);
	size_t got;
	char *raw, *decoded;

	assert_non_null(pdf);
	assert_non_null(want);
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	page = HPDF_AddPage(pdf);
	assert_non_null(page);
	HPDF_Page_Rectangle(page, 10, 10, 100, 50);
	HPDF_Page_Fill(page);
	packed = object_number(add_stream(pdf, data, len, 0));
	plain = object_number(add_stream(pdf, data, len, 1));
	assert_int_equal(pdf_deflate(pdf, level), 0);
	assert_int_equal(HPDF_SaveToFile(pdf, file), HPDF_OK);
	HPDF_Free(pdf);
	check_clean(file);

	/* Compressed once, at this level: the bytes zlib makes of the data. */
	assert_int_equal(compress2(want, &wantlen, (const Bytef *)data, len, level), Z_OK);
	raw = qpdf_stream(file, packed, "raw", &got);
	assert_int_equal(got, wantlen);
	assert_memory_equal(raw, want, wantlen);
	free(raw);
	decoded = qpdf_stream(file, packed, "filtered", &got);
	assert_int_equal(got, len);
	assert_memory_equal(decoded, data, len);
	free(decoded);

	/* The plain stream is stored as it was given. */
	raw = qpdf_stream(file, plain, "raw", &got);
	assert_int_equal(got, len);
	assert_memory_equal(raw, data, len);
	free(raw);
	free(want);
}

static void
test_deflate_at_level(void **state)
{
	char file[] = "/tmp/ipkval-deflate-XXXXXX";
	size_t len;
	char *data = sample_data(&len);
	int fd = mkstemp(file), level;

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	for (level = 1; level <= 9; level += 4)
		check_level(data, len, level, file);
	unlink(file);
	free(data);
}

static void
test_deflate_font(void **state)
{
	char file[] = "/tmp/ipkval-deflate-XXXXXX", path[4096];
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	HPDF_Page page;
	HPDF_Font font;
	HPDF_FontAttr fa;
	HPDF_Dict fontfile;
	const char *name;
	unsigned tounicode, map, embedded;
	size_t len;
	char *d;
	int fd = mkstemp(file);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	assert_non_null(pdf);
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	snprintf(path, sizeof(path), "%s/ipkval-sans.ttf", fonts_dir());
	name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
	assert_non_null(name);
	font = HPDF_GetFont(pdf, name, "UTF-8");
	assert_non_null(font);
	page = HPDF_AddPage(pdf);
	assert_non_null(page);
	HPDF_Page_BeginText(page);
	HPDF_Page_SetFontAndSize(page, font, 10);
	HPDF_Page_TextOut(page, 50, 700, "Snåsa – Snåase");
	HPDF_Page_EndText(page);
	/* The font file is made by the font's hook, here as pdf_a_font does, before. */
	fa = font->attr;
	assert_int_equal(font->before_write_fn(font), HPDF_OK);
	fontfile = HPDF_Dict_GetItem(fa->fontdef->descriptor, "FontFile2", HPDF_OCLASS_DICT);
	assert_non_null(fa->cmap_stream);
	assert_non_null(fa->map_stream);
	assert_non_null(fontfile);
	tounicode = object_number(fa->cmap_stream);
	map = object_number(fa->map_stream);
	embedded = object_number(fontfile);
	assert_int_equal(pdf_deflate(pdf, 5), 0);
	assert_int_equal(HPDF_SaveToFile(pdf, file), HPDF_OK);
	HPDF_Free(pdf);
	check_clean(file);

	/* Each decodes, once, to what it holds: a CMap, a glyph map, a TrueType font. */
	d = qpdf_stream(file, tounicode, "filtered", &len);
	assert_true(len > 14 && memcmp(d, "%!PS-Adobe-3.0", 14) == 0);
	free(d);
	d = qpdf_stream(file, map, "filtered", &len);
	assert_true(len >= 2 * 0x2013 + 2);
	free(d);
	d = qpdf_stream(file, embedded, "filtered", &len);
	assert_true(len > 4 && memcmp(d, "\0\1\0\0", 4) == 0);
	free(d);
	unlink(file);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_deflate_at_level),
		cmocka_unit_test(test_deflate_font),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
