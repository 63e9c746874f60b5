/*
 * Fuzz harness: the input read as indicators/kolonner.csv (column aliases), then headers
 * matched through it, as a plan file's header would be.
 */
#include "field.h"
#include "fuzz.h"

static const char *const names[] = { "plan_id", "kommunenr", "tjenesteomrade", "opprettet",
    "sist_oppdatert", "status", "koordinator", "antall_mal", "brukermedvirkning" };
static const char *const headers[] = { "Plan ID", "Kommunenr.", "Tjenesteområde",
    "Sist oppdatert", "Koordinator oppnevnt", "KOMMUNE_NR", "Dato opprettet", "" };

FUZZ_START_ONLY

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *path = fuzz_file("kolonner.csv", data, size);
	struct field_aliases a;
	size_t i;

	field_aliases_load(&a, path, &fuzz_diag);
	for (i = 0; i < sizeof(headers) / sizeof(headers[0]); i++)
		(void)field_match(&a, headers[i], names, sizeof(names) / sizeof(names[0]));
	field_aliases_free(&a);
	free(path);
	return 0;
}
