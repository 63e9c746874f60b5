/*
 * Calendar dates as yyyymmdd integers (model.h's DATE_* macros): reading a date as it is
 * written, which dates are real, and moving a date by days or by months. The one place
 * that knows date forms, month lengths and leap years.
 */
#ifndef DATE_H
#define DATE_H

#include <stddef.h>

/* How date_scan reads. DATE_STRICT: a value of the data, a definition or an option:
 * d.m.yyyy, d/m/yyyy and yyyy-m-d (day and month of one or two digits). DATE_TEXT adds
 * what people write in running text (an action plan's time): d-m-yyyy and d/m-yyyy, a
 * year of two digits read as 20yy, a space after a dot ("15. 11. 2012", the year then of
 * four digits), and a four-digit year split by a line break ("20 24"). */
enum date_form { DATE_STRICT, DATE_TEXT };

/* The date written at the start of s, as yyyymmdd with its length in bytes in *len; 0
 * (with *len) when the digits have the form of a date but are no real one (31.11.2024);
 * -1 when s does not begin with a date (nor does its year run on into more digits). The
 * one date parser: every date ipkval reads is read here. */
int	date_scan(const char *s, enum date_form, size_t *len);
/* A year of four digits at s, or with `two` one of two read as 20yy (not followed by a
 * dot or slash and a digit: "24.5" is no year), or "20 24": the year, its length in
 * *len; 0 when there is none. Never runs on into more digits. */
int	date_year(const char *s, int two, size_t *len);
/* Whether d.m.y is a real date in the years ipkval accepts (1900-2999). */
int	date_valid(int y, int m, int d);
/* The number of days of month m (1-12) of year y. */
int	date_month_days(int y, int m);
/* Days since 1.1.1970 of a date, and back. */
long	date_to_days(int date);
int	date_from_days(long days);
/* The date n days after `date` (n may be negative). */
int	date_add_days(int date, long n);
/* The date n months after `date` (n may be negative), the day clamped to the month's
 * last (31.03 minus one month is 28.02 or 29.02). */
int	date_add_months(int date, int n);

#endif
