/*
 * Calendar dates (see date.h). Day counts use Howard Hinnant's days-from-civil algorithm
 * on the proleptic Gregorian calendar.
 */
#include "date.h"
#include "model.h"

/* Reads 1..max digits at s + *i: the number read, their value in *v. */
static int
date_digits(const char *s, size_t *i, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (n < max && s[*i] >= '0' && s[*i] <= '9') {
		*v = *v * 10 + (s[*i] - '0');
		(*i)++;
		n++;
	}
	return n;
}

static int
date_isdigit(char c)
{
	return c >= '0' && c <= '9';
}

int
date_year(const char *s, int two, size_t *len)
{
	size_t i = 0, j;
	int a, b;

	if (date_digits(s, &i, 4, &a) == 4 && !date_isdigit(s[i])) {
		*len = i;
		return a;
	}
	i = 0;
	if (date_digits(s, &i, 2, &a) != 2)
		return 0;
	/* "20 24": a year a line break split when the text was copied from a PDF. */
	if ((a == 19 || a == 20) && s[i] == ' ') {
		j = i + 1;
		if (date_digits(s, &j, 2, &b) == 2 && !date_isdigit(s[j])) {
			*len = j;
			return a * 100 + b;
		}
	}
	if (!two || date_isdigit(s[i]) ||
	    ((s[i] == '.' || s[i] == '/') && date_isdigit(s[i + 1])))
		return 0;
	*len = i;
	return 2000 + a;
}

/* The date y-m-d as yyyymmdd, or 0 when it is no real date. */
static int
date_made(int y, int m, int d)
{
	return date_valid(y, m, d) ? DATE_YMD(y, m, d) : 0;
}

int
date_scan(const char *s, enum date_form form, size_t *len)
{
	size_t i = 0, n;
	int a, b, c, na, two = form == DATE_TEXT;
	char sep;

	na = date_digits(s, &i, 4, &a);
	if (na == 4 && s[i] == '-') {	/* yyyy-m-d */
		i++;
		if (date_digits(s, &i, 2, &b) == 0 || s[i] != '-')
			return -1;
		i++;
		if (date_digits(s, &i, 2, &c) == 0 || date_isdigit(s[i]))
			return -1;
		*len = i;
		return date_made(a, b, c);
	}
	sep = s[i];
	if (na == 0 || na > 2 || (sep != '.' && sep != '/' && !(two && sep == '-')))
		return -1;
	if (s[++i] == ' ' && sep == '.' && form == DATE_TEXT)
		i++;
	if (date_digits(s, &i, 2, &b) == 0 ||
	    (s[i] != sep && !(form == DATE_TEXT && sep == '/' && s[i] == '-')))
		return -1;
	if (s[i++] == '.' && form == DATE_TEXT && s[i] == ' ') {
		i++;
		two = 0;	/* "15. 11. 2012" */
	}
	if (form == DATE_STRICT) {
		if (date_digits(s, &i, 4, &c) != 4 || date_isdigit(s[i]))
			return -1;
	} else if ((c = date_year(s + i, two, &n)) == 0)
		return -1;
	else
		i += n;
	*len = i;
	return date_made(c, b, a);
}

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
