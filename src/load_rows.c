/*
 * The rows of the input files (see load_rows.h): one function per kind of file, each
 * reading its fields (field.c) into the row of its table or into the register, with a
 * message at the field for every value it cannot use.
 */
#include <stdlib.h>
#include <string.h>

#include "load_rows.h"
#include "text.h"

const char *const load_register_names[R__N] = {
	"kommunenr", "kommunenavn", "fylkesnr", "fylkesnavn", "innbyggere" };
const int load_register_required[R__N] = { 1, 1, 1, 1, 0 };

const char *const load_change_names[C__N] = {
	"gammelt_nr", "nytt_nr", "gjelder_fra", "gammelt_navn", "nytt_navn" };
const int load_change_required[C__N] = { 1, 1, 0, 0, 0 };

const struct load_column load_plan_columns[P__N - 1] = {
	{ "kommunenr", COL_KOMMUNE, 1 }, { "tjenesteomrade", COL_TEXT, 0 },
	{ "opprettet", COL_DATE, 1 }, { "sist_oppdatert", COL_DATE, 0 },
	{ "status", COL_STATUS, 1 }, { "koordinator", COL_YESNO, 0 },
	{ "antall_mal", COL_INT, 0 }, { "brukermedvirkning", COL_PARTLY, 0 },
	{ "samtykke", COL_YESNO, 0 }, { "ansvarsgruppe", COL_YESNO, 0 } };

const struct load_column load_action_columns[A__N] = {
	{ "kommunenr", COL_KOMMUNE, 1 }, { "tiltak", COL_TEXT, 1 }, { "mal", COL_TEXT, 0 },
	{ "aktivitet", COL_TEXT, 0 }, { "tid", COL_TEXT, 0 }, { "ansvar", COL_TEXT, 0 },
	{ "status", COL_TEXT, 1 } };

const char *const load_question_names[Q__N] = {
	"id", "tema_nb", "tema_nn", "sporsmal_nb", "sporsmal_nn", "type" };
const int load_question_required[Q__N] = { 1, 1, 1, 1, 1, 1 };

/* Reads a kommunenr field: register index, or -1 after a row error. */
static int
load_kommunenr(struct load_file *lf, const struct csv_field *f)
{
	return kommunenr_read(&lf->ctx->nrs, f->s, lf->shown, f->line, f->col, lf->ctx->d);
}

/* Makes room for one more row and clears the row being built. */
static void
load_row_begin(struct load_file *lf)
{
	struct table *t = lf->t;

	memset(lf->row, 0, t->ncols * sizeof(*lf->row));
}

static void
load_row_commit(struct load_file *lf, int kommune, long line)
{
	struct table *t = lf->t;
	size_t rowcap = lf->caprows;

	t->cells = xgrow(t->cells, &lf->capcells, (t->nrows + 1) * t->ncols - 1,
	    sizeof(*t->cells));
	memcpy(&t->cells[t->nrows * t->ncols], lf->row, t->ncols * sizeof(*lf->row));
	t->kommune = xgrow(t->kommune, &rowcap, t->nrows, sizeof(*t->kommune));
	rowcap = lf->caprows;
	t->line = xgrow(t->line, &rowcap, t->nrows, sizeof(*t->line));
	lf->caprows = rowcap;
	t->kommune[t->nrows] = kommune;
	t->line[t->nrows] = line;
	t->nrows++;
}

/* A text cell holds the offset of its text in the table's text, as an int32_t: the text
 * of one table is at most its file decoded, three bytes a byte from Windows-1252 at most,
 * so the file size limit keeps every offset below 2 GiB. */
_Static_assert(3 * (uint64_t)TEXT_MAX_BYTES + 1 < INT32_MAX,
    "text offsets of a table must fit int32_t");

static void
load_text(struct load_file *lf, size_t col, const struct csv_field *f)
{
	struct table *t = lf->t;

	if (f->len == 0 || f->s[strspn(f->s, " \t")] == '\0')
		return;
	lf->row[col].state = CELL_OK;
	lf->row[col].v = (int32_t)t->text.len;
	buf_put(&t->text, f->s, f->len);
	buf_putc(&t->text, '\0');
}

