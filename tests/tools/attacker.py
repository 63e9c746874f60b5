#!/usr/bin/env python3
"""An outside attacker on what one ipkval run publishes (issue 9), written from
docs/computation.md ("Disclosure control") and the published files only, never from
src/disclose.c.

Input: the run's indikatorer.csv and tilleggstall.csv (every year in them), the public
register (kommuner.csv) and the indicators' min_n (indicators/*.ind). For every hidden
place (municipality, county, country) in every year it computes the exact range of its
count of active plans and of every class of every plan indicator (teller = "ja",
ikke_dokumentert, and "nei" = nevner - teller - ikke_dokumentert; the brukermedvirkning
split ja/delvis/nei/ikke_dokumentert) over all whole-number tables that agree with
everything published: every published total of every indicator, the split, the not
documented counts, the plan file's row count (an upper bound on the country's plans) and
what the method's own choice of hidden places implies. Then it asserts the guarantee:

  1. every hidden count has at least min_n possible values;
  2. no hidden place, nor any group of them, is provably at "none" or "all" of its plans
     in an answer class, unless the published total above is itself at that extreme;
  3. (the choice) is used as constraints, so a leak through it shows as 1 or 2;
  4. no row count of a file outside the run's years is shown, nor a plan file's rows in a
     year whose country figures are hidden.

Modes. Without --roles the attacker does not know which hidden municipalities are
small (count below min_n, 0 included) and which are partners: it takes every role
assignment the published data and the documented rules allow and keeps what holds in all
of them. With --roles FILE (aar;niva;kode;rolle, rolle small or large, made by the test
from the raw input) it knows the role of every place in the file: of every hidden place,
counties and the country too, as promise 1 of docs/computation.md allows, or of the
municipalities only, as its threat model says ("which hidden municipalities are the
small ones"). A place without a role is treated as in the first mode.

How it is exact. Within a year, every hidden municipality lies below exactly one nearest
published total (its county, or the country when its county is hidden) or below none;
those groups share no unknown, so each is solved alone. The count of a group is a tree of
sums (country, hidden counties, municipalities) with whole-number bounds: the set of
values each node can take is computed exactly with unions of intervals (intervals.py),
upwards (what a subtree can sum to) and downwards (what the rest allows). Classes add no
constraint on counts: for any counts that sum right, plans of each class can be placed
anywhere a plan is, so a class X of part A of a group with known sums S (plans) and s
(plans in X) ranges exactly over [max(0, s - S + min N_A), min(s, max N_A)] (a
transportation argument; tests check it against glpsol, --engine both). Role assignments
are enumerated (members of one group and county are interchangeable, so counts of
partners suffice).

What the method's choice implies (docs/computation.md, "The rules"), used as constraints:
under a published county, the hidden municipalities are small ones and partners, at least
one small one and at least one partner (rule 3: the first candidate is taken; the county
is published, so its candidates sufficed); the group is safe by rule 2 with the true
roles: every hidden count and hidden total keeps at least min_n values, or as many as the
roles alone leave without the published sum; so is the country's group, with every hidden
county's total as a node of its tree (rule 4), and it too has a partner when the country
is published. A hidden county none of whose hidden municipalities is large (so none was
taken as the country's partner) is small, or hidden for want of partners; the latter only
when its published candidates fail rule 3's test (too little room above min_n, or no plan
in, or none outside, some answer class), a test on published counts, so it adds nothing
about what is hidden. Nothing is taken from the country being hidden. The guarantee
checked is the docs' promise: a hidden count narrowed below min_n values breaches unless
the roles the attacker knows, without the published sums, already leave no more.

Output: one line per breach on standard output (BREACH ...), rule violations and
inconsistencies (RULE ..., UNSOUND ...); --intervals FILE writes every range. Exit 0
when nothing was found, 1 when a breach was, 3 on a rule violation or when --truth shows
a true value outside a range (the attacker itself would be wrong). Standard library only;
glpsol (glpk-utils) for --engine milp|both.
"""
import argparse
import csv
import glob
import itertools
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from intervals import ISet, INF, width  # noqa: E402
import rawcsv  # noqa: E402

