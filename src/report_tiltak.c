/*
 * The project groups' report on every action plan (report.h: report_tiltak), in the order
 * of handlingsplan.rekkefolge: cover, an overview with the status of the measures by
 * municipality, the overdue measures (oldest deadline first), a chart of status by
 * municipality, and every municipality's measures with the overdue ones first. Status
 * classes, deadlines, recurrence and overdue flags come computed (struct measure); this
 * file only shows them. Every word comes from templates/<lang>/handlingsplan.txt and
 * felles.txt.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* Municipalities per status chart, so that every bar stays readable on one page. */
#define TIL_CHART_MAX	40

/* One municipality with measures: where its measures are and how they stand. */
struct til_kom {
	size_t		 k;		/* register index */
	size_t		 first, n;	/* its measures: measures[first .. first + n - 1] */
	struct progress	 p;
};

struct til {
	const struct report_ctx	*c;
	const struct results	*r;
	struct doc		*doc;
	struct til_kom		*kom;	/* register order, as the measures are sorted */
	size_t			 nkom;
	struct progress		 total;	/* every measure of the report */
	char			 aar[16];
	char			*dato;
	struct report_numbering	 num;
};

/* ---- Helpers ---- */

static void
til_num(long n, char *out, size_t sz)
{
	snprintf(out, sz, "%ld", n);
}

/* ---- Cover ---- */

/* Where the measures come from, for the cover: the county when it is one, else the
 * number of counties. */
static void
til_place(const struct til *m, struct buf *out)
{
	const struct kommune_register *reg = &m->r->ds->reg;
	char *seen = xcalloc(reg->nfylker + 1, 1), num[32];
	size_t i, n = 0;
	int last = -1;

	for (i = 0; i < m->nkom; i++) {
		int g = reg->kommuner[m->kom[i].k].fylke;

		if (g >= 0 && !seen[g]) {
			seen[g] = 1;
			n++;
			last = g;
		}
	}
	free(seen);
	if (n == 1)
		buf_puts(out, reg->fylker[last].navn);
	else if (n > 1) {
		snprintf(num, sizeof(num), "%zu", n);
		report_expand(m->c, out, "handlingsplan.forside.fylker", "antall", num, NULL);
	}
}

static void
til_cover(struct til *m)
{
	const struct report_ctx *c = m->c;
	struct buf sub, year, place;

	buf_init(&sub);
	buf_init(&year);
	buf_init(&place);
	report_expand(c, &sub, "handlingsplan.undertittel", "aar", m->aar, NULL);
	report_expand(c, &year, "handlingsplan.forside.aar", "dato", m->dato, NULL);
	til_place(m, &place);
	report_cover(c, m->doc, &(struct doc_cover){
	    .title = report_str(c, "handlingsplan.tittel"), .subtitle = sub.data,
	    .place = place.len > 0 ? place.data : NULL, .year = year.data }, NULL);
	buf_free(&sub);
	buf_free(&year);
	buf_free(&place);
}

/* ---- Overview ---- */

/* One row of the overview: the measures of a municipality (or all) by when they are
 * due and how many of those are done. */
static void
til_count_row(struct doc_table *t, const char *name, const struct progress *p, int emph)
{
	const long v[] = { p->total, p->due, p->due_done, p->later,
	    p->undated + p->recurring_undated, p->overdue };
	char num[32];
	size_t i;

	doc_table_row(t, emph);
	doc_table_cell(t, name, DOC_MARK_NONE);
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		til_num(v[i], num, sizeof(num));
		doc_table_cell(t, num, i + 1 == sizeof(v) / sizeof(v[0]) && v[i] > 0 ?
		    DOC_MARK_LOW : DOC_MARK_NONE);
	}
}

