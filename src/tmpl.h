/*
 * Templates: all the wording of the reports and the order of their sections, in bokmål
 * (templates/nb/) and nynorsk (templates/nn/), loaded once per run and then shared
 * read-only by every rendering thread. For the report builders and run.c; the format is
 * described in docs/templates.md.
 *
 * A template file holds `[section]` headers and `key = text` lines; an indented line
 * continues the text before it. `{name}` is a placeholder. templates/keys.txt lists every
 * key the program uses with the placeholders it may hold (or, for a list of section
 * names, `liste:` and the names allowed); loading checks every language against it.
 */
#ifndef TMPL_H
#define TMPL_H

#include <stddef.h>

#include "diag.h"
#include "util.h"

struct tmpl;	/* all templates of one language; opaque */

/* One placeholder value: `{name}` is replaced by value (already formatted, e.g. "66,7 %"). */
struct tmpl_var {
	const char	*name;
	const char	*value;
};

/* Loads templates_dir/keys.txt and every *.txt file of templates_dir/lang/ and checks
 * them: syntax, duplicate keys, unknown placeholders, missing keys, list items. Every
 * problem is reported with file:line:col. Returns 0 and sets *out, or -1 (*out NULL)
 * when anything was wrong; unknown keys are only warnings. */
int	 tmpl_load(struct tmpl **out, const char *templates_dir, const char *lang,
	    struct diag *);
/* Loads every language the program knows (nb, nn) to check them; keeps nothing.
 * Returns 0 when all loaded without errors, else -1. */
int	 tmpl_check(const char *templates_dir, struct diag *);
/* Frees everything; NULL is allowed. Cannot fail. */
void	 tmpl_free(struct tmpl *);

/* The language code ("nb" or "nn") the templates were loaded for. */
const char *tmpl_lang(const struct tmpl *);
/* The text of key as written (continuation lines joined by one space, placeholders left
 * as `{name}`, `{{` and `}}` as written), or NULL when there is no such key. */
const char *tmpl_get(const struct tmpl *, const char *key);
/* The text of a key without placeholders, braces unescaped; "" when there is no such key
 * (tmpl_load has already reported it). Never NULL. */
const char *tmpl_str(const struct tmpl *, const char *key);
/* Appends key's text to out with every `{name}` replaced from vars. A missing key, or a
 * placeholder with no value in vars, is an error naming the template's file:line:col;
 * then out is left as it was and -1 is returned. Returns 0 on success. Vars not used by
 * the text are ignored (a language may leave a figure out). */
int	 tmpl_expand(const struct tmpl *, const char *key, const struct tmpl_var *vars,
	    size_t nvars, struct buf *out, struct diag *);
/* The same with the vars given as name, value pairs ending with NULL (at most 32 pairs):
 * tmpl_expandl(t, out, d, "kommune.tittel", "kommune", navn, "aar", "2024", NULL). */
int	 tmpl_expandl(const struct tmpl *, struct buf *out, struct diag *, const char *key,
	    ...) __attribute__((sentinel));
/* A list key (`liste:` in keys.txt), such as the order of a report's sections: sets
 * *items to the names in the order written and returns how many; 0 when there is no
 * such key. The strings belong to the templates. */
size_t	 tmpl_list(const struct tmpl *, const char *key, const char *const **items);
/* The issuer printed on reports: override (options.issuer, --issuer) when it is set and
 * not empty, else the template's felles.utgiver. Never NULL. */
const char *tmpl_issuer(const struct tmpl *, const char *override);

#endif
