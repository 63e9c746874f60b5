/*
 * Unit tests of datadir.c: the path from the install's bin/ to its data folder, and the
 * order in which the data folder is found (IPKVAL_DATADIR, the installed folder as seen
 * from the program, the build tree), in folders made for the test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "datadir.h"
#include "util.h"

static void
relative_is(const char *from, const char *to, const char *want)
{
	char *got = datadir_relative(from, to);

	if (strcmp(got, want) != 0)
		fail_msg("from %s to %s: expected %s, found %s", from, to, want, got);
	free(got);
}

static void
test_relative(void **state)
{
	(void)state;
	relative_is("/usr/local/bin", "/usr/local/share/ipkval", "../share/ipkval");
	relative_is("/usr/bin", "/usr/share/ipkval", "../share/ipkval");
	relative_is("/usr/bin", "/opt/ipkval/data", "../../opt/ipkval/data");
	relative_is("/opt/ipkval", "/opt/ipkval/share", "share");
	relative_is("/a//b/", "/a/b/c", "c");
	relative_is("/a/b", "/a/b", ".");
	relative_is("/", "/usr/share", "usr/share");
	/* A component is compared whole: /usr/lib is not inside /usr/li. */
	relative_is("/usr/li", "/usr/lib/x", "../lib/x");
}

/* A scratch tree: stage/usr/local/{bin,share/ipkval/indicators}, src/indicators. */
struct tree {
	char	*top;
};

static void
mkdirs(const char *top, const char *rel)
{
	char *p = xasprintf("%s/%s", top, rel);

	assert_int_equal(mkdir_p(p), 0);
	free(p);
}

static int
tree_setup(void **state)
{
	struct tree *t = xcalloc(1, sizeof(*t));
	char tmpl[] = "/tmp/ipkval-datadir-XXXXXX";

	assert_non_null(mkdtemp(tmpl));
	t->top = xstrdup(tmpl);
	mkdirs(t->top, "stage/usr/local/bin");
	mkdirs(t->top, "stage/usr/local/share/ipkval/indicators");
	mkdirs(t->top, "bare/usr/local/bin");
	mkdirs(t->top, "src/indicators");
	mkdirs(t->top, "src/build");
	*state = t;
	return 0;
}

static int
tree_teardown(void **state)
{
	struct tree *t = *state;
	char *cmd = xasprintf("rm -rf '%s'", t->top);

	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(t->top);
	free(t);
	return 0;
}

/* Finds with the program at top/exe (NULL: unknown), the usual install paths and the
 * build tree top/src; checks the three folders against top/want (NULL: none found). */
static void
found_is(const struct tree *t, const char *env, const char *exe, const char *want,
    const char *fonts)
{
	struct datadir dd;
	char *e = exe != NULL ? xasprintf("%s/%s", t->top, exe) : NULL;
	char *src = xasprintf("%s/src", t->top);
	char *w = want != NULL ? xasprintf("%s/%s", t->top, want) : NULL;
	char *p;
	int rc = datadir_find(&dd, env, e, "/usr/local/bin", "/usr/local/share/ipkval", src);

	if (want == NULL) {
		assert_int_equal(rc, -1);
		assert_null(dd.indicators);
		assert_null(dd.templates);
		assert_null(dd.fonts);
	} else {
		assert_int_equal(rc, 0);
		p = xasprintf("%s/indicators", w);
		assert_string_equal(dd.indicators, p);
		free(p);
		p = xasprintf("%s/templates", w);
		assert_string_equal(dd.templates, p);
		free(p);
		p = xasprintf("%s/%s", w, fonts);
		assert_string_equal(dd.fonts, p);
		free(p);
	}
	datadir_free(&dd);
	free(w);
	free(src);
	free(e);
}

static void
test_order(void **state)
{
	const struct tree *t = *state;
	struct datadir dd;

	/* 1. IPKVAL_DATADIR wins, whether or not it holds anything (its absence is then
	 * said by whoever reads it). */
	assert_int_equal(datadir_find(&dd, "/nowhere", NULL, "/usr/local/bin",
	    "/usr/local/share/ipkval", "/also/nowhere"), 0);
	assert_string_equal(dd.indicators, "/nowhere/indicators");
	assert_string_equal(dd.templates, "/nowhere/templates");
	assert_string_equal(dd.fonts, "/nowhere/fonts");
	datadir_free(&dd);
	/* 2. An installed program, staged under DESTDIR: its own data, written without
	 * "bin/..". An empty IPKVAL_DATADIR counts as not set. */
	found_is(t, NULL, "stage/usr/local/bin/ipkval", "stage/usr/local/share/ipkval", "fonts");
	found_is(t, "", "stage/usr/local/bin/ipkval", "stage/usr/local/share/ipkval", "fonts");
	/* 3. The build tree: for a program run from it, for an installed program whose data
	 * is gone, and when the program's place is unknown. */
	found_is(t, NULL, "src/build/ipkval", "src", "build/fonts");
	found_is(t, NULL, "bare/usr/local/bin/ipkval", "src", "build/fonts");
	found_is(t, NULL, NULL, "src", "build/fonts");
}

static void
test_none(void **state)
{
	const struct tree *t = *state;
	char *ind = xasprintf("%s/src/indicators", t->top);

	/* The build tree moved away and nothing installed beside the program: not found. */
	assert_int_equal(rmdir(ind), 0);
	found_is(t, NULL, "bare/usr/local/bin/ipkval", NULL, NULL);
	found_is(t, NULL, "stage/usr/local/bin/ipkval", "stage/usr/local/share/ipkval", "fonts");
	assert_int_equal(mkdir_p(ind), 0);
	free(ind);
}

static void
test_self(void **state)
{
	char *self = datadir_self();

	(void)state;
	/* This test program's own file: absolute, and it ends with its name. */
	assert_non_null(self);
	assert_true(self[0] == '/');
	assert_non_null(strstr(self, "/datadir"));
	assert_int_equal(access(self, X_OK), 0);
	free(self);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_relative),
		cmocka_unit_test_setup_teardown(test_order, tree_setup, tree_teardown),
		cmocka_unit_test_setup_teardown(test_none, tree_setup, tree_teardown),
		cmocka_unit_test(test_self),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
