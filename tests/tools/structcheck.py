#!/usr/bin/env python3
"""Compares the structure tree of tagged reports, as two independent readers see it, with
the document model the reports were made from.

usage: structcheck.py DUMP PDFJS.jsonl [TEXT_PATTERN]
  DUMP         the output of `ipkval report --dump ... --out DIR` (the model of every
               report, each after a line `== DIR/.../file.pdf`)
  PDFJS.jsonl  tests/tools/pdfjs-read.mjs on the PDFs that `ipkval report --out DIR` wrote

For every PDF: pdf.js (the JSON) must give the model's content as structure elements in
reading order: the cover lines, the contents'
title and one Link per entry (its text and page number), headings H1-H3 with their text,
paragraphs and small print as P, list items as Lbl/LBody, quotes as BlockQuote (with their
source as a P inside), table header cells TH (the column titles) and cells TD, one Figure
per chart; poppler (`pdfinfo -struct`) the same elements in the same order, and for the
PDFs whose path holds TEXT_PATTERN also their text (`pdfinfo -struct-text`, which takes
seconds a report, as it reads a page again for every element); pdf.js must also give
every figure's /Alt as the model has it, every link's target page as the model's contents
say, the document's language and that of each quote in the other written standard, and
find no content outside the tree and the artifacts. Prints one line per difference; exits
1 if any.
Standard library only.
"""
import json
import re
import subprocess
import sys


def unquote(s):
    """The strings of a dump line: "a\\"b" -> a"b; returns them in order."""
    out = []
    for m in re.finditer(r'"((?:[^"\\]|\\.)*)"', s):
        out.append(re.sub(r'\\(.)', lambda x: '\n' if x.group(1) == 'n' else x.group(1),
                          m.group(1)))
    return out


def norm(s):
    """Text as compared: any run of white space (no-break spaces too) is one space."""
    return re.sub(r'[\s\u00a0\u202f\u2007\u2009]+', ' ', s).strip()


def unmark(s):
    return s.replace('**', '')


def model(lines):
    """The expected elements of one report from its dump: (role, text) in reading order,
    the figures' alt texts, the contents' pages, the language."""
    el, alts, toc, langs = [], [], [], []
    lang = None
    table = None
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.startswith('lang '):
            lang = unquote(line)[0]
            continue
        m = re.match(r'p[0-9?-]+ (\w+)', line)
        if line.startswith('\tcolumn '):
            el.append(('TH', unquote(line)[0]))
            continue
        if line.startswith('\trow'):
            cells = re.findall(r'"((?:[^"\\]|\\.)*)"', line)
            for c in cells:
                el.append(('TD', unquote('"' + c + '"')[0]))
            continue
        if re.match(r'\t\d+ "', line):
            text = unquote(line)[0]
            page = line.rsplit(' ', 1)[1].lstrip('p')
            el.append(('Link', text + ' ' + page))
            toc.append((text, int(page) if page.isdigit() else None))
            continue
        if line.startswith('  alt: '):
            alts.append(unquote(line)[0])
            continue
        if not m:
            continue
        kind = m.group(1)
        s = unquote(line)
        if kind == 'cover':
            el += [('P', t) for t in s if t != '']
        elif kind == 'toc':
            el.append(('H1', s[0]))
        elif kind == 'heading':
            level = int(line.split()[2])
            el.append(('H%d' % max(1, min(3, level)), s[0]))
        elif kind == 'paragraph':
            el.append(('P', s[0] if ' plain ' in line else unmark(s[0])))
        elif kind == 'small':
            el.append(('P', unmark(s[0])))
        elif kind == 'bullet':
            el += [('Lbl', '\u2022'), ('LBody', unmark(s[0]))]
        elif kind == 'quote':
            el.append(('BlockQuote', s[0]))
            m = re.search(r' lang (\S+)$', line)
            langs.append(m.group(1) if m else None)
            if len(s) > 1 and s[1] != '':
                el.append(('P', s[1]))
        elif kind == 'kv':
            el += [('Lbl', s[0]), ('LBody', s[1] if len(s) > 1 else '')]
        elif kind == 'chart':
            el.append(('Figure', None))
    return [(r, None if t is None else norm(t)) for r, t in el], alts, toc, lang, langs


def dumps(path):
    """{pdf path: its dump lines}."""
    out, cur = {}, None
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith('== '):
            cur = out.setdefault(line[3:], [])
        elif cur is not None:
            cur.append(line)
    return out


# The elements compared: those that hold content.
LEAVES = {'P', 'H1', 'H2', 'H3', 'Link', 'Lbl', 'LBody', 'BlockQuote', 'TH', 'TD', 'Figure'}


