/*
 * Encoding of input files (see text.h): sniffing, validation and conversion through iconv.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scan.h"
#include "text.h"
#include "util.h"

void
text_free(struct text *t)
{
	if (t->map != NULL)
		munmap(t->map, t->maplen);
	else
		free(t->data);
	memset(t, 0, sizeof(*t));
}

/* Line and column of byte offset off in s, as an editor counts them: a line ends at LF,
 * CRLF or a lone CR (old Mac files); a column is a code point, or with `bytes` a byte (a
 * single-byte file such as Windows-1252 before conversion). s[off] must be readable. */
static void
text_count(const char *s, size_t off, int bytes, long *line, long *col)
{
	size_t i;
	long l = 1, c = 1;

	for (i = 0; i < off; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == '\n' || (ch == '\r' && s[i + 1] != '\n')) {
			l++;
			c = 1;
		} else if (ch != '\r' && (bytes || (ch & 0xC0) != 0x80))
			c++;
	}
	*line = l;
	*col = c;
}

void
text_position(const char *s, size_t off, long *line, long *col)
{
	text_count(s, off, 0, line, col);
}

/* diag_msg, or nothing when d is NULL (text_slurp's TEXT_QUIET). */
static void __attribute__((format(printf, 6, 7)))
text_say(struct diag *d, enum diag_level level, const char *shown, long line, long col,
    const char *fmt, ...)
{
	va_list ap;

	if (d == NULL)
		return;
	va_start(ap, fmt);
	diag_vmsg(d, level, shown, line, col, fmt, ap);
	va_end(ap);
}

/* Says that the file is larger than TEXT_MAX_BYTES: `size` bytes, or at least that. */
static void
text_too_large(struct diag *d, enum diag_level level, const char *shown, uintmax_t size)
{
	text_say(d, level, shown, 0, 0, "expected a file of at most %zu MiB (%zu bytes, the "
	    "limit of ipkval), found %ju bytes; it is not read", TEXT_MAX_BYTES >> 20,
	    TEXT_MAX_BYTES, size);
}

/* Converts through iconv into a fresh UTF-8 string in t. Returns 0, or -1 with *bad the
 * input offset of the first bytes iconv could not convert and t holding the text before
 * them, so that the caller can say where they are (and must text_free t). */
static int
convert(struct text *t, const char *from, const char *raw, size_t len, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", from);
	size_t cap = len * 3 + 16, inleft = len, outleft;
	char *in = (char *)raw, *out, *data;
	int rc = 0;

	*bad = 0;
	if (cd == (iconv_t)-1)
		return -1;
	data = xmalloc(cap + 1);
	out = data;
	outleft = cap;
	if (iconv(cd, &in, &inleft, &out, &outleft) == (size_t)-1) {
		*bad = (size_t)(in - raw);
		rc = -1;
	}
	iconv_close(cd);
	t->len = (size_t)(out - data);
	data[t->len] = '\0';
	t->data = data;
	return rc;
}

static int
check_bytes(const char *s, size_t len, const char *shown, struct diag *d)
{
	size_t i = scan_binary(s, len);
	unsigned char c;
	long line, col;

	if (i >= len || (i == len - 1 && s[i] == 0x1A))
		return 0;
	c = (unsigned char)s[i];
	text_position(s, i, &line, &col);
	if (c == 0)
		diag_msg(d, DIAG_ERROR, shown, line, col, "expected a text file, found a "
		    "NUL byte (binary data or an unmarked UTF-16 file); the file is not used");
	else
		diag_msg(d, DIAG_ERROR, shown, line, col, "expected a text file, found the "
		    "control byte 0x%02X (binary data?); the file is not used", c);
	return -1;
}

/* Says why the UTF-16LE body raw (len bytes) cannot be converted at offset bad, where
 * the text t converted so far ends. */
