/*
 * What the fuzz harnesses share (tests/fuzz/README.md says how they are run): messages
 * go nowhere, files the program reads by path are written to a folder of the harness's
 * own in memory, and the shipped data (register, definitions, templates, fonts) is found
 * under IPKVAL_HOME. Each harness reads what every input needs once, in
 * LLVMFuzzerInitialize, and one input per LLVMFuzzerTestOneInput.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "load.h"
#include "util.h"

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The harness's messages, to /dev/null (or stderr, see fuzz_start). */
static struct diag fuzz_diag;
/* The harness's folder (in /dev/shm when there is one). */
static char fuzz_dir[128];

/* Removes the harness's folder when the run ends. */
static inline void
fuzz_clean(void)
{
	char *cmd = xasprintf("rm -rf '%s'", fuzz_dir);

	if (system(cmd) != 0)
		fprintf(stderr, "fuzz: could not remove %s\n", fuzz_dir);
	free(cmd);
}

/* FUZZ_VERBOSE=1 in the environment shows the messages (to look at one input). */
static inline void
fuzz_start(void)
{
	FILE *null = getenv("FUZZ_VERBOSE") != NULL ? stderr : fopen("/dev/null", "w");
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";

	if (null == NULL)
		abort();
	diag_init(&fuzz_diag, null);
	snprintf(fuzz_dir, sizeof(fuzz_dir), "%s/ipkval-fuzz-%ld", base, (long)getpid());
	if (mkdir_p(fuzz_dir) == -1)
		abort();
	atexit(fuzz_clean);
}

/* The LLVMFuzzerInitialize of a harness that needs nothing read before its inputs. */
#define FUZZ_START_ONLY							\
int									\
LLVMFuzzerInitialize(int *argc, char ***argv)				\
{									\
	(void)argc;							\
	(void)argv;							\
	fuzz_start();							\
	return 0;							\
}

/* Writes len bytes as fuzz_dir/name (folders made); the path, to free. */
static inline char *
fuzz_file(const char *name, const void *data, size_t len)
{
	char *path = xasprintf("%s/%s", fuzz_dir, name), *slash = strrchr(path, '/');
	FILE *f;

	*slash = '\0';
	mkdir_p(path);
	*slash = '/';
	if ((f = fopen(path, "wb")) == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0)
		abort();
	return path;
}

/* The bytes of a shipped file (IPKVAL_HOME/rel), NUL-terminated; aborts when missing. */
static inline char *
fuzz_home_file(const char *rel, size_t *len)
{
	char *path = xasprintf("%s/%s", IPKVAL_HOME, rel), *data;
	FILE *f = fopen(path, "rb");
	struct buf b;
	char chunk[65536];
	size_t n;

	if (f == NULL)
		abort();
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	fclose(f);
	free(path);
	*len = b.len;
	data = buf_take(&b);
	return data;
}

/* Copies the shipped folder IPKVAL_HOME/rel to fuzz_dir/rel (its files, not deeper). */
static inline void
fuzz_copy_dir(const char *rel)
{
	char *cmd = xasprintf("mkdir -p '%s/%s' && cp -r '%s/%s/.' '%s/%s/'", fuzz_dir, rel,
	    IPKVAL_HOME, rel, fuzz_dir, rel);

	if (system(cmd) != 0)
		abort();
	free(cmd);
}

/* The input as a NUL-terminated string (a NUL inside ends it), to free. */
static inline char *
fuzz_string(const uint8_t *data, size_t size)
{
	return xstrndup((const char *)data, size);
}

/* Begins a load of ds with the shipped column aliases and reads the sample register into
 * it; the context, which the caller keeps (the register lives in it). Aborts on failure. */
static inline struct load_ctx *
fuzz_sample_register(struct dataset *ds)
{
	struct load_ctx *ctx = load_begin(ds, "fuzz", IPKVAL_HOME "/indicators", &fuzz_diag);
	size_t len;
	char *reg = fuzz_home_file("sample-data/kommuner.csv", &len);

	if (load_bytes(ctx, "kommuner.csv", reg, len) != 0)
		abort();
	free(reg);
	return ctx;
}

#endif
