/*
 * Unit tests of the PDF back end's error paths: after libharu has reported an error it
 * gives no more pages, and the layout must still end, with the report refused (a message
 * naming the file, no file written), never a loop that waits for a page. A watchdog
 * (alarm) fails a test that hangs.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "diag.h"
#include "doc.h"
#include "pdf.h"
#include "util.h"
#include "unit_pdf.h"

/* A heading longer than libharu takes for an outline title (65,535 bytes): libharu
 * raises an error there, and then a table of many rows needs pages it will not give. */
static struct doc *
doc_after_error(void)
{
	struct doc *d = doc_new();
	struct doc_table *t;
	char *title = xmalloc(70001);
	size_t i;

	memset(title, 'x', 70000);
	title[70000] = '\0';
	doc_heading(d, 1, title);
	free(title);
	t = doc_table(d, 2);
	doc_table_col(t, 0, "Kommune", 3, DOC_LEFT);
	doc_table_col(t, 1, "Verdi", 1, DOC_RIGHT);
	for (i = 0; i < 400; i++) {
		doc_table_row(t, 0);
		doc_table_cell(t, "Stranda", DOC_MARK_NONE);
		doc_table_cell(t, "12,5 %", DOC_MARK_NONE);
	}
	return d;
}

static void
test_write_after_error(void **state)
{
	struct doc *d = doc_after_error();
	char path[] = "/tmp/ipkval-pdf-errors-XXXXXX";
	char *file, *said;
	struct diag dg;
	FILE *err = tmpfile();
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	file = xasprintf("%s.pdf", path);
	diag_init(&dg, err);
	alarm(60);
	assert_int_equal(pdf_write(d, file, fonts_dir(), &dg), -1);
	alarm(0);
	assert_int_equal(access(file, F_OK), -1);
	assert_int_equal(diag_exit_code(&dg), 1);
	rewind(err);
	said = xcalloc(1, 4096);
	assert_true(fread(said, 1, 4095, err) > 0);
	assert_non_null(strstr(said, file));
	assert_non_null(strstr(said, "could not make the PDF"));
	free(said);
	fclose(err);
	diag_free(&dg);
	free(file);
	doc_free(d);
}

static void
test_paginate_after_error(void **state)
{
	struct doc *d = doc_after_error();
	struct diag dg;
	FILE *err = tmpfile();

	(void)state;
	diag_init(&dg, err);
	alarm(60);
	assert_int_equal(pdf_paginate(d, fonts_dir(), &dg), -1);
	alarm(0);
	assert_int_equal(diag_exit_code(&dg), 1);
	fclose(err);
	diag_free(&dg);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_after_error),
		cmocka_unit_test(test_paginate_after_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