static const char *
load_expected(enum col_type type)
{
	switch (type) {
	case COL_DATE:
		return "a date such as 31.12.2024 or 2024-12-31";
	case COL_INT:
		return "a whole number of 0 or more";
	case COL_YESNO:
		return "ja or nei";
	case COL_PARTLY:
		return "ja, delvis or nei";
	case COL_STATUS:
		return "aktiv or avsluttet";
	default:
		return "a value";
	}
}

/* Types a field that is not a key: an unreadable value is a warning and not documented. */
static void
load_typed(struct load_file *lf, size_t col, const struct csv_field *f)
{
	enum col_type type = lf->t->cols[col].type;
	enum field_result r;
	char shown[FIELD_SHOWN];
	int32_t v = 0;

	switch (type) {
	case COL_TEXT:
		load_text(lf, col, f);
		return;
	case COL_DATE:
		r = field_date(f->s, &v);
		break;
	case COL_INT:
		r = field_count(f->s, &v);
		break;
	case COL_PARTLY:
		r = field_partly(f->s, &v);
		break;
	default:
		r = field_yesno(f->s, &v);
		break;
	}
	lf->row[col].v = v;
	lf->row[col].state = r == FIELD_OK ? CELL_OK : r == FIELD_BAD ? CELL_INVALID : CELL_EMPTY;
	if (r != FIELD_BAD)
		return;
	field_shown(f->s, shown);
	diag_msg(lf->ctx->d, DIAG_WARNING, lf->shown, f->line, f->col, "%s: expected %s, "
	    "found '%s'; the value counts as not documented", lf->t->cols[col].name,
	    load_expected(type), shown);
}

static int
load_plan_row(struct load_file *lf, const struct csv_field *f, size_t n, long line)
{
	struct diag *d = lf->ctx->d;
	const struct csv_field *id = load_get(lf, f, n, P_ID), *st;
	char shown[FIELD_SHOWN];
	struct plan_key h;
	long prev;
	int k;
	int32_t status;
	size_t i, slot;

	if (id->len == 0) {
		diag_msg(d, DIAG_ERROR, lf->shown, id->line > 0 ? id->line : line, id->col,
		    "expected a plan_id, found an empty field; the row is left out");
		return -1;
	}
	h = plan_key(id->s, id->len);
	plan_ids_prefetch(&lf->ids, h);	/* the table is large: the slot is fetched meanwhile */
	if ((k = load_kommunenr(lf, load_get(lf, f, n, P_NR))) < 0)
		return -1;
	st = load_get(lf, f, n, P_STATUS);
	switch (field_status(st->s, &status)) {
	case FIELD_EMPTY:
		diag_msg(d, DIAG_ERROR, lf->shown, st->line, st->col, "status: expected aktiv "
		    "or avsluttet, found an empty field; the row is left out");
		return -1;
	case FIELD_BAD:
		field_shown(st->s, shown);
		diag_msg(d, DIAG_ERROR, lf->shown, st->line, st->col, "status: expected aktiv "
		    "or avsluttet, found '%s'; the row is left out", shown);
		return -1;
	case FIELD_OK:
		break;
	}
	if ((prev = plan_ids_find(&lf->ids, h, &slot)) > 0) {
		field_shown(id->s, shown);
		diag_msg(d, DIAG_ERROR, lf->shown, id->line, id->col, "expected each plan_id "
		    "once, found '%s' again (first on line %ld); the row is left out", shown, prev);
		return -1;
	}
	load_row_begin(lf);
	lf->row[P_NR - 1].v = k;
	lf->row[P_NR - 1].state = CELL_OK;
	lf->row[P_STATUS - 1].v = status;
	lf->row[P_STATUS - 1].state = CELL_OK;
	for (i = P_OMR; i < P__N; i++)
		if (i != P_STATUS && lf->pos[i] >= 0)
			load_typed(lf, i - 1, load_get(lf, f, n, i));
	plan_ids_put(&lf->ids, slot, h, line);
	if (lf->pos[P_SIST] >= 0) {
		const struct csv_field *u = load_get(lf, f, n, P_SIST);

		lf->t->updated_pos = xgrow(lf->t->updated_pos, &lf->capupd, lf->t->nrows,
		    sizeof(*lf->t->updated_pos));
		lf->t->updated_pos[lf->t->nrows].line = u->line;
		lf->t->updated_pos[lf->t->nrows].col = u->col;
	}
	load_row_commit(lf, k, line);
	return 0;
}

