/*
 * Templates (see tmpl.h): reads templates/keys.txt and the template files of one language,
 * checks them against each other, compiles every text into literal and placeholder parts
 * once, and expands them on demand. Positions in messages are 1-based lines and columns
 * counted in characters (UTF-8 code points). Nothing is changed after loading.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "tmpl.h"

/* Every language the program knows; tmpl_check loads each. */
static const char *const tmpl_langs[] = { "nb", "nn" };

#define TMPL_LIST_MARK	"liste:"
/* Missing keys named one by one before the rest are counted in one message. */
#define TMPL_MISSING_SHOWN	10

/* Where a stretch of an entry's text came from: text[off..] starts at file line:col. */
struct tmpl_seg {
	size_t	 off;
	long	 line;
	long	 col;
};

/* A compiled piece of a text: literal bytes, or a placeholder name. */
struct tmpl_part {
	int	 var;		/* 1: s is a placeholder name */
	char	*s;
	size_t	 len;
	size_t	 off;		/* where it starts in the entry's text, for messages */
};

struct tmpl_entry {
	char		*key;
	char		*text;		/* as written, continuation lines joined by a space */
	char		*plain;		/* braces unescaped; placeholders left as {name} */
	const char	*file;		/* owned by the set */
	struct tmpl_seg	*segs;
	size_t		 nsegs, segcap;
	struct tmpl_part *parts;
	size_t		 nparts;
	char		**items;	/* a list key: its names */
	size_t		 nitems;
	int		 is_list;
};

struct tmpl_set {
	struct tmpl_entry *e;
	size_t		 n, cap;
	char		**files;
	size_t		 nfiles, fcap;
};

struct tmpl {
	char		*lang;
	char		*where;		/* "<dir>/<lang>", for messages without a position */
	struct tmpl_set	 set;
};

/* The state of reading one file. */
struct tmpl_parser {
	struct tmpl_set	*set;
	const char	*file;
	struct diag	*d;
	char		*section;
	long		 cur;		/* entry being read; -1 none; -2 skipping a duplicate */
	struct buf	 val;
	int		 errors;
};

/* ---- sets of entries ---- */

static void
set_free(struct tmpl_set *s)
{
	size_t i, k;

	for (i = 0; i < s->n; i++) {
		struct tmpl_entry *e = &s->e[i];

		free(e->key);
		free(e->text);
		free(e->plain);
		free(e->segs);
		for (k = 0; k < e->nparts; k++)
			free(e->parts[k].s);
		free(e->parts);
		for (k = 0; k < e->nitems; k++)
			free(e->items[k]);
		free(e->items);
	}
	free(s->e);
	for (i = 0; i < s->nfiles; i++)
		free(s->files[i]);
	free(s->files);
	memset(s, 0, sizeof(*s));
}

static const char *
set_add_file(struct tmpl_set *s, const char *path)
{
	s->files = xgrow(s->files, &s->fcap, s->nfiles, sizeof(*s->files));
	s->files[s->nfiles] = xstrdup(path);
	return s->files[s->nfiles++];
}

/* Linear: used while reading, before the set is sorted (a few hundred keys). */
static struct tmpl_entry *
set_find_linear(const struct tmpl_set *s, const char *key)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->e[i].key != NULL && strcmp(s->e[i].key, key) == 0)
			return &s->e[i];
	return NULL;
}

static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct tmpl_entry *)a)->key, ((const struct tmpl_entry *)b)->key);
}

static int
key_cmp(const void *key, const void *b)
{
	return strcmp(key, ((const struct tmpl_entry *)b)->key);
}

static void
sort_set(struct tmpl_set *s)
{
	if (s->n > 1)
		qsort(s->e, s->n, sizeof(*s->e), entry_cmp);
}

static const struct tmpl_entry *
set_find(const struct tmpl_set *s, const char *key)
{
	if (key == NULL || s->n == 0)
		return NULL;
	return bsearch(key, s->e, s->n, sizeof(*s->e), key_cmp);
}

