/*
 * Unit tests of the shipped definitions in indicators/: they load without a message, in
 * report order, with the thresholds and min_n of docs/computation.md; the shipped
 * answer and status patterns classify bokmål and nynorsk answers; a broken copy of the
 * directory gets positioned messages and -1. Also the shared helpers ind_next_line and ind_word_find.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "ind_read.h"
#include "indicator.h"

#ifndef IPKVAL_HOME
#define IPKVAL_HOME "."
#endif
#define SHIPPED IPKVAL_HOME "/indicators"

static void
test_shipped(void **state)
{
	static const char *const order[] = { "plan_oppdatert", "mal_definert",
	    "brukermedvirkning", "koordinator", "samtykke", "ansvarsgruppe", "internkontroll",
	    "dekning", "handlingsplan" };
	struct indicator_set set;
	struct diag d;
	const struct indicator *ind;
	size_t i;

	(void)state;
	diag_init(&d, stderr);
	assert_int_equal(indicators_load(&set, SHIPPED, &d), 0);
	assert_int_equal(d.count[DIAG_NOTE] + d.count[DIAG_WARNING] + d.count[DIAG_ERROR], 0);
	assert_int_equal(set.n, 9);
	for (i = 0; i < 9; i++) {
		assert_string_equal(set.v[i].id, order[i]);
		assert_non_null(set.v[i].name[LANG_NB]);
		assert_non_null(set.v[i].name[LANG_NN]);
		assert_non_null(set.v[i].desc[LANG_NB]);
		assert_non_null(set.v[i].desc[LANG_NN]);
		assert_non_null(set.v[i].numerator);
		assert_true(set.v[i].higher_is_better);
		assert_non_null(strstr(set.v[i].path, ".ind"));
	}
	for (i = 0; i < 5; i++) {
		assert_int_equal(set.v[i].source, TABLE_PLANS);
		assert_int_equal(set.v[i].kind, IND_SHARE);
		assert_int_equal(set.v[i].unit, UNIT_PERCENT);
		assert_true(set.v[i].god == 80 && set.v[i].middels == 50);
		assert_int_equal(set.v[i].min_n, 5);
		assert_non_null(set.v[i].rows);
	}
	ind = indicators_find(&set, "internkontroll");
	assert_non_null(ind);
	assert_int_equal(ind->source, TABLE_SURVEY);
	assert_int_equal(ind->min_n, 1);
	ind = indicators_find(&set, "dekning");
	assert_int_equal(ind->kind, IND_COVERAGE);
	assert_int_equal(ind->unit, UNIT_PER_1000);
	assert_true(ind->god == 10 && ind->middels == 5);
	assert_true(ind->need_lo == 25 && ind->need_hi == 30);
	assert_int_equal(ind->min_n, 5);
	ind = indicators_find(&set, "handlingsplan");
	assert_int_equal(ind->source, TABLE_ACTIONS);
	assert_non_null(ind->rows);
	assert_int_equal(ind->min_n_level, 5);
	assert_int_equal(ind->legal_duty, 0);
	assert_int_equal(indicators_find(&set, "koordinator")->legal_duty, 1);
	assert_non_null(indicators_find(&set, "koordinator")->basis[1]);
	assert_int_equal(ind->min_n, 1);
	assert_null(indicators_find(&set, "finnes_ikke"));
	/* no legal duty: the regulation asks for no responsibility group */
	ind = indicators_find(&set, "ansvarsgruppe");
	assert_non_null(ind);
	assert_int_equal(ind->legal_duty, 0);
	assert_null(ind->basis[0]);
	assert_true(ind->god == 60 && ind->middels == 40);
	assert_int_equal(ind->min_n, 5);
	assert_non_null(set.services);
	indicators_free(&set);
	diag_free(&d);
}

