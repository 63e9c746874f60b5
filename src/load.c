/*
 * Loading the data directory (see load.h): finds the input files by name, reads each
 * through load_file.c into a table of the contract's columns (or the register), and owns
 * the dataset's lifetime and model.h's lookup functions. Plan ids are kept only as hashes
 * while their file is read, to find repeats (plan_ids.c); they never reach the tables.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "load_file.h"
#include "load_rows.h"

/* Where a file's bytes come from: the file at path, or len bytes at raw (load_bytes). */
struct load_input {
	const char	*path;
	const char	*raw;
	size_t		 len;
	const char	*shown;		/* the file as messages name it */
};

static int
load_input_read(struct load_file *lf, const struct load_input *in)
{
	return in->raw != NULL ? load_read_bytes(lf, in->raw, in->len) : load_read(lf, in->path);
}

static char *
load_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	if (strcmp(dir, ".") == 0)
		return xstrdup(name);
	if (n > 0 && dir[n - 1] == '/')
		return xasprintf("%s%s", dir, name);
	return xasprintf("%s/%s", dir, name);
}

static int
load_kommune_cmp(const void *a, const void *b)
{
	return strcmp(((const struct kommune *)a)->nr, ((const struct kommune *)b)->nr);
}

static void
load_table_free(struct table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->ncols; i++)
		free(t->cols[i].name);
	free(t->cols);
	free(t->path);
	free(t->cells);
	free(t->kommune);
	free(t->line);
	free(t->pos);
	free(t->updated_pos);
	buf_free(&t->text);
	free(t);
}

static struct table *
load_table_new(struct load_file *lf, enum table_kind kind, int year, size_t ncols)
{
	struct table *t = xcalloc(1, sizeof(*t));

	t->path = xstrdup(lf->shown);
	t->kind = kind;
	t->year = year;
	t->ncols = ncols;
	t->cols = xcalloc(ncols, sizeof(*t->cols));
	buf_init(&t->text);
	lf->t = t;
	lf->row = xcalloc(ncols, sizeof(*lf->row));
	return t;
}

static void
load_table_col(struct table *t, size_t i, const char *name, enum col_type type, int required)
{
	t->cols[i].name = xstrdup(name);
	t->cols[i].type = type;
	t->cols[i].required = required;
}

/* An input file found in the data directory. */
struct load_entry {
	char		*name;
	enum load_kind	 kind;
	int		 year;
};

static int
load_entry_cmp(const void *a, const void *b)
{
	const struct load_entry *x = a, *y = b;

	if (x->kind != y->kind)
		return (int)x->kind - (int)y->kind;
	if (x->year != y->year)
		return x->year - y->year;
	return strcmp(x->name, y->name);
}

/* The kind of a file name, or -1 for files that are not inputs. */
static int
load_kind_of(const char *name, int *year)
{
	char low[64];
	size_t i, n = strlen(name);
	int y, len = 0;

	*year = 0;
	if (n >= sizeof(low))
		return -1;
	for (i = 0; i <= n; i++)
		low[i] = (name[i] >= 'A' && name[i] <= 'Z') ? (char)(name[i] + 32) : name[i];
	if (strcmp(low, "kommuner.csv") == 0)
		return LOAD_REGISTER;
	if (strcmp(low, "kommuneendringer.csv") == 0)
		return LOAD_CHANGES;
	if (strcmp(low, "handlingsplan.csv") == 0)
		return LOAD_ACTIONS;
	if (sscanf(low, "planer-%4d.csv%n", &y, &len) == 1 && len == 15 && low[len] == '\0' &&
	    y >= 1900) {
		*year = y;
		return LOAD_PLANS;
	}
	if (sscanf(low, "kartlegging-%4d.csv%n", &y, &len) == 1 && len == 20 &&
	    low[len] == '\0' && y >= 1900) {
		*year = y;
		return LOAD_SURVEY;
	}
	return -1;
}