static void
utf16_report(const struct text *t, const char *raw, size_t len, size_t bad,
    const char *shown, struct diag *d)
{
	long line = 0, col = 0;
	unsigned u;

	if (t->data != NULL)
		text_position(t->data, t->len, &line, &col);
	if (bad + 2 > len) {
		diag_msg(d, DIAG_ERROR, shown, line, col, "expected UTF-16LE text after the byte "
		    "order mark (two bytes a character), found a single byte at the end of the "
		    "file; the file is not used");
		return;
	}
	u = (unsigned char)raw[bad] | (unsigned)(unsigned char)raw[bad + 1] << 8;
	if (u >= 0xD800 && u <= 0xDFFF)
		diag_msg(d, DIAG_ERROR, shown, line, col, "expected UTF-16LE text after the byte "
		    "order mark, found half of a surrogate pair (0x%04X) without the other half; "
		    "the file is not used", u);
	else
		diag_msg(d, DIAG_ERROR, shown, line, col, "expected UTF-16LE text after the byte "
		    "order mark, found the code unit 0x%04X that is not; the file is not used", u);
}

static int
decode_utf16(struct text *t, const char *raw, size_t len, const char *shown, struct diag *d)
{
	size_t bad;

	if (convert(t, "UTF-16LE", raw, len, &bad) == -1) {
		utf16_report(t, raw, len, bad, shown, d);
		text_free(t);
		return -1;
	}
	t->enc = TEXT_UTF16LE;
	if (check_bytes(t->data, t->len, shown, d) == -1) {
		text_free(t);
		return -1;
	}
	return 0;
}

/* Where the bytes given to text_decode_buf live. */
enum text_src {
	TEXT_BORROWED,	/* the caller's: copied when kept */
	TEXT_OWNED,	/* a malloc'd buffer of len + 1 bytes, taken over or freed */
	TEXT_MAPPED	/* a read-only mapping of len bytes with a NUL after them, taken over
			 * or unmapped */
};

static void
text_release(char *start, size_t len, enum text_src src)
{
	if (src == TEXT_OWNED)
		free(start);
	else if (src == TEXT_MAPPED)
		munmap(start, len);
}

static int
text_decode_buf(struct text *t, char *raw, size_t len, enum text_src src, const char *shown,
    struct diag *d)
{
	char *start = raw;
	size_t total = len;
	size_t bad, stop;
	long line, col;
	int rc = -1;

	memset(t, 0, sizeof(*t));
	if (len > TEXT_MAX_BYTES) {
		text_too_large(d, DIAG_ERROR, shown, len);
		goto out;
	}
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
	if (scan_utf8(raw, len, &bad)) {
		if (src == TEXT_OWNED) {
			memmove(start, raw, len);
			start[len] = '\0';
			t->data = start;
			start = NULL;
		} else if (src == TEXT_MAPPED) {
			t->data = raw;
			t->map = start;
			t->maplen = total;
			start = NULL;
		} else
			t->data = xstrndup(raw, len);
		t->len = len;
		rc = 0;
		goto out;
	}
	if (t->enc == TEXT_UTF8_BOM) {
		text_position(raw, bad, &line, &col);
		diag_msg(d, DIAG_ERROR, shown, line, col, "expected UTF-8 text after the UTF-8 "
		    "byte order mark, found the byte 0x%02X that is not; the file is not used",
		    (unsigned char)raw[bad]);
		goto out;
	}
	/* Read as Windows-1252, every byte is one character: the columns count bytes. */
	if (convert(t, "WINDOWS-1252", raw, len, &stop) == -1) {
		text_free(t);
		text_count(raw, stop, 1, &line, &col);
		diag_msg(d, DIAG_ERROR, shown, line, col, "expected UTF-8 or Windows-1252 text, "
		    "found the byte 0x%02X that is neither; the file is not used",
		    (unsigned char)raw[stop]);
		goto out;
	}
	text_count(raw, bad, 1, &line, &col);
	t->enc = TEXT_CP1252;
	diag_msg(d, DIAG_WARNING, shown, line, col, "expected UTF-8, found the byte 0x%02X "
	    "that is not; the file is read as Windows-1252 (ANSI)", (unsigned char)raw[bad]);
	rc = 0;
out:
	if (start != NULL)
		text_release(start, total, src);
	return rc;
}

int
text_decode(struct text *t, const char *raw, size_t len, const char *shown, struct diag *d)
{
	return text_decode_buf(t, (char *)(uintptr_t)raw, len, TEXT_BORROWED, shown, d);
}

