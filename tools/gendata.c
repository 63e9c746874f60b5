/*
 * gendata: writes the synthetic sample data of ipkval (sample-data/) and the large data
 * sets of `make bench`. A tool kept beside the program, not part of it. It uses libc only
 * (no libm calls, so that every platform writes the same bytes) and its own PRNG
 * (splitmix64) with a fixed seed: the same bytes on every run. Everything it writes is
 * invented; see docs/sample-data.md.
 *
 *   gendata [--register FILE] [--changes FILE] [--out DIR] [--seed N]
 *           [--norway [--years YYYY-YYYY] [--active N]] [--plan-rows N]
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "date.h"
#include "model.h"

/* The counties of the sample: Møre og Romsdal (an office of one county) and Vestfold and
 * Telemark (one office of two counties, indicators/statsforvaltere.csv). */
static const char *const sample_fylker[] = { "15", "39", "40" };
#define DEFAULT_SEED	20130513u	/* the date of the KoRus report */
#define YEAR_MIN	1990
#define YEAR_MAX	2100

/* ---------------------------------------------------------------- random numbers */

struct rng {
	uint64_t	 s;
};

static uint64_t
rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* A stream of its own for each purpose, so that one part of the data does not shift
 * when another changes. */
static struct rng
rng_stream(uint64_t seed, const char *what, long a, long b)
{
	struct rng r;
	uint64_t h = 1469598103934665603u;

	for (; *what != '\0'; what++)
		h = (h ^ (unsigned char)*what) * 1099511628211u;
	r.s = seed ^ h ^ ((uint64_t)a << 32) ^ (uint64_t)b;
	rng_next(&r);
	return r;
}

/* Uniform in [0, n); n > 0. */
static long
rng_below(struct rng *r, long n)
{
	return (long)(rng_next(r) % (uint64_t)n);
}

static double
rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) / 9007199254740992.0;
}

static int
rng_chance(struct rng *r, double p)
{
	return rng_unit(r) < p;
}

static const char *
rng_pick(struct rng *r, const char *const *list, size_t n)
{
	return list[rng_below(r, (long)n)];
}

#define PICK(r, list)	rng_pick((r), (list), sizeof(list) / sizeof((list)[0]))

static double
clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* ---------------------------------------------------------------- dates */

/* Days since 1970-01-01 of a civil date (src/date.c). */
static long
date_days(int y, int m, int d)
{
	return date_to_days(DATE_YMD(y, m, d));
}

static void
date_civil(long z, int *y, int *m, int *d)
{
	int ymd = date_from_days(z);

	*y = DATE_YEAR(ymd);
	*m = DATE_MONTH(ymd);
	*d = DATE_DAY(ymd);
}

/* A random day of year y (days since 1970), not before `first`; 31.12. when first is later. */
static long
date_in_year(struct rng *r, int y, long first)
{
	long lo = date_days(y, 1, 1), hi = date_days(y, 12, 31);

	if (first > lo)
		lo = first;
	if (lo > hi)
		return hi;
	return lo + rng_below(r, hi - lo + 1);
}

/* ---------------------------------------------------------------- the register */

struct muni {
	char	 nr[5];
	char	 name[128];
	char	 fnr[3];
	char	 fname[64];
	long	 pop;
	int	 nynorsk;
};

struct reg {
	struct muni	*m;
	size_t		 n;
};

/* Illustrative populations (rounded, near the real order of magnitude; not SSB figures). */
static const struct {
	const char	*nr;
	long		 pop;
} pop_table[] = {
	{ "0301", 709000 }, { "4601", 291000 }, { "5001", 214000 }, { "1103", 149000 },
	{ "3201", 130000 }, { "4204", 116000 }, { "3301", 104000 }, { "3203", 98000 },
	{ "3205", 91000 }, { "3107", 84000 }, { "1108", 83000 }, { "5501", 78000 },
	{ "1508", 67000 }, { "3907", 65000 }, { "3207", 62000 }, { "3105", 59000 },
	{ "3905", 58000 }, { "4003", 56000 }, { "1804", 53000 }, { "3103", 51000 },
	{ "3909", 48000 }, { "3222", 47000 }, { "3118", 46000 }, { "4203", 46000 },
	{ "1149", 43000 }, { "3209", 41000 }, { "4626", 39000 }, { "1106", 38000 },
	{ "4001", 37000 }, { "3411", 35000 }, { "3101", 32000 }, { "3403", 32000 },
	{ "1506", 32000 }, { "3407", 31000 }, { "3305", 31000 }, { "4627", 30000 },
	{ "3405", 29000 }, { "3303", 28000 }, { "1124", 28000 }, { "3312", 28000 },
	{ "3901", 28000 }, { "3240", 27000 }, { "3911", 27000 }, { "4624", 26000 },
	{ "1833", 26000 }, { "3232", 25000 }, { "3903", 25000 }, { "5503", 25000 },
	{ "1505", 24000 }, { "5006", 24000 }, { "5035", 24500 }, { "3228", 24000 },
	{ "4202", 24000 }, { "4205", 23000 }, { "1806", 22000 }, { "4647", 22000 },
	{ "3420", 21500 }, { "5601", 21000 }, { "3218", 21000 }, { "5037", 20500 },
	{ "3212", 20000 }, { "1120", 20000 }, { "1121", 19000 }, { "3216", 19000 },
	{ "4614", 19000 }, { "4631", 32000 }, { "5059", 18500 }, { "5028", 17000 },
	{ "4602", 17000 }, { "3214", 16000 }, { "4621", 16000 }, { "5007", 15000 },
	{ "5031", 14500 }, { "1579", 13500 }, { "1119", 19500 }, { "5530", 15000 },
	{ "5038", 15000 }, { "4223", 15000 }, { "3413", 21000 }, { "3401", 18000 },
	/* Møre og Romsdal, the sample county */
	{ "1511", 3100 }, { "1514", 2500 }, { "1515", 9000 }, { "1516", 8700 },
	{ "1517", 5200 }, { "1520", 11000 }, { "1525", 4500 }, { "1528", 7700 },
	{ "1531", 10000 }, { "1532", 8500 }, { "1535", 6800 }, { "1539", 7500 },
	{ "1547", 3600 }, { "1554", 5800 }, { "1557", 2600 }, { "1560", 3000 },
	{ "1563", 7000 }, { "1566", 5800 }, { "1573", 2100 }, { "1576", 3500 },
	{ "1577", 11000 }, { "1578", 2500 }, { "1580", 9500 },
	/* Telemark, in the sample's second office (Vestfold's are above) */
	{ "4005", 13000 }, { "4010", 2300 }, { "4012", 14000 }, { "4014", 10000 },
	{ "4016", 4100 }, { "4018", 6500 }, { "4020", 10800 }, { "4022", 3000 },
	{ "4024", 1600 }, { "4026", 5700 }, { "4028", 2400 }, { "4030", 1500 },
	{ "4032", 1300 }, { "4034", 2200 }, { "4036", 3800 },
	/* some of the smallest */
	{ "1151", 200 }, { "1144", 550 }, { "1145", 850 }, { "1835", 450 },
	{ "1856", 450 }, { "1857", 700 }, { "4629", 400 }, { "4633", 550 },
	{ "4636", 800 }, { "5052", 550 }, { "5033", 750 }, { "5614", 900 },
	{ "5616", 1000 }, { "4222", 1000 }, { "4224", 950 }, { "1816", 450 },
	{ "5043", 450 }, { "5044", 850 }, { "5020", 950 }, { "5630", 900 },
	{ "5626", 1100 }, { "5636", 900 }, { "3320", 1100 }, { "4619", 900 },
};

/* Municipalities whose answers and plans are written in nynorsk. */
static const char *const nynorsk_nr[] = {
	"1511", "1514", "1515", "1516", "1517", "1520", "1525", "1528", "1577", "1578",
	"4602", "4621", "4622", "4640", "4644", "4651", "4650", "4649", "1133", "3328",
	/* inland Telemark, in the sample's second office */
	"4022", "4024", "4028", "4032", "4034", "4036",
};

