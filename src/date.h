/*
 * Calendar dates as yyyymmdd integers (model.h's DATE_* macros): which dates are real,
 * and moving a date by days or by months. The one place that knows month lengths and
 * leap years.
 */
#ifndef DATE_H
#define DATE_H

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
