/*
 * Municipality numbers: the register's index by number and the number changes of
 * kommuneendringer.csv, followed from an old number to today's (renumbered, merged or
 * split), and the reading of a kommunenr field into a register index with the warnings and
 * errors that go with it. For the reading layer (load_rows.c, load.c).
 */
#ifndef KOMMUNENR_H
#define KOMMUNENR_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "model.h"

/* kommuneendringer.csv is read up to this many rows (the real one holds about 500 since
 * 2011): following a number costs at most the changes of the numbers on its way. */
#define KOMMUNENR_MAX_CHANGES	10000

/* One change, as read; then, per old and new number, the latest date. */
struct kommunenr_change {
	char	old[5], new[5];
	int32_t	date;		/* yyyymmdd; 0 when not given */
	size_t	order;		/* its place in the file, for the order of a split's list */
};

/* What an old number came to, found once per number. */
struct kommunenr_fate {
	int	 known;		/* 0: not followed yet */
	int	 kommune;	/* register index, -1 unknown, -2 split */
	char	*path;		/* " -> 1507 -> 1508" */
	char	*list;		/* a split's successors: "1508 Ålesund and 1580 Haram" */
};

struct kommunenr_map {
	const struct kommune_register	*reg;
	int16_t				 bynr[10000];	/* register index, or -1 */
	struct kommunenr_change		*changes;
	size_t				 nchanges, cap;
	int				 sorted;	/* changes merged and ordered */
	size_t				*from;		/* per old number: its first change */
	struct kommunenr_fate		*fate;		/* per number, made on first use */
};

/* Indexes the register (read and sorted, never changed afterwards). Can't fail. */
void	kommunenr_map_init(struct kommunenr_map *, const struct kommune_register *);
/* Adds one change of kommuneendringer.csv; 0, or -1 when KOMMUNENR_MAX_CHANGES are
 * there already. */
int	kommunenr_map_change(struct kommunenr_map *, const char old[5], const char new[5],
	    int32_t date);
/* Forgets every change (kommuneendringer.csv could not be used). */
void	kommunenr_map_no_changes(struct kommunenr_map *);
/* The register index of four digits nr, or -1. */
int	kommunenr_lookup(const struct kommunenr_map *, const char nr[5]);
/* Reads the kommunenr field s, which begins at line:col of file: the register index of
 * the municipality (a three-digit number is padded and an old one followed, with a
 * warning), or -1 after an error that leaves the row out. */
int	kommunenr_read(struct kommunenr_map *, const char *s, const char *file, long line,
	    long col, struct diag *);
void	kommunenr_map_free(struct kommunenr_map *);

#endif