static long
muni_population(const char *nr, uint64_t seed)
{
	struct rng r;
	double u;
	size_t i;

	for (i = 0; i < sizeof(pop_table) / sizeof(pop_table[0]); i++)
		if (strcmp(pop_table[i].nr, nr) == 0)
			return pop_table[i].pop;
	r = rng_stream(seed, "population", atol(nr), 0);
	u = rng_unit(&r);	/* skewed to the small: median about 4,200 */
	return (900 + (long)(u * u * 13100.0)) / 100 * 100;
}

static int
muni_is_nynorsk(const char *nr)
{
	size_t i;

	for (i = 0; i < sizeof(nynorsk_nr) / sizeof(nynorsk_nr[0]); i++)
		if (strcmp(nynorsk_nr[i], nr) == 0)
			return 1;
	return 0;
}

/* Copies field `i` (0-based) of a `;` line into out; -1 when the line is too short. */
static int
line_field(const char *line, int i, char *out, size_t outsz)
{
	const char *end;
	size_t len;

	for (; i > 0; i--) {
		if ((line = strchr(line, ';')) == NULL)
			return -1;
		line++;
	}
	end = line + strcspn(line, ";\r\n");
	len = (size_t)(end - line);
	if (len >= outsz)
		return -1;
	memcpy(out, line, len);
	out[len] = '\0';
	return 0;
}

/* Reads the reference register (kommunenr;kommunenavn;fylkesnr;fylkesnavn). Returns 0, or
 * -1 after a message. */
static int
reg_read(const char *path, uint64_t seed, struct reg *g)
{
	FILE *f;
	char line[1024];
	size_t cap = 0;
	int lineno = 0;

	g->m = NULL;
	g->n = 0;
	if ((f = fopen(path, "r")) == NULL) {
		fprintf(stderr, "gendata: %s: %s\n", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		struct muni m;

		if (++lineno == 1)
			continue;
		if (line[strspn(line, "\r\n")] == '\0')
			continue;
		memset(&m, 0, sizeof(m));
		if (line_field(line, 0, m.nr, sizeof(m.nr)) == -1 || strlen(m.nr) != 4 ||
		    line_field(line, 1, m.name, sizeof(m.name)) == -1 ||
		    line_field(line, 2, m.fnr, sizeof(m.fnr)) == -1 ||
		    line_field(line, 3, m.fname, sizeof(m.fname)) == -1) {
			fprintf(stderr, "gendata: %s:%d: expected kommunenr;kommunenavn;"
			    "fylkesnr;fylkesnavn\n", path, lineno);
			fclose(f);
			free(g->m);
			return -1;
		}
		m.pop = muni_population(m.nr, seed);
		m.nynorsk = muni_is_nynorsk(m.nr);
		if (g->n == cap) {
			cap = cap ? cap * 2 : 512;
			g->m = realloc(g->m, cap * sizeof(*g->m));
			if (g->m == NULL) {
				fprintf(stderr, "gendata: out of memory\n");
				fclose(f);
				return -1;
			}
		}
		g->m[g->n++] = m;
	}
	fclose(f);
	if (g->n == 0) {
		fprintf(stderr, "gendata: %s: no municipalities\n", path);
		return -1;
	}
	return 0;
}

/* ---------------------------------------------------------------- output files */

/* How one export file is written: the habits of the system or person that made it. */
struct style {
	char		 delim;
	int		 bom;
	int		 crlf;
};

struct out {
	FILE		*f;
	struct style	 st;
	char		*path;
	int		 first;		/* no field yet on this line */
};

static int
out_open(struct out *o, const char *dir, const char *name, struct style st)
{
	size_t n = strlen(dir) + strlen(name) + 2;

	o->path = malloc(n);
	if (o->path == NULL)
		return -1;
	snprintf(o->path, n, "%s/%s", dir, name);
	if ((o->f = fopen(o->path, "wb")) == NULL) {
		fprintf(stderr, "gendata: %s: %s\n", o->path, strerror(errno));
		free(o->path);
		return -1;
	}
	setvbuf(o->f, NULL, _IOFBF, 1 << 20);
	o->st = st;
	o->first = 1;
	if (st.bom)
		fputs("\xef\xbb\xbf", o->f);
	return 0;
}

static int
out_close(struct out *o)
{
	int bad = ferror(o->f);

	if (fclose(o->f) != 0 || bad) {
		fprintf(stderr, "gendata: %s: write error\n", o->path);
		free(o->path);
		return -1;
	}
	free(o->path);
	return 0;
}

/* Writes one field, quoted as RFC 4180 when it holds the delimiter, a quote or a line end. */
static void
out_field(struct out *o, const char *s)
{
	if (!o->first)
		putc(o->st.delim, o->f);
	o->first = 0;
	if (strchr(s, o->st.delim) == NULL && strpbrk(s, "\"\r\n") == NULL) {
		fputs(s, o->f);
		return;
	}
	putc('"', o->f);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			putc('"', o->f);
		putc(*s, o->f);
	}
	putc('"', o->f);
}

static void
out_end(struct out *o)
{
	fputs(o->st.crlf ? "\r\n" : "\n", o->f);
	o->first = 1;
}

static int
copy_file(const char *from, const char *dir, const char *name)
{
	FILE *in;
	struct out o;
	struct style st = { ';', 0, 0 };
	char b[65536];
	size_t n;

	if ((in = fopen(from, "rb")) == NULL) {
		fprintf(stderr, "gendata: %s: %s\n", from, strerror(errno));
		return -1;
	}
	if (out_open(&o, dir, name, st) == -1) {
		fclose(in);
		return -1;
	}
	while ((n = fread(b, 1, sizeof(b), in)) > 0)
		fwrite(b, 1, n, o.f);
	fclose(in);
	return out_close(&o);
}

/* The sample's comments (kommentarer.csv): hand-written, not drawn, in
 * kommentarer-eksempel.csv beside the register (reference/). */
static int
copy_comments(const char *regpath, const char *dir)
{
	const char *slash = strrchr(regpath, '/');
	int n = slash != NULL ? (int)(slash - regpath + 1) : 0, rc;
	size_t len = (size_t)n + sizeof("kommentarer-eksempel.csv");
	char *from = malloc(len);

	if (from == NULL)
		return -1;
	snprintf(from, len, "%.*skommentarer-eksempel.csv", n, regpath);
	rc = copy_file(from, dir, "kommentarer.csv");
	free(from);
	return rc;
}

static int
write_register(const struct reg *g, const char *dir)
{
	struct out o;
	struct style st = { ';', 0, 0 };
	size_t i;
	char pop[32];

	if (out_open(&o, dir, "kommuner.csv", st) == -1)
		return -1;
	fputs("kommunenr;kommunenavn;fylkesnr;fylkesnavn;innbyggere\n", o.f);
	for (i = 0; i < g->n; i++) {
		snprintf(pop, sizeof(pop), "%ld", g->m[i].pop);
		out_field(&o, g->m[i].nr);
		out_field(&o, g->m[i].name);
		out_field(&o, g->m[i].fnr);
		out_field(&o, g->m[i].fname);
		out_field(&o, pop);
		out_end(&o);
	}
	return out_close(&o);
}

/* ---------------------------------------------------------------- plans */

enum { YN_EMPTY, YN_YES, YN_NO, YN_PARTLY };

struct plan {
	int		 id_year;
	int		 id_seq;
	long		 created;	/* days */
	long		 updated;	/* days, or -1 when never revised */
	int		 closed_year;	/* 0 while active */
	signed char	 goals;		/* -1: empty */
	unsigned char	 area;
	unsigned char	 koord, bm, samt, ansv;
};

struct plans {
	struct plan	*p;
	size_t		 n, cap;
};

/* Whatever the whole run shares: options, register, id counters. */
struct gen {
	uint64_t	 seed;
	struct reg	 reg;
	const char	*out;
	int		 sample;	/* the committed sample: its quirks are planted */
	int		 y0, y1;
	double		 scale;		/* multiplies coverage (all of Norway: to --active) */
	int		 seq[YEAR_MAX - YEAR_MIN + 1];
};

static const char *const areas[] = {
	"psykisk helse", "rus", "habilitering barn", "habilitering voksne",
	"rehabilitering", "pleie og omsorg", "barnevern", "NAV",
};
/* Weights of the areas above, in per cent. */
static const int area_weight[] = { 26, 11, 15, 12, 10, 14, 6, 6 };

