/*
 * Where ipkval's own data lives: the folders indicators/, templates/ and fonts/ that the
 * options --indicators, --templates and --fonts default to. For main.c, which passes what
 * the process knows (the environment, its own path, the compiled-in install paths); the
 * order is documented in ipkval(1), FILES. Holds no state.
 */
#ifndef DATADIR_H
#define DATADIR_H

/* The three folders, or NULL each when no data folder was found. */
struct datadir {
	char	*indicators;
	char	*templates;
	char	*fonts;
};

/*
 * Finds the data folder, first that applies:
 *   1. env, the value of IPKVAL_DATADIR, when set and not empty: env/indicators, ...;
 *   2. the installed one: datadir as seen from where the program is, that is the path
 *      from bindir to datadir (both absolute, as make install used them) applied to the
 *      folder of exe (the program's real path; NULL: unknown), when it holds indicators/;
 *      so a copy staged under DESTDIR, or a moved or symlinked install, finds its own;
 *   3. the build tree srcdir (indicators/, templates/, build/fonts/), when it holds
 *      indicators/.
 * Returns 0 and fills dd, or -1 with dd all NULL. The strings are the caller's to free
 * with datadir_free.
 */
int	datadir_find(struct datadir *dd, const char *env, const char *exe, const char *bindir,
	    const char *datadir, const char *srcdir);
void	datadir_free(struct datadir *);
/* The path from folder `from` to folder `to` (both absolute, without "." or ".."
 * components): "../share/ipkval" from /usr/local/bin to /usr/local/share/ipkval. */
char	*datadir_relative(const char *from, const char *to);
/* The real path of the running program (/proc/self/exe), or NULL where there is none. */
char	*datadir_self(void);

#endif
