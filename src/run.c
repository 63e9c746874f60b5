/*
 * The commands as pipelines (see run.h): each reads the data directory and the
 * definitions, computes what it needs and renders it. Holds no state between calls.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "comments.h"
#include "compare.h"
#include "compute.h"
#include "deadline.h"
#include "font.h"
#include "indicator.h"
#include "internal.h"
#include "load.h"
#include "office.h"
#include "pdf.h"
#include "reference.h"
#include "report.h"
#include "run.h"
#include "tables.h"
#include "tmpl.h"

/* What every computing command reads and computes before it renders. */
struct run_state {
	struct dataset		 ds;
	struct indicator_set	 set;
	struct deadline_rules	*rules;
	struct results		 r;
	struct reference	 ref;		/* path NULL: no reference table */
	struct compare_ctx	 cmp;
};

/* Reads the reference table, if one is given or in the data folder, and the parameters
 * of the comparisons. After the register and the definitions are read. */
static void
run_compare_setup(const struct options *o, struct diag *d, struct run_state *st)
{
	char *path = reference_find(o->reference, o->data_dir);

	stats_load(&st->cmp.params, o->indicators_dir, d);
	if (path != NULL && st->set.n > 0)
		reference_load(&st->ref, path, &st->ds.reg, &st->set, d);
	free(path);
	st->cmp.r = &st->r;
	st->cmp.ref = st->ref.path != NULL ? &st->ref : NULL;
}

/* Reads the data and the definitions and computes every figure. Returns 0, or -1 when
 * nothing can be computed (the reason already said); run_release() either way. */
static int
run_prepare(const struct options *o, struct diag *d, struct run_state *st)
{
	memset(st, 0, sizeof(*st));
	if (dataset_load(&st->ds, o->data_dir, o->indicators_dir, d) == -1 ||
	    dataset_usable(&st->ds, o->year, DIAG_FATAL, d) == -1)
		return -1;
	if (indicators_load(&st->set, o->indicators_dir, d) == -1 && st->set.n == 0) {
		diag_msg(d, DIAG_FATAL, o->indicators_dir, 0, 0, "expected indicator "
		    "definitions, found none that could be used; nothing can be done");
		return -1;
	}
	deadline_rules_load(&st->rules, o->indicators_dir, d);
	run_compare_setup(o, d, st);
	if (compute_run(&st->r, &st->ds, &st->set, st->rules, o->year, o->reference_date, d)
	    == -1)
		return -1;
	reference_check_year(st->cmp.ref, st->r.year, d);
	return 0;
}

static void
run_release(struct run_state *st)
{
	compute_free(&st->r);
	reference_free(&st->ref);
	deadline_rules_free(st->rules);
	indicators_free(&st->set);
	dataset_free(&st->ds);
}

static void
run_check_source(const struct source *s, struct diag *d)
{
	unsigned long w = diag_file_warnings(d, s->path);

	if (s->refused)
		diag_msg(d, DIAG_NOTE, NULL, 0, 0, "%s: not used (%lu row%s left out, "
		    "%lu warning%s)", s->path, s->rows_read, s->rows_read == 1 ? "" : "s",
		    w, w == 1 ? "" : "s");
	else
		diag_msg(d, DIAG_NOTE, NULL, 0, 0, "%s: %lu row%s read, %lu used, %lu left out, "
		    "%lu warning%s", s->path, s->rows_read, s->rows_read == 1 ? "" : "s",
		    s->rows_used, s->rows_left_out, w, w == 1 ? "" : "s");
}

/* kommentarer.csv, when there is one: read as the report reads it, and counted. */
static void
run_check_comments(const struct options *o, const struct kommune_register *reg,
    struct diag *d)
{
	struct comments cm;

	comments_load(&cm, o->data_dir, o->indicators_dir, reg, d);
	if (cm.path != NULL)
		diag_msg(d, DIAG_NOTE, NULL, 0, 0, "%s: %lu row%s read, %lu used, %lu left out "
		    "(the municipalities' comments)%s", cm.path, cm.rows_read,
		    cm.rows_read == 1 ? "" : "s", cm.rows_used, cm.rows_read - cm.rows_used,
		    cm.unusable ? "; not used" : "");
	comments_free(&cm);
}

/* Reads everything the other commands read and computes, so that `check` says every
 * problem they would (definitions, templates, rows, and what only the computation sees:
 * a revision after the reference date, an answer or status no pattern knows, a deadline
 * that is no date), and writes nothing. */
