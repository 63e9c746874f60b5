/*
 * Compression of a libharu document's streams at a level ipkval chooses. libharu 2.3
 * deflates at zlib's default level (6) with no way to ask for another, and that was a
 * quarter of the CPU time all of Norway takes (docs/architecture.md, Cost).
 */
#ifndef PDF_DEFLATE_H
#define PDF_DEFLATE_H

#include <hpdf.h>

/* The zlib level. Measured on all of Norway's reports (docs/architecture.md, Cost): 5
 * takes 0.3 s less than 6 and writes 1 % larger reports; 4 saves little more for 3 %. */
#define PDF_DEFLATE_LEVEL	5

/* Compresses, at `level`, every stream of the document that libharu would deflate and
 * that holds its data now; libharu then writes them as they are, with their
 * /Filter /FlateDecode. A Type0 font whose streams are all done is told so (libharu's
 * font hook would otherwise have them compressed again at saving). Call last, just
 * before saving. Returns 0, or -1 when zlib could not (every stream is then either as it
 * was or done, and the document still whole to save). */
int	pdf_deflate(HPDF_Doc, int level);

#endif
