/*
 * compute.c and tables.c on the hand-made data set tests/indicators/basic (read through
 * load.c): the brukermedvirkning split and its suppression, counts of not documented,
 * the second figures file, survey answers, action-plan measures (deadline, recurring,
 * overdue) and changes since last year.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "compute.h"
#include "load.h"
#include "tables.h"
#include "unit_results.h"

static int
setup(void **state)
{
	static struct unit_results u;

	if (unit_results_load(&u, "tests/indicators/basic") == -1)
		return -1;
	*state = &u;
	return 0;
}

static int
teardown(void **state)
{
	unit_results_free(*state);
	return 0;
}

static void
test_split(void **state)
{
	struct unit_results *fx = *state;
	const struct results *r = &fx->r;
	const struct split *s;

	s = results_split(r, 2024, unit_place(r, "1506", PLACE_KOMMUNE));
	assert_int_equal(s->state, FIG_PUBLISHED);
	assert_int_equal(s->ja, 2);
	assert_int_equal(s->delvis, 3);
	assert_int_equal(s->nei, 3);
	assert_int_equal(s->not_documented, 0);
	s = results_split(r, 2024, unit_place(r, "1515", PLACE_KOMMUNE));	/* a partner */
	assert_int_equal(s->state, FIG_HIDDEN);
	assert_int_equal(s->ja + s->delvis + s->nei + s->not_documented, 0);
	s = results_split(r, 2024, unit_place(r, "15", PLACE_FYLKE));
	assert_int_equal(s->state, FIG_PUBLISHED);
	assert_int_equal(s->ja, 9);
	assert_int_equal(s->delvis, 5);
	assert_int_equal(s->nei, 7);
	assert_int_equal(s->not_documented, 1);
	assert_null(results_split(r, 2022, 0));
}

static void
test_figures(void **state)
{
	struct unit_results *fx = *state;
	const struct results *r = &fx->r;
	size_t molde = unit_place(r, "1506", PLACE_KOMMUNE), fylke = unit_place(r, "15", PLACE_FYLKE);
	const struct figure *f;

	assert_int_equal(r->year, 2024);
	assert_int_equal(r->refdate, 20241231);
	assert_int_equal(r->nyears, 2);
	f = results_figure(r, 2024, unit_ind(r, "plan_oppdatert"), fylke);
	assert_int_equal(f->value10, 682);
	assert_true(f->has_change);
	assert_int_equal(f->change10, 682 - 1000);
	f = results_figure(r, 2024, unit_ind(r, "plan_oppdatert"), molde);
	assert_int_equal(f->value10, 625);
	assert_true(f->has_change);
	assert_int_equal(f->change10, 625 - 1000);
	f = results_figure(r, 2024, unit_ind(r, "plan_oppdatert"),
	    unit_place(r, "1515", PLACE_KOMMUNE));	/* a partner */
	assert_int_equal(f->state, FIG_HIDDEN);
	assert_false(f->has_change);
	assert_int_equal(f->value10 + f->num + f->den, 0);
	f = results_figure(r, 2024, unit_ind(r, "mal_definert"), fylke);
	assert_int_equal(f->not_documented, 2);
	/* Sande has plan rows but no active plan: hidden like a count of 1 to 4. */
	f = results_figure(r, 2024, unit_ind(r, "dekning"), unit_place(r, "1514", PLACE_KOMMUNE));
	assert_int_equal(f->state, FIG_HIDDEN);
	f = results_figure(r, 2024, unit_ind(r, "samtykke"), unit_place(r, "1514", PLACE_KOMMUNE));
	assert_int_equal(f->state, FIG_HIDDEN);
	f = results_figure(r, 2024, unit_ind(r, "internkontroll"), unit_place(r, "1515", PLACE_KOMMUNE));
	assert_int_equal(f->state, FIG_MISSING);
	f = results_figure(r, 2024, unit_ind(r, "internkontroll"), molde);
	assert_int_equal(f->level, LEVEL_NONE);	/* an answer, not a level */
	assert_int_equal(f->answer, ANSWER_PROGRESS);
	f = results_figure(r, 2024, unit_ind(r, "internkontroll"), unit_place(r, "1511",
	    PLACE_KOMMUNE));
	assert_int_equal(f->answer, ANSWER_UNSURE);
	assert_int_equal(f->num, 0);	/* in the denominator, not the numerator */
	assert_int_equal(f->den, 1);
	assert_true(results_present(r, 2023, molde));
	assert_false(results_present(r, 2023, unit_place(r, "1505", PLACE_KOMMUNE)));
	assert_false(results_present(r, 2024, unit_place(r, "1516", PLACE_KOMMUNE)));
	assert_string_equal(results_place_name(r, results_country_place(r)), "Hele landet");
	assert_string_equal(results_place_code(r, results_county_place(r, molde)), "15");
}

