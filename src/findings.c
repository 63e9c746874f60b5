/*
 * findings.c: the findings of a municipality in a year and the pairs of an answer and a
 * figure, by the rules findings_read.c read (see findings.h). Only published figures are
 * judged; the order is the rules' own.
 */
#include <stdlib.h>
#include <string.h>

#include "findings.h"
#include "util.h"

size_t
findings_npairs(const struct indicator_set *set)
{
	return set->findings != NULL ? set->findings->npairs : 0;
}

size_t
findings_max(const struct indicator_set *set)
{
	return set->findings != NULL ? set->findings->max : 0;
}

/* The answer of municipality k to question qid in year, or NULL. */
static const struct answer *
answer_of(const struct results *r, size_t k, int year, const char *qid)
{
	const struct answer *a = results_answers(r, year, k);
	size_t i;

	if (a == NULL)
		return NULL;
	for (i = 0; i < r->ds->nquestions; i++)
		if (strcmp(a[i].q->id, qid) == 0)
			return a[i].text != NULL ? &a[i] : NULL;
	return NULL;
}

void
findings_pair(const struct results *r, size_t k, int year, size_t i, struct pair_view *out)
{
	const struct findings_rules *fr = r->defs->findings;
	const struct figure *f;

	memset(out, 0, sizeof(*out));
	out->question = fr->pairs[i].question;
	out->ind = fr->pairs[i].ind;
	out->answer = answer_of(r, k, year, out->question);
	out->fig = f = results_figure(r, year, out->ind, k);
	/* The figure first: a hidden one is said to be hidden, whatever the answer. */
	if (f == NULL || f->state == FIG_HIDDEN)
		out->outcome = PAIR_HIDDEN;
	else if (out->answer == NULL)
		out->outcome = PAIR_NO_ANSWER;
	else if (f->state != FIG_PUBLISHED || f->level < LEVEL_LAV || f->level > LEVEL_GOD)
		out->outcome = PAIR_NO_FIGURE;
	else if (!out->answer->q->closed || out->answer->cls < ANSWER_NOT ||
	    out->answer->cls > ANSWER_UNSURE)
		out->outcome = PAIR_OPEN;
	else
		out->outcome = fr->disagree[out->answer->cls][f->level] ? PAIR_DISAGREE :
		    PAIR_NO_RULE;
	if (f == NULL)
		out->fig = NULL;
}

static struct finding *
add(struct findings *out, enum finding_kind kind, size_t ind, const struct figure *f)
{
	struct finding *x;

	out->v = xgrow(out->v, &out->cap, out->n, sizeof(*out->v));
	x = &out->v[out->n++];
	memset(x, 0, sizeof(*x));
	x->kind = kind;
	x->ind = ind;
	x->fig = f != NULL && f->state == FIG_PUBLISHED ? f : NULL;
	return x;
}

/* The index of the action-plan indicator, or FINDING_NO_IND. */
static size_t
plan_indicator(const struct results *r)
{
	size_t i;

	for (i = 0; i < r->defs->n; i++)
		if (r->defs->v[i].source == TABLE_ACTIONS)
			return i;
	return FINDING_NO_IND;
}

/* A legal duty's figure at a level of lovkrav.nivaer, or a survey indicator's answer of a
 * class of lovkrav.svar. */
static void
find_legal(const struct findings_rules *fr, const struct results *r, size_t k, int year,
    struct findings *out)
{
	size_t i;

	for (i = 0; i < r->defs->n; i++) {
		const struct figure *f = results_figure(r, year, i, k);

		if (r->defs->v[i].legal_duty != 1 || f->state != FIG_PUBLISHED)
			continue;
		if (compare_is_answer(r, i, k) ? f->answer >= ANSWER_NOT &&
		    f->answer <= ANSWER_UNSURE && fr->legal_answer[f->answer] :
		    f->level >= LEVEL_LAV && f->level <= LEVEL_GOD && fr->legal_level[f->level])
			add(out, FINDING_LEGAL, i, f);
	}
}

/* A fall beyond chance: lower for an indicator where higher is better, and the other
 * way round. */
static void
find_fall(const struct compare_ctx *c, size_t k, int year, struct findings *out)
{
	const struct results *r = c->r;
	struct change ch;
	size_t i;

	for (i = 0; i < r->defs->n; i++) {
		if (!compare_change(c, year, i, k, &ch))
			continue;
		if (ch.verdict == (r->defs->v[i].higher_is_better ? STATS_LOWER : STATS_HIGHER))
			add(out, FINDING_FALL, i, results_figure(r, year, i, k))->change = ch;
	}
}

static void
find_disagree(const struct results *r, size_t k, int year, struct findings *out)
{
	struct pair_view pv;
	struct finding *x;
	size_t i;

	for (i = 0; i < findings_npairs(r->defs); i++) {
		findings_pair(r, k, year, i, &pv);
		if (pv.outcome != PAIR_DISAGREE)
			continue;
		x = add(out, FINDING_DISAGREE, pv.ind, pv.fig);
		x->answer = pv.answer;
		x->pair = i;
	}
}

