/*
 * Unit tests of deadline.c (dates and recurrence in an action plan's `tid`), of the
 * shipped status classes of action-plan measures, and of the integer rounding and
 * formatting of compute.c.
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
#include "indicator.h"

/* The shipped rules (frister.txt, perioder.txt), loaded once. */
static struct deadline_rules *rules;

static int
setup(void **state)
{
	struct diag d;

	(void)state;
	diag_init(&d, stderr);
	if (deadline_rules_load(&rules, IPKVAL_HOME "/indicators", &d) == -1)
		return -1;
	diag_free(&d);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	deadline_rules_free(rules);
	return 0;
}

/* The reference date of the tests unless one is given: 31.12.2024. */
#define R	20241231

/* The deadline read from tid for R, and no token shaped like a date that is none. */
static int
date_at(const char *tid, int refdate)
{
	struct deadline dl = deadline_read(rules, tid, refdate);

	if (dl.bad != NULL)
		fail_msg("'%s': '%.*s' taken for a bad date", tid, (int)dl.badlen, dl.bad);
	return dl.date;
}

static int
date_of(const char *tid)
{
	return date_at(tid, R);
}

/* The bad token deadline_read names in tid ("" when none), and its deadline in *v. */
static const char *
bad_of(const char *tid, int *v)
{
	static char text[64];
	struct deadline dl = deadline_read(rules, tid, R);

	*v = dl.date;
	if (dl.bad == NULL)
		return "";
	snprintf(text, sizeof(text), "%.*s", (int)dl.badlen, dl.bad);
	return text;
}

