/*
 * Fuzz harness: the input read as kommentarer.csv (the municipalities' comments) against
 * the sample register and the shipped sections (indicators/kommentarer.txt), then each
 * municipality's comments looked up as a report would.
 */
#include "comments.h"
#include "fuzz.h"
#include "load.h"

static struct dataset ds;
static struct load_ctx *ctx;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_start();
	ctx = fuzz_sample_register(&ds);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *path = fuzz_file("kommentarer.csv", data, size);
	const struct comment *first;
	struct comments c;
	size_t k, n, i;

	comments_load(&c, fuzz_dir, IPKVAL_HOME "/indicators", &ds.reg, &fuzz_diag);
	for (k = 0; k < ds.reg.nkommuner; k++) {
		(void)comments_refused(&c, k);
		n = comments_of(&c, k, &first);
		for (i = 0; i < n; i++)
			if (first[i].kommune != k || first[i].section >= c.nsections)
				abort();
	}
	comments_free(&c);
	free(path);
	return 0;
}