/* The file line and column of byte off of an entry's text. */
static void
entry_pos(const struct tmpl_entry *e, size_t off, long *line, long *col)
{
	size_t i, k = 0;

	for (i = 0; i < e->nsegs; i++)
		if (e->segs[i].off <= off)
			k = i;
	if (e->nsegs == 0) {
		*line = *col = 0;
		return;
	}
	*line = e->segs[k].line;
	*col = e->segs[k].col + (long)utf8_len(e->text + e->segs[k].off, off - e->segs[k].off);
}

static void
entry_error(struct diag *d, const struct tmpl_entry *e, size_t off, int *errors,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
entry_error(struct diag *d, const struct tmpl_entry *e, size_t off, int *errors,
    const char *fmt, ...)
{
	va_list ap;
	long line, col;

	entry_pos(e, off, &line, &col);
	va_start(ap, fmt);
	diag_vmsg(d, DIAG_ERROR, e->file, line, col, fmt, ap);
	va_end(ap);
	(*errors)++;
}

/* ---- reading a file ---- */

static int
is_name_char(int c, int dots)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
	    (dots && c == '.');
}

/* Checks a key or section name; returns the byte index of the first bad character or -1. */
static long
bad_name(const char *s, size_t len)
{
	size_t i;

	if (len == 0)
		return 0;
	for (i = 0; i < len; i++)
		if (!is_name_char((unsigned char)s[i], 1) ||
		    (s[i] == '.' && (i == 0 || i + 1 == len || s[i + 1] == '.')))
			return (long)i;
	return -1;
}

static long
cols(const char *line, size_t bytes)
{
	return (long)utf8_len(line, bytes) + 1;
}

/* Up to 30 characters of s for a message, with "..." when cut. */
static char *
excerpt(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	size_t n = 0;

	while (p < end && n < 30) {
		utf8_next(&p);
		n++;
	}
	if (p > end)
		p = end;
	return p < end ? xasprintf("%.*s...", (int)(p - s), s) : xstrndup(s, len);
}

static void
parser_finish(struct tmpl_parser *p)
{
	if (p->cur >= 0)
		p->set->e[p->cur].text = buf_take(&p->val);
	buf_reset(&p->val);
	p->cur = -1;
}

