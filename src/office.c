/*
 * office.c: reads indicators/statsforvaltere.csv, the county governor's offices and their
 * counties (office.h, docs/formats.md), with positioned errors like the other definition
 * files (ind_read.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ind_read.h"
#include "office.h"
#include "util.h"

#define OFFICE_FILE	"statsforvaltere.csv"

/* What reading one file needs to say where a problem is. */
struct office_reader {
	const char		*path;
	const struct kommune_register *reg;
	struct diag		*d;
	long			 line;
	const char		*l;		/* the line */
	size_t			 llen;
	int			 errors;
	long			 named_at[100];	/* [county number]: the line that named it,
						 * 0: none */
};

static void
office_error(struct office_reader *rd, size_t off, size_t len, const char *what)
{
	ind_caret(rd->d, DIAG_ERROR, rd->path, rd->line, rd->l, rd->llen, off, len, "%s",
	    what);
	rd->errors++;
}

/* The slot of a county number in named_at: 0-99, or -1 when it is not two digits. */
static int
office_slot(const char *nr)
{
	if (nr[0] < '0' || nr[0] > '9' || nr[1] < '0' || nr[1] > '9' || nr[2] != '\0')
		return -1;
	return (nr[0] - '0') * 10 + (nr[1] - '0');
}

/* The register index of county number nr (two digits), or -1. */
static long
office_county(const struct kommune_register *reg, const char *nr)
{
	size_t i;

	for (i = 0; i < reg->nfylker; i++)
		if (strcmp(reg->fylker[i].nr, nr) == 0)
			return (long)i;
	return -1;
}

/* The counties of one row (numbers separated by spaces, from byte off of the line); the
 * code names those of the register. */
static void
office_counties(struct office_reader *rd, struct office *o, size_t off, struct buf *code)
{
	size_t cap = 0, p = off, w;
	char nr[3];
	long f;
	int any = 0, n;

	while (p < rd->llen) {
		if (rd->l[p] == ' ' || rd->l[p] == '\t') {
			p++;
			continue;
		}
		for (w = p; w < rd->llen && rd->l[w] != ' ' && rd->l[w] != '\t'; w++)
			;
		any = 1;
		if (w - p != 2 || rd->l[p] < '0' || rd->l[p] > '9' || rd->l[p + 1] < '0' ||
		    rd->l[p + 1] > '9') {
			office_error(rd, p, w - p, "expected a county number of two digits "
			    "(fylkesnr, as 03 or 46)");
			p = w;
			continue;
		}
		memcpy(nr, rd->l + p, 2);
		nr[2] = '\0';
		n = office_slot(nr);
		if (rd->named_at[n] != 0) {
			char *msg = xasprintf("county %s is named twice (first on line %ld): "
			    "a county belongs to one office", nr, rd->named_at[n]);

			office_error(rd, p, 2, msg);
			free(msg);
		} else if ((f = office_county(rd->reg, nr)) >= 0) {
			rd->named_at[n] = rd->line;
			if (code->len > 0)
				buf_putc(code, '-');
			buf_puts(code, nr);
			o->fylker = xgrow(o->fylker, &cap, o->nfylker, sizeof(*o->fylker));
			o->fylker[o->nfylker++] = (size_t)f;
		} else
			rd->named_at[n] = rd->line;
		p = w;
	}
	if (!any)
		office_error(rd, off, 0, "expected the office's counties after ';' (fylkesnr "
		    "separated by spaces)");
}