PLAN = 'planer'          # the family of plan indicators: one count, hidden together
SPLIT = 'fordeling'      # the brukermedvirkning split in tilleggstall.csv
SPLIT_CLASSES = ('ja', 'delvis', 'nei', 'ikke_dokumentert')
UD = 'ikke_dokumentert'


# ---------------------------------------------------------------- reading ----------

def read_published(path):
    with open(path, encoding='utf-8-sig', newline='') as f:
        rows = list(csv.reader(f, delimiter=';'))
    return rows[0], rows[1:]


def read_definitions(folder):
    """id -> {kilde, type, min_n} from indicators/*.ind (key = value, continued lines)."""
    defs = {}
    for path in sorted(glob.glob(os.path.join(folder, '*.ind'))):
        d = {}
        with open(path, encoding='utf-8') as f:
            for line in f:
                m = re.match(r'^([a-z_.]+)\s*=\s*(.*)$', line)
                if m:
                    d[m.group(1)] = m.group(2).strip()
        if 'id' in d:
            defs[d['id']] = {'kilde': d.get('kilde'), 'type': d.get('type'),
                             'min_n': int(d.get('min_n', '1'))}
    return defs


def intval(s):
    return int(s) if s != '' else None


class Published:
    """Everything one run published, keyed for lookup."""

    def __init__(self, folder):
        _, rows = read_published(os.path.join(folder, 'indikatorer.csv'))
        self.cells = {}     # (aar, niva, kode) -> {indikator: (teller, nevner, prikket)}
        self.names = {}
        for aar, niva, kode, navn, ind, teller, nevner, _verdi, prikket, _kat in rows:
            key = (int(aar), niva, kode)
            self.names[(niva, kode)] = navn
            self.cells.setdefault(key, {})[ind] = (intval(teller), intval(nevner), prikket == '1')
        self.years = sorted({k[0] for k in self.cells})
        self.extra = {}     # (aar, niva, kode) -> {(indikator, maal): (antall, prikket)}
        self.files = []     # (aar, fil, maal, antall, prikket)
        path = os.path.join(folder, 'tilleggstall.csv')
        if os.path.exists(path):
            _, rows = read_published(path)
            for aar, niva, kode, _navn, ind, maal, antall, prikket in rows:
                if niva == 'fil':
                    self.files.append((int(aar), kode, maal, intval(antall), prikket == '1'))
                else:
                    self.extra.setdefault((int(aar), niva, kode), {})[(ind, maal)] = \
                        (intval(antall), prikket == '1')


# ---------------------------------------------------------------- the model --------

class Place:
    """A place in one year and family: 'pub' (values known), 'hidden', 'none' (no rows:
    every count 0) or 'partial' (some figures hidden, some not: against the rules)."""
    __slots__ = ('niva', 'kode', 'parent', 'status', 'vals', 'pop')

    def __init__(self, niva, kode, parent):
        self.niva, self.kode, self.parent = niva, kode, parent
        self.status, self.vals, self.pop = 'none', {}, None


class Table:
    """One family (the plan indicators together, or one other indicator) in one year:
    every place with what is published of it, and the partitions of its count into
    classes (each partition: class names and which of them are answers)."""

    def __init__(self, year, family, min_n):
        self.year, self.family, self.min_n = year, family, min_n
        self.munis, self.counties, self.land = {}, {}, Place('land', '00', None)
        self.partitions = []   # (name, [class...], {answer classes})
        self.findings = []

    def place(self, niva, kode):
        if niva == 'kommune':
            return self.munis[kode]
        return self.counties[kode] if niva == 'fylke' else self.land

    def places(self):
        return list(self.munis.values()) + list(self.counties.values()) + [self.land]

    def children(self, p):
        if p.niva == 'land':
            return list(self.counties.values())
        if p.niva == 'fylke':
            return [m for m in self.munis.values() if m.parent == p.kode]
        return []