static unsigned char
pick_area(struct rng *r)
{
	long x = rng_below(r, 100);
	unsigned char i;

	for (i = 0; i < 7 && x >= area_weight[i]; i++)
		x -= area_weight[i];
	return i;
}

/* How well a municipality documents its plans in a year, 0 to 1; specials as the KoRus
 * report describes them (Stranda good and getting better, Sykkylven improving, Aukra
 * middling), the others drawn once and drifting a little from year to year. */
static double
quality(const struct gen *g, const char *nr, int year)
{
	struct rng r = rng_stream(g->seed, "quality", atol(nr), 0);
	double base = 0.15 + 0.75 * rng_unit(&r);
	double slope = -0.05 + 0.12 * rng_unit(&r);

	if (strcmp(nr, "1525") == 0)
		base = 0.74, slope = 0.07;
	else if (strcmp(nr, "1528") == 0)
		base = 0.50, slope = 0.09;
	else if (strcmp(nr, "1547") == 0)
		base = 0.42, slope = 0.04;
	else if (strcmp(nr, "1573") == 0)
		base = 0.25, slope = -0.03;
	return clamp(base + slope * (year - 2022), 0.05, 0.97);
}

/* Active plans per 1000 inhabitants (research: under 5 against a need of 25-30). */
static double
coverage(const struct gen *g, const char *nr, int year)
{
	struct rng r = rng_stream(g->seed, "coverage", atol(nr), 0);
	double base = 2.0 + 6.0 * rng_unit(&r);
	double slope = -0.35 + 0.8 * rng_unit(&r);

	if (strcmp(nr, "1528") == 0)
		base = 4.0, slope = 0.6;	/* "antallet individuelle planer har økt" */
	return clamp(base + slope * (year - 2022), 0.5, 12.0);
}

/* Target number of active plans; tiny municipalities of the sample are set so that
 * suppression shows (Smøla: none active in 2022, then 2 and 3; Fjord and Sande small). */
static long
target_active(const struct gen *g, const struct muni *m, int year)
{
	static const struct {
		const char	*nr;
		int		 year;
		long		 n;
	} fixed[] = {
		{ "1573", 2021, 3 }, { "1578", 2021, 4 }, { "1514", 2021, 6 },
		{ "1573", 2022, 0 }, { "1573", 2023, 2 }, { "1573", 2024, 3 },
		{ "1578", 2022, 3 }, { "1578", 2023, 4 }, { "1578", 2024, 6 },
		{ "1514", 2022, 5 }, { "1514", 2023, 4 }, { "1514", 2024, 4 },
		/* Vestfold og Telemark: Fyresdal and Nissedal below min_n, Hjartdal
		 * around it */
		{ "4032", 2021, 3 }, { "4032", 2022, 4 }, { "4032", 2023, 2 },
		{ "4032", 2024, 3 }, { "4030", 2021, 5 }, { "4030", 2022, 5 },
		{ "4030", 2023, 4 }, { "4030", 2024, 3 }, { "4024", 2021, 6 },
		{ "4024", 2022, 6 }, { "4024", 2023, 5 }, { "4024", 2024, 6 },
	};
	size_t i;

	if (g->sample)
		for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
			if (strcmp(fixed[i].nr, m->nr) == 0 && fixed[i].year == year)
				return fixed[i].n;
	return (long)(m->pop * coverage(g, m->nr, year) * g->scale / 1000.0 + 0.5);
}

static unsigned char
draw_yn(struct rng *r, double p_yes, double p_empty)
{
	double x = rng_unit(r);

	return x < p_empty ? YN_EMPTY : x < p_empty + (1 - p_empty) * p_yes ? YN_YES : YN_NO;
}

/* Fills the documentation fields: all of them for a new plan; at a revision, each missing
 * one is filled in only half of the time (revisions are not always thorough). */
static void
plan_document(struct plan *p, struct rng *r, double q, int fresh)
{
	double empty = 0.02 + 0.14 * (1 - q);
	double x;

	if (fresh || (p->koord != YN_YES && rng_chance(r, 0.5)))
		p->koord = draw_yn(r, 0.3 + 0.62 * q, empty);
	if (fresh || (p->goals < 1 && rng_chance(r, 0.5)))
		p->goals = (signed char)(rng_chance(r, empty) ? -1 :
		    rng_chance(r, 0.25 + 0.68 * q) ? 1 + rng_below(r, 7) : 0);
	if (fresh || (p->bm != YN_YES && rng_chance(r, 0.5))) {
		x = rng_unit(r);
		p->bm = x < 1.5 * empty ? YN_EMPTY : x < 0.1 + 0.65 * q ? YN_YES :
		    x < 0.5 + 0.4 * q ? YN_PARTLY : YN_NO;
	}
	if (fresh || (p->samt != YN_YES && rng_chance(r, 0.5)))
		p->samt = draw_yn(r, 0.35 + 0.58 * q, empty);
	if (fresh || (p->ansv != YN_YES && rng_chance(r, 0.5)))
		p->ansv = draw_yn(r, 0.3 + 0.6 * q, empty);
}

static struct plan *
plans_add(struct plans *ps)
{
	if (ps->n == ps->cap) {
		size_t cap = ps->cap ? ps->cap * 2 : 64;
		struct plan *p = realloc(ps->p, cap * sizeof(*p));

		if (p == NULL) {
			fprintf(stderr, "gendata: out of memory\n");
			exit(1);
		}
		ps->p = p;
		ps->cap = cap;
	}
	memset(&ps->p[ps->n], 0, sizeof(ps->p[0]));
	return &ps->p[ps->n++];
}

static void
plan_new(struct gen *g, struct plans *ps, struct rng *r, long created, double q)
{
	struct plan *p = plans_add(ps);
	int y, m, d;

	date_civil(created, &y, &m, &d);
	if (y < YEAR_MIN)
		y = YEAR_MIN;
	if (y > YEAR_MAX)
		y = YEAR_MAX;
	p->id_year = y;
	p->id_seq = ++g->seq[y - YEAR_MIN];
	p->created = created;
	p->updated = -1;
	p->area = pick_area(r);
	plan_document(p, r, q, 1);
}

/* One year of a municipality's plans: some close, new ones start until the target is
 * met, and the living ones are revised or left alone. */
static void
plans_year(struct gen *g, const struct muni *m, struct plans *ps, int year, int first)
{
	struct rng r = rng_stream(g->seed, "plans", atol(m->nr), year);
	double q = quality(g, m->nr, year);
	long target = target_active(g, m, year), active = 0;
	long start = (long)ps->n;
	size_t i;

	for (i = 0; i < ps->n; i++) {
		struct plan *p = &ps->p[i];

		if (p->closed_year != 0)
			continue;
		if (active >= target || rng_chance(&r, 0.10 + 0.08 * (1 - q)))
			p->closed_year = year;
		else
			active++;
	}
	for (; active < target; active++) {
		long created = first ?
		    date_in_year(&r, year - (int)rng_below(&r, 7), 0) : date_in_year(&r, year, 0);

		plan_new(g, ps, &r, created, q);
	}
	for (i = 0; i < ps->n; i++) {
		struct plan *p = &ps->p[i];
		int is_new = (long)i >= start;
		long after = p->updated > p->created ? p->updated : p->created;
		int cy, cm, cd;

		if (p->closed_year != 0 && p->closed_year != year)
			continue;
		date_civil(after, &cy, &cm, &cd);
		if (cy > year)
			continue;
		if (rng_chance(&r, is_new ? 0.45 : 0.25 + 0.65 * q)) {
			p->updated = date_in_year(&r, year, after + 1);
			plan_document(p, &r, q, 0);
		}
	}
}

/* ---------------------------------------------------------------- writing plan files */

/* The habits of a year's export (the sample varies them as real exports vary). */
struct plan_fmt {
	int		 iso;		/* yyyy-mm-dd instead of dd.mm.yyyy */
	int		 nozero;	/* d.m.yyyy */
	int		 short_yn;	/* J/N */
	int		 caps;		/* Ja/Nei, Aktiv/Avsluttet */
	int		 nynorsk;	/* avslutta */
};