static void
til_overview_table(struct til *m)
{
	static const char *const keys[] = { "handlingsplan.oversikt.kol.antall",
	    "handlingsplan.oversikt.kol.med_frist", "handlingsplan.oversikt.kol.gjennomfort",
	    "handlingsplan.oversikt.kol.senere", "handlingsplan.oversikt.kol.uten_dato",
	    "felles.tiltak.forfalne" };
	const struct report_ctx *c = m->c;
	struct doc_table *t = doc_table(m->doc, 7);
	struct buf b;
	size_t i;

	buf_init(&b);
	/* Widths in points of the 483 of a portrait page. */
	doc_table_col(t, 0, report_str(c, "felles.handlingsplan.kol.kommune"), 105, DOC_LEFT);
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		buf_reset(&b);
		report_expand(c, &b, keys[i], "dato", m->dato, NULL);
		doc_table_col(t, i + 1, b.data, i == 0 ? 48 : 66, DOC_RIGHT);
	}
	buf_free(&b);
	for (i = 0; i < m->nkom; i++)
		til_count_row(t, report_place_name(m->c, m->kom[i].k), &m->kom[i].p, 0);
	if (m->nkom > 1)
		til_count_row(t, report_str(c, "handlingsplan.oversikt.sum"), &m->total, 1);
}

static void
til_overview(struct til *m)
{
	const struct report_ctx *c = m->c;
	char n[REPORT_NSTATUS + 1][32], a[32], b2[32];
	struct buf b;
	size_t i;

	doc_orientation(m->doc, DOC_PORTRAIT);
	report_heading(&m->num, m->doc, 1,
	    report_str(c, "handlingsplan.oversikt.overskrift"));
	if (m->r->nmeasures == 0) {
		doc_paragraph(m->doc, report_str(c, "handlingsplan.oversikt.ingen"));
		return;
	}
	buf_init(&b);
	til_num((long)m->r->nmeasures, a, sizeof(a));
	til_num((long)m->nkom, b2, sizeof(b2));
	report_expand(c, &b, m->nkom == 1 ? "handlingsplan.oversikt.intro_en" :
	    "handlingsplan.oversikt.intro", "antall", a, "kommuner", b2, NULL);
	buf_putc(&b, ' ');
	for (i = 0; i < REPORT_NSTATUS; i++)
		til_num(m->total.status[i], n[i], sizeof(n[i]));
	report_expand(c, &b, "handlingsplan.oversikt.status", "gjennomfort", n[COUNT_DONE],
	    "pagar", n[COUNT_DOING], "under_planlegging", n[COUNT_PLANNED], "ikke_startet",
	    n[COUNT_NOT_STARTED], "ukjent", n[COUNT_UNKNOWN], NULL);
	doc_paragraph(m->doc, b.data);
	buf_reset(&b);
	til_num(m->total.due, a, sizeof(a));
	til_num(m->total.due_done, b2, sizeof(b2));
	report_expand(c, &b, "handlingsplan.oversikt.fremdrift", "antall", a, "gjennomfort",
	    b2, "dato", m->dato, NULL);
	if (m->total.later > 0) {
		buf_putc(&b, ' ');
		til_num(m->total.later, a, sizeof(a));
		til_num(m->total.later_done, b2, sizeof(b2));
		report_expand(c, &b, m->total.later_done > 0 ? "handlingsplan.oversikt.senere" :
		    "handlingsplan.oversikt.senere_kort", "antall", a, "gjennomfort", b2, NULL);
	}
	if (m->total.recurring_undated > 0) {
		buf_putc(&b, ' ');
		til_num(m->total.recurring_undated, a, sizeof(a));
		report_expand(c, &b, "handlingsplan.oversikt.gjentakende", "antall", a, NULL);
	}
	if (m->total.undated > 0) {
		buf_putc(&b, ' ');
		til_num(m->total.undated, a, sizeof(a));
		report_expand(c, &b, "handlingsplan.oversikt.uten_frist", "antall", a, NULL);
	}
	doc_paragraph(m->doc, b.data);
	buf_free(&b);
	til_overview_table(m);
}

/* ---- Overdue measures ---- */

