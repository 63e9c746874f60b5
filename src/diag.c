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
	diag_status_clear(d);
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
	d->files[d->nfiles].quieted = 0;
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

/* The status line is erased by writing spaces over it, which any terminal understands. */
static void
status_erase_locked(struct diag *d)
{
	size_t i;

	if (d->status == NULL)
		return;
	fputc('\r', d->out);
	for (i = 0; i < d->status_width; i++)
		fputc(' ', d->out);
	fputc('\r', d->out);
}

static void
status_draw_locked(struct diag *d)
{
	if (d->status == NULL)
		return;
	fputs(d->status, d->out);
	fflush(d->out);
}

void
diag_status(struct diag *d, const char *fmt, ...)
{
	va_list ap;
	struct buf b;

	if (!d->terminal)
		return;
	buf_init(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	pthread_mutex_lock(&d->lock);
	status_erase_locked(d);
	free(d->status);
	d->status = buf_take(&b);
	d->status_width = utf8_len(d->status, strlen(d->status));
	status_draw_locked(d);
	pthread_mutex_unlock(&d->lock);
	buf_free(&b);
}

void
diag_status_clear(struct diag *d)
{
	pthread_mutex_lock(&d->lock);
	status_erase_locked(d);
	fflush(d->out);
	free(d->status);
	d->status = NULL;
	pthread_mutex_unlock(&d->lock);
}

void
diag_quiet_summary(struct diag *d)
{
	size_t i;

	pthread_mutex_lock(&d->lock);
	for (i = 0; i < d->nfiles; i++)
		if (d->files[i].quieted > 0)
			fprintf(d->out, "%s: note: %lu warning%s not shown (--quiet)\n",
			    d->files[i].name, d->files[i].quieted,
			    d->files[i].quieted == 1 ? "" : "s");
	pthread_mutex_unlock(&d->lock);
}

static void
flush_locked(struct diag *d)
{
	if (d->cur_held > 0 && d->cur_file != NULL) {
		status_erase_locked(d);
		fprintf(d->out, "%s: note: %lu more messages about this file not shown\n",
		    d->cur_file, d->cur_held);
		status_draw_locked(d);
	}
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
	if (d->quiet && level == DIAG_WARNING) {
		file_tally(d, file != NULL ? file : "ipkval")->quieted++;
		pthread_mutex_unlock(&d->lock);
		return;
	}
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
	status_erase_locked(d);
	fputs(file != NULL ? file : "ipkval", d->out);
	if (line > 0) {
		fprintf(d->out, ":%ld", line);
		if (col > 0)
			fprintf(d->out, ":%ld", col);
	}
	fprintf(d->out, ": %s: ", level_names[level]);
	vfprintf(d->out, fmt, ap);
	fputc('\n', d->out);
	status_draw_locked(d);
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
