/*
 * Fuzz harness: the input read as a pattern file of answer classes (svarklasser.txt) or,
 * when its first byte is odd, of status classes (statusklasser.txt), then texts
 * classified with it.
 */
#include "fuzz.h"
#include "indicator.h"

static const char *const texts[] = { "Ja", "Nei, ikke ennå", "Under arbeid",
    "Gjennomført i 2023", "ukjent", "", "ja ja ja ja ja ja ja ja ja ja ja ja ja ja ja" };

FUZZ_START_ONLY

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum classifier_kind kind = size > 0 && (data[0] & 1) ? CLASSIFIER_STATUS :
	    CLASSIFIER_ANSWERS;
	char *path = fuzz_file("klasser.txt", data, size);
	struct classifier *c = classifier_load(kind, path, &fuzz_diag);
	size_t i;
	int unmatched;

	for (i = 0; c != NULL && i < sizeof(texts) / sizeof(texts[0]); i++)
		(void)classify(c, texts[i], &unmatched);
	classifier_free(c);
	free(path);
	return 0;
}
