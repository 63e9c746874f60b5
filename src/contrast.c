/*
 * WCAG 2.1 contrast (see contrast.h): the ratio of the relative luminances of two sRGB
 * colours, each plus 0.05.
 */
#include <math.h>

#include "contrast.h"

/* The relative luminance of a colour: its linear sRGB channels, weighted. */
static double
contrast_luminance(unsigned rgb)
{
	static const double weight[3] = { 0.2126, 0.7152, 0.0722 };
	double l = 0;
	int i;

	for (i = 0; i < 3; i++) {
		double v = (double)((rgb >> (16 - 8 * i)) & 0xff) / 255.0;

		l += weight[i] * (v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4));
	}
	return l;
}

double
contrast_ratio(unsigned a, unsigned b)
{
	double la = contrast_luminance(a), lb = contrast_luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}