def build_tables(pub, reg, defs):
    plan_ids = [i for i, d in defs.items() if d['kilde'] == 'planer']
    share_ids = [i for i in plan_ids if defs[i]['type'] == 'andel']
    families = [(PLAN, plan_ids, max(defs[i]['min_n'] for i in plan_ids))] if plan_ids else []
    families += [(i, [i], d['min_n']) for i, d in sorted(defs.items()) if d['kilde'] != 'planer']
    tables = []
    for year in pub.years:
        for family, ids, min_n in families:
            t = Table(year, family, min_n)
            for code, (_n, fylke, _fn, popu) in reg.items():
                t.munis[code] = Place('kommune', code, fylke)
                t.munis[code].pop = popu
                t.counties.setdefault(fylke, Place('fylke', fylke, '00'))
            for p in t.places():
                fill_place(t, p, pub, ids, share_ids if family == PLAN else [])
            if family == PLAN:
                t.partitions = [(i, ['ja', UD, 'nei'], {'ja', 'nei'}) for i in share_ids]
                t.partitions.append((SPLIT, list(SPLIT_CLASSES), {'ja', 'delvis', 'nei'}))
            else:
                t.partitions = [(family, ['ja', 'nei'], {'ja', 'nei'})]
            drop_unknown_partitions(t)
            if any(p.status in ('hidden', 'partial') for p in t.places()) or family == PLAN:
                tables.append(t)
    return tables


def fill_place(t, p, pub, ids, share_ids):
    cells = pub.cells.get((t.year, p.niva, p.kode), {})
    extra = pub.extra.get((t.year, p.niva, p.kode), {})
    mine = [cells[i] for i in ids if i in cells]
    hidden = [c for c in mine if c[2]]
    known = [c for c in mine if not c[2] and c[1] is not None]
    if not hidden and not known:
        p.status = 'none'        # no rows, or only missing figures: no plans at all
        return
    p.status = 'hidden' if not known else ('pub' if not hidden else 'partial')
    if p.status == 'partial':
        t.findings.append('RULE %d %s %s: some %s figures hidden, others shown'
                          % (t.year, p.niva, p.kode, t.family))
        p.status = 'hidden'
        return
    if p.status == 'hidden':
        return
    if t.family != PLAN:
        teller, nevner, _ = cells[ids[0]]
        p.vals = {'N': nevner, (ids[0], 'ja'): teller, (ids[0], 'nei'): nevner - teller}
        return
    counts = {c[1] for i, c in cells.items() if i in share_ids and c[1] is not None}
    if 'dekning' in cells and cells['dekning'][0] is not None:
        counts.add(cells['dekning'][0])
    if len(counts) != 1:
        t.findings.append('RULE %d %s %s: the plan counts disagree: %s'
                          % (t.year, p.niva, p.kode, sorted(counts)))
    n = min(counts)
    p.vals['N'] = n
    for i in share_ids:
        if i in cells and cells[i][0] is not None:
            p.vals[(i, 'ja')] = cells[i][0]
        a = extra.get((i, UD))
        if a and a[0] is not None:
            p.vals[(i, UD)] = a[0]
        if (i, 'ja') in p.vals and (i, UD) in p.vals:
            p.vals[(i, 'nei')] = n - p.vals[(i, 'ja')] - p.vals[(i, UD)]
    for c in SPLIT_CLASSES:
        a = extra.get(('brukermedvirkning_fordeling', c))
        if a and a[0] is not None:
            p.vals[(SPLIT, c)] = a[0]


def drop_unknown_partitions(t):
    """A partition is used only when every published place has every class of it (a
    column missing from a year's file makes an indicator '..' everywhere)."""
    keep = []
    for name, classes, answers in t.partitions:
        ok = all((name, c) in p.vals for p in t.places() if p.status == 'pub' for c in classes)
        if ok:
            keep.append((name, classes, answers))
    t.partitions = keep
    for p in t.places():
        if p.status == 'none':
            p.vals = {'N': 0}
            for name, classes, _ in t.partitions:
                for c in classes:
                    p.vals[(name, c)] = 0


# ------------------------------------------------------- what the rules imply -------

def box(role, min_n):
    return (0, min_n - 1) if role == 'small' else (min_n, INF)


