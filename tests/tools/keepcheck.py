#!/usr/bin/env python3
"""Reads the output of `ipkval report --dump` on standard input and prints every page
that ends with a block which must stay with the start of the next one (doc_keeps() in
src/doc.c): a heading; the paragraphs between a heading and its first deeper heading,
quote, table, chart, list or key/value pair; a short lead-in directly before one of those
(here: under 200 characters, which is at most three lines). Exits 1 when there is one.
Standard library only."""
import re
import sys

BLOCK = re.compile(r'^p(\d+)(?:-(\d+))? (\w+)(.*)$')
INTRODUCED = {'quote', 'table', 'chart', 'kv', 'bullet'}


def documents(lines):
    docs = []
    for line in lines:
        line = line.rstrip('\n')
        if line.startswith('== '):
            docs.append((line[3:], []))
            continue
        m = BLOCK.match(line)
        if m and docs:
            first = int(m.group(1))
            kind, rest = m.group(3), m.group(4)
            level = int(rest.split()[0]) if kind == 'heading' else 0
            docs[-1][1].append((first, int(m.group(2) or first), kind, rest, level))
    return docs


def kept(blocks):
    n, keep, i = len(blocks), [False] * len(blocks), 0
    while i < n:
        if blocks[i][2] != 'paragraph':
            keep[i] = blocks[i][2] == 'heading' and i + 1 < n
            i += 1
            continue
        s = e = i
        while e < n and blocks[e][2] == 'paragraph':
            e += 1
        head = blocks[s - 1] if s > 0 and blocks[s - 1][2] == 'heading' else None
        after = blocks[e] if e < n else None
        lead = after is not None and after[2] in INTRODUCED
        intro = head is not None and (lead or (after is not None and
                after[2] == 'heading' and after[4] > head[4]))
        for k in range(s, e):
            keep[k] = intro or (lead and k + 1 == e and len(blocks[k][3]) < 200)
        i = e
    return keep


def main():
    docs, bad = documents(sys.stdin), 0
    for name, blocks in docs:
        keep = kept(blocks)
        for i in range(len(blocks) - 1):
            if keep[i] and blocks[i + 1][0] > blocks[i][1]:
                bad += 1
                print(f'{name}: page {blocks[i][1]} ends with {blocks[i][2]}'
                      f'{blocks[i][3][:60]}; the {blocks[i + 1][2]} it goes with is on '
                      f'page {blocks[i + 1][0]}')
    print(f'keepcheck: {len(docs)} documents, {bad} pages ending with a heading or an '
          'introduction', file=sys.stderr)
    return 1 if bad or not docs else 0


sys.exit(main())