static const char *const plan_header[] = {
	"plan_id", "kommunenr", "tjenesteomrade", "opprettet", "sist_oppdatert", "status",
	"koordinator", "antall_mal", "brukermedvirkning", "samtykke", "ansvarsgruppe",
};
/* As Excel users write the same columns. */
static const char *const plan_header_excel[] = {
	"Plan ID", "Kommunenr", "Tjenesteområde", "Opprettet", "Sist oppdatert", "Status",
	"Koordinator", "Antall mål", "Brukermedvirkning", "Samtykke", "Ansvarsgruppe",
};

static void
fmt_date(char *b, size_t n, long days, const struct plan_fmt *f)
{
	int y, m, d;

	date_civil(days, &y, &m, &d);
	if (f->iso)
		snprintf(b, n, "%04d-%02d-%02d", y, m, d);
	else if (f->nozero)
		snprintf(b, n, "%d.%d.%04d", d, m, y);
	else
		snprintf(b, n, "%02d.%02d.%04d", d, m, y);
}

static const char *
fmt_yn(unsigned char v, const struct plan_fmt *f)
{
	switch (v) {
	case YN_YES: return f->short_yn ? "J" : f->caps ? "Ja" : "ja";
	case YN_NO: return f->short_yn ? "N" : f->caps ? "Nei" : "nei";
	case YN_PARTLY: return f->caps ? "Delvis" : "delvis";
	default: return "";
	}
}

static void
write_plan_row(struct out *o, const struct muni *m, const struct plan *p, int year,
    const struct plan_fmt *f, const char *bad_date)
{
	char b[32];
	const char *closed = f->nynorsk ? "avslutta" : "avsluttet";

	snprintf(b, sizeof(b), "IP-%04d-%06d", p->id_year, p->id_seq);
	out_field(o, b);
	out_field(o, m->nr);
	out_field(o, areas[p->area]);
	fmt_date(b, sizeof(b), p->created, f);
	out_field(o, b);
	if (bad_date != NULL)
		out_field(o, bad_date);
	else if (p->updated >= 0) {
		fmt_date(b, sizeof(b), p->updated, f);
		out_field(o, b);
	} else
		out_field(o, "");
	if (p->closed_year == year)
		out_field(o, f->caps ? (f->nynorsk ? "Avslutta" : "Avsluttet") : closed);
	else
		out_field(o, f->caps ? "Aktiv" : "aktiv");
	out_field(o, fmt_yn(p->koord, f));
	if (p->goals >= 0) {
		snprintf(b, sizeof(b), "%d", p->goals);
		out_field(o, b);
	} else
		out_field(o, "");
	out_field(o, fmt_yn(p->bm, f));
	out_field(o, fmt_yn(p->samt, f));
	out_field(o, fmt_yn(p->ansv, f));
	out_end(o);
}

/* The export habits of the sample: in 2022 Volda wrote dates without leading zeros;
 * 2023 came through Excel (BOM, CRLF, Excel headers, Ja/Nei); in 2024 Kristiansund and Averøy exported from another system (ISO dates, J/N)
 * and the nynorsk municipalities wrote "avslutta". */
static void
sample_fmt(const struct gen *g, const struct muni *m, int year, struct plan_fmt *f)
{
	memset(f, 0, sizeof(*f));
	if (!g->sample)
		return;
	f->caps = year == 2023;
	f->nozero = year == 2022 && strcmp(m->nr, "1577") == 0;
	if (year == 2024 && (strcmp(m->nr, "1505") == 0 || strcmp(m->nr, "1554") == 0))
		f->iso = f->short_yn = 1;
	f->nynorsk = year == 2024 && m->nynorsk;
}

static int
in_scope(const struct gen *g, const struct muni *m)
{
	size_t i;

	if (!g->sample)
		return 1;
	for (i = 0; i < sizeof(sample_fylker) / sizeof(sample_fylker[0]); i++)
		if (strcmp(m->fnr, sample_fylker[i]) == 0)
			return 1;
	return 0;
}

/* Simulates every municipality in scope over the years and writes planer-YYYY.csv. */
static int
write_plans(struct gen *g)
{
	struct plans *all = calloc(g->reg.n, sizeof(*all));
	struct out o;
	int year, rc = 0;
	size_t i, k;

	if (all == NULL)
		return -1;
	for (year = g->y0 - 1; year <= g->y1 && rc == 0; year++) {
		char name[32];
		struct style st = { ';', 0, 0 };
		int excel = g->sample && year == 2023;

		for (i = 0; i < g->reg.n; i++)
			if (in_scope(g, &g->reg.m[i]))
				plans_year(g, &g->reg.m[i], &all[i], year, year == g->y0 - 1);
		if (year < g->y0)
			continue;
		st.bom = st.crlf = excel;
		snprintf(name, sizeof(name), "planer-%d.csv", year);
		if (out_open(&o, g->out, name, st) == -1) {
			rc = -1;
			break;
		}
		for (k = 0; k < 11; k++)
			out_field(&o, excel ? plan_header_excel[k] : plan_header[k]);
		out_end(&o);
		for (i = 0; i < g->reg.n; i++) {
			const struct muni *m = &g->reg.m[i];
			struct plan_fmt f;
			size_t rows = 0;

			if (!in_scope(g, m))
				continue;
			sample_fmt(g, m, year, &f);
			for (k = 0; k < all[i].n; k++) {
				const struct plan *p = &all[i].p[k];
				const char *bad = NULL;

				if (p->closed_year != 0 && p->closed_year != year)
					continue;
				if (p->created > date_days(year, 12, 31))
					continue;
				/* One impossible date, as real exports have: a warning. */
				if (excel && strcmp(m->nr, "1508") == 0 &&
				    p->closed_year == 0 && ++rows == 17)
					bad = "31.06.2023";
				write_plan_row(&o, m, p, year, &f, bad);
			}
		}
		rc = out_close(&o);
	}
	for (i = 0; i < g->reg.n; i++)
		free(all[i].p);
	free(all);
	return rc;
}

/* --plan-rows: one planer-YYYY.csv of exactly n rows over all municipalities by
 * population, for the reading benchmark. */
static int
write_plan_rows(struct gen *g, long n)
{
	struct out o;
	struct style st = { ';', 0, 0 };
	struct plan_fmt f = { 0, 0, 0, 0, 0 };
	struct rng r = rng_stream(g->seed, "rows", n, 0);
	long total = 0, done = 0, acc = 0;
	size_t i, k;

	for (i = 0; i < g->reg.n; i++)
		total += g->reg.m[i].pop;
	if (out_open(&o, g->out, "planer-2024.csv", st) == -1)
		return -1;
	for (k = 0; k < 11; k++)
		out_field(&o, plan_header[k]);
	out_end(&o);
	for (i = 0; i < g->reg.n; i++) {
		const struct muni *m = &g->reg.m[i];
		double q = quality(g, m->nr, 2024);
		long upto;

		acc += m->pop;
		upto = i + 1 == g->reg.n ? n : (long)((double)n * acc / total);
		for (; done < upto; done++) {
			struct plans one = { NULL, 0, 0 };
			long created = date_in_year(&r, 2024 - (int)rng_below(&r, 10), 0);

			plan_new(g, &one, &r, created, q);
			if (rng_chance(&r, 0.7))
				one.p->updated = date_in_year(&r, 2024 - (int)rng_below(&r, 3),
				    created + 1);
			if (rng_chance(&r, 0.15))
				one.p->closed_year = 2024;
			write_plan_row(&o, m, one.p, 2024, &f, NULL);
			free(one.p);
		}
	}
	return out_close(&o);
}

/* ---------------------------------------------------------------- the survey */

enum { Q_OPEN, Q_CLOSED };