static void
til_overdue(struct til *m)
{
	const struct report_ctx *c = m->c;
	size_t *idx = xcalloc(m->r->nmeasures + 1, sizeof(*idx)), n = 0, undated = 0, i;
	struct buf b;

	doc_orientation(m->doc, DOC_LANDSCAPE);
	report_heading(&m->num, m->doc, 1,
	    report_str(c, "handlingsplan.forfalte.overskrift"));
	for (i = 0; i < m->r->nmeasures; i++) {
		undated += report_measure_undated(&m->r->measures[i]);
		if (m->r->measures[i].overdue)
			idx[n++] = i;
	}
	buf_init(&b);
	if (n == 0) {
		report_no_overdue(c, undated, &b);
		doc_paragraph(m->doc, b.data);
	} else {
		report_expand(c, &b, "handlingsplan.forfalte.intro", "dato", m->dato, NULL);
		doc_paragraph(m->doc, b.data);
		report_sort_measures(idx, n, m->r->measures);
		report_overdue_table(c, m->doc, idx, n, 1);
	}
	buf_free(&b);
	free(idx);
}

/* ---- Chart of status by municipality ---- */

/* The status chart of municipalities [from, from + n), its axis ending at max10 (0: from
 * the data); all (nall names) is every part's names, or NULL when there is one part. */
static struct chart *
til_chart(const struct til *m, size_t from, size_t n, const char *title, int max10,
    const char *const *all, size_t nall)
{
	const char **cats = xcalloc(n + 1, sizeof(*cats));
	long (*counts)[REPORT_NSTATUS] = xcalloc(n + 1, sizeof(*counts));
	struct chart *ch;
	size_t i, s;

	for (i = 0; i < n; i++) {
		const struct til_kom *k = &m->kom[from + i];

		cats[i] = report_place_name(m->c, k->k);
		for (s = 0; s < REPORT_NSTATUS; s++)
			counts[i][s] = k->p.status[s];
	}
	ch = report_status_chart(m->c, title, n, cats,
	    (const long (*)[REPORT_NSTATUS])counts, max10, all, nall);
	free(counts);
	free(cats);
	return ch;
}

static void
til_diagram(struct til *m)
{
	const struct report_ctx *c = m->c;
	size_t parts, p, from, n, i;
	struct buf title, name;
	const char **all;
	int max10 = 0;

	if (m->nkom == 0)
		return;
	doc_orientation(m->doc, DOC_PORTRAIT);
	report_heading(&m->num, m->doc, 1,
	    report_str(c, "handlingsplan.diagram.overskrift"));
	buf_init(&title);
	buf_init(&name);
	report_expand(c, &title, "handlingsplan.diagram.tittel", "aar", m->aar, NULL);
	parts = (m->nkom + TIL_CHART_MAX - 1) / TIL_CHART_MAX;
	/* The parts share one axis and one label column (sized to every part's names), so
	 * that equal counts have equal bars on every page. */
	all = xcalloc(m->nkom, sizeof(*all));
	for (i = 0; i < m->nkom; i++) {
		all[i] = report_place_name(c, m->kom[i].k);
		if (parts > 1 && (int)m->kom[i].n * 10 > max10)
			max10 = (int)m->kom[i].n * 10;
	}
	for (p = 0; p < parts; p++) {
		/* Even parts: 45 municipalities become 23 + 22, not 40 + 5. */
		from = m->nkom * p / parts;
		n = m->nkom * (p + 1) / parts - from;
		buf_reset(&name);
		if (p == 0)
			buf_puts(&name, "status-per-kommune");
		else
			buf_printf(&name, "status-per-kommune-%zu", p + 1);
		report_add_chart(c, m->doc, til_chart(m, from, n, title.data, max10,
		    parts > 1 ? all : NULL, parts > 1 ? m->nkom : 0), name.data, 0);
	}
	free(all);
	buf_free(&title);
	buf_free(&name);
}

/* ---- Every municipality's measures ---- */


