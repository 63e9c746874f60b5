/*
 * Positioned CSV reading (see csv.h). libcsv gives no positions, so the text is fed in
 * segments that end at each special byte (delimiter, quote, CR, LF): a callback that fires
 * was caused by the last byte fed, and the field that ended began where the segment after
 * the previous field end began. Lines and columns are counted while scanning, as an editor
 * counts them: libcsv ends a record at a lone CR (old Mac files), so a lone CR ends a line
 * here too. A line without quote marks (nearly every line of an export) is split here in
 * one scan instead, sixteen bytes at a time with SSE2 (make bench: about a tenth of the
 * reading time of a million rows), with the fields libcsv would give it; csv_read_plain
 * reads every line through libcsv, and tests/fuzz/csv_diff.c holds the two to the same
 * records, positions and messages.
 */
#include <csv.h>
#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "util.h"

struct csv_state {
	const struct csv_sink	*sink;
	struct buf		 text;		/* the fields of the current record */
	struct csv_field	*fields;	/* s holds an offset into text until the row ends */
	size_t			 nfields, capfields;
	long			 start_line, start_col;	/* where the open field began; 0: not yet */
	long			 at_line, at_col;	/* where the last byte fed is */
	int			 after_record;
	int			 stopped;
	char			 delim;
};

static int
csv_is_space(unsigned char c)
{
	return c == ' ';
}

static void
csv_on_field(void *s, size_t len, void *arg)
{
	struct csv_state *st = arg;
	struct csv_field *f;
	struct buf *b = &st->text;

	if (st->nfields >= st->capfields)
		st->fields = xgrow(st->fields, &st->capfields, st->nfields, sizeof(*st->fields));
	f = &st->fields[st->nfields++];
	f->s = (const char *)(uintptr_t)b->len;
	f->len = len;
	f->line = st->start_line;
	f->col = st->start_col;
	f->eline = st->at_line;
	f->ecol = st->at_col;
	if (b->len + len + 2 > b->cap)
		b->data = xgrow(b->data, &b->cap, b->len + len + 2, 1);
	if (len > 0)
		memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len++] = '\0';
	st->start_line = 0;
}

static void
csv_on_record(int c, void *arg)
{
	struct csv_state *st = arg;
	size_t i;
	long line;

	(void)c;
	st->after_record = 1;
	st->start_line = 0;
	if (st->nfields == 0 || st->stopped)
		goto out;
	for (i = 0; i < st->nfields; i++)
		st->fields[i].s = st->text.data + (uintptr_t)st->fields[i].s;
	line = st->fields[0].line;
	if (st->sink->row(st->sink->arg, st->fields, st->nfields, line) != 0)
		st->stopped = 1;
out:
	st->nfields = 0;
	buf_reset(&st->text);
}

/* 1 when s[i] ends a line: LF, or a CR that no LF follows. */
static int
csv_ends_line(const char *s, size_t i, size_t len)
{
	return s[i] == '\n' || (s[i] == '\r' && (i + 1 >= len || s[i + 1] != '\n'));
}

/* The length of Excel's "sep=X" first line with its line end when s begins with one that
 * names delim, else 0. */
static size_t
csv_sep_line(const char *s, size_t len, char delim)
{
	if (len < 5 || strncasecmp(s, "sep=", 4) != 0 || s[4] != delim)
		return 0;
	if (len == 5)
		return 5;
	if (s[5] == '\n')
		return 6;
	if (s[5] == '\r')
		return len > 6 && s[6] == '\n' ? 7 : 6;
	return 0;
}

char
csv_detect_delim(const char *s, size_t len)
{
	static const char delims[] = { ';', ',', '\t' };
	size_t i = 0, k, semi = 0, tab = 0, comma = 0;
	int quoted = 0;

	for (k = 0; k < sizeof(delims); k++)
		if (csv_sep_line(s, len, delims[k]) > 0)
			return delims[k];
	/* The header line is the first that holds more than spaces and delimiters (blank
	 * lines and Excel's empty rows ";;;;" come before it in some exports). */
	for (k = 0; k < len && s[k] != '\0' && strchr(" \t;,\r\n", s[k]) != NULL; k++)
		if (s[k] == '\r' || s[k] == '\n')
			i = k + 1;
	for (; i < len && (quoted || (s[i] != '\n' && s[i] != '\r')); i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && s[i] == ';')
			semi++;
		else if (!quoted && s[i] == '\t')
			tab++;
		else if (!quoted && s[i] == ',')
			comma++;
	}
	if (tab > semi && tab >= comma)
		return '\t';
	if (comma > semi)
		return ',';
	return ';';
}

