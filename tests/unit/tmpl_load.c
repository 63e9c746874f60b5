/*
 * Unit tests of the templates: the shipped templates/ load in both languages without a
 * message, and lookup, expansion, lists and the issuer behave as tmpl.h says.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "tmpl.h"

/* A diag that writes into memory, so tests can read what was said. */
struct cap {
	struct diag	 d;
	FILE		*mem;
	char		*text;
	size_t		 len;
};

static void
cap_open(struct cap *c)
{
	c->text = NULL;
	c->len = 0;
	c->mem = open_memstream(&c->text, &c->len);
	assert_non_null(c->mem);
	diag_init(&c->d, c->mem);
}

/* Closes the capture; the caller frees c->text. */
static void
cap_close(struct cap *c)
{
	diag_free(&c->d);
	fclose(c->mem);
}

static unsigned long
cap_count(const struct cap *c)
{
	unsigned long n = 0;
	int i;

	for (i = 0; i < DIAG__MAX; i++)
		n += c->d.count[i];
	return n;
}

static struct tmpl *
load(const char *lang, struct cap *c)
{
	struct tmpl *t;

	cap_open(c);
	assert_int_equal(tmpl_load(&t, "templates", lang, &c->d), 0);
	assert_non_null(t);
	return t;
}

static void
test_shipped_load_clean(void **state)
{
	struct cap c;

	(void)state;
	cap_open(&c);
	assert_int_equal(tmpl_check("templates", &c.d), 0);
	assert_int_equal(cap_count(&c), 0);
	cap_close(&c);
	assert_string_equal(c.text, "");
	free(c.text);
}

static void
test_expand_nb_nn(void **state)
{
	struct cap c;
	struct buf b;
	struct tmpl *nb = load("nb", &c), *nn;
	const struct tmpl_var v[] = {
		{ "kommune", "Stranda" }, { "verdi", "66,7 %" }, { "teller", "4" },
		{ "nevner", "6" }, { "unused", "x" },
	};

	(void)state;
	buf_init(&b);
	assert_int_equal(tmpl_expand(nb, "kommune.ind.plan_oppdatert.tekst", v, 5, &b, &c.d), 0);
	assert_string_equal(b.data, "I Stranda er 66,7 % av de aktive planene oppdatert de "
	    "siste 12 månedene (4 av 6 planer).");
	assert_int_equal(cap_count(&c), 0);
	cap_close(&c);
	free(c.text);
	nn = load("nn", &c);
	buf_reset(&b);
	assert_int_equal(tmpl_expandl(nn, &b, &c.d, "felles.side", "side", "2", "sider", "9",
	    NULL), 0);
	assert_string_equal(b.data, "Side 2 av 9");
	assert_string_equal(tmpl_str(nn, "felles.niva.lav"), "Låg");
	assert_string_equal(tmpl_str(nb, "felles.niva.lav"), "Lav");
	assert_string_equal(tmpl_str(nn, "felles.land"), "Heile landet");
	assert_string_equal(tmpl_lang(nn), "nn");
	cap_close(&c);
	free(c.text);
	buf_free(&b);
	tmpl_free(nb);
	tmpl_free(nn);
}

static void
test_missing_var_and_key(void **state)
{
	struct cap c;
	struct buf b;
	struct tmpl *t = load("nb", &c);

	(void)state;
	buf_init(&b);
	buf_puts(&b, "før ");
	assert_int_equal(tmpl_expandl(t, &b, &c.d, "kommune.ind.plan_oppdatert.tekst",
	    "kommune", "Aukra", NULL), -1);
	assert_string_equal(b.data, "før ");
	assert_int_equal(tmpl_expandl(t, &b, &c.d, "kommune.finnes_ikke", NULL), -1);
	assert_string_equal(b.data, "før ");
	assert_null(tmpl_get(t, "kommune.finnes_ikke"));
	assert_string_equal(tmpl_str(t, "kommune.finnes_ikke"), "");
	cap_close(&c);
	/* The first message names the template's file, line and column. */
	assert_non_null(strstr(c.text, "templates/nb/kommune.txt:"));
	assert_non_null(strstr(c.text, ": error: the placeholder {verdi} of "
	    "'kommune.ind.plan_oppdatert.tekst' got no value"));
	assert_non_null(strstr(c.text, "templates/nb: error: no template text for the key "
	    "'kommune.finnes_ikke'"));
	free(c.text);
	buf_free(&b);
	tmpl_free(t);
}

static void
test_lists_and_issuer(void **state)
{
	struct cap c;
	struct tmpl *t = load("nn", &c);
	const char *const *items;
	size_t n;

	(void)state;
	n = tmpl_list(t, "kommune.rekkefolge", &items);
	assert_int_equal(n, 12);
	assert_string_equal(items[0], "forside");
	assert_string_equal(items[1], "innhold");
	assert_string_equal(items[2], "bakgrunn");
	assert_string_equal(items[6], "tjenesteomrader");
	assert_string_equal(items[7], "samsvar");
	assert_string_equal(items[9], "utviklingsomrader");
	assert_string_equal(items[10], "kommentarer");
	assert_string_equal(items[11], "vedlegg");
	assert_int_equal(tmpl_list(t, "fylke.rekkefolge", &items), 10);
	assert_int_equal(tmpl_list(t, "felles.land", &items), 0);
	assert_null(items);
	assert_string_equal(tmpl_issuer(t, NULL), "Koordinerande eining");
	assert_string_equal(tmpl_issuer(t, ""), "Koordinerande eining");
	assert_string_equal(tmpl_issuer(t, "Statsforvaltaren i Møre og Romsdal"),
	    "Statsforvaltaren i Møre og Romsdal");
	/* Continuation lines are joined with one space. */
	assert_non_null(strstr(tmpl_get(t, "kommune.sammendrag.intro"), "med "
	    "tala bak"));
	cap_close(&c);
	free(c.text);
	tmpl_free(t);
}

