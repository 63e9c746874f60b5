/*
 * What the three reports share (see report.h): formatting of figures, values, levels,
 * changes and dates through the templates; the comparison and trend charts; the appendix;
 * document metadata; chart export for --figures. Reads results and templates only.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "report.h"

#define NBSP	"\xc2\xa0"
#define MINUS	"\xe2\x88\x92"	/* U+2212, the typographic minus */

int
report_expand(const struct report_ctx *c, struct buf *out, const char *key, ...)
{
	struct tmpl_var vars[32];
	size_t n = 0;
	const char *name;
	va_list ap;

	va_start(ap, key);
	while ((name = va_arg(ap, const char *)) != NULL && n < 32) {
		vars[n].name = name;
		vars[n].value = va_arg(ap, const char *);
		if (vars[n].value == NULL)
			vars[n].value = "";
		n++;
	}
	va_end(ap);
	return tmpl_expand(c->t, key, vars, n, out, c->d);
}

const char *
report_str(const struct report_ctx *c, const char *key)
{
	return tmpl_str(c->t, key);
}

const char *
report_ind_short(const struct report_ctx *c, size_t ind)
{
	char key[96];

	snprintf(key, sizeof(key), "felles.ind.%s", c->r->defs->v[ind].id);
	if (tmpl_get(c->t, key) == NULL)
		return report_ind_name(c, ind);
	return tmpl_str(c->t, key);
}

const char *
report_ind_name(const struct report_ctx *c, size_t ind)
{
	const struct indicator *i = &c->r->defs->v[ind];

	return i->name[c->lang] != NULL ? i->name[c->lang] : i->id;
}

void
report_keep_together(struct buf *out, size_t from)
{
	struct buf t;
	size_t i;

	buf_init(&t);
	for (i = from; i < out->len; i++) {
		if (out->data[i] == ' ')
			buf_puts(&t, NBSP);
		else
			buf_putc(&t, out->data[i]);
	}
	out->len = from;
	buf_put(out, t.data != NULL ? t.data : "", t.len);
	buf_free(&t);
}

void
report_value(const struct report_ctx *c, size_t ind, long value10, struct buf *out)
{
	char num[32];
	size_t from = out->len;
	const char *key = c->r->defs->v[ind].unit == UNIT_PER_1000 ?
	    "felles.verdi.promille" : "felles.verdi.prosent";

	compute_format10(value10, num, sizeof(num));
	if (report_expand(c, out, key, "verdi", num, NULL) == -1)
		buf_puts(out, num);
	report_keep_together(out, from);
}

/* The symbol of a figure that has no value, or NULL. */
static const char *
fig_symbol(const struct report_ctx *c, const struct figure *f)
{
	switch (f->state) {
	case FIG_PUBLISHED:
		break;
	case FIG_HIDDEN:
		return report_str(c, "felles.symbol.skjult");
	case FIG_MISSING:
	case FIG_NO_ACTIVE:
		return report_str(c, "felles.symbol.mangler");
	}
	return NULL;
}

void
report_fig(const struct report_ctx *c, size_t ind, const struct figure *f, struct buf *out)
{
	const char *sym = fig_symbol(c, f);

	if (sym != NULL)
		buf_puts(out, sym);
	else
		report_value(c, ind, f->value10, out);
}

void
report_fig_number(const struct report_ctx *c, const struct figure *f, struct buf *out)
{
	const char *sym = fig_symbol(c, f);
	char num[32];

	if (sym != NULL) {
		buf_puts(out, sym);
		return;
	}
	compute_format10(f->value10, num, sizeof(num));
	buf_puts(out, num);
}

const char *
report_unit(const struct report_ctx *c, size_t ind)
{
	return report_str(c, c->r->defs->v[ind].unit == UNIT_PER_1000 ?
	    "felles.enhet.promille" : "felles.enhet.prosent");
}

static const char *const level_names[] = { "lav", "middels", "god" };

const char *
report_level_symbol(const struct report_ctx *c, int level)
{
	char key[48];

	if (level < LEVEL_LAV || level > LEVEL_GOD)
		return "";
	snprintf(key, sizeof(key), "felles.niva.symbol.%s", level_names[level]);
	return report_str(c, key);
}

const char *
report_level_word(const struct report_ctx *c, int level)
{
	char key[48];

	if (level < LEVEL_LAV || level > LEVEL_GOD)
		return "";
	snprintf(key, sizeof(key), "felles.niva.%s", level_names[level]);
	return report_str(c, key);
}

void
report_level(const struct report_ctx *c, const struct figure *f, struct buf *out)
{
	const char *sym = fig_symbol(c, f);

	if (sym != NULL) {	/* no figure, no level: say why, as the value does */
		buf_puts(out, sym);
		return;
	}
	if (f->level < LEVEL_LAV || f->level > LEVEL_GOD)
		return;
	buf_puts(out, report_level_symbol(c, f->level));
	buf_puts(out, NBSP);
	buf_puts(out, report_level_word(c, f->level));
}