/* Says what is wrong at s[off], which is at (line, col): counted by the caller from a
 * known position, never from the start of the text (a file of many bad rows would cost
 * the square of its size). */
static void
csv_report(const char *s, size_t off, size_t len, long line, long col, const char *shown,
    struct diag *d)
{
	if (off < len && s[off] == '"')
		diag_msg(d, DIAG_ERROR, shown, line, col, "expected a field that begins with a "
		    "quote mark to hold quote marks, found one inside an unquoted field (quote "
		    "the whole field and double the quote mark); the row is left out");
	else if (off < len)
		diag_msg(d, DIAG_ERROR, shown, line, col, "expected the delimiter or the end of "
		    "the line after a closing quote mark, found other text; the row is left out");
	else
		diag_msg(d, DIAG_ERROR, shown, line, col, "expected the end of a quoted field, "
		    "found the end of the file; the row is left out");
}

/* Where the next record begins after a parse error at off: after the next line end. */
static size_t
csv_skip_line(const char *s, size_t off, size_t len)
{
	for (; off < len; off++)
		if (csv_ends_line(s, off, len))
			return off + 1;
	return len;
}

/* The first step by which libcsv grows a field's buffer. */
#define CSV_BLOCK	4096

/* A byte that trims away around unquoted values, as libcsv has it: space, and TAB unless
 * TAB is the delimiter. */
static int
csv_trims(unsigned char c, char delim)
{
	return c == ' ' || (c == '\t' && delim != '\t');
}

static int
csv_setup(struct csv_parser *p, char delim)
{
	if (csv_init(p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return -1;
	csv_set_delim(p, (unsigned char)delim);
	/* libcsv grows a field's buffer by this much at a time; csv_read makes the step as
	 * large as the buffer, so that a field of megabytes is not copied thousands of times. */
	csv_set_blk_size(p, CSV_BLOCK);
	/* libcsv trims spaces and TABs around unquoted values; a TAB is a delimiter here. */
	if (delim == '\t')
		csv_set_space_func(p, csv_is_space);
	return 0;
}

/* Resolves where the open field begins when the segment at (line, col) starts one. */
static void
csv_mark_start(struct csv_state *st, const char *seg, size_t n, long line, long col)
{
	size_t i;

	if (st->start_line != 0)
		return;
	if (st->after_record) {
		/* Between records libcsv skips line ends and lines of spaces: no field begins
		 * in such a segment, and the next record's first field begins after it. */
		for (i = 0; i < n && csv_trims((unsigned char)seg[i], st->delim); i++)
			;
		if (i == n || (i == n - 1 && (seg[i] == '\r' || seg[i] == '\n')))
			return;
	}
	st->start_line = line;
	st->start_col = col;
	st->after_record = 0;
}

/* Byte classes for the scan: ordinary (a new column), UTF-8 continuation, special. */
enum { CSV_ORD, CSV_CONT, CSV_SPECIAL };

static void
csv_classes(unsigned char cls[256], char delim)
{
	int c;

	for (c = 0; c < 256; c++)
		cls[c] = (c & 0xC0) == 0x80 ? CSV_CONT : CSV_ORD;
	cls[(unsigned char)delim] = cls['"'] = cls['\r'] = cls['\n'] = CSV_SPECIAL;
}

/* Moves the line and column count over s[from, to) of the len bytes at s. */
static void
csv_advance(const char *s, size_t from, size_t to, size_t len, long *line, long *col)
{
	for (; from < to; from++) {
		unsigned char c = (unsigned char)s[from];

		if (csv_ends_line(s, from, len)) {
			(*line)++;
			*col = 1;
		} else if ((c & 0xC0) != 0x80 && c != '\r')
			(*col)++;
	}
}

/* After a parse error at off, at (line, col): reports it, resets the parser and returns
 * where reading goes on (after the next line end), or (size_t)-1 when the parser cannot
 * be set up. */
static size_t
csv_recover(struct csv_parser *p, struct csv_state *st, const char *s, size_t off,
    size_t len, long line, long col, char delim, const char *shown, struct diag *d)
{
	csv_report(s, off, len, line, col, shown, d);
	csv_free(p);
	st->nfields = 0;
	buf_reset(&st->text);
	st->start_line = 0;
	st->after_record = 1;
	if (csv_setup(p, delim) == -1)
		return (size_t)-1;
	return csv_skip_line(s, off, len);
}

/* Makes field k of a copied line hold s[from, to): trimmed as libcsv would, NUL-terminated
 * in place. */
static void
csv_split_field(struct csv_field *f, char *s, size_t from, size_t to, char delim)
{
	size_t a = from, b = to;

	while (a < b && csv_trims((unsigned char)s[a], delim))
		a++;
	while (b > a && csv_trims((unsigned char)s[b - 1], delim))
		b--;
	s[b] = '\0';
	f->s = s + a;
	f->len = b - a;
}

/* Notes that a field of the line being scanned begins at offset `off`, column col. */
static void
csv_split_begin(struct csv_state *st, size_t off, long line, long col)
{
	struct csv_field *f;

	if (st->nfields >= st->capfields)
		st->fields = xgrow(st->fields, &st->capfields, st->nfields, sizeof(*st->fields));
	f = &st->fields[st->nfields++];
	f->len = off;	/* the offset, until the line is copied */
	f->line = f->eline = line;
	f->col = col;
}

/* The number of bits set in x (nearly always 0: a UTF-8 continuation byte). */
static unsigned
csv_popcount(unsigned x)
{
	return x == 0 ? 0 : (unsigned)__builtin_popcount(x);
}

/* Bit masks of the n bytes at s (n <= 16): the special bytes (delimiter, quote, CR, LF)
 * in *spec, the UTF-8 continuation bytes in *cont. */
static void
csv_masks(const unsigned char cls[256], char delim, const char *s, size_t n, unsigned *spec,
    unsigned *cont)
{
	size_t i;

#ifdef __SSE2__
	if (n == 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
		__m128i a = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(delim)),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
		__m128i b = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));

		*spec = (unsigned)_mm_movemask_epi8(_mm_or_si128(a, b));
		/* 0x80-0xBF are the signed bytes below -64. */
		*cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
		return;
	}
