/*
 * Fuzz harness: the input read as planer-2024.csv, then computed (see export.h).
 */
#define EXPORT	"planer-2024.csv"
#define FRESH	0
#include "export.h"
