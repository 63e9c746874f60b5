/*
 * Differential fuzz harness of the CSV reader: the same bytes read by csv_read (quote-free
 * lines split sixteen bytes at a time), by csv_read_plain (every line through libcsv,
 * positions counted as it goes) and by libcsv alone. The first two must give the same
 * records, fields, positions, messages and counts; libcsv alone the same records and
 * fields up to its first error (it stops there, ipkval goes on after the line).
 * The input's first byte chooses the delimiter (';', ',' or TAB).
 */
#include <strings.h>

#include "/usr/include/csv.h"	/* libcsv itself (src/csv.h is ipkval's) */

#include "csv.h"
#include "fuzz.h"

/* Appends one record: its line, then each field with its positions and bytes. */
static int
sink_row(void *arg, const struct csv_field *f, size_t n, long line)
{
	struct buf *b = arg;
	size_t i;

	buf_printf(b, "record %ld:", line);
	for (i = 0; i < n; i++) {
		if (strlen(f[i].s) != f[i].len)
			abort();	/* the length is the string's */
		buf_printf(b, " [%ld:%ld-%ld:%ld %zu:", f[i].line, f[i].col, f[i].eline,
		    f[i].ecol, f[i].len);
		buf_put(b, f[i].s, f[i].len);
		buf_putc(b, ']');
	}
	buf_putc(b, '\n');
	return 0;
}

/* What a reader said: its records, its messages and its counts. */
static void
read_with(int plain, const char *s, size_t len, char delim, struct buf *out)
{
	struct csv_sink sink = { sink_row, out, NULL };
	struct csv_result res;
	struct diag d;
	char *said = NULL;
	size_t saidlen = 0;
	FILE *f = open_memstream(&said, &saidlen);

	if (f == NULL)
		abort();
	diag_init(&d, f);
	if ((plain ? csv_read_plain : csv_read)(s, len, delim, "x.csv", &sink, &d, &res) != 0)
		abort();
	diag_free(&d);
	fclose(f);
	buf_printf(out, "bad %lu stopped %d\n%s", res.rows_bad, res.stopped, said);
	free(said);
}

/* libcsv alone: its fields and records, up to its first error. */
struct raw {
	struct buf	 b;
	size_t		 nfields;
	size_t		 records;
};

static void
raw_field(void *s, size_t len, void *arg)
{
	struct raw *r = arg;

	buf_printf(&r->b, " [%zu:", len);
	buf_put(&r->b, s, len);
	buf_putc(&r->b, ']');
	r->nfields++;
}

static void
raw_record(int c, void *arg)
{
	struct raw *r = arg;

	(void)c;
	buf_putc(&r->b, '\n');
	r->nfields = 0;
	r->records++;
}

static int
raw_space(unsigned char c)
{
	return c == ' ';
}

/* The fields of every record csv_read gave, in libcsv's form, from its output. */
static void
fields_of(const char *records, struct buf *out)
{
	const char *p = records, *q;

	while ((p = strstr(p, "record ")) != NULL) {
		p = strchr(p, ':') + 1;
		while (*p == ' ' && p[1] == '[') {
			size_t len;

			q = strchr(p, ' ' ) + 1;	/* after "[l:c-l:c" */
			q = strchr(q, ' ') + 1;
			len = strtoul(q, (char **)&q, 10);
			buf_printf(out, " [%zu:", len);
			buf_put(out, q + 1, len);
			buf_putc(out, ']');
			p = q + 1 + len + 1;
		}
		buf_putc(out, '\n');
	}
}

FUZZ_START_ONLY

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char delims[] = { ';', ',', '\t' };
	char delim = size > 0 ? delims[data[0] % 3] : ';';
	char *s = size > 0 ? xstrndup((const char *)data + 1, size - 1) : xstrdup("");
	size_t len = strlen(s);
	struct buf fast, plain, mine;
	struct csv_parser p;
	struct raw r;

	buf_init(&fast);
	buf_init(&plain);
	read_with(0, s, len, delim, &fast);
	read_with(1, s, len, delim, &plain);
	if (strcmp(fast.data, plain.data) != 0) {
		fprintf(stderr, "csv_read:\n%s\ncsv_read_plain:\n%s\n", fast.data, plain.data);
		abort();
	}
	/* libcsv alone, on text without Excel's "sep=" line (ipkval skips it). */
	if (strncasecmp(s, "sep=", 4) != 0) {
		memset(&r, 0, sizeof(r));
		buf_init(&r.b);
		buf_init(&mine);
		if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
			abort();
		csv_set_delim(&p, (unsigned char)delim);
		if (delim == '\t')
			csv_set_space_func(&p, raw_space);
		if (csv_parse(&p, s, len, raw_field, raw_record, &r) == len &&
		    csv_fini(&p, raw_field, raw_record, &r) == 0) {
			/* No error: every record the same, and no error said. */
			fields_of(plain.data, &mine);
			if (strcmp(mine.data != NULL ? mine.data : "",
			    r.b.data != NULL ? r.b.data : "") != 0 ||
			    strstr(plain.data, "bad 0 ") == NULL) {
				fprintf(stderr, "ipkval:\n%s\nlibcsv:\n%s\n", mine.data, r.b.data);
				abort();
			}
		}
		csv_free(&p);
		buf_free(&r.b);
		buf_free(&mine);
	}
	buf_free(&fast);
	buf_free(&plain);
	free(s);
	return 0;
}