static void
find_overdue(const struct results *r, size_t k, int year, struct findings *out)
{
	struct progress p;
	struct finding *x;
	size_t i, ind = plan_indicator(r);

	if (year != r->year)
		return;
	counts_progress(r, k, &p);
	if (p.overdue == 0)
		return;
	x = add(out, FINDING_OVERDUE, ind, ind != FINDING_NO_IND ?
	    results_figure(r, year, ind, k) : NULL);
	x->plan = p;
	for (i = 0; i < r->nmeasures; i++)
		if (r->measures[i].kommune == k && r->measures[i].overdue &&
		    (x->oldest == 0 || r->measures[i].deadline < x->oldest))
			x->oldest = r->measures[i].deadline;
}

/* 1 when indicator i already has a finding of kind kind in out. */
static int
has(const struct findings *out, enum finding_kind kind, size_t i)
{
	size_t j;

	for (j = 0; j < out->n; j++)
		if (out->v[j].kind == kind && out->v[j].ind == i)
			return 1;
	return 0;
}

/* Level lav, not said again of an indicator whose legal duty is already a finding. */
static void
find_low(const struct results *r, size_t k, int year, struct findings *out)
{
	size_t i;

	for (i = 0; i < r->defs->n; i++) {
		const struct figure *f = results_figure(r, year, i, k);

		if (f->state == FIG_PUBLISHED && f->level == LEVEL_LAV &&
		    !has(out, FINDING_LEGAL, i))
			add(out, FINDING_LOW, i, f);
	}
}

static void
find_no_survey(const struct results *r, size_t k, int year, struct findings *out)
{
	if (dataset_survey(r->ds, year) != NULL && results_answers(r, year, k) == NULL)
		add(out, FINDING_NO_SURVEY, FINDING_NO_IND, NULL);
}

static void
find_no_plan(const struct results *r, size_t k, int year, struct findings *out)
{
	struct progress p;
	size_t ind = plan_indicator(r);

	if (year != r->year || r->ds->actions == NULL)
		return;
	counts_progress(r, k, &p);
	if (p.total == 0)
		add(out, FINDING_NO_PLAN, ind, NULL);
}

/* Sorting: by the reason's place in the list, then indicator, then pair. */
struct sort_ctx {
	const enum finding_kind	*order;
	size_t			 n;
};

static size_t
rank(const struct sort_ctx *s, enum finding_kind k)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->order[i] == k)
			return i;
	return s->n;
}

static int
cmp_finding(const struct finding *a, const struct finding *b, const struct sort_ctx *s)
{
	size_t ra = rank(s, a->kind), rb = rank(s, b->kind);

	if (ra != rb)
		return ra < rb ? -1 : 1;
	if (a->ind != b->ind)
		return a->ind < b->ind ? -1 : 1;
	return (a->pair > b->pair) - (a->pair < b->pair);
}

/* Insertion sort: few findings, and no qsort context argument in C11. */
static void
sort_findings(struct findings *out, const struct sort_ctx *s)
{
	size_t i, j;

	for (i = 1; i < out->n; i++) {
		struct finding x = out->v[i];

		for (j = i; j > 0 && cmp_finding(&out->v[j - 1], &x, s) > 0; j--)
			out->v[j] = out->v[j - 1];
		out->v[j] = x;
	}
}

size_t
findings_of(const struct compare_ctx *c, size_t k, int year, enum findings_list which,
    struct findings *out)
{
	const struct results *r = c->r;
	const struct findings_rules *fr = r->defs->findings;
	struct sort_ctx s;

	out->n = 0;
	if (fr == NULL || results_year_index(r, year) < 0 || k >= r->ds->reg.nkommuner)
		return 0;
	s.order = fr->order[which];
	s.n = fr->norder[which];
	/* Legal duties before levels: a lav of a legal duty is said as the legal duty. */
	if (rank(&s, FINDING_LEGAL) < s.n)
		find_legal(fr, r, k, year, out);
	if (rank(&s, FINDING_FALL) < s.n)
		find_fall(c, k, year, out);
	if (rank(&s, FINDING_DISAGREE) < s.n)
		find_disagree(r, k, year, out);
	if (rank(&s, FINDING_OVERDUE) < s.n)
		find_overdue(r, k, year, out);
	if (rank(&s, FINDING_LOW) < s.n)
		find_low(r, k, year, out);
	if (rank(&s, FINDING_NO_SURVEY) < s.n)
		find_no_survey(r, k, year, out);
	if (rank(&s, FINDING_NO_PLAN) < s.n)
		find_no_plan(r, k, year, out);
	sort_findings(out, &s);
	return out->n;
}

void
findings_free(struct findings *f)
{
	free(f->v);
	memset(f, 0, sizeof(*f));
}
