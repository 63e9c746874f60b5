/*
 * deadline.h: the deadline of an action-plan measure, read from the free text of its
 * `tid` ("Innan 15.11.2012", "Innen 1. mars 2025", "31.10.2024"), and whether it recurs
 * ("Løpende", "Kontinuerleg to gongar i året"), by patterns in indicators/frister.txt.
 * Nothing is guessed: a text without a full date ("Høst 2024") has no deadline. Used by
 * compute.c; the rules are read-only after loading (safe to share between threads).
 */
#ifndef DEADLINE_H
#define DEADLINE_H

#include "diag.h"

struct deadline_rules;	/* compiled recurring-word patterns (opaque) */

/* Reads dir/frister.txt (one PCRE2 pattern a line, '#' comments, blank lines ignored;
 * matched caseless anywhere in the text). A missing file or a bad pattern is an error
 * naming file:line:col; returns 0, or -1 (then *rules is NULL). */
int	deadline_rules_load(struct deadline_rules **rules, const char *dir, struct diag *);
void	deadline_rules_free(struct deadline_rules *);

/* Reads tid: returns the first full date written in it as yyyymmdd, or 0. Accepts
 * d.m.yyyy, yyyy-mm-dd, d/m/yyyy, a year broken by one space ("15.11.20 12") and
 * "1. mars 2025" with nb/nn month names, also abbreviated ("1. mar. 2025"). */
int	deadline_date(const char *tid);
/* 1 when tid says the measure recurs (a pattern of rules matches), else 0; rules may be
 * NULL (then 0). */
int	deadline_recurring(const struct deadline_rules *rules, const char *tid);

#endif