static void
til_kommuner(struct til *m)
{
	const struct report_ctx *c = m->c;
	char a[32], n[32];
	struct buf b;
	size_t i;

	if (m->nkom == 0)
		return;
	doc_orientation(m->doc, DOC_LANDSCAPE);
	report_heading(&m->num, m->doc, 1,
	    report_str(c, "handlingsplan.kommuner.overskrift"));
	buf_init(&b);
	for (i = 0; i < m->nkom; i++) {
		const struct til_kom *k = &m->kom[i];

		buf_reset(&b);
		report_expand(c, &b, "handlingsplan.kommuner.kommune", "kommune",
		    report_place_name(m->c, k->k), NULL);
		report_heading(&m->num, m->doc, 2, b.data);
		buf_reset(&b);
		til_num(k->p.due_done, a, sizeof(a));
		til_num(k->p.due, n, sizeof(n));
		report_expand(c, &b, k->p.due > 0 ? "handlingsplan.kommuner.oppsummering" :
		    "handlingsplan.kommuner.ingen_med_frist", "gjennomfort", a, "antall", n,
		    "dato", m->dato, NULL);
		if (k->p.later > 0) {
			buf_putc(&b, ' ');
			til_num(k->p.later, a, sizeof(a));
			report_expand(c, &b, "handlingsplan.kommuner.senere", "antall", a, NULL);
		}
		if (k->p.undated + k->p.recurring_undated > 0) {
			buf_putc(&b, ' ');
			til_num(k->p.undated + k->p.recurring_undated, n, sizeof(n));
			report_expand(c, &b, "handlingsplan.kommuner.uten_dato", "antall", n, NULL);
		}
		doc_paragraph(m->doc, b.data);
		report_plan_table(m->c, m->doc, k->k);
	}
	buf_free(&b);
}

/* ---- The report ---- */

/* Groups the measures (sorted by municipality, then line) by municipality and counts
 * them by status. */
static void
til_init(struct til *m, const struct report_ctx *c, struct doc *doc)
{
	const struct results *r = c->r;
	size_t i;

	memset(m, 0, sizeof(*m));
	m->c = c;
	m->r = r;
	m->doc = doc;
	m->kom = xcalloc(r->nmeasures + 1, sizeof(*m->kom));
	for (i = 0; i < r->nmeasures; i++) {
		const struct measure *me = &r->measures[i];
		struct til_kom *k;

		if (m->nkom == 0 || m->kom[m->nkom - 1].k != me->kommune) {
			k = &m->kom[m->nkom++];
			k->k = me->kommune;
			k->first = i;
		}
		k = &m->kom[m->nkom - 1];
		k->n++;
	}
	for (i = 0; i < m->nkom; i++)
		counts_progress(r, m->kom[i].k, &m->kom[i].p);
	counts_progress(r, results_country_place(r), &m->total);
	snprintf(m->aar, sizeof(m->aar), "%d", r->year);
	m->dato = report_date_str(c, r->refdate);
}

static void
til_setup(struct til *m)
{
	const struct report_ctx *c = m->c;
	struct buf subject, header;

	buf_init(&subject);
	buf_init(&header);
	report_expand(c, &subject, "handlingsplan.emne", "aar", m->aar, NULL);
	report_expand(c, &header, "handlingsplan.topptekst", "aar", m->aar, NULL);
	report_doc_setup(c, m->doc, report_str(c, "handlingsplan.tittel"), subject.data,
	    header.data);
	buf_free(&subject);
	buf_free(&header);
}

void
report_tiltak(const struct report_ctx *c, struct doc *doc)
{
	const char *const *items;
	struct til m;
	size_t n, i;

	til_init(&m, c, doc);
	til_setup(&m);
	n = tmpl_list(c->t, "handlingsplan.rekkefolge", &items);
	for (i = 0; i < n; i++) {
		if (strcmp(items[i], "forside") == 0)
			til_cover(&m);
		else if (strcmp(items[i], "innhold") == 0)
			report_contents(c, doc);
		else if (strcmp(items[i], "oversikt") == 0)
			til_overview(&m);
		else if (strcmp(items[i], "forfalte") == 0)
			til_overdue(&m);
		else if (strcmp(items[i], "diagram") == 0)
			til_diagram(&m);
		else if (strcmp(items[i], "kommuner") == 0)
			til_kommuner(&m);
		else if (strcmp(items[i], "vedlegg") == 0) {
			doc_orientation(doc, DOC_PORTRAIT);
			report_appendix_measures(c, doc);
		}
	}
	free(m.kom);
	free(m.dato);
}