#else
	(void)delim;
#endif
	*spec = *cont = 0;
	for (i = 0; i < n; i++) {
		unsigned char k = cls[(unsigned char)s[i]];

		*spec |= (unsigned)(k == CSV_SPECIAL) << i;
		*cont |= (unsigned)(k == CSV_CONT) << i;
	}
}

/* Reads one whole line that holds no quote, when the parser is at the start of a record,
 * without libcsv: the same fields (split at the delimiter, spaces trimmed), a blank line
 * skipped as libcsv skips it, the record passed on. The line ends at LF, CRLF or a lone
 * CR, as libcsv ends a record there. The line is scanned 16 bytes at a time. Returns the
 * bytes read, or 0 when the line needs the positioned path (nothing passed on then). */
static size_t
csv_fast_line(struct csv_state *st, const unsigned char cls[256], const char *s, size_t len,
    long line)
{
	size_t i = 0, k, n = len, end = len, next, w, at;
	unsigned spec, cont, p;
	long col = 1, here;	/* col: the column of s[i] */
	char *t;

	st->nfields = 0;
	csv_split_begin(st, 0, line, 1);
	while (i < len) {
		w = len - i < 16 ? len - i : 16;
		csv_masks(cls, st->delim, s + i, w, &spec, &cont);
		for (; spec != 0; spec &= spec - 1) {
			p = (unsigned)__builtin_ctz(spec);
			at = i + p;
			here = col + (long)p - (long)csv_popcount(cont & ((1u << p) - 1));
			st->fields[st->nfields - 1].ecol = here;
			if (s[at] == st->delim) {
				csv_split_begin(st, at + 1, line, here + 1);
				continue;
			}
			if (s[at] == '\n' || s[at] == '\r') {
				end = at;
				n = at + (s[at] == '\r' && at + 1 < len && s[at + 1] == '\n' ? 2 : 1);
				goto split;
			}
			st->nfields = 0;	/* a quote */
			return 0;
		}
		col += (long)w - (long)csv_popcount(cont);
		i += w;
	}
	st->fields[st->nfields - 1].ecol = col;
split:
	buf_reset(&st->text);
	if (st->text.cap < end + 1)
		st->text.data = xgrow(st->text.data, &st->text.cap, end, 1);
	t = st->text.data;
	memcpy(t, s, end);
	t[end] = '\0';
	for (k = 0; k < st->nfields; k++) {
		next = k + 1 < st->nfields ? st->fields[k + 1].len - 1 : end;
		csv_split_field(&st->fields[k], t, st->fields[k].len, next, st->delim);
	}
	if (st->sink->ahead != NULL && n < len)
		st->sink->ahead(st->sink->arg, s + n, len - n);
	if (st->nfields == 1 && st->fields[0].len == 0)
		st->nfields = 0;	/* a blank line: no record, as in libcsv */
	else if (st->sink->row(st->sink->arg, st->fields, st->nfields, line) != 0)
		st->stopped = 1;
	st->nfields = 0;
	return n;
}

