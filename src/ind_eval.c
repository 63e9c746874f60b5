/*
 * Evaluation of indicator conditions: binds the column names of a parsed condition to the
 * column indexes of one table, then evaluates it row by row with no string work except for
 * text columns and class(); date windows are computed once per reference date. Also the
 * level of a figure under an indicator's thresholds. Used by compute.
 */
#include <string.h>
#include <strings.h>

#include "date.h"
#include "deadline.h"
#include "indicator.h"

int
expr_window_start(int ref, int n, enum expr_window_unit unit)
{
	if (unit == WINDOW_DAYS)
		return date_add_days(ref, -n);
	return date_add_months(ref, -n);
}

/* Whether a column of type `type` can be compared as the parser checked e. */
static int
type_fits(const struct expr *e, int type)
{
	if (e->is_class)
		return type == COL_TEXT || type == COL_YESNO || type == COL_PARTLY;
	if (e->is_deadline)
		return type == COL_TEXT;
	switch (e->op) {
	case EXPR_STATE:
		return 1;
	case EXPR_WITHIN:
		return type == COL_DATE;
	case EXPR_MATCH:
		return type == COL_TEXT;
	default:
		break;
	}
	switch (e->lit) {
	case LIT_DATE:
	case LIT_REFDATE:
		return type == COL_DATE;
	case LIT_NUMBER:
		return type == COL_INT;
	case LIT_TEXT:
		return type == COL_TEXT;
	case LIT_WORD:
		if (e->coltype == COL_STATUS)
			return type == COL_STATUS;
		return type == COL_YESNO || type == COL_PARTLY;
	}
	return 0;
}

/* What a bound leaf does, decided once at binding so that eval switches once. */
enum leaf {
	LEAF_FALSE,		/* a column of a type the condition cannot use */
	LEAF_STATE,		/* is empty / invalid / set */
	LEAF_WITHIN,
	LEAF_MATCH,
	LEAF_INT,		/* cell value against ival (dates, words, whole numbers) */
	LEAF_REFDATE,		/* cell date against R */
	LEAF_NUM,		/* cell number against a fraction */
	LEAF_TEXT,		/* text equality (a compiled pattern) */
	LEAF_CLASS_STATE,
	LEAF_CLASS,
	LEAF_DEADLINE_STATE,	/* deadline(col) is empty / set */
	LEAF_DEADLINE		/* deadline(col) against a date or R */
};

static enum leaf
leaf_kind(const struct expr *e)
{
	if (e->col < 0)
		return LEAF_FALSE;
	if (e->is_class)
		return e->op == EXPR_STATE ? LEAF_CLASS_STATE : LEAF_CLASS;
	if (e->is_deadline)
		return e->op == EXPR_STATE ? LEAF_DEADLINE_STATE : LEAF_DEADLINE;
	switch (e->op) {
	case EXPR_STATE: return LEAF_STATE;
	case EXPR_WITHIN: return LEAF_WITHIN;
	case EXPR_MATCH: return LEAF_MATCH;
	default: break;
	}
	switch (e->lit) {
	case LIT_DATE:
	case LIT_WORD: return LEAF_INT;
	case LIT_REFDATE: return LEAF_REFDATE;
	case LIT_NUMBER: return e->num == (double)(long)e->num ? LEAF_INT : LEAF_NUM;
	case LIT_TEXT: return LEAF_TEXT;
	}
	return LEAF_FALSE;
}

int
expr_bind(struct expr *e, const struct table *t, const char **missing)
{
	size_t i;

	if (e == NULL)
		return 0;
	if (e->op == EXPR_NOT)
		return expr_bind(e->a, t, missing);
	if (e->op == EXPR_AND || e->op == EXPR_OR) {
		for (i = 0; i < e->nargs; i++)
			if (expr_bind(e->args[i], t, missing) == -1)
				return -1;
		return 0;
	}
	e->col = -1;
	for (i = 0; i < t->ncols; i++)
		if (t->cols[i].present && strcasecmp(t->cols[i].name, e->column) == 0)
			break;
	if (i == t->ncols) {
		*missing = e->column;
		e->leaf = LEAF_FALSE;
		return -1;
	}
	e->col = (int)i;
	/* A type the parser did not expect makes the test false rather than wrong. */
	if (!type_fits(e, t->cols[i].type))
		e->col = -2;
	else if ((e->coltype != COL_STATUS || e->is_class) && !e->is_deadline)
		e->coltype = t->cols[i].type;
	e->leaf = leaf_kind(e);
	e->ival = e->lit == LIT_DATE ? e->date : e->lit == LIT_WORD ? e->word : (long)e->num;
	return 0;
}

/* The class of a survey answer or action-plan status cell. */
static int
cell_class(const struct expr *e, const struct table *t, const struct cell *c,
    struct indicator_set *set)
{
	struct classifier *cl;

