/*
 * The body of the export harnesses (plans.c, survey.c, actions.c, register.c,
 * changes.c): the input is read as the file EXPORT of a data folder, then every figure is
 * computed, so that the reading layer (text.c, csv.c, load*.c, field.c, kommunenr.c,
 * kommune_names.c, plan_ids.c) and the computation over whatever it kept both run.
 *
 * The sample register and the shipped definitions are read once. With FRESH (the
 * register and the number changes themselves), each input starts a new data folder: the
 * sample register unless the input is the register, the input, and the first plans of
 * the sample (with old numbers to follow).
 */
#include "compute.h"
#include "deadline.h"
#include "fuzz.h"
#include "indicator.h"
#include "load.h"

static struct dataset ds;
static struct load_ctx *ctx;
static struct indicator_set set;
static struct deadline_rules *rules;
static char *reg, *changes, *plans;
static size_t reglen, changeslen, planslen;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *all;
	size_t i, lines = 0;

	(void)argc;
	(void)argv;
	fuzz_start();
	indicators_load(&set, IPKVAL_HOME "/indicators", &fuzz_diag);
	deadline_rules_load(&rules, IPKVAL_HOME "/indicators", &fuzz_diag);
	reg = fuzz_home_file("sample-data/kommuner.csv", &reglen);
	changes = fuzz_home_file("sample-data/kommuneendringer.csv", &changeslen);
	/* The first 200 plans of the sample, and one of an old number (1502 Molde). */
	all = fuzz_home_file("sample-data/planer-2024.csv", &i);
	for (i = 0; all[i] != '\0' && lines < 201; i++)
		lines += all[i] == '\n';
	plans = xasprintf("%.*sIP-X;1502;rus;2023-05-10;2024-01-10;aktiv;ja;2;ja;ja;ja\n",
	    (int)i, all);
	planslen = strlen(plans);
	free(all);
	if (!FRESH) {
		ctx = load_begin(&ds, "fuzz", IPKVAL_HOME "/indicators", &fuzz_diag);
		if (load_bytes(ctx, "kommuner.csv", reg, reglen) != 0)
			abort();
		load_bytes(ctx, "kommuneendringer.csv", changes, changeslen);
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct results r;
	int is_register = strcmp(EXPORT, "kommuner.csv") == 0;

	if (FRESH) {
		ctx = load_begin(&ds, "fuzz", IPKVAL_HOME "/indicators", &fuzz_diag);
		if (!is_register)
			load_bytes(ctx, "kommuner.csv", reg, reglen);
	}
	if (load_bytes(ctx, EXPORT, (const char *)data, size) == 0) {
		if (FRESH)
			load_bytes(ctx, "planer-2024.csv", plans, planslen);
		memset(&r, 0, sizeof(r));
		compute_run(&r, &ds, &set, rules, 0, 0, &fuzz_diag);
		compute_free(&r);
	}
	if (FRESH) {
		load_end(ctx);
		dataset_free(&ds);
	} else
		load_forget(ctx);
	return 0;
}
