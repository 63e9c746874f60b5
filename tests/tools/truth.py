#!/usr/bin/env python3
"""The true figures of a data folder, computed from the raw plan rows apart from ipkval
(docs/formats.md and docs/computation.md are the specification), for the disclosure tests:

  --roles FILE   aar;niva;kode;rolle for every place with plan rows: small (fewer active
                 plans than min_n, 0 included) or large; the role-knowing attacker's input
  --truth FILE   aar;niva;kode;maal;verdi: the true count and every class, to check that
                 the attacker's ranges hold the truth (attacker.py --truth)
  --check OUT/YYYY  compare every figure the run published (indikatorer.csv and
                 tilleggstall.csv) with the truth: each shown value must equal the true
                 pooled one, every place with 1 to min_n - 1 active plans, or with plan
                 rows and none active, must be hidden, and a hidden cell carries no value.

It reads what the test data uses: the columns of docs/formats.md (loose names), yes/no
words, the three date forms, kommunenr with a lost leading zero and kommuneendringer.csv.
Standard library only. Exit 1 when --check finds a difference.
"""
import argparse
import datetime
import glob
import os
import re
import sys
from decimal import Decimal, ROUND_HALF_UP

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rawcsv  # noqa: E402
from attacker import read_definitions, read_published  # noqa: E402

YES = {'ja', 'j', 'yes', 'y', 'x', '1', 'sann', 'true'}
NO = {'nei', 'n', 'no', '0', 'usann', 'false'}
ACTIVE = {'aktiv', 'active'}
CLOSED = {'avsluttet', 'avslutta', 'closed'}
SPLIT = ('ja', 'delvis', 'nei', 'ikke_dokumentert')


def parse_date(s):
    s = s.strip()
    for pat, order in ((r'(\d{1,2})\.(\d{1,2})\.(\d{4})', 'dmy'), (r'(\d{4})-(\d{1,2})-(\d{1,2})', 'ymd'),
                       (r'(\d{1,2})/(\d{1,2})/(\d{4})', 'dmy')):
        m = re.fullmatch(pat, s)
        if m:
            a, b, c = map(int, m.groups())
            d, mo, y = (a, b, c) if order == 'dmy' else (c, b, a)
            try:
                return datetime.date(y, mo, d)
            except ValueError:
                return 'invalid'
    return None if s == '' else 'invalid'


def yesno(s):
    s = s.strip().lower()
    if s in YES:
        return 'ja'
    if s in NO:
        return 'nei'
    return 'ikke_dokumentert'


def within_12_months(d, ref):
    try:
        start = ref.replace(year=ref.year - 1)
    except ValueError:                   # 29.02: one year before is 28.02
        start = ref.replace(year=ref.year - 1, day=28)
    return start < d <= ref


def classify(rec, ref):
    """Each plan indicator's class of one active plan: ja, nei or ikke_dokumentert; and
    the brukermedvirkning split class."""
    out = {'koordinator': yesno(rec.get('koordinator', '')),
           'samtykke': yesno(rec.get('samtykke', '')),
           'ansvarsgruppe': yesno(rec.get('ansvarsgruppe', ''))}
    mal = rec.get('antallmal', '').strip().replace(',', '.')
    if re.fullmatch(r'\d+(\.0+)?', mal):
        out['mal_definert'] = 'ja' if int(float(mal)) >= 1 else 'nei'
    else:
        out['mal_definert'] = 'ikke_dokumentert'
    bm = rec.get('brukermedvirkning', '').strip().lower()
    split = 'delvis' if bm == 'delvis' else yesno(bm)
    out['brukermedvirkning'] = 'nei' if split == 'delvis' else split
    out['fordeling'] = split
    sist, opp = parse_date(rec.get('sistoppdatert', '')), parse_date(rec.get('opprettet', ''))
    if isinstance(sist, datetime.date):
        out['plan_oppdatert'] = 'ja' if within_12_months(sist, ref) else 'nei'
    elif sist == 'invalid':
        out['plan_oppdatert'] = 'ikke_dokumentert'
    elif isinstance(opp, datetime.date):
        out['plan_oppdatert'] = 'ja' if within_12_months(opp, ref) else 'nei'
    else:
        out['plan_oppdatert'] = 'ikke_dokumentert'
    return out