/* csv_read, with the quote-free lines split here (`fast`) or every line through libcsv. */
static int
csv_read_lines(const char *s, size_t len, char delim, const char *shown,
    const struct csv_sink *sink, struct diag *d, struct csv_result *res, int fast)
{
	struct csv_parser p;
	struct csv_state st;
	size_t i, seg, n, got, next;
	long line = 1, col = 1;
	long seg_line, seg_col;
	unsigned char cls[256];

	memset(res, 0, sizeof(*res));
	memset(&st, 0, sizeof(st));
	st.sink = sink;
	st.after_record = 1;
	st.delim = delim;
	buf_init(&st.text);
	csv_classes(cls, delim);
	if (csv_setup(&p, delim) == -1)
		return -1;
	/* Excel's "sep=;" line names the delimiter and is no record. */
	seg = csv_sep_line(s, len, delim);
	csv_advance(s, 0, seg, len, &line, &col);
	seg_line = line;
	seg_col = col;
	while (seg < len && !st.stopped) {
		if (fast && (seg == 0 || csv_ends_line(s, seg - 1, len)) && st.nfields == 0 &&
		    st.start_line == 0 &&
		    (n = csv_fast_line(&st, cls, s + seg, len - seg, line)) > 0) {
			st.after_record = 1;
			seg += n;
			if (s[seg - 1] == '\n' || s[seg - 1] == '\r')
				line++;
			seg_line = line;
			seg_col = col = 1;
			continue;
		}
		for (i = seg; i < len; i++) {
			unsigned char k = cls[(unsigned char)s[i]];

			if (k == CSV_SPECIAL)
				break;
			if (k == CSV_ORD)
				col++;
		}
		/* s[i] is special (or the end): feed s[seg..i]. */
		n = (i < len ? i + 1 : len) - seg;
		csv_mark_start(&st, s + seg, n, seg_line, seg_col);
		st.at_line = line;
		st.at_col = col;
		if (csv_get_buffer_size(&p) > CSV_BLOCK)
			csv_set_blk_size(&p, csv_get_buffer_size(&p));
		got = csv_parse(&p, s + seg, n, csv_on_field, csv_on_record, &st);
		if (got != n) {
			res->rows_bad++;
			line = seg_line;
			col = seg_col;
			csv_advance(s, seg, seg + got, len, &line, &col);
			next = csv_recover(&p, &st, s, seg + got, len, line, col, delim, shown, d);
			if (next == (size_t)-1)
				goto fail;
			csv_advance(s, seg + got, next, len, &line, &col);
			seg = next;
			seg_line = line;
			seg_col = col;
			continue;
		}
		if (i < len && csv_ends_line(s, i, len)) {
			line++;
			col = 1;
		} else if (i < len && s[i] != '\r')
			col++;
		seg += n;
		seg_line = line;
		seg_col = col;
	}
	/* A last field that is empty (after a delimiter at the end of the text) begins and
	 * ends where the text ends. */
	if (st.start_line == 0 && st.nfields > 0) {
		st.start_line = line;
		st.start_col = col;
	}
	st.at_line = line;
	st.at_col = col;
	if (!st.stopped && csv_fini(&p, csv_on_field, csv_on_record, &st) != 0) {
		diag_msg(d, DIAG_ERROR, shown, st.start_line, st.start_col, "expected a closing "
		    "quote mark for the field that begins here, found the end of the file; the "
		    "row is left out");
		res->rows_bad++;
	}
	res->stopped = st.stopped;
	csv_free(&p);
	buf_free(&st.text);
	free(st.fields);
	return 0;
fail:
	buf_free(&st.text);
	free(st.fields);
	return -1;
}

int
csv_read(const char *s, size_t len, char delim, const char *shown,
    const struct csv_sink *sink, struct diag *d, struct csv_result *res)
{
	return csv_read_lines(s, len, delim, shown, sink, d, res, 1);
}

int
csv_read_plain(const char *s, size_t len, char delim, const char *shown,
    const struct csv_sink *sink, struct diag *d, struct csv_result *res)
{
	return csv_read_lines(s, len, delim, shown, sink, d, res, 0);
}