/* Keeps an action row and where its fields begin (the computation's messages on `tid`
 * and `status` name the field). */
static int
load_action_row(struct load_file *lf, const struct csv_field *f, size_t n, long line)
{
	struct table *t = lf->t;
	size_t i;
	int k;

	if ((k = load_kommunenr(lf, load_get(lf, f, n, A_NR))) < 0)
		return -1;
	load_row_begin(lf);
	lf->row[A_NR].v = k;
	lf->row[A_NR].state = CELL_OK;
	t->pos = xgrow(t->pos, &lf->cappos, (t->nrows + 1) * t->ncols - 1, sizeof(*t->pos));
	for (i = 0; i < A__N; i++) {
		const struct csv_field *fi = load_get(lf, f, n, i);

		t->pos[t->nrows * t->ncols + i].line = fi->line;
		t->pos[t->nrows * t->ncols + i].col = fi->col;
		if (i >= A_TILTAK)
			load_text(lf, i, fi);
	}
	load_row_commit(lf, k, line);
	return 0;
}

/* The municipality of a survey row, by number or by name; -1 after a row error. */
static int
load_survey_kommune(struct load_file *lf, const struct csv_field *f, size_t n, long line)
{
	struct load_ctx *c = lf->ctx;
	const struct csv_field *nr = load_get(lf, f, n, S_NR), *name = load_get(lf, f, n, S_NAME);
	const struct kommune *kk = c->ds->reg.kommuner;
	char shown[FIELD_SHOWN];
	int k, a = 0, b = 0;

	if (nr->len > 0 || lf->pos[S_NAME] < 0)
		return load_kommunenr(lf, nr);
	field_shown(name->s, shown);
	if (name->len == 0) {
		diag_msg(c->d, DIAG_ERROR, lf->shown, name->line > 0 ? name->line : line,
		    name->col, "expected a municipality, found an empty field; the row is "
		    "left out");
		return -1;
	}
	k = kommune_names_find(&c->names, name->s, &a, &b);
	if (k == -2)
		diag_msg(c->d, DIAG_ERROR, lf->shown, name->line, name->col, "expected one "
		    "municipality, found '%s', which may be %s %s or %s %s; write the kommunenr; "
		    "the row is left out", shown, kk[a].nr, kk[a].navn, kk[b].nr, kk[b].navn);
	else if (k < 0)
		diag_msg(c->d, DIAG_ERROR, lf->shown, name->line, name->col, "expected a "
		    "municipality name from the register (kommuner.csv), found '%s'; the row "
		    "is left out", shown);
	return k < 0 ? -1 : k;
}

static int
load_survey_row(struct load_file *lf, const struct csv_field *f, size_t n, long line)
{
	const struct kommune *kk = lf->ctx->ds->reg.kommuner;
	size_t i;
	int k;

	if ((k = load_survey_kommune(lf, f, n, line)) < 0)
		return -1;
	if (lf->seen[k] > 0) {
		const struct csv_field *at = load_get(lf, f, n,
		    load_get(lf, f, n, S_NR)->len > 0 || lf->pos[S_NAME] < 0 ? S_NR : S_NAME);

		diag_msg(lf->ctx->d, DIAG_ERROR, lf->shown, line, at->col, "expected one row per "
		    "municipality, found %s %s again (first on line %d); the row is left out",
		    kk[k].nr, kk[k].navn, lf->seen[k]);
		return -1;
	}
	lf->seen[k] = (int)line;
	load_row_begin(lf);
	lf->row[0].v = k;
	lf->row[0].state = CELL_OK;
	for (i = 1; i < lf->t->ncols; i++)
		load_text(lf, i, load_get(lf, f, n, S_Q0 + i - 1));
	load_row_commit(lf, k, line);
	return 0;
}