static const struct {
	const char	*id;
	int		 kind;
	const char	*text;
} questions[] = {
	{ "F1", Q_OPEN, "Hvilken forankring har koordinerende enhet?" },
	{ "F2", Q_OPEN, "Hvordan er koordinerende enhet organisert?" },
	{ "M1", Q_OPEN, "Hvilken myndighet har koordinerende enhet?" },
	{ "M2", Q_OPEN, "Hvilken rolle og oppgaver har koordinerende enhet?" },
	{ "M3", Q_CLOSED, "Er det en felles forståelse av rollen og oppgavene hos alle tjenesteytere og samarbeidspartnere?" },
	{ "M4", Q_CLOSED, "Er det tilstrekkelig informasjonsspredning om koordinerende enhet til samarbeidspartnere?" },
	{ "M5", Q_CLOSED, "Har koordinerende enhet legitimitet blant tjenesteytere og samarbeidspartnere?" },
	{ "O1", Q_CLOSED, "Har koordinerende enhet oversikt over tjenestetilbudet og behovet for tjenester?" },
	{ "O2", Q_OPEN, "Hvordan informerer kommunen brukere om tjenestetilbudet?" },
	{ "S1", Q_CLOSED, "Er det etablert gode nok samarbeids- og kommunikasjonsrutiner på tvers av tjenesteområdene?" },
	{ "S2", Q_CLOSED, "Er det nedskrevne prosedyrer og rutiner som regulerer samarbeidet mellom tjenesteområdene?" },
	{ "S3", Q_CLOSED, "Er det nok fleksibilitet i samarbeidet?" },
	{ "S4", Q_CLOSED, "Er det tydelig ansvarsfordeling mellom enhetene og tjenesteområdene?" },
	{ "S5", Q_CLOSED, "Er det en felles forståelse på tvers av enhetene og tjenesteområdene om hva arbeidet med rus og sammensatte problem innebærer?" },
	{ "I1", Q_CLOSED, "Er det utarbeidet rutiner for arbeidet med individuell plan i kommunen?" },
	{ "I2", Q_CLOSED, "Bruker tjenestene i kommunen felles mal eller elektronisk verktøy i arbeidet med individuell plan?" },
	{ "I3", Q_OPEN, "Hvordan praktiseres opplæring i bruk av individuell plan?" },
	{ "I4", Q_OPEN, "Hva er de vanligste utfordringene i samarbeidet om individuell plan for mennesker med rusproblem og sammensatte behov?" },
	{ "I5", Q_OPEN, "Hvordan praktiseres brukermedvirkning i arbeidet med individuell plan?" },
	{ "K1", Q_CLOSED, "Får brukere med rusproblem og behov for sammensatte tjenester tilbud om en koordinator?" },
	{ "K2", Q_OPEN, "Hvordan rekrutteres koordinatorer?" },
	{ "K3", Q_OPEN, "Hvordan praktiseres opplæring av tjenesteytere med koordinatorrolle?" },
	{ "IK1", Q_CLOSED, "Fører kommunen internkontroll med at lover og forskrifter som regulerer arbeidet med individuell plan og koordinerende enhet etterleves i egen organisasjon?" },
};
#define NQ	(sizeof(questions) / sizeof(questions[0]))

/* Aukra, Sykkylven and Stranda as the KoRus report (2013) describes them, in the
 * reporting year; the question order is that of `questions`. Sykkylven and Stranda
 * answer in nynorsk. */
static const struct {
	const char	*nr;
	const char	*a[NQ];
} korus[] = {
	{ "1547", {
	"Ikke politisk vedtak. Det står i stillingsinstruksen til kommunefysioterapeuten at vedkommende skal være koordinerende enhet, og «Omsorgsplan 2020 for Aukra kommune» sier at kommunen skal bli god på intern samhandling på tvers av enheter.",
	"Kommunefysioterapeuten er koordinerende enhet, uten egne ressurser.",
	"Lite myndighet. Mangler forankring i ledelsen.",
	"Motta meldinger om behov for individuell plan, sørge for rutiner for arbeidet med IP og for oppnevning, opplæring og veiledning av koordinatorer.",
	"Delvis",
	"Nei, ikke tilstrekkelig",
	"Delvis. Koordinerende enhet er ny, og legitimitet må opparbeides over tid.",
	"Delvis, men vi trenger bedre og oppdatert oversikt.",
	"Via kommunens nettsted, og den enkelte fagutøver formidler tilbudet i møte med bruker.",
	"Nei",
	"Nei, det mangler nedskrevne rutiner og prosedyrer.",
	"Delvis",
	"Nei, ansvarsfordelingen er utydelig.",
	"Delvis",
	"Ja, men rutinene praktiseres forskjellig i tjenestene.",
	"Ja, Sampro.",
	"Lite systematisk. Det er behov for bedre opplæring i bruk av Sampro.",
	"Forståelsen for brukerens situasjon og holdninger til brukeren, f.eks. etiske spørsmål og diskusjon om verdige og uverdige brukere.\nDet trengs felles samtykkeskjema og avklaring av taushetsplikt.",
	"Brukeren deltar i ansvarsgruppemøtene når han eller hun ønsker det.",
	"Ja, men koordinatorer kan være vanskelig å rekruttere.",
	"Det foregår ingen bevisst rekruttering. Ansvaret blir oftest lagt til den som har mest kontakt med bruker.",
	"Ingen fast opplæring.",
	"Vet ikke",
	} },
	{ "1528", {
	"Politisk vedtak på koordinerande eining. Arbeidet er forankra i omsorgsplanen og rehabiliteringsplanen.",
	"Koordinerande eining ligg i tildelingskontoret, med ein tverrfagleg gruppe.",
	"Koordinerande eining har mynde til å oppnemne koordinator.",
	"Ta imot meldingar om behov for individuell plan, utarbeide rutinar og sørgje for oppnemning, opplæring og rettleiing av koordinatorar.",
	"Delvis",
	"Nei, informasjonen er ikkje god nok",
	"Delvis, legitimiteten må byggjast opp over tid.",
	"Delvis, vi treng betre og oppdatert oversikt over tenestetilbodet.",
	"Gjennom heimesida til kommunen og den einskilde fagutøvaren i møte med brukaren.",
	"Nei",
	"Delvis, rutinane er mangelfulle og må oppdaterast etter ny lov.",
	"Delvis",
	"Nei, ansvarsfordelinga er utydeleg.",
	"Delvis",
	"Ja, men dei blir praktiserte ulikt i tenestene.",
	"Ja, vi brukar Sampro.",
	"Opplæring ved behov. Det trengst betre opplæring i Sampro.",
	"Forståinga for situasjonen til brukaren og haldningar til brukaren.\nVi manglar felles samtykkeskjema.",
	"Brukaren skal vere med å utarbeide planen, men det varierer i praksis.",
	"Ja, men det er vanskeleg å rekruttere koordinatorar.",
	"Inga medviten rekruttering. Ansvaret blir oftast lagt til den som har mest kontakt med brukaren.",
	"Lite opplæring, det skjer mest ved behov.",
	"Må utarbeides og informeres om",
	} },
	{ "1525", {
	"Koordinerande eining er lagd til eining for rehabilitering og habilitering.",
	"Koordinerande eining med leiar, i eining for rehabilitering og habilitering.",
	"Koordinerande eining oppnemner koordinator og har ansvar for rutinane for IP.",
	"Overordna ansvar for arbeidet med individuell plan og for oppnemning, opplæring og rettleiing av koordinatorar.",
	"Delvis",
	"Nei",
	"Delvis. Eininga er ny, og legitimitet må opparbeidast over tid.",
	"Delvis, vi treng ei betre og oppdatert oversikt.",
	"På heimesida til kommunen, og gjennom fagfolka i møte med brukaren.",
	"Nei, ikkje gode nok",
	"Delvis, rutinane må oppdaterast",
	"Delvis",
	"Nei",
	"Delvis",
	"Ja, det er utarbeidd rutinar for arbeidet med IP.",
	"Ja, Sampro skal brukast ved oppretting av IP.",
	"Regelmessig opplæring i Sampro er under planlegging.",
	"Haldningar til brukaren og etiske spørsmål, t.d. diskusjon om verdige og uverdige brukarar.\nAvklaring av teieplikt mellom tenestene.",
	"Brukaren og pårørande er med i ansvarsgruppa.",
	"Ja, men koordinatorar kan vere vanskelege å rekruttere.",
	"Ingen medviten rekruttering; ansvaret blir lagt til den som har mest kontakt med brukaren.",
	"Koordinatorrolla er under skildring; opplæring to gongar i året er planlagd.",
	"Vi er i startfasen",
	} },
};

/* Answers by level for the closed questions: 2 established, 1 in progress, 0 not. All
 * begin with a word the shipped classification patterns know. */
