# ipkval: plain make, no autotools. `make report` and `make check` set up a fresh Debian 12
# machine themselves (tools/deps.sh), so the README's two commands are all a user runs.
# Local overrides (compiler, flags) go in Makefile.local, which is not tracked.

CC       ?= cc
PKGS      = cairo cairo-ft freetype2 libpcre2-8 zlib
WARN      = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
DEFS      = -D_POSIX_C_SOURCE=200809L -DIPKVAL_HOME='"$(CURDIR)"' -DIPKVAL_VERSION='"$(VERSION)"'
VERSION   = 0.1.0
OPT       = -O2 -g
SAN       = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
# B: where objects and programs go (a second tree lets two builds run side by side).
B        ?= build
# Where make install puts things (FHS); DESTDIR stages them elsewhere (for a package).
# The program finds its data as BINDIR is to DATADIR (src/datadir.h, ipkval(1) FILES).
PREFIX    = /usr/local
BINDIR    = $(PREFIX)/bin
DATADIR   = $(PREFIX)/share/ipkval
MANDIR    = $(PREFIX)/share/man
DOCDIR    = $(PREFIX)/share/doc/ipkval
DEFS     += -DIPKVAL_BINDIR='"$(BINDIR)"' -DIPKVAL_DATADIR='"$(DATADIR)"'
-include Makefile.local

# The sRGB colour profile every PDF embeds as its PDF/A output intent, from Debian's
# icc-profiles-free, compiled in as a byte array (build/gen/srgb_icc.h, for pdf_a.c).
ICC       = /usr/share/color/icc/sRGB.icc
GEN       = build/gen
DEFS     += -I$(GEN)

