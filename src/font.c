/*
 * The report fonts as files (see font.h). What libharu 2.3 reads from a TrueType file
 * (hpdf_fontdef_tt.c): the table directory, head (unitsPerEm, indexToLocFormat), maxp
 * (numGlyphs), hhea (numberOfHMetrics), hmtx, loca, glyf, the first Windows Unicode BMP
 * cmap of format 4, the names of name, and OS/2. Each is checked here for what libharu
 * assumes of it.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include "font.h"
#include "text.h"
#include "util.h"

const char *const font_files[2] = { "ipkval-sans.ttf", "ipkval-sans-bold.ttf" };

/* A table of the file, read whole. */
struct font_table {
	unsigned char	*p;
	size_t		 len;
};

static unsigned
font_u16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t
font_u32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The table directory: a TrueType (not a collection nor CFF) whose every table lies
 * within the file. Returns NULL, or what is wrong. */
static const char *
font_directory(const unsigned char *f, size_t size)
{
	size_t n, i;

	if (size < 12)
		return "it is too short to be one";
	if (font_u32(f) != 0x00010000 && memcmp(f, "true", 4) != 0)
		return memcmp(f, "ttcf", 4) == 0 ? "it is a font collection (.ttc)" :
		    memcmp(f, "OTTO", 4) == 0 ? "it has PostScript (CFF) outlines" :
		    "it does not begin as a TrueType font does";
	n = font_u16(f + 4);
	if (n == 0 || 12 + 16 * n > size)
		return "its table directory is cut short";
	for (i = 0; i < n; i++) {
		const unsigned char *e = f + 12 + 16 * i;
		uint64_t off = font_u32(e + 8), len = font_u32(e + 12);

		if (off + len > size)
			return "a table runs past the end of the file (is it cut short?)";
	}
	return NULL;
}

/* Reads table `tag` through FreeType; NULL when the font has none (or it is empty). */
static const char *
font_table(FT_Face face, const char *tag, size_t min, struct font_table *t)
{
	FT_ULong len = 0, want;
	FT_ULong tg = FT_MAKE_TAG(tag[0], tag[1], tag[2], tag[3]);

	t->p = NULL;
	t->len = 0;
	if (FT_Load_Sfnt_Table(face, tg, 0, NULL, &len) != 0 || len < min)
		return "a table libharu needs is missing or too short";
	want = len;
	t->p = xmalloc(len);
	if (FT_Load_Sfnt_Table(face, tg, 0, t->p, &want) != 0 || want != len)
		return "a table could not be read";
	t->len = len;
	return NULL;
}

/* The first cmap subtable libharu takes (platform 3, encoding 1, format 4) is whole, ends
 * its segments at U+FFFF and indexes its glyph array within it. */
static const char *
font_cmap(const struct font_table *cmap)
{
	const unsigned char *c = cmap->p, *s;
	size_t n, i, off = 0, len, segs, glyphs, head;

	if (font_u16(c) != 0)
		return "its cmap table has an unknown version";
	n = font_u16(c + 2);
	if (4 + 8 * n > cmap->len)
		return "its cmap table is cut short";
	for (i = 0; i < n && off == 0; i++) {
		const unsigned char *r = c + 4 + 8 * i;
		size_t o = font_u32(r + 4);

		if (o + 2 <= cmap->len && font_u16(r) == 3 && font_u16(r + 2) == 1 &&
		    font_u16(c + o) == 4)
			off = o;
	}
	if (off == 0)
		return "it has no Windows Unicode character map (cmap format 4)";
	s = c + off;
	if (off + 14 > cmap->len)
		return "its character map is cut short";
	len = font_u16(s + 2);
	segs = font_u16(s + 6) / 2;
	head = 16 + 8 * segs;
	if (segs == 0 || font_u16(s + 6) % 2 != 0 || len < head || off + len > cmap->len)
		return "its character map is damaged";
	glyphs = (len - head) / 2;
	if (font_u16(s + 14 + 2 * (segs - 1)) != 0xFFFF)
		return "its character map does not end at U+FFFF";
	for (i = 0; i < segs; i++) {
		unsigned end = font_u16(s + 14 + 2 * i), start = font_u16(s + 16 + 2 * segs + 2 * i);
		unsigned range = font_u16(s + 16 + 6 * segs + 2 * i);

		if (start > end)
			return "its character map is damaged";
		/* The glyph index of `end` as libharu computes it must lie in the array. */
		if (range != 0 && (size_t)range / 2 + (end - start) >= glyphs + (segs - i))
			return "its character map points past its own end";
	}
	return NULL;
}

/* 1 when the name string s (len bytes; UTF-16BE with `wide`) is printable ASCII, without
 * spaces and PostScript's delimiters when it is the PostScript name. */
static int
font_name_ok(const unsigned char *s, size_t len, int wide, int postscript)
{
	size_t i, step = wide ? 2 : 1;

	if (len == 0 || len % step != 0 || len / step > 63)
		return 0;
	for (i = 0; i < len; i += step) {
		unsigned c = wide ? font_u16(s + i) : s[i];

		if (c < 0x20 || c > 0x7E || (postscript && (c == ' ' ||
		    strchr("[](){}<>/%", (int)c) != NULL)))
			return 0;
	}
	return 1;
}

/* Every name lies within the table (libharu copies them all into the embedded font),
 * and those it takes the font's name from (its PostScript name and subfamily, the last
 * Macintosh Roman or Windows US English record of each) are plain ASCII: libharu copies
 * them into a fixed buffer and the font dictionary. */
