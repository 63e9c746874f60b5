/*
 * Unit tests of dataset_load (load.c): a small data directory written to a temporary
 * place is read, and the typed tables are checked cell by cell: columns, kinds, register
 * links, survey questions by id and by text, the action plan, and the sources; and the
 * exported column contract (load_columns) against the tables dataset_load builds.
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

#include "diag.h"
#include "load.h"
#include "model.h"
#include "util.h"

static void
put(const char *dir, const char *name, const char *text)
{
	char *p = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(p, "wb");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(p);
}

static void
drop(const char *dir, const char *name)
{
	char *p = xasprintf("%s/%s", dir, name);

	unlink(p);
	free(p);
}

static const char *const files[] = { "kommuner.csv", "Planer-2024.csv", "kartlegging-2024.csv",
	"handlingsplan.csv", "kommuneendringer.csv" };

static void
write_dir(const char *dir)
{
	put(dir, files[0], "kommunenr;kommunenavn;fylkesnr;fylkesnavn;innbyggere\n"
	    "5622;Porsanger - Porsáŋgu - Porsanki;56;Finnmark;3800\n"
	    "0301;Oslo;3;Oslo;709037\n"
	    "3905;Tønsberg;39;Vestfold;\n");
	put(dir, files[1], "\xEF\xBB\xBFPlan ID,Kommune nr,Opprettet,Status,Antall mål,"
	    "Brukermedvirkning,merknad\r\n"
	    "A,301,1.2.2024,aktiv,3,delvis,\"x, y\"\r\n"
	    "B,0704,2024-01-31,Avsluttet,,ja,\r\n"
	    "C,0301,31.02.2024,aktiv,tre,,\r\n"
	    "A,0301,1.1.2024,aktiv,1,,\r\n");
	put(dir, files[2], "Kommune;IK1 - internkontroll;Hvordan rekrutteres koordinatorer?\n"
	    "Porsanger kommune; Ja ;Gjennom utlysing\n"
	    "Oslo;;\n");
	put(dir, files[3], "kommunenr;tiltak;mal;aktivitet;tid;ansvar;status\n"
	    "3905;\"Rutiner\nfor IP\";Alle;Skrive;Innan 15.11.2024;KE;Ja\n");
	put(dir, files[4], "gammelt_nr;nytt_nr;gjelder_fra\n0704;3905;2020-01-01\n");
}

static void
test_load(void **state)
{
	char dir[] = "/tmp/ipkval-read-XXXXXX";
	struct dataset ds;
	struct diag d;
	const struct table *t;
	FILE *f = tmpfile();
	size_t i;
	int c;

	(void)state;
	assert_non_null(mkdtemp(dir));
	write_dir(dir);
	diag_init(&d, f);
	assert_int_equal(dataset_load(&ds, dir, IPKVAL_HOME "/indicators", &d), 0);

	assert_int_equal(ds.reg.nkommuner, 3);
	assert_string_equal(ds.reg.kommuner[0].nr, "0301");
	assert_string_equal(ds.reg.kommuner[2].nr, "5622");
	assert_int_equal(ds.reg.nfylker, 3);
	assert_string_equal(ds.reg.fylker[0].nr, "03");
	assert_string_equal(ds.reg.fylker[ds.reg.kommuner[2].fylke].navn, "Finnmark");
	assert_int_equal(ds.reg.kommuner[1].innbyggere, -1);
	assert_int_equal(ds.reg.has_population, 1);
	assert_int_equal(ds.nquestions, 23);

	t = dataset_plans(&ds, 2024);
	assert_non_null(t);
	assert_null(dataset_plans(&ds, 2023));
	assert_int_equal(t->nrows, 3);
	assert_int_equal(table_col(t, "plan_id"), -1);
	c = table_col(t, "kommunenr");
	assert_int_equal(t->cols[c].type, COL_KOMMUNE);
	assert_int_equal(table_cell(t, 0, c)->v, 0);
	assert_int_equal(table_cell(t, 1, c)->v, 1);	/* 0704 -> 3905 */
	assert_int_equal(t->kommune[1], 1);
	assert_int_equal(t->line[2], 4);
	c = table_col(t, "opprettet");
	assert_int_equal(table_cell(t, 0, c)->v, 20240201);
	assert_int_equal(table_cell(t, 2, c)->state, CELL_INVALID);
	c = table_col(t, "status");
	assert_int_equal(table_cell(t, 0, c)->v, 1);
	assert_int_equal(table_cell(t, 1, c)->v, 0);
	c = table_col(t, "antall_mal");
	assert_int_equal(table_cell(t, 0, c)->v, 3);
	assert_int_equal(table_cell(t, 1, c)->state, CELL_EMPTY);
	assert_int_equal(table_cell(t, 2, c)->state, CELL_INVALID);
	c = table_col(t, "brukermedvirkning");
	assert_int_equal(table_cell(t, 0, c)->v, PARTLY);
	assert_int_equal(table_cell(t, 1, c)->v, YES);
	c = table_col(t, "samtykke");
	assert_int_equal(t->cols[c].present, 0);
	assert_int_equal(table_cell(t, 0, c)->state, CELL_EMPTY);
	assert_int_equal(t->cols[table_col(t, "status")].present, 1);

	t = dataset_survey(&ds, 2024);
	assert_non_null(t);
	assert_int_equal(t->nrows, 2);
	assert_int_equal(t->kommune[0], 2);
	c = table_col(t, "IK1");
	assert_int_equal(t->cols[c].present, 1);
	assert_string_equal(table_text(t, table_cell(t, 0, c)), "Ja");
	assert_int_equal(table_cell(t, 1, c)->state, CELL_EMPTY);
	c = table_col(t, "K2");
	assert_string_equal(table_text(t, table_cell(t, 0, c)), "Gjennom utlysing");
	assert_int_equal(t->cols[table_col(t, "F1")].present, 0);

	t = ds.actions;
	assert_non_null(t);
	assert_int_equal(t->nrows, 1);
	assert_string_equal(table_text(t, table_cell(t, 0, table_col(t, "tiltak"))),
	    "Rutiner\nfor IP");
	assert_string_equal(table_text(t, table_cell(t, 0, table_col(t, "status"))), "Ja");

	assert_int_equal(ds.nsources, 5);
	for (i = 0; i < ds.nsources; i++)
		if (strcmp(ds.sources[i].name, "Planer-2024.csv") == 0) {
			assert_int_equal(ds.sources[i].rows_read, 4);
			assert_int_equal(ds.sources[i].rows_used, 3);
			assert_int_equal(ds.sources[i].rows_left_out, 1);
			assert_int_equal(ds.sources[i].year, 2024);
		}
	assert_int_equal(d.count[DIAG_ERROR], 1);	/* the repeated plan id */
	dataset_free(&ds);
	dataset_free(&ds);	/* harmless twice */

	drop(dir, files[0]);
	assert_int_equal(dataset_load(&ds, dir, IPKVAL_HOME "/indicators", &d), -1);
	assert_int_equal(d.count[DIAG_FATAL], 1);
	assert_int_equal(ds.nsources, 0);
	dataset_free(&ds);
	for (i = 1; i < sizeof(files) / sizeof(files[0]); i++)
		drop(dir, files[i]);
	rmdir(dir);
	diag_free(&d);
	fclose(f);
}

static void
test_columns(void **state)
{
	const struct load_column *c;
	size_t n = 99;

	(void)state;
	c = load_columns(TABLE_PLANS, &n);
	assert_int_equal(n, 10);
	assert_string_equal(c[0].name, "kommunenr");
	assert_int_equal(c[0].type, COL_KOMMUNE);
	assert_string_equal(c[6].name, "antall_mal");
	assert_int_equal(c[6].type, COL_INT);
	assert_int_equal(c[7].type, COL_PARTLY);
	assert_int_equal(c[4].type, COL_STATUS);
	assert_true(c[2].required);	/* opprettet */
	assert_false(c[3].required);	/* sist_oppdatert */
	c = load_columns(TABLE_ACTIONS, &n);
	assert_int_equal(n, 7);
	assert_string_equal(c[1].name, "tiltak");
	assert_int_equal(c[1].type, COL_TEXT);
	assert_string_equal(c[6].name, "status");
	assert_true(c[6].required);
	assert_null(load_columns(TABLE_SURVEY, &n));
	assert_int_equal(n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_columns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
