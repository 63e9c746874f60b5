#!/usr/bin/env python3
"""Checks the figures of municipal reports cell by cell against the tables of the run.

    summarycheck.py DUMP OUT/YYYY FELLES.TXT

DUMP is `ipkval report --dump` of the run, OUT/YYYY the folder that run wrote (its
indikatorer.csv and tilleggstall.csv, and kommune/*.pdf, read with `pdftotext -layout`),
FELLES.TXT the templates' felles.txt of the language (symbols, level and answer words,
units; kommune.txt beside it for the summary's own words). Run in the data folder: its
kommuner.csv says each municipality's county, and its referanse.csv (any case), when
there is one, holds the comparisons the reports take from a reference table. For every
municipal report:

  1. the summary table (the first table whose columns are the indicator, the
     municipality, the level, the comparisons and perhaps the change): row i is the i-th
     indicator of the municipality in indikatorer.csv. Its value cell is ":" when hidden,
     ".." when missing, the municipality's answer in «» for internkontroll, else the
     value with its unit ("66,7 %", "0,3 per 1000") and under it the counts ("4 av 6",
     "8 planer"); its level cell is ":" or "..", the class of the answer
     (tilleggstall.csv's internkontroll_svar) with its symbol ("● Etablert"), "Ikke
     vurdert" for a published figure without a level, else the symbol and word of
     niva_kategori ("● God"). A comparison cell is "–" (no comparison) or holds, in its
     first line, the county's or the country's figure as the reference table or
     indikatorer.csv has it (":" or ".." as such);
  2. the table of data sources (the table whose rows name *.csv files): rows read, used
     and left out are exactly those of tilleggstall.csv, written as reports write counts
     (four digits together, from five grouped by three with a no-break space), ":" when
     hidden;
  3. the PDF shows each figure of the summary on its indicator's line: a line that
     begins with the indicator's name (its first line when it wraps) holds the value's
     first line as a cell; and each row of the data sources on one line, its cells in
     this order, split by runs of two or more spaces.

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
            elif cur is not None and line.startswith("\tcolumn "):
                m = re.search(r'"((?:[^"\\]|\\.)*)"$', line)
                cur.append(("column", m.group(1) if m else ""))
            elif cur is not None and line.startswith("\trow "):
                cur.append(re.findall(r'"((?:[^"\\]|\\.)*)"(?:\[[a-z]+\])?', line[5:]))
            elif cur is not None and not line.startswith("\t"):
                cur = None
    return reports


def pdf_lines(pdf):
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"],
                         capture_output=True, check=True).stdout.decode("utf-8")
    return [re.split(r"\s{2,}", l.replace(NBSP, " ").strip()) for l in out.split("\n")]


def reference_rows(year):
    """The rows of referanse.csv in the data folder for the year, or none."""
    for name in os.listdir("."):
        if name.lower() == "referanse.csv":
            return [r for r in table(name)[1:] if r and r[0] == year]
    return []


def main():
    dump, ydir, felles = sys.argv[1:4]
    t = templates(felles)
    tk = templates(os.path.join(os.path.dirname(felles), "kommune.txt"))
    hidden, missing = t["symbol.skjult"], t["symbol.mangler"]
    none_cmp = tk["sammendrag.ingen_sammenligning"]
    level = {k: t["niva.symbol." + k] + " " + t["niva." + k] for k in ("god", "middels", "lav")}
    answer = {k: t["svar.symbol." + k] + " " + t["svar." + k]
              for k in ("etablert", "under_arbeid", "ikke_etablert", "vet_ikke")}
    year = os.path.basename(ydir.rstrip("/"))
    rows = [r for r in table(os.path.join(ydir, "indikatorer.csv"))[1:] if r[0] == year]
    ref = reference_rows(year)
    extra = table(os.path.join(ydir, "tilleggstall.csv"))[1:]
    kommuner = table(os.path.join("kommuner.csv"))
    county_of = {r[0]: r[2] for r in kommuner[1:]}
    county_name = {r[2]: r[3] for r in kommuner[1:]}
    reports = parse_dump(dump)
    bad = []

    def value(r, ind):
        """The cell of one indikatorer.csv row (its first line)."""
        if r[8] == "1":
            return hidden
        if r[7] == "":
            return missing
        unit = t["verdi.promille"] if ind == "dekning" else t["verdi.prosent"]
        return unit.replace("{verdi}", r[7])

    def counts(r, ind):
        if ind == "dekning":
            return t["antall.planer"].replace("{antall}", count(r[5]))
        return t["antall.andel"].replace("{teller}", count(r[5])).replace(
            "{nevner}", count(r[6]))

    files, answered = {}, {}
    for r in extra:
        if r[1] == "fil":
            files.setdefault(r[2], {})[r[5]] = hidden if r[7] == "1" else count(r[6])
        elif r[0] == year and r[1] == "kommune" and r[4] == "internkontroll_svar" \
                and r[6] == "1":
            answered[r[2]] = r[5]

    n = 0
    for name in sorted(os.listdir(os.path.join(ydir, "kommune"))):
        code = name.split("-")[0]
        if name not in reports:
            bad.append(f"{name}: not in the dump")
            continue
        n += 1
        mine = [r for r in rows if r[1] == "kommune" and r[2] == code]
        fnr = county_of[code]
        place_rows = {}
        for src in (rows, ref):     # the reference table's rows win
            for r in src:
                if r[1] == "fylke" and r[2] == fnr:
                    place_rows[("fylke", r[4])] = r
                elif r[1] == "land":
                    place_rows[("land", r[4])] = r
        tables = reports[name]
        summary = None
        for tb in tables:
            cols = [c[1] for c in tb if isinstance(c, tuple)]
            body = [c for c in tb if not isinstance(c, tuple)]
            if len(cols) >= 4 and body and not body[0][0].endswith(".csv") and \
                    len(body) == len(mine):
                summary = (cols, body)
                break
        if summary is None:
            bad.append(f"{name}: no summary table of {len(mine)} rows")
            continue
        cols, body = summary
        kinds = []
        for title in cols[3:]:
            if title == county_name.get(fnr):
                kinds.append("fylke")
            elif title == tk["sammendrag.kol.land"]:
                kinds.append("land")
            else:
                kinds.append(None)  # the change since the year before
        want_lines = []
        for got, r in zip(body, mine):
            ind = r[4]
            got = [c.replace(NBSP, " ").replace("\\n", "\n") for c in got]
            first = [c.split("\n")[0] for c in got]
            if r[8] == "1" or r[7] == "":
                want_v, want_l = [value(r, ind)], value(r, ind)
            elif ind == "internkontroll":
                want_v = None
                want_l = answer.get(answered.get(code, ""), "?")
                if not (got[1].startswith("«") and got[1].endswith("»")):
                    bad.append(f"{name}: internkontroll: the summary says {got[1]}, "
                               "not the answer in «»")
            else:
                want_v = [value(r, ind), counts(r, ind)]
                want_l = level[r[9]] if r[9] else t["niva.ingen"]
            if want_v is not None and got[1].split("\n") != want_v:
                bad.append(f"{name}: {ind}: the summary says {got[1]!r}, indikatorer.csv "
                           f"{want_v}")
            if got[2] != want_l:
                bad.append(f"{name}: {ind}: the level cell says {got[2]!r}, want {want_l!r}")
            for i, kind in enumerate(kinds):
                if kind is None or 3 + i >= len(got) or first[3 + i] == none_cmp:
                    continue
                pr = place_rows.get((kind, ind))
                want = value(pr, ind) if pr else None
                cell = first[3 + i]
                if want is None or not (cell == want or cell.endswith(" " + want)):
                    bad.append(f"{name}: {ind}: the {kind} cell says {cell!r}, the tables "
                               f"{want!r}")
            if want_v is not None and want_v[0] not in (hidden, missing):
                want_lines.append((got[0].split("\n")[0].split(" ")[0], want_v[0]))
        sources = next((tb for tb in tables if tb and not isinstance(tb[-1], tuple) and
                        [c for c in tb if not isinstance(c, tuple)][0][0].endswith(".csv")),
                       None)
        src_rows = []
        if sources is None:
            bad.append(f"{name}: no table of data sources")
        else:
            for got in (c for c in sources if not isinstance(c, tuple)):
                f = files.get(got[0])
                want = [f.get(m) for m in ("rader_lest", "rader_brukt", "rader_utelatt")] \
                    if f else None
                if want is None or got[2:5] != want:
                    bad.append(f"{name}: {got[0]}: the sources say {got[2:5]}, "
                               f"tilleggstall.csv {want}")
                src_rows.append(got)
        lines = pdf_lines(os.path.join(ydir, "kommune", name))
        for word, v in want_lines:
            if not any(l and l[0].startswith(word) and v in l[1:] for l in lines):
                bad.append(f"{name}: no line of the PDF begins with {word!r} and holds {v}")
        for row in src_rows:
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