void
run_check(const struct options *o, struct diag *d)
{
	struct run_state st;
	unsigned long read = 0, used = 0, out = 0, refused = 0, errors;
	size_t i;

	memset(&st, 0, sizeof(st));
	indicators_load(&st.set, o->indicators_dir, d);
	deadline_rules_load(&st.rules, o->indicators_dir, d);
	tmpl_check(o->templates_dir, d);
	if (dataset_load(&st.ds, o->data_dir, o->indicators_dir, d) == 0) {
		struct offices offices;

		offices_load(&offices, o->indicators_dir, &st.ds.reg, d);
		offices_free(&offices);
		run_compare_setup(o, d, &st);
		if (dataset_usable(&st.ds, o->year, o->year != 0 ? DIAG_FATAL : DIAG_NOTE,
		    d) == 0 && st.set.n > 0 && compute_run(&st.r, &st.ds, &st.set, st.rules,
		    o->year, o->reference_date, d) == 0)
			reference_check_year(st.cmp.ref, st.r.year, d);
		for (i = 0; i < st.ds.nsources; i++) {
			run_check_source(&st.ds.sources[i], d);
			read += st.ds.sources[i].rows_read;
			used += st.ds.sources[i].rows_used;
			out += st.ds.sources[i].rows_left_out;
			refused += st.ds.sources[i].refused != 0;
		}
		run_check_comments(o, &st.ds.reg, d);
		if (st.ref.path != NULL) {
			unsigned long w = diag_file_warnings(d, st.ref.path);

			diag_msg(d, DIAG_NOTE, NULL, 0, 0, "%s: %lu row%s read, %lu used, %lu left "
			    "out, %lu warning%s (reference table)", st.ref.path, st.ref.rows_read,
			    st.ref.rows_read == 1 ? "" : "s", st.ref.rows_used,
			    st.ref.rows_read - st.ref.rows_used, w, w == 1 ? "" : "s");
		}
		errors = d->count[DIAG_ERROR] + d->count[DIAG_FATAL];
		diag_msg(d, DIAG_NOTE, NULL, 0, 0, "%zu file%s read, %lu not used; %lu row%s "
		    "read, %lu used, %lu left out; %lu warning%s, %lu error%s", st.ds.nsources,
		    st.ds.nsources == 1 ? "" : "s", refused, read, read == 1 ? "" : "s", used,
		    out, d->count[DIAG_WARNING], d->count[DIAG_WARNING] == 1 ? "" : "s", errors,
		    errors == 1 ? "" : "s");
	}
	run_release(&st);
}

/* Writes len bytes to standard output, flushed; a failure (a full disk, a closed pipe)
 * is fatal: what the command was for is lost. */
static void
run_stdout(const char *data, size_t len, struct diag *d)
{
	if ((len > 0 && fwrite(data, 1, len, stdout) != len) || fflush(stdout) != 0)
		diag_msg(d, DIAG_FATAL, NULL, 0, 0, "cannot write to standard output: %s",
		    strerror(errno));
}

/* Prints indikatorer.csv of the reporting year (and the years before it). */
void
run_indicators(const struct options *o, struct diag *d)
{
	struct run_state st;
	struct buf b;

	if (run_prepare(o, d, &st) == 0) {
		buf_init(&b);
		tables_indicators(&st.r, &b);
		run_stdout(b.data, b.len, d);
		buf_free(&b);
	}
	run_release(&st);
}

/* run_report: read, compute, write the tables, then render every report in a pool of
 * threads; a report that fails is named and the others go on. */

enum report_kind { REPORT_KOMMUNE, REPORT_FYLKE, REPORT_OFFICE, REPORT_TILTAK };

struct report_job {
	enum report_kind kind;
	size_t		 index;		/* register index of the municipality or county */
	const struct office *office;	/* REPORT_OFFICE: the office */
	char		*dir;		/* where the PDF goes */
	char		*base;		/* its file name without ".pdf" */
	struct buf	 dump;		/* --dump: the model as text */
	int		 failed;	/* not written (pdf_write said why) */
	int		 refused;	/* not rendered: its comments were bad */
};

struct report_pool {
	const struct report_ctx	*ctx;
	struct report_job	*jobs;
	size_t			 njobs;
	size_t			 next;		/* the next job to take */
	size_t			 done;		/* jobs finished, for the progress line */
	struct timespec		 start, shown;	/* when rendering began; the last progress */
	pthread_mutex_t		 lock;
};

