"""Random data folders of realistic shape for the disclosure property test
(disclosure_property.py): a few counties of the real register, many tiny municipalities
(0 to 6 active plans), some small, medium and large ones (up to a few hundred), one to
three years, some municipalities with closed plans only, some small ones whose plans all
say "ja" or all say "nei", empty (not documented) answers, and sometimes a later year's
plan file beside an earlier --year. Fixed seeds: the same seed gives the same folder.
Standard library only.
"""
import os
import random

HEADER = ('plan_id;kommunenr;tjenesteomrade;opprettet;sist_oppdatert;status;koordinator;'
          'antall_mal;brukermedvirkning;samtykke;ansvarsgruppe\n')
AREAS = ('rus', 'psykisk helse', 'habilitering voksne', 'pleie og omsorg', 'barn og unge')


def register_lines(path):
    with open(path, encoding='utf-8-sig') as f:
        lines = f.read().splitlines()
    return lines[0], lines[1:]


def size(r):
    u = r.random()
    if u < 0.45:
        return r.randint(0, 6)
    if u < 0.70:
        return r.randint(5, 30)
    if u < 0.92:
        return r.randint(30, 120)
    return r.randint(120, 400)


def answer(r, p, empty):
    u = r.random()
    if u < empty:
        return ''
    return 'ja' if r.random() < p else 'nei'


def plan_row(r, pid, code, year, active, rates, extreme):
    """One plan; rates: the municipality's share of 'ja' per column; extreme: None or
    'ja'/'nei' for a municipality whose plans all answer alike."""
    empty = 0.0 if extreme else 0.06

    def yn(col):
        return extreme if extreme else answer(r, rates[col], empty)
    opprettet = '%02d.%02d.%d' % (r.randint(1, 28), r.randint(1, 12), r.choice((year - 5, year - 2, year)))
    u = r.random()
    if extreme == 'ja' or (not extreme and u < rates['oppdatert']):
        sist = '%02d.%02d.%d' % (r.randint(1, 28), r.randint(1, 12), year)
    elif extreme == 'nei' or u < 0.95:
        sist = '%02d.%02d.%d' % (r.randint(1, 28), r.randint(1, 12), year - 1)
    else:
        sist = r.choice(('', '31.02.%d' % year))
    if extreme:
        mal = '2' if extreme == 'ja' else '0'
        bm = extreme
    else:
        mal = '' if r.random() < empty else str(r.choice((0, 1, 1, 2, 3)) if r.random() < rates['mal'] else 0)
        bm = '' if r.random() < empty else r.choices(('ja', 'delvis', 'nei'), (rates['bm'], 0.25, 0.75 - rates['bm']))[0]
    status = 'aktiv' if active else 'avsluttet'
    return '%s;%s;%s;%s;%s;%s;%s;%s;%s;%s;ja\n' % (pid, code, r.choice(AREAS), opprettet, sist, status,
                                                yn('koordinator'), mal, bm, yn('samtykke'))


def make(folder, seed, register_path):
    """Writes kommuner.csv and planer-YYYY.csv into folder; returns the extra arguments
    of the run (--year when a later year's file lies beside it)."""
    r = random.Random(seed)
    header, reg = register_lines(register_path)
    counties = sorted({line.split(';')[2] for line in reg})
    chosen = r.sample(counties, r.randint(2, 5))
    munis = []
    for c in chosen:
        mine = [line for line in reg if line.split(';')[2] == c]
        munis += r.sample(mine, min(len(mine), r.randint(2, 12)))
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, 'kommuner.csv'), 'w', encoding='utf-8') as f:
        f.write(header + '\n' + ''.join(line + '\n' for line in munis))
    last = 2024
    years = list(range(last - r.randint(0, 2), last + 1))
    later = r.random() < 0.15
    if later:
        years.append(last + 1)
    base = {line.split(';')[0]: size(r) for line in munis}
    pid = 0
    for y in years:
        with open(os.path.join(folder, 'planer-%d.csv' % y), 'w', encoding='utf-8') as f:
            f.write(HEADER)
            for line in munis:
                code = line.split(';')[0]
                if r.random() < 0.05:
                    continue                       # no export from this one this year
                n = max(0, base[code] + r.randint(-2, 2)) if base[code] < 10 else \
                    max(0, int(base[code] * r.uniform(0.85, 1.15)))
                closed = r.choice((0, 0, 1, 2)) + (1 if n == 0 else 0)
                extreme = r.choice(('ja', 'nei')) if n < 12 and r.random() < 0.2 else None
                rates = {k: r.random() for k in ('koordinator', 'samtykke', 'oppdatert', 'mal')}
                rates['bm'] = r.uniform(0, 0.75)
                for k in range(n + closed):
                    pid += 1
                    f.write(plan_row(r, 'IP-%06d' % pid, code, y, k < n, rates, extreme))
    return ['--year', str(last)] if later else []
