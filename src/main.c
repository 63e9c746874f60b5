/*
 * ipkval: the command line. Parses options, runs one command (check, indicators, report)
 * through the pipeline read -> compute -> render, and turns what diag saw into the exit
 * code. The only place with process-wide state.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "datadir.h"
#include "date.h"
#include "diag.h"
#include "options.h"
#include "run.h"
#include "util.h"

/* The build tree, and where make install puts the program and its data (datadir.h). */
#ifndef IPKVAL_HOME
#define IPKVAL_HOME "."
#endif
#ifndef IPKVAL_BINDIR
#define IPKVAL_BINDIR "/usr/local/bin"
#endif
#ifndef IPKVAL_DATADIR
#define IPKVAL_DATADIR "/usr/local/share/ipkval"
#endif
#ifndef IPKVAL_VERSION
#define IPKVAL_VERSION "dev"
#endif

static const char *const usage_main =
"usage: ipkval COMMAND [OPTIONS]\n"
"\n"
"Quality reports on individual plans (individuell plan) and coordination.\n"
"\n"
"commands:\n"
"  check        read and validate the data and the definitions; write nothing\n"
"  indicators   print indikatorer.csv for the reporting year to standard output\n"
"  report       write the PDF reports and indikatorer.csv under --out\n"
"\n"
"Run 'ipkval COMMAND --help' for the options of a command; 'ipkval --version'.\n"
"Exit status: 0 done (warnings at most), 1 rows, files or reports left out,\n"
"2 usage error or nothing could be done.\n"
"Run 'man ipkval' for the manual, 'man ipkval-indicators' and 'man ipkval-templates'\n"
"for the definition and template files.\n";

static const char *const usage_common =
"  --data DIR          the exports (default: sample-data)\n"
"  --indicators DIR    indicator definitions (default: DATADIR/indicators)\n"
"  --templates DIR     report wording and layout (default: DATADIR/templates)\n"
"  --year YYYY         reporting year (default: the latest year in the data)\n"
"  --reference-date DD.MM.YYYY  reference date R (default: 31.12. of the year)\n"
"  --reference FILE    an indikatorer.csv published by a county or national run, whose\n"
"                      county and country figures the reports compare with (default:\n"
"                      referanse.csv in the data folder, if there is one)\n"
"  --quiet             no progress line; warnings only counted, per file\n"
"  -h, --help          this text\n"
"  --version           the version of ipkval\n";

static const char *const usage_report =
"  --out DIR           where reports go (default: out)\n"
"  --lang nb|nn        bokmål (default) or nynorsk\n"
"  --issuer TEXT       who issues the reports (default: from the template)\n"
"  --jobs N            reports rendered in parallel (default: number of cores)\n"
"  --figures           also write every chart as PNG and SVG under out/YYYY/figurer/\n"
"  --fonts DIR         the report fonts (default: DATADIR/fonts)\n"
"  --only KINDS        only these reports, comma-separated: kommune, fylke,\n"
"                      statsforvalter, handlingsplan (default: all)\n"
"  --dump              print the report model as text instead of writing PDFs\n"
"  --internal KOMMUNENR  also write that municipality's internal version (its own\n"
"                      small figures shown; exempt from public access, offl. § 13)\n"
"                      as kommune/NNNN-Name-intern.pdf; the other files are unchanged\n";

static void
print_usage(FILE *f, const char *command)
{
	if (command == NULL) {
		fputs(usage_main, f);
		return;
	}
	fprintf(f, "usage: ipkval %s [OPTIONS]\n\noptions:\n", command);
	fputs(usage_common, f);
	if (strcmp(command, "report") == 0)
		fputs(usage_report, f);
	fputs("\nRun 'man ipkval' for the manual: DATADIR is $IPKVAL_DATADIR, the installed\n"
	    "data folder or the build tree (FILES).\n", f);
}

/* rc, or 2 after a message when what was printed could not be written (stdout is a full
 * disk or a closed pipe). */
static int
flushed(int rc)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "ipkval: error: cannot write to standard output: %s\n",
		    strerror(errno));
		return 2;
	}
	return rc;
}

