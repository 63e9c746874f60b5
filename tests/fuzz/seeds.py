"""Makes the seed inputs of every fuzz harness under DIR/<harness>/ from what the
repository already holds: the regression cases (tests/), the sample data, the shipped
definitions and templates, and the fonts make builds. Nothing is copied into tests/fuzz.
Files above 64 KB are left out (a harness is fast on small inputs), but for the fonts.

usage: python3 tests/fuzz/seeds.py DIR      (run in the top folder)
"""
import glob
import hashlib
import os
import shutil
import sys

LIMIT = 65536


def main():
    out = sys.argv[1]
    shutil.rmtree(out, ignore_errors=True)

    def seed(harness, data, prefix=b''):
        if harness != 'fonts' and len(data) > LIMIT:
            return
        os.makedirs(os.path.join(out, harness), exist_ok=True)
        data = prefix + data
        name = hashlib.sha1(data).hexdigest()
        with open(os.path.join(out, harness, name), 'wb') as f:
            f.write(data)

    def files(*patterns):
        for pattern in patterns:
            for path in sorted(glob.glob(pattern)):
                with open(path, 'rb') as f:
                    yield path, f.read()

    for _, data in files('tests/*/*/planer-*.csv', 'sample-data/planer-*.csv'):
        seed('plans', data)
        seed('csv_diff', data, b'\0')
        seed('scan_diff', data, b'\3')
    for _, data in files('tests/*/*/kartlegging-*.csv', 'sample-data/kartlegging-*.csv'):
        seed('survey', data)
        seed('csv_diff', data, b'\1')
    for _, data in files('tests/*/*/handlingsplan.csv', 'sample-data/handlingsplan.csv'):
        seed('actions', data)
        seed('csv_diff', data, b'\0')
        # Each time (the fifth field) on its own, for the deadline harness.
        for line in data.split(b'\n')[1:]:
            fields = line.split(b';')
            if len(fields) > 4 and fields[4].strip():
                seed('deadlines', fields[4])
    for _, data in files('tests/*/*/kommuner.csv', 'sample-data/kommuner.csv'):
        seed('register', data)
        seed('scan_diff', data, b'\7')
    for _, data in files('tests/*/*/kommuneendringer.csv', 'sample-data/kommuneendringer.csv'):
        seed('changes', data)
    for _, data in files('tests/*/*/kommentarer.csv', 'sample-data/kommentarer.csv'):
        seed('comments', data)
    # reference tables: the cases' own, and the tables of the indicator cases' runs
    for _, data in files('tests/*/*/ref*.csv', 'tests/*/*/referanse.csv',
                         'tests/indicators/*/expected.out'):
        seed('reference', data)
        seed('csv_diff', data, b'\0')
    for _, data in files('indicators/kolonner.csv', 'tests/*/*/ind/kolonner.csv'):
        seed('aliases', data)
    # The first byte modulo 3 chooses the kind: answers, statuses, written standard.
    for k, pattern in enumerate(['svarklasser', 'statusklasser', 'malform']):
        for _, data in files('indicators/%s.txt' % pattern, 'tests/*/*/ind/%s.txt' % pattern):
            seed('classes', data, bytes([k]))
    for _, data in files('indicators/frister.txt', 'tests/*/*/ind/frister.txt'):
        seed('deadline_words', data)
    for _, data in files('indicators/*.ind', 'tests/*/*/ind/*.ind'):
        seed('definitions', data)
    for _, data in files('indicators/statsforvaltere.csv', 'tests/*/*/ind/statsforvaltere.csv'):
        seed('offices', data)
    # The first byte chooses the file of templates/nb/ the input stands for.
    for k, name in enumerate(['felles', 'fylke', 'handlingsplan', 'kommune']):
        for _, data in files('templates/nb/%s.txt' % name, 'tests/templates/*/nb/%s.txt' % name):
            seed('templates', data, bytes([k]))
    for _, data in files('build/fonts/*.ttf'):
        seed('fonts', data)


main()