/* Lists the input files of dir, sorted by kind and year. Returns their number, or -1. */
static long
load_scan(const char *dir, struct load_entry **out, struct diag *d)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	struct load_entry *v = NULL;
	size_t n = 0, cap = 0, i, j;
	int kind, year;

	*out = NULL;
	if (dp == NULL) {
		diag_msg(d, DIAG_FATAL, dir, 0, 0, "cannot open the data directory; nothing "
		    "can be done");
		return -1;
	}
	while ((e = readdir(dp)) != NULL) {
		if ((kind = load_kind_of(e->d_name, &year)) < 0)
			continue;
		v = xgrow(v, &cap, n, sizeof(*v));
		v[n].name = xstrdup(e->d_name);
		v[n].kind = (enum load_kind)kind;
		v[n].year = year;
		n++;
	}
	closedir(dp);
	if (n > 0)
		qsort(v, n, sizeof(*v), load_entry_cmp);
	for (i = j = 0; i < n; i++) {
		if (j > 0 && v[j - 1].kind == v[i].kind && v[j - 1].year == v[i].year) {
			diag_msg(d, DIAG_WARNING, v[i].name, 0, 0, "expected one file of this "
			    "name, found it also as %s; only that one is read", v[j - 1].name);
			free(v[i].name);
			continue;
		}
		v[j++] = v[i];
	}
	*out = v;
	return (long)j;
}

static struct source *
load_source(struct dataset *ds, const char *shown, const char *name, int year)
{
	struct source *s;

	ds->sources = xrealloc(ds->sources, (ds->nsources + 1) * sizeof(*ds->sources));
	s = &ds->sources[ds->nsources++];
	memset(s, 0, sizeof(*s));
	s->path = xstrdup(shown);
	s->name = xstrdup(name);
	s->year = year;
	return s;
}

/* Reads the register and indexes it. Returns 0, or -1 after a fatal error: nothing can
 * be done without it. */
static int
load_register(struct load_ctx *c, const struct load_input *in, const char *name)
{
	struct kommune_register *r = &c->ds->reg;
	struct source *src = load_source(c->ds, in->shown, name, 0);
	struct load_file lf;
	size_t i, j;
	int rc;

	load_file_init(&lf, c, LOAD_REGISTER, in->shown, src, load_register_names,
	    load_register_required, R__N);
	lf.seen = xcalloc(10000, sizeof(*lf.seen));
	rc = load_input_read(&lf, in);
	r->has_population = lf.pos[R_INNB] >= 0;
	load_file_free(&lf);
	if (rc == -1 || r->nkommuner == 0) {
		diag_msg(c->d, DIAG_FATAL, in->shown, 0, 0, "expected a municipality register "
		    "with at least one usable row; nothing can be done without it");
		return -1;
	}
	/* Sort municipalities by number and counties by number, keeping the links. */
	{
		int *order = xmalloc(r->nfylker * sizeof(*order));
		struct fylke *sorted = xmalloc(r->nfylker * sizeof(*sorted));

		for (i = 0; i < r->nfylker; i++) {
			size_t rank = 0;

			for (j = 0; j < r->nfylker; j++)
				if (strcmp(r->fylker[j].nr, r->fylker[i].nr) < 0)
					rank++;
			order[i] = (int)rank;
			sorted[rank] = r->fylker[i];
		}
		for (i = 0; i < r->nkommuner; i++)
			r->kommuner[i].fylke = order[r->kommuner[i].fylke];
		free(r->fylker);
		r->fylker = sorted;
		free(order);
	}
	qsort(r->kommuner, r->nkommuner, sizeof(*r->kommuner), load_kommune_cmp);
	kommune_names_index(&c->names, r);
	kommunenr_map_init(&c->nrs, r);
	c->indexed = 1;
	return 0;
}

static void
load_changes(struct load_ctx *c, const struct load_input *in, const char *name)
{
	struct source *src = load_source(c->ds, in->shown, name, 0);
	struct load_file lf;

	load_file_init(&lf, c, LOAD_CHANGES, in->shown, src, load_change_names,
	    load_change_required, C__N);
	if (load_input_read(&lf, in) == -1)
		kommunenr_map_no_changes(&c->nrs);
	load_file_free(&lf);
}

static void
load_push(struct table ***v, size_t *n, struct table *t)
{
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = t;
}

const struct load_column *
load_columns(enum table_kind kind, size_t *n)
{
	switch (kind) {
	case TABLE_PLANS:
		*n = P__N - 1;
		return load_plan_columns;
	case TABLE_ACTIONS:
		*n = A__N;
		return load_action_columns;
	case TABLE_SURVEY:
		break;
	}
	*n = 0;
	return NULL;
}

/* The header names of a plan or action file (plans: plan_id first) and whether each is
 * required, for load_file_init; the caller frees both. */