def part_range(S, los, his, part):
    """Exact range of the sum over `part` (indices) when all members sum to S and each
    lies in [lo, hi]: the formula of rule 2 (docs/computation.md)."""
    inside = set(part)
    lo_in = sum(los[i] for i in inside)
    hi_in = sum(his[i] for i in inside)
    lo_out = sum(los[i] for i in range(len(los)) if i not in inside)
    hi_out = sum(his[i] for i in range(len(his)) if i not in inside)
    lo = max(lo_in, S - hi_out) if hi_out != INF else lo_in
    hi = min(hi_in, S - lo_out)
    return lo, hi


def candidates_fail(t, c):
    """Rule 3's test on county c's published candidates (its published municipalities
    with at least min_n plans): True when they could not make any group safe, so that the
    county is hidden for want of partners. Published counts only."""
    mn = t.min_n
    cands = [m for m in t.children(c) if m.status == 'pub' and m.vals['N'] >= mn]
    if sum(m.vals['N'] - mn for m in cands) < mn - 1:
        return True
    for name, classes, answers in t.partitions:
        for cl in answers:
            yes = sum(m.vals[(name, cl)] for m in cands)
            no = sum(m.vals['N'] - m.vals[(name, cl)] for m in cands)
            if yes == 0 or no == 0:
                return True
    return False


# ------------------------------------------------------------ components ----------

class Component:
    """A published total and the hidden places below it that it constrains (or, at the
    top, a hidden country or hidden counties with no published total above)."""

    def __init__(self, t, kind, top):
        self.t, self.kind, self.top = t, kind, top   # kind 'county' or 'upper'
        if kind == 'county':
            self.counties = []
            self.members = [m for m in t.children(top) if m.status == 'hidden']
        else:
            self.counties = [c for c in t.counties.values() if c.status == 'hidden']
            self.members = [m for c in self.counties for m in t.children(c)
                            if m.status == 'hidden']

    def hidden_nodes(self):
        nodes = list(self.members) + list(self.counties)
        if self.kind == 'upper' and self.top.status == 'hidden':
            nodes.append(self.top)
        return nodes


def components(t):
    out = []
    for c in t.counties.values():
        if c.status == 'pub' and any(m.status == 'hidden' for m in t.children(c)):
            out.append(Component(t, 'county', c))
    if t.land.status == 'hidden' or any(c.status == 'hidden' for c in t.counties.values()):
        out.append(Component(t, 'upper', t.land))
    return out


def known_sum(places, key):
    return sum(p.vals[key] for p in places if p.status != 'hidden')


class Scenario:
    """Roles of the component's hidden municipalities, and the allowed sets of the hidden
    counties and the country (from their roles, rule 3, and the plan file's rows)."""

    def __init__(self, roles, allowed):
        self.roles, self.allowed = roles, allowed


def rows_bound(t, pub):
    """The plan file's rows of the year (when shown) bound the country's active plans."""
    if t.family != PLAN:
        return ISet.range(0)
    for aar, fil, maal, antall, prikket in pub.files:
        if aar == t.year and maal == 'rader_brukt' and not prikket and \
                re.fullmatch(r'planer-%d\.csv' % t.year, fil.lower()):
            return ISet.range(0, antall)
    return ISet.range(0)


def county_allowed(t, comp, c, roles, county_role):
    """What rules 1, 3 and 4 allow for a hidden county's total, given its members' roles:
    small (below min_n); or at least min_n, when one of its hidden municipalities is large
    (taken as the country's partner, rule 4) or when its published candidates fail rule
    3's test (hidden for want of partners)."""
    mn = t.min_n
    small = ISet.range(0, mn - 1)
    mine = [m for m in comp.members if m.parent == c.kode]
    if any(roles[m.kode] == 'large' for m in mine) or candidates_fail(t, c):
        large = ISet.range(mn)
    else:
        large = ISet()
    if county_role == 'small':
        return small
    if county_role == 'large':
        return large
    return small | large


# ------------------------------------------------------------ the solver ----------

