/*
 * indicator.h: indicator definitions loaded from indicators/ (one *.ind file per indicator,
 * an order file, and the answer / status pattern files), the condition language they use
 * (parsed in ind_parse.c, evaluated in ind_eval.c) and the PCRE2 classification of survey
 * answers and action-plan statuses (classify.c). The format is documented in
 * docs/indicators.md.
 */
#ifndef INDICATOR_H
#define INDICATOR_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

enum lang { LANG_NB, LANG_NN };
enum ind_kind { IND_SHARE, IND_COVERAGE };   /* share of rows / active plans x 1000 per population */
enum ind_unit { UNIT_PERCENT, UNIT_PER_1000 };
/* LEVEL_NONE: no level is given (too few to judge, or one municipality's own answer). */
enum level { LEVEL_NONE = -1, LEVEL_LAV, LEVEL_MIDDELS, LEVEL_GOD };
/* survey answers and action-plan statuses, classified by patterns in indicators/.
 * ANSWER_UNSURE ("vet ikke", "ikke avklart") is an answer, but none of the three levels;
 * STATUS_PLANNED ("under planlegging") is a measure not started, shown under its own name. */
enum answer_class { ANSWER_NONE = -1, ANSWER_NOT = 0, ANSWER_PROGRESS = 1, ANSWER_ESTABLISHED = 2,
	ANSWER_UNSURE = 3 };
enum status_class { STATUS_UNKNOWN = -1, STATUS_NOT_STARTED = 0, STATUS_PROGRESS = 1, STATUS_DONE = 2,
	STATUS_PLANNED = 3 };
struct expr;         /* a compiled condition (opaque) */
struct classifier;   /* compiled PCRE2 patterns of one classification (opaque) */
struct indicator {
	char		*id;			/* "plan_oppdatert" */
	char		*name[2], *desc[2];	/* by enum lang */
	char		*path;			/* definition file, for messages */
	enum table_kind	 source;		/* TABLE_PLANS, TABLE_SURVEY, TABLE_ACTIONS */
	enum ind_kind	 kind;
	enum ind_unit	 unit;
	struct expr	*rows;			/* rows counted in the denominator; NULL: all */
	struct expr	*numerator;		/* rows counted above it (among `rows`) */
	double		 god, middels;		/* thresholds, in the unit: 80, 50 */
	int		 higher_is_better;	/* direction */
	int		 min_n;
	int		 min_n_level;		/* min_n_niva: the smallest denominator that
						 * gets a level and a rank (default min_n) */
	int		 legal_duty;		/* grunnlag: 1 lovkrav, 0 kvalitetskrav, -1 not
						 * said */
	char		*basis[2];		/* hjemmel.nb/.nn: the provisions, or NULL */
	double		 need_lo, need_hi;	/* behov_fra, behov_til (dekning, per 1000);
						 * 0 when not given */
};
struct deadline_rules;
struct findings_rules;	/* findings.h */
struct service_groups;	/* service.h */
struct indicator_set {
	struct indicator	*v;		/* in report order */
	size_t			 n;
	struct classifier	*answers;	/* survey answers -> enum answer_class */
	struct classifier	*status;	/* action-plan status -> enum status_class */
	const struct deadline_rules *deadlines;	/* for deadline(): not owned, set by
						 * compute_run; NULL: no text is read as
						 * a deadline */
	struct classifier	*written;	/* an open answer's written standard -> enum
						 * lang (malform.txt; NULL: no such file) */
	struct findings_rules	*findings;	/* samsvar.txt and funn.txt (findings.h);
						 * NULL when they could not be read */
	struct service_groups	*services;	/* tjenesteomrader.txt (service.h); NULL:
						 * no such file */
};
/* Loads and checks every definition and pattern file in dir; positioned messages with a
 * caret for a bad expression. Returns 0, or -1 when a file is unusable (DIAG_ERROR). */
int	indicators_load(struct indicator_set *, const char *dir, struct diag *);
void	indicators_free(struct indicator_set *);
const struct indicator *indicators_find(const struct indicator_set *, const char *id);
/* Resolves the column names of e against t. Returns 0; or -1 when t lacks (present == 0)
 * a column e needs: *missing is then that column's name (the indicator is missing data
 * for that file). Single-threaded use: binding stores indexes in e. */
int	expr_bind(struct expr *e, const struct table *t, const char **missing);
/* Evaluates bound e on row `row` of t with reference date R (yyyymmdd): 1 true, 0 false.
 * Empty and invalid cells make comparisons false (not documented is not done). e NULL is
 * true (all rows); an unbound e is false. One thread at a time per e (it caches the date
 * window of the last R and holds pattern match data); set gives class() its patterns. */