static size_t
load_header_names(enum table_kind kind, const char ***names, int **required)
{
	size_t ncols, nfirst = kind == TABLE_PLANS, i;
	const struct load_column *cols = load_columns(kind, &ncols);

	*names = xcalloc(nfirst + ncols, sizeof(**names));
	*required = xcalloc(nfirst + ncols, sizeof(**required));
	if (nfirst) {
		(*names)[P_ID] = "plan_id";
		(*required)[P_ID] = 1;
	}
	for (i = 0; i < ncols; i++) {
		(*names)[nfirst + i] = cols[i].name;
		(*required)[nfirst + i] = cols[i].required;
	}
	return nfirst + ncols;
}

/* Reads a plan or action file into a new table of the contract's columns; the table, or
 * NULL when the file is not used. */
static struct table *
load_contract_table(struct load_ctx *c, const struct load_input *in, struct source *src,
    enum table_kind kind, int year)
{
	const char **names;
	int *required;
	size_t nnames = load_header_names(kind, &names, &required), ncols, i;
	const struct load_column *cols = load_columns(kind, &ncols);
	struct load_file lf;
	struct table *t;

	load_file_init(&lf, c, kind == TABLE_PLANS ? LOAD_PLANS : LOAD_ACTIONS, in->shown, src,
	    names, required, nnames);
	t = load_table_new(&lf, kind, year, ncols);
	for (i = 0; i < ncols; i++)
		load_table_col(t, i, cols[i].name, cols[i].type, cols[i].required);
	if (load_input_read(&lf, in) != 0) {
		load_table_free(t);
		t = NULL;
	}
	load_file_free(&lf);
	free(names);
	free(required);
	return t;
}

static void
load_plans(struct load_ctx *c, const struct load_input *in, const char *name, int year)
{
	struct source *src = load_source(c->ds, in->shown, name, year);
	struct table *t = load_contract_table(c, in, src, TABLE_PLANS, year);

	if (t != NULL)
		load_push(&c->ds->plans, &c->ds->nplans, t);
}

static void
load_actions(struct load_ctx *c, const struct load_input *in, const char *name)
{
	struct source *src = load_source(c->ds, in->shown, name, 0);
	struct table *t = load_contract_table(c, in, src, TABLE_ACTIONS, 0);

	if (t != NULL) {
		load_table_free(c->ds->actions);
		c->ds->actions = t;
	}
}

static void
load_survey(struct load_ctx *c, const struct load_input *in, const char *name, int year)
{
	struct dataset *ds = c->ds;
	const char *shown = in->shown;
	struct source *src = load_source(ds, shown, name, year);
	size_t nq = ds->nquestions, i;
	const char **names = xcalloc(S_Q0 + nq, sizeof(*names));
	struct load_file lf;
	struct table *t;

	names[S_NR] = "kommunenr";
	names[S_NAME] = "kommune";
	for (i = 0; i < nq; i++)
		names[S_Q0 + i] = ds->questions[i].id;
	load_file_init(&lf, c, LOAD_SURVEY, shown, src, names, NULL, S_Q0 + nq);
	lf.seen = xcalloc(ds->reg.nkommuner, sizeof(*lf.seen));
	t = load_table_new(&lf, TABLE_SURVEY, year, 1 + nq);
	load_table_col(t, 0, "kommune", COL_KOMMUNE, 1);
	for (i = 0; i < nq; i++)
		load_table_col(t, 1 + i, ds->questions[i].id, COL_TEXT, 0);
	if (nq == 0) {
		diag_msg(c->d, DIAG_ERROR, shown, 0, 0, "the survey questions "
		    "(indicators/kartlegging.csv) could not be read; the file is not used");
		src->refused = 1;
		load_table_free(t);
	} else if (load_input_read(&lf, in) == 0)
		load_push(&ds->surveys, &ds->nsurveys, t);
	else
		load_table_free(t);
	load_file_free(&lf);
	free(names);
}

static void
load_questions(struct load_ctx *c, const char *indicators_dir)
{
	char *path = load_join(indicators_dir, "kartlegging.csv");
	struct source src;
	struct load_file lf;

	memset(&src, 0, sizeof(src));
	load_file_init(&lf, c, LOAD_QUESTIONS, path, &src, load_question_names,
	    load_question_required, Q__N);
	load_read(&lf, path);
	load_file_free(&lf);
	free(path);
}

/* Reads one input file of the given kind. Returns 0, or -1 when it was the register and
 * it could not be used (fatal). */
