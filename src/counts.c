/*
 * counts.c: answers by class and measures by status and due date (see counts.h).
 */
#include <string.h>

#include "counts.h"

size_t
counts_answer_slot(int cls)
{
	switch (cls) {
	case ANSWER_ESTABLISHED:
		return COUNT_ESTABLISHED;
	case ANSWER_PROGRESS:
		return COUNT_PROGRESS;
	case ANSWER_NOT:
		return COUNT_NOT;
	case ANSWER_UNSURE:
		return COUNT_UNSURE;
	default:
		return COUNT_UNANSWERED;
	}
}

size_t
counts_status_slot(int cls)
{
	switch (cls) {
	case STATUS_DONE:
		return COUNT_DONE;
	case STATUS_PROGRESS:
		return COUNT_DOING;
	case STATUS_PLANNED:
		return COUNT_PLANNED;
	case STATUS_NOT_STARTED:
		return COUNT_NOT_STARTED;
	default:
		return COUNT_UNKNOWN;
	}
}

/* 1 when municipality k is in place (itself, its county, or the country). */
static int
in_place(const struct results *r, size_t k, size_t place)
{
	switch (results_place_level(r, place)) {
	case PLACE_KOMMUNE:
		return k == place;
	case PLACE_FYLKE:
		return results_county_place(r, k) == place;
	default:
		return 1;
	}
}

void
counts_progress(const struct results *r, size_t place, struct progress *p)
{
	size_t i;

	memset(p, 0, sizeof(*p));
	for (i = 0; i < r->nmeasures; i++) {
		const struct measure *m = &r->measures[i];
		int done = m->status_class == STATUS_DONE;

		if (!in_place(r, m->kommune, place))
			continue;
		p->total++;
		p->status[counts_status_slot(m->status_class)]++;
		if (m->due) {
			p->due++;
			p->due_done += done;
		} else if (m->deadline != 0) {
			p->later++;
			p->later_done += done;
		} else if (m->recurring)
			p->recurring_undated++;
		else
			p->undated++;
		p->overdue += m->overdue != 0;
	}
}

void
counts_answers(const struct results *r, int year, size_t ind, size_t place,
    long n[COUNT_NANSWER])
{
	size_t k, nk = r->ds->reg.nkommuner;

	memset(n, 0, COUNT_NANSWER * sizeof(*n));
	for (k = 0; k < nk; k++) {
		const struct figure *f;

		if (!in_place(r, k, place) || !results_present(r, year, k))
			continue;
		f = results_figure(r, year, ind, k);
		if (f == NULL || f->state == FIG_HIDDEN)
			continue;	/* a hidden answer is counted nowhere */
		n[f->state == FIG_PUBLISHED ? counts_answer_slot(f->answer) :
		    COUNT_UNANSWERED]++;
	}
}
