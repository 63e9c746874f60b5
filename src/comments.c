/*
 * comments.c: reads the municipalities' own comments (comments.h): the sections of
 * indicators/kommentarer.txt, then kommentarer.csv through text.c (BOM, UTF-16LE,
 * Windows-1252) and csv.c (positioned fields, the delimiter detected), each row checked
 * and every problem said at file:line:column.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "comments.h"
#include "csv.h"
#include "field.h"
#include "indicator.h"
#include "ind_read.h"
#include "kommunenr.h"
#include "text.h"
#include "util.h"

/* ---- indicators/kommentarer.txt ---- */

/* `avsnitt = ID | bokmål name | nynorsk name`: splits the value at '|'. */
static int
sections_line(struct comments *c, const char *path, long lno, const char *l, size_t llen,
    const struct kv_span *kv, struct diag *d)
{
	struct comment_section *s;
	size_t p = kv->vs, part[3][2], n = 0, i;

	while (n < 3) {
		size_t a = p, b;

		while (p < kv->ve && l[p] != '|')
			p++;
		b = p;
		while (a < b && (l[a] == ' ' || l[a] == '\t'))
			a++;
		while (b > a && (l[b - 1] == ' ' || l[b - 1] == '\t'))
			b--;
		part[n][0] = a;
		part[n][1] = b;
		n++;
		if (p >= kv->ve)
			break;
		p++;
	}
	for (i = 0; i < n && part[i][1] > part[i][0]; i++)
		;
	if (n != 3 || i != 3 || p < kv->ve) {
		ind_caret(d, DIAG_ERROR, path, lno, l, llen, kv->vs, kv->ve - kv->vs,
		    "expected ID | bokmål name | nynorsk name, found '%.*s'",
		    (int)(kv->ve - kv->vs), l + kv->vs);
		return -1;
	}
	for (i = 0; i < c->nsections; i++)
		if (strlen(c->sections[i].id) == part[0][1] - part[0][0] &&
		    strncmp(c->sections[i].id, l + part[0][0], part[0][1] - part[0][0]) == 0) {
			ind_caret(d, DIAG_ERROR, path, lno, l, llen, part[0][0],
			    part[0][1] - part[0][0], "expected a section once, found '%s' again",
			    c->sections[i].id);
			return -1;
		}
	c->sections = xrealloc(c->sections, (c->nsections + 1) * sizeof(*c->sections));
	s = &c->sections[c->nsections++];
	s->id = xstrndup(l + part[0][0], part[0][1] - part[0][0]);
	s->name[LANG_NB] = xstrndup(l + part[1][0], part[1][1] - part[1][0]);
	s->name[LANG_NN] = xstrndup(l + part[2][0], part[2][1] - part[2][0]);
	return 0;
}

static int
max_line(struct comments *c, const char *path, long lno, const char *l, size_t llen,
    const struct kv_span *kv, struct diag *d)
{
	char *end, *v = xstrndup(l + kv->vs, kv->ve - kv->vs);
	long n = strtol(v, &end, 10);
	int bad = end == v || *end != '\0' || n < 1 || n > COMMENTS_MAX_CHARS_HI;

	free(v);
	if (bad) {
		ind_caret(d, DIAG_ERROR, path, lno, l, llen, kv->vs, kv->ve - kv->vs,
		    "expected a number of characters from 1 to %d, found '%.*s'",
		    COMMENTS_MAX_CHARS_HI, (int)(kv->ve - kv->vs), l + kv->vs);
		return -1;
	}
	c->max_chars = (size_t)n;
	return 0;
}

/* Returns 0, or -1 after a message (the file cannot be used). */
static int
sections_load(struct comments *c, const char *dir, struct diag *d)
{
	char *path = xasprintf("%s/kommentarer.txt", dir), *text;
	const char *l;
	size_t len, pos = 0, llen;
	struct kv_span kv;
	long lno = 0;
	int bad = 0, r;

	c->max_chars = COMMENTS_MAX_CHARS;
	if ((text = ind_read_file(path, &len, d)) == NULL) {
		free(path);
		return -1;
	}
	while ((l = ind_next_line(text, len, &pos, &llen)) != NULL) {
		lno++;
		if ((r = kv_split(l, llen, &kv)) == 0)
			continue;
		if (r < 0) {
			ind_caret(d, DIAG_ERROR, path, lno, l, llen, kv.ks, kv.ke - kv.ks,
			    "expected key = value, found no '='");
			bad = 1;
		} else if (kv.ke - kv.ks == 7 && strncmp(l + kv.ks, "avsnitt", 7) == 0)
			bad |= sections_line(c, path, lno, l, llen, &kv, d) != 0;
		else if (kv.ke - kv.ks == 9 && strncmp(l + kv.ks, "maks_tegn", 9) == 0)
			bad |= max_line(c, path, lno, l, llen, &kv, d) != 0;
		else {
			ind_caret(d, DIAG_ERROR, path, lno, l, llen, kv.ks, kv.ke - kv.ks,
			    "expected avsnitt or maks_tegn, found '%.*s'", (int)(kv.ke - kv.ks),
			    l + kv.ks);
			bad = 1;
		}
	}
	if (!bad && c->nsections == 0) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "expected at least one avsnitt, found none");
		bad = 1;
	}
	free(text);
	free(path);
	return bad ? -1 : 0;
}

