/*
 * The rows of the input files: the columns each kind of file has (the data contract), and
 * the reading of one row of each kind (register, number changes, plans, survey answers,
 * action plan, survey questions) into its table, with the row's errors and warnings. For
 * the reading layer (load_file.c, load_header.c, load.c).
 */
#ifndef LOAD_ROWS_H
#define LOAD_ROWS_H

#include "load.h"
#include "load_file.h"

/* The longest name of a municipality or county the register may give, in characters
 * (the longest real one, "Porsanger - Porsáŋgu - Porsanki", has 31): a name is set whole
 * on title pages and in chart labels. */
#define LOAD_NAME_MAX	100

/* The fields of each kind of file, in the order of its names below. */
enum { R_NR, R_NAVN, R_FNR, R_FNAVN, R_INNB, R__N };
enum { C_OLD, C_NEW, C_DATE, C_OLDNAME, C_NEWNAME, C__N };
/* The plan file: plan_id, then the columns of the plan table. */
enum { P_ID, P_NR, P_OMR, P_OPPR, P_SIST, P_STATUS, P_KOORD, P_MAL, P_BRUKER, P_SAMT,
	P_ANSV, P__N };
enum { A_NR, A_TILTAK, A_MAL, A_AKT, A_TID, A_ANSVAR, A_STATUS, A__N };
enum { Q_ID, Q_TEMA_NB, Q_TEMA_NN, Q_TEXT_NB, Q_TEXT_NN, Q_TYPE, Q__N };
/* Survey: the municipality by number or name, then one column per question. */
enum { S_NR, S_NAME, S_Q0 };

extern const char *const load_register_names[R__N];
extern const int load_register_required[R__N];
extern const char *const load_change_names[C__N];
extern const int load_change_required[C__N];
/* The plan table's columns: the plan file's fields but plan_id. */
extern const struct load_column load_plan_columns[P__N - 1];
extern const struct load_column load_action_columns[A__N];
extern const char *const load_question_names[Q__N];
extern const int load_question_required[Q__N];

/* Reads one data row f[0, n) at `line` of lf's kind (the header already read). Returns 0
 * when the row is used, -1 when it is left out (said why). */
int	load_row(struct load_file *, const struct csv_field *f, size_t n, long line);

#endif
