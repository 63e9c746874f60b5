#!/usr/bin/env python3
"""The attacker across several runs (beyond the one-run model of docs/computation.md):
what someone learns who keeps the files of more than one publication of the same year's
figures, e.g. a report for 2023 and next year's report with 2023 in its trend, a corrected
re-issue, or the reports before and after a municipal reform. The true table of a year is
taken to be the same in every run (--counts-only: only its counts, for a re-issue in which
answers were corrected); the municipalities of every run's register, with the public
kommuneendringer.csv, are expressed in common units (the smallest municipalities any run
knows), so that a merged municipality is the sum of the ones it was made of.

For every place hidden in any run it finds the exact range of its count (and of every
class, unless --counts-only) over all whole-number unit tables that agree with everything
every run published (and, with roles, every hidden place's role in its run), by a mixed
integer program solved by glpsol, and asserts the guarantee of docs/computation.md (count
ranges of at least min_n values; no hidden place at "none" or "all" of an answer class).

Usage: combine.py --indicators DIR [--counts-only] --run PUBLISHED DATA [ROLES [TRUTH]] ...
(ROLES and TRUTH as made by truth.py; with TRUTH, a true value outside a range is an
UNSOUND line: the attacker itself would be wrong). Prints BREACH lines; exit 1 when there
is one, 3 when it is unsound. Standard library; glpsol (glpk-utils).
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import attacker  # noqa: E402
import milp as milp_engine  # noqa: E402
import rawcsv  # noqa: E402
import truth  # noqa: E402
from intervals import INF, width  # noqa: E402

BIG = milp_engine.BIG


def units_of_run(data, universe):
    """muni code -> the units it holds in this run: itself and every old number that
    this run's kommuneendringer.csv leads to it."""
    reg = rawcsv.register(os.path.join(data, 'kommuner.csv'))
    step = truth.changes(data)
    out = {c: {c} for c in reg}
    for u in universe:
        if u in reg:
            continue
        to = truth.resolve(u, reg, step)
        if len(to) == 1:
            out[next(iter(to))].add(u)
    return reg, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--indicators', required=True)
    ap.add_argument('--counts-only', action='store_true')
    ap.add_argument('--run', nargs='+', action='append', required=True,
                    metavar='PUBLISHED DATA [ROLES [TRUTH]]')
    a = ap.parse_args()
    defs = attacker.read_definitions(a.indicators)
    runs = []
    universe = set()
    for spec in a.run:     # units: every municipality some run's register knows
        universe |= set(rawcsv.register(os.path.join(spec[1], 'kommuner.csv')))
    for k, spec in enumerate(a.run):
        pub = attacker.Published(spec[0])
        reg, units = units_of_run(spec[1], universe)
        roles = attacker.read_roles(spec[2]) if len(spec) > 2 else None
        tables = {t.year: t for t in attacker.build_tables(pub, reg, defs) if t.family == attacker.PLAN}
        true = attacker.read_truth(spec[3]) if len(spec) > 3 else None
        runs.append({'label': 'run %d (%s)' % (k + 1, spec[0]), 'tables': tables, 'units': units,
                     'roles': roles, 'names': pub.names, 'truth': true})
    breaches, unsound = 0, 0
    years = sorted(set.intersection(*[set(r['tables']) for r in runs]))
    for year in years:
        b, u = solve_year(year, runs, a.counts_only)
        breaches, unsound = breaches + b, unsound + u
    print('combine: %d runs, years %s, %d breaches' % (len(runs), years, breaches))
    return 3 if unsound else (1 if breaches else 0)


def place_units(run, t, p):
    if p.niva == 'kommune':
        return run['units'].get(p.kode, set())
    munis = t.munis.values() if p.niva == 'land' else t.children(p)
    return set().union(*[run['units'].get(m.kode, set()) for m in munis])