static int
is_command(const char *s)
{
	return strcmp(s, "check") == 0 || strcmp(s, "indicators") == 0 ||
	    strcmp(s, "report") == 0;
}

/* Parses DD.MM.YYYY (or another date form of the data) into yyyymmdd; 0 when it is not
 * a real date. */
static int
parse_reference_date(const char *s)
{
	size_t n;
	int d = date_scan(s, DATE_STRICT, &n);

	return d > 0 && s[n] == '\0' ? d : 0;
}

/* Parses "kommune,fylke" into REPORTS_* bits; 0 when a word is unknown. */
static unsigned
parse_only(const char *s)
{
	static const struct { const char *word; unsigned bit; } kinds[] = {
		{ "kommune", REPORTS_KOMMUNE }, { "fylke", REPORTS_FYLKE },
		{ "handlingsplan", REPORTS_HANDLINGSPLAN },
		{ "statsforvalter", REPORTS_STATSFORVALTER }
	};
	unsigned bits = 0;
	size_t i, n;

	while (*s != '\0') {
		n = strcspn(s, ",");
		for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
			if (strlen(kinds[i].word) == n && strncmp(s, kinds[i].word, n) == 0)
				break;
		if (i == sizeof(kinds) / sizeof(kinds[0]))
			return 0;
		bits |= kinds[i].bit;
		s += n;
		if (*s == ',')
			s++;
	}
	return bits;
}

static int
parse_int(const char *s, int lo, int hi, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

enum { OPT_DATA = 256, OPT_OUT, OPT_INDICATORS, OPT_TEMPLATES, OPT_FONTS, OPT_YEAR,
	OPT_REFDATE, OPT_LANG, OPT_ISSUER, OPT_JOBS, OPT_FIGURES, OPT_DUMP, OPT_ONLY,
	OPT_VERSION, OPT_REFERENCE, OPT_QUIET, OPT_INTERNAL };

static const struct option long_options[] = {
	{ "data", required_argument, NULL, OPT_DATA },
	{ "out", required_argument, NULL, OPT_OUT },
	{ "indicators", required_argument, NULL, OPT_INDICATORS },
	{ "templates", required_argument, NULL, OPT_TEMPLATES },
	{ "fonts", required_argument, NULL, OPT_FONTS },
	{ "year", required_argument, NULL, OPT_YEAR },
	{ "reference-date", required_argument, NULL, OPT_REFDATE },
	{ "reference", required_argument, NULL, OPT_REFERENCE },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "issuer", required_argument, NULL, OPT_ISSUER },
	{ "jobs", required_argument, NULL, OPT_JOBS },
	{ "figures", no_argument, NULL, OPT_FIGURES },
	{ "dump", no_argument, NULL, OPT_DUMP },
	{ "only", required_argument, NULL, OPT_ONLY },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "quiet", no_argument, NULL, OPT_QUIET },
	{ "internal", required_argument, NULL, OPT_INTERNAL },
	{ NULL, 0, NULL, 0 }
};

/* What an option's value must be, for the message when it is missing. */
static const char *
option_expects(int c)
{
	switch (c) {
	case OPT_YEAR:
		return "a year such as 2024";
	case OPT_REFDATE:
		return "a date such as 30.06.2024";
	case OPT_LANG:
		return "nb (bokmål) or nn (nynorsk)";
	case OPT_ISSUER:
		return "a text";
	case OPT_JOBS:
		return "a number from 1 to 256";
	case OPT_ONLY:
		return "kommune, fylke or handlingsplan, comma-separated";
	case OPT_INTERNAL:
		return "a kommunenr of four digits";
	case OPT_REFERENCE:
		return "a file (an indikatorer.csv)";
	default:
		return "a directory";
	}
}

/* 1 for the options only report takes. */
static int
report_only(int c)
{
	return c == OPT_OUT || c == OPT_FONTS || c == OPT_ISSUER || c == OPT_FIGURES ||
	    c == OPT_DUMP || c == OPT_ONLY || c == OPT_LANG || c == OPT_JOBS ||
	    c == OPT_INTERNAL;
}

