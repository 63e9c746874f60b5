/*
 * Reading one input file: the state the reading modules share while a file is read (the
 * data directory's context, the file's header map and the table it fills), and the
 * reading itself: decoding (text.c), the identity-number guard (field.c), CSV records
 * (csv.c), blank and ragged rows, then the header (load_header.c) and each row by its
 * kind (load_rows.c). For the reading layer (load.c) only.
 */
#ifndef LOAD_FILE_H
#define LOAD_FILE_H

#include <stddef.h>

#include "csv.h"
#include "diag.h"
#include "field.h"
#include "kommune_names.h"
#include "kommunenr.h"
#include "model.h"
#include "plan_ids.h"
#include "util.h"

/* What the files of one data directory share: the dataset being filled, the column
 * aliases, and the register's indexes once it is read. */
struct load_ctx {
	struct dataset		*ds;
	struct diag		*d;
	struct field_aliases	 aliases;
	struct kommunenr_map	 nrs;		/* valid once `indexed` */
	struct kommune_names	 names;		/* valid once `indexed` */
	int			 indexed;
	char			**qfolded;	/* per question: its texts folded, nb
						 * then nn (load_header.c) */
	size_t			 capkommuner, capfylker;
};

enum load_kind { LOAD_REGISTER, LOAD_CHANGES, LOAD_PLANS, LOAD_SURVEY, LOAD_ACTIONS,
	LOAD_QUESTIONS };

/* The file being read: its header map, the table it fills and the kind's state. */
struct load_file {
	struct load_ctx		*ctx;
	enum load_kind		 kind;
	const char		*shown;
	struct source		*src;
	const char *const	*names;		/* canonical names a header may stand for */
	const int		*required;	/* per name */
	size_t			 nnames;
	int			*pos;		/* per name: field index in the row, or -1 */
	int			 header_done;
	int			 refused;
	size_t			 nheader;
	struct table		*t;
	size_t			 capcells, caprows, cappos, capupd;
	struct cell		*row;		/* the row being built, t->ncols cells */
	struct plan_ids		 ids;
	int			*seen;		/* survey: line per register index, 0 if
						 * none; register: per number 0..9999 */
	struct buf		 scratch;
};

/* Sets lf up to read a file of `kind` (named `shown`) whose header may name `names`. */
void	load_file_init(struct load_file *, struct load_ctx *, enum load_kind,
	    const char *shown, struct source *, const char *const *names, const int *required,
	    size_t nnames);
void	load_file_free(struct load_file *);
/* Field `name` (an index into lf->names) of a row of n fields; an empty field at line 0
 * when the file has no such column or the row is short. */
const struct csv_field *load_get(const struct load_file *, const struct csv_field *,
	    size_t n, size_t name);
/* Reads the file at path into lf, or (load_read_bytes) the len bytes at raw as that file.
 * Returns 0, or -1 when the file is not used (said why; lf->src is marked refused). */
int	load_read(struct load_file *, const char *path);
int	load_read_bytes(struct load_file *, const char *raw, size_t len);

#endif
