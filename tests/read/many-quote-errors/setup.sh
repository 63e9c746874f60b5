# 50,000 rows whose tjenesteomrade holds an unquoted 12" (a text column as exported): each
# is a CSV error said with its position. Positions are counted from the last known one,
# not from the start of the file: this run took minutes when every error counted from
# byte 0 (run.sh's timeout fails it then).
set -eu
awk 'BEGIN {
	print "plan_id;kommunenr;tjenesteomrade;opprettet;sist_oppdatert;status;koordinator;antall_mal;brukermedvirkning;samtykke;ansvarsgruppe"
	for (i = 1; i <= 50000; i++)
		printf "P%d;0301;skjerm 12\" bred;01.02.2023;15.03.2024;aktiv;ja;3;ja;ja;ja\n", i
	print "P0;0301;psykisk helse;01.02.2023;15.03.2024;aktiv;ja;3;ja;ja;ja"
}' >planer-2024.csv
