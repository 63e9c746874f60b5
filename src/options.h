/*
 * The settings of one run, parsed from the command line by main.c and passed read-only to
 * the pipeline.
 */
#ifndef OPTIONS_H
#define OPTIONS_H

struct options {
	const char	*command;	/* "check", "indicators", "report" */
	const char	*data_dir;	/* --data, default sample-data */
	const char	*out_dir;	/* --out, default out */
	const char	*indicators_dir;/* --indicators, default <install>/indicators */
	const char	*templates_dir;	/* --templates, default <install>/templates */
	const char	*fonts_dir;	/* --fonts, default <install>/build/fonts */
	const char	*lang;		/* --lang nb|nn, default nb */
	const char	*issuer;	/* --issuer, default from the template */
	const char	*reference;	/* --reference: a published indikatorer.csv; NULL:
					 * referanse.csv in the data folder, if any */
	int		 year;		/* --year; 0: the latest year in the data */
	int		 reference_date;/* --reference-date as yyyymmdd; 0: 31.12.year */
	int		 jobs;		/* --jobs; 0: number of cores */
	int		 figures;	/* --figures: charts also as PNG and SVG */
	int		 dump;		/* --dump: print the report model as text */
	int		 quiet;		/* --quiet: no progress; warnings counted per file */
	unsigned	 only;		/* --only: REPORTS_* bits; 0 = all */
	const char	*internal;	/* --internal: the kommunenr whose internal version
					 * is written too (internal.h); NULL: none */
};

/* The kinds of report --only chooses from. */
#define REPORTS_KOMMUNE		0x1
#define REPORTS_FYLKE		0x2
#define REPORTS_HANDLINGSPLAN	0x4
#define REPORTS_STATSFORVALTER	0x8

#endif