static int
load_one(struct load_ctx *c, const struct load_input *in, const char *name,
    enum load_kind kind, int year)
{
	if (kind != LOAD_REGISTER && !c->indexed) {
		diag_msg(c->d, DIAG_ERROR, in->shown, 0, 0, "expected the municipality register "
		    "kommuner.csv to be read first; the file is not used");
		return 0;
	}
	switch (kind) {
	case LOAD_REGISTER:
		return load_register(c, in, name);
	case LOAD_CHANGES:
		load_changes(c, in, name);
		break;
	case LOAD_PLANS:
		load_plans(c, in, name, year);
		break;
	case LOAD_SURVEY:
		load_survey(c, in, name, year);
		break;
	case LOAD_ACTIONS:
		load_actions(c, in, name);
		break;
	case LOAD_QUESTIONS:
		break;
	}
	return 0;
}

struct load_ctx *
load_begin(struct dataset *ds, const char *data_dir, const char *indicators_dir,
    struct diag *d)
{
	struct load_ctx *c = xcalloc(1, sizeof(*c));
	char *apath = load_join(indicators_dir, "kolonner.csv");

	memset(ds, 0, sizeof(*ds));
	ds->dir = xstrdup(data_dir);
	c->ds = ds;
	c->d = d;
	field_aliases_load(&c->aliases, apath, d);
	free(apath);
	load_questions(c, indicators_dir);
	return c;
}

int
load_bytes(struct load_ctx *c, const char *name, const char *raw, size_t len)
{
	struct load_input in = { NULL, raw != NULL ? raw : "", len, name };
	int year, kind = load_kind_of(name, &year);

	if (kind < 0) {
		diag_msg(c->d, DIAG_ERROR, name, 0, 0, "expected the name of an input file "
		    "(kommuner.csv, planer-YYYY.csv, ...); the file is not used");
		return 0;
	}
	return load_one(c, &in, name, (enum load_kind)kind, year);
}

void
load_forget(struct load_ctx *c)
{
	struct dataset *ds = c->ds;
	size_t i, keep = 0;

	for (i = 0; i < ds->nplans; i++)
		load_table_free(ds->plans[i]);
	for (i = 0; i < ds->nsurveys; i++)
		load_table_free(ds->surveys[i]);
	load_table_free(ds->actions);
	free(ds->plans);
	free(ds->surveys);
	ds->plans = ds->surveys = NULL;
	ds->actions = NULL;
	ds->nplans = ds->nsurveys = 0;
	for (i = 0; i < ds->nsources; i++) {
		if (ds->sources[i].year == 0 && strcmp(ds->sources[i].name, "handlingsplan.csv")
		    != 0) {
			ds->sources[keep++] = ds->sources[i];
			continue;
		}
		free(ds->sources[i].path);
		free(ds->sources[i].name);
	}
	ds->nsources = keep;
}

void
load_end(struct load_ctx *c)
{
	size_t i;

	if (c == NULL)
		return;
	field_aliases_free(&c->aliases);
	kommunenr_map_free(&c->nrs);
	kommune_names_free(&c->names);
	for (i = 0; c->qfolded != NULL && i < 2 * c->ds->nquestions; i++)
		free(c->qfolded[i]);
	free(c->qfolded);
	free(c);
}

int
dataset_load(struct dataset *ds, const char *data_dir, const char *indicators_dir,
    struct diag *d)
{
	struct load_ctx *c;
	struct load_entry *v;
	struct load_input in = { NULL, NULL, 0, NULL };
	long n, i;
	int rc = -1;

	memset(ds, 0, sizeof(*ds));
	if ((n = load_scan(data_dir, &v, d)) < 0)
		return -1;
	c = load_begin(ds, data_dir, indicators_dir, d);
	if (n == 0 || v[0].kind != LOAD_REGISTER) {
		diag_msg(d, DIAG_FATAL, NULL, 0, 0, "expected the municipality register "
		    "kommuner.csv in the data directory '%s', found none; nothing can be done",
		    data_dir);
		goto out;
	}
	for (i = 0; i < n; i++) {
		char *path = load_join(data_dir, v[i].name);

		in.path = in.shown = path;
		rc = load_one(c, &in, v[i].name, v[i].kind, v[i].year);
		free(path);
		if (rc == -1)
			goto out;
	}
	rc = 0;
out:
	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
	load_end(c);
	if (rc == -1)
		dataset_free(ds);
	return rc;
}