def poppler(pdf, with_text):
    """(role, text) of every element that holds content, from pdfinfo -struct-text (text
    None without with_text, from pdfinfo -struct)."""
    res = subprocess.run(['pdfinfo', '-struct-text' if with_text else '-struct', pdf],
                         capture_output=True, text=True)
    el = []
    cur = None
    for line in res.stdout.split('\n'):
        s = line.strip()
        if s.startswith('"'):
            if cur is not None:
                cur[1].append(unquote(s)[0] if s.endswith('"') else s[1:])
            continue
        m = re.match(r'(\w+)( \((block|inline)\))?:?$', s)
        if m and m.group(1) == 'Span':
            continue	# a word broken over lines: its text is its parent's
        if m and not s.startswith('Object'):
            cur = [m.group(1), []]
            el.append(cur)
    out = []
    for role, texts in el:
        if role in LEAVES:
            out.append((role, norm(''.join(texts)) if with_text and role != 'Figure'
                        else None))
    return out, res.stderr.strip()


def merge_splits(got, want):
    """pdf.js lists an element whose content goes on over a page break once per page;
    pieces on consecutive pages that together make the model's element are one."""
    out, j, k = [], 0, 0
    while k < len(got):
        role, text, page = got[k][:3]
        first = k
        k += 1
        while (j < len(want) and (role, text) != want[j] and k < len(got) and
               got[k][0] == role and got[k][2] == page + 1 and text is not None and
               want[j][1] is not None and want[j][1].startswith(norm(text + ' ' + got[k][1])
                                                               [:len(text)])):
            text, page = norm(text + ' ' + got[k][1]), got[k][2]
            k += 1
        out.append((role, text) + tuple(got[first][3:]))
        j += 1
    return out


def same(g, w):
    """Whether an element read equals the model's: a character the fonts lack is printed
    (and read) as '?' (docs/architecture.md, Fonts)."""
    if g == w or (g and w and g[0] == w[0] == 'Figure'):
        return True
    if not g or not w or g[0] != w[0] or g[1] is None or w[1] is None or '?' not in g[1]:
        return False
    return re.fullmatch(re.escape(g[1]).replace(r'\?', '.'), w[1]) is not None


def compare(name, reader, got, want, out):
    """Differences between two (role, text) sequences, the first few said."""
    n = 0
    for k in range(max(len(got), len(want))):
        g = got[k] if k < len(got) else None
        w = want[k] if k < len(want) else None
        if same(g, w):
            continue
        out.append('%s: %s: element %d is %s, the model has %s' % (name, reader, k + 1, g, w))
        n += 1
        if n == 3:
            out.append('%s: %s: (more differences left out)' % (name, reader))
            break


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit('usage: structcheck.py DUMP PDFJS.jsonl [TEXT_PATTERN]')
    models = dumps(sys.argv[1])
    problems = []
    seen = 0
    for line in open(sys.argv[2], encoding='utf-8'):
        js = json.loads(line)
        pdf = js['file']
        name = pdf.split('/out/')[-1]
        if pdf not in models:
            problems.append('%s: not in the model dump' % name)
            continue
        seen += 1
        want, alts, toc, lang, qlangs = model(models[pdf])
        with_text = len(sys.argv) > 3 and sys.argv[3] in pdf
        pop, err = poppler(pdf, with_text)
        if err:
            problems.append('%s: poppler: %s' % (name, err.split('\n')[0]))
        compare(name, 'poppler', pop,
                want if with_text else [(r, None) for r, _ in want], problems)
        got = [(e['role'], None if e['role'] == 'Figure' else norm(e['text']), e['page'],
                e.get('lang')) for e in js['elements']]
        # An empty cell is an element without content, which pdf.js does not list.
        want_js = [w for w in want if w[1] != '']
        merged = merge_splits(got, want_js)
        compare(name, 'pdf.js', [m[:2] for m in merged], want_js, problems)
        galt = [e.get('alt') for e in js['elements'] if e['role'] == 'Figure']
        if galt != alts:
            problems.append('%s: pdf.js: figure alt texts %s, the model has %s' %
                            (name, galt[:2], alts[:2]))
        gl = [(l['text'], l['page']) for l in js['links']]
        wl = [(norm(t + ' ' + str(p)), p) for t, p in toc]
        # A character the fonts lack is printed as '?' in a link's text as anywhere else.
        if len(gl) == len(wl) and all(g[1] == w[1] and same(('Link', g[0]), ('Link', w[0]))
                                      for g, w in zip(gl, wl)):
            gl = wl
        if gl != wl:
            problems.append('%s: pdf.js: links %s, the model has %s' % (name, gl[:3], wl[:3]))
        glangs = [m[2] for m in merged if m[0] == 'BlockQuote']
        if glangs != qlangs:
            problems.append('%s: pdf.js: quote languages %s, the model has %s' %
                            (name, glangs[:4], qlangs[:4]))
        if js['lang'] != lang:
            problems.append('%s: pdf.js: language %s, the model has %s' %
                            (name, js['lang'], lang))
        problems += ['%s: pdf.js: %s' % (name, p) for p in js['problems'][:5]]
    if seen == 0:
        problems.append('no report was read')
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
