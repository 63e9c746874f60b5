/*
 * Fuzz harness: the input read as indicators/frister.txt (the patterns of recurring
 * deadlines), then action-plan times matched against it.
 */
#include "deadline.h"
#include "fuzz.h"

static const char *const times[] = { "Løpende", "Kontinuerleg to gongar i året",
    "Innen 1. mars 2025", "hver tredje måned", "", "årlig årlig årlig årlig årlig" };

FUZZ_START_ONLY

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *path = fuzz_file("frister.txt", data, size);
	struct deadline_rules *r;
	size_t i;

	deadline_rules_load(&r, fuzz_dir, &fuzz_diag);
	for (i = 0; r != NULL && i < sizeof(times) / sizeof(times[0]); i++)
		(void)deadline_recurring(r, times[i]);
	deadline_rules_free(r);
	free(path);
	return 0;
}