/* ---- kommentarer.csv ---- */

enum { COL_KOMMUNENR, COL_AVSNITT, COL_TEKST, NCOLS };
static const char *const col_names[NCOLS] = { "kommunenr", "avsnitt", "tekst" };

struct reader {
	struct comments		*c;
	const struct kommune_register *reg;
	struct kommunenr_map	 map;
	size_t			 cap;		/* of c->v */
	struct diag		*d;
	int			 col[NCOLS];	/* field index of each column */
	size_t			 ncols;		/* fields in the header */
	int			 header_done, unusable;
	long			*seen;		/* [kommune * nsections + section]: line */
	struct buf		 fold;
};

/* The folded text of b ("" when folding left nothing). */
static const char *
folded(const struct buf *b)
{
	return b->data != NULL ? b->data : "";
}

/* The file's name as it is in the folder (any case), or NULL. */
static char *
find_file(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	char *name = NULL;

	if (dp == NULL)
		return NULL;
	while ((e = readdir(dp)) != NULL)
		if (strcasecmp(e->d_name, "kommentarer.csv") == 0 && (name == NULL ||
		    strcmp(e->d_name, name) < 0)) {
			free(name);
			name = xstrdup(e->d_name);
		}
	closedir(dp);
	return name;
}

static int
read_header(struct reader *rd, const struct csv_field *f, size_t n, long line)
{
	char shown[FIELD_SHOWN];
	size_t i, j;

	for (j = 0; j < NCOLS; j++)
		rd->col[j] = -1;
	for (i = 0; i < n; i++) {
		buf_reset(&rd->fold);
		field_fold(f[i].s, &rd->fold, 1);
		for (j = 0; j < NCOLS && strcmp(folded(&rd->fold), col_names[j]) != 0; j++)
			;
		if (j == NCOLS) {
			field_shown(f[i].s, shown);
			diag_msg(rd->d, DIAG_WARNING, rd->c->path, f[i].line, f[i].col,
			    "expected the columns kommunenr;avsnitt;tekst, found '%s'; the column "
			    "is not read", shown);
		}
		else if (rd->col[j] >= 0)
			diag_msg(rd->d, DIAG_WARNING, rd->c->path, f[i].line, f[i].col,
			    "expected the column %s once, found it again; only the first is read",
			    col_names[j]);
		else
			rd->col[j] = (int)i;
	}
	rd->ncols = n;
	for (j = 0; j < NCOLS; j++)
		if (rd->col[j] < 0) {
			diag_msg(rd->d, DIAG_ERROR, rd->c->path, line, 1, "expected a header "
			    "line kommunenr;avsnitt;tekst, found no column %s; the file is not "
			    "used", col_names[j]);
			rd->unusable = 1;
		}
	return rd->unusable ? -1 : 0;
}

/* The section named s, or -1. The id and both names are accepted, folded. */
static long
find_section(struct reader *rd, const char *s)
{
	const struct comments *c = rd->c;
	struct buf a;
	size_t i, j;
	long found = -1;

	buf_init(&a);
	buf_reset(&rd->fold);
	field_fold(s, &rd->fold, 1);
	for (i = 0; i < c->nsections && found < 0; i++)
		for (j = 0; j < 3 && found < 0; j++) {
			buf_reset(&a);
			field_fold(j == 0 ? c->sections[i].id : c->sections[i].name[j - 1], &a, 1);
			if (strcmp(folded(&a), folded(&rd->fold)) == 0)
				found = (long)i;
		}
	buf_free(&a);
	return found;
}