static void
test_dates(void **state)
{
	(void)state;
	assert_int_equal(date_of("Innan 15.11.2012"), 20121115);
	assert_int_equal(date_of("Innan 15.11.20 12"), 20121115);
	assert_int_equal(date_of("Innen 1. mars 2025"), 20250301);
	assert_int_equal(date_of("innen 1 MAI 2025"), 20250501);
	assert_int_equal(date_of("1. mar. 2025"), 20250301);
	assert_int_equal(date_of("Innan 3. desember 2024"), 20241203);
	assert_int_equal(date_of("31. okt 2024"), 20241031);
	assert_int_equal(date_of("31.10.2024"), 20241031);
	assert_int_equal(date_of("1.2.2024"), 20240201);
	assert_int_equal(date_of("2024-10-31"), 20241031);
	assert_int_equal(date_of("31/10/2024"), 20241031);
	assert_int_equal(date_of("29.02.2024"), 20240229);
	assert_int_equal(date_of("15. 11. 2012"), 20121115);
	/* no space after the dot */
	assert_int_equal(date_of("1.mars 2025"), 20250301);
	assert_int_equal(date_of("innen 1.juli 2025"), 20250701);
	assert_int_equal(date_of("Innan 1.\xc2\xa0juni\xc2\xa0" "2025"), 20250601);	/* NBSP */
	/* two-digit years are 20yy; dd-mm-yyyy; d/m-yy */
	assert_int_equal(date_of("31.12.24"), 20241231);
	assert_int_equal(date_of("15.6.25"), 20250615);
	assert_int_equal(date_of("15.11.12"), 20121115);
	assert_int_equal(date_of("31/12-24"), 20241231);
	assert_int_equal(date_of("31/12-2024"), 20241231);
	assert_int_equal(date_of("01-03-2025"), 20250301);
	assert_int_equal(date_of("Innen 1-3-25"), 20250301);
	/* the end of a year, a month or a numbered period */
	assert_int_equal(date_of("Innen utgangen av 2024"), 20241231);
	assert_int_equal(date_of("utgangen av mars 2025"), 20250331);
	assert_int_equal(date_of("Innan utgongen av februar 2024"), 20240229);
	assert_int_equal(date_of("UTGANGEN AV 2025"), 20251231);
	assert_int_equal(date_of("Ultimo 2025"), 20251231);
	assert_int_equal(date_of("ultimo mars 2025"), 20250331);
	assert_int_equal(date_of("ultimo sept. 2025"), 20250930);
	assert_int_equal(date_of("Innen slutten av juni 2025"), 20250630);
	assert_int_equal(date_of("1. kvartal 2025"), 20250331);
	assert_int_equal(date_of("2. kvartal 2025"), 20250630);
	assert_int_equal(date_of("3.kvartal 2025"), 20250930);
	assert_int_equal(date_of("Innan 4. kvartal 2025"), 20251231);
	assert_int_equal(date_of("1. halvår 2025"), 20250630);
	assert_int_equal(date_of("2. halvår 2025"), 20251231);
	assert_int_equal(date_of("2. HALVÅR 2025"), 20251231);
	assert_int_equal(date_of("innan 1. halvåret 2025"), 20250630);
	assert_int_equal(date_of("2. tertial 2025"), 20250831);
	assert_int_equal(date_of("Innen utgangen av 1. kvartal 2025"), 20250331);
	/* periods to their last day (indicators/perioder.txt), bokmål and nynorsk */
	assert_int_equal(date_of("Høst 2024"), 20241130);
	assert_int_equal(date_of("Høsten 2024"), 20241130);
	assert_int_equal(date_of("Haust 2024"), 20241130);
	assert_int_equal(date_of("hausten 2025"), 20251130);
	assert_int_equal(date_of("Våren 2025"), 20250531);
	assert_int_equal(date_of("vår 2024"), 20240531);
	assert_int_equal(date_of("Sommaren 2024"), 20240831);
	assert_int_equal(date_of("vinteren 2024"), 20240229);
	assert_int_equal(date_of("vinter 2025"), 20250228);
	assert_int_equal(date_of("i løpet av 2024"), 20241231);
	assert_int_equal(date_of("I løpet av våren 2025"), 20250531);
	assert_int_equal(date_of("i løpet av mars 2025"), 20250331);
	assert_int_equal(date_of("innen utgangen av året"), 20241231);
	assert_int_equal(date_of("Innan utgongen av året"), 20241231);
	assert_int_equal(date_of("i løpet av året"), 20241231);
	assert_int_equal(date_of("uke 12"), 20240324);
	assert_int_equal(date_of("Uke 12 2025"), 20250323);
	assert_int_equal(date_of("veke 12/2025"), 20250323);
	assert_int_equal(date_of("innen uke 1"), 20240107);
	assert_int_equal(date_of("uke 53 2026"), 20270103);
	assert_int_equal(date_of("1. kvartal"), 20240331);
	assert_int_equal(date_of("2. halvår"), 20241231);
	/* a day and month without a year are in R's year */
	assert_int_equal(date_of("Innen 1. mars"), 20240301);
	assert_int_equal(date_at("Innen 1. mars", 20250630), 20250301);
	assert_int_equal(date_of("ultimo mars"), 20240331);
	assert_int_equal(date_of("Innan 1 mai"), 20240501);
	/* nothing guessed */
	assert_int_equal(date_of("snarest"), 0);
	assert_int_equal(date_of("Innen 2025"), 0);
	assert_int_equal(date_of("kvartal 2025"), 0);
	assert_int_equal(date_of("Høst 24"), 0);	/* a year cut short? not read */
	assert_int_equal(date_of("uke"), 0);
	assert_int_equal(date_of("året"), 0);
	assert_int_equal(date_of("to gongar i året"), 0);
	assert_int_equal(date_of("Kontinuerleg to gongar i året"), 0);
	assert_int_equal(date_of("hver 14. dag"), 0);
	assert_int_equal(date_of("kl. 10.00-12.00"), 0);
	assert_int_equal(date_of("15.11"), 0);
	assert_int_equal(date_of("115.11.2012"), 0);
	assert_int_equal(date_of("15.11.20123"), 0);
	assert_int_equal(date_of("1.2.3.2024"), 0);
	assert_int_equal(date_of("1.2.24.5"), 0);
	assert_int_equal(date_of("1. marsj 2025"), 0);
	assert_int_equal(date_of("1. mars 25"), 0);	/* a month name wants four digits */
	assert_int_equal(date_of("1. mars 202"), 0);
	assert_int_equal(date_of("15. 11. 12"), 0);	/* so does a year after a space */
	assert_int_equal(date_of(""), 0);
	assert_int_equal(date_of(NULL), 0);
}