enum doc_mark
report_mark(const struct figure *f)
{
	if (f->state != FIG_PUBLISHED)
		return DOC_MARK_GREY;
	switch (f->level) {
	case LEVEL_GOD:
		return DOC_MARK_GOOD;
	case LEVEL_MIDDELS:
		return DOC_MARK_MIDDLE;
	default:
		return DOC_MARK_LOW;
	}
}

void
report_change(const struct report_ctx *c, const struct figure *f, struct buf *out)
{
	char num[32];

	if (f->state != FIG_PUBLISHED || !f->has_change) {
		buf_puts(out, report_str(c, "felles.symbol.ikke_aktuelt"));
		return;
	}
	compute_format10(f->change10 < 0 ? -f->change10 : f->change10, num, sizeof(num));
	if (f->change10 > 0)
		buf_putc(out, '+');
	else if (f->change10 < 0)
		buf_puts(out, MINUS);
	buf_puts(out, num);
}

void
report_date(const struct report_ctx *c, int ymd, struct buf *out)
{
	char day[8], year[8], key[32];
	size_t from = out->len;

	snprintf(day, sizeof(day), "%d", DATE_DAY(ymd));
	snprintf(year, sizeof(year), "%d", DATE_YEAR(ymd));
	snprintf(key, sizeof(key), "felles.maaned.%d", DATE_MONTH(ymd));
	report_expand(c, out, "felles.dato", "dag", day, "maaned", report_str(c, key),
	    "aar", year, NULL);
	report_keep_together(out, from);
}

char *
report_date_str(const struct report_ctx *c, int ymd)
{
	struct buf b;

	buf_init(&b);
	report_date(c, ymd, &b);
	return buf_take(&b);
}

void
report_count(long n, struct buf *out)
{
	char digits[32];
	size_t len, i;

	if (n < 0) {
		buf_puts(out, MINUS);
		n = -n;
	}
	len = (size_t)snprintf(digits, sizeof(digits), "%ld", n);
	for (i = 0; i < len; i++) {
		/* SSB writes 1 234 but 999 and 5 000 alike: a space every three digits. */
		if (i > 0 && (len - i) % 3 == 0 && len > 4)
			buf_puts(out, NBSP);
		buf_putc(out, digits[i]);
	}
}

struct chart_value
report_chart_value(const struct figure *f)
{
	switch (f->state) {
	case FIG_PUBLISHED:
		return CHART_VAL((int)f->value10);
	case FIG_HIDDEN:
		return CHART_HIDDEN_VAL;
	default:
		return CHART_MISSING_VAL;
	}
}

const char *
report_place_name(const struct report_ctx *c, size_t place)
{
	const char *land;

	if (place != results_country_place(c->r))
		return results_place_name(c->r, place);
	land = report_str(c, "felles.land");
	return land[0] != '\0' ? land : results_place_name(c->r, place);
}

const struct figure *
report_figure(const struct report_ctx *c, size_t ind, size_t place)
{
	return results_figure(c->r, c->r->year, ind, place);
}

long
report_find_ind(const struct report_ctx *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->r->defs->n; i++)
		if (strcmp(c->r->defs->v[i].id, id) == 0)
			return (long)i;
	return -1;
}

const char *
report_answer(const struct report_ctx *c, size_t k, const char *qid)
{
	const struct answer *a = results_answers(c->r, c->r->year, k);
	size_t q;

	if (a == NULL)
		return NULL;
	for (q = 0; q < c->r->ds->nquestions; q++)
		if (strcmp(c->r->ds->questions[q].id, qid) == 0)
			return a[q].text;
	return NULL;
}

long
report_threshold10(double v)
{
	return v < 0 ? -(long)(-v * 10 + 0.5) : (long)(v * 10 + 0.5);
}

static const char *const status_keys[REPORT_NSTATUS] = { "felles.status.gjennomfort",
    "felles.status.pagar", "felles.status.ikke_startet", "felles.status.ukjent" };
static const enum doc_mark status_marks[REPORT_NSTATUS] = { DOC_MARK_GOOD,
    DOC_MARK_MIDDLE, DOC_MARK_LOW, DOC_MARK_GREY };
const enum chart_tone report_status_tones[REPORT_NSTATUS] = { CHART_TONE_GOOD,
    CHART_TONE_MIDDLE, CHART_TONE_LOW, CHART_TONE_NEUTRAL };

size_t
report_status_slot(int status_class)
{
	switch (status_class) {
	case STATUS_DONE:
		return 0;
	case STATUS_PROGRESS:
		return 1;
	case STATUS_NOT_STARTED:
		return 2;
	default:
		return 3;
	}
}

const char *
report_status_word(const struct report_ctx *c, size_t slot)
{
	if (slot >= REPORT_NSTATUS)
		slot = REPORT_NSTATUS - 1;
	return report_str(c, status_keys[slot]);
}