static void
test_classify(void **state)
{
	static const struct { const char *text; int answer, status; } cases[] = {
		{ "Ja", ANSWER_ESTABLISHED, STATUS_DONE },
		{ "  JA ", ANSWER_ESTABLISHED, STATUS_DONE },
		{ "Ja, det er på plass", ANSWER_ESTABLISHED, STATUS_DONE },
		{ "Delvis", ANSWER_PROGRESS, STATUS_PROGRESS },
		{ "I startfasen", ANSWER_PROGRESS, -9 },
		{ "Vi er i startfasen", ANSWER_PROGRESS, -9 },
		{ "Under arbeid", ANSWER_PROGRESS, STATUS_PROGRESS },
		{ "under planlegging", ANSWER_PROGRESS, STATUS_PLANNED },
		{ "Påbegynt", ANSWER_PROGRESS, STATUS_PROGRESS },
		{ "påbyrja", ANSWER_PROGRESS, STATUS_PROGRESS },
		{ "Pågår", ANSWER_PROGRESS, STATUS_PROGRESS },
		{ "Nei", ANSWER_NOT, STATUS_NOT_STARTED },
		{ "Vet ikke", ANSWER_UNSURE, -9 },
		{ "Veit ikkje", ANSWER_UNSURE, -9 },
		{ "Ikke avklart", ANSWER_UNSURE, STATUS_NOT_STARTED },
		{ "ikkje avklart", ANSWER_UNSURE, STATUS_NOT_STARTED },
		{ "Usikker", ANSWER_UNSURE, -9 }, { "Planlagt", -9, STATUS_PLANNED },
		{ "Ikke", ANSWER_NOT, STATUS_NOT_STARTED },
		{ "ikkje", ANSWER_NOT, STATUS_NOT_STARTED },
		{ "Må utarbeides og informeres om", ANSWER_NOT, -9 },
		{ "Gjennomført", -9, STATUS_DONE },
		{ "GJENNOMFØRT", -9, STATUS_DONE },
		{ "Ferdig", -9, STATUS_DONE },
		{ "utført", -9, STATUS_DONE },
		{ "Fullført i mai", -9, STATUS_DONE },
		{ "Ikke startet", ANSWER_NOT, STATUS_NOT_STARTED },
		{ "ikkje starta", ANSWER_NOT, STATUS_NOT_STARTED },
		{ "Jada", -9, -9 },
		{ "kanskje", -9, -9 },
	};
	struct indicator_set set;
	struct diag d;
	size_t i;
	int u;

	(void)state;
	diag_init(&d, stderr);
	assert_int_equal(indicators_load(&set, SHIPPED, &d), 0);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int want = cases[i].answer == -9 ? ANSWER_NONE : cases[i].answer;

		u = 0;
		if (classify(set.answers, cases[i].text, &u) != want ||
		    u != (cases[i].answer == -9))
			fail_msg("answer '%s': want %d", cases[i].text, want);
		want = cases[i].status == -9 ? STATUS_UNKNOWN : cases[i].status;
		u = 0;
		if (classify(set.status, cases[i].text, &u) != want ||
		    u != (cases[i].status == -9))
			fail_msg("status '%s': want %d", cases[i].text, want);
	}
	u = 0;
	assert_int_equal(classify(set.answers, "", &u), ANSWER_NONE);
	assert_int_equal(classify(set.answers, " \t ", &u), ANSWER_NONE);
	assert_int_equal(u, 0);		/* empty is not answered, not unmatched */
	assert_int_equal(classify(NULL, "Ja", &u), ANSWER_NONE);
	assert_int_equal(u, 1);
	indicators_free(&set);
	diag_free(&d);
}

/* Copies the shipped definitions to a temporary directory, runs `edit` (a shell command
 * run there), loads it and returns the messages. */
static char *
load_edited(const char *edit, int *rc, size_t *n)
{
	char dir[] = "/tmp/ipkval-ind-XXXXXX", cmd[1024], *out = NULL;
	size_t len = 0;
	FILE *f;
	struct diag d;
	struct indicator_set set;

	assert_non_null(mkdtemp(dir));
	snprintf(cmd, sizeof(cmd), "cp %s/*.ind %s/*.txt %s/ && cd %s && %s", SHIPPED, SHIPPED,
	    dir, dir, edit);
	assert_int_equal(system(cmd), 0);
	f = open_memstream(&out, &len);
	diag_init(&d, f);
	*rc = indicators_load(&set, dir, &d);
	*n = set.n;
	indicators_free(&set);
	diag_free(&d);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	/* The messages name the temporary directory: cut it out. */
	{
		char *p;
		size_t dl = strlen(dir);

		while ((p = strstr(out, dir)) != NULL)
			memmove(p, p + dl, strlen(p + dl) + 1);
	}
	return out;
}