static void
test_several_dates(void **state)
{
	(void)state;
	/* a date after a deadline word wins */
	assert_int_equal(date_of("Startet 01.01.2024, ferdig 31.12.2025"), 20251231);
	assert_int_equal(date_of("Fra 01.03.2024 til 01.06.2025"), 20250601);
	assert_int_equal(date_of("Frist 01.06.2025, oppstart 01.01.2024"), 20250601);
	assert_int_equal(date_of("Innen 1. mars 2025 (revidert 01.12.2024)"), 20250301);
	assert_int_equal(date_of("ferdig innen utgangen av 2025, start 1.1.2025"), 20251231);
	assert_int_equal(date_of("Fra 01.03.2024 til og med 01.06.2025"), 20250601);
	assert_int_equal(date_of("Senest 1.4.2025; møte 10.1.2025"), 20250401);
	assert_int_equal(date_of("Seinast 1.4.2025, møte 10.1.2025"), 20250401);
	assert_int_equal(date_of("FRISTEN er satt til 1.4.2025, oppstart 10.1.2025"), 20250401);
	/* of several such dates, the last */
	assert_int_equal(date_of("Innen 01.03.2025 (utkast), ferdig 01.06.2025"), 20250601);
	/* a deadline word too far away, or in an earlier clause, does not count */
	assert_int_equal(date_of("Innen mars; oppstart 1.1.2024"), 20240101);
	assert_int_equal(date_of("Innen 1.3.2025 og så oppfølging en god stund etter "
	    "1.9.2025"), 20250301);
	assert_int_equal(date_of("Ferdig: se plan vedtatt i styret 1.9.2023, deretter "
	    "1.3.2025"), 20250301);
	/* otherwise the last date: a range ends at its last */
	assert_int_equal(date_of("01.03.2024\xe2\x80\x93" "01.06.2025"), 20250601);
	assert_int_equal(date_of("01.03.2024 - 01.06.2025"), 20250601);
	assert_int_equal(date_of("01.03.2024-01.06.2025"), 20250601);
	assert_int_equal(date_of("1.3.24-1.6.25"), 20250601);
	/* two sessions: the measure is carried out with the last one, so a measure between
	 * them is on time, not overdue */
	assert_int_equal(date_of("Første gong 01.03.2025, så 01.09.2025"), 20250901);
}

static void
test_bad_dates(void **state)
{
	int v;

	(void)state;
	assert_string_equal(bad_of("Innen 31.11.2024", &v), "31.11.2024");
	assert_int_equal(v, 0);
	assert_string_equal(bad_of("29.02.2025", &v), "29.02.2025");
	assert_int_equal(v, 0);
	assert_string_equal(bad_of("29.02.2023", &v), "29.02.2023");
	assert_string_equal(bad_of("31.02.2024", &v), "31.02.2024");
	assert_string_equal(bad_of("Innen 31. april 2025", &v), "31. april 2025");
	assert_string_equal(bad_of("2025-02-30", &v), "2025-02-30");
	assert_string_equal(bad_of("31.06.25", &v), "31.06.25");
	assert_string_equal(bad_of("15.13.2024", &v), "15.13.2024");
	assert_string_equal(bad_of("5. kvartal 2025", &v), "5. kvartal 2025");
	assert_string_equal(bad_of("3. halvår 2025", &v), "3. halvår 2025");
	assert_string_equal(bad_of("31.12.1850", &v), "31.12.1850");
	assert_int_equal(v, 0);
	/* the chosen date is bad: no deadline, never another date instead */
	assert_string_equal(bad_of("Fra 01.03.2024 til 31.06.2025", &v), "31.06.2025");
	assert_int_equal(v, 0);
	/* a bad date that is not the deadline is still named */
	assert_string_equal(bad_of("Startet 31.11.2023, ferdig 31.12.2025", &v), "31.11.2023");
	assert_int_equal(v, 20251231);
	assert_string_equal(bad_of("Innen 31.12.2025", &v), "");
	assert_int_equal(v, 20251231);
	assert_int_equal(deadline_read(rules, "Innen 31.11.2024", R).date, 0);
	assert_string_equal(bad_of("uke 53 2025", &v), "uke 53 2025");
	assert_string_equal(bad_of("uke 0", &v), "uke 0");
	{
		struct deadline dl = deadline_read(rules, "Innen 29. februar", 20250630);

		assert_int_equal(dl.date, 0);	/* no 29 February in 2025 */
		assert_int_equal((int)dl.badlen, 11);
	}
}

