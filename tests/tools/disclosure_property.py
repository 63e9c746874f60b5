#!/usr/bin/env python3
"""Property test of the disclosure control (issue 9), run by `make check` through
tests/check.sh: many random data folders of realistic shape (gendisclosure.py, fixed
seeds), each run through `ipkval report --only handlingsplan` (the cheapest run that
writes indikatorer.csv and tilleggstall.csv), then

  - truth.py recomputes every figure from the raw rows: every shown figure must equal the
    true pooled one, every small place must be hidden, a hidden cell carries no value;
  - attacker.py, on the published files and the register only, in three modes (without
    roles; with the true roles of the municipalities; with those of every place): no
    breach of the guarantee, and every
    true hidden value lies inside the range the attacker computed (else the attacker
    itself would be unsound).

Usage: disclosure_property.py BIN [COUNT [FIRST_SEED]]. Prints one line per failing data
set (the seed reproduces it: --keep DIR leaves the folder there) and a summary line.
Standard library only.
"""
import argparse
import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import attacker  # noqa: E402
import gendisclosure  # noqa: E402
import truth  # noqa: E402


def one(binary, seed, folder, indicators, register):
    """The problems found with one data set (an empty list when all is well)."""
    args = gendisclosure.make(folder, seed, register)
    out = os.path.join(folder, 'out')
    p = subprocess.run([binary, 'report', '--data', folder, '--out', out, '--only', 'handlingsplan']
                       + args, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        return ['ipkval exit %d: %s' % (p.returncode, p.stderr[-500:])]
    year = sorted(os.listdir(out))[-1]
    published = os.path.join(out, year)
    t = truth.Truth(folder, attacker.read_definitions(indicators))
    problems = ['TRUTH ' + e for e in t.check(published)]
    roles, true = os.path.join(folder, 'roles.csv'), os.path.join(folder, 'truth.csv')
    t.write_roles(roles)
    t.write_truth(true)
    base = ['--published', published, '--data', folder, '--indicators', indicators,
            '--truth', true, '--quiet']
    kommune = os.path.join(folder, 'roles-kommune.csv')
    with open(roles) as f, open(kommune, 'w') as g:
        g.writelines(line for line in f if ';fylke;' not in line and ';land;' not in line)
    both = ['--engine', 'both'] if seed % 10 == 0 else []   # glpsol checks the formulas
    for extra in ([], ['--roles', kommune], ['--roles', roles] + both):
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            attacker.main(base + extra)
        problems += buf.getvalue().splitlines()
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('binary')
    ap.add_argument('count', nargs='?', type=int, default=100)
    ap.add_argument('first', nargs='?', type=int, default=1)
    ap.add_argument('--keep', help='leave the data folders here')
    a = ap.parse_args()
    indicators = os.path.join(TOP, 'indicators')
    register = os.path.join(TOP, 'sample-data', 'kommuner.csv')
    tmp = a.keep or tempfile.mkdtemp(prefix='ipkval-disclosure-')
    failed, start = 0, time.time()
    try:
        for seed in range(a.first, a.first + a.count):
            folder = os.path.join(tmp, 'seed-%d' % seed)
            problems = one(a.binary, seed, folder, indicators, register)
            if problems:
                failed += 1
                print('FAIL seed %d:' % seed)
                for line in problems[:6]:
                    print('    ' + line)
            elif not a.keep:
                shutil.rmtree(folder)
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print('disclosure property: %d data sets, %d failed, %.0f s'
          % (a.count, failed, time.time() - start))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
