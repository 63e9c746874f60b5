# indicators/ as shipped, with a samsvar.txt that has every kind of mistake: an unknown
# question, an unknown indicator, a survey indicator, a pair given twice, a pair of three
# words, an answer class and a level that do not exist, a rule of one word, a rule given
# twice, an unknown key and a line without '=' (made from the current files).
set -eu
rm -rf ind
cp -r "$TOP/indicators" ind
cat >ind/samsvar.txt <<'END'
# broken on purpose
par   = K9 koordinator
par   = K1 koordinater
par   = IK1 internkontroll
par   = K1 koordinator
par   = K1 koordinator
par   = K1 koordinator samtykke
avvik = etablert lav
avvik = kanskje lav
avvik = etablert høy
avvik = ubesvart lav
avvik = etablert
avvik = etablert lav
paar  = I5 brukermedvirkning
par K1 samtykke
END