# Every module in src/ is part of the program; main.c alone is left out of unit tests.
SRCS      = $(sort $(wildcard src/*.c))
LIBSRCS   = $(filter-out src/main.c,$(SRCS))
HDRS      = $(wildcard src/*.h)
OBJS      = $(SRCS:src/%.c=$(B)/obj/%.o)
SANOBJS   = $(SRCS:src/%.c=$(B)/asan/obj/%.o)
SANLIB    = $(LIBSRCS:src/%.c=$(B)/asan/obj/%.o)
UNITS     = $(patsubst tests/unit/%.c,$(B)/asan/unit/%,$(wildcard tests/unit/*.c))
TOOLS     = $(B)/gendata
FUZZERS   = $(patsubst tests/fuzz/%.c,$(B)/fuzz/%,$(wildcard tests/fuzz/*.c))
FUZZOBJS  = $(LIBSRCS:src/%.c=$(B)/fuzz/obj/%.o)

PKGCFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKGLIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lcsv -lpthread -lm

# The fonts are cut at build time from Debian's DejaVu to the characters reports use
# (see docs/architecture.md): reports stay small and fast, and every register name renders.
FONTSRC   = /usr/share/fonts/truetype/dejavu
FONTS     = build/fonts/ipkval-sans.ttf build/fonts/ipkval-sans-bold.ttf
# Basic Latin, Latin-1, Latin Extended-A, the Sami letters of Latin Extended-B and IPA
# (Inari and Skolt: ǥ ǧ ǩ ǯ ʒ), spaces, dashes, quotes, bullet, ellipsis, €, arrows, ≤ ≥ −,
# and the level symbols ■ □ ▲ ▼ ◆ ○ ● ◐. Fewer glyphs keep every PDF small (docs/pdf.md).
UNICODES  = U+0020-007E,U+00A0-017F,U+01B7,U+01E4-01E9,U+01EE,U+01EF,U+0292,U+2007,U+2009,U+2010-2027,U+202F,U+2030,U+2039,U+203A,U+20AC,U+2122,U+2190-2193,U+2212,U+2264,U+2265,U+25A0,U+25A1,U+25B2,U+25BC,U+25C6,U+25CB,U+25CF,U+25D0

.PHONY: all deps build report check unit regress bench clean sample-data regen readme-image fuzz
.PHONY: install uninstall FORCE

all: build

deps:
	@sh tools/deps.sh

build: deps $(B)/ipkval $(FONTS)

$(B)/ipkval: $(OBJS)
	$(CC) $(OPT) -o $@ $(OBJS) $(PKGLIBS)

$(B)/obj/%.o: src/%.c $(HDRS) | $(B)/obj
	$(CC) $(WARN) $(OPT) $(DEFS) $(PKGCFLAGS) -c -o $@ $<

$(B)/asan/ipkval: $(SANOBJS)
	$(CC) $(SAN) -o $@ $(SANOBJS) $(PKGLIBS)

$(B)/asan/obj/%.o: src/%.c $(HDRS) | $(B)/asan/obj
	$(CC) $(WARN) $(SAN) $(DEFS) $(PKGCFLAGS) -c -o $@ $<

$(B)/asan/unit/%: tests/unit/%.c $(SANLIB) $(HDRS) $(wildcard tests/unit/*.h) | $(B)/asan/unit
	$(CC) $(WARN) $(SAN) $(DEFS) $(PKGCFLAGS) -Isrc -o $@ $< $(SANLIB) $(PKGLIBS) -lcmocka

$(B)/gendata: tools/gendata.c src/date.c src/date.h | $(B)/obj
	$(CC) $(WARN) $(OPT) $(DEFS) -Isrc -o $@ tools/gendata.c src/date.c -lm

$(B)/obj/pdf_a.o $(B)/asan/obj/pdf_a.o: $(GEN)/srgb_icc.h

$(GEN)/srgb_icc.h: $(ICC) | $(GEN)
	/usr/bin/python3 -c 'import sys; d = open(sys.argv[1], "rb").read(); \
	    print("static const unsigned char pdf_a_srgb_icc[] = {"); \
	    print(",\n".join(",".join(map(str, d[i:i + 24])) for i in range(0, len(d), 24))); \
	    print("};")' $(ICC) >$@.tmp && mv $@.tmp $@

$(B)/obj $(B)/asan/obj $(B)/asan/unit build/fonts $(GEN):
	mkdir -p $@

# cutfont SOURCE: the subset, then its character map laid out for libharu's lookup
# (tools/cmap4.py says why).
cutfont = /usr/bin/python3 -m fontTools.subset $(FONTSRC)/$(1) --unicodes='$(UNICODES)' \
	  --name-IDs='*' --no-hinting --drop-tables+=GDEF,GPOS,GSUB,kern,MATH,FFTM \
	  --output-file=$@.sub && /usr/bin/python3 tools/cmap4.py $@.sub $@.tmp && \
	  rm -f $@.sub && mv $@.tmp $@

build/fonts/ipkval-sans.ttf: Makefile tools/cmap4.py | build/fonts
	$(call cutfont,DejaVuSans.ttf)

build/fonts/ipkval-sans-bold.ttf: Makefile tools/cmap4.py | build/fonts
	$(call cutfont,DejaVuSans-Bold.ttf)

# Renders the reports of sample-data/ into out/.
report: build
	./$(B)/ipkval report --data sample-data --out out

# pdf.js for reading the structure tree back in make check (tests/tools/pdfjs-read.mjs):
# the version pinned in tests/pdfjs/package-lock.json, installed with npm into build/pdfjs.
PDFJS     = build/pdfjs/node_modules/pdfjs-dist/package.json
$(PDFJS): tests/pdfjs/package.json tests/pdfjs/package-lock.json
	mkdir -p build/pdfjs
	cp tests/pdfjs/package.json tests/pdfjs/package-lock.json build/pdfjs/
	cd build/pdfjs && npm ci --omit=optional --ignore-scripts --no-audit --no-fund
	touch $@

# The whole test suite, built with AddressSanitizer and UBSan; the fault injection
# (tests/fault/run.sh) runs the optimised build too, under its LD_PRELOAD shim, and every
# fuzz harness runs for FUZZ_CHECK_SECONDS from its seeds.
FUZZ_CHECK_SECONDS ?= 1
check: deps $(FONTS) $(B)/asan/ipkval $(UNITS) $(B)/gendata $(PDFJS) $(B)/ipkval \
    $(B)/fault/shim.so $(FUZZERS)
	@FAULT="$(B)/ipkval $(B)/fault/shim.so" \
	    FUZZ="$(FUZZ_CHECK_SECONDS) $(B)/fuzz $(FUZZERS)" \
	    sh tests/check.sh $(B)/asan/ipkval $(UNITS)

$(B)/fault/shim.so: tests/fault/shim.c
	@mkdir -p $(B)/fault
	$(CC) -std=c11 -Wall -Wextra -Werror -O2 -fPIC -shared -o $@ tests/fault/shim.c -ldl

# Fuzzing (tests/fuzz/README.md): one libFuzzer harness per parser and input kind, built
# with clang and AddressSanitizer + UBSan; `make fuzz` runs each for FUZZ_SECONDS from its
# seeds (made from tests/, the sample data and the shipped files) with its dictionary.
FUZZ_SECONDS ?= 60
FUZZCC    = clang
FUZZSAN   = -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

fuzz: deps $(FONTS) $(FUZZERS)
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(B)/fuzz $(FUZZERS)

$(B)/fuzz/obj/%.o: src/%.c $(HDRS) | $(B)/fuzz/obj
	$(FUZZCC) $(WARN) $(FUZZSAN) -fsanitize=fuzzer-no-link $(DEFS) $(PKGCFLAGS) -c -o $@ $<

$(B)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h tests/fuzz/export.h $(FUZZOBJS) $(HDRS)
	$(FUZZCC) $(WARN) $(FUZZSAN) -fsanitize=fuzzer $(DEFS) $(PKGCFLAGS) -Isrc -o $@ $< \
	    $(FUZZOBJS) $(PKGLIBS)

$(B)/fuzz/obj:
	mkdir -p $@

# The fuzz objects are made by a pattern rule only: kept, not removed as intermediate.
.SECONDARY: $(FUZZOBJS)

# Rebuilds sample-data/ from the generator (fixed seed: same bytes every time).
sample-data: $(B)/gendata
	./$(B)/gendata --out sample-data

bench: build $(B)/gendata
	@sh tools/bench.sh

# Overwrites the expected files of the regression tests from the current output, asking first.
regen: $(B)/asan/ipkval
	@sh tests/run.sh --regen $(B)/asan/ipkval

# The README's picture: the summary page of the sample report for Stranda.
readme-image: report
	pdftoppm -png -r 70 -f 3 -l 3 -singlefile out/2024/kommune/1525-Stranda.pdf \
	    docs/img/stranda-sammendrag

# main.c holds the install paths: a change of PREFIX (or BINDIR, DATADIR) rebuilds it.
$(B)/paths: FORCE | $(B)/obj
	@echo '$(BINDIR) $(DATADIR) $(CURDIR)' | cmp -s - $@ 2>/dev/null || \
	    echo '$(BINDIR) $(DATADIR) $(CURDIR)' >$@
$(B)/obj/main.o $(B)/asan/obj/main.o: $(B)/paths

# What make install copies (paths in the tree); make uninstall removes exactly these.
INST_DATA = $(wildcard indicators/* templates/*.txt templates/*/*.txt)
INST_DOCS = README.md $(wildcard docs/*.md docs/img/*.png)
INST_MAN  = $(wildcard man/*.1 man/*.5)
INST_EXAMPLES = $(wildcard sample-data/*.csv)
# The fonts are cut from DejaVu, whose licence goes with every copy.
FONTLICENCE = /usr/share/doc/fonts-dejavu-core/copyright

install: build
	install -D -m 755 $(B)/ipkval '$(DESTDIR)$(BINDIR)/ipkval'
	for f in $(INST_DATA); do install -D -m 644 $$f '$(DESTDIR)$(DATADIR)'/$$f || exit 1; done
	for f in $(FONTS); do \
	    install -D -m 644 $$f '$(DESTDIR)$(DATADIR)'/fonts/$${f##*/} || exit 1; done
	install -D -m 644 $(FONTLICENCE) '$(DESTDIR)$(DATADIR)/fonts/LICENCE-DejaVu'
	for f in $(INST_MAN); do \
	    install -D -m 644 $$f '$(DESTDIR)$(MANDIR)'/man$${f##*.}/$${f##*/} || exit 1; done
	for f in $(INST_DOCS); do install -D -m 644 $$f '$(DESTDIR)$(DOCDIR)'/$$f || exit 1; done
	for f in $(INST_EXAMPLES); do \
	    install -D -m 644 $$f '$(DESTDIR)$(DOCDIR)'/examples/$${f##*/} || exit 1; done

uninstall:
	rm -f '$(DESTDIR)$(BINDIR)/ipkval' '$(DESTDIR)$(DATADIR)/fonts/LICENCE-DejaVu'
	for f in $(INST_DATA); do rm -f '$(DESTDIR)$(DATADIR)'/$$f; done
	for f in $(FONTS); do rm -f '$(DESTDIR)$(DATADIR)'/fonts/$${f##*/}; done
	for f in $(INST_MAN); do rm -f '$(DESTDIR)$(MANDIR)'/man$${f##*.}/$${f##*/}; done
	for f in $(INST_DOCS); do rm -f '$(DESTDIR)$(DOCDIR)'/$$f; done
	for f in $(INST_EXAMPLES); do rm -f '$(DESTDIR)$(DOCDIR)'/examples/$${f##*/}; done
	for d in '$(DESTDIR)$(DATADIR)' '$(DESTDIR)$(DOCDIR)'; do \
	    [ ! -d "$$d" ] || find "$$d" -depth -type d -empty -delete; done

clean:
	rm -rf $(B) build out