def solve_counts(t, comp, scen, alone=False):
    """Exact set of values of every hidden node's count: a tree DP over interval sets.
    Returns {place: ISet} or None when no table fits. With alone, without the published
    total at the top: what the roles alone leave."""
    mn = t.min_n
    up = {}
    for m in comp.members:
        lo, hi = box(scen.roles[m.kode], mn)
        up[m] = ISet.range(lo, hi)
    kids = {}
    if comp.kind == 'county':
        c = comp.top
        kids[c] = comp.members
        s = ISet.point(known_sum(t.children(c), 'N'))
        for m in comp.members:
            s = s + up[m]
        up[c] = s if alone else s & ISet.point(c.vals['N'])
        root, consts = c, {c: known_sum(t.children(c), 'N')}
    else:
        consts = {}
        for c in comp.counties:
            kids[c] = [m for m in comp.members if m.parent == c.kode]
            consts[c] = known_sum(t.children(c), 'N')
            s = ISet.point(consts[c])
            for m in kids[c]:
                s = s + up[m]
            up[c] = s & scen.allowed[c.kode]
        land = t.land
        kids[land] = comp.counties
        consts[land] = known_sum(t.counties.values(), 'N')
        s = ISet.point(consts[land])
        for c in comp.counties:
            s = s + up[c]
        if land.status == 'pub':
            up[land] = s if alone else s & ISet.point(land.vals['N'])
        else:
            up[land] = s & scen.allowed['00']
        root = land
    if any(v.empty() for v in up.values()):
        return None
    down = {root: up[root]}
    stack = [root]
    while stack:
        node = stack.pop()
        ch = kids.get(node, [])
        if not ch:
            continue
        pre = [ISet.point(consts[node])]
        for x in ch:
            pre.append(pre[-1] + up[x])
        suf = [ISet.point(0)]
        for x in reversed(ch):
            suf.append(suf[-1] + up[x])
        suf.reverse()
        for i, x in enumerate(ch):
            others = pre[i] + suf[i + 1]
            down[x] = up[x] & (down[node] - others)
            if down[x].empty():
                return None
            stack.append(x)
    return down


def group_sums(t, comp, key):
    """The group's known sum of `key` (plans or a class) below its published total, or
    None when the component has no published total (a hidden country)."""
    top = comp.top
    if top.status != 'pub':
        return None
    if comp.kind == 'county':
        return top.vals[key] - known_sum(t.children(top), key)
    s = top.vals[key] - known_sum(t.counties.values(), key)
    for c in comp.counties:
        s -= known_sum(t.children(c), key)
    return s


def formula_hulls(t, comp, scen):
    """{(place, quantity): (lo, hi)} for one scenario, or None. Quantities: 'N' and
    (partition, class); for answer checks also (partition, '!' + class), the plans of
    the place not in that class."""
    sets = solve_counts(t, comp, scen)
    if sets is None:
        return None
    out = {}
    S = group_sums(t, comp, 'N')
    for x in comp.hidden_nodes():
        lo, hi = sets[x].lo(), sets[x].hi()
        out[(x, 'N')] = (lo, hi)
        pub_n = 0
        if x.niva == 'kommune':
            base_n, base = (lo, hi), {}
        else:   # the hidden part of a county or the country, over the published part
            kids = t.children(x) if x.niva == 'fylke' else t.counties.values()
            pub_n = known_sum(kids, 'N')
            if x.niva == 'land':
                pub_n += sum(known_sum(t.children(c), 'N') for c in comp.counties)
            base_n = (lo - pub_n, hi - pub_n)
            base = {'kids': kids}
        for name, classes, _ in t.partitions:
            for cl in classes:
                key = (name, cl)
                if base:
                    pub_x = known_sum(base['kids'], key)
                    if x.niva == 'land':
                        pub_x += sum(known_sum(t.children(c), key) for c in comp.counties)
                else:
                    pub_x = 0
                s = group_sums(t, comp, key)
                pub_rest = (pub_n - pub_x) if base else 0
                for q, sx, known in ((cl, s, pub_x), ('!' + cl, None if s is None else S - s,
                                                      pub_rest)):
                    if sx is None:
                        rng = (0, base_n[1])
                    else:
                        rng = (max(0, sx - S + base_n[0]), min(sx, base_n[1]))
                    out[(x, (name, q))] = (known + rng[0], known + rng[1])
    return out


# ----------------------------------------------------------- scenarios -------------

