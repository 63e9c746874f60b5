/*
 * deadline.h: the deadline of an action-plan measure, read from the free text of its
 * `tid` ("Innan 15.11.2012", "Innen 1. mars 2025", "1. kvartal 2025", "Høst 2024", "uke 12",
 * "innen utgangen av året"), and whether it recurs ("Løpende", "Innan 1 mai kvart år").
 * Periods are read to their last day by the table of indicators/perioder.txt, recurrence
 * by the patterns of indicators/frister.txt. Used by compute.c and by the condition
 * deadline() (ind_eval.c); the rules are read-only after loading.
 */
#ifndef DEADLINE_H
#define DEADLINE_H

#include <stddef.h>

#include "diag.h"

struct deadline_rules;	/* recurring-word patterns and period words (opaque) */

/* What a tid says. */
struct deadline {
	int		 date;		/* yyyymmdd, or 0: no dated deadline */
	int		 recurring;	/* the text says the measure recurs */
	const char	*bad;		/* the first piece shaped like a date that is no
					 * real date ("31.11.2024", "uke 54"), or NULL */
	size_t		 badlen;	/* its length in bytes */
};

/* Reads dir/frister.txt (one PCRE2 pattern a line, '#' comments, blank lines ignored;
 * matched caseless anywhere in the text) and dir/perioder.txt (`word = meaning` lines,
 * see that file). A missing file or a bad line is an error naming file:line:col;
 * returns 0, or -1 (then *rules is NULL). */
int	deadline_rules_load(struct deadline_rules **rules, const char *dir, struct diag *);
void	deadline_rules_free(struct deadline_rules *);

/*
 * Reads tid (may be NULL) for the reference date R (yyyymmdd). The deadline is the last
 * date written right after a deadline word (innen, frist, ferdig, til, senest, ... within
 * three words), else the last date of the text ("01.03.2024–01.06.2025" ends 01.06.2025).
 * Dates: d.m.yyyy, d/m/yyyy, d-m-yyyy, yyyy-mm-dd, a two-digit year as 20yy ("31.12.24"),
 * "1. mars 2025" with nb/nn month names (also abbreviated), and the periods of
 * perioder.txt to their last day ("høst 2024", "2. halvår 2025", "uke 12", "utgangen av
 * mars 2025", "i løpet av året"). A day, month or period without a year is in R's year;
 * in a recurring measure it is its last occurrence on or before R ("Innan 1 mai kvart
 * år" with R = 31.12.2024 is 01.05.2024, with R = 30.04.2024 it is 01.05.2023). A piece
 * shaped like a date that is no real date is named in bad and never read as another
 * date. rules may be NULL: then only dates and month names are read and nothing recurs.
 * The rules hold one match block: not for two threads at once. Cannot fail.
 */
struct deadline deadline_read(const struct deadline_rules *rules, const char *tid, int refdate);
/* 1 when tid says the measure recurs (a pattern of rules matches), else 0; rules may be
 * NULL (then 0). Not for two threads at once. */
int	deadline_recurring(const struct deadline_rules *rules, const char *tid);

#endif
