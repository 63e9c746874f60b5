/*
 * The header line of an input file (see load_header.h): which canonical column each
 * header names, through the aliases of indicators/kolonner.csv and, in a survey, the
 * question ids and texts; then whether the required columns are there.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "load_header.h"
#include "load_rows.h"

/* Folds the text of every question in both languages once, for load_match_question. */
static void
load_fold_questions(struct load_ctx *c)
{
	const struct dataset *ds = c->ds;
	struct buf f;
	size_t i;

	if (c->qfolded != NULL || ds->nquestions == 0)
		return;
	c->qfolded = xcalloc(2 * ds->nquestions, sizeof(*c->qfolded));
	for (i = 0; i < 2 * ds->nquestions; i++) {
		buf_init(&f);
		field_fold(i % 2 == 0 ? ds->questions[i / 2].text_nb :
		    ds->questions[i / 2].text_nn, &f, 1);
		c->qfolded[i] = buf_take(&f);
	}
}

/* The question a survey header stands for: its id ("IK1", "IK1. ...", "IK1 - ...") or its
 * text in either language, punctuation aside. */
static int
load_match_question(struct load_ctx *c, const char *h, struct buf *tmp)
{
	const struct dataset *ds = c->ds;
	size_t i, idlen;
	int found = -1;
	char *fh;

	for (i = 0; i < ds->nquestions; i++) {
		idlen = strlen(ds->questions[i].id);
		if (strncasecmp(h, ds->questions[i].id, idlen) == 0 &&
		    (h[idlen] == '\0' || !((h[idlen] >= '0' && h[idlen] <= '9') ||
		    (h[idlen] >= 'a' && h[idlen] <= 'z') || (h[idlen] >= 'A' && h[idlen] <= 'Z'))))
			return (int)i;
	}
	buf_reset(tmp);
	field_fold(h, tmp, 1);
	fh = xstrdup(tmp->data != NULL ? tmp->data : "");
	load_fold_questions(c);
	for (i = 0; i < ds->nquestions && found < 0 && *fh != '\0'; i++)
		if (strcmp(c->qfolded[2 * i], fh) == 0 || strcmp(c->qfolded[2 * i + 1], fh) == 0)
			found = (int)i;
	free(fh);
	return found;
}

/* Which name a header stands for, or -1. */
static int
load_match(struct load_file *lf, const char *h)
{
	const char *m;
	size_t nfixed = lf->kind == LOAD_SURVEY ? S_Q0 : lf->nnames;
	size_t i;
	int q;

	m = field_match(&lf->ctx->aliases, h, lf->names, nfixed);
	for (i = 0; m != NULL && i < nfixed; i++)
		if (lf->names[i] == m)
			return (int)i;
	if (lf->kind == LOAD_SURVEY && (q = load_match_question(lf->ctx, h, &lf->scratch)) >= 0)
		return S_Q0 + q;
	return -1;
}

static int
load_check_required(struct load_file *lf, long line)
{
	struct diag *d = lf->ctx->d;
	size_t i;
	int ok = 1;

	if (lf->kind == LOAD_SURVEY && lf->pos[S_NR] < 0 && lf->pos[S_NAME] < 0) {
		diag_msg(d, DIAG_ERROR, lf->shown, line, 0, "expected a column kommunenr or "
		    "kommune in the header line, found neither; the file is not used");
		return -1;
	}
	for (i = 0; i < lf->nnames; i++)
		if (lf->pos[i] < 0 && lf->required != NULL && lf->required[i]) {
			diag_msg(d, DIAG_ERROR, lf->shown, line, 0, "expected a column %s in the "
			    "header line, found none; the file is not used", lf->names[i]);
			ok = 0;
		}
	for (i = 0; ok && i < lf->nnames; i++)
		if (lf->pos[i] < 0 && (lf->kind == LOAD_PLANS || lf->kind == LOAD_ACTIONS ||
		    lf->kind == LOAD_REGISTER) && lf->names[i] != NULL)
			diag_msg(d, DIAG_WARNING, lf->shown, line, 0, "expected a column %s, "
			    "found none; what needs it is missing data (..) for this file",
			    lf->names[i]);
	return ok ? 0 : -1;
}

int
load_header(struct load_file *lf, const struct csv_field *f, size_t n, long line)
{
	struct diag *d = lf->ctx->d;
	char shown[FIELD_SHOWN];
	size_t i;
	int k;

	lf->header_done = 1;
	lf->nheader = n;
	for (i = 0; i < n; i++) {
		field_shown(f[i].s, shown);
		if (f[i].len == 0) {
			diag_msg(d, DIAG_NOTE, lf->shown, f[i].line, f[i].col, "a column without "
			    "a name is ignored");
			continue;
		}
		if ((k = load_match(lf, f[i].s)) < 0) {
			diag_msg(d, DIAG_NOTE, lf->shown, f[i].line, f[i].col, "unknown column "
			    "'%s' is ignored", shown);
			continue;
		}
		if (lf->pos[k] >= 0) {
			diag_msg(d, DIAG_WARNING, lf->shown, f[i].line, f[i].col, "column '%s' "
			    "is %s again; expected each column once; only the first is read",
			    shown, lf->names[k]);
			continue;
		}
		lf->pos[k] = (int)i;
	}
	if (load_check_required(lf, line) == -1) {
		lf->refused = 1;
		return -1;
	}
	for (i = 0; lf->t != NULL && i < lf->t->ncols; i++)
		lf->t->cols[i].present = lf->pos[lf->kind == LOAD_PLANS ? i + 1 :
		    lf->kind == LOAD_SURVEY ? (i == 0 ? 0 : S_Q0 + i - 1) : i] >= 0;
	if (lf->kind == LOAD_SURVEY && lf->t != NULL)
		lf->t->cols[0].present = 1;
	return 0;
}