static void
parser_error(struct tmpl_parser *p, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
parser_error(struct tmpl_parser *p, long line, long col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vmsg(p->d, DIAG_ERROR, p->file, line, col, fmt, ap);
	va_end(ap);
	p->errors++;
}

static void
entry_add_seg(struct tmpl_entry *e, size_t off, long line, long col)
{
	e->segs = xgrow(e->segs, &e->segcap, e->nsegs, sizeof(*e->segs));
	e->segs[e->nsegs].off = off;
	e->segs[e->nsegs].line = line;
	e->segs[e->nsegs].col = col;
	e->nsegs++;
}

static void
parse_section(struct tmpl_parser *p, const char *s, size_t len, size_t ws, long lineno,
    const char *line)
{
	const char *name, *close = memchr(s, ']', len);
	size_t nlen;
	long bad;

	if (close == NULL || close != s + len - 1) {
		char *ex = excerpt(s, len);

		parser_error(p, lineno, cols(line, ws), "expected a section header such as "
		    "'[kommune]', ending with ']'; found '%s'", ex);
		free(ex);
		return;
	}
	name = s + 1;
	nlen = (size_t)(close - name);
	while (nlen > 0 && (*name == ' ' || *name == '\t'))
		name++, nlen--;
	while (nlen > 0 && (name[nlen - 1] == ' ' || name[nlen - 1] == '\t'))
		nlen--;
	if ((bad = bad_name(name, nlen)) >= 0) {
		char *ex = excerpt(s, len);

		parser_error(p, lineno, cols(line, (size_t)(name - line) + (size_t)bad),
		    "a section name is written with lowercase letters a-z, digits, '_' and "
		    "'.'; found '%s'", ex);
		free(ex);
		return;
	}
	free(p->section);
	p->section = xstrndup(name, nlen);
}

static void
parse_key(struct tmpl_parser *p, const char *s, size_t len, size_t ws, long lineno,
    const char *line)
{
	const char *eq = memchr(s, '=', len), *v;
	struct tmpl_entry *e, *old;
	size_t klen;
	long bad;
	char *key;

	if (eq == NULL) {
		char *ex = excerpt(s, len);

		parser_error(p, lineno, cols(line, ws), "expected 'key = text', a '[section]' "
		    "header, an indented continuation or a '#' comment; found '%s'", ex);
		free(ex);
		return;
	}
	klen = (size_t)(eq - s);
	while (klen > 0 && (s[klen - 1] == ' ' || s[klen - 1] == '\t'))
		klen--;
	if ((bad = bad_name(s, klen)) >= 0) {
		char *ex = excerpt(s, klen);

		if (klen == 0)
			parser_error(p, lineno, cols(line, ws), "expected a key before '='");
		else
			parser_error(p, lineno, cols(line, ws + (size_t)bad), "a key is written "
			    "with lowercase letters a-z, digits, '_' and '.'; found '%s'", ex);
		free(ex);
		p->cur = -2;
		return;
	}
	key = p->section != NULL ? xasprintf("%s.%.*s", p->section, (int)klen, s) :
	    xstrndup(s, klen);
	if ((old = set_find_linear(p->set, key)) != NULL) {
		parser_error(p, lineno, cols(line, ws), "the key '%s' is already written at "
		    "%s:%ld; write each key once", key, old->file, old->segs[0].line);
		free(key);
		p->cur = -2;
		return;
	}
	p->set->e = xgrow(p->set->e, &p->set->cap, p->set->n, sizeof(*p->set->e));
	e = &p->set->e[p->set->n];
	memset(e, 0, sizeof(*e));
	e->key = key;
	e->file = p->file;
	p->cur = (long)p->set->n++;
	v = eq + 1;
	while (v < s + len && (*v == ' ' || *v == '\t'))
		v++;
	entry_add_seg(e, 0, lineno, cols(line, (size_t)(v - line)));
	buf_put(&p->val, v, (size_t)(s + len - v));
}

static void
parse_line(struct tmpl_parser *p, const char *line, size_t len, long lineno)
{
	size_t ws = 0;
	const char *s;

	while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t' ||
	    line[len - 1] == '\r'))
		len--;
	while (ws < len && (line[ws] == ' ' || line[ws] == '\t'))
		ws++;
	s = line + ws;
	if (ws == len) {
		parser_finish(p);
		return;
	}
	if (*s == '#')
		return;
	if (ws > 0) {
		struct tmpl_entry *e;

		if (p->cur == -2)
			return;
		if (p->cur < 0) {
			parser_error(p, lineno, cols(line, ws), "an indented line continues "
			    "the text of the key above it, but there is none; start the line "
			    "at the margin with 'key = text'");
			return;
		}
		e = &p->set->e[p->cur];
		if (p->val.len > 0)
			buf_putc(&p->val, ' ');
		entry_add_seg(e, p->val.len, lineno, cols(line, ws));
		buf_put(&p->val, s, len - ws);
		return;
	}
	parser_finish(p);
	if (*s == '[')
		parse_section(p, s, len - ws, ws, lineno, line);
	else
		parse_key(p, s, len - ws, ws, lineno, line);
}

/* Reports invalid UTF-8 at its line and column; returns -1 then. */
static int
check_utf8(const char *file, const char *s, size_t len, struct diag *d)
{
	size_t bad, i, ls = 0;
	long line = 1;

	if (utf8_valid((const unsigned char *)s, len, &bad))
		return 0;
	for (i = 0; i < bad; i++)
		if (s[i] == '\n') {
			line++;
			ls = i + 1;
		}
	diag_msg(d, DIAG_ERROR, file, line, cols(s + ls, bad - ls), "expected text in "
	    "UTF-8; found the byte 0x%02X (save the file as UTF-8)", (unsigned char)s[bad]);
	return -1;
}

/* Reads one file into the set; returns the number of errors. *failed is set when the
 * file could not be read at all. */
