"""Makes the hostile inputs make bench times (docs/formats.md, Limits): each at or near a
limit, or large where there is none, so that a cost that grows faster than the input shows.

    errors/  200,000 plan rows, each with a stray quote (a CSV error to position)
    names/   every register name 100 characters long (the limit), action-plan measures
             of 20,000 characters, and the sample's plans and 2024 answers (by number)
    ind/     the shipped definitions, every teller a condition of 1,000 tests (the limit)
    chars/   an action plan whose measure holds 60,000 distinct characters no font has

usage: python3 tools/hostile.py OUT_DIR      (run in the top folder)
"""
import os
import re
import shutil
import sys


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(text)


def read(path):
    with open(path, encoding='utf-8', newline='') as f:
        return f.read()


def main():
    out = sys.argv[1]
    shutil.rmtree(out, ignore_errors=True)
    register = read('sample-data/kommuner.csv')
    head = ('plan_id;kommunenr;tjenesteomrade;opprettet;sist_oppdatert;status;koordinator;'
            'antall_mal;brukermedvirkning;samtykke;ansvarsgruppe\n')

    # errors
    rows = ['P%d;1525;skjerm 12" bred;01.02.2023;15.03.2024;aktiv;ja;3;ja;ja;ja\n' % i
            for i in range(200000)]
    write(out + '/errors/kommuner.csv', register)
    write(out + '/errors/planer-2024.csv', head + ''.join(rows))

    # names
    lines = register.split('\n')
    named = [lines[0]]
    for line in lines[1:]:
        f = line.split(';')
        if len(f) >= 4:
            f[1] = (f[1] + ' ' + 'Langnavn' * 20)[:100]
        named.append(';'.join(f))
    write(out + '/names/kommuner.csv', '\n'.join(named))
    for name in os.listdir('sample-data'):
        if name.startswith('planer-') or name == 'kartlegging-2024.csv':
            shutil.copy('sample-data/' + name, out + '/names/' + name)
    measure = ' '.join('tiltak%d' % i for i in range(2500))[:20000]
    actions = 'kommunenr;tiltak;mal;aktivitet;tid;ansvar;status\n'
    for i, nr in enumerate(['1525', '1528', '1547', '1505', '1506'] * 10):
        actions += '%s;%s;%s;Møte;Innen 1. mars 2025;Koordinerende enhet;Under arbeid\n' % (
            nr, measure, measure[i:i + 5000])
    write(out + '/names/handlingsplan.csv', actions)

    # ind
    shutil.copytree('indicators', out + '/ind')
    for name in os.listdir(out + '/ind'):
        if not name.endswith('.ind'):
            continue
        text = read(out + '/ind/' + name)
        m = re.search(r'^teller *= *(.*)$', text, re.M)
        if m is None or '\n ' in text[m.end():m.end() + 2]:
            continue
        test = '(%s)' % m.group(1).strip()
        text = text[:m.start()] + 'teller = ' + ' and '.join([test] * 1000) + text[m.end():]
        write(out + '/ind/' + name, text)

    # chars
    many = ''.join(chr(c) for c in range(0x4E00, 0x4E00 + 20000)) + \
        ''.join(chr(c) for c in range(0x20000, 0x20000 + 40000))
    write(out + '/chars/kommuner.csv', register)
    write(out + '/chars/planer-2024.csv', read('sample-data/planer-2024.csv'))
    write(out + '/chars/handlingsplan.csv',
          'kommunenr;tiltak;mal;aktivitet;tid;ansvar;status\n'
          '1525;%s;Mål;Møte;Løpende;Koordinerende enhet;Under arbeid\n' % many)


main()