def solve_year(year, runs, counts_only):
    tables = [r['tables'][year] for r in runs]
    min_n = tables[0].min_n
    parts = [] if counts_only else [p for p in tables[0].partitions
                                    if all(p in t.partitions for t in tables)]
    measures = ['N'] + [(name, cl) for name, classes, _ in parts for cl in classes]
    facts, hidden = [], []       # facts: (units, measure, value)
    for r, t in zip(runs, tables):
        for p in t.places():
            us = frozenset(place_units(r, t, p))
            if p.status == 'hidden':
                role = r['roles'].get((year, p.niva, p.kode)) if r['roles'] else None
                hidden.append((r, t, p, us, role))
                continue
            for m in measures:
                v = p.vals.get(m, 0) if p.status == 'none' else p.vals.get(m)
                if v is not None and us:
                    facts.append((us, m, v))
    if not hidden:
        return 0, 0
    known = substitute(facts)
    free = sorted({u for us, m, v in facts for u in us if (u, m) not in known} |
                  {u for h in hidden for u in h[3] if (u, 'N') not in known})
    quantities = []
    for h in hidden:
        quantities.append((h, 'N', None))
        for name, classes, answers in parts:
            for cl in classes:
                quantities.append((h, (name, cl), None))
            for cl in answers:
                quantities.append((h, (name, cl), 'not'))
    values = milp(quantities, facts, known, free, measures, parts, hidden, min_n)
    breaches = unsound = 0
    for k, ((r, t, p, us, role), m, how) in enumerate(quantities):
        lo, hi = values[k]
        if r['truth'] is not None and how is None:
            v = r['truth'].get((year, p.niva, p.kode, m))
            if v is None or not lo <= v <= hi:
                print('UNSOUND %d %s %s %s: true value %s outside [%s, %s]' % (year, p.niva, p.kode, m, v, lo, hi))
                unsound += 1
        label = '%d %s %s %s in %s' % (year, p.niva, p.kode, r['names'].get((p.niva, p.kode), ''),
                                       r['label'])
        if m == 'N' and width(lo, hi) < min_n:
            print('BREACH count %s: active plans in [%s, %s] across runs' % (label, lo, hi))
            breaches += 1
        n_hi = values[quantities.index(((r, t, p, us, role), 'N', None))][1]
        if m != 'N' and how is None and hi == 0 and n_hi > 0 and m[1] != attacker.UD:
            print('BREACH answer %s: none of its plans are %s "%s" across runs' % ((label,) + m))
            breaches += 1
        if how == 'not' and hi == 0 and n_hi > 0:
            print('BREACH answer %s: all of its plans are %s "%s" across runs' % ((label,) + m))
            breaches += 1
    return breaches, unsound


def substitute(facts):
    """(unit, measure) -> value for every unit a chain of facts pins down alone."""
    known = {}
    changed = True
    while changed:
        changed = False
        for us, m, v in facts:
            open_ = [u for u in us if (u, m) not in known]
            if len(open_) == 1:
                known[(open_[0], m)] = v - sum(known[(u, m)] for u in us if u != open_[0])
                changed = True
    return known


def reduce(units, m, known, const=0):
    """The units of a sum still unknown for measure m, and the sum's known part."""
    return tuple(u for u in units if (u, m) not in known), \
        const + sum(known[(u, m)] for u in units if (u, m) in known)


def milp(quantities, facts, known, free, measures, parts, hidden, min_n, chunk=8):
    """[(lo, hi)] of every quantity: glpsol runs of a few bounds each, one copy of the
    table per bound (see milp.py)."""
    out = []
    for i in range(0, len(quantities), chunk):
        out += milp_part(quantities[i:i + chunk], facts, known, free, measures, parts, hidden, min_n)
    return out


def milp_part(quantities, facts, known, free, measures, parts, hidden, min_n):
    red_facts = []
    for us, m, v in facts:
        open_, k = reduce(us, m, known)
        if open_:
            red_facts.append((open_, m, v - k))
    red_roles = []
    for (_r, _t, _p, us, role) in hidden:
        if role:
            open_, k = reduce(us, 'N', known)
            lo, hi = attacker.box(role, min_n)
            red_roles.append((open_, lo - k, hi - k if hi != INF else INF))
    rows, bounds, general, objective, wanted = [], [], [], {}, []
    for k, q in enumerate(quantities):
        for sign, d in ((1, 'x'), (-1, 'n')):
            tag = 'c%d%s' % (k, d)

            def var(u, m):
                return '%s_%s_%d' % (tag, u, measures.index(m))
            for u in free:
                for m in measures:
                    if (u, m) not in known:
                        bounds.append('0 <= %s <= %d' % (var(u, m), BIG))
                        general.append(var(u, m))
                for name, classes, _ in parts:
                    row, const = {}, 0
                    for m, c in [('N', -1)] + [((name, cl), 1) for cl in classes]:
                        if (u, m) in known:
                            const -= c * known[(u, m)]
                        else:
                            row[var(u, m)] = c
                    rows.append((row, '=', const))
            for open_, m, v in red_facts:
                rows.append(({var(u, m): 1 for u in open_}, '=', v))
            for open_, lo, hi in red_roles:
                row = {var(u, 'N'): 1 for u in open_}
                rows.append((row, '>=', lo))
                if hi != INF:
                    rows.append((row, '<=', hi))
            (_r, _t, _p, us, _role), m, how = q
            terms = [(m, sign)] if how is None else [('N', sign), (m, -sign)]
            row, const = {}, 0
            for mm, c in terms:
                open_, kk = reduce(us, mm, known)
                const += c * kk
                for u in open_:
                    row[var(u, mm)] = row.get(var(u, mm), 0) + c
            for v, c in row.items():
                objective[v] = objective.get(v, 0) + c
            wanted.append((row, const))
    values = milp_engine.solve(objective, wanted, rows, bounds, general)
    if values is None:
        raise SystemExit('combine: the runs contradict each other in %s' % quantities[0][0][2].kode)
    return [(-values[2 * k + 1], INF if values[2 * k] >= BIG // 2 else values[2 * k])
            for k in range(len(quantities))]

if __name__ == '__main__':
    sys.exit(main())