/* Every required key exists in both languages with texts that are not empty. */
static void
test_both_languages_complete(void **state)
{
	struct cap c;
	struct tmpl *nb = load("nb", &c), *nn;
	static const char *const keys[] = {
		"felles.utgiver", "felles.side", "felles.fotnote.skjult", "felles.svar.etablert",
		"felles.status.ikke_startet", "felles.tiltak.forfalt", "felles.tiltak.gjentakende",
		"felles.sammenligning.usikker", "kommune.trend.forste_aar",
		"felles.svar.vet_ikke", "felles.status.under_planlegging",
		"fylke.barometer.overskrift", "handlingsplan.forfalte.intro",
	};
	size_t i;

	(void)state;
	cap_close(&c);
	free(c.text);
	nn = load("nn", &c);
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		assert_true(tmpl_str(nb, keys[i])[0] != '\0');
		assert_true(tmpl_str(nn, keys[i])[0] != '\0');
	}
	assert_string_equal(tmpl_str(nn, "felles.status.ikke_startet"), "Ikkje starta");
	/* The wording fixes of issue 10. */
	assert_string_equal(tmpl_str(nn, "felles.tiltak.forfalne"), "Forfalne");
	assert_string_equal(tmpl_str(nn, "felles.utgitt_av"), "Utgjeve av {utgiver}");
	assert_string_equal(tmpl_str(nn, "kommune.kartlegging.tema_oppsummering"),
	    "{etablert} av {antall} ja/nei-spørsmål under dette temaet er vurderte som "
	    "etablerte.");
	assert_null(strstr(tmpl_str(nn, "fylke.sammendrag.uten_internkontroll_en"),
	    "eller at han er under arbeid"));
	assert_null(strstr(tmpl_str(nn, "fylke.sammendrag.uten_internkontroll"),
	    "eller at han er under arbeid"));
	cap_close(&c);
	free(c.text);
	tmpl_free(nb);
	tmpl_free(nn);
}

static void
write_bytes(const char *path, const char *s, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	fwrite(s, 1, len, f);
	fclose(f);
}

static void
write_str(const char *path, const char *s)
{
	write_bytes(path, s, strlen(s));
}

/* Random files made of the characters that matter to the parser: never a crash, a hang
 * or a leak, and a failed load always says why. */
static void
test_garbage(void **state)
{
	static const char *const atoms[] = {
		"{", "}", "{{", "}}", "[", "]", "=", "\n", "\n", "\n  ", " ", "\t", "#", "a",
		"r", ".", "_", "kommune", "verdi", "liste:", "å", "«", "\r\n", "\xC3", "\0",
		"rekkefolge", "tekst", "tittel", "[r]\n",
	};
	char dir[] = "/tmp/tmpl_garbage.XXXXXX", *keys, *nbdir, *nndir, *nbf, *nnf;
	unsigned long x = 12345;
	int round;

	(void)state;
	assert_non_null(mkdtemp(dir));
	keys = xasprintf("%s/keys.txt", dir);
	nbdir = xasprintf("%s/nb", dir);
	nndir = xasprintf("%s/nn", dir);
	nbf = xasprintf("%s/nb/a.txt", dir);
	nnf = xasprintf("%s/nn/a.txt", dir);
	assert_int_equal(mkdir_p(nbdir), 0);
	assert_int_equal(mkdir_p(nndir), 0);
	write_str(keys, "[r]\nrekkefolge = liste: a b\ntekst = kommune verdi\n");
	for (round = 0; round < 300; round++) {
		struct buf b;
		struct cap c;
		int i, n, rc;

		buf_init(&b);
		x = x * 6364136223846793005UL + 1442695040888963407UL;
		n = (int)(x >> 58);
		buf_puts(&b, "[r]\n");
		for (i = 0; i < n * 4; i++) {
			const char *a;

			x = x * 6364136223846793005UL + 1442695040888963407UL;
			a = atoms[(x >> 33) % (sizeof(atoms) / sizeof(atoms[0]))];
			buf_put(&b, a, a[0] == '\0' ? 1 : strlen(a));
		}
		write_bytes(round % 2 ? nbf : nnf, b.data, b.len);
		write_str(round % 2 ? nnf : nbf, "[r]\nrekkefolge = a\ntekst = {verdi}\n");
		if (round % 50 == 49)
			write_bytes(keys, b.data, b.len);
		buf_free(&b);
		cap_open(&c);
		rc = tmpl_check(dir, &c.d);
		cap_close(&c);
		assert_true(rc == 0 || c.d.count[DIAG_ERROR] > 0);
		free(c.text);
	}
	unlink(nbf);
	unlink(nnf);
	unlink(keys);
	rmdir(nbdir);
	rmdir(nndir);
	rmdir(dir);
	free(keys);
	free(nbdir);
	free(nndir);
	free(nbf);
	free(nnf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_load_clean),
		cmocka_unit_test(test_expand_nb_nn),
		cmocka_unit_test(test_missing_var_and_key),
		cmocka_unit_test(test_lists_and_issuer),
		cmocka_unit_test(test_both_languages_complete),
		cmocka_unit_test(test_garbage),
	};

	if (chdir(IPKVAL_HOME) == -1)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
