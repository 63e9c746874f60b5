/*
 * Regression cases of the template loader as data: each directory tests/templates/<case>/
 * holds a templates folder tpl/ (keys.txt, nb/, nn/) and expected.diag, the messages
 * tmpl_check prints for it followed by a line `exit: 0` (loaded) or `exit: 1` (refused).
 * Run with REGEN=1 to write the expected files from the current output.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "tmpl.h"
#include "unit_file.h"

#define CASES "tests/templates"

/* Runs tmpl_check on one case; returns what it printed and its exit line. */
static char *
run_case(const char *name)
{
	char *dir = xasprintf("%s/%s/tpl", CASES, name), *text = NULL, *all;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	struct diag d;
	int rc;

	assert_non_null(mem);
	diag_init(&d, mem);
	rc = tmpl_check(dir, &d);
	diag_free(&d);
	fclose(mem);
	all = xasprintf("%sexit: %d\n", text, rc == 0 ? 0 : 1);
	free(text);
	free(dir);
	return all;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
test_cases(void **state)
{
	DIR *dp = opendir(CASES);
	struct dirent *de;
	char *names[256];
	size_t n = 0, i, failed = 0;
	int regen = getenv("REGEN") != NULL;

	(void)state;
	assert_non_null(dp);
	while ((de = readdir(dp)) != NULL && n < 256)
		if (de->d_name[0] != '.')
			names[n++] = xstrdup(de->d_name);
	closedir(dp);
	qsort(names, n, sizeof(*names), name_cmp);
	assert_true(n >= 10);
	for (i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s/expected.diag", CASES, names[i]);
		char *got = run_case(names[i]), *want = unit_slurp(path, NULL);

		if (regen) {
			FILE *f = fopen(path, "w");

			assert_non_null(f);
			fputs(got, f);
			fclose(f);
		} else if (want == NULL || strcmp(want, got) != 0) {
			fprintf(stderr, "FAIL: %s/%s\n--- expected\n%s--- got\n%s", CASES,
			    names[i], want != NULL ? want : "(no expected.diag)\n", got);
			failed++;
		}
		free(path);
		free(got);
		free(want);
		free(names[i]);
	}
	assert_int_equal(failed, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
	};

	if (chdir(IPKVAL_HOME) == -1)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