/* The names of the sections for a message: "Kommunens vurdering, Planer for neste år". */
static void
section_names(const struct comments *c, struct buf *out)
{
	size_t i;

	for (i = 0; i < c->nsections; i++)
		buf_printf(out, "%s%s", i > 0 ? ", " : "", c->sections[i].name[LANG_NB]);
}

/* The text as kept: line ends as LF. */
static char *
keep_text(const char *s)
{
	struct buf b;

	buf_init(&b);
	for (; *s != '\0'; s++)
		if (*s == '\r') {
			buf_putc(&b, '\n');
			if (s[1] == '\n')
				s++;
		} else
			buf_putc(&b, *s);
	return buf_take(&b);
}

/* Checks a row's section and text; 0 and *sec set, or -1 after a message. */
static int
check_row(struct reader *rd, const struct csv_field *fs, const struct csv_field *ft,
    long *sec)
{
	struct comments *c = rd->c;
	char shown[FIELD_SHOWN];
	struct buf names;
	size_t chars;

	if ((*sec = find_section(rd, fs->s)) < 0) {
		buf_init(&names);
		section_names(c, &names);
		field_shown(fs->s, shown);
		diag_msg(rd->d, DIAG_ERROR, c->path, fs->line, fs->col, "expected a section of "
		    "kommentarer.txt (%s), found '%s'; the row is left out", names.data, shown);
		buf_free(&names);
		return -1;
	}
	if (ft->len == 0) {
		diag_msg(rd->d, DIAG_ERROR, c->path, ft->line, ft->col, "expected the text of "
		    "the section, found an empty field; the row is left out");
		return -1;
	}
	if ((chars = utf8_len(ft->s, ft->len)) > c->max_chars) {
		diag_msg(rd->d, DIAG_ERROR, c->path, ft->line, ft->col, "expected a text of at "
		    "most %zu characters (maks_tegn in kommentarer.txt), found %zu; the row is "
		    "left out", c->max_chars, chars);
		return -1;
	}
	return 0;
}

static int
read_row(void *arg, const struct csv_field *f, size_t n, long line)
{
	struct reader *rd = arg;
	struct comments *c = rd->c;
	const struct csv_field *fk, *fs, *ft;
	struct comment *x;
	long sec, *seen;
	int k;
	size_t i;

	if (!rd->header_done) {
		rd->header_done = 1;
		return read_header(rd, f, n, line);
	}
	for (i = 0; i < n && f[i].len == 0; i++)
		;
	if (i == n)
		return 0;	/* a blank line */
	c->rows_read++;
	if (n != rd->ncols) {
		diag_msg(rd->d, DIAG_ERROR, c->path, line, 1, "expected %zu fields as in the "
		    "header, found %zu (a text with ';' or a line end must be in double "
		    "quotes); the row is left out", rd->ncols, n);
		if (n > (size_t)rd->col[COL_KOMMUNENR] && (k = kommunenr_read(&rd->map,
		    f[rd->col[COL_KOMMUNENR]].s, c->path, line, f[rd->col[COL_KOMMUNENR]].col,
		    rd->d)) >= 0)
			c->refused[k] = 1;
		return 0;
	}
	fk = &f[rd->col[COL_KOMMUNENR]];
	fs = &f[rd->col[COL_AVSNITT]];
	ft = &f[rd->col[COL_TEKST]];
	if ((k = kommunenr_read(&rd->map, fk->s, c->path, fk->line, fk->col, rd->d)) < 0)
		return 0;
	if (check_row(rd, fs, ft, &sec) == -1) {
		c->refused[k] = 1;
		return 0;
	}
	seen = &rd->seen[(size_t)k * c->nsections + (size_t)sec];
	if (*seen != 0) {
		diag_msg(rd->d, DIAG_ERROR, c->path, fs->line, fs->col, "expected one text per "
		    "municipality and section, found a second '%s' for %s %s (the first is on "
		    "line %ld); the row is left out", c->sections[sec].name[LANG_NB],
		    rd->reg->kommuner[k].nr, rd->reg->kommuner[k].navn, *seen);
		c->refused[k] = 1;
		return 0;
	}
	*seen = line;
	c->v = xgrow(c->v, &rd->cap, c->n, sizeof(*c->v));
	x = &c->v[c->n++];
	x->kommune = (size_t)k;
	x->section = (size_t)sec;
	x->text = keep_text(ft->s);
	x->line = line;
	x->written = -1;
	c->rows_used++;
	return 0;
}