/* The range of years of the usable plan and survey files in *lo, *hi; their number. */
static size_t
dataset_years(const struct dataset *ds, int *lo, int *hi)
{
	size_t i, n = ds->nplans + ds->nsurveys;

	*lo = *hi = 0;
	for (i = 0; i < n; i++) {
		int y = i < ds->nplans ? ds->plans[i]->year : ds->surveys[i - ds->nplans]->year;

		if (*lo == 0 || y < *lo)
			*lo = y;
		if (y > *hi)
			*hi = y;
	}
	return n;
}

int
dataset_usable(const struct dataset *ds, int year, enum diag_level level, struct diag *d)
{
	size_t found = 0, i;
	int lo, hi;

	for (i = 0; i < ds->nsources; i++)
		found += ds->sources[i].year != 0 && (year == 0 || ds->sources[i].year == year);
	if (dataset_years(ds, &lo, &hi) == 0 && (year == 0 || ds->actions == NULL)) {
		if (level == DIAG_NOTE)
			diag_msg(d, level, NULL, 0, 0, "no %splaner-YYYY.csv or kartlegging-YYYY.csv "
			    "file in '%s': indicators and report have nothing to compute from",
			    found > 0 ? "usable " : "", ds->dir);
		else
			diag_msg(d, level, NULL, 0, 0, "expected a planer-YYYY.csv or "
			    "kartlegging-YYYY.csv file in '%s' to compute indicators from, found "
			    "%s; nothing can be done", ds->dir, found > 0 ? "none that could be "
			    "used" : "none");
		return -1;
	}
	if (year == 0 || hi == 0 || dataset_plans(ds, year) != NULL ||
	    dataset_survey(ds, year) != NULL)
		return 0;
	/* A year without its files would be reported from other years' files, or as
	 * empty: what an adviser asking for that year needs to hear first. */
	if (found > 0)
		diag_msg(d, level, NULL, 0, 0, "expected planer-%d.csv or kartlegging-%d.csv for "
		    "the reporting year %d, found none that could be used; nothing can be done",
		    year, year, year);
	else if (lo == hi)
		diag_msg(d, level, NULL, 0, 0, "expected planer-%d.csv or kartlegging-%d.csv for "
		    "the reporting year %d, found files of %d only; nothing can be done (without "
		    "--year, %d is reported)", year, year, year, lo, hi);
	else
		diag_msg(d, level, NULL, 0, 0, "expected planer-%d.csv or kartlegging-%d.csv for "
		    "the reporting year %d, found files of %d to %d only; nothing can be done "
		    "(without --year, %d is reported)", year, year, year, lo, hi, hi);
	return -1;
}

void
dataset_free(struct dataset *ds)
{
	size_t i;

	for (i = 0; i < ds->reg.nkommuner; i++)
		free(ds->reg.kommuner[i].navn);
	free(ds->reg.kommuner);
	for (i = 0; i < ds->reg.nfylker; i++)
		free(ds->reg.fylker[i].navn);
	free(ds->reg.fylker);
	for (i = 0; i < ds->nquestions; i++) {
		free(ds->questions[i].id);
		free(ds->questions[i].theme_nb);
		free(ds->questions[i].theme_nn);
		free(ds->questions[i].text_nb);
		free(ds->questions[i].text_nn);
	}
	free(ds->questions);
	for (i = 0; i < ds->nplans; i++)
		load_table_free(ds->plans[i]);
	free(ds->plans);
	for (i = 0; i < ds->nsurveys; i++)
		load_table_free(ds->surveys[i]);
	free(ds->surveys);
	load_table_free(ds->actions);
	for (i = 0; i < ds->nsources; i++) {
		free(ds->sources[i].path);
		free(ds->sources[i].name);
	}
	free(ds->sources);
	free(ds->dir);
	memset(ds, 0, sizeof(*ds));
}

/* ---- model.h lookups --------------------------------------------------------------- */

int
table_col(const struct table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i].name, name) == 0)
			return (int)i;
	return -1;
}

const struct table *
dataset_plans(const struct dataset *ds, int year)
{
	size_t i;

	for (i = 0; i < ds->nplans; i++)
		if (ds->plans[i]->year == year)
			return ds->plans[i];
	return NULL;
}

const struct table *
dataset_survey(const struct dataset *ds, int year)
{
	size_t i;

	for (i = 0; i < ds->nsurveys; i++)
		if (ds->surveys[i]->year == year)
			return ds->surveys[i];
	return NULL;
}
