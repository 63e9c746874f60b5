/*
 * What the three reports share (see report.h): formatting of figures, values, levels,
 * changes and dates through the templates; the comparison and trend charts; the appendix;
 * document metadata; chart export for --figures. Reads results and templates only.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Replaces every plain space of out from `from` on by a no-break space, so that a value
 * and its unit stay on one line. */
static void
keep_together(struct buf *out, size_t from)
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
	keep_together(out, from);
}

void
report_fig(const struct report_ctx *c, size_t ind, const struct figure *f, struct buf *out)
{
	switch (f->state) {
	case FIG_PUBLISHED:
		report_value(c, ind, f->value10, out);
		break;
	case FIG_HIDDEN:
		buf_puts(out, report_str(c, "felles.symbol.skjult"));
		break;
	case FIG_MISSING:
	case FIG_NO_ACTIVE:
		buf_puts(out, report_str(c, "felles.symbol.mangler"));
		break;
	}
}

static const char *const level_names[] = { "lav", "middels", "god" };

void
report_level(const struct report_ctx *c, const struct figure *f, struct buf *out)
{
	char key[48];

	if (f->state != FIG_PUBLISHED || f->level < LEVEL_LAV || f->level > LEVEL_GOD)
		return;
	snprintf(key, sizeof(key), "felles.niva.symbol.%s", level_names[f->level]);
	buf_puts(out, report_str(c, key));
	buf_puts(out, NBSP);
	snprintf(key, sizeof(key), "felles.niva.%s", level_names[f->level]);
	buf_puts(out, report_str(c, key));
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

	snprintf(day, sizeof(day), "%d", DATE_DAY(ymd));
	snprintf(year, sizeof(year), "%d", DATE_YEAR(ymd));
	snprintf(key, sizeof(key), "felles.maaned.%d", DATE_MONTH(ymd));
	report_expand(c, out, "felles.dato", "dag", day, "maaned", report_str(c, key),
	    "aar", year, NULL);
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
    const char *figname)
{
	double h;

	if (ch == NULL)
		return;
	h = chart_height(ch, REPORT_TEXT_WIDTH);
	if (c->figdir != NULL && figname != NULL)
		export_figure(c, ch, figname, REPORT_TEXT_WIDTH, h);
	doc_chart(doc, ch, h);
}

/* The value-axis title of an indicator's charts: what the percentage is of. */
static const char *
axis_title(const struct report_ctx *c, const struct indicator *i)
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

/* The level bands of an indicator (lav, middels, god) and, for coverage, the need band.
 * Thresholds in the unit, x10. Returns how many bands were written to bands (<= 4). */
static size_t
level_bands(const struct report_ctx *c, const struct indicator *i, struct chart_band *bands,
    int top10)
{
	int god = (int)(i->god * 10 + 0.5), middels = (int)(i->middels * 10 + 0.5);
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

/* A note under a chart explaining ":" and ".." when the chart shows either. */
static const char *
chart_note(const struct report_ctx *c, const struct chart_value *v, size_t n, struct buf *b)
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
	struct buf note;
	struct chart *ch;
	int top10 = i->unit == UNIT_PER_1000 ? 0 : 1000;

	n = compared_places(c, place, places);
	for (k = 0; k < n; k++) {
		const struct figure *f = results_figure(c->r, c->r->year, ind, places[k]);

		cats[k] = results_place_name(c->r, places[k]);
		vals[k] = report_chart_value(f);
		if (i->unit == UNIT_PER_1000 && vals[k].state == CHART_VALUE &&
		    vals[k].v10 > top10)
			top10 = vals[k].v10;
	}
	if (i->unit == UNIT_PER_1000)
		top10 = top10 < 350 ? 350 : (top10 / 50 + 1) * 50;
	series[0] = report_ind_short(c, ind);
	buf_init(&note);
	ch = chart_new(&(struct chart_spec){
	    .kind = CHART_BAR, .horizontal = 1, .title = title,
	    .axis_title = axis_title(c, i), .note = chart_note(c, vals, n, &note),
	    .ncat = n, .categories = cats, .nseries = 1, .series = series,
	    .values = vals, .nbands = level_bands(c, i, bands, top10), .bands = bands,
	    .highlight = 1, .max10 = top10 });
	buf_free(&note);
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
	int top10 = i->unit == UNIT_PER_1000 ? 0 : 1000;

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
	if (i->unit == UNIT_PER_1000)
		top10 = top10 < 350 ? 350 : (top10 / 50 + 1) * 50;
	for (k = 0; k < n; k++)
		series[k] = results_place_name(r, places[k]);
	buf_init(&note);
	ch = chart_new(&(struct chart_spec){
	    .kind = CHART_LINE, .title = title, .axis_title = axis_title(c, i),
	    .note = chart_note(c, vals, r->nyears * n, &note),
	    .ncat = r->nyears, .categories = cats, .nseries = n, .series = series,
	    .values = vals, .nbands = level_bands(c, i, bands, top10), .bands = bands,
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
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y = DATE_YEAR(r) - 1, m = DATE_MONTH(r), d = DATE_DAY(r), last;

	if (m == 2 && d == 29)
		d = 28;
	last = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	if (++d > last) {
		d = 1;
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	return DATE_YMD(y, m, d);
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

		doc_heading(doc, 3, report_ind_name(c, i));
		if (ind->desc[c->lang] != NULL)
			doc_paragraph(doc, ind->desc[c->lang]);
		buf_reset(&god);
		buf_reset(&middels);
		report_value(c, i, (long)(ind->god * 10 + 0.5), &god);
		report_value(c, i, (long)(ind->middels * 10 + 0.5), &middels);
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
	struct doc_table *t;
	struct buf b;
	size_t i;
	char year[8];

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
	buf_free(&b);
	doc_paragraph(doc, report_str(c, "felles.vedlegg.prikking.sekundar"));
	doc_paragraph(doc, report_str(c, "felles.vedlegg.prikking.mangler"));
}

void
report_appendix(const struct report_ctx *c, struct doc *doc)
{
	doc_heading(doc, 1, report_str(c, "felles.vedlegg.overskrift"));
	appendix_definitions(c, doc);
	appendix_sources(c, doc);
	appendix_suppression(c, doc);
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
