/*
 * Fuzz harness: the input read as indicators/koordinator.ind (the other shipped files as
 * they are), and, when the definitions load, every figure of a small sample computed
 * with them, so that fuzzed conditions are bound and evaluated too.
 */
#include "compute.h"
#include "deadline.h"
#include "fuzz.h"
#include "indicator.h"
#include "load.h"

static struct dataset ds;
static char *ind;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct load_ctx *ctx;
	char *reg, *plans;
	size_t len, i, lines = 0;

	(void)argc;
	(void)argv;
	fuzz_start();
	fuzz_copy_dir("indicators");
	ind = xasprintf("%s/indicators", fuzz_dir);
	ctx = load_begin(&ds, "fuzz", IPKVAL_HOME "/indicators", &fuzz_diag);
	reg = fuzz_home_file("sample-data/kommuner.csv", &len);
	if (load_bytes(ctx, "kommuner.csv", reg, len) != 0)
		abort();
	plans = fuzz_home_file("sample-data/planer-2024.csv", &len);
	for (i = 0; plans[i] != '\0' && lines < 101; i++)
		lines += plans[i] == '\n';
	load_bytes(ctx, "planer-2024.csv", plans, i);
	free(plans);
	plans = fuzz_home_file("sample-data/handlingsplan.csv", &len);
	load_bytes(ctx, "handlingsplan.csv", plans, len);
	free(plans);
	free(reg);
	load_end(ctx);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *path = fuzz_file("indicators/koordinator.ind", data, size);
	struct indicator_set set;
	struct results r;

	if (indicators_load(&set, ind, &fuzz_diag) == 0 || set.n > 0) {
		memset(&r, 0, sizeof(r));
		compute_run(&r, &ds, &set, NULL, 0, 0, &fuzz_diag);
		compute_free(&r);
	}
	indicators_free(&set);
	free(path);
	return 0;
}