static void
test_broken(void **state)
{
	static const struct { const char *edit, *want; size_t n; } cases[] = {
		{ "sed -i 's/^god .*/god = 40/' koordinator.ind",
		  "/koordinator.ind:17:7: error: expected god at least as high as middels (50) "
		  "when higher is better, found 40\n"
		  "    god = 40\n"
		  "          ^^\n", 8 },
		{ "sed -i 's/^min_n .*/min_n          = fem/' samtykke.ind",
		  "/samtykke.ind:22:18: error: expected a whole number of at least 1, found 'fem'", 8 },
		{ "sed -i 's/^kilde .*/kilde = plan/' dekning.ind",
		  "/dekning.ind:17:9: error: expected 'planer', 'kartlegging' or 'handlingsplan', "
		  "found 'plan'", 8 },
		{ "sed -i 's/^teller .*/teller = antall_mal >= 1 koordinator = ja/' mal_definert.ind",
		  "/mal_definert.ind:14:26: error: expected 'and', 'or' or the end of the condition, "
		  "found 'koordinator'", 8 },
		{ "sed -i '/^retning/d' brukermedvirkning.ind",
		  "/brukermedvirkning.ind: error: expected a line `retning = ...`, found none", 8 },
		{ "sed -i 's/^enhet /enheter/' brukermedvirkning.ind",
		  "/brukermedvirkning.ind:14:1: error: expected a key (id,", 8 },
		{ "echo 'god = 90' >> samtykke.ind",
		  "/samtykke.ind:23:1: error: expected each key once, found 'god' again (first on "
		  "line 19)", 8 },
		{ "sed -i 's/or (sist_oppdatert is empty/or (sist_oppdatert er tom/' plan_oppdatert.ind",
		  "/plan_oppdatert.ind:19:37: error: expected 'is', 'within', 'matches' or a "
		  "comparison (= != < <= > >=) after sist_oppdatert, found 'er'", 8 },
		{ "rm dekning.ind",
		  "error: expected a definition file dekning.ind (the reports need all eight", 8 },
		{ "cp koordinator.ind ekstra.ind",
		  "/ekstra.ind: error: expected one of the eight indicators", 9 },
		{ "sed -i 's/^id .*/id = koordinatorer/' koordinator.ind",
		  "/koordinator.ind:2:6: error: expected the id to be the file name without .ind "
		  "('koordinator'), found 'koordinatorer'", 8 },
		{ "echo samtykker >> rekkefolge.txt",
		  "/rekkefolge.txt:12:1: error: expected the id of a definition file in", 9 },
		{ "sed -i '/^dekning/d' rekkefolge.txt",
		  "/rekkefolge.txt: warning: expected every indicator in the order, found dekning "
		  "missing: it comes last", 9 },
		{ "rm svarklasser.txt", "/svarklasser.txt: error: cannot be read", 9 },
		{ "printf 'etablert = ^ja\\\\b\\nferdig = ^ok\\n' > svarklasser.txt",
		  "/svarklasser.txt:2:1: error: expected a class (etablert, under_arbeid, "
		  "ikke_etablert, vet_ikke or ubesvart), found 'ferdig'", 9 },
		{ "printf 'gjennomfort = ^(ja|ferdig\\n' > statusklasser.txt",
		  "/statusklasser.txt:1:26: error: expected a valid pattern, found an error here: "
		  "missing closing parenthesis", 9 },
		{ "printf '\\377\\376' > koordinator.ind",
		  "/koordinator.ind:1:1: error: expected UTF-8 text", 8 },
		{ ": > samtykke.ind", "/samtykke.ind: error: expected a line `id = ...`", 8 },
		{ "echo 'rus_ny = Rus' >> tjenesteomrader.txt",
		  "/tjenesteomrader.txt:22:8: error: expected navn.nb | navn.nn | at least one "
		  "spelling after '=', found 1 field", 9 },
		{ "echo 'annet = A | A | a' >> tjenesteomrader.txt",
		  "/tjenesteomrader.txt:22:1: error: expected an id of small letters, digits and _ "
		  "other than 'annet', found 'annet'", 9 },
	};
	size_t i, n;
	int rc;
	char *out;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		out = load_edited(cases[i].edit, &rc, &n);
		if (rc != (strstr(cases[i].want, "warning") ? 0 : -1) ||
		    strstr(out, cases[i].want) == NULL || n != cases[i].n) {
			fprintf(stderr, "%s: rc %d n %zu\n%s\nwanted\n%s\n", cases[i].edit, rc, n,
			    out, cases[i].want);
			free(out);
			fail();
		}
		free(out);
	}
}

static void
test_helpers(void **state)
{
	static const struct ind_word words[] = { { "ja", 1 }, { "nei", 0 }, { NULL, 0 } };
	const char text[] = "a = 1\r\n\nlast";
	const char *l;
	size_t pos = 0, llen = 99;

	(void)state;
	l = ind_next_line(text, strlen(text), &pos, &llen);
	assert_ptr_equal(l, text);
	assert_int_equal(llen, 5);
	l = ind_next_line(text, strlen(text), &pos, &llen);
	assert_ptr_equal(l, text + 7);
	assert_int_equal(llen, 0);
	l = ind_next_line(text, strlen(text), &pos, &llen);
	assert_ptr_equal(l, text + 8);
	assert_int_equal(llen, 4);
	assert_null(ind_next_line(text, strlen(text), &pos, &llen));
	pos = 0;
	assert_null(ind_next_line("", 0, &pos, &llen));
	pos = 0;
	assert_non_null(ind_next_line("x\n", 2, &pos, &llen));
	assert_null(ind_next_line("x\n", 2, &pos, &llen));

	assert_int_equal(ind_word_find(words, "NEIxx", 3)->v, 0);
	assert_int_equal(ind_word_find(words, "Ja", 2)->v, 1);
	assert_null(ind_word_find(words, "j", 1));
	assert_null(ind_word_find(words, "jaa", 3));
	assert_int_equal(classifier_value(CLASSIFIER_ANSWERS, "Etablert", 8), ANSWER_ESTABLISHED);
	assert_int_equal(classifier_value(CLASSIFIER_STATUS, "nope", 4), -2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_helpers),
		cmocka_unit_test(test_shipped),
		cmocka_unit_test(test_classify),
		cmocka_unit_test(test_broken),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
