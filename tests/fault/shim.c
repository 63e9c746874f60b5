/*
 * Fault injection for tests/fault/run.sh, loaded with LD_PRELOAD into an ordinary build of
 * ipkval (not the sanitizer build: AddressSanitizer owns malloc). Nothing of it is part of
 * the program. Set by the environment:
 *
 *   IPKVAL_FAULT_ALLOC=N        allocation number N (counted from the start of main, over
 *                               malloc, calloc, realloc and the aligned allocators of every
 *                               thread) fails, returning NULL with errno ENOMEM ...
 *   IPKVAL_FAULT_ALLOC_MODE=    ... `once` (only the Nth) or `from` (the Nth and every one
 *                               after it; the default)
 *   IPKVAL_FAULT_COUNT=FILE     at exit, the number of allocations made since main began
 *                               is written to FILE (to choose the points of a sweep)
 *   IPKVAL_FAULT_WRITE_LIMIT=N  write() to regular files fails with ENOSPC once N bytes
 *                               have been written to them in all: a full file system
 *   IPKVAL_FAULT_BACKTRACE=1    a crash prints the stack (addresses; addr2line names them)
 *
 * Allocations before main (the start-up code of the libraries, such as pixman's) are not
 * counted: they are not ipkval's to handle.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void	*__libc_malloc(size_t);
void	*__libc_calloc(size_t, size_t);
void	*__libc_realloc(void *, size_t);
void	*__libc_memalign(size_t, size_t);

static atomic_int armed;		/* main has begun */
static atomic_ulong calls;		/* allocations since then */
static unsigned long fail_at;		/* 0: none */
static int fail_once;
static long write_limit = -1;
static atomic_long written;

/* 1 when this allocation is to fail. */
static int
shim_fail(void)
{
	unsigned long n;

	if (!atomic_load(&armed))
		return 0;
	n = atomic_fetch_add(&calls, 1) + 1;
	if (fail_at == 0 || n < fail_at || (fail_once && n != fail_at))
		return 0;
	errno = ENOMEM;
	return 1;
}

void *
malloc(size_t n)
{
	return shim_fail() ? NULL : __libc_malloc(n);
}

void *
calloc(size_t n, size_t size)
{
	return shim_fail() ? NULL : __libc_calloc(n, size);
}

void *
realloc(void *p, size_t n)
{
	return shim_fail() ? NULL : __libc_realloc(p, n);
}

void *
memalign(size_t align, size_t n)
{
	return shim_fail() ? NULL : __libc_memalign(align, n);
}

void *
aligned_alloc(size_t align, size_t n)
{
	return memalign(align, n);
}

int
posix_memalign(void **out, size_t align, size_t n)
{
	void *p = memalign(align, n);

	if (p == NULL)
		return ENOMEM;
	*out = p;
	return 0;
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	static ssize_t (*real_write)(int, const void *, size_t);
	struct stat st;

	if (real_write == NULL)
		real_write = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
	if (write_limit >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		long before = atomic_fetch_add(&written, (long)n);

		if (before + (long)n > write_limit) {
			atomic_fetch_sub(&written, (long)n);
			errno = ENOSPC;
			return -1;
		}
	}
	return real_write(fd, buf, n);
}

static void
shim_report(void)
{
	const char *path = getenv("IPKVAL_FAULT_COUNT");
	FILE *f;

	atomic_store(&armed, 0);
	if (path != NULL && (f = fopen(path, "w")) != NULL) {
		fprintf(f, "%lu\n", atomic_load(&calls));
		fclose(f);
	}
}

/* A crash is said with the stack, to find it (the sweeps expect none). */
static void
shim_crash(int sig)
{
	void *frames[64];
	int n = backtrace(frames, 64);

	backtrace_symbols_fd(frames, n, STDERR_FILENO);
	signal(sig, SIG_DFL);
	raise(sig);
}

typedef int (*main_fn)(int, char **, char **);
static main_fn real_main;

static int
shim_main(int argc, char **argv, char **envp)
{
	const char *s;

	if ((s = getenv("IPKVAL_FAULT_ALLOC")) != NULL)
		fail_at = strtoul(s, NULL, 10);
	fail_once = (s = getenv("IPKVAL_FAULT_ALLOC_MODE")) != NULL && strcmp(s, "once") == 0;
	if ((s = getenv("IPKVAL_FAULT_WRITE_LIMIT")) != NULL)
		write_limit = strtol(s, NULL, 10);
	atexit(shim_report);
	if (getenv("IPKVAL_FAULT_BACKTRACE") != NULL) {
		void *frame;

		backtrace(&frame, 1);	/* loads libgcc now: a crash cannot allocate */
		signal(SIGSEGV, shim_crash);
		signal(SIGBUS, shim_crash);
		signal(SIGFPE, shim_crash);
		signal(SIGABRT, shim_crash);
	}
	atomic_store(&armed, 1);
	return real_main(argc, argv, envp);
}

/* glibc calls this to run main: the one moment at which main is about to begin. */
int
__libc_start_main(main_fn main, int argc, char **argv, void (*init)(void),
    void (*fini)(void), void (*rtld_fini)(void), void *stack_end)
{
	int (*real)(main_fn, int, char **, void (*)(void), void (*)(void), void (*)(void),
	    void *) = dlsym(RTLD_NEXT, "__libc_start_main");

	real_main = main;
	return real(shim_main, argc, argv, init, fini, rtld_fini, stack_end);
}