enum doc_mark
report_status_mark(size_t slot)
{
	return status_marks[slot < REPORT_NSTATUS ? slot : REPORT_NSTATUS - 1];
}

enum doc_mark
report_status_cell(const struct report_ctx *c, const struct measure *me, struct buf *out)
{
	size_t slot = report_status_slot(me->status_class);
	const char *word = report_status_word(c, slot);

	buf_reset(out);
	buf_puts(out, word);
	if (me->status != NULL && me->status[0] != '\0' && !str_ieq(me->status, word))
		buf_printf(out, "\n«%s»", me->status);
	return report_status_mark(slot);
}

/* Whether the text as written already holds the date in digits (15.11.2024, 1.3.2025),
 * so that "Frist 15. november 2024" would only repeat it. */
static int
written_date(const char *tid, int ymd)
{
	char s[16];
	int d = DATE_DAY(ymd), mo = DATE_MONTH(ymd), y = DATE_YEAR(ymd);

	snprintf(s, sizeof(s), "%02d.%02d.%d", d, mo, y);
	if (strstr(tid, s) != NULL)
		return 1;
	snprintf(s, sizeof(s), "%d.%d.%d", d, mo, y);
	return strstr(tid, s) != NULL;
}

/* Adds a line to a cell. */
static void
cell_line(struct buf *out, const char *s)
{
	if (out->len > 0)
		buf_putc(out, '\n');
	buf_puts(out, s);
}

enum doc_mark
report_time_cell(const struct report_ctx *c, const struct measure *me, struct buf *out)
{
	const char *tid = me->tid != NULL ? me->tid : "";
	struct buf d, line;

	buf_reset(out);
	buf_puts(out, tid);
	buf_init(&d);
	buf_init(&line);
	if (me->deadline > 0)
		report_date(c, me->deadline, &d);
	if (me->overdue && me->deadline > 0)
		report_expand(c, &line, "felles.tiltak.forfalt_merke", "frist", d.data, NULL);
	else if (me->overdue)
		buf_puts(&line, report_str(c, "felles.tiltak.forfalt"));
	else if (me->deadline > 0 && !written_date(tid, me->deadline))
		report_expand(c, &line, "felles.tiltak.frist", "frist", d.data, NULL);
	if (line.len > 0)
		cell_line(out, line.data);
	if (me->recurring)
		cell_line(out, report_str(c, "felles.tiltak.gjentakende"));
	else if (me->deadline == 0)
		cell_line(out, report_str(c, "felles.tiltak.uten_frist"));
	buf_free(&d);
	buf_free(&line);
	return me->overdue ? DOC_MARK_LOW : DOC_MARK_NONE;
}

int
report_measure_undated(const struct measure *me)
{
	return me->status_class != STATUS_DONE && me->deadline == 0 && !me->recurring;
}

void
report_no_overdue(const struct report_ctx *c, size_t undated, struct buf *out)
{
	char num[32];

	if (undated == 0) {
		buf_puts(out, report_str(c, "felles.tiltak.ingen_forfalte"));
		return;
	}
	snprintf(num, sizeof(num), "%zu", undated);
	report_expand(c, out, "felles.tiltak.ingen_forfalte_udatert", "antall", num, NULL);
}

void
report_plan_table(const struct report_ctx *c, struct doc *doc, size_t kommune)
{
	const struct measure *v = c->r->measures;
	size_t *idx = xcalloc(c->r->nmeasures + 1, sizeof(*idx)), n = 0, i;
	struct doc_table *t = doc_table(doc, 6);
	enum doc_mark mk;
	struct buf b;

	/* Widths in points of the 730 of a landscape page. */
	doc_table_col(t, 0, report_str(c, "felles.handlingsplan.kol.tiltak"), 135, DOC_LEFT);
	doc_table_col(t, 1, report_str(c, "felles.handlingsplan.kol.mal"), 135, DOC_LEFT);
	doc_table_col(t, 2, report_str(c, "felles.handlingsplan.kol.aktivitet"), 150,
	    DOC_LEFT);
	doc_table_col(t, 3, report_str(c, "felles.handlingsplan.kol.tid"), 112, DOC_LEFT);
	doc_table_col(t, 4, report_str(c, "felles.handlingsplan.kol.ansvar"), 92, DOC_LEFT);
	doc_table_col(t, 5, report_str(c, "felles.handlingsplan.kol.status"), 106, DOC_LEFT);
	for (i = 0; i < c->r->nmeasures; i++)
		if (v[i].kommune == kommune && v[i].overdue)
			idx[n++] = i;
	report_sort_measures(idx, n, v);
	for (i = 0; i < c->r->nmeasures; i++)
		if (v[i].kommune == kommune && !v[i].overdue)
			idx[n++] = i;
	buf_init(&b);
	for (i = 0; i < n; i++) {
		const struct measure *me = &v[idx[i]];

		doc_table_row(t, 0);
		doc_table_cell(t, me->tiltak, DOC_MARK_NONE);
		doc_table_cell(t, me->mal, DOC_MARK_NONE);
		doc_table_cell(t, me->aktivitet, DOC_MARK_NONE);
		mk = report_time_cell(c, me, &b);
		doc_table_cell(t, b.data, mk);
		doc_table_cell(t, me->ansvar, DOC_MARK_NONE);
		mk = report_status_cell(c, me, &b);
		doc_table_cell(t, b.data, mk);
	}
	buf_free(&b);
	free(idx);
}