static int
parse_file(struct tmpl_set *set, const char *path, int *failed, struct diag *d)
{
	struct tmpl_parser p;
	struct buf b;
	const char *s, *end;
	long lineno = 1;

	buf_init(&b);
	switch (text_slurp(path, path, TEXT_QUIET_OPEN, DIAG_ERROR, &b.data, &b.len, d)) {
	case -2:
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot read the template file: %s",
		    strerror(errno));
		/* FALLTHROUGH */
	case -1:
		*failed = 1;
		return 1;
	}
	b.cap = b.len + 1;
	if (check_utf8(path, b.data, b.len, d) == -1) {
		buf_free(&b);
		*failed = 1;
		return 1;
	}
	memset(&p, 0, sizeof(p));
	p.set = set;
	p.file = set_add_file(set, path);
	p.d = d;
	p.cur = -1;
	buf_init(&p.val);
	s = b.data;
	end = b.data + b.len;
	if (b.len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *le = nl != NULL ? nl : end;

		if (memchr(s, '\0', (size_t)(le - s)) != NULL)
			parser_error(&p, lineno, 0, "expected text; found a NUL byte");
		else
			parse_line(&p, s, (size_t)(le - s), lineno);
		lineno++;
		s = le + (nl != NULL);
	}
	parser_finish(&p);
	buf_free(&p.val);
	buf_free(&b);
	free(p.section);
	return p.errors;
}

/* ---- compiling texts ---- */

static void
entry_add_part(struct tmpl_entry *e, int var, const char *s, size_t len, size_t off)
{
	e->parts = xrealloc(e->parts, (e->nparts + 1) * sizeof(*e->parts));
	e->parts[e->nparts].var = var;
	e->parts[e->nparts].s = xstrndup(s, len);
	e->parts[e->nparts].len = len;
	e->parts[e->nparts].off = off;
	e->nparts++;
}

static void
flush_literal(struct tmpl_entry *e, struct buf *lit, size_t off)
{
	if (lit->len > 0)
		entry_add_part(e, 0, lit->data, lit->len, off);
	buf_reset(lit);
}

/* Does the spec (keys.txt) allow placeholder name? A NULL spec allows anything. */
static int
spec_allows(const struct tmpl_entry *spec, const char *name, size_t len)
{
	size_t i;

	if (spec == NULL)
		return 1;
	for (i = 0; i < spec->nitems; i++)
		if (strlen(spec->items[i]) == len && memcmp(spec->items[i], name, len) == 0)
			return 1;
	return 0;
}

static char *
spec_names(const struct tmpl_entry *spec, const char *pre, const char *post)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < spec->nitems; i++)
		buf_printf(&b, "%s%s%s%s", i > 0 ? ", " : "", pre, spec->items[i], post);
	return buf_take(&b);
}

static void
placeholder_unknown(struct diag *d, const struct tmpl_entry *e, const struct tmpl_entry *spec,
    const char *name, size_t len, size_t off, int *errors)
{
	char *names;

	if (spec->nitems == 0) {
		entry_error(d, e, off, errors, "unknown placeholder {%.*s}: the text of '%s' "
		    "takes no placeholders", (int)len, name, e->key);
		return;
	}
	names = spec_names(spec, "{", "}");
	entry_error(d, e, off, errors, "unknown placeholder {%.*s}: the text of '%s' may "
	    "use %s", (int)len, name, e->key, names);
	free(names);
}

/* Splits an entry's text into literal and placeholder parts, checking each placeholder
 * against spec; fills e->plain. */
static void
compile_text(struct tmpl_entry *e, const struct tmpl_entry *spec, struct diag *d,
    int *errors)
{
	const char *t = e->text;
	struct buf lit, plain;
	size_t i = 0, litoff = 0, n;

	buf_init(&lit);
	buf_init(&plain);
	while (t[i] != '\0') {
		if ((t[i] == '{' && t[i + 1] == '{') || (t[i] == '}' && t[i + 1] == '}')) {
			buf_putc(&lit, t[i]);
			buf_putc(&plain, t[i]);
			i += 2;
			continue;
		}
		if (t[i] == '}') {
			entry_error(d, e, i, errors, "a '}' without a '{' before it; write '}}' "
			    "for a brace in the text");
			i++;
			continue;
		}
		if (t[i] != '{') {
			buf_putc(&lit, t[i]);
			buf_putc(&plain, t[i]);
			i++;
			continue;
		}
		for (n = 1; is_name_char((unsigned char)t[i + n], 0); n++)
			;
		if (n == 1 || t[i + n] != '}') {
			size_t k = strcspn(t + i + 1, "{}"), skip = 1 + k + (t[i + 1 + k] == '}');
			char *ex = excerpt(t + i, skip);

			entry_error(d, e, i, errors, "expected a placeholder such as {kommune}: "
			    "'{', a name of lowercase letters a-z, digits and '_', then '}'; "
			    "found '%s' (write '{{' for a brace in the text)", ex);
			free(ex);
			i += t[i + 1 + k] == '}' ? skip : 1;
			continue;
		}
		if (!spec_allows(spec, t + i + 1, n - 1))
			placeholder_unknown(d, e, spec, t + i + 1, n - 1, i, errors);
		flush_literal(e, &lit, litoff);
		entry_add_part(e, 1, t + i + 1, n - 1, i);
		buf_put(&plain, t + i, n + 1);
		i += n + 1;
		litoff = i;
	}
	flush_literal(e, &lit, litoff);
	buf_free(&lit);
	e->plain = buf_take(&plain);
}