static void
test_answers(void **state)
{
	struct unit_results *fx = *state;
	const struct results *r = &fx->r;
	const struct answer *a = results_answers(r, 2024, unit_place(r, "1511", PLACE_KOMMUNE));
	size_t i, found = 0;

	assert_non_null(a);
	for (i = 0; i < fx->ds.nquestions; i++) {
		if (strcmp(a[i].q->id, "IK1") == 0) {
			assert_string_equal(a[i].text, "Veit ikkje");
			assert_int_equal(a[i].cls, ANSWER_UNSURE);
			found++;
		}
		if (strcmp(a[i].q->id, "K1") == 0) {
			assert_int_equal(a[i].cls, ANSWER_NOT);
			found++;
		}
		if (strcmp(a[i].q->id, "F1") == 0)
			assert_null(a[i].text);
	}
	assert_int_equal(found, 2);
	assert_null(results_answers(r, 2024, unit_place(r, "1514", PLACE_KOMMUNE)));
	assert_null(results_answers(r, 2023, unit_place(r, "1505", PLACE_KOMMUNE)));
}

static void
test_measures(void **state)
{
	struct unit_results *fx = *state;
	const struct results *r = &fx->r;
	const struct measure *m = r->measures;

	assert_int_equal(r->nmeasures, 5);
	assert_string_equal(results_place_code(r, m[0].kommune), "1505");
	assert_int_equal(m[0].deadline, 20241115);
	assert_int_equal(m[0].status_class, STATUS_DONE);
	assert_false(m[0].overdue);
	assert_true(m[1].recurring);
	assert_int_equal(m[1].deadline, 0);
	assert_int_equal(m[1].status_class, STATUS_PLANNED);
	assert_false(m[1].overdue);
	assert_false(m[1].due);
	assert_int_equal(m[2].deadline, 20240301);
	assert_int_equal(m[2].status_class, STATUS_NOT_STARTED);
	assert_true(m[2].overdue);
	assert_string_equal(results_place_code(r, m[4].kommune), "1514");
	assert_string_equal(m[4].tid, "Høst 2024");
	assert_int_equal(m[4].deadline, 20241130);	/* autumn ends with November */
	assert_true(m[4].due);
	assert_false(m[4].overdue);			/* done */
	assert_false(m[4].recurring);
	/* Progress: done among the measures due by R (1505: 1 of 2; the recurring one has
	 * no dated deadline). */
	{
		const struct figure *f = results_figure(r, 2024, unit_ind(r, "handlingsplan"),
		    unit_place(r, "1505", PLACE_KOMMUNE));

		assert_int_equal(f->num, 1);
		assert_int_equal(f->den, 2);
		assert_int_equal(f->level, LEVEL_NONE);	/* fewer than min_n_niva */
	}
}

static void
test_extra_file(void **state)
{
	struct unit_results *fx = *state;
	struct buf b;

	buf_init(&b);
	tables_extra(&fx->r, &b);
	assert_memory_equal(b.data, "\xEF\xBB\xBF" "aar;niva;kode;navn;indikator;maal;antall;prikket\n", 52);
	assert_non_null(strstr(b.data, "\n2024;kommune;1506;Molde;brukermedvirkning_fordeling;delvis;3;0\n"));
	assert_non_null(strstr(b.data, "\n2024;fylke;15;Møre og Romsdal;koordinator;ikke_dokumentert;2;0\n"));
	assert_non_null(strstr(b.data, "\n2024;kommune;1505;Kristiansund;brukermedvirkning_fordeling;ja;;1\n"));
	assert_non_null(strstr(b.data, "\n2024;kommune;1514;Sande;brukermedvirkning_fordeling;ja;;1\n"));
	assert_non_null(strstr(b.data, "\n2024;fylke;15;Møre og Romsdal;brukermedvirkning_fordeling;nei;7;0\n"));
	assert_non_null(strstr(b.data, "\n2024;fil;planer-2024.csv;planer-2024.csv;;rader_lest;25;0\n"));
	assert_null(strstr(b.data, "1511;Vanylven;brukermedvirkning_fordeling;ja;3"));
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_answers),
		cmocka_unit_test(test_measures),
		cmocka_unit_test(test_extra_file),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
