/*
 * The byte scans of the reading layer that run over every byte of an export: where the
 * first byte no text file holds is, and whether the bytes are UTF-8. Each has a fast
 * version (sixteen bytes at a time with SSE2, eight with 64-bit words elsewhere), kept
 * because make bench shows it (about 0.1 s of a national export of a million rows), and
 * the plain version it is tested against over fuzzed input (tests/fuzz/scan_diff.c). For
 * text.c.
 */
#ifndef SCAN_H
#define SCAN_H

#include <stddef.h>

/* The offset of the first byte no text file holds (C0 controls other than TAB, LF and
 * CR, and DEL; a ^Z that ends the bytes is allowed), or len. */
size_t	scan_binary(const char *s, size_t len);
size_t	scan_binary_plain(const char *s, size_t len);
/* 1 when the len bytes at s are UTF-8; else 0 with *bad the offset of the first byte
 * that is not (utf8_valid is the plain version). */
int	scan_utf8(const char *s, size_t len, size_t *bad);

#endif
