/*
 * Fuzz harness: the input read as kartlegging-2024.csv, then computed (see export.h).
 */
#define EXPORT	"kartlegging-2024.csv"
#define FRESH	0
#include "export.h"
