/*
 * compare.c: comparisons, what they cover, and the verdicts on differences and changes
 * (see compare.h). The reference table, when it has a figure, is what is compared with;
 * a figure hidden anywhere never takes part in a verdict.
 */
#include <string.h>

#include "compare.h"

int
compare_is_answer(const struct results *r, size_t ind, size_t place)
{
	return r->defs->v[ind].source == TABLE_SURVEY &&
	    results_place_level(r, place) == PLACE_KOMMUNE;
}

/* 1 when municipality k belongs to the aggregate place (its county, or the country). */
static int
member(const struct results *r, size_t k, size_t place)
{
	return results_place_level(r, place) == PLACE_LAND || results_county_place(r, k) == place;
}

void
compare_coverage(const struct results *r, int year, size_t ind, size_t place, long *covered,
    long *total)
{
	size_t k, nk = r->ds->reg.nkommuner;

	*covered = *total = 0;
	if (results_place_level(r, place) == PLACE_KOMMUNE) {
		const struct figure *f = results_figure(r, year, ind, place);

		*total = 1;
		*covered = f != NULL && f->state != FIG_MISSING;
		return;
	}
	for (k = 0; k < nk; k++) {
		const struct figure *f;

		if (!member(r, k, place))
			continue;
		(*total)++;
		f = results_figure(r, year, ind, k);
		*covered += f != NULL && f->state != FIG_MISSING;
	}
}

/* 1 when municipality k has a figure (published or hidden) of ind in the reference; for
 * a plan indicator, of any plan indicator (a municipality without active plans has no
 * shares, but is in the pooled figures). */
static int
ref_covers(const struct compare_ctx *c, int year, size_t ind, size_t k)
{
	const struct indicator_set *set = c->r->defs;
	const struct figure *f;
	size_t i;

	for (i = 0; i < set->n; i++) {
		if (i != ind && (set->v[ind].source != TABLE_PLANS ||
		    set->v[i].source != TABLE_PLANS))
			continue;
		f = reference_figure(c->ref, year, i, k);
		if (f != NULL && (f->state == FIG_PUBLISHED || f->state == FIG_HIDDEN))
			return 1;
	}
	return 0;
}

static void
ref_coverage(const struct compare_ctx *c, int year, size_t ind, size_t place, long *covered,
    long *total)
{
	size_t k, nk = c->r->ds->reg.nkommuner;

	*covered = *total = 0;
	for (k = 0; k < nk; k++) {
		if (!member(c->r, k, place))
			continue;
		(*total)++;
		*covered += ref_covers(c, year, ind, k);
	}
}

/* The comparison figure of an aggregate place: the reference table's when it has a row,
 * else the run's own; 0 when there is none (no data, or only the compared place). */
static int
comparison_of(const struct compare_ctx *c, int year, size_t ind, size_t of, size_t place,
    enum compare_kind kind, struct comparison *cmp)
{
	const struct figure *rf = reference_figure(c->ref, year, ind, place);
	int own_covered;

	memset(cmp, 0, sizeof(*cmp));
	cmp->kind = kind;
	cmp->of = of;
	cmp->year = year;
	cmp->place = place;
	if (rf != NULL) {
		cmp->fig = rf;
		cmp->source = c->ref->name;
		ref_coverage(c, year, ind, place, &cmp->covered, &cmp->total);
		own_covered = results_place_level(c->r, of) == PLACE_KOMMUNE ?
		    ref_covers(c, year, ind, of) : cmp->covered > 0;
	} else {
		cmp->fig = results_figure(c->r, year, ind, place);
		if (cmp->fig == NULL)
			return 0;
		compare_coverage(c->r, year, ind, place, &cmp->covered, &cmp->total);
		own_covered = results_figure(c->r, year, ind, of)->state != FIG_MISSING;
	}
	/* Only the compared municipality itself: nothing to compare with. */
	if (cmp->covered == 1 && own_covered && results_place_level(c->r, of) == PLACE_KOMMUNE)
		return 0;
	return 1;
}

