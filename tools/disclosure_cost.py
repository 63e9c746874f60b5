#!/usr/bin/env python3
"""What disclosure control costs: places hidden in the plan figures of a run, against the
rules of the first data contract (the "old rules", which leaked; see docs/computation.md,
"Disclosure control").

usage: disclosure_cost.py DATA_DIR INDIKATORER_CSV [MIN_N]

Reads the raw plan exports of DATA_DIR (kommuner.csv, planer-YYYY.csv as gendata writes
them) for the true active-plan counts, applies the old rules to them, and counts the
places whose plan figures indikatorer.csv (written by ipkval from the same data) shows as
hidden. Prints one line: places with plan figures, below min_n, hidden now, hidden by the
old rules. Standard library only; for make bench.
"""
import csv
import glob
import os
import re
import sys


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def true_counts(data):
    """{year: {kommunenr: active plans}} for every municipality with plan rows."""
    out = {}
    for path in sorted(glob.glob(os.path.join(data, "planer-*.csv"))):
        year = int(re.search(r"(\d{4})", os.path.basename(path)).group(1))
        counts = out.setdefault(year, {})
        for row in read_csv(path):
            nr = row["kommunenr"].strip().zfill(4)
            counts.setdefault(nr, 0)
            if row["status"].strip().lower() in ("aktiv", "active"):
                counts[nr] += 1
    return out


def old_rules(counts, county_of, min_n):
    """The hidden places (kommunenr, fylkesnr, '00') of one year under the old rules:
    primary 1 .. min_n-1 (0 never hidden); rule 1 per county, then rule 2, in rounds."""
    county = {}
    for nr, n in counts.items():
        county[county_of[nr]] = county.get(county_of[nr], 0) + n
    total = sum(counts.values())
    hidden = {nr for nr, n in counts.items() if 1 <= n < min_n}
    hidden |= {c for c, n in county.items() if 1 <= n < min_n}
    if 1 <= total < min_n:
        hidden.add("00")
    while True:
        changed = False
        for c in sorted(county):
            munis = sorted(nr for nr in counts if county_of[nr] == c)
            if c in hidden or sum(nr in hidden for nr in munis) != 1:
                continue
            cand = [nr for nr in munis if nr not in hidden and counts[nr] >= min_n]
            if cand:
                hidden.add(min(cand, key=lambda nr: (counts[nr], nr)))
            else:
                hidden.add(c)
            changed = True
        hidden_counties = [c for c in county if c in hidden]
        if "00" not in hidden and len(hidden_counties) == 1:
            with_hidden = [c for c in county if c not in hidden and
                           any(county_of[nr] == c and nr in hidden for nr in counts)]
            others = [c for c in county if c not in hidden]
            if with_hidden:
                hidden.add(min(with_hidden, key=lambda c: (county[c], c)))
            elif others:
                c = min(others, key=lambda c: (county[c], c))
                hidden.add(c)
                cand = [nr for nr in counts if county_of[nr] == c and nr not in hidden
                        and counts[nr] >= min_n]
                if cand:
                    hidden.add(min(cand, key=lambda nr: (counts[nr], nr)))
            else:
                hidden.add("00")
            changed = True
        if not changed:
            return hidden


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__.strip().splitlines()[3])
    data, published = sys.argv[1], sys.argv[2]
    min_n = int(sys.argv[3]) if len(sys.argv) == 4 else 5
    county_of = {r["kommunenr"].zfill(4): r["fylkesnr"].zfill(2)
                 for r in read_csv(os.path.join(data, "kommuner.csv"))}
    places = small = now = old = 0
    shown = {}
    for row in read_csv(published):
        if row["indikator"] == "plan_oppdatert":
            shown[(int(row["aar"]), row["kode"])] = row["prikket"] == "1"
    for year, counts in sorted(true_counts(data).items()):
        hidden_old = old_rules(counts, county_of, min_n)
        codes = set(counts) | {county_of[nr] for nr in counts} | {"00"}
        county = {}
        for nr, n in counts.items():
            county[county_of[nr]] = county.get(county_of[nr], 0) + n
        size = dict(counts)
        size.update(county)
        size["00"] = sum(counts.values())
        for code in codes:
            places += 1
            small += size[code] < min_n
            now += shown.get((year, code), False)
            old += code in hidden_old
    print(f"{places} places with plan figures, {small} below min_n: hidden now {now}, "
          f"by the old rules {old}")


if __name__ == "__main__":
    main()
