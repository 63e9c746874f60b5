"""Reads CSV files as users export them (docs/formats.md), for the test tools that work
beside ipkval (truth.py, attacker.py): UTF-8 with or without BOM, UTF-16, or
Windows-1252; `;`, `,` or TAB as the header shows, or a first `sep=` line; blank lines
before the header; loose column names (case, spaces, `_`, `-`, æ/ø/å folded). Written
apart from src/ on purpose: the tests must not share the reader they check.
Standard library only.
"""
import csv
import io
import re

FOLD = str.maketrans({'æ': 'ae', 'ø': 'o', 'å': 'a'})
# The few aliases the test data uses; indicators/kolonner.csv has the full list.
ALIASES = {'id': 'planid', 'kommunenummer': 'kommunenr', 'knr': 'kommunenr',
           'navn': 'kommunenavn', 'fylke': 'fylkesnavn', 'folketall': 'innbyggere'}


def fold(name):
    name = name.strip().lower().translate(FOLD)
    name = re.sub(r'[\s_\-]', '', name)
    return ALIASES.get(name, name)


def decode(data):
    if data.startswith(b'\xef\xbb\xbf'):
        return data[3:].decode('utf-8')
    if data.startswith(b'\xff\xfe'):
        return data[2:].decode('utf-16-le')
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError:
        return data.decode('cp1252')


def read(path):
    """The rows of a CSV file as dicts keyed by folded column name (first column wins)."""
    with open(path, 'rb') as f:
        text = decode(f.read())
    lines = text.replace('\r\n', '\n').replace('\r', '\n').split('\n')
    sep = None
    while lines and (not lines[0].strip() or re.fullmatch(r'[;,\t]*', lines[0].strip())):
        lines.pop(0)
    if lines and lines[0].lower().startswith('sep='):
        sep = lines[0][4:5] or '\t'
        lines.pop(0)
    if not lines:
        return []
    if sep is None:
        header = lines[0]
        sep = max(';,\t', key=header.count)
    rows = list(csv.reader(io.StringIO('\n'.join(lines)), delimiter=sep))
    names = [fold(n) for n in rows[0]]
    out = []
    for row in rows[1:]:
        if not any(v.strip() for v in row):
            continue
        rec = {}
        for name, value in zip(names, row):
            rec.setdefault(name, value.strip(' \t\u00a0\u202f'))
        out.append(rec)
    return out


def kommunenr(value):
    value = value.strip()
    if re.fullmatch(r'\d{3}', value):
        value = '0' + value
    return value if re.fullmatch(r'\d{4}', value) else None


def population(value):
    """A register's innbyggere as a whole number, or None (empty, 0 or unreadable)."""
    v = re.sub(r'[\s\u00a0\u202f]', '', value or '')
    if re.fullmatch(r'\d{1,3}(\.\d{3})+', v):
        v = v.replace('.', '')
    v = re.sub(r',0+$', '', v)
    return int(v) if re.fullmatch(r'\d+', v) and int(v) > 0 else None


def register(path):
    """kommunenr -> (name, fylkesnr, fylkesnavn, innbyggere or None), first row wins."""
    reg = {}
    for rec in read(path):
        code = kommunenr(rec.get('kommunenr', ''))
        if code is None or code in reg:
            continue
        fylke = rec.get('fylkesnr', '').strip()
        if re.fullmatch(r'\d', fylke):
            fylke = '0' + fylke
        reg[code] = (rec.get('kommunenavn', ''), fylke, rec.get('fylkesnavn', ''),
                     population(rec.get('innbyggere', '')))
    return reg
