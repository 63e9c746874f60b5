/*
 * deadline.h: the deadline of an action-plan measure, read from the free text of its
 * `tid` ("Innan 15.11.2012", "Innen 1. mars 2025", "1. kvartal 2025", "Innen utgangen av
 * 2024"), and whether it recurs ("Løpende", "Kontinuerleg to gongar i året"), by patterns
 * in indicators/frister.txt. Nothing is guessed: a text without a full date ("Høst 2024",
 * "uke 12") has no deadline. Used by compute.c; the rules are read-only after loading
 * (safe to share between threads).
 */
#ifndef DEADLINE_H
#define DEADLINE_H

#include <stddef.h>

#include "diag.h"

struct deadline_rules;	/* compiled recurring-word patterns (opaque) */

/* Reads dir/frister.txt (one PCRE2 pattern a line, '#' comments, blank lines ignored;
 * matched caseless anywhere in the text). A missing file or a bad pattern is an error
 * naming file:line:col; returns 0, or -1 (then *rules is NULL). */
int	deadline_rules_load(struct deadline_rules **rules, const char *dir, struct diag *);
void	deadline_rules_free(struct deadline_rules *);

/* Reads tid: returns its deadline as yyyymmdd, or 0 (also for a NULL tid). The deadline is
 * the last date written right after a deadline word (innen, frist, ferdig, til, senest,
 * ... within three words), else the last date of the text ("01.03.2024–01.06.2025" ends
 * 01.06.2025). Dates: d.m.yyyy, d/m/yyyy, d-m-yyyy, yyyy-mm-dd, a two-digit year as 20yy
 * ("31.12.24", "31/12-24"), "1. mars 2025" and "1.mars 2025" with nb/nn month names (also
 * abbreviated), the end of a month or year ("utgangen av mars 2025", "ultimo 2025") and
 * of a numbered period ("1. kvartal 2025", "2. halvår 2025", "1. tertial 2025").
 * When bad is not NULL, *bad is set to the first token shaped like a date that is no real
 * date ("31.11.2024") and *badlen to its length in bytes, or *bad to NULL; such a token
 * is never read as another date. Cannot fail. */
int	deadline_date(const char *tid, const char **bad, size_t *badlen);
/* 1 when tid says the measure recurs (a pattern of rules matches), else 0; rules may be
 * NULL (then 0). The rules hold one match block: not for two threads at once. */
int	deadline_recurring(const struct deadline_rules *rules, const char *tid);

#endif
