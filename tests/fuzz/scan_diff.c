/*
 * Differential fuzz harness of the byte scans (scan.c): the fast versions (sixteen
 * bytes at a time) against the plain ones, on the same bytes at every alignment the
 * input's first byte chooses: the first byte no text file holds, and the first byte
 * that is not UTF-8.
 */
#include "fuzz.h"
#include "scan.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t shift = size > 0 ? data[0] % 16 : 0, len, bad1 = 0, bad2 = 0;
	char *s;
	int v1, v2;

	if (size == 0)
		return 0;
	/* The bytes after the first, starting `shift` bytes into a fresh buffer. */
	len = size - 1;
	s = xmalloc(shift + len + 1);
	memcpy(s + shift, data + 1, len);
	s[shift + len] = '\0';
	if (scan_binary(s + shift, len) != scan_binary_plain(s + shift, len))
		abort();
	v1 = scan_utf8(s + shift, len, &bad1);
	v2 = utf8_valid((const unsigned char *)s + shift, len, &bad2);
	if (v1 != v2 || (!v1 && bad1 != bad2))
		abort();
	free(s);
	return 0;
}
