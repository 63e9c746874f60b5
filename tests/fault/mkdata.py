"""The data folder of the fault tests: sample-data/ cut down to two municipalities
(Stranda and Aukra, with plans, survey answers and action plans) and the whole register
and number changes, so that every stage runs and a run takes a tenth of a second.

usage: python3 tests/fault/mkdata.py SAMPLE_DATA OUT_DIR
"""
import csv
import io
import os
import sys

KEEP = {'1525', '1547', 'Stranda', 'Aukra'}


def main():
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    for name in sorted(os.listdir(src)):
        with open(os.path.join(src, name), encoding='utf-8', newline='') as f:
            text = f.read()
        out = open(os.path.join(dst, name), 'w', encoding='utf-8', newline='')
        if name in ('kommuner.csv', 'kommuneendringer.csv'):
            out.write(text)
            out.close()
            continue
        head = text.split('\n', 1)[0]
        delim = ',' if head.count(',') > head.count(';') else ';'
        rows = list(csv.reader(io.StringIO(text, newline=''), delimiter=delim))
        writer = csv.writer(out, delimiter=delim, lineterminator='\n')
        writer.writerow(rows[0])
        # The municipality is among the first three fields, by number or by name
        # ("Stranda kommune").
        writer.writerows(r for r in rows[1:]
                         if KEEP & {x.strip().split(' ')[0] for x in r[:3]})
        out.close()


main()