struct chart *
report_status_chart(const struct report_ctx *c, const char *title, size_t ncat,
    const char *const *cats, const long (*counts)[REPORT_NSTATUS], int max10,
    const char *const *label_set, size_t nlabel_set)
{
	struct chart_value *v = xcalloc(ncat * REPORT_NSTATUS + 1, sizeof(*v));
	const char *series[REPORT_NSTATUS];
	struct chart *ch;
	size_t i, s;

	for (s = 0; s < REPORT_NSTATUS; s++)
		series[s] = report_status_word(c, s);
	for (i = 0; i < ncat; i++)
		for (s = 0; s < REPORT_NSTATUS; s++)
			v[i * REPORT_NSTATUS + s] = CHART_VAL((int)counts[i][s] * 10);
	ch = chart_new(&(struct chart_spec){ .kind = CHART_STACKED, .horizontal = 1,
	    .title = title, .axis_title = report_str(c, "felles.diagram.akse.antall_tiltak"),
	    .integers = 1, .ncat = ncat, .categories = cats, .nseries = REPORT_NSTATUS,
	    .series = series, .tones = report_status_tones, .values = v, .max10 = max10,
	    .label_set = label_set, .nlabel_set = nlabel_set });
	free(v);
	return ch;
}

/* The order of report_sort_measures. */
static int
measure_cmp(const struct measure *x, const struct measure *y)
{
	if (x->deadline != y->deadline)
		return x->deadline < y->deadline ? -1 : 1;
	if (x->kommune != y->kommune)
		return x->kommune < y->kommune ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

void
report_sort_measures(size_t *idx, size_t n, const struct measure *v)
{
	size_t i, j;

	/* Insertion sort: few measures, and qsort has no context argument in C11. */
	for (i = 1; i < n; i++) {
		size_t x = idx[i];

		for (j = i; j > 0 && measure_cmp(&v[idx[j - 1]], &v[x]) > 0; j--)
			idx[j] = idx[j - 1];
		idx[j] = x;
	}
}

/* The columns of the overdue-measures table (key felles.handlingsplan.kol.<id>) with
 * their widths in points on a portrait page (0: not there) and a landscape one. */
static const struct {
	const char	*key;
	double		 portrait, landscape;
} overdue_cols[] = {
	{ "felles.handlingsplan.kol.kommune", 82, 100 },
	{ "felles.handlingsplan.kol.tiltak", 146, 160 },
	{ "felles.handlingsplan.kol.aktivitet", 0, 175 },
	{ "felles.handlingsplan.kol.frist", 92, 92 },
	{ "felles.handlingsplan.kol.ansvar", 84, 97 },
	{ "felles.handlingsplan.kol.status", 79, 106 },
};

/* The header of the overdue-measures table. */
static struct doc_table *
overdue_head(const struct report_ctx *c, struct doc *doc, int landscape)
{
	size_t i, ncols = 0;
	struct doc_table *t = doc_table(doc, landscape ? 6 : 5);

	for (i = 0; i < sizeof(overdue_cols) / sizeof(overdue_cols[0]); i++) {
		double w = landscape ? overdue_cols[i].landscape :
		    overdue_cols[i].portrait;

		if (w > 0)
			doc_table_col(t, ncols++, report_str(c, overdue_cols[i].key), w,
			    DOC_LEFT);
	}
	return t;
}

void
report_overdue_table(const struct report_ctx *c, struct doc *doc, const size_t *idx,
    size_t n, int landscape)
{
	struct doc_table *t = overdue_head(c, doc, landscape);
	enum doc_mark mk;
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < n; i++) {
		const struct measure *me = &c->r->measures[idx[i]];

		doc_table_row(t, 0);
		doc_table_cell(t, report_place_name(c, me->kommune), DOC_MARK_NONE);
		doc_table_cell(t, me->tiltak, DOC_MARK_NONE);
		if (landscape)
			doc_table_cell(t, me->aktivitet, DOC_MARK_NONE);
		buf_reset(&b);
		report_date(c, me->deadline, &b);
		doc_table_cell(t, b.data, DOC_MARK_LOW);
		doc_table_cell(t, me->ansvar, DOC_MARK_NONE);
		mk = report_status_cell(c, me, &b);
		doc_table_cell(t, b.data, mk);
	}
	buf_free(&b);
}

void
report_heading(struct report_numbering *nb, struct doc *doc, int level, const char *text)
{
	struct buf b;

	buf_init(&b);
	if (level == 1) {
		nb->chapter++;
		nb->section = 0;
		buf_printf(&b, "%d %s", nb->chapter, text);
	} else {
		nb->section++;
		buf_printf(&b, "%d.%d %s", nb->chapter, nb->section, text);
	}
	doc_heading(doc, level, b.data);
	buf_free(&b);
}