static const char *
font_names(const struct font_table *name)
{
	const unsigned char *t = name->p;
	size_t n = font_u16(t + 2), strings = font_u16(t + 4), i, found = 0;

	if (6 + 12 * n > name->len || strings > name->len)
		return "its name table is cut short";
	for (i = 0; i < n; i++) {
		const unsigned char *r = t + 6 + 12 * i;
		unsigned plat = font_u16(r), enc = font_u16(r + 2), lang = font_u16(r + 4);
		unsigned id = font_u16(r + 6);
		size_t len = font_u16(r + 8), off = font_u16(r + 10);
		int mac = plat == 1 && enc == 0, win = plat == 3 && enc == 1 && lang == 0x0409;

		/* libharu copies every name into the embedded font. */
		if (strings + off + len > name->len)
			return "a name runs past the end of its table";
		if ((!mac && !win) || (id != 6 && id != 2))
			continue;
		if (!font_name_ok(t + strings + off, len, win, id == 6))
			return "its name (PostScript name or subfamily) is damaged";
		found |= id == 6 ? 1 : 2;
	}
	return found == 3 ? NULL : "it has no PostScript name or no subfamily name";
}

/* The metric tables agree with each other: what libharu allocates by numGlyphs, it fills
 * by numberOfHMetrics and loca. */
static const char *
font_metrics(FT_Face face, const struct font_table *head)
{
	struct font_table maxp, hhea, hmtx, loca, glyf;
	const char *why;
	unsigned upem = font_u16(head->p + 18), glyphs, metrics, i;
	int longloca = (int)(int16_t)font_u16(head->p + 50);
	uint64_t prev = 0, o;

	if (upem < 16 || upem > 16384)
		return "its units per em are not between 16 and 16384";
	if (longloca != 0 && longloca != 1)
		return "its index to location format is neither 0 nor 1";
	memset(&maxp, 0, sizeof(maxp));
	memset(&hhea, 0, sizeof(hhea));
	memset(&hmtx, 0, sizeof(hmtx));
	memset(&loca, 0, sizeof(loca));
	memset(&glyf, 0, sizeof(glyf));
	if ((why = font_table(face, "maxp", 6, &maxp)) != NULL ||
	    (why = font_table(face, "hhea", 36, &hhea)) != NULL ||
	    (why = font_table(face, "hmtx", 4, &hmtx)) != NULL ||
	    (why = font_table(face, "loca", 4, &loca)) != NULL ||
	    (why = font_table(face, "glyf", 1, &glyf)) != NULL)
		goto out;
	glyphs = font_u16(maxp.p + 4);
	metrics = font_u16(hhea.p + 34);
	why = "its glyph count and horizontal metrics disagree";
	if (glyphs == 0 || metrics == 0 || metrics > glyphs ||
	    hmtx.len < 4 * (size_t)metrics + 2 * (size_t)(glyphs - metrics))
		goto out;
	why = "its glyph locations are damaged";
	if (loca.len < ((size_t)glyphs + 1) * (longloca ? 4 : 2))
		goto out;
	for (i = 0; i <= glyphs; i++, prev = o) {
		o = longloca ? font_u32(loca.p + 4 * i) : 2 * (uint64_t)font_u16(loca.p + 2 * i);
		if (o < prev || o > glyf.len)
			goto out;
	}
	why = NULL;
out:
	free(maxp.p);
	free(hhea.p);
	free(hmtx.p);
	free(loca.p);
	free(glyf.p);
	return why;
}

/* What is wrong with the font in f[0, size) for libharu, or NULL. */
static const char *
font_problem(FT_Library lib, const unsigned char *f, size_t size)
{
	struct font_table head, cmap, name, os2;
	const char *why;
	FT_Face face;

	if ((why = font_directory(f, size)) != NULL)
		return why;
	if (FT_New_Memory_Face(lib, f, (FT_Long)size, 0, &face) != 0)
		return "FreeType cannot read it";
	memset(&cmap, 0, sizeof(cmap));
	memset(&name, 0, sizeof(name));
	memset(&os2, 0, sizeof(os2));
	if ((why = font_table(face, "head", 54, &head)) == NULL &&
	    (why = font_metrics(face, &head)) == NULL &&
	    (why = font_table(face, "cmap", 4, &cmap)) == NULL &&
	    (why = font_cmap(&cmap)) == NULL &&
	    (why = font_table(face, "name", 6, &name)) == NULL &&
	    (why = font_names(&name)) == NULL)
		why = font_table(face, "OS/2", 10, &os2);
	free(head.p);
	free(cmap.p);
	free(name.p);
	free(os2.p);
	FT_Done_Face(face);
	return why;
}

int
font_check(const char *path, enum diag_level level, struct diag *d)
{
	FT_Library lib;
	const char *why;
	char *data;
	size_t len;

	switch (text_slurp(path, path, TEXT_QUIET_OPEN, level, &data, &len, d)) {
	case -2:
		diag_msg(d, level, path, 0, 0, "expected a TrueType font file, found none: %s",
		    strerror(errno));
		return -1;
	case -1:
		return -1;
	}
	if (FT_Init_FreeType(&lib) != 0) {
		free(data);
		diag_msg(d, level, path, 0, 0, "could not start FreeType to read the font");
		return -1;
	}
	why = len > (size_t)FONT_MAX_BYTES ? "it is larger than 16 MiB" :
	    font_problem(lib, (const unsigned char *)data, len);
	FT_Done_FreeType(lib);
	free(data);
	if (why == NULL)
		return 0;
	diag_msg(d, level, path, 0, 0, "expected a TrueType font file that libharu can "
	    "embed, found one it cannot: %s", why);
	return -1;
}

int
font_check_dir(const char *dir, enum diag_level level, struct diag *d)
{
	int rc = 0, i;

	for (i = 0; i < 2; i++) {
		char *path = xasprintf("%s/%s", dir, font_files[i]);

		if (font_check(path, level, d) == -1)
			rc = -1;
		free(path);
	}
	return rc;
}
