#!/usr/bin/env python3
"""Checks rendered report pages for blank pages and ink outside the margins.

Reads the grey PGM files that `pdftoppm -gray -r 50 report.pdf prefix` writes (one per
page, prefix-1.pgm ...) and renders nothing itself. Standard library only.

    python3 tests/tools/pagecheck.py [--dpi 50] [--margin 56] [--edge 18] [--band 50] FILE...

A page is blank when nothing is drawn inside the margins (the running header and the
page number alone do not count). Ink outside the margins is reported where it is not
allowed: anywhere within --edge points of the paper's edge, and in the left and right
margins; the top and bottom margins (--band points high) hold the header and footer, and
the cover page (the first) may use its whole area inside --edge. Prints one line per
problem and exits 1 when there was any, else prints "N pages checked" and exits 0.
"""
import re
import sys

INK = 160  # grey level (0 black .. 255 white) darker than this counts as ink


def read_pgm(path):
    with open(path, 'rb') as f:
        data = f.read()
    # Header: P5, width, height, maxval, separated by white space (comments allowed).
    fields = []
    pos = 0
    while len(fields) < 4:
        m = re.compile(rb'\s*(#[^\n]*\n\s*)*(\S+)').match(data, pos)
        if m is None:
            raise ValueError(f'{path}: expected a PGM header, found too little')
        fields.append(m.group(2))
        pos = m.end()
    if fields[0] != b'P5':
        raise ValueError(f'{path}: expected a binary PGM (P5), found {fields[0]!r}')
    w, h, maxval = int(fields[1]), int(fields[2]), int(fields[3])
    if maxval > 255:
        raise ValueError(f'{path}: expected 8-bit grey, found maxval {maxval}')
    pix = data[pos + 1:pos + 1 + w * h]
    if len(pix) != w * h:
        raise ValueError(f'{path}: expected {w * h} pixels, found {len(pix)}')
    return w, h, pix


def page_number(path):
    m = re.search(r'-(\d+)\.pgm$', path)
    return int(m.group(1)) if m else 0


def check(path, first, dpi, margin, edge, band):
    w, h, pix = read_pgm(path)
    px = dpi / 72.0
    m, e, bd = int(margin * px), int(edge * px), int(band * px)
    problems = []
    content = False
    outside = {}
    for y in range(h):
        row = pix[y * w:(y + 1) * w]
        if min(row) >= INK:
            continue
        for x in range(w):
            if row[x] >= INK:
                continue
            inside = m <= x < w - m and m <= y < h - m
            if inside:
                content = True
                continue
            near_edge = x < e or x >= w - e or y < e or y >= h - e
            side = x < m or x >= w - m
            if near_edge or (side and not first):
                where = ('left' if x < m else 'right' if x >= w - m else
                         'top' if y < m else 'bottom')
                outside.setdefault(where, (x, y))
            elif not first and (bd <= y < h - bd):
                outside.setdefault('margin', (x, y))
    if not content:
        problems.append('blank page (nothing inside the margins)')
    for where, (x, y) in sorted(outside.items()):
        problems.append(f'ink outside the margins ({where}) at x={x / px:.0f}pt '
                        f'y={y / px:.0f}pt from the top left')
    return problems


def main(argv):
    opts = {'--dpi': 50.0, '--margin': 56.0, '--edge': 18.0, '--band': 50.0}
    files = []
    i = 0
    while i < len(argv):
        if argv[i] in opts and i + 1 < len(argv):
            opts[argv[i]] = float(argv[i + 1])
            i += 2
        else:
            files.append(argv[i])
            i += 1
    if not files:
        print('usage: pagecheck.py [--dpi N] [--margin PT] [--edge PT] [--band PT] '
              'FILE.pgm...', file=sys.stderr)
        return 2
    files.sort(key=page_number)
    bad = 0
    for n, path in enumerate(files):
        try:
            problems = check(path, n == 0, opts['--dpi'], opts['--margin'],
                             opts['--edge'], opts['--band'])
        except (OSError, ValueError) as err:
            problems = [str(err)]
        for p in problems:
            print(f'{path}: page {page_number(path) or n + 1}: {p}')
            bad += 1
    if bad:
        return 1
    print(f'{len(files)} pages checked')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