def scenarios_b(t, comp, roles, rowcap, findings):
    """The one scenario of the role-knowing attacker, after checking that the method
    kept its own rules with these roles (rules 2, 3 and 4)."""
    key = lambda p: roles.get((t.year, p.niva, p.kode))
    r = {m.kode: key(m) for m in comp.members}
    if None in r.values():
        findings.append('UNSOUND %d: no role given for a hidden municipality' % t.year)
        return []
    allowed = {}
    for c in comp.counties:
        allowed[c.kode] = county_allowed(t, comp, c, r, key(c))
    if comp.kind == 'upper':
        lr = key(t.land)
        allowed['00'] = (ISet.range(0, t.min_n - 1) if lr == 'small' else
                         ISet.range(t.min_n) if lr == 'large' else ISet.range(0)) & rowcap
    sc = Scenario(r, allowed)
    check_rules(t, comp, sc, findings)
    return [sc]


def narrowed(t, comp, scen):
    """The hidden nodes whose count publication narrows below what rule 2 allows with the
    scenario's roles: fewer than min_n values, and fewer than the roles alone leave.
    None when no table fits the scenario."""
    pub = solve_counts(t, comp, scen)
    if pub is None:
        return None
    alone = solve_counts(t, comp, scen, alone=True)
    out = []
    for x in comp.hidden_nodes():
        w = width(pub[x].lo(), pub[x].hi())
        w_alone = width(alone[x].lo(), alone[x].hi())
        if w < min(t.min_n, w_alone):
            out.append(x)
    return out


def roles_fit(t, comp, r):
    """Rule 3's and 4's demands on the roles: a small one in every group; a partner in
    every group under a published total (the first candidate is taken)."""
    roles = [r[m.kode] for m in comp.members]
    if comp.top.status == 'pub' and 'large' not in roles:
        return False
    if comp.kind == 'county':
        return 'small' in roles
    return True


def check_rules(t, comp, scen, findings):
    S = group_sums(t, comp, 'N')
    if S is None:
        return
    where = '%d %s %s' % (t.year, comp.top.niva, comp.top.kode)
    if not roles_fit(t, comp, scen.roles):
        findings.append('RULE %s: the roles %s break rule 3 (a small one, a partner)'
                        % (where, sorted(scen.roles.items())))
    bad = narrowed(t, comp, scen)
    if bad:
        findings.append('RULE %s: with the true roles the group is not safe by rule 2: %s'
                        % (where, ', '.join('%s %s' % (x.niva, x.kode) for x in bad)))


def scenarios_a(t, comp, rowcap):
    """Every role assignment the published files and the rules allow, one per count of
    partners in each group (members of a group, or of one hidden county under the
    country, are interchangeable)."""
    if comp.kind == 'county':
        per_county = [comp.members]
    else:
        per_county = [[m for m in comp.members if m.parent == c.kode] for c in comp.counties]
    n = 1
    for ms in per_county:
        n *= len(ms) + 1
    if n > 200000:
        raise SystemExit('attacker: %d role assignments in %d: too many' % (n, t.year))
    out = []
    for ps in itertools.product(*[range(len(ms) + 1) for ms in per_county]):
        r = {}
        for ms, p in zip(per_county, ps):
            for i, m in enumerate(ms):
                r[m.kode] = 'large' if i < p else 'small'
        if not roles_fit(t, comp, r):
            continue
        allowed = {c.kode: county_allowed(t, comp, c, r, None) for c in comp.counties}
        allowed['00'] = rowcap
        sc = Scenario(r, allowed)
        if comp.top.status == 'pub' and narrowed(t, comp, sc) != []:
            continue                                   # rule 2 (and 4) with these roles
        out.append(sc)
    return out


def symmetric_groups(comp):
    """Sets of hidden municipalities the published-files attacker cannot tell apart."""
    if comp.kind == 'county':
        return [comp.members]
    return [[m for m in comp.members if m.parent == c.kode] for c in comp.counties]