static double
seconds_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

/* The progress line on a terminal (diag_status draws nothing elsewhere): reports done of
 * all, and the time since rendering began. Called with the pool locked; redrawn at most
 * ten times a second, and always for the first and the last report. */
static void
report_progress(struct report_pool *pool)
{
	long s;

	if (!pool->ctx->d->terminal || (pool->done > 0 && pool->done < pool->njobs &&
	    seconds_since(&pool->shown) < 0.1))
		return;
	clock_gettime(CLOCK_MONOTONIC, &pool->shown);
	s = (long)seconds_since(&pool->start);
	diag_status(pool->ctx->d, "ipkval: %zu of %zu report%s done, %ld:%02ld elapsed",
	    pool->done, pool->njobs, pool->njobs == 1 ? "" : "s", s / 60, s % 60);
}

static void
report_job_render(const struct report_ctx *base, struct report_job *j)
{
	struct report_ctx c = *base;
	struct doc *doc;
	char *path;

	if (j->refused)
		return;
	doc = doc_new();
	c.figbase = j->base;
	switch (j->kind) {
	case REPORT_KOMMUNE:
		report_kommune(&c, j->index, doc);
		break;
	case REPORT_FYLKE:
		report_fylke(&c, j->index, doc);
		break;
	case REPORT_OFFICE:
		report_office(&c, j->office, doc);
		break;
	case REPORT_TILTAK:
		report_tiltak(&c, doc);
		break;
	}
	if (c.o->dump) {
		buf_printf(&j->dump, "== %s/%s.pdf\n", j->dir, j->base);
		pdf_paginate(doc, c.o->fonts_dir, c.d);
		doc_dump(doc, &j->dump);
	} else {
		path = xasprintf("%s/%s.pdf", j->dir, j->base);
		j->failed = pdf_write(doc, path, c.o->fonts_dir, c.d) == -1;
		free(path);
	}
	doc_free(doc);
}

static void *
report_worker(void *arg)
{
	struct report_pool *pool = arg;

	for (;;) {
		struct report_job *j;

		pthread_mutex_lock(&pool->lock);
		j = pool->next < pool->njobs ? &pool->jobs[pool->next++] : NULL;
		pthread_mutex_unlock(&pool->lock);
		if (j == NULL)
			return NULL;
		report_job_render(pool->ctx, j);
		pthread_mutex_lock(&pool->lock);
		pool->done++;
		report_progress(pool);
		pthread_mutex_unlock(&pool->lock);
	}
}

/* Renders every job with o->jobs threads (the calling thread is one of them). */
static void
report_render_all(const struct report_ctx *c, struct report_job *jobs, size_t njobs)
{
	struct report_pool pool = { c, jobs, njobs, 0, 0, { 0, 0 }, { 0, 0 },
	    PTHREAD_MUTEX_INITIALIZER };
	pthread_t *threads;
	size_t nthreads = (size_t)(c->o->jobs > 1 ? c->o->jobs : 1), i, started = 0;

	clock_gettime(CLOCK_MONOTONIC, &pool.start);
	report_progress(&pool);
	if (nthreads > njobs)
		nthreads = njobs > 0 ? njobs : 1;
	threads = xcalloc(nthreads, sizeof(*threads));
	for (i = 1; i < nthreads; i++)
		if (pthread_create(&threads[i], NULL, report_worker, &pool) == 0)
			started++;
		else
			break;
	report_worker(&pool);
	for (i = 1; i <= started; i++)
		pthread_join(threads[i], NULL);
	free(threads);
	pthread_mutex_destroy(&pool.lock);
	diag_status_clear(c->d);
}

/* 1 when some municipality of office o has data in the reporting year. */
static int
office_present(const struct results *r, const struct office *o)
{
	const struct kommune_register *reg = &r->ds->reg;
	size_t i;

	for (i = 0; i < o->nfylker; i++)
		if (results_present(r, r->year, reg->nkommuner + o->fylker[i]))
			return 1;
	return 0;
}

/* The reports of this run: every municipality and county with data in the reporting
 * year, every office with such a county, then the action-plan report when there are
 * measures. */
