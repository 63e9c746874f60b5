/*
 * Municipality numbers (see kommunenr.h). The changes are merged per old and new number
 * (the latest date counts, the first place in the file orders a split's list) and ordered
 * by old number, so that following a number reads only the changes of the numbers on its
 * way; what a number came to is found once and kept, so that a million rows of an old
 * number cost one search.
 */
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "kommunenr.h"
#include "util.h"

static int
nr_value(const char *nr)
{
	return (nr[0] - '0') * 1000 + (nr[1] - '0') * 100 + (nr[2] - '0') * 10 + (nr[3] - '0');
}

void
kommunenr_map_init(struct kommunenr_map *m, const struct kommune_register *reg)
{
	size_t i;

	memset(m, 0, sizeof(*m));
	m->reg = reg;
	for (i = 0; i < 10000; i++)
		m->bynr[i] = -1;
	for (i = 0; i < reg->nkommuner; i++)
		m->bynr[nr_value(reg->kommuner[i].nr)] = (int16_t)i;
}

int
kommunenr_map_change(struct kommunenr_map *m, const char old[5], const char new[5],
    int32_t date)
{
	struct kommunenr_change *c;

	if (m->nchanges >= KOMMUNENR_MAX_CHANGES)
		return -1;
	m->changes = xgrow(m->changes, &m->cap, m->nchanges, sizeof(*m->changes));
	c = &m->changes[m->nchanges];
	memcpy(c->old, old, 5);
	memcpy(c->new, new, 5);
	c->date = date;
	c->order = m->nchanges++;
	m->sorted = 0;
	return 0;
}

static void
fates_free(struct kommunenr_map *m)
{
	size_t i;

	for (i = 0; m->fate != NULL && i < 10000; i++) {
		free(m->fate[i].path);
		free(m->fate[i].list);
	}
	free(m->fate);
	m->fate = NULL;
}

void
kommunenr_map_no_changes(struct kommunenr_map *m)
{
	free(m->changes);
	free(m->from);
	fates_free(m);
	m->changes = NULL;
	m->from = NULL;
	m->nchanges = m->cap = 0;
	m->sorted = 0;
}

void
kommunenr_map_free(struct kommunenr_map *m)
{
	kommunenr_map_no_changes(m);
}

int
kommunenr_lookup(const struct kommunenr_map *m, const char nr[5])
{
	return m->bynr[nr_value(nr)];
}

/* By old number, new number, then place in the file. */
static int
change_pair_cmp(const void *a, const void *b)
{
	const struct kommunenr_change *x = a, *y = b;
	int c = strcmp(x->old, y->old);

	if (c == 0)
		c = strcmp(x->new, y->new);
	return c != 0 ? c : (x->order > y->order) - (x->order < y->order);
}

/* By old number, then place in the file. */
static int
change_order_cmp(const void *a, const void *b)
{
	const struct kommunenr_change *x = a, *y = b;
	int c = strcmp(x->old, y->old);

	return c != 0 ? c : (x->order > y->order) - (x->order < y->order);
}

/* Merges the changes of one old and one new number into one of the latest date at the
 * place of the first, orders them by old number and indexes where each number's begin. */
static void
changes_sort(struct kommunenr_map *m)
{
	size_t i, j = 0, v;

	if (m->nchanges > 0)
		qsort(m->changes, m->nchanges, sizeof(*m->changes), change_pair_cmp);
	for (i = 0; i < m->nchanges; i++) {
		struct kommunenr_change *c = &m->changes[i];

		if (j > 0 && strcmp(m->changes[j - 1].old, c->old) == 0 &&
		    strcmp(m->changes[j - 1].new, c->new) == 0) {
			if (c->date > m->changes[j - 1].date)
				m->changes[j - 1].date = c->date;
			continue;
		}
		m->changes[j++] = *c;
	}
	m->nchanges = j;
	if (m->nchanges > 0)
		qsort(m->changes, m->nchanges, sizeof(*m->changes), change_order_cmp);
	free(m->from);
	m->from = xmalloc(10001 * sizeof(*m->from));
	for (v = 0, i = 0; v <= 10000; v++) {
		while (i < m->nchanges && (size_t)nr_value(m->changes[i].old) < v)
			i++;
		m->from[v] = i;
	}
	fates_free(m);
	m->sorted = 1;
}

/* The successors of nr by changes in force from `since`: their count, the first in *one,
 * all of them listed in list ("1508 Ålesund and 1580 Haram", names from the register). */
static size_t
successors(const struct kommunenr_map *m, const char *nr, int32_t since, char one[5],
    struct buf *list)
{
	size_t i, n = 0;
	int v = nr_value(nr), k;