static const char *const yn_nb[3][6] = {
	{ "Nei", "Nei, ikke godt nok", "Vet ikke", "Ikke avklart", "Må utarbeides og informeres om", "Nei" },
	{ "Delvis", "Delvis, men ikke godt nok", "Under arbeid", "Påbegynt", "Vi er i startfasen", "Under planlegging" },
	{ "Ja", "Ja, det er på plass", "Ja, i stor grad", "Ja, beskrevet i kvalitetssystemet", "Ja", "JA" },
};
static const char *const yn_nn[3][6] = {
	{ "Nei", "Nei, ikkje godt nok", "Nei, ikkje enno", "Vet ikke", "Må utarbeides og informeres om", "Nei" },
	{ "Delvis", "Delvis, men ikkje godt nok", "Under arbeid", "Påbegynt", "Vi er i startfasen", "Delvis" },
	{ "Ja", "Ja, det er på plass", "Ja, i stor grad", "Ja, skildra i kvalitetssystemet", "Ja", "ja" },
};

/* Open answers, bokmål then nynorsk, four or so per question id. */
static const struct {
	const char	*id;
	const char	*nb[4];
	const char	*nn[3];
} open_answers[] = {
	{ "F1", { "Politisk vedtak i kommunestyret, forankret i helse- og omsorgsplanen.",
		  "Administrativt vedtak. Nevnt i kommuneplanens samfunnsdel.",
		  "Ikke formelt forankret.",
		  "Vedtak i kommunestyret 2019; forankret i rehabiliteringsplanen og rusmiddelpolitisk plan." },
		{ "Politisk vedtak, forankra i omsorgsplanen.",
		  "Administrativt vedtak hos kommunedirektøren.",
		  "Ikkje formelt forankra." } },
	{ "F2", { "Lagt til tildelingskontoret.", "En tverrfaglig gruppe med representanter fra helse, omsorg og NAV.",
		  "Del av enhet for helse og rehabilitering, 20 % stilling.",
		  "Koordinerende enhet er fysioterapeuten og ergoterapeuten, sammen med psykisk helse og rus." },
		{ "Lagd til tildelingskontoret.", "Tverrfagleg gruppe med helse, omsorg og NAV.",
		  "Del av eining for helse og rehabilitering." } },
	{ "M1", { "Kan oppnevne koordinator og fatte vedtak om individuell plan.",
		  "Rådgivende; vedtak fattes i enhetene.", "Uklart.",
		  "Myndighet delegert fra kommunedirektøren, men lite brukt." },
		{ "Kan oppnemne koordinator.", "Rådgjevande; vedtak blir gjorde i einingane.", "Uklart." } },
	{ "M2", { "Motta meldinger om behov for IP, oppnevne og lære opp koordinatorer, ha oversikt over tjenestene.",
		  "Overordnet ansvar for IP og koordinator, jf. helse- og omsorgstjenesteloven § 7-3.",
		  "Ta imot henvendelser, sende videre til rett tjeneste.",
		  "Veiledning av koordinatorer; oppfølging av rutiner; kontakt med spesialisthelsetjenesten." },
		{ "Ta imot meldingar om behov for IP, oppnemne og lære opp koordinatorar.",
		  "Overordna ansvar for IP og koordinator.",
		  "Rettleiing av koordinatorar og oppfølging av rutinar." } },
	{ "O2", { "Kommunens nettsider og brosjyrer på servicetorget.",
		  "Via nettsiden, og den enkelte fagutøver i møte med bruker.",
		  "Informasjon ved tildeling av tjenester, og på nettsiden.",
		  "Tjenestekatalog på nett, Facebook, infomøter for pårørende." },
		{ "Heimesida til kommunen og brosjyrar.", "Gjennom fagfolka i møte med brukaren.",
		  "Tenestekatalog på nett." } },
	{ "I3", { "Kurs for nyansatte to ganger i året.",
		  "Ved behov; ingen fast plan.",
		  "E-læring i Sampro og veiledning fra koordinerende enhet.",
		  "Opplæring på personalmøter, men mange har ikke fått det." },
		{ "Kurs for nytilsette to gongar i året.", "Ved behov; ingen fast plan.",
		  "E-læring og rettleiing frå koordinerande eining." } },
	{ "I4", { "Å få alle tjenester til møtene, og at planen blir fulgt opp.",
		  "Brukeren ønsker ikke plan, eller trekker samtykket.\nLite tid til oppfølging.",
		  "Taushetsplikt mellom tjenestene, og ulik forståelse av brukerens situasjon.",
		  "Rusproblemer gjør at avtaler ikke holdes; koordinator slutter; mangel på samarbeid med fastlegen." },
		{ "Å få alle tenestene med på møta.", "Brukaren ønskjer ikkje plan.\nLite tid.",
		  "Teieplikt og ulik forståing av situasjonen til brukaren." } },
	{ "I5", { "Brukeren deltar i ansvarsgruppen og skriver egne mål.",
		  "Varierer mellom tjenestene.",
		  "Planen utarbeides sammen med bruker, pårørende tas med når bruker ønsker det.",
		  "" },
		{ "Brukaren er med i ansvarsgruppa og skriv eigne mål.", "Varierer mellom tenestene.", "" } },
	{ "K2", { "Den som har mest kontakt med brukeren blir spurt.",
		  "Lederne peker ut koordinator i sin enhet.",
		  "Vanskelig å rekruttere; ingen bevisst rekruttering.",
		  "Koordinatorrollen er lagt inn i stillingsbeskrivelser i psykisk helse og rus." },
		{ "Den som har mest kontakt med brukaren blir spurd.", "Leiarane peikar ut koordinator.",
		  "Vanskeleg å rekruttere." } },
	{ "K3", { "Koordinatorkurs hos KoRus, og nettverksmøter.",
		  "Ingen fast opplæring.",
		  "Veiledning fra koordinerende enhet ved oppstart.",
		  "" },
		{ "Koordinatorkurs og nettverksmøte.", "Inga fast opplæring.", "" } },
};

/* A municipality's survey answer to question q in a year: its own as in the KoRus report,
 * else drawn from the pools by how well it works. */
static const char *
survey_answer(const struct gen *g, const struct muni *m, int year, size_t q, struct rng *r)
{
	size_t i, k;
	double lvl = quality(g, m->nr, year), x;
	int level;

	for (i = 0; i < sizeof(korus) / sizeof(korus[0]); i++)
		if (strcmp(korus[i].nr, m->nr) == 0) {
			if (year == g->y1 || strcmp(questions[q].id, "IK1") != 0)
				return korus[i].a[q];
			return "Vet ikke";	/* the year before: not yet known */
		}
	if (questions[q].kind == Q_OPEN) {
		for (k = 0; k < sizeof(open_answers) / sizeof(open_answers[0]); k++)
			if (strcmp(open_answers[k].id, questions[q].id) == 0)
				return m->nynorsk ? PICK(r, open_answers[k].nn) :
				    PICK(r, open_answers[k].nb);
		return "";
	}
	if (rng_chance(r, 0.03))
		return "";
	if (strcmp(questions[q].id, "IK1") == 0)
		lvl *= 0.7;	/* internal control is rarely in place */
	x = rng_unit(r);
	level = x < 0.85 * lvl ? 2 : x < 0.85 * lvl + 0.3 ? 1 : 0;
	return m->nynorsk ? yn_nn[level][rng_below(r, 6)] : yn_nb[level][rng_below(r, 6)];
}

/* Whether a municipality answered the survey in a year: most do; the three KoRus
 * municipalities always, Herøy not in the year the file names municipalities by name
 * (two municipalities are called Herøy). */
static int
survey_answers(const struct gen *g, const struct muni *m, int year)
{
	struct rng r = rng_stream(g->seed, "responds", atol(m->nr), year);
	size_t i;

	for (i = 0; i < sizeof(korus) / sizeof(korus[0]); i++)
		if (strcmp(korus[i].nr, m->nr) == 0)
			return 1;
	if (year != g->y1 && strcmp(m->nr, "1515") == 0)
		return 0;
	return rng_chance(&r, year == g->y1 ? 0.88 : 0.78);
}

/* kartlegging-YYYY.csv for the last two years: the earlier one as a survey tool writes it
 * (timestamp, "X kommune", full question text, `;`), the later one with ids and `,`. */