void
report_note_fig(const struct figure *f, struct report_used *u)
{
	if (f->state == FIG_HIDDEN)
		u->hidden = 1;
	else if (f->state == FIG_MISSING)
		u->missing = 1;
	else if (f->state == FIG_NO_ACTIVE)
		u->no_active = u->missing = 1;
}

void
report_footnotes(const struct report_ctx *c, struct doc *doc, const struct report_used *u)
{
	if (u->hidden)
		doc_small(doc, report_str(c, "felles.fotnote.skjult"));
	if (u->missing || u->no_active)
		doc_small(doc, report_str(c, "felles.fotnote.mangler"));
	if (u->no_active)
		doc_small(doc, report_str(c, "felles.fotnote.ingen_aktive"));
	if (u->no_change)
		doc_small(doc, report_str(c, "felles.fotnote.ikke_aktuelt"));
}

void
report_cover(const struct report_ctx *c, struct doc *doc, const struct doc_cover *cov,
    const char *dato)
{
	struct doc_cover all = *cov;
	struct buf issuer, date;

	buf_init(&issuer);
	buf_init(&date);
	report_expand(c, &issuer, "felles.utgitt_av", "utgiver", c->issuer, NULL);
	all.issuer = issuer.data;
	all.date = NULL;
	if (dato != NULL) {
		report_expand(c, &date, "felles.tall_per", "dato", dato, NULL);
		all.date = date.data;
	}
	doc_cover(doc, &all);
	buf_free(&issuer);
	buf_free(&date);
}

void
report_contents(const struct report_ctx *c, struct doc *doc)
{
	doc_toc(doc, report_str(c, "felles.innhold.overskrift"));
}

void
report_doc_setup(const struct report_ctx *c, struct doc *doc, const char *title,
    const char *subject, const char *header)
{
	struct buf label, fmt;
	const char *p;

	doc_set_title(doc, title);
	doc_set_subject(doc, subject);
	doc_set_author(doc, c->issuer);
	doc_set_header(doc, header);
	doc_set_lang(doc, c->lang == LANG_NN ? "nn-NO" : "nb-NO");
	doc_set_keywords(doc, report_str(c, "felles.emneord"));

	/* The page label reaches the document as "…%d…%d…": the page, then the count. */
	buf_init(&label);
	buf_init(&fmt);
	report_expand(c, &label, "felles.side", "side", "\x01", "sider", "\x02", NULL);
	for (p = label.data != NULL ? label.data : ""; *p != '\0'; p++) {
		if (*p == '%')
			buf_puts(&fmt, "%%");
		else if (*p == '\x01' || *p == '\x02')
			buf_puts(&fmt, "%d");
		else
			buf_putc(&fmt, *p);
	}
	doc_set_page_label(doc, fmt.data != NULL ? fmt.data : "%d / %d");
	buf_free(&fmt);
	buf_free(&label);
}

static void
export_figure(const struct report_ctx *c, const struct chart *ch, const char *figname,
    double w, double h)
{
	char *png, *svg;

	png = xasprintf("%s/%s-%s.png", c->figdir, c->figbase, figname);
	svg = xasprintf("%s/%s-%s.svg", c->figdir, c->figbase, figname);
	chart_write_png(ch, png, c->o->fonts_dir, w, h, c->d);
	chart_write_svg(ch, svg, c->o->fonts_dir, w, h, c->d);
	free(png);
	free(svg);
}

void
report_add_chart(const struct report_ctx *c, struct doc *doc, struct chart *ch,
    const char *figname, double max_h)
{
	double h;

	if (ch == NULL)
		return;
	h = chart_height(ch, REPORT_TEXT_WIDTH);
	if (max_h > 0 && h > max_h)
		h = max_h;
	if (c->figdir != NULL && figname != NULL)
		export_figure(c, ch, figname, REPORT_TEXT_WIDTH, h);
	doc_chart(doc, ch, h);
}

const char *
report_axis_title(const struct report_ctx *c, const struct indicator *i)
{
	if (i->unit == UNIT_PER_1000)
		return report_str(c, "felles.diagram.akse.promille");
	switch (i->source) {
	case TABLE_SURVEY:
		return report_str(c, "felles.diagram.akse.prosent_kommuner");
	case TABLE_ACTIONS:
		return report_str(c, "felles.diagram.akse.prosent_tiltak");
	default:
		return report_str(c, "felles.diagram.akse.prosent_planer");
	}
}

size_t
report_level_bands(const struct report_ctx *c, const struct indicator *i,
    struct chart_band bands[4], int top10)
{
	int god = (int)report_threshold10(i->god);
	int middels = (int)report_threshold10(i->middels);
	size_t n = 0;

