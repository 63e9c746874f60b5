/*
 * Unit tests of deadline.c (dates and recurrence in an action plan's `tid`) and of the
 * integer rounding and formatting of compute.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "compute.h"
#include "deadline.h"

static void
test_dates(void **state)
{
	(void)state;
	assert_int_equal(deadline_date("Innan 15.11.2012"), 20121115);
	assert_int_equal(deadline_date("Innan 15.11.20 12"), 20121115);
	assert_int_equal(deadline_date("Innen 1. mars 2025"), 20250301);
	assert_int_equal(deadline_date("innen 1 MAI 2025"), 20250501);
	assert_int_equal(deadline_date("1. mar. 2025"), 20250301);
	assert_int_equal(deadline_date("Innan 3. desember 2024"), 20241203);
	assert_int_equal(deadline_date("31. okt 2024"), 20241031);
	assert_int_equal(deadline_date("31.10.2024"), 20241031);
	assert_int_equal(deadline_date("1.2.2024"), 20240201);
	assert_int_equal(deadline_date("2024-10-31"), 20241031);
	assert_int_equal(deadline_date("31/10/2024"), 20241031);
	assert_int_equal(deadline_date("29.02.2024"), 20240229);
	assert_int_equal(deadline_date("15. 11. 2012"), 20121115);
	/* nothing guessed */
	assert_int_equal(deadline_date("29.02.2023"), 0);
	assert_int_equal(deadline_date("31.02.2024"), 0);
	assert_int_equal(deadline_date("Høst 2024"), 0);
	assert_int_equal(deadline_date("Innan 1 mai kvart år"), 0);
	assert_int_equal(deadline_date("Kontinuerleg to gongar i året"), 0);
	assert_int_equal(deadline_date("15.11"), 0);
	assert_int_equal(deadline_date("15.11.12"), 0);
	assert_int_equal(deadline_date("115.11.2012"), 0);
	assert_int_equal(deadline_date("15.11.20123"), 0);
	assert_int_equal(deadline_date("1. marsj 2025"), 0);
	assert_int_equal(deadline_date("1. mars 25"), 0);
	assert_int_equal(deadline_date(""), 0);
	assert_int_equal(deadline_date(NULL), 0);
	/* the first full date wins */
	assert_int_equal(deadline_date("Første gong 01.03.2025, så 01.09.2025"), 20250301);
}

static void
test_recurring(void **state)
{
	struct deadline_rules *rules;
	struct diag d;
	FILE *devnull = fopen("/dev/null", "w");

	(void)state;
	diag_init(&d, devnull);
	assert_int_equal(deadline_rules_load(&rules, IPKVAL_HOME "/indicators", &d), 0);
	assert_int_equal(deadline_recurring(rules, "Kontinuerleg to gongar i året"), 1);
	assert_int_equal(deadline_recurring(rules, "Innan 1 mai kvart år"), 1);
	assert_int_equal(deadline_recurring(rules, "Løpende"), 1);
	assert_int_equal(deadline_recurring(rules, "løpande"), 0);
	assert_int_equal(deadline_recurring(rules, "årlig"), 1);
	assert_int_equal(deadline_recurring(rules, "Årleg"), 1);
	assert_int_equal(deadline_recurring(rules, "hver måned"), 1);
	assert_int_equal(deadline_recurring(rules, "Kvar veke"), 1);
	assert_int_equal(deadline_recurring(rules, "to ganger i året"), 1);
	assert_int_equal(deadline_recurring(rules, "Høst 2024"), 0);
	assert_int_equal(deadline_recurring(rules, "Innan 15.11.2012"), 0);
	assert_int_equal(deadline_recurring(rules, "31.10.2024"), 0);
	assert_int_equal(deadline_recurring(rules, ""), 0);
	assert_int_equal(deadline_recurring(NULL, "Løpende"), 0);
	deadline_rules_free(rules);
	diag_free(&d);
	fclose(devnull);
}

static void
test_bad_rules(void **state)
{
	char dir[] = "/tmp/ipkval-deadline-XXXXXX";
	char path[64];
	struct deadline_rules *rules;
	struct diag d;
	FILE *f, *msgs = tmpfile();
	char text[512] = "";

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/frister.txt", dir);
	f = fopen(path, "w");
	fputs("# comment\n\\bl(ø|o)pende\n(unclosed\n", f);
	fclose(f);
	diag_init(&d, msgs);
	assert_int_equal(deadline_rules_load(&rules, dir, &d), -1);
	assert_null(rules);
	rewind(msgs);
	assert_non_null(fgets(text, sizeof(text), msgs));
	assert_non_null(strstr(text, "frister.txt:3:"));
	assert_non_null(strstr(text, "error"));
	unlink(path);
	assert_int_equal(deadline_rules_load(&rules, dir, &d), -1);	/* no file */
	assert_null(rules);
	diag_free(&d);
	fclose(msgs);
	rmdir(dir);
}

static void
test_rounding(void **state)
{
	char s[32];

	(void)state;
	assert_int_equal(compute_round10(2, 3, 100), 667);
	assert_int_equal(compute_round10(1, 16, 100), 63);	/* 6,25 -> 6,3 */
	assert_int_equal(compute_round10(1, 8, 100), 125);
	assert_int_equal(compute_round10(1, 3, 100), 333);
	assert_int_equal(compute_round10(5, 5, 100), 1000);
	assert_int_equal(compute_round10(0, 7, 100), 0);
	assert_int_equal(compute_round10(-1, 16, 100), -63);
	assert_int_equal(compute_round10(41, 10000, 1000), 41);
	assert_int_equal(compute_round10(1, 4000, 1000), 3);	/* 0,25 -> 0,3 */
	assert_int_equal(compute_round10(170000, 5500000, 1000), 309);
	compute_format10(667, s, sizeof(s));
	assert_string_equal(s, "66,7");
	compute_format10(0, s, sizeof(s));
	assert_string_equal(s, "0,0");
	compute_format10(1000, s, sizeof(s));
	assert_string_equal(s, "100,0");
	compute_format10(-35, s, sizeof(s));
	assert_string_equal(s, "-3,5");
	compute_format10(-5, s, sizeof(s));
	assert_string_equal(s, "-0,5");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_recurring),
		cmocka_unit_test(test_bad_rules),
		cmocka_unit_test(test_rounding),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
