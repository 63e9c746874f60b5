/*
 * Reading the definition files of indicators/ (see ind_read.h): whole files as UTF-8,
 * their lines, their words, and messages that show the line with a caret.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ind_read.h"
#include "text.h"
#include "util.h"

char *
ind_read_file(const char *path, size_t *len, struct diag *d)
{
	size_t n, bad, off = 0;
	char *b, *text;

	switch (text_slurp(path, path, TEXT_QUIET_OPEN, DIAG_ERROR, &b, &n, d)) {
	case -2:
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot be read: %s", strerror(errno));
		return NULL;
	case -1:
		return NULL;
	}
	if (!utf8_valid((const unsigned char *)b, n, &bad) || (bad = strlen(b)) < n) {
		long line = 1;
		const char *ls = b, *p;

		for (p = b; p < b + bad; p++)
			if (*p == '\n')
				line++, ls = p + 1;
		diag_msg(d, DIAG_ERROR, path, line, (long)utf8_len(ls, (size_t)(b + bad - ls)) + 1,
		    "expected UTF-8 text, found a byte that is not (save the file as UTF-8)");
		free(b);
		return NULL;
	}
	if (n >= 3 && memcmp(b, "\xef\xbb\xbf", 3) == 0)
		off = 3;
	*len = n - off;
	text = xstrndup(b + off, *len);
	free(b);
	return text;
}

const struct ind_word *
ind_word_find(const struct ind_word *words, const char *s, size_t len)
{
	for (; words->w != NULL; words++)
		if (strlen(words->w) == len && strncasecmp(words->w, s, len) == 0)
			return words;
	return NULL;
}

const char *
ind_next_line(const char *text, size_t len, size_t *pos, size_t *llen)
{
	const char *l = text + *pos, *nl;

	if (*pos >= len)
		return NULL;
	if ((nl = memchr(l, '\n', len - *pos)) == NULL)
		nl = text + len;
	*llen = (size_t)(nl - l);
	*pos += *llen + 1;
	if (*llen > 0 && l[*llen - 1] == '\r')
		(*llen)--;
	return l;
}

void
ind_vcaret(struct diag *d, enum diag_level level, const char *path, long line,
    const char *l, size_t llen, size_t off, size_t len, const char *fmt, va_list ap)
{
	struct buf m;
	size_t i, from = 0, to = llen, end;
	const char *pre = "", *post = "";
	long col;

	if (off > llen)
		off = llen;
	if (len == 0 || off + len > llen)
		len = off < llen ? llen - off : 1;
	col = (long)utf8_len(l, off) + 1;
	/* A long line is shown around the span: IND_CARET_AROUND bytes on either side
	 * (whole characters), the rest as "...". */
	if (off > IND_CARET_AROUND) {
		for (from = off - IND_CARET_AROUND; from < off &&
		    ((unsigned char)l[from] & 0xc0) == 0x80; from++)
			;
		pre = "...";
	}
	if (len > IND_CARET_AROUND)
		len = IND_CARET_AROUND;
	end = off + len < llen ? off + len : llen;
	if (llen - end > IND_CARET_AROUND) {
		for (to = end + IND_CARET_AROUND; to > end &&
		    ((unsigned char)l[to] & 0xc0) == 0x80; to--)
			;
		post = "...";
	}
	buf_init(&m);
	buf_vprintf(&m, fmt, ap);
	buf_printf(&m, "\n    %s", pre);
	buf_put(&m, l + from, to - from);
	buf_printf(&m, "%s\n    %s", post, *pre != '\0' ? "   " : "");
	for (i = from; i < off; i++)
		if (l[i] == '\t')
			buf_putc(&m, '\t');
		else if (((unsigned char)l[i] & 0xc0) != 0x80)
			buf_putc(&m, ' ');
	buf_putc(&m, '^');
	for (i = off + 1; i < off + len && i < llen; i++)
		if (((unsigned char)l[i] & 0xc0) != 0x80)
			buf_putc(&m, '^');
	diag_msg(d, level, path, line, col, "%s", m.data);
	buf_free(&m);
}

void
ind_caret(struct diag *d, enum diag_level level, const char *path, long line,
    const char *l, size_t llen, size_t off, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ind_vcaret(d, level, path, line, l, llen, off, len, fmt, ap);
	va_end(ap);
}