/* One row "name;counties": appended to out unless it names no county of the register. */
static void
office_row(struct office_reader *rd, struct offices *out, size_t *cap)
{
	const char *semi = memchr(rd->l, ';', rd->llen);
	struct office o;
	struct buf code;
	size_t nlen;

	if (semi == NULL) {
		office_error(rd, 0, rd->llen, "expected 'embete;fylker': the office's name, "
		    "';' and its county numbers");
		return;
	}
	nlen = (size_t)(semi - rd->l);
	while (nlen > 0 && (rd->l[nlen - 1] == ' ' || rd->l[nlen - 1] == '\t'))
		nlen--;
	if (nlen == 0) {
		office_error(rd, 0, 1, "expected the office's name (as in 'Statsforvalteren "
		    "i ...') before ';'");
		return;
	}
	memset(&o, 0, sizeof(o));
	buf_init(&code);
	office_counties(rd, &o, (size_t)(semi - rd->l) + 1, &code);
	if (o.nfylker == 0) {
		free(o.fylker);
		buf_free(&code);
		return;
	}
	o.name = xstrndup(rd->l, nlen);
	o.code = xstrdup(code.data);
	buf_free(&code);
	out->v = xgrow(out->v, cap, out->n, sizeof(*out->v));
	out->v[out->n++] = o;
}

/* The counties no row named, each an office of its own named as the county. */
static void
office_rest(const struct office_reader *rd, struct offices *out, size_t *cap)
{
	size_t f;

	for (f = 0; f < rd->reg->nfylker; f++) {
		int slot = office_slot(rd->reg->fylker[f].nr);
		struct office o;

		if (slot >= 0 && rd->named_at[slot] != 0)
			continue;
		o.name = xstrdup(rd->reg->fylker[f].navn);
		o.code = xstrdup(rd->reg->fylker[f].nr);
		o.fylker = xcalloc(1, sizeof(*o.fylker));
		o.fylker[0] = f;
		o.nfylker = 1;
		out->v = xgrow(out->v, cap, out->n, sizeof(*out->v));
		out->v[out->n++] = o;
	}
}

int
offices_load(struct offices *out, const char *dir, const struct kommune_register *reg,
    struct diag *d)
{
	struct office_reader rd;
	char *path = xasprintf("%s/%s", dir, OFFICE_FILE), *text;
	size_t len, pos = 0, cap = 0;
	int header = 0;

	memset(out, 0, sizeof(*out));
	if (access(path, F_OK) == -1 && errno == ENOENT) {
		diag_msg(d, DIAG_WARNING, path, 0, 0, "missing: no office reports "
		    "(statsforvalter) are written without the offices and their counties");
		free(path);
		return -1;
	}
	if ((text = ind_read_file(path, &len, d)) == NULL) {
		free(path);
		return -1;
	}
	memset(&rd, 0, sizeof(rd));
	rd.path = path;
	rd.reg = reg;
	rd.d = d;
	while ((rd.l = ind_next_line(text, len, &pos, &rd.llen)) != NULL) {
		size_t s = 0;

		rd.line++;
		while (s < rd.llen && (rd.l[s] == ' ' || rd.l[s] == '\t'))
			s++;
		if (s == rd.llen || rd.l[s] == '#')
			continue;
		if (!header) {
			header = 1;
			if (rd.llen != strlen("embete;fylker") ||
			    strncmp(rd.l, "embete;fylker", rd.llen) != 0)
				office_error(&rd, 0, rd.llen, "expected the header "
				    "'embete;fylker'");
			continue;
		}
		office_row(&rd, out, &cap);
	}
	if (!header)
		diag_msg(d, DIAG_ERROR, path, 0, 0, "expected the header 'embete;fylker' and "
		    "a row per office, found none");
	if (rd.errors == 0 && header)
		office_rest(&rd, out, &cap);
	free(text);
	free(path);
	if (rd.errors > 0 || !header) {
		diag_msg(d, DIAG_ERROR, dir, 0, 0, "no office reports (statsforvalter) are "
		    "written until %s is mended", OFFICE_FILE);
		offices_free(out);
		return -1;
	}
	return 0;
}

void
offices_free(struct offices *o)
{
	size_t i;

	for (i = 0; i < o->n; i++) {
		free(o->v[i].name);
		free(o->v[i].code);
		free(o->v[i].fylker);
	}
	free(o->v);
	memset(o, 0, sizeof(*o));
}

const struct office *
offices_of_county(const struct offices *o, size_t f)
{
	size_t i, j;

	for (i = 0; i < o->n; i++)
		for (j = 0; j < o->v[i].nfylker; j++)
			if (o->v[i].fylker[j] == f)
				return &o->v[i];
	return NULL;
}
