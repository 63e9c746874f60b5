/*
 * Typed values and header matching: dates, yes/no, integers, plan status, kommunenr,
 * the identity-number (fødselsnummer) test, the folding of headers and names for matching,
 * and the column alias table read from indicators/kolonner.csv. No I/O except
 * field_aliases_load. For the reading layer (load.c).
 */
#ifndef FIELD_H
#define FIELD_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "util.h"

/* Results of the value parsers. */
enum field_result {
	FIELD_EMPTY,	/* nothing written */
	FIELD_BAD,	/* written but not readable */
	FIELD_OK
};

/* The value parsers ignore surrounding space: spaces, TABs and the no-break spaces U+00A0
 * and U+202F. */

/* s without its surrounding space (as the value parsers see it): where it begins, and its
 * length in *len. This function can't fail. */
const char *field_trim(const char *s, size_t *len);
/* dd.mm.yyyy, yyyy-mm-dd, dd/mm/yyyy (day and month one or two digits) -> yyyymmdd. */
enum field_result field_date(const char *s, int32_t *ymd);
/* ja/j/yes/y/x/1/sann/true -> YES, nei/n/no/0/usann/false -> NO. */
enum field_result field_yesno(const char *s, int32_t *v);
/* As field_yesno, plus delvis/partly -> PARTLY. */
enum field_result field_partly(const char *s, int32_t *v);
/* aktiv/active -> 1, avsluttet/avslutta/closed -> 0. */
enum field_result field_status(const char *s, int32_t *v);
/* A whole number >= 0 ("3", "3,0" and "3.0" too). */
enum field_result field_count(const char *s, int32_t *v);
/* A population: a whole number >= 0 whose digits may be grouped by three, with one kind
 * of separator (space, U+00A0, U+202F or '.'): "709037", "709 037", "1.234.567"; and one
 * or two zero decimals ("709037,00"). At most nine digits. */
enum field_result field_population(const char *s, int32_t *v);
/* Four digits, or three that are padded (*padded set to 1). nr gets the four digits. */
enum field_result field_kommunenr(const char *s, char nr[5], int *padded);
/* 1 when the 11 digits at s form a national identity number (both check digits valid). */
int	field_is_fnr(const char *s);
/* Offset of the first identity number in s, or -1: a run of exactly 11 digits, or a run of
 * exactly 6, one space and a run of exactly 5 ("150590 12387"), whose digits are one. */
long	field_find_fnr(const char *s, size_t len);
/* Appends the folded form of s to out: ASCII and Æ/Ø/Å lowercased, æ->ae, ø->o, å->a,
 * other Latin letters with diacritics to their base letter (á->a, ŋ->n, č->c, đ->d, ï->i),
 * spaces (no-break ones too), '_' and '-' removed; with `punct` also every other ASCII
 * punctuation removed. */
void	field_fold(const char *s, struct buf *out, int punct);
/* The size of field_shown's buffer. */
#define FIELD_SHOWN	400
/* A value as messages quote it: at most 40 characters, then "..."; control characters
 * as spaces, and no-break spaces visible as <U+00A0> and <U+202F>. */
void	field_shown(const char *s, char out[FIELD_SHOWN]);

struct field_alias {
	char	*folded;	/* folded alias */
	char	*canonical;
};

struct field_aliases {
	struct field_alias	*v;
	size_t			 n, cap;
};

/* Reads `kolonne;alias` lines ('#' starts a comment). Returns 0, or -1 after a warning. */
int		 field_aliases_load(struct field_aliases *, const char *path, struct diag *);
void		 field_aliases_free(struct field_aliases *);
/* The canonical name a header stands for among `names` (canonical names), or NULL. */
const char	*field_match(const struct field_aliases *, const char *header,
		    const char *const *names, size_t nnames);

#endif