/* Reads a fylkesnr of one or two digits into nr; 0 or -1. */
static int
load_fylkesnr(const char *s, char nr[3])
{
	size_t len, n;

	s = field_trim(s, &n);
	len = strspn(s, "0123456789");
	if (len == 0 || len > 2 || len != n)
		return -1;
	nr[0] = len == 1 ? '0' : s[0];
	nr[1] = s[len - 1];
	nr[2] = '\0';
	return 0;
}

static int
load_fylke(struct load_ctx *c, const char *nr, const char *navn)
{
	struct kommune_register *r = &c->ds->reg;
	size_t i;

	for (i = 0; i < r->nfylker; i++)
		if (strcmp(r->fylker[i].nr, nr) == 0)
			return (int)i;
	r->fylker = xgrow(r->fylker, &c->capfylker, r->nfylker, sizeof(*r->fylker));
	memcpy(r->fylker[r->nfylker].nr, nr, 3);
	r->fylker[r->nfylker].navn = xstrdup(navn);
	return (int)r->nfylker++;
}

/* 1 after an error when a register name is longer than LOAD_NAME_MAX characters. */
static int
load_name_long(struct load_file *lf, const struct csv_field *f, const char *what)
{
	char shown[FIELD_SHOWN];
	size_t n = utf8_len(f->s, f->len);

	if (n <= LOAD_NAME_MAX)
		return 0;
	field_shown(f->s, shown);
	diag_msg(lf->ctx->d, DIAG_ERROR, lf->shown, f->line, f->col, "%s: expected at most %d "
	    "characters, found %zu ('%s'); the row is left out", what, LOAD_NAME_MAX, n,
	    shown);
	return 1;
}

static int
load_register_row(struct load_file *lf, const struct csv_field *f, size_t n, long line)
{
	struct load_ctx *c = lf->ctx;
	struct kommune_register *r = &c->ds->reg;
	const struct csv_field *nrf = load_get(lf, f, n, R_NR), *fnr = load_get(lf, f, n, R_FNR);
	const struct csv_field *navn = load_get(lf, f, n, R_NAVN), *inn = load_get(lf, f, n, R_INNB);
	char nr[5], fylke[3], shown[FIELD_SHOWN];
	int padded;
	int32_t people = -1;

	if (field_kommunenr(nrf->s, nr, &padded) != FIELD_OK) {
		field_shown(nrf->s, shown);
		diag_msg(c->d, DIAG_ERROR, lf->shown, nrf->line, nrf->col, "expected a "
		    "kommunenr (four digits), found '%s'; the row is left out", shown);
		return -1;
	}
	if (padded)
		diag_msg(c->d, DIAG_WARNING, lf->shown, nrf->line, nrf->col, "expected a "
		    "kommunenr of four digits, found three; read as %s", nr);
	if (load_fylkesnr(fnr->s, fylke) == -1) {
		field_shown(fnr->s, shown);
		diag_msg(c->d, DIAG_ERROR, lf->shown, fnr->line, fnr->col, "expected a fylkesnr "
		    "(two digits), found '%s'; the row is left out", shown);
		return -1;
	}
	if (navn->len == 0) {
		diag_msg(c->d, DIAG_ERROR, lf->shown, navn->line, navn->col, "expected a "
		    "kommunenavn, found an empty field; the row is left out");
		return -1;
	}
	if (load_name_long(lf, navn, "kommunenavn") ||
	    load_name_long(lf, load_get(lf, f, n, R_FNAVN), "fylkesnavn"))
		return -1;
	if (lf->seen[atoi(nr)]++ > 0) {
		diag_msg(c->d, DIAG_ERROR, lf->shown, nrf->line, nrf->col, "expected each "
		    "kommunenr once, found %s again; the row is left out", nr);
		return -1;
	}
	if (lf->pos[R_INNB] >= 0 && field_population(inn->s, &people) == FIELD_BAD) {
		field_shown(inn->s, shown);
		diag_msg(c->d, DIAG_WARNING, lf->shown, inn->line, inn->col, "innbyggere: "
		    "expected a whole number (such as 709037 or 709 037), found '%s'; the "
		    "population is not known", shown);
		people = -1;
	}
	r->kommuner = xgrow(r->kommuner, &c->capkommuner, r->nkommuner, sizeof(*r->kommuner));
	memcpy(r->kommuner[r->nkommuner].nr, nr, 5);
	r->kommuner[r->nkommuner].navn = xstrdup(navn->s);
	r->kommuner[r->nkommuner].fylke = load_fylke(c, fylke,
	    load_get(lf, f, n, R_FNAVN)->s);
	r->kommuner[r->nkommuner].innbyggere = people;
	r->nkommuner++;
	(void)line;
	return 0;
}

