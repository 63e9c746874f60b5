/*
 * Calendar dates (see date.h). Day counts use Howard Hinnant's days-from-civil algorithm
 * on the proleptic Gregorian calendar.
 */
#include "date.h"
#include "model.h"

static int
date_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_month_days(int y, int m)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && date_leap(y) ? 29 : mdays[m - 1];
}

int
date_valid(int y, int m, int d)
{
	return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= date_month_days(y, m);
}

long
date_to_days(int date)
{
	int y = DATE_YEAR(date), m = DATE_MONTH(date), d = DATE_DAY(date);
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int
date_from_days(long z)
{
	long era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp + (mp < 10 ? 3 : -9);
	y += m <= 2;
	return (int)DATE_YMD(y, m, d);
}

int
date_add_days(int date, long n)
{
	return date_from_days(date_to_days(date) + n);
}

int
date_add_months(int date, int n)
{
	int t = DATE_YEAR(date) * 12 + (DATE_MONTH(date) - 1) + n;
	int y = t / 12, m = t % 12 + 1, d = DATE_DAY(date), last = date_month_days(y, m);

	return DATE_YMD(y, m, d > last ? last : d);
}
