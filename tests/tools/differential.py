#!/usr/bin/env python3
"""Do the reports say more than the tables? A differential test for issue 9: the data of
a case is changed in ways that keep every published figure (the change is inside what is
hidden: answers swapped between two hidden municipalities of one group, a plan moved
between them), and the whole publication of each version is compared: indikatorer.csv,
tilleggstall.csv, the text of every report (`report --dump`) and every figure
(`--figures`, SVG and PNG). The tables must be the same (else the change was not hidden,
or the choice of partners moved with it, and the case does not test what it should);
then any difference in a report or figure is a leak: it depends on a hidden value.

Usage: differential.py BIN DATA PERTURBATIONS. PERTURBATIONS has one change per line,
applied to planer-YYYY.csv files of a copy of DATA:
  set PLAN_ID COLUMN VALUE     (COLUMN as in the file's header, folded)
  move PLAN_ID KOMMUNENR
Each line is one version (a line may hold several changes joined by ' & ').
Standard library only. Exit 1 on a leak or when a version changes the tables.
"""
import filecmp
import glob
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rawcsv  # noqa: E402


def apply(folder, change):
    words = change.split()
    for path in glob.glob(os.path.join(folder, '*')):
        if not os.path.basename(path).lower().startswith('planer-'):
            continue
        with open(path, encoding='utf-8-sig', newline='') as f:
            lines = f.read().split('\n')
        sep = max(';,\t', key=lines[0].count)
        names = [rawcsv.fold(n) for n in lines[0].split(sep)]
        for i, line in enumerate(lines[1:], 1):
            fields = line.split(sep)
            if fields[0] != words[1]:
                continue
            if words[0] == 'set':
                fields[names.index(rawcsv.fold(words[2]))] = words[3] if len(words) > 3 else ''
            else:
                fields[names.index('kommunenr')] = words[2]
            lines[i] = sep.join(fields)
            with open(path, 'w', encoding='utf-8', newline='') as f:
                f.write('\n'.join(lines))
            return
    raise SystemExit('no plan %s in %s' % (words[1], folder))


def publish(binary, data, out):
    subprocess.run([binary, 'report', '--data', data, '--out', out, '--figures'],
                   capture_output=True, check=False)
    dump = subprocess.run([binary, 'report', '--data', data, '--out', out + '-dump', '--dump'],
                          capture_output=True, text=True).stdout
    return dump.replace(out + '-dump', 'OUT')


def main():
    binary, data, perturbations = sys.argv[1:4]
    tmp = tempfile.mkdtemp(prefix='ipkval-differential-')
    failed = 0
    try:
        base = publish(binary, data, os.path.join(tmp, 'base'))
        year = sorted(os.listdir(os.path.join(tmp, 'base')))[-1]
        with open(perturbations, encoding='utf-8') as f:
            versions = [line.strip() for line in f if line.strip() and not line.startswith('#')]
        for k, version in enumerate(versions):
            folder = os.path.join(tmp, 'data%d' % k)
            shutil.copytree(data, folder, ignore=shutil.ignore_patterns('out', 'expected*'))
            for change in version.split(' & '):
                apply(folder, change)
            out = os.path.join(tmp, 'v%d' % k)
            dump = publish(binary, folder, out)
            a, b = os.path.join(tmp, 'base', year), os.path.join(out, year)
            tables = [n for n in ('indikatorer.csv', 'tilleggstall.csv')
                      if not filecmp.cmp(os.path.join(a, n), os.path.join(b, n), shallow=False)]
            if tables:
                print('NOT HIDDEN "%s": changes %s' % (version, ', '.join(tables)))
                failed += 1
                continue
            if dump != base:
                print('LEAK "%s": the report text changes with a hidden value' % version)
                failed += 1
            cmp = filecmp.dircmp(os.path.join(a, 'figurer'), os.path.join(b, 'figurer'))
            diff = cmp.diff_files + cmp.left_only + cmp.right_only
            if diff:
                print('LEAK "%s": figures change: %s' % (version, ' '.join(sorted(diff)[:5])))
                failed += 1
        print('differential: %d versions, %d failed' % (len(versions), failed))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