/* The option getopt_long just returned, as written: argv[optind - 1], or the word before
 * it when that is the option's value ("--data DIR"). */
static const char *
option_text(char **argv)
{
	return optarg != NULL && optarg == argv[optind - 1] ? argv[optind - 2] : argv[optind - 1];
}

/* Says that option c (written as `arg`) has no value, or that what follows it is another
 * option (so that "--data --year 2024" does not read a folder named "--year"). Returns 2. */
static int
option_missing(const char *command, int c, const char *arg, const char *next)
{
	int n = (int)strcspn(arg, "=");

	if (next != NULL)
		fprintf(stderr, "ipkval: error: %s: %.*s expects %s, found the option '%s'\n",
		    command, n, arg, option_expects(c), next);
	else
		fprintf(stderr, "ipkval: error: %s: %.*s expects %s, found nothing\n",
		    command, n, arg, option_expects(c));
	return 2;
}

/* Returns 0, or 2 after printing a usage error. */
static int
parse_options(int argc, char **argv, struct options *o)
{
	int c;
	int is_report = strcmp(o->command, "report") == 0;

	opterr = 0;
	optind = 2;
	while ((c = getopt_long(argc, argv, ":h", long_options, NULL)) != -1) {
		const char *bad = NULL, *text = option_text(argv);

		if (c == '?' || (!is_report && report_only(c == ':' ? optopt : c))) {
			fprintf(stderr, "ipkval: error: %s: unknown option '%.*s'%s\n",
			    o->command, (int)strcspn(text, "="), text,
			    c == '?' ? "" : " (an option of report)");
			print_usage(stderr, o->command);
			return 2;
		}
		if (c == ':')
			return option_missing(o->command, optopt, text, NULL);
		if (optarg != NULL && optarg == argv[optind - 1] && strncmp(optarg, "--", 2) == 0)
			return option_missing(o->command, c, text, optarg);
		switch (c) {
		case OPT_DATA: o->data_dir = optarg; break;
		case OPT_INDICATORS: o->indicators_dir = optarg; break;
		case OPT_TEMPLATES: o->templates_dir = optarg; break;
		case OPT_REFERENCE: o->reference = optarg; break;
		case OPT_QUIET: o->quiet = 1; break;
		case OPT_YEAR:
			if (parse_int(optarg, 1900, 2999, &o->year) == -1)
				bad = "--year takes a year such as 2024";
			break;
		case OPT_REFDATE:
			if ((o->reference_date = parse_reference_date(optarg)) == 0)
				bad = "--reference-date takes a date such as 30.06.2024";
			break;
		case 'h':
			print_usage(stdout, o->command);
			exit(flushed(0));
		case OPT_VERSION:
			printf("ipkval %s\n", IPKVAL_VERSION);
			exit(flushed(0));
		default:
			switch (c) {
			case OPT_OUT: o->out_dir = optarg; break;
			case OPT_FONTS: o->fonts_dir = optarg; break;
			case OPT_ISSUER: o->issuer = optarg; break;
			case OPT_FIGURES: o->figures = 1; break;
			case OPT_DUMP: o->dump = 1; break;
			case OPT_INTERNAL:
				if (strlen(optarg) != 4 || strspn(optarg, "0123456789") != 4)
					bad = "--internal takes a kommunenr of four digits";
				o->internal = optarg;
				break;
			case OPT_ONLY:
				if ((o->only = parse_only(optarg)) == 0)
					bad = "--only takes kommune, fylke, statsforvalter or "
					    "handlingsplan, "
					    "comma-separated";
				break;
			case OPT_LANG:
				if (strcmp(optarg, "nb") != 0 && strcmp(optarg, "nn") != 0)
					bad = "--lang takes nb (bokmål) or nn (nynorsk)";
				o->lang = optarg;
				break;
			case OPT_JOBS:
				if (parse_int(optarg, 1, 256, &o->jobs) == -1)
					bad = "--jobs takes a number from 1 to 256";
				break;
			}
		}
		if (bad != NULL) {
			fprintf(stderr, "ipkval: error: %s, not '%s'\n", bad, optarg);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "ipkval: error: %s: unexpected argument '%s'\n",
		    o->command, argv[optind]);
		return 2;
	}
	if (o->reference_date != 0 && o->year != 0 && o->reference_date / 10000 != o->year) {
		fprintf(stderr, "ipkval: error: --reference-date lies outside --year %d\n",
		    o->year);
		return 2;
	}
	if (o->reference_date != 0 && o->year == 0)
		o->year = o->reference_date / 10000;
	return 0;
}

