/*
 * findings.c (the judging) on the hand-made data set tests/findings/rules, read with the
 * shipped indicators/ (samsvar.txt, funn.txt): every reason of a finding found and not
 * found, the pairs of an answer and a figure with every outcome, the order of a list,
 * and that a hidden figure gives no finding.
 *
 *   Kristiansund  K1 "Ja", koordinator 2 of 10 (lav): a disagreement and a legal duty
 *   Molde         K1 "Nei", koordinator 9 of 10 (god): a disagreement; IK1 "Vet ikke"
 *   Ålesund       plan_oppdatert 20 of 20 in 2023, 6 of 20 in 2024: a fall, lav, and
 *                 IK1 and I1 "Ja" against it; two measures overdue; K1 "Ja" at god
 *   Vanylven      K1 "Delvis" at lav: no rule; mal_definert 4 of 10 (lav)
 *   Sande         no survey answer, no measures
 *   Bodø          3 plans (hidden), K1 "Ja"; Narvik its partner (hidden)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "compare.h"
#include "compute.h"
#include "findings.h"
#include "load.h"
#include "unit_results.h"

struct fixture {
	struct unit_results	 u;
	struct compare_ctx	 cmp;
};

static int
setup(void **state)
{
	static struct fixture fx;

	if (unit_results_load(&fx.u, "tests/findings/rules") == -1)
		return -1;
	fx.cmp.r = &fx.u.r;
	stats_params_set(&fx.cmp.params, 95.0);
	*state = &fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	unit_results_free(&fx->u);
	return 0;
}

static size_t
kommune(const struct results *r, const char *code)
{
	return unit_place(r, code, PLACE_KOMMUNE);
}

/* The findings of a municipality as "kind:indicator" words joined by spaces. */
static void
findings_text(struct fixture *fx, const char *code, enum findings_list which, char *out,
    size_t outsz)
{
	struct findings f = { 0 };
	size_t i, n, len = 0;

	out[0] = '\0';
	n = findings_of(&fx->cmp, kommune(&fx->u.r, code), 2024, which, &f);
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(out + len, outsz - len, "%s%s:%s", i ? " " : "",
		    finding_kind_word(f.v[i].kind), f.v[i].ind == FINDING_NO_IND ? "-" :
		    fx->u.r.defs->v[f.v[i].ind].id);
	findings_free(&f);
}

static void
test_development(void **state)
{
	struct fixture *fx = *state;
	char s[512];

	/* lovkrav nedgang avvik forfalt lav */
	findings_text(fx, "1505", FINDINGS_DEVELOPMENT, s, sizeof(s));
	assert_string_equal(s, "lovkrav:koordinator avvik:koordinator");
	findings_text(fx, "1506", FINDINGS_DEVELOPMENT, s, sizeof(s));
	assert_string_equal(s, "lovkrav:internkontroll avvik:koordinator");
	findings_text(fx, "1507", FINDINGS_DEVELOPMENT, s, sizeof(s));
	assert_string_equal(s, "nedgang:plan_oppdatert avvik:plan_oppdatert "
	    "avvik:plan_oppdatert forfalt:handlingsplan lav:plan_oppdatert");
	/* A legal duty at lav is said once, as the legal duty. */
	findings_text(fx, "1511", FINDINGS_DEVELOPMENT, s, sizeof(s));
	assert_string_equal(s, "lovkrav:koordinator lav:mal_definert");
	findings_text(fx, "1514", FINDINGS_DEVELOPMENT, s, sizeof(s));
	assert_string_equal(s, "");
	/* Hidden: nothing, also not the answer "Ja" against a hidden figure. */
	findings_text(fx, "1804", FINDINGS_DEVELOPMENT, s, sizeof(s));
	assert_string_equal(s, "");
	findings_text(fx, "1806", FINDINGS_DEVELOPMENT, s, sizeof(s));
	assert_string_equal(s, "");
}

static void
test_followup(void **state)
{
	struct fixture *fx = *state;
	char s[512];

	/* lovkrav nedgang ikke_svart ingen_handlingsplan forfalt */
	findings_text(fx, "1514", FINDINGS_FOLLOWUP, s, sizeof(s));
	assert_string_equal(s, "ikke_svart:- ingen_handlingsplan:handlingsplan");
	findings_text(fx, "1507", FINDINGS_FOLLOWUP, s, sizeof(s));
	assert_string_equal(s, "nedgang:plan_oppdatert forfalt:handlingsplan");
	findings_text(fx, "1804", FINDINGS_FOLLOWUP, s, sizeof(s));
	assert_string_equal(s, "");
}