static void
entry_add_item(struct tmpl_entry *e, const char *s, size_t len)
{
	e->items = xrealloc(e->items, (e->nitems + 1) * sizeof(*e->items));
	e->items[e->nitems++] = xstrndup(s, len);
}

/* Splits a list text (names separated by spaces or commas) into e->items, checking each
 * name against spec (NULL: names in keys.txt, anything well formed). */
static void
compile_list(struct tmpl_entry *e, const char *t, size_t base,
    const struct tmpl_entry *spec, struct diag *d, int *errors)
{
	size_t i = 0, k, n;

	while (t[i] != '\0') {
		if (t[i] == ' ' || t[i] == ',' || t[i] == '\t') {
			i++;
			continue;
		}
		n = strcspn(t + i, " ,\t");
		if (bad_name(t + i, n) >= 0) {
			entry_error(d, e, base + i, errors, "expected a name of lowercase letters "
			    "a-z, digits and '_'; found '%.*s'", (int)n, t + i);
		} else if (spec != NULL && !spec_allows(spec, t + i, n)) {
			char *names = spec_names(spec, "", "");

			entry_error(d, e, base + i, errors, "unknown name '%.*s' in '%s'; "
			    "expected some of: %s", (int)n, t + i, e->key, names);
			free(names);
		} else {
			for (k = 0; k < e->nitems; k++)
				if (strlen(e->items[k]) == n && memcmp(e->items[k], t + i, n) == 0)
					break;
			if (k < e->nitems)
				entry_error(d, e, base + i, errors, "'%.*s' is already in the "
				    "list '%s'; name each once", (int)n, t + i, e->key);
			else
				entry_add_item(e, t + i, n);
		}
		i += n;
	}
	if (e->nitems == 0 && spec != NULL)
		entry_error(d, e, 0, errors, "expected at least one name in the list '%s'",
		    e->key);
}

/* keys.txt: each value is `liste: a b c` or the placeholder names a key may use. */
static int
compile_specs(struct tmpl_set *specs, struct diag *d)
{
	size_t i, m = strlen(TMPL_LIST_MARK);
	int errors = 0;

	for (i = 0; i < specs->n; i++) {
		struct tmpl_entry *e = &specs->e[i];

		if (strncmp(e->text, TMPL_LIST_MARK, m) == 0) {
			e->is_list = 1;
			compile_list(e, e->text + m, m, NULL, d, &errors);
		} else {
			compile_list(e, e->text, 0, NULL, d, &errors);
		}
	}
	return errors;
}

/* Compiles every entry of a language against specs, in the order the files hold them (so
 * that messages come in that order), sorts them for lookup and checks that every key of
 * specs is there. Returns the number of errors. */
static int
compile_lang(struct tmpl *t, const struct tmpl_set *specs, const char *keysfile,
    struct diag *d)
{
	size_t i, missing = 0;
	int errors = 0;

