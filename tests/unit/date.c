/*
 * Unit tests of date.c: real dates, leap years, moving by days and by months.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "date.h"

static void
test_valid(void **state)
{
	(void)state;
	assert_true(date_valid(2024, 2, 29));
	assert_false(date_valid(2023, 2, 29));
	assert_true(date_valid(2000, 2, 29));
	assert_false(date_valid(1900, 2, 29));
	assert_false(date_valid(1899, 12, 31));
	assert_true(date_valid(2999, 12, 31));
	assert_false(date_valid(3000, 1, 1));
	assert_false(date_valid(2024, 4, 31));
	assert_false(date_valid(2024, 0, 1));
	assert_false(date_valid(2024, 1, 0));
	assert_int_equal(date_month_days(2024, 2), 29);
	assert_int_equal(date_month_days(2100, 2), 28);
	assert_int_equal(date_month_days(2024, 12), 31);
}

static void
test_add_days(void **state)
{
	(void)state;
	assert_int_equal(date_add_days(20241231, 1), 20250101);
	assert_int_equal(date_add_days(20240301, -1), 20240229);
	assert_int_equal(date_add_days(20230301, -1), 20230228);
	assert_int_equal(date_add_days(20241231, -365), 20240101);
	assert_int_equal(date_add_days(19700101, 0), 19700101);
	assert_int_equal(date_add_days(19700101, -1), 19691231);
}

static void
test_add_months(void **state)
{
	(void)state;
	assert_int_equal(date_add_months(20241231, -12), 20231231);
	assert_int_equal(date_add_months(20240229, -12), 20230228);
	assert_int_equal(date_add_months(20240331, -1), 20240229);
	assert_int_equal(date_add_months(20240115, -1), 20231215);
	assert_int_equal(date_add_months(20241130, 3), 20250228);
	assert_int_equal(date_add_months(20240229, 48), 20280229);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_add_days),
		cmocka_unit_test(test_add_months),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
