/*
 * The decoded text of every encoding case. Every input file of a regression case
 * (the *.csv of tests/<area>/<case>/) that is not plain UTF-8 (a byte order mark, UTF-16, bytes
 * that are not UTF-8) goes through text_read. When it is read, its UTF-8 text must equal
 * tests/<area>/<case>/decoded/<file> byte for byte (those files were made with iconv, not
 * with ipkval); when it is refused, there must be no such file (the case's expected.lint
 * has the message). A decoded/ file without its input, or an encoding case without either,
 * fails too, so that a new case cannot leave its text unchecked. Links to sample-data/
 * are left out: they are the sample, not a case's own input.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "diag.h"
#include "text.h"
#include "util.h"
#include "unit_file.h"

/* 1 when the bytes need decoding: a byte order mark, UTF-16, or not UTF-8. */
static int
is_encoding_case(const char *raw, size_t len)
{
	return (len >= 3 && memcmp(raw, "\xef\xbb\xbf", 3) == 0) ||
	    (len >= 2 && (memcmp(raw, "\xff\xfe", 2) == 0 || memcmp(raw, "\xfe\xff", 2) == 0)) ||
	    !utf8_valid((const unsigned char *)raw, len, NULL);
}

static int
ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);

	return n >= m && strcmp(s + n - m, end) == 0;
}

struct tally {
	int	read, refused;
};

/* Checks one case folder; fails the test on the first difference. */
static void
check_case(const char *dir, struct diag *d, struct tally *t)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	char *ddir = xasprintf("%s/decoded", dir);
	struct stat st;

	assert_non_null(dp);
	while ((de = readdir(dp)) != NULL) {
		char *path, *want_path, *raw, *want;
		size_t len, wlen;
		struct text txt;
		int has_want;

		if (!ends_with(de->d_name, ".csv"))
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		/* A link to sample-data/ is the sample, not a case's own input. */
		if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
			free(path);
			continue;
		}
		want_path = xasprintf("%s/%s", ddir, de->d_name);
		raw = unit_slurp(path, &len);
		assert_non_null(raw);
		has_want = stat(want_path, &st) == 0;
		if (!is_encoding_case(raw, len) && !has_want) {
			free(raw);
			free(want_path);
			free(path);
			continue;
		}
		if (text_read(&txt, path, de->d_name, d) == -1) {
			if (has_want)
				fail_msg("%s is refused, but %s says what it decodes to", path,
				    want_path);
			t->refused++;
		} else {
			if (!has_want)
				fail_msg("%s needs decoding: write its UTF-8 text to %s (iconv)",
				    path, want_path);
			want = unit_slurp(want_path, &wlen);
			assert_non_null(want);
			if (wlen != txt.len || memcmp(want, txt.data, wlen) != 0)
				fail_msg("%s decodes to other text than %s (%zu bytes, expected "
				    "%zu)", path, want_path, txt.len, wlen);
			free(want);
			text_free(&txt);
			t->read++;
		}
		free(raw);
		free(want_path);
		free(path);
	}
	closedir(dp);
	/* Every decoded/ file belongs to an input file. */
	if ((dp = opendir(ddir)) != NULL) {
		while ((de = readdir(dp)) != NULL) {
			char *in = xasprintf("%s/%s", dir, de->d_name);

			if (de->d_name[0] != '.' && stat(in, &st) != 0)
				fail_msg("%s/%s has no input file %s", ddir, de->d_name, in);
			free(in);
		}
		closedir(dp);
	}
	free(ddir);
}

static void
test_decoded(void **state)
{
	static const char *const areas[] = { "read", "indicators", "report", "sample",
	    "definitions" };
	struct tally t = { 0, 0 };
	FILE *null = fopen("/dev/null", "w");
	struct diag d;
	size_t i;

	(void)state;
	assert_int_equal(chdir(IPKVAL_HOME "/tests"), 0);
	assert_non_null(null);
	diag_init(&d, null);
	for (i = 0; i < sizeof(areas) / sizeof(areas[0]); i++) {
		DIR *dp = opendir(areas[i]);
		struct dirent *de;

		if (dp == NULL)
			continue;
		while ((de = readdir(dp)) != NULL) {
			char *dir = xasprintf("%s/%s", areas[i], de->d_name);
			struct stat st;

			if (de->d_name[0] != '.' && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
				check_case(dir, &d, &t);
			free(dir);
		}
		closedir(dp);
	}
	diag_free(&d);
	fclose(null);
	/* The cases as they stand: Windows-1252 (2), UTF-16 (2), UTF-8 with a byte order mark
	 * read; broken ones refused. Fewer would mean the walk missed them. */
	assert_true(t.read >= 5);
	assert_true(t.refused >= 5);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decoded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