/* Every status example of statusklasser.txt's comments and docs, by class. */
static void
test_status(void **state)
{
	static const struct { const char *text; int cls; } cases[] = {
		{ "Ja", STATUS_DONE }, { "Ferdig", STATUS_DONE },
		{ "Gjennomført", STATUS_DONE }, { "Ferdigstilt", STATUS_DONE },
		{ "ferdigstilt i mars", STATUS_DONE }, { "Avsluttet", STATUS_DONE },
		{ "avslutta", STATUS_DONE }, { "Ferdig 12.03.2024", STATUS_DONE },
		{ "Ferdig i 2025", STATUS_PROGRESS }, { "ferdig innen 1. mars", STATUS_PROGRESS },
		{ "Ferdig innan 2025", STATUS_PROGRESS }, { "Ferdig til sommaren", STATUS_PROGRESS },
		{ "Ferdigstilles i 2025", STATUS_PROGRESS }, { "Ja, delvis", STATUS_PROGRESS },
		{ "ja delvis", STATUS_PROGRESS }, { "JA - DELVIS", STATUS_PROGRESS },
		{ "Pågående", STATUS_PROGRESS }, { "pågåande", STATUS_PROGRESS },
		{ "Pågår", STATUS_PROGRESS }, { "Delvis", STATUS_PROGRESS },
		{ "Utsatt", STATUS_NOT_STARTED }, { "utsatt til 2026", STATUS_NOT_STARTED },
		{ "Utsett", STATUS_NOT_STARTED }, { "Nei", STATUS_NOT_STARTED },
		{ "Ja, det er på plass", STATUS_DONE }, { "Jada", STATUS_UNKNOWN },
	};
	struct indicator_set set;
	struct diag d;
	size_t i;
	int u;

	(void)state;
	diag_init(&d, stderr);
	assert_int_equal(indicators_load(&set, IPKVAL_HOME "/indicators", &d), 0);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		u = 0;
		if (classify(set.status, cases[i].text, &u) != cases[i].cls ||
		    u != (cases[i].cls == STATUS_UNKNOWN))
			fail_msg("status '%s': want %d", cases[i].text, cases[i].cls);
	}
	indicators_free(&set);
	diag_free(&d);
}

static void
test_recurring(void **state)
{
	(void)state;
	assert_int_equal(deadline_recurring(rules, "Kontinuerleg to gongar i året"), 1);
	assert_int_equal(deadline_recurring(rules, "Innan 1 mai kvart år"), 1);
	assert_int_equal(deadline_recurring(rules, "Løpende"), 1);
	assert_int_equal(deadline_recurring(rules, "løpande"), 0);
	assert_int_equal(deadline_recurring(rules, "årlig"), 1);
	assert_int_equal(deadline_recurring(rules, "Årleg"), 1);
	assert_int_equal(deadline_recurring(rules, "hver måned"), 1);
	assert_int_equal(deadline_recurring(rules, "Kvar veke"), 1);
	assert_int_equal(deadline_recurring(rules, "to ganger i året"), 1);
	assert_int_equal(deadline_recurring(rules, "Møte hver tredje måned"), 1);
	assert_int_equal(deadline_recurring(rules, "hver 3. måned"), 1);
	assert_int_equal(deadline_recurring(rules, "Hver 14. dag"), 1);
	assert_int_equal(deadline_recurring(rules, "hvert annet år"), 1);
	assert_int_equal(deadline_recurring(rules, "hver dag"), 1);
	assert_int_equal(deadline_recurring(rules, "Annenhver uke"), 1);
	assert_int_equal(deadline_recurring(rules, "annen hver måned"), 1);
	assert_int_equal(deadline_recurring(rules, "annakvar veke"), 1);
	assert_int_equal(deadline_recurring(rules, "Kvar tredje månad"), 1);
	assert_int_equal(deadline_recurring(rules, "kvart anna år"), 1);
	assert_int_equal(deadline_recurring(rules, "kvar 2. veke"), 1);
	assert_int_equal(deadline_recurring(rules, "1. kvartal 2025"), 0);
	assert_int_equal(deadline_recurring(rules, "tredje måned"), 0);
	assert_int_equal(deadline_recurring(rules, "Første gong 01.03.2025, så 01.09.2025"), 0);
	assert_int_equal(deadline_recurring(rules, "Høst 2024"), 0);
	assert_int_equal(deadline_recurring(rules, "Innan 15.11.2012"), 0);
	assert_int_equal(deadline_recurring(rules, "31.10.2024"), 0);
	assert_int_equal(deadline_recurring(rules, ""), 0);
	assert_int_equal(deadline_recurring(NULL, "Løpende"), 0);
}

