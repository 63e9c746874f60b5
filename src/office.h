/*
 * office.h: the county governor's offices (Statsforvalteren) and the counties each
 * supervises, read from indicators/statsforvaltere.csv (docs/formats.md). Offices do not
 * match counties one to one (Vestfold og Telemark is one office of two counties), so the
 * office reports take their municipalities from here. A county of the register that no
 * row names is an office of its own, named as the county. For run.c and report_office.c.
 */
#ifndef OFFICE_H
#define OFFICE_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

struct office {
	char	*name;		/* "Vestfold og Telemark": as in "Statsforvalteren i ..." */
	char	*code;		/* its counties' numbers joined by '-' ("39-40"), for the
				 * file name */
	size_t	*fylker;	/* register indexes of its counties in the register, in
				 * the order the file names them */
	size_t	 nfylker;
};

struct offices {
	struct office	*v;
	size_t		 n;
};

/*
 * Reads dir/statsforvaltere.csv against the register: offices in the order of the file,
 * then one office for each county of the register no row names. A county number the
 * register lacks is left out (the register of the run decides which counties there
 * are). Every problem (a bad header, an empty name, a county number that is not two
 * digits, a county in two offices) is an error naming file:line:column with a caret;
 * then, and when the file is missing, returns -1 and *out is empty: no office reports
 * rather than offices that may be wrong. Returns 0 otherwise.
 */
int	offices_load(struct offices *out, const char *dir, const struct kommune_register *,
	    struct diag *);
void	offices_free(struct offices *);
/* The office of county f (register index of fylker), or NULL. */
const struct office *offices_of_county(const struct offices *, size_t f);

#endif
