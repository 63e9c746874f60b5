# A copy of the shipped indicators/ whose type and enhet disagree: dekning counted in
# percent, a share in per 1000 (koordinator, with type left out: andel is the default) and
# in promille (samtykke). Each is refused with its enhet line shown: the value would be
# scaled by the type and its level judged by the unit.
set -eu
rm -rf gen-ind
cp -r "$TOP/indicators" gen-ind
sed -i 's/^enhet          = per 1000$/enhet          = prosent/' gen-ind/dekning.ind
sed -i '/^type /d; s/^enhet          = prosent$/enhet          = per 1000/' gen-ind/koordinator.ind
sed -i 's/^enhet          = prosent$/enhet          = promille/' gen-ind/samtykke.ind
grep -q '^enhet          = prosent$' gen-ind/dekning.ind
! grep -q '^type' gen-ind/koordinator.ind
grep -q '^enhet          = per 1000$' gen-ind/koordinator.ind
grep -q '^enhet          = promille$' gen-ind/samtykke.ind
