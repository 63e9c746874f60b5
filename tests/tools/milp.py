"""The attacker's second engine (attacker.py --engine milp|both): the whole table of one
component written as a mixed integer program and solved by glpsol (glpk-utils), with no
shortcut: every hidden place has a count and one whole number per class of every
partition, the classes of a partition sum to the count, every measure sums from the
municipalities up to each hidden or published total, roles bound the counts and the
allowed sets of rule 3 are unions of intervals chosen by binaries. It checks the formula
engine, which rests on an argument (classes add nothing to counts; a transportation bound
for classes); both must give the same ranges.

Every range is found in one glpsol run: the program holds one independent copy of the
table per bound sought, and the objective maximises the sum of +q over the "max" copies
and -q over the "min" copies. The copies share no variable, so the optimum of the sum
is every bound at once. GLPK's branch and bound runs to a zero gap, and every variable is
a whole number, so the bounds are exact. An upper bound at BIG means none.
"""
import os
import subprocess
import tempfile

from intervals import INF

BIG = 1000000


def _measures(t):
    return ['N'] + [(name, cl) for name, classes, _ in t.partitions for cl in classes]


def _table(t, comp, scen, tag, out):
    """Adds the variables and rows of one copy to `out`; returns {(place, measure): name}.
    A row is ({name: coefficient}, sense, right-hand side)."""
    from attacker import box, known_sum
    var = {}
    nodes = comp.hidden_nodes()
    meas = _measures(t)
    rows = out['rows']
    for i, x in enumerate(nodes):
        for j, m in enumerate(meas):
            name = var[(x, m)] = '%s_%d_%d' % (tag, i, j)
            lo, hi = 0, BIG
            if m == 'N' and x.niva == 'kommune':
                lo, hi = box(scen.roles[x.kode], t.min_n)
                hi = BIG if hi == INF else hi
            out['bounds'].append('%d <= %s <= %d' % (lo, name, hi))
            out['general'].append(name)
        for name, classes, _ in t.partitions:
            row = {var[(x, (name, cl))]: 1 for cl in classes}
            row[var[(x, 'N')]] = -1
            rows.append((row, '=', 0))
        parts = {name for name, _, _ in t.partitions}
        if 'brukermedvirkning' in parts and 'fordeling' in parts:
            for cl in ('ja', 'ikke_dokumentert'):    # the split refines the indicator
                rows.append(({var[(x, ('brukermedvirkning', cl))]: 1,
                              var[(x, ('fordeling', cl))]: -1}, '=', 0))
        allowed = scen.allowed.get(x.kode if x.niva != 'land' else '00')
        if x.niva != 'kommune' and allowed is not None:
            zs = {}
            n = var[(x, 'N')]
            for k, (lo, hi) in enumerate(allowed.iv):
                z = '%s_z%d_%d' % (tag, i, k)
                zs[z] = 1
                out['binary'].append(z)
                rows.append(({n: 1, z: -2 * BIG}, '>=', lo - 2 * BIG))     # z=1: n >= lo
                if hi != INF:
                    rows.append(({n: 1, z: 2 * BIG}, '<=', hi + 2 * BIG))  # z=1: n <= hi
            if not zs:
                zs = {var[(x, 'N')]: 0}
            rows.append((zs, '=', 1))
    for m in meas:
        if comp.kind == 'county':
            top = comp.top
            rows.append(({var[(x, m)]: 1 for x in comp.members}, '=',
                         top.vals[m] - known_sum(t.children(top), m)))
            continue
        for c in comp.counties:
            row = {var[(x, m)]: -1 for x in comp.members if x.parent == c.kode}
            row[var[(c, m)]] = 1
            rows.append((row, '=', known_sum(t.children(c), m)))
        land = t.land
        row = {var[(c, m)]: -1 for c in comp.counties}
        base = known_sum(t.counties.values(), m)
        if land.status == 'pub':
            rows.append((row, '=', base - land.vals[m]))
        else:
            row[var[(land, m)]] = 1
            rows.append((row, '=', base))
    return var


