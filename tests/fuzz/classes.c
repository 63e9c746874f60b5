/*
 * Fuzz harness: the input read as a pattern file (its first byte modulo 3 chooses): of
 * answer classes (svarklasser.txt), of status classes (statusklasser.txt) or of the
 * written standard of answers (malform.txt); then texts classified with it.
 */
#include "fuzz.h"
#include "indicator.h"

static const char *const texts[] = { "Ja", "Nei, ikke ennå", "Under arbeid",
    "Vi har ikkje fått det til enno", "Det er ikke etablert noen rutiner",
    "Gjennomført i 2023", "ukjent", "", "ja ja ja ja ja ja ja ja ja ja ja ja ja ja ja" };

FUZZ_START_ONLY

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum classifier_kind kinds[3] = { CLASSIFIER_ANSWERS, CLASSIFIER_STATUS,
	    CLASSIFIER_WRITTEN };
	enum classifier_kind kind = kinds[size > 0 ? data[0] % 3 : 0];
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