	for (i = m->from[v]; i < m->from[v + 1]; i++) {
		const struct kommunenr_change *ch = &m->changes[i];

		if (strcmp(ch->new, nr) == 0 || ch->date < since)
			continue;
		if (n == 0)
			memcpy(one, ch->new, 5);
		k = kommunenr_lookup(m, ch->new);
		buf_printf(list, "%s%s%s%s", n > 0 ? " and " : "", ch->new, k >= 0 ? " " : "",
		    k >= 0 ? m->reg->kommuner[k].navn : "");
		n++;
	}
	return n;
}

/* The date of the change from old to new (in force from `since`), after successors()
 * found it. */
static int32_t
change_date(const struct kommunenr_map *m, const char *old, const char *new)
{
	size_t i;
	int v = nr_value(old);

	for (i = m->from[v]; i < m->from[v + 1]; i++)
		if (strcmp(m->changes[i].new, new) == 0)
			return m->changes[i].date;
	return 0;
}

/* Follows the changes from nr to today's number. Returns the register index, -1 (unknown)
 * or -2 (split: list names the successors). At most 32 steps, so that a loop of changes
 * ends. */
static int
follow(const struct kommunenr_map *m, const char *nr, struct buf *path, struct buf *list)
{
	char cur[5], next[5];
	int32_t since = 0;
	int steps, k;

	memcpy(cur, nr, 5);
	for (steps = 0; steps < 32; steps++) {
		size_t n;

		buf_reset(list);
		n = successors(m, cur, since, next, list);
		if (n == 0)
			return -1;
		if (n > 1)
			return -2;
		since = change_date(m, cur, next);
		buf_printf(path, " -> %s", next);
		k = kommunenr_lookup(m, next);
		if (k >= 0 && successors(m, next, since + 1, cur, list) == 0)
			return k;
		memcpy(cur, next, 5);
	}
	return -1;
}

/* What nr came to, followed on first use. */
static const struct kommunenr_fate *
fate_of(struct kommunenr_map *m, const char *nr)
{
	struct kommunenr_fate *f;
	struct buf path, list;

	if (!m->sorted)
		changes_sort(m);
	if (m->fate == NULL)
		m->fate = xcalloc(10000, sizeof(*m->fate));
	f = &m->fate[nr_value(nr)];
	if (f->known)
		return f;
	buf_init(&path);
	buf_init(&list);
	f->kommune = follow(m, nr, &path, &list);
	f->path = buf_take(&path);
	f->list = buf_take(&list);
	f->known = 1;
	return f;
}

int
kommunenr_read(struct kommunenr_map *m, const char *s, const char *file, long line,
    long col, struct diag *d)
{
	const struct kommune *kk = m->reg->kommuner;
	const struct kommunenr_fate *f;
	char nr[5], shown[FIELD_SHOWN];
	int padded, k;

	switch (field_kommunenr(s, nr, &padded)) {
	case FIELD_EMPTY:
		diag_msg(d, DIAG_ERROR, file, line, col, "expected a kommunenr (four digits), "
		    "found an empty field; the row is left out");
		return -1;
	case FIELD_BAD:
		field_shown(s, shown);
		diag_msg(d, DIAG_ERROR, file, line, col, "expected a kommunenr (four digits), "
		    "found '%s'; the row is left out", shown);
		return -1;
	case FIELD_OK:
		break;
	}
	if (padded) {
		field_shown(s, shown);
		diag_msg(d, DIAG_WARNING, file, line, col, "expected a kommunenr of four "
		    "digits, found '%s'; read as %s (a leading zero lost in Excel)", shown, nr);
	}
	if ((k = kommunenr_lookup(m, nr)) >= 0)
		return k;
	f = fate_of(m, nr);
	if (f->kommune >= 0)
		diag_msg(d, DIAG_WARNING, file, line, col, "kommunenr %s is no longer in use; "
		    "read as %s %s (%s%s, by kommuneendringer.csv)", nr, kk[f->kommune].nr,
		    kk[f->kommune].navn, nr, f->path);
	else if (f->kommune == -2)
		diag_msg(d, DIAG_ERROR, file, line, col, "kommunenr %s was split into %s%s (by "
		    "kommuneendringer.csv), so the row cannot be given to one municipality; "
		    "expected today's number; the row is left out", nr, f->list,
		    f->path[0] != '\0' ? " after a renumbering" : "");
	else
		diag_msg(d, DIAG_ERROR, file, line, col, "expected a kommunenr in the register "
		    "(kommuner.csv), found %s%s; the row is left out", nr, m->nchanges > 0 ?
		    ", which kommuneendringer.csv does not know either" : "");
	return f->kommune >= 0 ? f->kommune : -1;
}