/* The figures behind a finding. */
static void
test_figures(void **state)
{
	struct fixture *fx = *state;
	const struct results *r = &fx->u.r;
	struct findings f = { 0 };

	assert_int_equal(findings_of(&fx->cmp, kommune(r, "1507"), 2024, FINDINGS_DEVELOPMENT,
	    &f), 5);
	assert_int_equal(f.v[0].kind, FINDING_FALL);
	assert_int_equal(f.v[0].fig->num, 6);
	assert_int_equal(f.v[0].fig->den, 20);
	assert_int_equal(f.v[0].change.prev_year, 2023);
	assert_int_equal(f.v[0].change.prev->num, 20);
	assert_int_equal(f.v[0].change.verdict, STATS_LOWER);
	assert_int_equal(f.v[1].kind, FINDING_DISAGREE);
	assert_string_equal(f.v[1].answer->q->id, "IK1");
	assert_string_equal(f.v[1].answer->text, "Ja");
	assert_string_equal(f.v[2].answer->q->id, "I1");
	assert_int_equal(f.v[3].kind, FINDING_OVERDUE);
	assert_int_equal(f.v[3].plan.overdue, 2);
	assert_int_equal(f.v[3].plan.due, 3);
	assert_int_equal(f.v[3].oldest, 20240301);
	assert_int_equal(f.v[4].kind, FINDING_LOW);
	assert_int_equal(f.v[4].fig->level, LEVEL_LAV);
	/* An earlier year: no measures belong to it, and nothing to fall from. */
	assert_int_equal(findings_of(&fx->cmp, kommune(r, "1507"), 2023, FINDINGS_DEVELOPMENT,
	    &f), 0);
	assert_int_equal(findings_of(&fx->cmp, kommune(r, "1507"), 2019, FINDINGS_DEVELOPMENT,
	    &f), 0);
	findings_free(&f);
	assert_int_equal(findings_max(r->defs), 5);
}

static void
test_pairs(void **state)
{
	struct fixture *fx = *state;
	const struct results *r = &fx->u.r;
	struct pair_view pv;
	size_t koord = unit_ind(r, "koordinator");

	assert_int_equal(findings_npairs(r->defs), 4);
	findings_pair(r, kommune(r, "1505"), 2024, 0, &pv);	/* K1 koordinator */
	assert_string_equal(pv.question, "K1");
	assert_int_equal(pv.ind, koord);
	assert_int_equal(pv.outcome, PAIR_DISAGREE);
	findings_pair(r, kommune(r, "1506"), 2024, 0, &pv);
	assert_int_equal(pv.outcome, PAIR_DISAGREE);
	findings_pair(r, kommune(r, "1507"), 2024, 0, &pv);	/* "Ja" at god */
	assert_int_equal(pv.outcome, PAIR_NO_RULE);
	findings_pair(r, kommune(r, "1511"), 2024, 0, &pv);	/* "Delvis" at lav */
	assert_int_equal(pv.outcome, PAIR_NO_RULE);
	findings_pair(r, kommune(r, "1514"), 2024, 0, &pv);
	assert_int_equal(pv.outcome, PAIR_NO_ANSWER);
	assert_null(pv.answer);
	findings_pair(r, kommune(r, "1804"), 2024, 0, &pv);
	assert_int_equal(pv.outcome, PAIR_HIDDEN);
	assert_int_equal(pv.fig->state, FIG_HIDDEN);
	findings_pair(r, kommune(r, "1505"), 2024, 1, &pv);	/* I5, an open question */
	assert_string_equal(pv.question, "I5");
	assert_int_equal(pv.outcome, PAIR_OPEN);
	assert_string_equal(pv.answer->text, "Brukeren skriver egne mål.");
	findings_pair(r, kommune(r, "1507"), 2024, 2, &pv);	/* IK1 plan_oppdatert */
	assert_int_equal(pv.outcome, PAIR_DISAGREE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_development),
		cmocka_unit_test(test_followup),
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_pairs),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