def hulls_over(t, comp, scens, engine, symmetric):
    total = {}
    for sc in scens:
        h = engine(t, comp, sc)
        if h is None:
            continue
        for k, (lo, hi) in h.items():
            if k in total:
                total[k] = (min(total[k][0], lo), max(total[k][1], hi))
            else:
                total[k] = (lo, hi)
    if symmetric:
        for ms in symmetric_groups(comp):
            qs = {q for (x, q) in total if x in ms}
            for q in qs:
                rs = [total[(x, q)] for x in ms if (x, q) in total]
                u = (min(r[0] for r in rs), max(r[1] for r in rs))
                for x in ms:
                    total[(x, q)] = u
    return total or None


# -------------------------------------------------------------- guarantee ----------

def alone_widths(t, comp, scens):
    """{place: how many values the roles alone leave its count}, over the scenarios (the
    attacker's knowledge of roles, without any published sum)."""
    out = {}
    for sc in scens:
        sets = solve_counts(t, comp, sc, alone=True)
        if sets is None:
            continue
        for x in comp.hidden_nodes():
            lo, hi = sets[x].lo(), sets[x].hi()
            if x in out:
                lo, hi = min(lo, out[x][0]), max(hi, out[x][1])
            out[x] = (lo, hi)
    return {x: width(lo, hi) for x, (lo, hi) in out.items()}


def check_guarantee(t, comp, hulls, alone, say, names, mode):
    """Promise 1: no hidden count narrowed below min_n values, or below what the roles
    alone leave; promise 2: no group all or none of an answer class."""
    mn = t.min_n
    top = comp.top
    for x in comp.hidden_nodes():
        lo, hi = hulls[(x, 'N')]
        label = '%d %s %s %s' % (t.year, x.niva, x.kode, names.get((x.niva, x.kode), ''))
        need = min(mn, alone.get(x, mn))
        if width(lo, hi) < need:
            say('BREACH count %s: %s active plans in [%s, %s], %d values < %d (min_n %d, '
                'roles alone %s) (%s)' % (label, t.family, lo, fmt(hi), hi - lo + 1, need, mn,
                                          fmt(alone.get(x, INF)), mode))
        if hi == 0:
            continue
        for name, classes, answers in t.partitions:
            for cl in answers:
                for q, what in ((cl, 'none'), ('!' + cl, 'all')):
                    if hulls[(x, (name, q))][1] != 0:
                        continue
                    if top.status == 'pub' and top.vals['N'] >= mn:
                        pv = top.vals[(name, cl)]
                        if (what == 'none' and pv == 0) or (what == 'all' and pv == top.vals['N']):
                            continue    # the published total says it of all its plans
                    say('BREACH answer %s: %s of its plans are %s "%s" (plans in [%s, %s]) (%s)'
                        % (label, what, name, cl, lo, fmt(hi), mode))


def check_files(pub, say):
    years = set(pub.years)
    hidden_years = {y for y in pub.years
                    if any(c[2] for c in pub.cells.get((y, 'land', '00'), {}).values())}
    for aar, fil, maal, antall, prikket in pub.files:
        m = re.fullmatch(r'(planer|kartlegging)-(\d{4})\.csv', fil.lower())
        if not m or prikket:
            continue
        y = int(m.group(2))
        if y not in years:
            say('BREACH file %s %s = %s shown, but %d is outside the run (%s)'
                % (fil, maal, antall, y, ', '.join(map(str, sorted(years)))))
        elif m.group(1) == 'planer' and y in hidden_years:
            say('BREACH file %s %s = %s shown, but the country\'s plan figures of %d are hidden'
                % (fil, maal, antall, y))


def fmt(v):
    return 'inf' if v == INF else str(v)


# ------------------------------------------------------------------ main -----------

def read_roles(path):
    roles = {}
    for rec in rawcsv.read(path):
        roles[(int(rec['aar']), rec['niva'], rec['kode'])] = rec['rolle']
    return roles