	if (!i->higher_is_better) {
		bands[n++] = (struct chart_band){ 0, middels, CHART_TONE_GOOD,
		    report_str(c, "felles.niva.god") };
		bands[n++] = (struct chart_band){ middels, god, CHART_TONE_MIDDLE,
		    report_str(c, "felles.niva.middels") };
		bands[n++] = (struct chart_band){ god, top10, CHART_TONE_LOW,
		    report_str(c, "felles.niva.lav") };
		return n;
	}
	bands[n++] = (struct chart_band){ 0, middels, CHART_TONE_LOW,
	    report_str(c, "felles.niva.lav") };
	bands[n++] = (struct chart_band){ middels, god, CHART_TONE_MIDDLE,
	    report_str(c, "felles.niva.middels") };
	bands[n++] = (struct chart_band){ god, top10, CHART_TONE_GOOD,
	    report_str(c, "felles.niva.god") };
	if (i->kind == IND_COVERAGE)
		bands[n++] = (struct chart_band){ 250, 300, CHART_TONE_NEED,
		    report_str(c, "felles.diagram.behov") };
	return n;
}

int
report_axis_end(const struct indicator *i, int max10)
{
	if (i->unit != UNIT_PER_1000)
		return max10 > 1000 ? max10 : 1000;
	return max10 < 350 ? 350 : (max10 / 50 + 1) * 50;
}

const char *
report_chart_note(const struct report_ctx *c, const struct chart_value *v, size_t n,
    struct buf *b)
{
	int hidden = 0, missing = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		hidden |= v[i].state == CHART_HIDDEN;
		missing |= v[i].state == CHART_MISSING;
	}
	if (hidden)
		buf_puts(b, report_str(c, "felles.diagram.skjult"));
	if (hidden && missing)
		buf_puts(b, "   ");
	if (missing)
		buf_puts(b, report_str(c, "felles.diagram.mangler"));
	return b->len > 0 ? b->data : NULL;
}

/* The places a chart of `place` compares: itself, its county (for a municipality) and
 * the country. Returns how many (2 or 3). */
static size_t
compared_places(const struct report_ctx *c, size_t place, size_t out[3])
{
	size_t n = 0;

	out[n++] = place;
	if (results_place_level(c->r, place) == PLACE_KOMMUNE)
		out[n++] = results_county_place(c->r, place);
	out[n++] = results_country_place(c->r);
	return n;
}

struct chart *
report_chart_compare(const struct report_ctx *c, size_t ind, size_t place, const char *title)
{
	const struct indicator *i = &c->r->defs->v[ind];
	size_t places[3], n, k;
	const char *cats[3];
	struct chart_value vals[3];
	struct chart_band bands[4];
	const char *series[1];
	/* A municipality's figure of a survey indicator (internkontroll) is its answer, 0 or
	 * 100 %: the chart shows the answer's word where the bar would be, as the summary
	 * table does, while the county and the country keep their shares. Only the first
	 * place is a municipality, so `word` holds one word and is not moved. */
	static const char *const answer_word[] = { "felles.svar.ikke_etablert",
	    "felles.svar.under_arbeid", "felles.svar.etablert" };
	static const enum chart_tone answer_tone[] = { CHART_TONE_LOW, CHART_TONE_MIDDLE,
	    CHART_TONE_GOOD };
	struct chart_word words[3];
	struct buf note, word;
	struct chart *ch;
	int top10 = 0, any_word = 0;

	n = compared_places(c, place, places);
	buf_init(&word);
	for (k = 0; k < n; k++) {
		const struct figure *f = results_figure(c->r, c->r->year, ind, places[k]);

		cats[k] = report_place_name(c, places[k]);
		vals[k] = report_chart_value(f);
		words[k] = (struct chart_word){ NULL, CHART_TONE_AUTO };
		if (i->source == TABLE_SURVEY && f->state == FIG_PUBLISHED &&
		    results_place_level(c->r, places[k]) == PLACE_KOMMUNE &&
		    f->level >= LEVEL_LAV && f->level <= LEVEL_GOD) {
			buf_puts(&word, report_level_symbol(c, f->level));
			buf_puts(&word, NBSP);
			buf_puts(&word, report_str(c, answer_word[f->level]));
			words[k] = (struct chart_word){ word.data, answer_tone[f->level] };
			any_word = 1;
			continue;
		}
		if (vals[k].state == CHART_VALUE && vals[k].v10 > top10)
			top10 = vals[k].v10;
	}
	top10 = report_axis_end(i, top10);
	series[0] = report_ind_short(c, ind);
	buf_init(&note);
	ch = chart_new(&(struct chart_spec){
	    .kind = CHART_BAR, .horizontal = 1, .title = title,
	    .axis_title = report_axis_title(c, i),
	    .note = report_chart_note(c, vals, n, &note),
	    .ncat = n, .categories = cats, .nseries = 1, .series = series,
	    .values = vals, .bands = bands,
	    .nbands = report_level_bands(c, i, bands, top10),
	    .highlight = 1, .max10 = top10, .words = any_word ? words : NULL });
	buf_free(&note);
	buf_free(&word);
	return ch;
}

