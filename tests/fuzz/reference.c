/*
 * Fuzz harness: the input read as a reference table (referanse.csv, an indikatorer.csv of
 * an earlier run) against the sample register and the shipped indicators, then every
 * figure looked up as the comparisons would: a published figure's counts must be sane.
 */
#include "fuzz.h"
#include "indicator.h"
#include "load.h"
#include "reference.h"

static struct dataset ds;
static struct load_ctx *ctx;	/* kept: the register it read lives in it */
static struct indicator_set set;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_start();
	ctx = fuzz_sample_register(&ds);
	if (indicators_load(&set, IPKVAL_HOME "/indicators", &fuzz_diag) != 0)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *path = fuzz_file("referanse.csv", data, size);
	struct reference ref;
	size_t y, i, p;

	(void)reference_load(&ref, path, &ds.reg, &set, &fuzz_diag);
	for (y = 0; y < ref.nyears; y++)
		for (i = 0; i < ref.nind; i++)
			for (p = 0; p < ref.nplaces; p++) {
				const struct figure *f = reference_figure(&ref, ref.years[y], i, p);

				if (f != NULL && f->state == FIG_PUBLISHED &&
				    (f->num < 0 || f->den < 0))
					abort();
			}
	reference_check_year(&ref, 2024, &fuzz_diag);
	reference_free(&ref);
	free(path);
	return 0;
}
