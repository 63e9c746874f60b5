#!/usr/bin/python3
"""Rewrites a font's Unicode character maps (cmap format 4) as a few long segments.

usage: tools/cmap4.py FONT.ttf OUT.ttf

Why: libharu 2.3 looks a character up by walking the segments one by one
(HPDF_TTFontDef_GetGlyphid), and it looks up all 65,536 BMP code points for each font of
each document it makes (CIDFontType2_New). fontTools writes the fewest bytes, which for the
report fonts' scattered characters is 22 segments: 1.5 million steps per font per report.
Here a segment spans every character up to a gap of more than GAP code points, and the
characters in between map to glyph 0 through the glyph array: 4 segments, a few more
bytes. The mapping itself (code point -> glyph) is unchanged, and checked.
"""
import struct
import sys

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables.DefaultTable import DefaultTable

GAP = 512


def segments(codes):
    """Runs of sorted code points, split where two lie more than GAP apart."""
    runs = [[codes[0], codes[0]]]
    for c in codes[1:]:
        if c - runs[-1][1] > GAP:
            runs.append([c, c])
        else:
            runs[-1][1] = c
    return runs


def format4(glyph_of):
    """A cmap format 4 subtable: one segment per run through the glyph array, then U+FFFF."""
    runs = segments(sorted(c for c in glyph_of if c < 0xFFFF))
    n = len(runs) + 1
    ends, starts, deltas, offsets, array = [], [], [], [], []
    for i, (start, end) in enumerate(runs):
        ends.append(end)
        starts.append(start)
        deltas.append(0)
        # idRangeOffset counts bytes from its own entry to the segment's first glyph.
        offsets.append(2 * (n - i + len(array)))
        array.extend(glyph_of.get(c, 0) for c in range(start, end + 1))
    ends.append(0xFFFF)
    starts.append(0xFFFF)
    deltas.append(1)
    offsets.append(0)
    power = 1
    while power * 2 <= n:
        power *= 2
    length = 16 + 8 * n + 2 * len(array)
    if length > 0xFFFF:
        sys.exit("cmap4: the character map would exceed 64 KB")
    return (struct.pack(">7H", 4, length, 0, 2 * n, 2 * power, power.bit_length() - 1,
                        2 * n - 2 * power) +
            struct.pack(">%dH" % n, *ends) + b"\0\0" +
            struct.pack(">%dH" % n, *starts) +
            struct.pack(">%dh" % n, *deltas) +
            struct.pack(">%dH" % n, *offsets) +
            struct.pack(">%dH" % len(array), *array))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2])
    # The file's time stamp kept: the same font bytes on every build, so the same reports.
    font = TTFont(sys.argv[1], recalcTimestamp=False)
    best = font["cmap"].getcmap(3, 1)
    if best is None:
        sys.exit("cmap4: %s has no Windows Unicode character map" % sys.argv[1])
    glyph_of = {c: font.getGlyphID(name) for c, name in best.cmap.items()}
    sub = format4(glyph_of)
    # The same subtable serves Unicode (0, 3) and Windows Unicode (3, 1).
    table = DefaultTable("cmap")
    table.data = struct.pack(">HH", 0, 2) + struct.pack(">HHL", 0, 3, 20) + \
        struct.pack(">HHL", 3, 1, 20) + sub
    font["cmap"] = table
    font.save(sys.argv[2])
    saved = TTFont(sys.argv[2])
    again = {c: saved.getGlyphID(n) for c, n in saved["cmap"].getcmap(3, 1).cmap.items()}
    if again != glyph_of:
        sys.exit("cmap4: the rewritten map differs from the font's own")


if __name__ == "__main__":
    main()
