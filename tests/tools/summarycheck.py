#!/usr/bin/env python3
"""Checks the figures of municipal reports cell by cell against the tables of the run.

    summarycheck.py DUMP OUT/YYYY FELLES.TXT

DUMP is `ipkval report --dump` of the run, OUT/YYYY the folder that run wrote (its
indikatorer.csv and tilleggstall.csv, and kommune/*.pdf, read with `pdftotext -layout`),
FELLES.TXT the templates' felles.txt of the language (symbols, level words, units). Run in
the data folder: its kommuner.csv says each municipality's county. For every municipal
report:

  1. the summary table (its first table of five or six columns, the sixth the change):
     row i is the i-th indicator of the municipality in indikatorer.csv, and its cells
     for the municipality, the county and the country are exactly what indikatorer.csv
     says: the value with its unit ("66,7 %", "0,3 per 1000"), ":" when hidden, ".."
     when missing; the municipality's internkontroll is its answer's class ("Etablert");
     the level cell is the symbol and word of niva_kategori ("● God"), ":" or "..";
  2. the table of data sources (the table whose rows name *.csv files): rows read, used
     and left out are exactly those of tilleggstall.csv, written as reports write counts
     (four digits together, from five grouped by three with a no-break space), ":" when
     hidden;
  3. the PDF shows each row of both tables on one line, its cells in this order, split
     by runs of two or more spaces: nothing else in between, nothing missing (the
     summary up to its level column: the change may wrap).

No-break spaces count as spaces, but in counts, where they are the digit groups.

Prints one line per difference and exits 1 if there is any. Standard library only.
"""
import csv
import os
import re
import subprocess
import sys

NBSP = "\u00a0"


def templates(path):
    """key -> text of a template file (only one-line texts are needed here)."""
    keys = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^([a-z0-9_.]+)\s*=\s*(.*?)\s*$", line)
            if m:
                keys[m.group(1)] = m.group(2)
    return keys


def table(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f, delimiter=";"))


def count(n):
    """A count as report_count writes it."""
    s = str(abs(int(n)))
    if len(s) > 4:
        groups = []
        while s:
            groups.insert(0, s[-3:])
            s = s[:-3]
        s = NBSP.join(groups)
    return ("\u2212" if int(n) < 0 else "") + s


def parse_dump(path):
    """report file name -> list of tables, each a list of rows (lists of cells)."""
    reports, tables, cur = {}, None, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("== "):
                tables = reports.setdefault(os.path.basename(line[3:]), [])
                cur = None
            elif tables is not None and re.match(r"^p[0-9?-]* table \d+ columns", line):
                cur = []
                tables.append(cur)
            elif cur is not None and line.startswith("\trow "):
                cur.append(re.findall(r'"((?:[^"\\]|\\.)*)"(?:\[[a-z]+\])?', line[5:]))
            elif cur is not None and not line.startswith("\t"):
                cur = None
    return reports


def pdf_lines(pdf):
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"],
                         capture_output=True, check=True).stdout.decode("utf-8")
    return [re.split(r"\s{2,}", l.replace(NBSP, " ").strip()) for l in out.split("\n")]


def main():
    dump, ydir, felles = sys.argv[1:4]
    t = templates(felles)
    hidden, missing = t["symbol.skjult"], t["symbol.mangler"]
    level = {k: t["niva.symbol." + k] + " " + t["niva." + k] for k in ("god", "middels", "lav")}
    answer = {"god": t["svar.etablert"], "middels": t["svar.under_arbeid"],
              "lav": t["svar.ikke_etablert"]}
    year = os.path.basename(ydir.rstrip("/"))
    rows = [r for r in table(os.path.join(ydir, "indikatorer.csv"))[1:] if r[0] == year]
    extra = table(os.path.join(ydir, "tilleggstall.csv"))[1:]
    kommuner = table(os.path.join("kommuner.csv"))
    county_of = {r[0]: r[2] for r in kommuner[1:]}
    reports = parse_dump(dump)
    bad = []

    def value(r, ind):
        """The cell of one indikatorer.csv row."""
        if r[8] == "1":
            return hidden
        if r[7] == "":
            return missing
        unit = t["verdi.promille"] if ind == "dekning" else t["verdi.prosent"]
        return unit.replace("{verdi}", r[7])

    files = {}
    for r in extra:
        if r[1] == "fil":
            files.setdefault(r[2], {})[r[5]] = hidden if r[7] == "1" else count(r[6])

    n = 0
    for name in sorted(os.listdir(os.path.join(ydir, "kommune"))):
        code = name.split("-")[0]
        if name not in reports:
            bad.append(f"{name}: not in the dump")
            continue
        n += 1
        mine = [r for r in rows if r[1] == "kommune" and r[2] == code]
        county = {r[4]: r for r in rows if r[1] == "fylke" and r[2] == county_of[code]}
        land = {r[4]: r for r in rows if r[1] == "land"}
        tables = reports[name]
        # Five columns, or six with the change since the year before.
        summary = next((tb for tb in tables if tb and len(tb[0]) in (5, 6) and
                        not tb[0][0].endswith(".csv")), None)
        if summary is None or len(summary) != len(mine):
            bad.append(f"{name}: no summary table of {len(mine)} rows")
            continue
        want_rows = []
        for got, r in zip(summary, mine):
            ind = r[4]
            k = value(r, ind)
            if ind == "internkontroll" and r[8] == "0" and r[7] != "":
                k = answer[r[9]]
            lv = hidden if r[8] == "1" else missing if r[9] == "" else level[r[9]]
            want = [got[0], k, value(county[ind], ind), value(land[ind], ind), lv]
            if [c.replace(NBSP, " ") for c in got[:5]] != want:
                bad.append(f"{name}: {ind}: the summary says {got[:5]}, indikatorer.csv {want}")
            # The change column may wrap ("Før: Ikke etablert"): the PDF line is
            # checked up to the level.
            want_rows.append(got[:5])
        sources = next((tb for tb in tables if tb and tb[0][0].endswith(".csv")), None)
        if sources is None:
            bad.append(f"{name}: no table of data sources")
        else:
            for got in sources:
                f = files.get(got[0])
                want = [f.get(m) for m in ("rader_lest", "rader_brukt", "rader_utelatt")] \
                    if f else None
                if want is None or got[2:5] != want:
                    bad.append(f"{name}: {got[0]}: the sources say {got[2:5]}, "
                               f"tilleggstall.csv {want}")
                want_rows.append(got)
        lines = pdf_lines(os.path.join(ydir, "kommune", name))
        for row in want_rows:
            cells = [c.replace(NBSP, " ") for c in row if c != ""]
            if not any(l[:len(cells)] == cells for l in lines):
                bad.append(f"{name}: no line of the PDF reads {' | '.join(cells)}")
    if n == 0:
        bad.append("no municipal report")
    for b in bad:
        print(b)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
