#!/bin/sh
# The municipal report's findings on the data set of tests/findings/rules (see
# tests/unit/findings.c for who is who): answers beside figures (samsvar.txt) and the
# development areas (funn.txt), in bokmål (the model: expected.dump, with every check of
# check-kommune.sh) and nynorsk (the sentences below).
#   a disagreement found: Kristiansund K1 "Ja" at lav, Molde K1 "Nei" at god, Ålesund
#     IK1 and I1 "Ja" against plan_oppdatert lav; not found: Ålesund K1 "Ja" at god,
#     Vanylven K1 "Delvis" at lav; never against a hidden figure: Bodø (hidden), "Ja"
#   each reason of a development area: a legal duty (Kristiansund, Vanylven koordinator;
#     Molde internkontroll "Vet ikke"), lav (Vanylven mal_definert), a fall beyond chance
#     (Ålesund plan_oppdatert), a contradicted answer (Kristiansund, Molde, Ålesund), an
#     overdue measure (Ålesund); none (Sande, Bodø)
set -u
fail=0
sh ../kommune-basic/check-kommune.sh || fail=1
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
# The paragraphs of one municipality's chapter: kommune code, chapter title, dump.
part() {
	awk -v k="$1" -v h="$2" '/^== /{ p = ($0 ~ "kommune/" k) } p' "$3" |
		awk -v h="$2" '/ heading 1 /{ q = (index($0, h) > 0) } q'
}
want() {	# want FILE TEXT WHAT
	grep -qF "$2" "$1" || { echo "$3: expected «$2»"; fail=1; }
}
wantnot() {
	if grep -qF "$2" "$1"; then echo "$3: did not expect «$2»"; fail=1; fi
}
for lang in nb nn; do
	# No-break spaces (in "20,0 %") as plain ones, for the patterns below.
	"$BIN" report --lang $lang --data . --out "$t/out" --dump 2>/dev/null |
		sed 's/\xc2\xa0/ /g' >"$t/$lang"
done
nb=$t/nb nn=$t/nn
part 1505 "Svar og tall" $nb >"$t/s"
want "$t/s" "svaret er vurdert som etablert, mens tallet har nivået lav" "Kristiansund K1"
part 1506 "Svar og tall" $nb >"$t/s"
want "$t/s" "svaret er vurdert som ikke etablert, mens tallet har nivået god" "Molde K1"
part 1507 "Svar og tall" $nb >"$t/s"
want "$t/s" "Svaret (vurdert som etablert) og tallet (nivået god) peker ikke i ulike retninger" "Ålesund K1"
part 1511 "Svar og tall" $nb >"$t/s"
want "$t/s" "Svaret (vurdert som delvis eller i gang) og tallet (nivået lav) peker ikke" "Vanylven K1"
part 1804 "Svar og tall" $nb >"$t/s"
want "$t/s" "vises ikke av personvernhensyn, og svaret blir ikke satt opp mot det" "Bodø hidden"
wantnot "$t/s" "peker i ulike retninger:" "Bodø hidden"
wantnot "$t/s" "peker ikke" "Bodø hidden"
part 1505 "Utviklingsområder" $nb >"$t/u"
want "$t/u" '"1. Koordinator er oppnevnt"' "Kristiansund area"
want "$t/u" "Lovkrav som tallene ikke viser er fulgt: tallet er 20,0 % (2 av 10)" "Kristiansund legal duty"
want "$t/u" "Kristiansund kommune svarte «Ja» på spørsmål K1" "Kristiansund contradicted answer"
part 1506 "Utviklingsområder" $nb >"$t/u"
want "$t/u" "Molde kommune svarte «Vet ikke» i kartleggingen" "Molde internkontroll"
part 1507 "Utviklingsområder" $nb >"$t/u"
want "$t/u" "Nedgang: tallet har gått ned fra 100,0 % (20 av 20) i 2023 til 30,0 % (6 av 20) i 2024" "Ålesund fall"
want "$t/u" "Forfalte tiltak: 2 av 3 tiltak" "Ålesund overdue"
want "$t/u" "Ålesund kommune svarte «Ja» på spørsmål IK1" "Ålesund contradicted answer"
part 1511 "Utviklingsområder" $nb >"$t/u"
want "$t/u" "Lavt nivå: tallet er 40,0 % (4 av 10)" "Vanylven lav"
for k in 1514 1804; do
	part $k "Utviklingsområder" $nb >"$t/u"
	want "$t/u" "gir ingen utviklingsområder for" "$k none"
	wantnot "$t/u" "heading 3" "$k none"
done
# Nynorsk: the same findings in its own words.
part 1506 "Svar og tal" $nn >"$t/s"
want "$t/s" "svaret er vurdert som ikkje etablert, medan talet har nivået god" "Molde K1 nn"
part 1507 "Utviklingsområde" $nn >"$t/u"
want "$t/u" "Nedgang: talet har gått ned frå 100,0 % (20 av 20) i 2023" "Ålesund fall nn"
want "$t/u" "Forfalne tiltak: 2 av 3 tiltak" "Ålesund overdue nn"
part 1511 "Utviklingsområde" $nn >"$t/u"
want "$t/u" "Lågt nivå: talet er 40,0 % (4 av 10), som gir nivået låg" "Vanylven lav nn"
part 1514 "Utviklingsområde" $nn >"$t/u"
want "$t/u" "gir ingen utviklingsområde for Sande kommune" "Sande none nn"
exit $fail
