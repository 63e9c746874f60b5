/*
 * Colour contrast as WCAG 2.1 measures it (relative luminance of sRGB colours), and the
 * colour pairs a renderer draws, each with the least contrast it must have: 4.5:1 for
 * text, 3:1 for large text (18 pt, or 14 pt bold) and for lines and markers that carry
 * meaning (1.4.3, 1.4.11). pdf.c and chart.c list their pairs; tests/unit/contrast.c checks
 * every one. Colours are 0xRRGGBB.
 */
#ifndef CONTRAST_H
#define CONTRAST_H

#include <stddef.h>

struct contrast_pair {
	unsigned	 fg, bg;
	double		 min;		/* 4.5 or 3 */
	const char	*what;		/* where the pair is drawn */
};

#define CONTRAST_TEXT	4.5
#define CONTRAST_LARGE	3.0
#define CONTRAST_GRAPHIC 3.0

/* The contrast ratio of two colours, from 1 to 21. */
double	contrast_ratio(unsigned a, unsigned b);

#endif