static struct report_job *
report_jobs(const struct results *r, const struct offices *offices, const char *ydir,
    unsigned only, size_t *njobs)
{
	const struct kommune_register *reg = &r->ds->reg;
	struct report_job *jobs = xcalloc(reg->nkommuner + reg->nfylker + offices->n + 1,
	    sizeof(*jobs));
	struct buf name;
	size_t n = 0, i;

	buf_init(&name);
	for (i = 0; i < reg->nkommuner + reg->nfylker; i++) {
		int is_k = i < reg->nkommuner;

		if (!results_present(r, r->year, i) ||
		    !(only & (is_k ? REPORTS_KOMMUNE : REPORTS_FYLKE)))
			continue;
		buf_reset(&name);
		report_file_name(results_place_code(r, i), results_place_name(r, i), &name);
		jobs[n].kind = is_k ? REPORT_KOMMUNE : REPORT_FYLKE;
		jobs[n].index = is_k ? i : i - reg->nkommuner;
		jobs[n].dir = xasprintf("%s/%s", ydir, is_k ? "kommune" : "fylke");
		jobs[n].base = xstrdup(name.data);
		buf_init(&jobs[n].dump);
		n++;
	}
	for (i = 0; i < offices->n && (only & REPORTS_STATSFORVALTER); i++) {
		if (!office_present(r, &offices->v[i]))
			continue;
		buf_reset(&name);
		report_file_name(offices->v[i].code, offices->v[i].name, &name);
		jobs[n].kind = REPORT_OFFICE;
		jobs[n].office = &offices->v[i];
		jobs[n].dir = xasprintf("%s/statsforvalter", ydir);
		jobs[n].base = xstrdup(name.data);
		buf_init(&jobs[n].dump);
		n++;
	}
	if (r->nmeasures > 0 && (only & REPORTS_HANDLINGSPLAN)) {
		jobs[n].kind = REPORT_TILTAK;
		jobs[n].dir = xstrdup(ydir);
		jobs[n].base = xstrdup("handlingsplan");
		buf_init(&jobs[n].dump);
		n++;
	}
	buf_free(&name);
	*njobs = n;
	return jobs;
}

/* The municipal reports whose comments were bad (a row of theirs, or the whole file) are
 * not rendered: they would show the comments incomplete. Said here, in job order, before
 * the threads start. */
static void
report_refuse(const struct report_ctx *c, struct report_job *jobs, size_t njobs)
{
	size_t i;

	for (i = 0; i < njobs; i++) {
		if (jobs[i].kind != REPORT_KOMMUNE || !comments_refused(c->comments,
		    jobs[i].index))
			continue;
		diag_msg(c->d, DIAG_ERROR, NULL, 0, 0, "%s/%s.pdf: not written, because %s "
		    "(said above)", jobs[i].dir, jobs[i].base, c->comments->unusable ?
		    "kommentarer.csv could not be used" :
		    "kommentarer.csv has a bad row for this municipality");
		jobs[i].refused = jobs[i].failed = 1;
	}
}

/* Comments of a municipality that has no report this year are said not to be shown. */
static void
report_comments_unshown(const struct report_ctx *c, unsigned only)
{
	const struct comments *cm = c->comments;
	const struct kommune *kk = c->r->ds->reg.kommuner;
	size_t i;

	if (!(only & REPORTS_KOMMUNE) || cm->unusable)
		return;
	for (i = 0; i < cm->n; i++)
		if ((i == 0 || cm->v[i - 1].kommune != cm->v[i].kommune) &&
		    !results_present(c->r, c->r->year, cm->v[i].kommune))
			diag_msg(c->d, DIAG_WARNING, cm->path, cm->v[i].line, 1, "the comments "
			    "of %s %s are not shown: it has no report for %d (no data that year)",
			    kk[cm->v[i].kommune].nr, kk[cm->v[i].kommune].navn, c->r->year);
}

/* Makes the output folders; 0 or -1 after a message. */
static int
report_dirs(const struct options *o, const char *ydir, const char *figdir, struct diag *d)
{
	const char *dirs[4] = { ydir, NULL, NULL, NULL };
	char *k = xasprintf("%s/kommune", ydir), *f = xasprintf("%s/fylke", ydir);
	char *s = xasprintf("%s/statsforvalter", ydir);
	int rc = 0;
	size_t i;

	dirs[1] = o->dump ? NULL : k;
	dirs[2] = o->dump ? NULL : f;
	dirs[3] = o->dump ? NULL : s;
	for (i = 0; i < 4 && rc == 0; i++)
		if (dirs[i] != NULL && mkdir_p(dirs[i]) == -1) {
			diag_msg(d, DIAG_FATAL, dirs[i], 0, 0, "cannot create this folder: %s",
			    strerror(errno));
			rc = -1;
		}
	if (rc == 0 && figdir != NULL && mkdir_p(figdir) == -1) {
		diag_msg(d, DIAG_FATAL, figdir, 0, 0, "cannot create this folder: %s",
		    strerror(errno));
		rc = -1;
	}
	/* What a run killed while it renamed a file may have left behind. */
	for (i = 0; i < 4 && rc == 0; i++)
		if (dirs[i] != NULL)
			remove_stale_temporaries(dirs[i]);
	if (rc == 0 && figdir != NULL)
		remove_stale_temporaries(figdir);
	free(k);
	free(f);
	free(s);
	return rc;
}