def read_truth(path):
    """aar;niva;kode;maal;verdi with maal N, or partition:class."""
    truth = {}
    for rec in rawcsv.read(path):
        q = rec['maal']
        q = 'N' if q == 'N' else tuple(q.split(':', 1))
        truth[(int(rec['aar']), rec['niva'], rec['kode'], q)] = int(rec['verdi'])
    return truth


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--published', required=True, help='OUT/YYYY of a run')
    ap.add_argument('--data', required=True, help='the data folder (for kommuner.csv)')
    ap.add_argument('--indicators', required=True, help='the indicators/ folder')
    ap.add_argument('--roles', help='aar;niva;kode;rolle: the role-knowing attacker')
    ap.add_argument('--truth', help='aar;niva;kode;maal;verdi: check the attacker is sound')
    ap.add_argument('--engine', default='formula', choices=('formula', 'milp', 'both'))
    ap.add_argument('--intervals', help='write every range found here')
    ap.add_argument('--quiet', action='store_true', help='print breaches only')
    a = ap.parse_args(argv)

    pub = Published(a.published)
    reg = rawcsv.register(os.path.join(a.data, 'kommuner.csv'))
    defs = read_definitions(a.indicators)
    roles = read_roles(a.roles) if a.roles else None
    truth = read_truth(a.truth) if a.truth else None
    mode = 'published files only'
    if roles is not None:
        every = any(k[1] != 'kommune' for k in roles)
        mode = 'role-knowing, %s' % ('every place' if every else 'municipalities only')
    breaches, problems, rows = [], [], []

    def say(line):
        (breaches if line.startswith('BREACH') else problems).append(line)

    check_files(pub, say)
    n_hidden = 0
    for t in build_tables(pub, reg, defs):
        for f in t.findings:
            say(f)
        rowcap = rows_bound(t, pub)
        for comp in components(t):
            n_hidden += len(comp.hidden_nodes())
            findings = []
            scens = (scenarios_b(t, comp, roles, rowcap, findings) if roles is not None
                     else scenarios_a(t, comp, rowcap))
            for f in findings:
                say(f)
            results = {}
            engines = {'formula': [formula_hulls], 'both': [formula_hulls, milp_hulls],
                       'milp': [milp_hulls]}[a.engine]
            for engine in engines:
                results[engine] = hulls_over(t, comp, scens, engine, roles is None)
            hulls = results[engines[0]]
            if len(engines) == 2 and results[engines[0]] != results[engines[1]]:
                for k in sorted(set(results[engines[0]] or {}) | set(results[engines[1]] or {}),
                                key=str):
                    r0 = (results[engines[0]] or {}).get(k)
                    r1 = (results[engines[1]] or {}).get(k)
                    if r0 != r1:
                        say('UNSOUND %d %s %s %s: formula %s, milp %s'
                            % (t.year, k[0].niva, k[0].kode, k[1], r0, r1))
            if hulls is None:
                say('UNSOUND %d %s %s: no table fits the published figures and the rules (%s)'
                    % (t.year, comp.top.niva, comp.top.kode, mode))
                continue
            check_guarantee(t, comp, hulls, alone_widths(t, comp, scens), say, pub.names,
                            mode)
            for (x, q), (lo, hi) in sorted(hulls.items(), key=lambda kv: (kv[0][0].niva,
                                                                          kv[0][0].kode, str(kv[0][1]))):
                if q != 'N' and q[1].startswith('!'):
                    continue
                qs = q if q == 'N' else '%s:%s' % q
                rows.append('%d;%s;%s;%s;%s;%s' % (t.year, x.niva, x.kode, qs, lo, fmt(hi)))
                if truth is not None:
                    v = truth.get((t.year, x.niva, x.kode, q))
                    if v is None or not lo <= v <= hi:
                        say('UNSOUND %d %s %s %s: true value %s outside [%s, %s] (%s)'
                            % (t.year, x.niva, x.kode, qs, v, lo, fmt(hi), mode))
    if a.intervals:
        with open(a.intervals, 'w', encoding='utf-8') as f:
            f.write('aar;niva;kode;maal;fra;til\n')
            f.write(''.join(r + '\n' for r in rows))
    for line in breaches + problems:
        print(line)
    if not a.quiet:
        print('attacker (%s): %d hidden places, %d breaches, %d problems'
              % (mode, n_hidden, len(breaches), len(problems)))
    return 3 if problems else (1 if breaches else 0)


def milp_hulls(t, comp, scen):
    import milp   # only when asked: needs glpsol
    return milp.hulls(t, comp, scen)


if __name__ == '__main__':
    sys.exit(main())
