/*
 * Reading one input file (see load_file.h).
 */
#include <stdlib.h>
#include <string.h>

#include "load_file.h"
#include "load_header.h"
#include "load_rows.h"
#include "text.h"

static const struct csv_field load_empty = { "", 0, 0, 0, 0, 0 };

const struct csv_field *
load_get(const struct load_file *lf, const struct csv_field *f, size_t n, size_t name)
{
	int i = lf->pos[name];

	if (i < 0 || (size_t)i >= n)
		return &load_empty;
	return &f[i];
}

/* Checks the field count of a row against the header; 0, or -1 after a row error. */
static int
load_ragged(struct load_file *lf, const struct csv_field *f, size_t n)
{
	size_t i;

	if (n > lf->nheader) {
		for (i = lf->nheader; i < n; i++)
			if (f[i].len > 0)
				break;
		if (i == n)
			return 0;
		diag_msg(lf->ctx->d, DIAG_ERROR, lf->shown, f[i].line, f[i].col, "expected %zu "
		    "fields as in the header line, found %zu (a delimiter inside an unquoted "
		    "value?); the row is left out", lf->nheader, n);
		return -1;
	}
	if (n < lf->nheader) {
		/* Said where the row ends, where the missing fields would be. */
		diag_msg(lf->ctx->d, DIAG_ERROR, lf->shown, f[n - 1].eline, f[n - 1].ecol,
		    "expected %zu fields as in the header line, found %zu; the row is left out",
		    lf->nheader, n);
		return -1;
	}
	return 0;
}

/* 1 when every field of a record is empty: a line of spaces, or of delimiters only, as
 * Excel writes for rows that were formatted but left empty. */
static int
load_blank(const struct csv_field *f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (f[i].len > 0)
			return 0;
	return 1;
}

static int
load_on_row(void *arg, const struct csv_field *f, size_t n, long line)
{
	struct load_file *lf = arg;
	int rc;

	/* No data: the header is the first line with a name, and an empty row is no row. */
	if (load_blank(f, n))
		return 0;
	if (!lf->header_done)
		return load_header(lf, f, n, line);
	lf->src->rows_read++;
	if (load_ragged(lf, f, n) == -1) {
		lf->src->rows_left_out++;
		return 0;
	}
	rc = load_row(lf, f, n, line);
	if (rc == 0)
		lf->src->rows_used++;
	else
		lf->src->rows_left_out++;
	return 0;
}

/* Starts fetching the id-table slot of the next line's plan_id, when plan_id is the first
 * column (a hint: a wrong guess costs one fetch). */
static void
load_ahead(void *arg, const char *next, size_t len)
{
	struct load_file *lf = arg;
	size_t a = 0, b;
	struct plan_key h;

	if (lf->kind != LOAD_PLANS || lf->ids.cap == 0 || lf->pos[P_ID] != 0)
		return;
	if (len > 64)
		len = 64;
	while (a < len && (next[a] == ' ' || next[a] == '\t'))
		a++;
	for (b = a; b < len && next[b] != ';' && next[b] != ',' && next[b] != '\t' &&
	    next[b] != '\n' && next[b] != '\r' && next[b] != '"'; b++)
		;
	while (b > a && next[b - 1] == ' ')
		b--;
	if (b == a || b == len)
		return;
	h = plan_key(next + a, b - a);
	plan_ids_prefetch(&lf->ids, h);
}

void
load_file_init(struct load_file *lf, struct load_ctx *c, enum load_kind kind,
    const char *shown, struct source *src, const char *const *names, const int *required,
    size_t nnames)
{
	size_t i;

	memset(lf, 0, sizeof(*lf));
	lf->ctx = c;
	lf->kind = kind;
	lf->shown = shown;
	lf->src = src;
	lf->names = names;
	lf->required = required;
	lf->nnames = nnames;
	lf->pos = xmalloc(nnames * sizeof(*lf->pos));
	for (i = 0; i < nnames; i++)
		lf->pos[i] = -1;
	buf_init(&lf->scratch);
}

void
load_file_free(struct load_file *lf)
{
	free(lf->pos);
	free(lf->row);
	free(lf->seen);
	plan_ids_free(&lf->ids);
	buf_free(&lf->scratch);
}

/* Reads the decoded text t into lf and frees it. Returns 0, or -1 when the file is not
 * used. */
static int
load_read_text(struct load_file *lf, struct text *t)
{
	struct diag *d = lf->ctx->d;
	struct csv_sink sink = { load_on_row, lf, load_ahead };
	struct csv_result res;
	long off, line, col;

	if ((off = field_find_fnr(t->data, t->len)) >= 0) {
		text_position(t->data, (size_t)off, &line, &col);
		diag_msg(d, DIAG_ERROR, lf->shown, line, col, "expected no national identity "
		    "numbers in the exports, found a national identity number (fødselsnummer) "
		    "here; the file is not used");
		text_free(t);
		return -1;
	}
	plan_ids_expect(&lf->ids, t->len);
	if (csv_read(t->data, t->len, csv_detect_delim(t->data, t->len), lf->shown, &sink, d,
	    &res) == -1) {
		diag_msg(d, DIAG_ERROR, lf->shown, 0, 0, "the CSV reader could not be set up; "
		    "the file is not used");
		text_free(t);
		return -1;
	}
	text_free(t);
	lf->src->rows_read += res.rows_bad;
	lf->src->rows_left_out += res.rows_bad;
	if (lf->refused)
		return -1;
	if (!lf->header_done) {
		diag_msg(d, DIAG_ERROR, lf->shown, 0, 0, "expected a header line, found an "
		    "empty file; the file is not used");
		return -1;
	}
	if (lf->src->rows_read == 0)
		diag_msg(d, DIAG_WARNING, lf->shown, 0, 0, "expected rows after the header "
		    "line, found none");
	return 0;
}

/* What every reading ends with: a file not used is marked so, and what was said about it
 * is counted and flushed. */
static int
load_done(struct load_file *lf, int rc, unsigned long warnings)
{
	struct diag *d = lf->ctx->d;

	if (rc == -1) {
		lf->src->refused = 1;
		lf->src->rows_left_out = lf->src->rows_read;
		lf->src->rows_used = 0;
	}
	lf->src->warnings = d->count[DIAG_WARNING] - warnings;
	diag_flush(d);
	return rc;
}

int
load_read(struct load_file *lf, const char *path)
{
	unsigned long warnings = lf->ctx->d->count[DIAG_WARNING];
	struct text t;
	int rc = -1;

	if (text_read(&t, path, lf->shown, lf->ctx->d) == 0)
		rc = load_read_text(lf, &t);
	return load_done(lf, rc, warnings);
}

int
load_read_bytes(struct load_file *lf, const char *raw, size_t len)
{
	unsigned long warnings = lf->ctx->d->count[DIAG_WARNING];
	struct text t;
	int rc = -1;

	if (text_decode(&t, raw, len, lf->shown, lf->ctx->d) == 0)
		rc = load_read_text(lf, &t);
	return load_done(lf, rc, warnings);
}
