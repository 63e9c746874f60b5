/*
 * Fuzz harness: the input as the free text of an action plan's `tid`: its deadline by
 * the shipped period words (deadline_read, at a reference date) and whether it recurs by
 * the shipped patterns (deadline_recurring).
 */
#include "deadline.h"
#include "fuzz.h"

static struct deadline_rules *rules;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_start();
	if (deadline_rules_load(&rules, IPKVAL_HOME "/indicators", &fuzz_diag) != 0)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *tid = fuzz_string(data, size);
	struct deadline dl = deadline_read(rules, tid, 20241231);
	int d = dl.date;

	if (d != 0 && (d / 10000 < 1000 || d % 100 < 1 || d / 100 % 100 > 12))
		abort();	/* not a real date */
	if (dl.bad != NULL && (dl.bad < tid || dl.bad + dl.badlen > tid + strlen(tid)))
		abort();	/* the bad token lies outside the text */
	(void)deadline_recurring(rules, tid);
	free(tid);
	return 0;
}
