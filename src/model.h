/*
 * The typed data model: the register and the tables read from the exports. Filled by the
 * reading layer (load.c), read by the indicator computation and the report builders, never
 * changed after loading. Plan ids are not kept: they never leave the reading layer.
 */
#ifndef MODEL_H
#define MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Dates are yyyymmdd integers, so that they compare as numbers. */
#define DATE_YMD(y, m, d)	((y) * 10000 + (m) * 100 + (d))
#define DATE_YEAR(x)		((x) / 10000)
#define DATE_MONTH(x)		((x) / 100 % 100)
#define DATE_DAY(x)		((x) % 100)

enum cell_state {
	CELL_EMPTY,	/* nothing written: not documented */
	CELL_INVALID,	/* written but unreadable (already reported): not documented */
	CELL_OK
};

enum col_type {
	COL_TEXT,	/* v: offset of the NUL-terminated text in table.text */
	COL_INT,	/* v: the integer */
	COL_DATE,	/* v: yyyymmdd */
	COL_YESNO,	/* v: YES or NO */
	COL_PARTLY,	/* v: YES, NO or PARTLY (brukermedvirkning) */
	COL_STATUS,	/* v: 1 active, 0 closed */
	COL_KOMMUNE	/* v: index into register.kommuner */
};

enum { NO = 0, YES = 1, PARTLY = 2 };

struct cell {
	int32_t	 v;
	uint8_t	 state;		/* enum cell_state */
};

struct column {
	char		*name;		/* canonical name: "sist_oppdatert", "IK1" */
	enum col_type	 type;
	int		 present;	/* the file had this column */
	int		 required;
};

enum table_kind {
	TABLE_PLANS,		/* planer-YYYY.csv */
	TABLE_SURVEY,		/* kartlegging-YYYY.csv */
	TABLE_ACTIONS		/* handlingsplan.csv */
};

/* Where a field begins in its file (1-based; 0 when the row has no such field). */
struct cell_pos {
	long	 line;
	long	 col;
};

struct table {
	char		*path;		/* the file as messages name it */
	enum table_kind	 kind;
	int		 year;		/* YYYY of the file name; 0 for handlingsplan */
	size_t		 ncols;
	struct column	*cols;
	size_t		 nrows;		/* rows kept */
	struct cell	*cells;		/* nrows * ncols, row by row */
	int		*kommune;	/* register index of each kept row */
	long		*line;		/* line in the file where each kept row starts */
	struct cell_pos	*pos;		/* handlingsplan only, else NULL: where each
					 * cell's field begins (nrows * ncols), for messages */
	struct cell_pos	*updated_pos;	/* planer only, else NULL: where each kept row's
					 * sist_oppdatert begins (a revision after the
					 * reference date is only known when computing) */
	struct buf	 text;		/* text cells, NUL-terminated, addressed by offset */
};

/* One input file and what became of it, for the summary and the report appendix. */
struct source {
	char		*path;
	char		*name;		/* file name without directory */
	int		 year;
	unsigned long	 rows_read;	/* data rows (header not counted) */
	unsigned long	 rows_used;
	unsigned long	 rows_left_out;
	unsigned long	 warnings;
	int		 refused;	/* a fatal problem: the file was not used */
};

struct kommune {
	char	 nr[5];		/* four digits */
	char	*navn;		/* as the register writes it, all forms */
	int	 fylke;		/* index into register.fylker */
	long	 innbyggere;	/* -1 when not known */
};

struct fylke {
	char	 nr[3];
	char	*navn;
};

/* Sorted by number; indexes into these arrays are stable for a run. */
struct kommune_register {
	struct kommune	*kommuner;
	size_t		 nkommuner;
	struct fylke	*fylker;
	size_t		 nfylker;
	int		 has_population;	/* the register had an innbyggere column */
};

/* One question of the KoRus mapping form, from indicators/kartlegging.csv. */
struct question {
	char	*id;		/* "IK1" */
	char	*theme_nb, *theme_nn;
	char	*text_nb, *text_nn;
	int	 closed;	/* a yes/no question, classified like IK1 */
};

struct dataset {
	char			*dir;
	struct kommune_register	 reg;
	struct question		*questions;
	size_t			 nquestions;
	struct table		**plans;	/* one per planer-YYYY.csv kept, by year */
	size_t			 nplans;
	struct table		**surveys;	/* one per kartlegging-YYYY.csv kept, by year */
	size_t			 nsurveys;
	struct table		*actions;	/* handlingsplan.csv, or NULL */
	struct source		*sources;	/* every input file seen, in reading order */
	size_t			 nsources;
};

/* Column index by canonical name, or -1. */
int			 table_col(const struct table *, const char *name);
static inline const struct cell *
table_cell(const struct table *t, size_t row, size_t col)
{
	return &t->cells[row * t->ncols + col];
}
/* Where the field of a cell begins: its line and column, or the row's line and column 0
 * when the table keeps no positions or the row had no such field. */
static inline struct cell_pos
table_pos(const struct table *t, size_t row, size_t col)
{
	struct cell_pos p = { t->line[row], 0 };

	if (t->pos != NULL && t->pos[row * t->ncols + col].line > 0)
		p = t->pos[row * t->ncols + col];
	return p;
}
static inline const char *
table_text(const struct table *t, const struct cell *c)
{
	return t->text.data + c->v;
}
/* The plan table of a year, the survey of a year, or NULL. */
const struct table	*dataset_plans(const struct dataset *, int year);
const struct table	*dataset_survey(const struct dataset *, int year);

#endif
