/*
 * Fuzz harness: the input read as indicators/statsforvaltere.csv (the offices of the
 * county governor and their counties) against a register of five counties, then every
 * county's office looked up.
 */
#include "fuzz.h"
#include "office.h"

FUZZ_START_ONLY

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fylke fylker[] = { { "03", "Oslo" }, { "15", "Møre og Romsdal" },
	    { "39", "Vestfold" }, { "40", "Telemark" }, { "56", "Finnmark - Finnmárku" } };
	struct kommune_register reg = { NULL, 0, fylker, 5, 0 };
	char *path = fuzz_file("statsforvaltere.csv", data, size);
	struct offices o;
	size_t f;

	offices_load(&o, fuzz_dir, &reg, &fuzz_diag);
	for (f = 0; f < reg.nfylker; f++)
		(void)offices_of_county(&o, f);
	offices_free(&o);
	free(path);
	return 0;
}