static int
load_change_row(struct load_file *lf, const struct csv_field *f, size_t n, long line)
{
	struct load_ctx *c = lf->ctx;
	const struct csv_field *o = load_get(lf, f, n, C_OLD), *w = load_get(lf, f, n, C_NEW);
	struct kommunenr_change ch;
	char shown[FIELD_SHOWN];
	int padded;

	if (field_kommunenr(o->s, ch.old, &padded) != FIELD_OK ||
	    field_kommunenr(w->s, ch.new, &padded) != FIELD_OK) {
		const struct csv_field *bad = field_kommunenr(o->s, ch.old, &padded) !=
		    FIELD_OK ? o : w;

		field_shown(bad->s, shown);
		diag_msg(c->d, DIAG_ERROR, lf->shown, bad->line, bad->col, "expected a "
		    "kommunenr (four digits), found '%s'; the row is left out", shown);
		return -1;
	}
	if (field_date(load_get(lf, f, n, C_DATE)->s, &ch.date) != FIELD_OK)
		ch.date = 0;
	if (kommunenr_map_change(&c->nrs, ch.old, ch.new, ch.date) == -1) {
		diag_msg(c->d, DIAG_ERROR, lf->shown, line, 0, "expected at most %d changes "
		    "(the limit of ipkval), found more; the row is left out",
		    KOMMUNENR_MAX_CHANGES);
		return -1;
	}
	return 0;
}

static int
load_question_row(struct load_file *lf, const struct csv_field *f, size_t n, long line)
{
	struct dataset *ds = lf->ctx->ds;
	struct question *q;
	size_t cap = ds->nquestions;
	const char *type = load_get(lf, f, n, Q_TYPE)->s;

	if (load_get(lf, f, n, Q_ID)->len == 0) {
		diag_msg(lf->ctx->d, DIAG_ERROR, lf->shown, line, 0, "expected a question id, "
		    "found an empty field; the row is left out");
		return -1;
	}
	ds->questions = xrealloc(ds->questions, (cap + 1) * sizeof(*ds->questions));
	q = &ds->questions[ds->nquestions++];
	q->id = xstrdup(load_get(lf, f, n, Q_ID)->s);
	q->theme_nb = xstrdup(load_get(lf, f, n, Q_TEMA_NB)->s);
	q->theme_nn = xstrdup(load_get(lf, f, n, Q_TEMA_NN)->s);
	q->text_nb = xstrdup(load_get(lf, f, n, Q_TEXT_NB)->s);
	q->text_nn = xstrdup(load_get(lf, f, n, Q_TEXT_NN)->s);
	q->closed = str_ieq(type, "lukket") || str_ieq(type, "closed") || str_ieq(type, "ja/nei");
	return 0;
}

int
load_row(struct load_file *lf, const struct csv_field *f, size_t n, long line)
{
	switch (lf->kind) {
	case LOAD_REGISTER:
		return load_register_row(lf, f, n, line);
	case LOAD_CHANGES:
		return load_change_row(lf, f, n, line);
	case LOAD_PLANS:
		return load_plan_row(lf, f, n, line);
	case LOAD_SURVEY:
		return load_survey_row(lf, f, n, line);
	case LOAD_ACTIONS:
		return load_action_row(lf, f, n, line);
	case LOAD_QUESTIONS:
		break;
	}
	return load_question_row(lf, f, n, line);
}
