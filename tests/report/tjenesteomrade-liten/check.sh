#!/bin/sh
# A service area below min_n is hidden with a partner and cannot be recovered (README);
# a municipality with too few plans to split safely is not split.
set -u
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
"$BIN" report --data . --out "$t/out" >/dev/null 2>&1 || { echo "check.sh: the run failed"; exit 1; }
"$BIN" report --data . --out "$t/dumped" --dump 2>/dev/null | sed 's/\xc2\xa0/ /g' >"$t/dump"
fail=0
grep -q 'small "Vises ikke av personvernhensyn (:): [^"]*Rus' "$t/dump" &&
	! grep -q 'row  "Rus"' "$t/dump" ||
	{ echo "check.sh: rus is not hidden in the report"; fail=1; }
# Molde, not split, is told the rule with its number: min_n 5 x 9 groups - 1.
grep -q 'Molde kommune på tjenesteområder vises ikke av personvernhensyn: .* minst 44 aktive planer' "$t/dump" ||
	{ echo "check.sh: Molde's report does not give the split rule with its 44 plans"; fail=1; }
python3 - "$t/out/2024" planer-2024.csv <<'PY' || fail=1
import csv, sys
out, plans = sys.argv[1], sys.argv[2]
MIN_N = 5
def rows(name):
    with open(f"{out}/{name}", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f, delimiter=";"))
extra, ind = rows("tilleggstall.csv"), rows("indikatorer.csv")
bad = 0
def say(msg):
    global bad
    print("check.sh:", msg); bad = 1
if any(r["indikator"].startswith("tjenesteomrade_") and r["niva"] != "kommune" for r in extra):
    say("service areas published for a county or the country")
# the truth, from the input: active plans per group of 1505
truth = {}
names = {"psykisk helse": "psykisk_helse", "rus": "rus", "habilitering voksne":
         "habilitering_voksne", "rehabilitering": "rehabilitering"}
with open(plans, encoding="utf-8") as f:
    for r in csv.DictReader(f, delimiter=";"):
        if r["kommunenr"] == "1505":
            g = names.get(r["tjenesteomrade"], "annet")
            truth[g] = truth.get(g, 0) + 1
svc = {}
for r in extra:
    if r["kode"] == "1505" and r["indikator"].startswith("tjenesteomrade_"):
        svc.setdefault(r["indikator"][15:], {})[r["maal"]] = (r["antall"], r["prikket"])
if len(svc) != 9:
    say(f"expected rows for all 9 groups of 1505, found {len(svc)}")
hidden = [g for g, m in svc.items() if m["aktive_planer"][1] == "1"]
if "rus" not in hidden:
    say("rus (3 plans) is published")
if not any(truth.get(g, 0) >= MIN_N for g in hidden):
    say("no partner with plans is hidden with rus")
tot = {r["indikator"]: r for r in ind if r["kode"] == "1505" and r["aar"] == "2024"}
total = int(tot["plan_oppdatert"]["nevner"])
pub = sum(int(m["aktive_planer"][0]) for g, m in svc.items() if g not in hidden)
s = total - pub
lo_r = {g: (0, MIN_N - 1) if truth.get(g, 0) < MIN_N else (MIN_N, s) for g in hidden}
for g in hidden:
    lo = max(lo_r[g][0], s - sum(lo_r[h][1] for h in hidden if h != g))
    hi = min(lo_r[g][1], s - sum(lo_r[h][0] for h in hidden if h != g))
    want = min(MIN_N, lo_r[g][1] - lo_r[g][0] + 1)
    if hi - lo + 1 < want:
        say(f"{g}: the attacker narrows it to {lo}..{hi}")
    print(f"{g}: {lo}..{hi} (true {truth.get(g, 0)})")
# The split rule: a municipality with fewer than min_n * 9 groups - 1 = 44 active plans
# is not split at all (Molde, 22); one with more is (Kristiansund, 46: rus hidden with a
# partner, the rest shown).
for kode, want_split in (("1506", False), ("1505", True)):
    n = int(next(r for r in ind if r["kode"] == kode and r["aar"] == "2024" and
                 r["indikator"] == "plan_oppdatert")["nevner"])
    shown = [r for r in extra if r["kode"] == kode and r["indikator"].startswith(
        "tjenesteomrade_") and r["maal"] == "aktive_planer" and r["prikket"] == "0"]
    if want_split != (n >= 44) or want_split != bool(shown):
        say(f"{kode} with {n} plans: split {bool(shown)}, expected {want_split}")
for i in ("plan_oppdatert", "mal_definert", "brukermedvirkning", "koordinator",
          "samtykke", "ansvarsgruppe"):
    num, den = int(tot[i]["teller"]), int(tot[i]["nevner"])
    hn = num - sum(int(m[i + "_teller"][0]) for g, m in svc.items() if g not in hidden)
    hd = den - sum(int(m[i + "_nevner"][0]) for g, m in svc.items() if g not in hidden)
    if 0 < num < den and not 0 < hn < hd:
        say(f"{i}: the hidden areas are all or none ({hn} of {hd})")
sys.exit(bad)
PY
exit $fail