int	expr_eval(const struct expr *e, const struct table *t, size_t row, int refdate,
	    struct indicator_set *set);
/* Classifies free text (case and surrounding space ignored). Returns the class; an
 * unmatched non-empty text returns ANSWER_NONE / STATUS_UNKNOWN and sets *unmatched = 1. */
int	classify(struct classifier *, const char *text, int *unmatched);
/* The level of an exact value (not the rounded one) under the indicator's thresholds. */
enum level indicator_level(const struct indicator *, long num, long den);

/*
 * Internal to the definitions modules (ind_parse.c builds, ind_eval.c binds and evaluates,
 * classify.c owns the patterns). Other modules use only the API above.
 */
#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

enum classifier_kind { CLASSIFIER_ANSWERS, CLASSIFIER_STATUS, CLASSIFIER_WRITTEN };

/* The most tests (comparisons, states, windows, matches) one condition may hold: real
 * ones hold a handful, and a condition is evaluated for every row. */
#define IND_MAX_TESTS	1000

enum expr_op {
	EXPR_AND, EXPR_OR, EXPR_NOT,
	EXPR_CMP,		/* column (or class of column) compared with a literal */
	EXPR_STATE,		/* column is empty / invalid / set */
	EXPR_WITHIN,		/* date column within n units ending on R */
	EXPR_MATCH		/* text column matches a PCRE2 pattern */
};
enum expr_cmp { CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE };
enum expr_lit { LIT_NUMBER, LIT_DATE, LIT_REFDATE, LIT_WORD, LIT_TEXT };
enum expr_window_unit { WINDOW_DAYS, WINDOW_MONTHS };

/* The cache of a date window: the lower bound for the last reference date seen. */
struct expr_window {
	int	 ref;
	int	 lo;
};

struct expr {
	enum expr_op	 op;
	struct expr	*a;		/* the operand of NOT */
	struct expr	**args;		/* the operands of AND, OR: a chain "x and y and
					 * z" is one node of three, so that no chain
					 * nests (a million terms would overflow the stack) */
	size_t		 nargs, capargs;
	char		*column;	/* the column's canonical name */
	int		 col;		/* its index in the bound table, -1 before binding */
	int		 coltype;	/* enum col_type of the bound column */
	int		 is_class;	/* the operand is class(column) */
	int		 is_deadline;	/* the operand is deadline(column): the date its text
					 * gives as the deadline for R (deadline.h) */
	enum classifier_kind classifier;
	enum expr_cmp	 cmp;
	enum expr_lit	 lit;
	char		*text;		/* LIT_TEXT / LIT_WORD, as written (trimmed) */
	double		 num;		/* LIT_NUMBER */
	int		 date;		/* LIT_DATE, yyyymmdd */
	int		 word;		/* LIT_WORD: YES / NO / PARTLY, status 1 / 0, or a class */
	int		 state;		/* EXPR_STATE: enum cell_state wanted */
	int		 n;		/* EXPR_WITHIN: how many units */
	enum expr_window_unit	 unit;
	struct expr_window *window;	/* EXPR_WITHIN: bounds computed once per refdate */
	pcre2_code	*re;		/* EXPR_MATCH, and = on a text column */
	pcre2_match_data *md;
	int		 leaf;		/* set by binding: what eval does (ind_eval.c) */
	long		 ival;		/* set by binding: the literal as a cell value */
};

/* Parses one condition as written after `teller =` (for tests and tools); messages name
 * `name`, line 1. NULL after a message. */
struct expr *expr_parse(const char *text, enum table_kind source, const char *name,
	    struct diag *);
void	expr_free(struct expr *);
/* The lower bound (exclusive) of the n units that end on ref (yyyymmdd): one year before
 * 29.02 is 28.02. */
int	expr_window_start(int ref, int n, enum expr_window_unit);
/* Loads a pattern file (`class = pattern` lines); NULL after messages when unusable. */
struct classifier *classifier_load(enum classifier_kind, const char *path, struct diag *);
void	classifier_free(struct classifier *);
/* The value of a class name ("etablert" -> 2, "ubesvart" -> -1), or -2 when unknown. */
int	classifier_value(enum classifier_kind, const char *name, size_t len);
/* The class names of a kind, for messages: "etablert, under_arbeid, ...". */
const char *classifier_names(enum classifier_kind);
/* Flags every pattern is compiled with. */
#define CLASSIFY_PCRE2_FLAGS (PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS)

#endif