/* The figure of the compared place inside the comparison's source, when published. */
static const struct figure *
inner_figure(const struct compare_ctx *c, int year, size_t ind, size_t of,
    const struct comparison *cmp)
{
	const struct figure *f = cmp->source != NULL ? reference_figure(c->ref, year, ind, of) :
	    results_figure(c->r, year, ind, of);

	return f != NULL && f->state == FIG_PUBLISHED ? f : NULL;
}

/* The verdict of f (of place `of`) against cmp, against the rest of cmp when the place's
 * own published figure can be taken out of it. */
static void
judge(const struct compare_ctx *c, int year, size_t ind, size_t of, const struct figure *f,
    struct comparison *cmp)
{
	const struct figure *in;
	long num, den;

	cmp->verdict = STATS_NONE;
	if (f == NULL || f->state != FIG_PUBLISHED || cmp->fig->state != FIG_PUBLISHED ||
	    compare_is_answer(c->r, ind, of))
		return;
	num = cmp->fig->num;
	den = cmp->fig->den;
	if ((in = inner_figure(c, year, ind, of, cmp)) != NULL && den - in->den > 0 &&
	    num - in->num >= 0) {
		num -= in->num;
		den -= in->den;
		cmp->against_rest = 1;
	}
	cmp->verdict = stats_compare(f->num, f->den, num, den, &c->params);
}

static size_t
comparisons(const struct compare_ctx *c, int year, size_t ind, size_t place,
    struct comparison out[2], int keep_same)
{
	const struct results *r = c->r;
	const struct figure *f = results_figure(r, year, ind, place);
	size_t n = 0, i;

	if (f == NULL)
		return 0;
	if (results_place_level(r, place) == PLACE_KOMMUNE &&
	    comparison_of(c, year, ind, place, results_county_place(r, place), COMPARE_COUNTY,
	    &out[n]))
		n++;
	if (results_place_level(r, place) != PLACE_LAND &&
	    comparison_of(c, year, ind, place, results_country_place(r), COMPARE_COUNTRY,
	    &out[n])) {
		/* The country of the same municipalities as the county is the county again;
		 * for a county, the country of its own municipalities is itself. */
		int same = n > 0 ? out[0].source == out[n].source &&
		    out[0].covered == out[n].covered : 0;

		if (results_place_level(r, place) == PLACE_FYLKE && out[n].source == NULL) {
			long cov, tot;

			compare_coverage(r, year, ind, place, &cov, &tot);
			same = cov == out[n].covered;
		}
		if (!same || keep_same)
			n++;
	}
	for (i = 0; i < n; i++)
		judge(c, year, ind, place, f, &out[i]);
	return n;
}

size_t
compare_place(const struct compare_ctx *c, int year, size_t ind, size_t place,
    struct comparison out[2])
{
	return comparisons(c, year, ind, place, out, 0);
}

size_t
compare_series(const struct compare_ctx *c, int year, size_t ind, size_t place,
    struct comparison out[2])
{
	return comparisons(c, year, ind, place, out, 1);
}

int
compare_change(const struct compare_ctx *c, int year, size_t ind, size_t place,
    struct change *ch)
{
	const struct results *r = c->r;
	const struct figure *f = results_figure(r, year, ind, place);
	int yi = results_year_index(r, year);

	memset(ch, 0, sizeof(*ch));
	if (f == NULL || f->state != FIG_PUBLISHED || !f->has_change || yi < 1)
		return 0;
	ch->prev_year = r->years[yi - 1];
	ch->prev = results_figure(r, ch->prev_year, ind, place);
	if (ch->prev == NULL || ch->prev->state != FIG_PUBLISHED)
		return 0;
	/* The plans of two years are largely the same plans; judging them as independent
	 * samples makes the interval wider, never narrower (docs/computation.md). */
	ch->verdict = compare_is_answer(r, ind, place) ? STATS_NONE :
	    stats_compare(f->num, f->den, ch->prev->num, ch->prev->den, &c->params);
	return 1;
}