	for (i = 0; i < t->set.n; i++) {
		struct tmpl_entry *e = &t->set.e[i];
		const struct tmpl_entry *spec = set_find(specs, e->key);

		if (spec == NULL) {
			long line, col;

			entry_pos(e, 0, &line, &col);
			diag_msg(d, DIAG_WARNING, e->file, line, 1, "the key '%s' is not used by "
			    "the program (it is not in %s); check its spelling", e->key, keysfile);
			compile_text(e, NULL, d, &errors);
		} else if (spec->is_list) {
			e->is_list = 1;
			compile_list(e, e->text, 0, spec, d, &errors);
			e->plain = xstrdup(e->text);
		} else {
			compile_text(e, spec, d, &errors);
		}
	}
	sort_set(&t->set);
	for (i = 0; i < specs->n; i++) {
		if (set_find(&t->set, specs->e[i].key) != NULL)
			continue;
		if (++missing <= TMPL_MISSING_SHOWN)
			diag_msg(d, DIAG_ERROR, t->where, 0, 0, "no text for the key '%s' (%s:%ld "
			    "asks for it in every language)", specs->e[i].key, keysfile,
			    specs->e[i].segs[0].line);
	}
	if (missing > TMPL_MISSING_SHOWN)
		diag_msg(d, DIAG_ERROR, t->where, 0, 0, "%zu more keys have no text; every key "
		    "of %s needs a text in every language", missing - TMPL_MISSING_SHOWN,
		    keysfile);
	return errors + (missing > 0 ? 1 : 0);
}

static int
str_ptr_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.txt files of dir, sorted; NULL (after a message) when dir cannot be read. */
static char **
list_files(const char *dir, size_t *n, struct diag *d)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t cap = 0;

	*n = 0;
	if (dp == NULL) {
		diag_msg(d, DIAG_ERROR, dir, 0, 0, "cannot open the template folder: %s "
		    "(expected a folder with the files of one language, such as templates/nb)",
		    strerror(errno));
		return NULL;
	}
	while ((de = readdir(dp)) != NULL) {
		size_t len = strlen(de->d_name);

		if (de->d_name[0] == '.' || len < 5 || strcmp(de->d_name + len - 4, ".txt") != 0)
			continue;
		names = xgrow(names, &cap, *n, sizeof(*names));
		names[(*n)++] = xasprintf("%s/%s", dir, de->d_name);
	}
	closedir(dp);
	if (*n > 0)
		qsort(names, *n, sizeof(*names), str_ptr_cmp);
	return names != NULL ? names : xcalloc(1, sizeof(*names));
}

/* Reads keys.txt into specs; returns the number of errors. */
static int
load_specs(struct tmpl_set *specs, const char *keysfile, struct diag *d)
{
	int errors, failed = 0;

	memset(specs, 0, sizeof(*specs));
	errors = parse_file(specs, keysfile, &failed, d);
	sort_set(specs);
	return errors + compile_specs(specs, d);
}

/* Loads one language against specs, which are NULL when keys.txt had errors (then only
 * the syntax is checked). Returns the templates, or NULL after reporting the errors. */
static struct tmpl *
load_lang(const char *templates_dir, const char *lang, const struct tmpl_set *specs,
    const char *keysfile, struct diag *d)
{
	struct tmpl *t = xcalloc(1, sizeof(*t));
	char **files;
	size_t nfiles = 0, i;
	int errors = 0, failed = 0;

	t->lang = xstrdup(lang);
	t->where = xasprintf("%s/%s", templates_dir, lang);
	if ((files = list_files(t->where, &nfiles, d)) == NULL)
		errors++;
	else if (nfiles == 0) {
		diag_msg(d, DIAG_ERROR, t->where, 0, 0, "expected template files (*.txt) in "
		    "this folder; found none");
		errors++;
	}
	for (i = 0; i < nfiles; i++) {
		errors += parse_file(&t->set, files[i], &failed, d);
		free(files[i]);
	}
	free(files);
	/* A file that could not be read at all would make every key in it look missing. */
	if (specs != NULL && nfiles > 0 && !failed)
		errors += compile_lang(t, specs, keysfile, d);
	sort_set(&t->set);
	if (errors > 0 || specs == NULL) {
		tmpl_free(t);
		return NULL;
	}
	return t;
}

int
tmpl_load(struct tmpl **out, const char *templates_dir, const char *lang, struct diag *d)
{
	struct tmpl_set specs;
	char *keysfile = xasprintf("%s/keys.txt", templates_dir);
	int bad = load_specs(&specs, keysfile, d) > 0;

	*out = load_lang(templates_dir, lang, bad ? NULL : &specs, keysfile, d);
	set_free(&specs);
	free(keysfile);
	return *out != NULL ? 0 : -1;
}

