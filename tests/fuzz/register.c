/*
 * Fuzz harness: the input read as kommuner.csv, then computed (see export.h).
 */
#define EXPORT	"kommuner.csv"
#define FRESH	1
#include "export.h"