/* Recurring deadlines: the last occurrence on or before R of a day without a year. */
static void
test_recurring_dates(void **state)
{
	struct deadline dl;

	(void)state;
	dl = deadline_read(rules, "Innan 1 mai kvart år.", 20241231);
	assert_int_equal(dl.recurring, 1);
	assert_int_equal(dl.date, 20240501);
	assert_int_equal(date_at("Innan 1 mai kvart år.", 20240501), 20240501);
	assert_int_equal(date_at("Innan 1 mai kvart år.", 20240430), 20230501);
	assert_int_equal(date_at("hver høst", 20241231), 20241130);
	assert_int_equal(date_at("hver høst", 20240630), 20231130);
	assert_int_equal(date_at("1. juni og 1. desember hvert år", 20240630), 20240601);
	assert_int_equal(date_at("1. juni og 1. desember hvert år", 20241231), 20241201);
	/* a date with its year stays that date */
	assert_int_equal(date_at("Årlig, første gang 01.03.2024", 20241231), 20240301);
	assert_int_equal(date_at("Løpende, ferdig 31.12.2025", 20241231), 20251231);
	/* recurring without a day: no dated deadline */
	dl = deadline_read(rules, "Kontinuerleg to gongar i året.", 20241231);
	assert_int_equal(dl.recurring, 1);
	assert_int_equal(dl.date, 0);
	assert_int_equal(date_of("Løpende"), 0);
	/* not recurring: the day in R's year, even when it lies after R */
	dl = deadline_read(rules, "Innen 1. mai", 20240430);
	assert_int_equal(dl.recurring, 0);
	assert_int_equal(dl.date, 20240501);
	/* without rules: dates and months only */
	assert_int_equal(deadline_read(NULL, "Høst 2024", R).date, 0);
	assert_int_equal(deadline_read(NULL, "Innen 1. mars 2025", R).date, 20250301);
}

/* Writes text to dir/name. */
static void
write_file(const char *dir, const char *name, const char *text)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Loads the rules of dir with messages into a memory stream; returns the messages. */
static char *
load_messages(const char *dir, int *rc)
{
	struct deadline_rules *bad;
	char *out = NULL;
	size_t len = 0;
	FILE *msgs = open_memstream(&out, &len);
	struct diag d;

	diag_init(&d, msgs);
	*rc = deadline_rules_load(&bad, dir, &d);
	if (*rc == -1)
		assert_null(bad);
	deadline_rules_free(bad);
	diag_free(&d);
	fclose(msgs);
	return out;
}

static void
test_bad_rules(void **state)
{
	char dir[] = "/tmp/ipkval-deadline-XXXXXX";
	char path[64];
	char *msg;
	int rc;

	(void)state;
	assert_non_null(mkdtemp(dir));
	write_file(dir, "frister.txt", "# comment\n\\bl(ø|o)pende\n(unclosed\n");
	write_file(dir, "perioder.txt", "høst = 30.11\n");
	msg = load_messages(dir, &rc);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(msg, "frister.txt:3:"));
	assert_non_null(strstr(msg, "error"));
	free(msg);
	/* perioder.txt: every kind of mistake, with its position */
	write_file(dir, "frister.txt", "\\bl(ø|o)pende\n");
	write_file(dir, "perioder.txt", "# periods\nhøst = 31.11\nvår 31.05\n"
	    "kvartal = 5 måneder\n = 30.11\nHøst = 30.11\nuke = uke\n");
	msg = load_messages(dir, &rc);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(msg, "perioder.txt:2:8: error: expected a day such as 30.11, "
	    "'N måneder' (N a divisor of 12), 'uke', 'slutten av' or 'året', found '31.11'"));
	assert_non_null(strstr(msg, "perioder.txt:3:1: error: expected `word = meaning`, found "
	    "no '='"));
	assert_non_null(strstr(msg, "perioder.txt:4:11: error: expected a day such as 30.11"));
	assert_non_null(strstr(msg, "perioder.txt:5:2: error: expected a word before '=', "
	    "found nothing"));
	assert_null(strstr(msg, "perioder.txt:6:"));	/* 31.11 was not kept */
	free(msg);
	write_file(dir, "perioder.txt", "høst = 30.11\nHØST = 30.11\n");
	msg = load_messages(dir, &rc);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(msg, "perioder.txt:2:1: error: expected each word once, found "
	    "'høst' again"));
	free(msg);
	write_file(dir, "perioder.txt", "høst = 30.11\n");
	msg = load_messages(dir, &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(msg, "");
	free(msg);
	snprintf(path, sizeof(path), "%s/perioder.txt", dir);
	unlink(path);
	msg = load_messages(dir, &rc);	/* no perioder.txt */
	assert_int_equal(rc, -1);
	assert_non_null(strstr(msg, "perioder.txt"));
	free(msg);
	snprintf(path, sizeof(path), "%s/frister.txt", dir);
	unlink(path);
	msg = load_messages(dir, &rc);	/* no file at all */
	assert_int_equal(rc, -1);
	free(msg);
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
		cmocka_unit_test(test_several_dates),
		cmocka_unit_test(test_bad_dates),
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_recurring),
		cmocka_unit_test(test_recurring_dates),
		cmocka_unit_test(test_bad_rules),
		cmocka_unit_test(test_rounding),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
