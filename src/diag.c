/*
 * Diagnostics: formats and counts messages (see diag.h).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "util.h"

static const char *const level_names[DIAG__MAX] = {
	"note", "warning", "error", "error"
};

void
diag_init(struct diag *d, FILE *out)
{
	memset(d, 0, sizeof(*d));
	d->out = out;
	d->per_file_limit = 100;
	pthread_mutex_init(&d->lock, NULL);
}

void
diag_free(struct diag *d)
{
	size_t i;

	diag_flush(d);
	free(d->cur_file);
	for (i = 0; i < d->nfiles; i++)
		free(d->files[i].name);
	free(d->files);
	pthread_mutex_destroy(&d->lock);
}

/* The tally of a file, made on first use. */
static struct diag_file *
file_tally(struct diag *d, const char *file)
{
	size_t i;

	for (i = 0; i < d->nfiles; i++)
		if (strcmp(d->files[i].name, file) == 0)
			return &d->files[i];
	d->files = xgrow(d->files, &d->capfiles, d->nfiles, sizeof(*d->files));
	d->files[d->nfiles].name = xstrdup(file);
	d->files[d->nfiles].warnings = 0;
	return &d->files[d->nfiles++];
}

unsigned long
diag_file_warnings(struct diag *d, const char *file)
{
	unsigned long n;

	pthread_mutex_lock(&d->lock);
	n = file_tally(d, file)->warnings;
	pthread_mutex_unlock(&d->lock);
	return n;
}

static void
flush_locked(struct diag *d)
{
	if (d->cur_held > 0 && d->cur_file != NULL)
		fprintf(d->out, "%s: note: %lu more messages about this file not shown\n",
		    d->cur_file, d->cur_held);
	d->cur_held = 0;
}

void
diag_flush(struct diag *d)
{
	pthread_mutex_lock(&d->lock);
	flush_locked(d);
	pthread_mutex_unlock(&d->lock);
}

void
diag_msg(struct diag *d, enum diag_level level, const char *file, long line, long col,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vmsg(d, level, file, line, col, fmt, ap);
	va_end(ap);
}

void
diag_vmsg(struct diag *d, enum diag_level level, const char *file, long line, long col,
    const char *fmt, va_list ap)
{
	pthread_mutex_lock(&d->lock);
	d->count[level]++;
	if (file != NULL && level == DIAG_WARNING)
		file_tally(d, file)->warnings++;
	if (file != NULL && (d->cur_file == NULL || strcmp(file, d->cur_file) != 0)) {
		flush_locked(d);
		free(d->cur_file);
		d->cur_file = xstrdup(file);
		d->cur_shown = 0;
	}
	if (file != NULL && level < DIAG_FATAL && d->cur_shown >= d->per_file_limit) {
		d->cur_held++;
		pthread_mutex_unlock(&d->lock);
		return;
	}
	if (file != NULL)
		d->cur_shown++;
	fputs(file != NULL ? file : "ipkval", d->out);
	if (line > 0) {
		fprintf(d->out, ":%ld", line);
		if (col > 0)
			fprintf(d->out, ":%ld", col);
	}
	fprintf(d->out, ": %s: ", level_names[level]);
	vfprintf(d->out, fmt, ap);
	fputc('\n', d->out);
	pthread_mutex_unlock(&d->lock);
}

int
diag_exit_code(const struct diag *d)
{
	if (d->count[DIAG_FATAL] > 0)
		return 2;
	if (d->count[DIAG_ERROR] > 0)
		return 1;
	return 0;
}
