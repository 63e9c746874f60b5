/*
 * Municipalities by name (see kommune_names.h): folding and a sorted index of every name
 * form of the register.
 */
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "kommune_names.h"
#include "util.h"

static int
names_cmp(const void *a, const void *b)
{
	return strcmp(((const struct kommune_name *)a)->folded, ((const struct kommune_name *)b)->folded);
}

/* 1 when the word s[0, n) names what a municipality is, as official names write it after
 * the name: kommune, herad (nynorsk), suohkan and gielda (North and Lule Sami), gïelda and
 * tjïelte (South and Ume Sami). */
static int
names_kind_word(const char *s, size_t n)
{
	static const char *const kinds[] = { "kommune", "herad", "suohkan", "gielda",
	    "tjielte" };
	char *t = xstrndup(s, n);
	struct buf f;
	size_t i;
	int found = 0;

	buf_init(&f);
	field_fold(t, &f, 1);
	for (i = 0; f.data != NULL && i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(f.data, kinds[i]) == 0)
			found = 1;
	buf_free(&f);
	free(t);
	return found;
}

/* Appends one form s[0, len) of a name to out without the word after the name that says
 * what it is, also before a parenthesis: "Kvam herad" -> "Kvam", "Herøy kommune
 * (Nordland)" -> "Herøy (Nordland)". A word is cut only after a space ("Kvinnherad"). */
static void
names_strip_kind(const char *s, size_t len, struct buf *out)
{
	const char *paren = memchr(s, '(', len);
	size_t head = paren != NULL ? (size_t)(paren - s) : len, end = head, w;

	while (end > 0 && s[end - 1] == ' ')
		end--;
	for (w = end; w > 0 && s[w - 1] != ' '; w--)
		;
	if (w > 0 && names_kind_word(s + w, end - w))
		end = w - 1;
	buf_put(out, s, end);
	buf_putc(out, ' ');
	buf_put(out, s + head, len - head);
}

/* Folds a municipality name for matching: in each of its forms (joined by " - ") no
 * " kommune", " herad" or Sami kind word at the end, no punctuation, no diacritics. */
static char *
names_fold(const char *s, size_t len)
{
	struct buf b, f;
	const char *end = s + len, *p, *sep;
	char *r;
	size_t n;

	buf_init(&b);
	for (p = s; ; p = sep + 3) {
		for (sep = p; sep + 3 <= end && memcmp(sep, " - ", 3) != 0; sep++)
			;
		names_strip_kind(p, sep + 3 <= end ? (size_t)(sep - p) : (size_t)(end - p), &b);
		if (sep + 3 > end)
			break;
	}
	buf_init(&f);
	field_fold(b.data != NULL ? b.data : "", &f, 1);
	buf_free(&b);
	r = f.data != NULL ? buf_take(&f) : xstrdup("");
	n = strlen(r);
	if (n > 7 && strcmp(r + n - 7, "kommune") == 0)
		r[n - 7] = '\0';	/* "Sykkylven-kommune" */
	return r;
}

static void
names_add(struct kommune_names *c, const char *s, size_t len, int k)
{
	char *f = names_fold(s, len);

	if (*f == '\0') {
		free(f);
		return;
	}
	c->v = xgrow(c->v, &c->cap, c->n, sizeof(*c->v));
	c->v[c->n].folded = f;
	c->v[c->n].kommune = k;
	c->n++;
}

/* "A - B - C" gives the whole, A, B and C; "Herøy (Nordland)" also gives "Herøy". */
void
kommune_names_index(struct kommune_names *c, const struct kommune_register *r)
{
	size_t i;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < r->nkommuner; i++) {
		const char *n = r->kommuner[i].navn, *p, *sep, *paren;

		names_add(c, n, strlen(n), (int)i);
		for (p = n; ; p = sep + 3) {
			size_t len;

			sep = strstr(p, " - ");
			len = sep != NULL ? (size_t)(sep - p) : strlen(p);
			if (p != n || sep != NULL)
				names_add(c, p, len, (int)i);
			if ((paren = memchr(p, '(', len)) != NULL && paren > p)
				names_add(c, p, (size_t)(paren - p), (int)i);
			if (sep == NULL)
				break;
		}
	}
	if (c->n > 0)
		qsort(c->v, c->n, sizeof(*c->v), names_cmp);
}

/* Register index of a folded name, -1 when unknown, -2 when ambiguous (*other and *first
 * then name two candidates). */
static int
names_find_folded(const struct kommune_names *c, char *f, int *first, int *other)
{
	struct kommune_name key = { f, 0 }, *hit;
	size_t i;
	int k = -1;

	hit = c->n > 0 ? bsearch(&key, c->v, c->n, sizeof(*c->v),
	    names_cmp) : NULL;
	if (hit != NULL) {
		for (i = (size_t)(hit - c->v); i > 0 &&
		    strcmp(c->v[i - 1].folded, f) == 0; i--)
			;
		k = c->v[i].kommune;
		for (; i < c->n && strcmp(c->v[i].folded, f) == 0; i++)
			if (c->v[i].kommune != k) {
				*first = k;
				*other = c->v[i].kommune;
				k = -2;
				break;
			}
	}
	return k;
}

int
kommune_names_find(const struct kommune_names *c, const char *s, int *first, int *other)
{
	char *f = names_fold(s, strlen(s));
	const char *p, *sep;
	int k = names_find_folded(c, f, first, other), kf;

	free(f);
	if (k != -1 || strstr(s, " - ") == NULL)
		return k;
	for (p = s; ; p = sep + 3) {
		sep = strstr(p, " - ");
		f = names_fold(p, sep != NULL ? (size_t)(sep - p) : strlen(p));
		kf = names_find_folded(c, f, first, other);
		free(f);
		if (kf == -2)
			return -2;
		if (kf >= 0 && k >= 0 && kf != k) {
			*first = k;
			*other = kf;
			return -2;
		}
		if (kf >= 0)
			k = kf;
		if (sep == NULL)
			return k;
	}
}

void
kommune_names_free(struct kommune_names *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->v[i].folded);
	free(c->v);
	memset(c, 0, sizeof(*c));
}
