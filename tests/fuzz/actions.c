/*
 * Fuzz harness: the input read as handlingsplan.csv, then computed (see export.h).
 */
#define EXPORT	"handlingsplan.csv"
#define FRESH	0
#include "export.h"