struct chart *
report_chart_trend(const struct report_ctx *c, size_t ind, size_t place, const char *title)
{
	const struct indicator *i = &c->r->defs->v[ind];
	const struct results *r = c->r;
	size_t places[3], n, y, k;
	const char **cats;
	const char *series[3];
	struct chart_value *vals;
	char (*years)[8];
	struct chart_band bands[4];
	struct buf note;
	struct chart *ch;
	int top10 = 0;

	n = compared_places(c, place, places);
	cats = xcalloc(r->nyears, sizeof(*cats));
	years = xcalloc(r->nyears, sizeof(*years));
	vals = xcalloc(r->nyears * n, sizeof(*vals));
	for (y = 0; y < r->nyears; y++) {
		snprintf(years[y], sizeof(years[y]), "%d", r->years[y]);
		cats[y] = years[y];
		for (k = 0; k < n; k++) {
			const struct figure *f = results_figure(r, r->years[y], ind, places[k]);
			struct chart_value v = report_chart_value(f);

			vals[y * n + k] = v;
			if (v.state == CHART_VALUE && v.v10 > top10)
				top10 = v.v10;
		}
	}
	top10 = report_axis_end(i, top10);
	for (k = 0; k < n; k++)
		series[k] = report_place_name(c, places[k]);
	buf_init(&note);
	ch = chart_new(&(struct chart_spec){
	    .kind = CHART_LINE, .title = title, .axis_title = report_axis_title(c, i),
	    .note = report_chart_note(c, vals, r->nyears * n, &note),
	    .ncat = r->nyears, .categories = cats, .nseries = n, .series = series,
	    .values = vals, .bands = bands,
	    .nbands = report_level_bands(c, i, bands, top10),
	    .max10 = top10 });
	buf_free(&note);
	free(vals);
	free(years);
	free(cats);
	return ch;
}

/* One year before the day after: the first day of the 12 months that end on R
 * (R minus one year, 29.02 -> 28.02, plus one day). */
static int
period_start(int r)
{
	return date_add_days(date_add_months(r, -12), 1);
}

static void
appendix_definitions(const struct report_ctx *c, struct doc *doc)
{
	const struct indicator_set *set = c->r->defs;
	struct buf b, god, middels;
	size_t i;
	char minn[16];

	doc_heading(doc, 2, report_str(c, "felles.vedlegg.definisjoner.overskrift"));
	doc_paragraph(doc, report_str(c, "felles.vedlegg.definisjoner.intro"));
	buf_init(&b);
	buf_init(&god);
	buf_init(&middels);
	for (i = 0; i < set->n; i++) {
		const struct indicator *ind = &set->v[i];

		doc_heading(doc, 3, report_ind_short(c, i));
		if (ind->desc[c->lang] != NULL)
			doc_paragraph(doc, ind->desc[c->lang]);
		buf_reset(&god);
		buf_reset(&middels);
		report_value(c, i, report_threshold10(ind->god), &god);
		report_value(c, i, report_threshold10(ind->middels), &middels);
		buf_reset(&b);
		report_expand(c, &b, "felles.vedlegg.definisjoner.grenser", "god", god.data,
		    "middels", middels.data, NULL);
		if (ind->min_n > 1) {
			snprintf(minn, sizeof(minn), "%d", ind->min_n);
			buf_putc(&b, ' ');
			report_expand(c, &b, "felles.vedlegg.definisjoner.min_n", "min_n", minn,
			    "enhet", report_str(c, "felles.enhet.planer"), NULL);
		}
		doc_small(doc, b.data);
	}
	doc_paragraph(doc, report_str(c, "felles.vedlegg.definisjoner.ikke_dokumentert"));
	buf_reset(&b);
	buf_reset(&god);
	buf_reset(&middels);
	report_date(c, period_start(c->r->refdate), &god);
	report_date(c, c->r->refdate, &middels);
	report_expand(c, &b, "felles.vedlegg.periode", "fra", god.data, "til", middels.data,
	    NULL);
	doc_paragraph(doc, b.data);
	buf_free(&b);
	buf_free(&god);
	buf_free(&middels);
}