/* What a file that is not a regular file is, for messages. */
static const char *
text_kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return "a folder";
	if (S_ISFIFO(mode))
		return "a named pipe (FIFO)";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "a device";
	if (S_ISSOCK(mode))
		return "a socket";
	return "something else";
}

/* Opens path as text_slurp says; the descriptor and its stat in *st, or -1 (-2). */
static int
text_open(const char *path, const char *shown, enum text_quiet quiet, enum diag_level level,
    struct stat *st, struct diag *d)
{
	struct diag *say = quiet == TEXT_QUIET ? NULL : d;
	/* O_NONBLOCK: opening a named pipe would otherwise wait for a writer. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd == -1) {
		if (quiet == TEXT_SAY_ALL)
			diag_msg(d, level, shown, 0, 0, "cannot open the file: %s",
			    strerror(errno));
		return quiet == TEXT_SAY_ALL ? -1 : -2;
	}
	if (fstat(fd, st) == -1) {
		text_say(say, level, shown, 0, 0, "cannot read the file: %s", strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st->st_mode)) {
		text_say(say, level, shown, 0, 0, "expected a regular file, found %s; it is not "
		    "read", text_kind(st->st_mode));
		close(fd);
		return -1;
	}
	if ((uintmax_t)st->st_size > TEXT_MAX_BYTES) {
		text_too_large(say, level, shown, (uintmax_t)st->st_size);
		close(fd);
		return -1;
	}
	return fd;
}

/* Reads what fd holds, at most TEXT_MAX_BYTES (a file may grow while it is read), into
 * *data with a NUL after it. Returns 0, or -1 after a message. */
static int
text_read_fd(int fd, const struct stat *st, const char *shown, enum diag_level level,
    char **data, size_t *len, struct diag *d)
{
	size_t cap = st->st_size > 0 ? (size_t)st->st_size + 1 : 65536, n = 0;
	char *b = xmalloc(cap + 1);
	ssize_t got;

	for (;;) {
		if (n == cap) {
			cap = cap * 2 > TEXT_MAX_BYTES + 1 ? TEXT_MAX_BYTES + 1 : cap * 2;
			b = xrealloc(b, cap + 1);
		}
		if ((got = read(fd, b + n, cap - n)) == 0)
			break;
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			text_say(d, level, shown, 0, 0, "cannot read the file: %s",
			    strerror(errno));
			free(b);
			return -1;
		}
		n += (size_t)got;
		if (n > TEXT_MAX_BYTES) {
			text_too_large(d, level, shown, n);
			free(b);
			return -1;
		}
	}
	b[n] = '\0';
	*data = b;
	*len = n;
	return 0;
}

int
text_slurp(const char *path, const char *shown, enum text_quiet quiet, enum diag_level level,
    char **data, size_t *len, struct diag *d)
{
	struct stat st;
	int fd = text_open(path, shown, quiet, level, &st, d), rc;

	*data = NULL;
	*len = 0;
	if (fd < 0)
		return fd;
	rc = text_read_fd(fd, &st, shown, level, data, len, quiet == TEXT_QUIET ? NULL : d);
	close(fd);
	return rc;
}

int
text_read(struct text *t, const char *path, const char *shown, struct diag *d)
{
	struct stat st;
	size_t len;
	char *data;
	int fd, rc;

	memset(t, 0, sizeof(*t));
	if ((fd = text_open(path, shown, TEXT_SAY_ALL, DIAG_ERROR, &st, d)) < 0)
		return -1;
	if (st.st_size >= (1 << 20) && st.st_size % sysconf(_SC_PAGESIZE) != 0) {
		/* The rest of the last page reads as zero: the mapping ends in a NUL. */
		void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);

		if (p != MAP_FAILED) {
			close(fd);
			posix_madvise(p, (size_t)st.st_size, POSIX_MADV_SEQUENTIAL);
			return text_decode_buf(t, p, (size_t)st.st_size, TEXT_MAPPED, shown, d);
		}
	}
	rc = text_read_fd(fd, &st, shown, DIAG_ERROR, &data, &len, d);
	close(fd);
	if (rc == -1)
		return -1;
	return text_decode_buf(t, data, len, TEXT_OWNED, shown, d);
}