static int
write_survey(const struct gen *g, int year)
{
	int text = year != g->y1;		/* full question text as headers */
	int by_name = text && g->sample;
	struct style st = { year == g->y1 ? ',' : ';', 0, 0 };
	struct out o;
	char name[32], b[160];
	size_t i, q;

	snprintf(name, sizeof(name), "kartlegging-%d.csv", year);
	if (out_open(&o, g->out, name, st) == -1)
		return -1;
	if (by_name) {
		out_field(&o, "Tidsstempel");
		out_field(&o, "Kommune");
	} else
		out_field(&o, "Kommunenr");
	for (q = 0; q < NQ; q++)
		out_field(&o, text ? questions[q].text : questions[q].id);
	out_end(&o);
	for (i = 0; i < g->reg.n; i++) {
		const struct muni *m = &g->reg.m[i];
		struct rng r = rng_stream(g->seed, "survey", atol(m->nr), year);

		if (!in_scope(g, m) || !survey_answers(g, m, year))
			continue;
		if (by_name) {
			long t = date_days(year, 3, 1) + rng_below(&r, 40);
			int y, mo, d;

			date_civil(t, &y, &mo, &d);
			snprintf(b, sizeof(b), "%02d.%02d.%04d %02ld:%02ld:%02ld", d, mo, y,
			    8 + rng_below(&r, 8), rng_below(&r, 60), rng_below(&r, 60));
			out_field(&o, b);
			snprintf(b, sizeof(b), "%s kommune", m->name);
			out_field(&o, b);
		} else
			out_field(&o, m->nr);
		for (q = 0; q < NQ; q++)
			out_field(&o, survey_answer(g, m, year, q, &r));
		out_end(&o);
	}
	return out_close(&o);
}

/* ---------------------------------------------------------------- the action plan */

struct measure {
	const char	*tiltak, *mal, *aktivitet, *tid, *ansvar, *status;
};

/* Stranda's action plan from Vedlegg 4 of the KoRus report, re-dated from 2012 to 2024;
 * the person named as responsible for measure 2 is replaced by her unit. */
static const struct measure stranda[] = {
	{ "Kartlegging av tenestetilbodet i kommunen.", "Få ei oversikt over tenestetilbodet i kommunen.",
	  "Einingsleiarane må melde tilbake til prosjektgruppa kva tilbod dei har og søknadsrutiner.",
	  "Innan 15.11.2024", "E-post frå Koord. Eining til aktuelle einingsleiar.", "Ja" },
	{ "Utarbeide felles samtykkeskjema og søknadsskjema for kommunen.",
	  "Lik rutine og felles forståelse. Ivareta teieplikta.", "Lage søknadsskjema og samtykkeskjema.",
	  "Innan 30.11.2024", "Koord. Eining", "Ja" },
	{ "Utarbeidelse av rutiner i IP arbeidet.", "Lik rutine og forståelse i IP gruppene. Kvalitetssikring",
	  "Lage rutiner", "Innan 30.11.2024", "Prosjekt gruppa.", "Ja" },
	{ "Opplæring Sampro (Dataverty IP), Koordinator rolla og medlem.",
	  "Kompetanse i bruk av Sampro og di rolle i IP gruppa.",
	  "Regelmessig opplæring minimum 1.gang pr. ½ år.", "Kontinuerleg to gongar i året.",
	  "Koord. Eining System - ansvarleg.", "Under planlegging" },
	{ "Rolleavklaring i IP arbeidet. Klargjering av koordinator rolla, medlem, brukar og pårørande.",
	  "Best mogleg samhandling i IP gruppa og forståelse av si rolle.",
	  "Utforme eit informasjonsskriv om dei ulike rollene i IP gruppa.", "Innan 30.11.2024",
	  "Prosjekt Gruppa.", "Ja" },
	{ "Tverrfaglegmøte på leiar nivå", "Erfarings utveksling og sikre koordinering.", "Eit møte pr.år.",
	  "Innan 1 mai kvart år.", "Leiar i Koord. Eining", "Under planlegging" },
};

/* Aukra's measures as section 4.1 of the report describes them. */
static const struct measure aukra[] = {
	{ "Mandat for en overordnet gruppe for rus- og psykiatriarbeidet",
	  "Sette rusarbeidet i system, med tydelig legitimitet i kommunen",
	  "Utarbeide mandat og forankre gruppen i rusmiddelpolitisk plan", "Innen 1. mars 2024",
	  "Kommunalsjef helse og omsorg", "Gjennomført" },
	{ "Opplæring i bruk av Sampro", "Flere enheter bruker Sampro i arbeidet med individuell plan",
	  "Kurs for ansatte i alle enheter", "Høst 2024", "Koordinerende enhet", "Delvis" },
	{ "Nettverksmøter for koordinatorer", "Erfaringsutveksling og støtte til koordinatorene",
	  "Faste møter hver sjette uke", "Løpende", "Koordinerende enhet", "Ja" },
	{ "Felles søknadsskjema for individuell plan", "Lik og enkel søknadsrutine for brukerne",
	  "Lage skjema og legge det ut på kommunens nettside", "31.10.2024", "Arbeidsgruppa",
	  "Under arbeid" },
	{ "Forankre koordinerende enhet i ledelsen", "Koordinerende enhet får ressurser og handlingsrom",
	  "Sak til kommunestyret om politisk vedtak", "Innen 1. mars 2025", "Kommunedirektøren",
	  "Ikke startet" },
};

/* Sykkylven's measures as section 4.2 of the report describes them (nynorsk). */
static const struct measure sykkylven[] = {
	{ "Oversikt over tenestetilbodet i kommunen", "Kunne skreddarsy rett tilbod til brukaren",
	  "Kartleggje tilbod og søknadsrutinar i alle einingar", "Innan 1. april 2024",
	  "Koordinerande eining", "Gjennomført" },
	{ "Felles samtykkeskjema", "Ivareta teieplikta og gjere samarbeidet enklare",
	  "Utarbeide skjema og gjere det kjent i tenestene", "Innan 1. juni 2024", "Arbeidsgruppa", "Ja" },
	{ "Kvalitetssikre felles søknadsskjema for omsorgstenester", "Lik søknadsrutine for alle tenester",
	  "Gå gjennom skjemaet saman med tildelingskontoret", "31.08.2024", "Tildelingskontoret", "Delvis" },
	{ "Opplæring i bruk av Sampro", "Alle tenester brukar Sampro", "Kurs for tilsette",
	  "Haust 2024", "Koordinerande eining", "Under arbeid" },
	{ "Klargjere rolla og oppgåvene til koordinatoren", "Koordinatorane veit kva som er venta av dei",
	  "Skrive ei rolleskildring", "Innan 30.09.2024", "Arbeidsgruppa", "Ja" },
	{ "Rutinar for deltaking i ansvarsgruppe og oppretting av IP", "Lik praksis i alle einingar",
	  "Utarbeide rutinar og leggje dei i kvalitetssystemet", "Innan 1. november 2024",
	  "Koordinerande eining", "Under planlegging" },
	{ "Gode møteplassar for tverrfagleg samarbeid", "Forankre arbeidet breitt i organisasjonen",
	  "Faste tverrfaglege møte for einingsleiarane", "Kvart halvår", "Kommunalsjef helse og omsorg",
	  "" },
};