def _lin(row):
    return ' '.join('%s %d %s' % ('-' if c < 0 else '+', abs(c), v) for v, c in row.items()) or '0 x0'



CHUNK = 8      # bounds per glpsol run: the simplex is faster on several small programs


def hulls(t, comp, scen):
    quantities = []
    for x in comp.hidden_nodes():
        for m in _measures(t):
            quantities.append((x, m))
            if m != 'N':
                quantities.append((x, (m[0], '!' + m[1])))
    result = {}
    for i in range(0, len(quantities), CHUNK):
        part = _solve(t, comp, scen, quantities[i:i + CHUNK])
        if part is None:
            return None
        result.update(part)
    return result


def _solve(t, comp, scen, quantities):
    out = {'rows': [], 'bounds': [], 'general': [], 'binary': []}
    objective, wanted = {}, []
    for k, (x, q) in enumerate(quantities):
        for sign, d in ((1, 'max'), (-1, 'min')):
            var = _table(t, comp, scen, 'c%d%s' % (k, d), out)
            if q == 'N' or not q[1].startswith('!'):
                terms = {var[(x, q)]: sign}
            else:
                terms = {var[(x, 'N')]: sign, var[(x, (q[0], q[1][1:]))]: -sign}
            objective.update(terms)
            wanted.append(terms)
    values = solve(objective, [(w, 0) for w in wanted], out['rows'], out['bounds'],
                   out['general'], out['binary'])
    if values is None:
        return None
    result = {}
    for k, q in enumerate(quantities):
        hi, lo = values[2 * k], -values[2 * k + 1]
        result[q] = (lo, INF if hi >= BIG // 2 else hi)
    return result


def solve(objective, wanted, rows, bounds, general, binary=()):
    """Maximises `objective` ({variable: coefficient}) subject to `rows` (({variable:
    coefficient}, sense, right-hand side)) with glpsol, all variables whole numbers; returns
    the value of every `wanted` (terms, constant) at the optimum, or None when no whole-number
    solution exists."""
    lp = ['Maximize', ' obj: ' + _lin(objective), 'Subject To']
    for i, (r, sense, rhs) in enumerate(rows):
        if r:
            lp.append(' r%d: %s %s %d' % (i, _lin(r), sense, rhs))
        elif not {'=': 0 == rhs, '<=': 0 <= rhs, '>=': 0 >= rhs}[sense]:
            return None
    lp += ['Bounds'] + [' ' + b for b in bounds] + ['Generals'] + [' ' + g for g in general]
    lp += ['Binary'] + [' ' + b for b in binary] + ['End', '']
    value = {}
    if general or binary:
        # Columns are numbered in order of first appearance; the objective comes first.
        column = {v: i + 1 for i, v in enumerate(objective)}
        with tempfile.TemporaryDirectory() as tmp:
            mod, res = os.path.join(tmp, 'm.lp'), os.path.join(tmp, 'r.txt')
            with open(mod, 'w') as f:
                f.write('\n'.join(lp))
            p = subprocess.run(['glpsol', '--lp', mod, '-w', res], capture_output=True, text=True)
            if not os.path.exists(res):
                raise RuntimeError('glpsol failed:\n' + p.stdout[-2000:])
            with open(res) as f:
                sol = f.read().split('\n')
        head = next(line.split() for line in sol if line.startswith('s mip'))
        if head[4] == 'n':
            return None
        if p.returncode != 0 or head[4] != 'o':
            raise RuntimeError('glpsol failed:\n' + p.stdout[-2000:])
        for line in sol:
            f = line.split()
            if f and f[0] == 'j':
                value[int(f[1])] = round(float(f[2]))
        value = {v: value[i] for v, i in column.items()}
    return [sum(value[v] * c for v, c in terms.items()) + const for terms, const in wanted]
