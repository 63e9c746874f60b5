#!/usr/bin/env python3
"""Rewrites the key tables at the end of docs/templates.md ("#### [section]" onwards)
from templates/keys.txt, the authority. Run after changing keys.txt: python3 tools/keydoc.py"""
import re
import sys

KEYS, DOC = "templates/keys.txt", "docs/templates.md"


def tables(path):
    out, section = [], None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        m = re.match(r"\[(\w+)\]$", line)
        if m:
            section = m.group(1)
            out += ["", f"#### [{section}]", "", "| key | placeholders |", "| --- | --- |"]
            continue
        m = re.match(r"([\w.]+) =\s*(.*)$", line)
        if not m or section is None:
            continue
        rest = m.group(2).strip()
        if rest.startswith("liste:"):
            words = ", ".join(rest[len("liste:"):].split())
            what = f"list of: {words}"
        else:
            what = " ".join("{%s}" % w for w in rest.split()) or "—"
        out.append(f"| `{section}.{m.group(1)}` | {what} |")
    return out


def main():
    doc = open(DOC, encoding="utf-8").read()
    start = doc.find("#### [felles]")
    if start < 0:
        sys.exit(f"{DOC}: no '#### [felles]' section to replace")
    body = "\n".join(tables(KEYS)).lstrip("\n")
    open(DOC, "w", encoding="utf-8").write(doc[:start] + body + "\n")


main()