/* Measures other municipalities choose from (bokmål, then nynorsk). */
static const struct measure pool_nb[] = {
	{ "Rutine for melding om behov for individuell plan", "Alle meldinger kommer til koordinerende enhet",
	  "Skrive rutine og legge den i kvalitetssystemet", "Innen 1. mars 2025", "Koordinerende enhet", NULL },
	{ "Felles samtykkeskjema", "Avklare taushetsplikt mellom tjenestene", "Lage og ta i bruk skjema",
	  "31.10.2024", "Enhetsleder helse", NULL },
	{ "Opplæring i Sampro for nye koordinatorer", "Alle koordinatorer kan bruke verktøyet",
	  "To kurs i året", "Høst 2024", "Systemansvarlig", NULL },
	{ "Oversikt over tjenestetilbudet", "Brukere og ansatte finner tilbudet på nettsiden",
	  "Samle informasjon fra alle enheter", "Innen 15.06.2024", "Koordinerende enhet", NULL },
	{ "Internkontroll med arbeidet med individuell plan", "Avvik blir fanget opp og rettet",
	  "Årlig gjennomgang av et utvalg planer", "Innen utgangen av 2024", "Kvalitetsrådgiver", NULL },
	{ "Nettverk for koordinatorer", "Støtte og erfaringsutveksling", "Møte hver tredje måned",
	  "Løpende", "Koordinerende enhet", NULL },
	{ "Politisk sak om koordinerende enhet", "Forankring i ledelsen", "Skrive sak til kommunestyret",
	  "Våren 2024", "Kommunedirektøren", NULL },
	{ "Brukermedvirkning i planarbeidet", "Brukeren skriver egne mål i planen",
	  "Ta inn brukerens mål som fast punkt i malen", "1. kvartal 2025", "Psykisk helse og rus", NULL },
};
static const struct measure pool_nn[] = {
	{ "Rutine for melding om behov for individuell plan", "Alle meldingar kjem til koordinerande eining",
	  "Skrive rutine og leggje ho i kvalitetssystemet", "Innan 1. mars 2025", "Koordinerande eining", NULL },
	{ "Felles samtykkeskjema", "Avklare teieplikt mellom tenestene", "Lage og ta i bruk skjema",
	  "31.10.2024", "Einingsleiar helse", NULL },
	{ "Opplæring i Sampro for nye koordinatorar", "Alle koordinatorar kan bruke verktøyet",
	  "To kurs i året", "Haust 2024", "Systemansvarleg", NULL },
	{ "Oversikt over tenestetilbodet", "Brukarar og tilsette finn tilbodet på nettsida",
	  "Samle informasjon frå alle einingar", "Innan 15.06.2024", "Koordinerande eining", NULL },
	{ "Nettverk for koordinatorar", "Støtte og erfaringsutveksling", "Møte kvar tredje månad",
	  "Løpande", "Koordinerande eining", NULL },
};

static const char *const statuses[] = {
	"Ja", "Gjennomført", "Delvis", "Under arbeid", "Nei", "Ikke startet", "Gjennomført",
	"Ja", "Under arbeid", "",
};

static void
write_measure(struct out *o, const char *nr, const struct measure *me, const char *status)
{
	out_field(o, nr);
	out_field(o, me->tiltak);
	out_field(o, me->mal);
	out_field(o, me->aktivitet);
	out_field(o, me->tid);
	out_field(o, me->ansvar);
	out_field(o, status != NULL ? status : me->status);
	out_end(o);
}

/* handlingsplan.csv: the three KoRus municipalities, then measures drawn for about one in
 * two of the other municipalities in scope. */
static int
write_action_plan(const struct gen *g)
{
	struct out o;
	struct style st = { ';', 0, 0 };
	size_t i, k;

	if (out_open(&o, g->out, "handlingsplan.csv", st) == -1)
		return -1;
	fputs("kommunenr;tiltak;mal;aktivitet;tid;ansvar;status\n", o.f);
	for (i = 0; i < g->reg.n; i++) {
		const struct muni *m = &g->reg.m[i];
		struct rng r = rng_stream(g->seed, "measures", atol(m->nr), 0);
		const struct measure *pool = m->nynorsk ? pool_nn : pool_nb;
		size_t npool = m->nynorsk ? sizeof(pool_nn) / sizeof(pool_nn[0]) :
		    sizeof(pool_nb) / sizeof(pool_nb[0]);
		size_t n, first;

		if (!in_scope(g, m))
			continue;
		if (strcmp(m->nr, "1525") == 0) {
			for (k = 0; k < sizeof(stranda) / sizeof(stranda[0]); k++)
				write_measure(&o, m->nr, &stranda[k], NULL);
			continue;
		}
		if (strcmp(m->nr, "1547") == 0) {
			for (k = 0; k < sizeof(aukra) / sizeof(aukra[0]); k++)
				write_measure(&o, m->nr, &aukra[k], NULL);
			continue;
		}
		if (strcmp(m->nr, "1528") == 0) {
			for (k = 0; k < sizeof(sykkylven) / sizeof(sykkylven[0]); k++)
				write_measure(&o, m->nr, &sykkylven[k], NULL);
			continue;
		}
		if (!rng_chance(&r, 0.45))
			continue;
		n = 2 + (size_t)rng_below(&r, 4);
		first = (size_t)rng_below(&r, (long)npool);
		for (k = 0; k < n && k < npool; k++)
			write_measure(&o, m->nr, &pool[(first + k) % npool], PICK(&r, statuses));
	}
	return out_close(&o);
}

/* ---------------------------------------------------------------- main */

static int
usage(void)
{
	fputs("usage: gendata [--register FILE] [--changes FILE] [--out DIR] [--seed N]\n"
	    "               [--norway [--years YYYY-YYYY] [--active N]] [--plan-rows N]\n"
	    "Writes synthetic ipkval data: by default the sample (Møre og Romsdal, Vestfold\n"
	    "and Telemark, 2022-2024);\n"
	    "--norway all municipalities with about N active plans a year (default 170000);\n"
	    "--plan-rows one planer-2024.csv of N rows for the reading benchmark.\n", stderr);
	return 2;
}

static int
parse_long(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* Sets g->scale so that the first year has about `active` active plans. */
static void
scale_to(struct gen *g, long active)
{
	double sum = 0;
	size_t i;

	for (i = 0; i < g->reg.n; i++)
		sum += g->reg.m[i].pop * coverage(g, g->reg.m[i].nr, g->y0) / 1000.0;
	g->scale = sum > 0 ? active / sum : 1;
}

int
main(int argc, char **argv)
{
	const char *regpath = "reference/kommuner-2024.csv";
	const char *changes = "reference/kommuneendringer.csv";
	struct gen *g = calloc(1, sizeof(*g));
	long rows = -1, active = 170000, v;
	int norway = 0, rc = 0, i, year;

	if (g == NULL)
		return 1;
	g->seed = DEFAULT_SEED;
	g->out = "sample-data";
	g->y0 = 2022;
	g->y1 = 2024;
	g->scale = 1;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(a, "--norway") == 0) {
			norway = 1;
			continue;
		}
		if (val == NULL)
			return free(g), usage();
		i++;
		if (strcmp(a, "--register") == 0)
			regpath = val;
		else if (strcmp(a, "--changes") == 0)
			changes = val;
		else if (strcmp(a, "--out") == 0)
			g->out = val;
		else if (strcmp(a, "--seed") == 0 && parse_long(val, 0, 0x7fffffffL, &v) == 0)
			g->seed = (uint64_t)v;
		else if (strcmp(a, "--plan-rows") == 0 && parse_long(val, 1, 1000000000L, &v) == 0)
			rows = v;
		else if (strcmp(a, "--active") == 0 && parse_long(val, 1, 100000000L, &v) == 0)
			active = v;
		else if (strcmp(a, "--years") == 0 &&
		    sscanf(val, "%4d-%4d", &g->y0, &g->y1) == 2 && g->y0 > YEAR_MIN + 10 &&
		    g->y1 < YEAR_MAX && g->y0 <= g->y1)
			;
		else
			return free(g), usage();
	}
	g->sample = !norway && rows < 0;
	if (mkdir(g->out, 0777) == -1 && errno != EEXIST) {
		fprintf(stderr, "gendata: %s: %s\n", g->out, strerror(errno));
		return free(g), 1;
	}
	if (reg_read(regpath, g->seed, &g->reg) == -1)
		return free(g), 1;
	if (write_register(&g->reg, g->out) == -1 ||
	    copy_file(changes, g->out, "kommuneendringer.csv") == -1)
		rc = 1;
	else if (rows > 0)
		rc = write_plan_rows(g, rows) == -1;
	else {
		if (norway)
			scale_to(g, active);
		rc = write_plans(g) == -1;
		for (year = g->y1 - 1; year <= g->y1 && rc == 0; year++)
			if (year >= g->y0)
				rc = write_survey(g, year) == -1;
		if (rc == 0)
			rc = write_action_plan(g) == -1;
		if (rc == 0 && g->sample)
			rc = copy_comments(regpath, g->out) == -1;
	}
	free(g->reg.m);
	free(g);
	return rc;
}
