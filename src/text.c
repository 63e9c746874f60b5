/*
 * Encoding of input files (see text.h): sniffing, validation and conversion through iconv.
 */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "text.h"
#include "util.h"

void
text_free(struct text *t)
{
	free(t->data);
	t->data = NULL;
	t->len = 0;
}

void
text_position(const char *s, size_t off, long *line, long *col)
{
	size_t i;
	long l = 1, c = 1;

	for (i = 0; i < off; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == '\n') {
			l++;
			c = 1;
		} else if ((ch & 0xC0) != 0x80 && ch != '\r')
			c++;
	}
	*line = l;
	*col = c;
}

/* Converts through iconv into a fresh UTF-8 string. Returns 0 or -1 (*bad: input offset). */
static int
convert(struct text *t, const char *from, const char *raw, size_t len, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", from);
	size_t cap = len * 3 + 16, inleft = len, outleft;
	char *in = (char *)raw, *out, *data;

	if (cd == (iconv_t)-1) {
		*bad = 0;
		return -1;
	}
	data = xmalloc(cap + 1);
	out = data;
	outleft = cap;
	if (iconv(cd, &in, &inleft, &out, &outleft) == (size_t)-1) {
		*bad = (size_t)(in - raw);
		iconv_close(cd);
		free(data);
		return -1;
	}
	iconv_close(cd);
	t->len = (size_t)(out - data);
	data[t->len] = '\0';
	t->data = data;
	return 0;
}

/* A byte that no text file holds: C0 controls other than TAB, LF, CR (and a trailing ^Z). */
static int
is_binary_byte(unsigned char c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

static int
check_bytes(const char *s, size_t len, const char *shown, struct diag *d)
{
	size_t i;
	long line, col;

	if (len > 0 && s[len - 1] == 0x1A)	/* DOS end-of-file mark */
		len--;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!is_binary_byte(c))
			continue;
		text_position(s, i, &line, &col);
		if (c == 0)
			diag_msg(d, DIAG_ERROR, shown, line, col, "expected a text file, found a "
			    "NUL byte (binary data or an unmarked UTF-16 file); the file is not used");
		else
			diag_msg(d, DIAG_ERROR, shown, line, col, "expected a text file, found the "
			    "control byte 0x%02X (binary data?); the file is not used", c);
		return -1;
	}
	return 0;
}

static int
decode_utf16(struct text *t, const char *raw, size_t len, const char *shown, struct diag *d)
{
	size_t bad;

	if (len % 2 != 0 || convert(t, "UTF-16LE", raw, len, &bad) == -1) {
		diag_msg(d, DIAG_ERROR, shown, 0, 0, "expected UTF-16LE text after the byte "
		    "order mark, found bytes that are not; the file is not used");
		return -1;
	}
	t->enc = TEXT_UTF16LE;
	if (check_bytes(t->data, t->len, shown, d) == -1) {
		text_free(t);
		return -1;
	}
	return 0;
}

/* As text_decode; with `owned` set, raw is a malloc'd buffer of len + 1 bytes that t may
 * take over (or that is freed). */
static int
text_decode_buf(struct text *t, char *raw, size_t len, int owned, const char *shown,
    struct diag *d)
{
	char *start = raw;
	size_t bad;
	long line, col;
	int rc = -1;

	memset(t, 0, sizeof(*t));
	if (len >= 2 && (unsigned char)raw[0] == 0xFF && (unsigned char)raw[1] == 0xFE) {
		rc = decode_utf16(t, raw + 2, len - 2, shown, d);
		goto out;
	}
	if (len >= 2 && (unsigned char)raw[0] == 0xFE && (unsigned char)raw[1] == 0xFF) {
		diag_msg(d, DIAG_ERROR, shown, 0, 0, "expected UTF-8, Windows-1252 or UTF-16LE, "
		    "found UTF-16BE (big-endian); save the file as UTF-8; the file is not used");
		goto out;
	}
	t->enc = TEXT_UTF8;
	if (len >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0) {
		raw += 3;
		len -= 3;
		t->enc = TEXT_UTF8_BOM;
	}
	if (check_bytes(raw, len, shown, d) == -1)
		goto out;
	if (utf8_valid((const unsigned char *)raw, len, &bad)) {
		if (owned) {
			memmove(start, raw, len);
			start[len] = '\0';
			t->data = start;
			start = NULL;
		} else
			t->data = xstrndup(raw, len);
		t->len = len;
		rc = 0;
		goto out;
	}
	text_position(raw, bad, &line, &col);
	if (t->enc == TEXT_UTF8_BOM || convert(t, "WINDOWS-1252", raw, len, &bad) == -1) {
		diag_msg(d, DIAG_ERROR, shown, line, col, "expected UTF-8 or Windows-1252 text, "
		    "found the byte 0x%02X that is neither; the file is not used",
		    (unsigned char)raw[bad]);
		goto out;
	}
	t->enc = TEXT_CP1252;
	diag_msg(d, DIAG_WARNING, shown, line, col, "expected UTF-8, found the byte 0x%02X "
	    "that is not; the file is read as Windows-1252 (ANSI)", (unsigned char)raw[bad]);
	rc = 0;
out:
	if (owned)
		free(start);
	return rc;
}

int
text_decode(struct text *t, const char *raw, size_t len, const char *shown, struct diag *d)
{
	return text_decode_buf(t, (char *)(uintptr_t)raw, len, 0, shown, d);
}

int
text_read(struct text *t, const char *path, const char *shown, struct diag *d)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	size_t cap, len = 0, n;
	char *data;

	memset(t, 0, sizeof(*t));
	if (f == NULL) {
		diag_msg(d, DIAG_ERROR, shown, 0, 0, "cannot open the file: %s", strerror(errno));
		return -1;
	}
	cap = fstat(fileno(f), &st) == 0 && st.st_size > 0 ? (size_t)st.st_size + 1 : 65536;
	data = xmalloc(cap + 1);
	while ((n = fread(data + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap) {
			cap *= 2;
			data = xrealloc(data, cap + 1);
		}
	}
	if (ferror(f)) {
		diag_msg(d, DIAG_ERROR, shown, 0, 0, "cannot read the file: %s", strerror(errno));
		fclose(f);
		free(data);
		return -1;
	}
	fclose(f);
	data[len] = '\0';
	return text_decode_buf(t, data, len, 1, shown, d);
}