	if (c->state != CELL_OK)
		return -1;
	switch (t->cols[e->col].type) {
	case COL_YESNO:
	case COL_PARTLY:
		return c->v == YES ? 2 : c->v == PARTLY ? 1 : 0;
	case COL_TEXT:
		cl = set == NULL ? NULL : e->classifier == CLASSIFIER_ANSWERS ? set->answers :
		    set->status;
		return classify(cl, table_text(t, c), NULL);
	default:
		return -1;
	}
}

/* The deadline a text cell gives for reference date R (deadline.h), or 0. */
static int
cell_deadline(const struct table *t, const struct cell *c, int refdate,
    struct indicator_set *set)
{
	if (c->state != CELL_OK || set == NULL || set->deadlines == NULL)
		return 0;
	return deadline_read(set->deadlines, table_text(t, c), refdate).date;
}

/* a cmp b. Cell values, words, dates and literals are all exact as doubles. */
static int
compare(enum expr_cmp cmp, double a, double b)
{
	switch (cmp) {
	case CMP_EQ: return a == b;
	case CMP_NE: return a != b;
	case CMP_LT: return a < b;
	case CMP_LE: return a <= b;
	case CMP_GT: return a > b;
	case CMP_GE: return a >= b;
	}
	return 0;
}

static int
match(const struct expr *e, const struct table *t, const struct cell *c)
{
	const char *s = table_text(t, c);

	return pcre2_match(e->re, (PCRE2_SPTR)s, strlen(s), 0, 0, e->md, NULL) >= 0;
}

static int
within(const struct expr *e, const struct cell *c, int refdate)
{
	struct expr_window *w = e->window;

	if (w->ref != refdate) {
		w->lo = expr_window_start(refdate, e->n, e->unit);
		w->ref = refdate;
	}
	return c->v > w->lo && c->v <= refdate;
}

static int
eval_leaf(const struct expr *e, const struct table *t, size_t row, int refdate,
    struct indicator_set *set)
{
	const struct cell *c;
	int cls;

	if (e->leaf == LEAF_FALSE || row >= t->nrows)
		return 0;
	c = table_cell(t, row, (size_t)e->col);
	switch ((enum leaf)e->leaf) {
	case LEAF_STATE:
		return c->state == e->state;
	case LEAF_CLASS_STATE:
		cls = cell_class(e, t, c, set);
		return e->state == CELL_EMPTY ? cls == -1 : cls != -1;
	case LEAF_CLASS:
		return compare(e->cmp, cell_class(e, t, c, set), e->word);
	case LEAF_DEADLINE_STATE:
		return (cell_deadline(t, c, refdate, set) != 0) == (e->state == CELL_OK);
	case LEAF_DEADLINE:
		if ((cls = cell_deadline(t, c, refdate, set)) == 0)
			return 0;	/* no deadline: not documented, not due */
		return compare(e->cmp, cls, e->lit == LIT_REFDATE ? refdate : e->ival);
	default:
		break;
	}
	if (c->state != CELL_OK)
		return 0;
	switch ((enum leaf)e->leaf) {
	case LEAF_WITHIN: return within(e, c, refdate);
	case LEAF_MATCH: return match(e, t, c);
	case LEAF_INT: return compare(e->cmp, c->v, e->ival);
	case LEAF_REFDATE: return compare(e->cmp, c->v, refdate);
	case LEAF_NUM: return compare(e->cmp, c->v, e->num);
	case LEAF_TEXT: return match(e, t, c) == (e->cmp == CMP_EQ);
	default: return 0;
	}
}

int
expr_eval(const struct expr *e, const struct table *t, size_t row, int refdate,
    struct indicator_set *set)
{
	size_t i;

	if (e == NULL)
		return 1;
	switch (e->op) {
	case EXPR_AND:
		for (i = 0; i < e->nargs; i++)
			if (!expr_eval(e->args[i], t, row, refdate, set))
				return 0;
		return 1;
	case EXPR_OR:
		for (i = 0; i < e->nargs; i++)
			if (expr_eval(e->args[i], t, row, refdate, set))
				return 1;
		return 0;
	case EXPR_NOT:
		return !expr_eval(e->a, t, row, refdate, set);
	default:
		break;
	}
	return eval_leaf(e, t, row, refdate, set);
}

enum level
indicator_level(const struct indicator *ind, long num, long den)
{
	long double v, scale = ind->unit == UNIT_PERCENT ? 100.0L : 1000.0L;
	long double god = ind->god, middels = ind->middels;

	if (den <= 0)
		return LEVEL_LAV;
	/* num * scale / den compared with a threshold, without dividing. */
	v = (long double)num * scale;
	if (ind->higher_is_better)
		return v >= god * den ? LEVEL_GOD : v >= middels * den ? LEVEL_MIDDELS : LEVEL_LAV;
	return v <= god * den ? LEVEL_GOD : v <= middels * den ? LEVEL_MIDDELS : LEVEL_LAV;
}
