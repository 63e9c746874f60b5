/*
 * Fuzz harness: the input read as kommuneendringer.csv, then computed (see export.h).
 */
#define EXPORT	"kommuneendringer.csv"
#define FRESH	1
#include "export.h"
