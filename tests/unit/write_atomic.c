/*
 * Unit tests of write_file_atomic (util.h): a write that fails in the middle (the file
 * size limit reached after part of the data, as a full disk would) leaves the file that
 * was there as it was and no temporary file beside it; a write that succeeds replaces the
 * file whole.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "util.h"
#include "unit_file.h"

#define OLD	"the report of last year\n"
#define LIMIT	4096		/* bytes a process may write to one file */
#define BIG	(LIMIT * 16)	/* more than that: the write fails part way */

/* The number of entries of dir other than . and .. */
static int
entries(const char *dir)
{
	char *cmd = xasprintf("ls -A '%s' | wc -l", dir);
	FILE *p = popen(cmd, "r");
	int n = -1;

	assert_non_null(p);
	assert_int_equal(fscanf(p, "%d", &n), 1);
	pclose(p);
	free(cmd);
	return n;
}

/* Writes data to path in a child process limited to LIMIT bytes a file (SIGXFSZ
 * ignored, so the write returns EFBIG part way instead of killing the child). Returns
 * what write_file_atomic returned there, and its errno in *err. */
static int
write_limited(const char *path, const char *data, size_t len, int *err)
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = { LIMIT, LIMIT };
		int rc;

		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &rl) == -1)
			_exit(100);
		rc = write_file_atomic(path, data, len);
		_exit(rc == 0 ? 0 : errno == EFBIG ? 1 : 2);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_not_equal(WEXITSTATUS(status), 100);
	*err = WEXITSTATUS(status) == 1 ? EFBIG : 0;
	return WEXITSTATUS(status) == 0 ? 0 : -1;
}

static void
test_fails_in_the_middle(void **state)
{
	char dir[] = "/tmp/ipkval-atomic-XXXXXX";
	char *path, *big, *got, *cmd;
	size_t len;
	int err;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/1506-Molde.pdf", dir);
	assert_int_equal(write_file_atomic(path, OLD, strlen(OLD)), 0);
	big = xmalloc(BIG);
	memset(big, 'x', BIG);

	/* Part of the data went out before the write failed: the old file stands. */
	assert_int_equal(write_limited(path, big, BIG, &err), -1);
	assert_int_equal(err, EFBIG);
	got = unit_slurp(path, &len);
	assert_non_null(got);
	assert_int_equal(len, strlen(OLD));
	assert_memory_equal(got, OLD, len);
	free(got);
	assert_int_equal(entries(dir), 1);

	/* No file there before: none after. */
	assert_int_equal(unlink(path), 0);
	assert_int_equal(write_limited(path, big, BIG, &err), -1);
	assert_int_equal(entries(dir), 0);

	/* Within the limit the write succeeds and replaces the file whole. */
	assert_int_equal(write_file_atomic(path, OLD, strlen(OLD)), 0);
	assert_int_equal(write_limited(path, big, LIMIT / 2, &err), 0);
	got = unit_slurp(path, &len);
	assert_int_equal(len, LIMIT / 2);
	assert_memory_equal(got, big, len);
	free(got);
	assert_int_equal(entries(dir), 1);

	cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(big);
	free(path);
}

/* A folder that cannot take the file: -1 with errno, nothing left behind. */
static void
test_no_folder(void **state)
{
	(void)state;
	errno = 0;
	assert_int_equal(write_file_atomic("/tmp/ipkval-no-such-folder/x.pdf", OLD, 3), -1);
	assert_int_equal(errno, ENOENT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fails_in_the_middle),
		cmocka_unit_test(test_no_folder),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
