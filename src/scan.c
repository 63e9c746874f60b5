/*
 * The byte scans of the reading layer (see scan.h): plain text is skipped sixteen bytes
 * at a time with SSE2 (eight with 64-bit words elsewhere), and only the bytes around
 * something to look at are looked at one by one.
 */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "scan.h"
#include "util.h"

/* A byte that no text file holds: C0 controls other than TAB, LF, CR (and a trailing ^Z). */
static int
is_binary_byte(unsigned char c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

size_t
scan_binary(const char *s, size_t len)
{
	size_t i = 0;

	if (len > 0 && s[len - 1] == 0x1A)	/* DOS end-of-file mark */
		len--;
#ifdef __SSE2__
	for (; i + 16 <= len; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
		__m128i ok = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r')));

		if (_mm_movemask_epi8(_mm_or_si128(_mm_andnot_si128(ok, low),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)))) != 0)
			break;	/* looked at byte by byte below */
	}
#endif
	while (i < len) {
		uint64_t w;

		if (i + 8 <= len) {
			memcpy(&w, s + i, 8);
			/* No byte below 0x20 and none equal to 0x7F: nothing to look at. */
			if (((w - 0x2020202020202020ULL) & ~w & 0x8080808080808080ULL) == 0 &&
			    (((w ^ 0x7F7F7F7F7F7F7F7FULL) - 0x0101010101010101ULL) &
			    ~(w ^ 0x7F7F7F7F7F7F7F7FULL) & 0x8080808080808080ULL) == 0) {
				i += 8;
				continue;
			}
		}
		if (is_binary_byte((unsigned char)s[i]))
			return i;
		i++;
	}
	return len;
}

int
scan_utf8(const char *s, size_t len, size_t *bad)
{
	size_t i = 0, n, b;

	while (i < len) {
		unsigned char c;
		uint64_t w;

#ifdef __SSE2__
		while (i + 16 <= len && _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)
		    (const void *)(s + i))) == 0)
			i += 16;
		if (i >= len)
			break;
#endif
		c = (unsigned char)s[i];

		if (i + 8 <= len) {
			memcpy(&w, s + i, 8);
			if ((w & 0x8080808080808080ULL) == 0) {
				i += 8;
				continue;
			}
		}
		if (c < 0x80) {
			i++;
			continue;
		}
		n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
		if (n > len - i)
			n = len - i;
		if (!utf8_valid((const unsigned char *)s + i, n, &b)) {
			*bad = i + b;
			return 0;
		}
		i += n;
	}
	return 1;
}

size_t
scan_binary_plain(const char *s, size_t len)
{
	size_t i;

	if (len > 0 && s[len - 1] == 0x1A)	/* DOS end-of-file mark */
		len--;
	for (i = 0; i < len; i++)
		if (is_binary_byte((unsigned char)s[i]))
			return i;
	return len;
}
