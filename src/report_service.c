/*
 * report_service.c: the municipal report's chapter on the plans by service area: one
 * table, a row per service area of indicators/tjenesteomrader.txt and "annet" (active
 * plans and each plan share), then the municipality's own total. Figures come hidden or
 * published from service.c; nothing here decides what is shown. Words: templates,
 * kommune.tjenesteomrader.*.
 */
#include <stdio.h>
#include <string.h>

#include "compute.h"
#include "report_service.h"
#include "service.h"
#include "tmpl.h"
#include "util.h"

/* A share as the report writes it ("66,7 %"), ".." with no plan in the denominator. */
static void
share_cell(const struct report_ctx *c, size_t ind, long num, long den, struct buf *out)
{
	buf_reset(out);
	if (den <= 0)
		buf_puts(out, report_str(c, "felles.symbol.mangler"));
	else
		report_value(c, ind, compute_round10(num, den, 100), out);
}

/* The name of group g in the report's language. */
static const char *
group_name(const struct report_ctx *c, size_t g)
{
	const char *name = service_group_name(c->r->defs, g, c->lang);

	return name != NULL ? name : report_str(c, "kommune.tjenesteomrader.annet");
}

/* One row of a published group: its name, its plans and shares. */
static void
group_row(const struct report_ctx *c, struct doc_table *t, size_t k, size_t g,
    struct report_used *u)
{
	const struct service_table *st = c->r->service;
	const struct service_cell *cell = service_cell(st, k, g);
	struct buf b;
	size_t i;

	buf_init(&b);
	doc_table_row(t, 0);
	doc_table_cell(t, group_name(c, g), DOC_MARK_NONE);
	report_count(cell->plans, &b);
	doc_table_cell(t, b.data, DOC_MARK_NONE);
	for (i = 0; i < st->nind; i++) {
		if (service_den(st, k, g, i) <= 0)
			u->missing = 1;
		share_cell(c, st->ind[i], service_num(st, k, g, i), service_den(st, k, g, i),
		    &b);
		doc_table_cell(t, b.data, DOC_MARK_NONE);
	}
	buf_free(&b);
}

/* The municipality's own total under the groups, from its published figures. */
static void
total_row(const struct report_ctx *c, struct doc_table *t, size_t k)
{
	const struct service_table *st = c->r->service;
	const struct figure *f0 = results_figure(c->r, c->r->year, st->ind[0], k);
	struct buf b;
	size_t i;

	buf_init(&b);
	doc_table_row(t, 1);
	doc_table_cell(t, report_str(c, "kommune.tjenesteomrader.i_alt"), DOC_MARK_NONE);
	report_count(f0->den, &b);
	doc_table_cell(t, b.data, DOC_MARK_NONE);
	for (i = 0; i < st->nind; i++) {
		const struct figure *f = results_figure(c->r, c->r->year, st->ind[i], k);

		share_cell(c, st->ind[i], f->num, f->den, &b);
		doc_table_cell(t, b.data, DOC_MARK_NONE);
	}
	buf_free(&b);
}

static int
all_hidden(const struct service_table *st, size_t k)
{
	size_t g;

	for (g = 0; g < st->ngroups; g++)
		if (service_cell(st, k, g)->state == FIG_PUBLISHED)
			return 0;
	return 1;
}

/* The table (the published groups and the total) and its notes: the hidden groups are
 * named in a sentence, not given a row of ":" each (a row of nine symbols says no more,
 * and every cell is an element of the tagged PDF). */
static void
services_table(const struct report_ctx *c, size_t k, struct doc *doc)
{
	const struct service_table *st = c->r->service;
	struct doc_table *t = doc_table(doc, 2 + st->nind);
	struct report_used u;
	struct buf key, hidden;
	size_t g, i;

	memset(&u, 0, sizeof(u));
	buf_init(&key);
	buf_init(&hidden);
	doc_table_col(t, 0, report_str(c, "kommune.tjenesteomrader.kol.omrade"), 1.9, DOC_LEFT);
	doc_table_col(t, 1, report_str(c, "kommune.tjenesteomrader.kol.planer"), 1.0, DOC_RIGHT);
	for (i = 0; i < st->nind; i++) {
		/* the barometer's narrow titles, which say where a long word may break */
		buf_reset(&key);
		buf_printf(&key, "fylke.barometer.kol.%s", c->r->defs->v[st->ind[i]].id);
		doc_table_col(t, 2 + i, tmpl_get(c->t, key.data) != NULL ?
		    report_str(c, key.data) : report_ind_short(c, st->ind[i]), 1.25, DOC_RIGHT);
	}
	for (g = 0; g < st->ngroups; g++) {
		if (service_cell(st, k, g)->state == FIG_PUBLISHED) {
			group_row(c, t, k, g, &u);
			continue;
		}
		if (hidden.len > 0)
			buf_puts(&hidden, ", ");
		buf_puts(&hidden, group_name(c, g));
	}
	total_row(c, t, k);
	if (hidden.len > 0) {
		buf_reset(&key);
		report_expand(c, &key, "kommune.tjenesteomrader.skjulte", "omrader",
		    hidden.data, NULL);
		doc_small(doc, key.data);
	}
	doc_small(doc, report_str(c, "kommune.tjenesteomrader.fotnote"));
	if (u.missing)
		doc_small(doc, report_str(c, "felles.fotnote.mangler"));
	buf_free(&key);
	buf_free(&hidden);
}

void
report_kommune_services(const struct report_ctx *c, size_t k, struct doc *doc,
    struct report_numbering *num)
{
	const struct service_table *st = c->r->service;
	const struct figure *f;
	struct buf b, prose, minn, split;

	if (st == NULL || k >= st->nk ||
	    (f = results_figure(c->r, c->r->year, st->ind[0], k))->state == FIG_MISSING)
		return;
	buf_init(&b);
	buf_init(&prose);
	buf_init(&minn);
	buf_init(&split);
	report_kommune_prose(c, k, &prose);
	buf_printf(&minn, "%d", c->r->defs->v[st->ind[0]].min_n);
	buf_printf(&split, "%ld", st->split_from);
	report_heading(num, doc, 1, report_str(c, "kommune.tjenesteomrader.overskrift"));
	if (f->state == FIG_NO_ACTIVE)
		report_expand(c, &b, "kommune.tjenesteomrader.ingen_aktive", "kommune",
		    prose.data, NULL);
	else if (f->state == FIG_HIDDEN)
		report_expand(c, &b, "kommune.tjenesteomrader.skjult", "kommune", prose.data,
		    NULL);
	else if (all_hidden(st, k))	/* a table of ":" alone says nothing more */
		report_expand(c, &b, "kommune.tjenesteomrader.alle_skjult", "kommune",
		    prose.data, "plangrense", split.data, NULL);
	else
		report_expand(c, &b, c->internal ? "kommune.tjenesteomrader.tekst_intern" :
		    "kommune.tjenesteomrader.tekst", "kommune", prose.data, "min_n", minn.data,
		    NULL);
	doc_paragraph(doc, b.data);
	if (f->state == FIG_PUBLISHED && !all_hidden(st, k))
		services_table(c, k, doc);
	buf_free(&b);
	buf_free(&prose);
	buf_free(&minn);
	buf_free(&split);
}
