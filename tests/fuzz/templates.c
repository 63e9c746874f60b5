/*
 * Fuzz harness: the input read as one file of templates/nb/ (its first byte chooses
 * which; the other files and keys.txt as shipped), then the templates loaded and
 * checked against keys.txt.
 */
#include "fuzz.h"
#include "tmpl.h"

static const char *const files[] = { "felles.txt", "fylke.txt", "handlingsplan.txt",
    "kommune.txt" };
static char *shipped[4];
static size_t shippedlen[4];
static char *dir;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	size_t i;

	(void)argc;
	(void)argv;
	fuzz_start();
	fuzz_copy_dir("templates");
	dir = xasprintf("%s/templates", fuzz_dir);
	for (i = 0; i < 4; i++) {
		char *rel = xasprintf("templates/nb/%s", files[i]);

		shipped[i] = fuzz_home_file(rel, &shippedlen[i]);
		free(rel);
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t which = size > 0 ? data[0] % 4 : 0;
	char *rel = xasprintf("templates/nb/%s", files[which]), *path;
	struct tmpl *t;

	path = fuzz_file(rel, size > 0 ? data + 1 : data, size > 0 ? size - 1 : 0);
	if (tmpl_load(&t, dir, "nb", &fuzz_diag) == 0)
		tmpl_free(t);
	free(path);
	path = fuzz_file(rel, shipped[which], shippedlen[which]);
	free(path);
	free(rel);
	return 0;
}