static void
appendix_sources(const struct report_ctx *c, struct doc *doc)
{
	const struct dataset *ds = c->r->ds;
	struct report_used u;
	struct doc_table *t;
	struct buf b;
	size_t i, j;
	char year[8];

	memset(&u, 0, sizeof(u));
	doc_heading(doc, 2, report_str(c, "felles.vedlegg.kilder.overskrift"));
	doc_paragraph(doc, report_str(c, "felles.vedlegg.kilder.intro"));
	t = doc_table(doc, 5);
	doc_table_col(t, 0, report_str(c, "felles.vedlegg.kilder.kol.fil"), 3, DOC_LEFT);
	doc_table_col(t, 1, report_str(c, "felles.vedlegg.kilder.kol.aar"), 1, DOC_RIGHT);
	doc_table_col(t, 2, report_str(c, "felles.vedlegg.kilder.kol.lest"), 1.4, DOC_RIGHT);
	doc_table_col(t, 3, report_str(c, "felles.vedlegg.kilder.kol.brukt"), 1.4, DOC_RIGHT);
	doc_table_col(t, 4, report_str(c, "felles.vedlegg.kilder.kol.utelatt"), 1.4, DOC_RIGHT);
	buf_init(&b);
	for (i = 0; i < ds->nsources; i++) {
		const struct source *s = &ds->sources[i];

		doc_table_row(t, 0);
		doc_table_cell(t, s->name, DOC_MARK_NONE);
		snprintf(year, sizeof(year), "%d", s->year);
		doc_table_cell(t, s->year > 0 ? year : "", DOC_MARK_NONE);
		if (results_source_hidden(c->r, s)) {
			u.hidden = 1;
			for (j = 0; j < 3; j++)
				doc_table_cell(t, report_str(c, "felles.symbol.skjult"),
				    DOC_MARK_NONE);
			continue;
		}
		buf_reset(&b);
		report_count((long)s->rows_read, &b);
		doc_table_cell(t, b.data, DOC_MARK_NONE);
		if (s->refused) {
			doc_table_cell(t, report_str(c, "felles.vedlegg.kilder.ikke_brukt"),
			    DOC_MARK_GREY);
			doc_table_cell(t, "", DOC_MARK_NONE);
			continue;
		}
		buf_reset(&b);
		report_count((long)s->rows_used, &b);
		doc_table_cell(t, b.data, DOC_MARK_NONE);
		buf_reset(&b);
		report_count((long)s->rows_left_out, &b);
		doc_table_cell(t, b.data, DOC_MARK_NONE);
	}
	buf_reset(&b);
	snprintf(year, sizeof(year), "%zu", ds->reg.nkommuner);
	report_expand(c, &b, "felles.vedlegg.kilder.register", "antall", year, NULL);
	doc_small(doc, b.data);
	report_footnotes(c, doc, &u);
	buf_free(&b);
}

static void
appendix_suppression(const struct report_ctx *c, struct doc *doc)
{
	const struct indicator_set *set = c->r->defs;
	struct buf b;
	char minn[16];
	int min_n = 1;
	size_t i;

	for (i = 0; i < set->n; i++)
		if (set->v[i].min_n > min_n)
			min_n = set->v[i].min_n;
	snprintf(minn, sizeof(minn), "%d", min_n);
	doc_heading(doc, 2, report_str(c, "felles.vedlegg.prikking.overskrift"));
	buf_init(&b);
	report_expand(c, &b, "felles.vedlegg.prikking.tekst", "min_n", minn, NULL);
	doc_paragraph(doc, b.data);
	buf_reset(&b);
	report_expand(c, &b, "felles.vedlegg.prikking.sekundar", "min_n", minn, NULL);
	doc_paragraph(doc, b.data);
	buf_free(&b);
	doc_paragraph(doc, report_str(c, "felles.vedlegg.prikking.mangler"));
}

/* How the free text of the action plans is read: the reader sees "Forfalt" and should be
 * able to check why. */
static void
appendix_measures(const struct report_ctx *c, struct doc *doc)
{
	struct buf b, d;

	if (c->r->nmeasures == 0)
		return;
	doc_heading(doc, 2, report_str(c, "felles.vedlegg.tiltak.overskrift"));
	doc_paragraph(doc, report_str(c, "felles.vedlegg.tiltak.status"));
	doc_paragraph(doc, report_str(c, "felles.vedlegg.tiltak.frist"));
	buf_init(&b);
	buf_init(&d);
	report_date(c, c->r->refdate, &d);
	report_expand(c, &b, "felles.vedlegg.tiltak.forfalt", "dato", d.data, NULL);
	doc_paragraph(doc, b.data);
	buf_free(&b);
	buf_free(&d);
}

void
report_appendix(const struct report_ctx *c, struct doc *doc)
{
	doc_heading(doc, 1, report_str(c, "felles.vedlegg.overskrift"));
	appendix_definitions(c, doc);
	appendix_measures(c, doc);
	appendix_sources(c, doc);
	appendix_suppression(c, doc);
}

void
report_appendix_measures(const struct report_ctx *c, struct doc *doc)
{
	doc_heading(doc, 1, report_str(c, "felles.vedlegg.overskrift"));
	appendix_measures(c, doc);
	appendix_sources(c, doc);
}

void
report_file_name(const char *code, const char *name, struct buf *out)
{
	const unsigned char *p;

	buf_puts(out, code);
	buf_putc(out, '-');
	for (p = (const unsigned char *)name; *p != '\0'; p++) {
		if (*p < 0x20 || strchr("/\\:*?\"<>|", *p) != NULL)
			buf_putc(out, '_');
		else
			buf_putc(out, (char)*p);
	}
}
