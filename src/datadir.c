/*
 * Where ipkval's own data lives (see datadir.h).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "datadir.h"
#include "util.h"

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The length of the next path component at p (after any slashes, which are skipped). */
static size_t
component(const char **p)
{
	while (**p == '/')
		(*p)++;
	return strcspn(*p, "/");
}

char *
datadir_relative(const char *from, const char *to)
{
	struct buf b;
	const char *f = from, *t = to;
	size_t nf, nt;

	/* Leave out the leading components both share. */
	for (;;) {
		const char *f2 = f, *t2 = t;

		nf = component(&f2);
		nt = component(&t2);
		if (nf == 0 || nf != nt || strncmp(f2, t2, nf) != 0)
			break;
		f = f2 + nf;
		t = t2 + nt;
	}
	buf_init(&b);
	while ((nf = component(&f)) > 0) {
		buf_puts(&b, b.len > 0 ? "/.." : "..");
		f += nf;
	}
	while ((nt = component(&t)) > 0) {
		if (b.len > 0)
			buf_putc(&b, '/');
		buf_put(&b, t, nt);
		t += nt;
	}
	if (b.len == 0)
		buf_putc(&b, '.');
	return buf_take(&b);
}

char *
datadir_self(void)
{
	size_t cap = 256;
	char *path = NULL;
	ssize_t n;

	/* Linux names the program's file, symbolic links resolved, in /proc/self/exe. */
	for (;;) {
		path = xrealloc(path, cap);
		if ((n = readlink("/proc/self/exe", path, cap)) < 0) {
			free(path);
			return NULL;
		}
		if ((size_t)n < cap)
			break;
		cap *= 2;
	}
	path[n] = '\0';
	return path;
}

/* Fills dd from a folder laid out as make install lays it out, or as the build tree is. */
static void
datadir_set(struct datadir *dd, const char *base, const char *fonts)
{
	dd->indicators = xasprintf("%s/indicators", base);
	dd->templates = xasprintf("%s/templates", base);
	dd->fonts = xasprintf("%s/%s", base, fonts);
}

/* The installed data folder seen from exe, or NULL when it holds no indicators/. */
static char *
installed_dir(const char *exe, const char *bindir, const char *datadir)
{
	char *dir, *rel, *base, *ind;
	const char *slash, *up;
	int found;

	if (exe == NULL || (slash = strrchr(exe, '/')) == NULL || bindir[0] != '/' ||
	    datadir[0] != '/')
		return NULL;
	dir = xstrndup(exe, (size_t)(slash - exe));
	rel = datadir_relative(bindir, datadir);
	/* "/x/bin" and "../share/ipkval" make "/x/share/ipkval", for messages that read well. */
	for (up = rel; strncmp(up, "../", 3) == 0 && (slash = strrchr(dir, '/')) != NULL &&
	    slash != dir; up += 3)
		dir[slash - dir] = '\0';
	base = xasprintf("%s/%s", dir, up);
	ind = xasprintf("%s/indicators", base);
	found = is_dir(ind);
	free(ind);
	free(rel);
	free(dir);
	if (!found) {
		free(base);
		return NULL;
	}
	return base;
}

int
datadir_find(struct datadir *dd, const char *env, const char *exe, const char *bindir,
    const char *datadir, const char *srcdir)
{
	char *base, *ind;
	int found;

	memset(dd, 0, sizeof(*dd));
	if (env != NULL && env[0] != '\0') {
		datadir_set(dd, env, "fonts");
		return 0;
	}
	if ((base = installed_dir(exe, bindir, datadir)) != NULL) {
		datadir_set(dd, base, "fonts");
		free(base);
		return 0;
	}
	ind = xasprintf("%s/indicators", srcdir);
	found = is_dir(ind);
	free(ind);
	if (!found)
		return -1;
	datadir_set(dd, srcdir, "build/fonts");
	return 0;
}

void
datadir_free(struct datadir *dd)
{
	free(dd->indicators);
	free(dd->templates);
	free(dd->fonts);
	memset(dd, 0, sizeof(*dd));
}