static int
cmp_comment(const void *a, const void *b)
{
	const struct comment *x = a, *y = b;

	if (x->kommune != y->kommune)
		return x->kommune < y->kommune ? -1 : 1;
	return (x->section > y->section) - (x->section < y->section);
}

/* Reads the file at path into c. */
static void
read_csv(struct comments *c, const char *path, const struct kommune_register *reg,
    struct diag *d)
{
	struct reader rd;
	struct csv_sink sink = { read_row, NULL, NULL };
	struct csv_result res;
	struct text t;
	long off, line, col;

	if (text_read(&t, path, c->path, d) == -1) {
		c->unusable = 1;
		return;
	}
	memset(&rd, 0, sizeof(rd));
	rd.c = c;
	rd.reg = reg;
	rd.d = d;
	sink.arg = &rd;
	buf_init(&rd.fold);
	kommunenr_map_init(&rd.map, reg);
	rd.seen = xcalloc(reg->nkommuner * c->nsections + 1, sizeof(*rd.seen));
	/* The identity-number guard of every input: comments are free text. */
	if ((off = field_find_fnr(t.data, t.len)) >= 0) {
		text_position(t.data, (size_t)off, &line, &col);
		diag_msg(d, DIAG_ERROR, c->path, line, col, "expected no national identity "
		    "numbers in the comments, found a national identity number (fødselsnummer) "
		    "here; the file is not used");
		rd.unusable = 1;
	} else if (csv_read(t.data, t.len, csv_detect_delim(t.data, t.len), c->path, &sink, d,
	    &res) == -1)
		rd.unusable = 1;
	else {
		c->rows_read += res.rows_bad;
		if (res.rows_bad > 0)
			rd.unusable = 1;	/* whose row it was cannot be known */
		if (!rd.header_done) {
			diag_msg(d, DIAG_ERROR, c->path, 0, 0, "expected a header line "
			    "kommunenr;avsnitt;tekst, found an empty file; the file is not used");
			rd.unusable = 1;
		}
	}
	c->unusable = rd.unusable;
	text_free(&t);
	free(rd.seen);
	buf_free(&rd.fold);
	kommunenr_map_free(&rd.map);
	if (c->n > 1)
		qsort(c->v, c->n, sizeof(*c->v), cmp_comment);
}

int
comments_load(struct comments *c, const char *data_dir, const char *indicators_dir,
    const struct kommune_register *reg, struct diag *d)
{
	char *name, *path;
	int rc = 0;

	memset(c, 0, sizeof(*c));
	c->nkommuner = reg->nkommuner;
	c->refused = xcalloc(reg->nkommuner + 1, 1);
	if ((name = find_file(data_dir)) == NULL)
		return 0;
	path = strcmp(data_dir, ".") == 0 ? xstrdup(name) : xasprintf("%s/%s", data_dir,
	    name);
	c->path = xstrdup(path);
	if (sections_load(c, indicators_dir, d) == -1) {
		diag_msg(d, DIAG_ERROR, c->path, 0, 0, "the sections of kommentarer.txt could "
		    "not be read, so this file is not used");
		c->unusable = 1;
		rc = -1;
	} else
		read_csv(c, path, reg, d);
	if (c->unusable)
		diag_msg(d, DIAG_ERROR, c->path, 0, 0, "no municipal report is written: "
		    "any of them may have comments in this file");
	free(name);
	free(path);
	return rc;
}

void
comments_free(struct comments *c)
{
	size_t i;

	for (i = 0; i < c->nsections; i++) {
		free(c->sections[i].id);
		free(c->sections[i].name[0]);
		free(c->sections[i].name[1]);
	}
	free(c->sections);
	for (i = 0; i < c->n; i++)
		free(c->v[i].text);
	free(c->v);
	free(c->refused);
	free(c->path);
	memset(c, 0, sizeof(*c));
}

int
comments_refused(const struct comments *c, size_t k)
{
	if (c == NULL || c->path == NULL)
		return 0;
	return c->unusable || (k < c->nkommuner && c->refused[k]);
}

size_t
comments_of(const struct comments *c, size_t k, const struct comment **first)
{
	size_t i, n = 0;

	*first = NULL;
	if (c == NULL)
		return 0;
	/* Few rows: a scan is enough. */
	for (i = 0; i < c->n; i++)
		if (c->v[i].kommune == k) {
			if (n++ == 0)
				*first = &c->v[i];
		}
	return n;
}

void
comments_written(struct comments *c, struct classifier *written)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		c->v[i].written = written != NULL ? classify(written, c->v[i].text, NULL) : -1;
}