int
tmpl_check(const char *templates_dir, struct diag *d)
{
	struct tmpl_set specs;
	char *keysfile = xasprintf("%s/keys.txt", templates_dir);
	int bad = load_specs(&specs, keysfile, d) > 0, rc = bad ? -1 : 0;
	size_t i;

	for (i = 0; i < sizeof(tmpl_langs) / sizeof(tmpl_langs[0]); i++) {
		struct tmpl *t = load_lang(templates_dir, tmpl_langs[i], bad ? NULL : &specs,
		    keysfile, d);

		if (t == NULL)
			rc = -1;
		tmpl_free(t);
	}
	set_free(&specs);
	free(keysfile);
	return rc;
}

void
tmpl_free(struct tmpl *t)
{
	if (t == NULL)
		return;
	set_free(&t->set);
	free(t->lang);
	free(t->where);
	free(t);
}

/* ---- lookup and expansion ---- */

const char *
tmpl_lang(const struct tmpl *t)
{
	return t->lang;
}

const char *
tmpl_get(const struct tmpl *t, const char *key)
{
	const struct tmpl_entry *e = set_find(&t->set, key);

	return e != NULL ? e->text : NULL;
}

const char *
tmpl_str(const struct tmpl *t, const char *key)
{
	const struct tmpl_entry *e = set_find(&t->set, key);

	return e != NULL ? e->plain : "";
}

static const char *
var_value(const struct tmpl_var *vars, size_t nvars, const char *name)
{
	size_t i;

	for (i = 0; i < nvars; i++)
		if (vars[i].name != NULL && strcmp(vars[i].name, name) == 0)
			return vars[i].value;
	return NULL;
}

int
tmpl_expand(const struct tmpl *t, const char *key, const struct tmpl_var *vars,
    size_t nvars, struct buf *out, struct diag *d)
{
	const struct tmpl_entry *e = set_find(&t->set, key);
	size_t start = out->len, i;

	if (e == NULL) {
		diag_msg(d, DIAG_ERROR, t->where, 0, 0, "no template text for the key '%s' "
		    "(expected it in the template files)", key != NULL ? key : "(null)");
		return -1;
	}
	for (i = 0; i < e->nparts; i++) {
		const struct tmpl_part *p = &e->parts[i];
		const char *v;
		long line, col;

		if (!p->var) {
			buf_put(out, p->s, p->len);
			continue;
		}
		if ((v = var_value(vars, nvars, p->s)) != NULL) {
			buf_puts(out, v);
			continue;
		}
		entry_pos(e, p->off, &line, &col);
		diag_msg(d, DIAG_ERROR, e->file, line, col, "the placeholder {%s} of '%s' got "
		    "no value from the report (expected one of the names in templates/keys.txt)",
		    p->s, e->key);
		out->len = start;
		if (out->data != NULL)
			out->data[start] = '\0';
		return -1;
	}
	if (out->data == NULL)
		buf_put(out, "", 0);
	return 0;
}

int
tmpl_expandl(const struct tmpl *t, struct buf *out, struct diag *d, const char *key, ...)
{
	struct tmpl_var vars[32];
	size_t n = 0;
	const char *name;
	va_list ap;

	va_start(ap, key);
	while ((name = va_arg(ap, const char *)) != NULL) {
		const char *value = va_arg(ap, const char *);

		if (n < sizeof(vars) / sizeof(vars[0])) {
			vars[n].name = name;
			vars[n].value = value;
			n++;
		}
	}
	va_end(ap);
	return tmpl_expand(t, key, vars, n, out, d);
}

size_t
tmpl_list(const struct tmpl *t, const char *key, const char *const **items)
{
	const struct tmpl_entry *e = set_find(&t->set, key);

	if (e == NULL || !e->is_list) {
		*items = NULL;
		return 0;
	}
	*items = (const char *const *)e->items;
	return e->nitems;
}

const char *
tmpl_issuer(const struct tmpl *t, const char *override)
{
	if (override != NULL && *override != '\0')
		return override;
	return tmpl_str(t, "felles.utgiver");
}