void
run_report(const struct options *o, struct diag *d)
{
	struct run_state st;
	struct tmpl *t = NULL;
	struct report_ctx ctx;
	struct report_job *jobs = NULL;
	struct offices offices = { NULL, 0 };
	struct comments cm;
	struct buf idump;
	size_t njobs = 0, nfailed = 0, i, ik = (size_t)-1;
	char *ydir = NULL, *figdir = NULL;

	/* The templates first: with a broken template no report is written, and the
	 * adviser should hear so before waiting for the computation. */
	if (tmpl_load(&t, o->templates_dir, o->lang, d) == -1) {
		diag_msg(d, DIAG_FATAL, o->templates_dir, 0, 0, "no reports were written: "
		    "the templates must be mended first");
		return;
	}
	if (font_check_dir(o->fonts_dir, DIAG_ERROR, d) == -1) {
		diag_msg(d, DIAG_FATAL, o->fonts_dir, 0, 0, "no reports were written: the "
		    "fonts must be mended first (make builds them)");
		tmpl_free(t);
		return;
	}
	memset(&cm, 0, sizeof(cm));
	buf_init(&idump);
	if (run_prepare(o, d, &st) == -1)
		goto out;
	if (o->internal != NULL && (ik = internal_find(&st.r, o->internal, d)) == (size_t)-1)
		goto out;
	comments_load(&cm, o->data_dir, o->indicators_dir, &st.ds.reg, d);
	comments_written(&cm, st.set.written);

	ydir = xasprintf("%s/%d", o->out_dir, st.r.year);
	if (o->figures && !o->dump)
		figdir = xasprintf("%s/figurer", ydir);
	if (!o->dump && report_dirs(o, ydir, figdir, d) == -1)
		goto out;
	if (!o->dump && tables_write(&st.r, ydir, d) == -1)
		goto out;

	ctx = (struct report_ctx){ o, &st.r, &st.cmp, t, d,
	    strcmp(o->lang, "nn") == 0 ? LANG_NN : LANG_NB, tmpl_issuer(t, o->issuer),
	    figdir, NULL, &cm, 0 };
	if (o->only == 0 || (o->only & REPORTS_STATSFORVALTER))
		offices_load(&offices, o->indicators_dir, &st.ds.reg, d);
	jobs = report_jobs(&st.r, &offices, ydir, o->only != 0 ? o->only : ~0u, &njobs);
	report_refuse(&ctx, jobs, njobs);
	report_comments_unshown(&ctx, o->only != 0 ? o->only : ~0u);
	report_render_all(&ctx, jobs, njobs);
	for (i = 0; i < njobs; i++) {
		if (o->dump && d->count[DIAG_FATAL] == 0)
			run_stdout(jobs[i].dump.data, jobs[i].dump.len, d);
		nfailed += jobs[i].failed;
		buf_free(&jobs[i].dump);
		free(jobs[i].dir);
		free(jobs[i].base);
	}
	if (!o->dump)
		diag_msg(d, DIAG_NOTE, NULL, 0, 0, "%zu of %zu report%s written under %s",
		    njobs - nfailed, njobs, njobs == 1 ? "" : "s", ydir);
	/* After the public run, which it leaves as it is: its files are the same bytes. */
	if (ik != (size_t)-1 &&
	    internal_report(&ctx, &st.set, st.rules, &st.cmp, ik, ydir, &idump) == 0 &&
	    o->dump && d->count[DIAG_FATAL] == 0)
		run_stdout(idump.data, idump.len, d);
out:
	offices_free(&offices);
	buf_free(&idump);
	free(jobs);
	free(ydir);
	free(figdir);
	comments_free(&cm);
	run_release(&st);
	tmpl_free(t);
}