/* Fills the folders of ipkval's own data that the command needs and the options left out
 * from the data folder (datadir.h, ipkval(1) FILES). Returns 0, or 2 after a message when
 * there is none. dd holds the strings for the run. */
static int
data_folders(struct options *o, struct datadir *dd)
{
	int templates = strcmp(o->command, "indicators") != 0;
	int fonts = strcmp(o->command, "report") == 0;
	char *self;
	int rc;

	if (o->indicators_dir != NULL && (!templates || o->templates_dir != NULL) &&
	    (!fonts || o->fonts_dir != NULL))
		return 0;
	self = datadir_self();
	rc = datadir_find(dd, getenv("IPKVAL_DATADIR"), self, IPKVAL_BINDIR, IPKVAL_DATADIR,
	    IPKVAL_HOME);
	free(self);
	if (rc == -1) {
		fprintf(stderr, "ipkval: error: cannot find the data folder (indicators/, "
		    "templates/, fonts/): IPKVAL_DATADIR is not set, there is none where make "
		    "install puts it (%s, as seen from the program), and the build tree (%s) "
		    "is gone; set IPKVAL_DATADIR or give --indicators, --templates and --fonts "
		    "(see ipkval(1), FILES)\n", IPKVAL_DATADIR, IPKVAL_HOME);
		return 2;
	}
	if (o->indicators_dir == NULL)
		o->indicators_dir = dd->indicators;
	if (o->templates_dir == NULL)
		o->templates_dir = dd->templates;
	if (o->fonts_dir == NULL)
		o->fonts_dir = dd->fonts;
	return 0;
}

int
main(int argc, char **argv)
{
	struct options o;
	struct datadir dd = { NULL, NULL, NULL };
	struct diag d;
	int rc;

	memset(&o, 0, sizeof(o));
	o.data_dir = "sample-data";
	o.out_dir = "out";
	o.lang = "nb";

	if (argc < 2) {
		print_usage(stderr, NULL);
		return 2;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		int version = strcmp(argv[1], "--version") == 0;

		/* "ipkval --help report" is "ipkval report --help"; anything else after
		 * them is a mistake, not something to pass over. */
		if (argc == 3 && !version && is_command(argv[2])) {
			print_usage(stdout, argv[2]);
			return flushed(0);
		}
		if (argc > 2) {
			fprintf(stderr, "ipkval: error: %s: unexpected argument '%s'\n", argv[1],
			    argv[2]);
			return 2;
		}
		if (version)
			printf("ipkval %s\n", IPKVAL_VERSION);
		else
			print_usage(stdout, NULL);
		return flushed(0);
	}
	o.command = argv[1];
	if (!is_command(o.command)) {
		fprintf(stderr, "ipkval: error: unknown command '%s'\n", o.command);
		print_usage(stderr, NULL);
		return 2;
	}
	if ((rc = parse_options(argc, argv, &o)) != 0 || (rc = data_folders(&o, &dd)) != 0)
		return rc;
	if (o.jobs == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);

		o.jobs = n > 0 ? (int)n : 1;
	}

	diag_init(&d, stderr);
	d.quiet = o.quiet;
	d.terminal = !o.quiet && isatty(STDERR_FILENO);
	if (strcmp(o.command, "check") == 0)
		run_check(&o, &d);
	else if (strcmp(o.command, "indicators") == 0)
		run_indicators(&o, &d);
	else
		run_report(&o, &d);
	diag_flush(&d);
	diag_quiet_summary(&d);
	rc = diag_exit_code(&d);
	diag_free(&d);
	datadir_free(&dd);
	return rc;
}
