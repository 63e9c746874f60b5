/*
 * findings.h: what follows from a municipality's figures, survey answers and action plan,
 * by rules that are data (docs/indicators.md, "Findings"): indicators/samsvar.txt pairs a
 * question of the survey with a plan indicator and says when the answer and the figure
 * disagree; indicators/funn.txt says which reasons make a finding of each list (the
 * municipal report's development areas, the governor's follow-up list), in which order,
 * and when a legal duty counts as not met.
 *
 * A finding names its kind, the indicator it is about and the figures behind it, never a
 * verdict of its own: the report words it from the templates. Only published figures give
 * findings; a hidden or missing figure gives none, and nothing here tells one from the
 * other. Reading the two files: findings_read.c (called by indicators_load, so the rules
 * travel with the definitions, set->findings). Judging: findings.c, pure functions of
 * finished results, safe in several report threads at once.
 *
 * For the county governor's office report: findings_of(cmp, k, year, FINDINGS_FOLLOWUP,
 * &list) gives a municipality's follow-up items in the order of funn.txt's `oppfolging`;
 * each item's kind, indicator and figures are what its paragraph states.
 */
#ifndef FINDINGS_H
#define FINDINGS_H

#include <stddef.h>

#include "compare.h"
#include "counts.h"
#include "diag.h"
#include "indicator.h"

/* What a finding is. The words in brackets are the reasons' names in funn.txt and in the
 * template keys (kommune.funn.<word>...). */
enum finding_kind {
	FINDING_LEGAL,		/* [lovkrav] a legal duty's figure at a level of
				 * lovkrav.nivaer, or a survey answer (internkontroll) of a
				 * class of lovkrav.svar */
	FINDING_FALL,		/* [nedgang] the figure fell since last year beyond chance
				 * (rose, for an indicator where lower is better) */
	FINDING_DISAGREE,	/* [avvik] an answer and a figure of a pair of samsvar.txt
				 * meet an avvik rule */
	FINDING_OVERDUE,	/* [forfalt] measures of the action plan past their deadline
				 * and not done */
	FINDING_LOW,		/* [lav] the figure's level is lav (not said again for an
				 * indicator whose legal duty is already a finding) */
	FINDING_NO_SURVEY,	/* [ikke_svart] no answer in a year whose survey file others
				 * answered in */
	FINDING_NO_PLAN,	/* [ingen_handlingsplan] no measure in handlingsplan.csv
				 * (reporting year, when the file is there) */
	FINDING_NKINDS
};

/* The lists a rules file orders: the municipal report's development areas
 * (utviklingsomrader) and the office's follow-up list (oppfolging). */
enum findings_list { FINDINGS_DEVELOPMENT, FINDINGS_FOLLOWUP, FINDINGS_NLISTS };

/* Not about one indicator (FINDING_NO_SURVEY). */
#define FINDING_NO_IND	((size_t)-1)

struct finding {
	enum finding_kind	 kind;
	size_t			 ind;		/* the indicator (r->defs->v) it is about;
						 * FINDING_NO_SURVEY: FINDING_NO_IND;
						 * OVERDUE, NO_PLAN: the action-plan
						 * indicator, or FINDING_NO_IND without one */
	const struct figure	*fig;		/* that indicator's figure in the year when
						 * published, else NULL */
	struct change		 change;	/* FALL: last year's figure and the verdict */
	const struct answer	*answer;	/* DISAGREE: the answer as given */
	size_t			 pair;		/* DISAGREE: the pair of samsvar.txt */
	struct progress		 plan;		/* OVERDUE: the municipality's measures */
	int			 oldest;	/* OVERDUE: the earliest deadline passed,
						 * yyyymmdd */
};

struct findings {
	struct finding	*v;
	size_t		 n, cap;
};

/* The word of a kind ("lovkrav", "nedgang", ...), as funn.txt and the templates use it. */
const char *finding_kind_word(enum finding_kind);

/*
 * The findings of municipality k (register index) in `year` (a year of the run) on list
 * `which`: the reasons the list names, ordered by their place in it, then by indicator in
 * report order, then by pair. out is emptied first; returns out->n. With no rules (set->
 * findings NULL) or a year outside the run, none. Overdue measures and the action plan
 * belong to the reporting year only.
 */
size_t	findings_of(const struct compare_ctx *, size_t k, int year, enum findings_list which,
	    struct findings *out);
void	findings_free(struct findings *);
/* How many findings of the development list are listed in full (utviklingsomrader.maks:
 * counted in subjects, an indicator with several reasons being one). */
size_t	findings_max(const struct indicator_set *);

/* --- Answers against figures (samsvar.txt) --- */

enum pair_outcome {
	PAIR_DISAGREE,		/* the answer's class and the figure's level meet an avvik
				 * rule */
	PAIR_NO_RULE,		/* both are there and no avvik rule meets them */
	PAIR_OPEN,		/* an open question, or an answer no pattern classified:
				 * shown beside the figure, not judged */
	PAIR_NO_ANSWER,		/* the municipality has no answer to the question */
	PAIR_NO_FIGURE,		/* the figure is missing, has no active plans, or has no
				 * level */
	PAIR_HIDDEN		/* the figure is hidden: nothing is said of it */
};

struct pair_view {
	const char		*question;	/* the question's id ("K1") */
	const struct answer	*answer;	/* the answer of the year, or NULL */
	size_t			 ind;		/* the indicator */
	const struct figure	*fig;		/* its figure in the year (any state) */
	enum pair_outcome	 outcome;
};

/* The number of pairs of samsvar.txt (0 without rules). */
size_t	findings_npairs(const struct indicator_set *);
/* Pair i of municipality k in year, with its outcome. An answer is judged only when the
 * figure is published with a level; a hidden figure is PAIR_HIDDEN whatever the answer. */
void	findings_pair(const struct results *, size_t k, int year, size_t i,
	    struct pair_view *out);

/* --- Reading (findings_read.c) --- */

/*
 * Reads dir/samsvar.txt and dir/funn.txt against the loaded definitions (set->v, set->n
 * in report order) and the survey's question ids (qids, nq). Every problem is an error
 * naming file:line:column with the line and a caret. Returns the rules, or NULL after a
 * message (a missing or bad file: no findings are made at all, rather than a list that
 * would claim too little).
 */
struct findings_rules *findings_rules_load(const char *dir, const struct indicator_set *set,
	    const char *const *qids, size_t nq, struct diag *);
void	findings_rules_free(struct findings_rules *);

/* Internal to findings_read.c (builds) and findings.c (judges). */
struct findings_pair_rule {
	char	*question;		/* the question's id */
	size_t	 ind;			/* index into set->v */
};
struct findings_rules {
	struct findings_pair_rule *pairs;
	size_t			 npairs;
	unsigned char		 disagree[4][3];	/* [answer class][level]: an avvik */
	enum finding_kind	 order[FINDINGS_NLISTS][FINDING_NKINDS];
	size_t			 norder[FINDINGS_NLISTS];
	size_t			 max;			/* utviklingsomrader.maks */
	unsigned char		 legal_level[3];	/* [level]: lovkrav.nivaer */
	unsigned char		 legal_answer[4];	/* [answer class]: lovkrav.svar */
};

#endif