def changes(folder):
    """old kommunenr -> set of today's numbers (following chains)."""
    path = next(iter(glob.glob(os.path.join(folder, '[kK]ommuneendringer.csv'))), None)
    step = {}
    if path:
        for rec in rawcsv.read(path):
            old, new = rawcsv.kommunenr(rec.get('gammeltnr', '')), rawcsv.kommunenr(rec.get('nyttnr', ''))
            if old and new and old != new:
                step.setdefault(old, set()).add(new)
    return step


def resolve(code, reg, step, seen=()):
    if code in reg:
        return {code}
    if code not in step or code in seen:
        return set()
    out = set()
    for n in step[code]:
        out |= resolve(n, reg, step, seen + (code,))
    return out


def plan_files(folder):
    out = {}
    for path in glob.glob(os.path.join(folder, '*')):
        m = re.fullmatch(r'planer-(\d{4})\.csv', os.path.basename(path).lower())
        if m:
            out[int(m.group(1))] = path
    return out


class Truth:
    def __init__(self, folder, defs, ref_date=None):
        self.reg = rawcsv.register(os.path.join(folder, 'kommuner.csv'))
        step = changes(folder)
        plan_ids = [i for i, d in defs.items() if d['kilde'] == 'planer']
        self.shares = [i for i in plan_ids if defs[i]['type'] == 'andel']
        self.min_n = max(defs[i]['min_n'] for i in plan_ids)
        self.fig = {}      # (aar, niva, kode) -> {'N', 'rows', (ind, class)}
        self.filerows = {}
        for year, path in sorted(plan_files(folder).items()):
            ref = ref_date if ref_date and ref_date.year == year else datetime.date(year, 12, 31)
            seen, read, used = set(), 0, 0
            for rec in rawcsv.read(path):
                read += 1
                codes = set()
                k = rawcsv.kommunenr(rec.get('kommunenr', ''))
                if k:
                    codes = resolve(k, self.reg, step)
                status = rec.get('status', '').strip().lower()
                pid = rec.get('planid', '').strip()
                if len(codes) != 1 or status not in ACTIVE | CLOSED or not pid or pid in seen:
                    continue
                seen.add(pid)
                used += 1
                code = codes.pop()
                fylke = self.reg[code][1]
                cls = classify(rec, ref) if status in ACTIVE else None
                for key in ((year, 'kommune', code), (year, 'fylke', fylke), (year, 'land', '00')):
                    f = self.fig.setdefault(key, {'N': 0, 'rows': 0})
                    f['rows'] += 1
                    if cls:
                        f['N'] += 1
                        for ind, c in cls.items():
                            f[(ind, c)] = f.get((ind, c), 0) + 1
            self.filerows[year] = (read, used, read - used)

    def value(self, key, q):
        return self.fig.get(key, {}).get(q, 0)

    def write_roles(self, path):
        with open(path, 'w', encoding='utf-8') as f:
            f.write('aar;niva;kode;rolle\n')
            for (y, niva, kode), v in sorted(self.fig.items()):
                f.write('%d;%s;%s;%s\n' % (y, niva, kode, 'small' if v['N'] < self.min_n else 'large'))

    def write_truth(self, path):
        with open(path, 'w', encoding='utf-8') as f:
            f.write('aar;niva;kode;maal;verdi\n')
            for (y, niva, kode), v in sorted(self.fig.items()):
                f.write('%d;%s;%s;N;%d\n' % (y, niva, kode, v['N']))
                for ind in self.shares:
                    for c in ('ja', 'nei', 'ikke_dokumentert'):
                        f.write('%d;%s;%s;%s:%s;%d\n' % (y, niva, kode, ind, c, v.get((ind, c), 0)))
                for c in SPLIT:
                    f.write('%d;%s;%s;fordeling:%s;%d\n' % (y, niva, kode, c, v.get(('fordeling', c), 0)))

    def check(self, outdir):
        """Every difference between the run's published figures and the truth."""
        errs = []
        _, rows = read_published(os.path.join(outdir, 'indikatorer.csv'))
        hidden = set()
        for aar, niva, kode, _navn, ind, teller, nevner, verdi, prikket, kat in rows:
            key = (int(aar), niva, kode)
            if ind not in self.shares and ind != 'dekning':
                continue
            where = '%s %s %s %s' % (aar, niva, kode, ind)
            f = self.fig.get(key)
            if prikket == '1':
                hidden.add(key)
                if teller or nevner or verdi or kat:
                    errs.append('%s: hidden but carries a value' % where)
                continue
            if f is None or f['N'] == 0 and f['rows'] == 0:
                if teller or nevner:
                    errs.append('%s: no plan rows, but shown as %s/%s' % (where, teller, nevner))
                continue
            if 0 <= f['N'] < self.min_n:
                errs.append('%s: %d active plans (rows %d) but shown' % (where, f['N'], f['rows']))
            if ind == 'dekning':
                pop = self.population(key)
                want_t, want_n, scale = f['N'], pop, 1000
                if pop is None:
                    want_t = want_n = None
            else:
                want_t, want_n, scale = f.get((ind, 'ja'), 0), f['N'], 100
            got = (int(teller) if teller else None, int(nevner) if nevner else None)
            if got != (want_t, want_n):
                errs.append('%s: shown %s/%s, true %s/%s' % (where, teller, nevner, want_t, want_n))
            elif want_n:
                v = (Decimal(want_t * scale) / Decimal(want_n)).quantize(Decimal('0.1'), ROUND_HALF_UP)
                if verdi != str(v).replace('.', ','):
                    errs.append('%s: value %s, true %s' % (where, verdi, v))
        for key, f in self.fig.items():
            if f['N'] < self.min_n and key not in hidden and key[0] in {int(r[0]) for r in rows}:
                errs.append('%d %s %s: %d active plans, plan rows %d, not hidden'
                            % (key + (f['N'], f['rows'])))
        errs += self.check_extra(outdir, hidden)
        return errs

    def population(self, key):
        year, niva, kode = key
        munis = [c for c, r in self.reg.items()
                 if (niva == 'kommune' and c == kode) or (niva == 'fylke' and r[1] == kode)
                 or niva == 'land']
        munis = [c for c in munis if self.fig.get((year, 'kommune', c), {}).get('rows')]
        pops = [self.reg[c][3] for c in munis]
        return None if not pops or None in pops else sum(pops)

    def check_extra(self, outdir, hidden):
        errs = []
        _, rows = read_published(os.path.join(outdir, 'tilleggstall.csv'))
        for aar, niva, kode, _navn, ind, maal, antall, prikket in rows:
            where = '%s %s %s %s %s' % (aar, niva, kode, ind, maal)
            if niva == 'fil':
                m = re.fullmatch(r'planer-(\d{4})\.csv', kode.lower())
                if m and prikket == '0':
                    want = dict(zip(('rader_lest', 'rader_brukt', 'rader_utelatt'),
                                    self.filerows.get(int(m.group(1)), (None,) * 3)))[maal]
                    if int(antall) != want:
                        errs.append('%s: shown %s, true %s' % (where, antall, want))
                continue
            if ind not in self.shares and ind != 'brukermedvirkning_fordeling':
                continue
            key = (int(aar), niva, kode)
            if prikket == '1':
                if antall:
                    errs.append('%s: hidden but carries a value' % where)
                if key not in hidden:
                    errs.append('%s: hidden, but the place\'s figures are shown' % where)
                continue
            if key in hidden:
                errs.append('%s: shown, but the place\'s figures are hidden' % where)
            q = ('fordeling', maal) if ind == 'brukermedvirkning_fordeling' else (ind, maal)
            want = self.value(key, q)
            if int(antall) != want:
                errs.append('%s: shown %s, true %d' % (where, antall, want))
        return errs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--data', required=True)
    ap.add_argument('--indicators', required=True)
    ap.add_argument('--reference-date')
    ap.add_argument('--roles')
    ap.add_argument('--truth')
    ap.add_argument('--check')
    a = ap.parse_args()
    ref = None
    if a.reference_date:
        d, m, y = map(int, a.reference_date.split('.'))
        ref = datetime.date(y, m, d)
    t = Truth(a.data, read_definitions(a.indicators), ref)
    if a.roles:
        t.write_roles(a.roles)
    if a.truth:
        t.write_truth(a.truth)
    if a.check:
        errs = t.check(a.check)
        for e in errs:
            print('TRUTH ' + e)
        return 1 if errs else 0
    return 0


if __name__ == '__main__':
    sys.exit(main())
