# A register row whose name is 70,000 bytes long: libharu cannot measure or print such a
# text, and a libharu error once made every later page fail to start, so that the county
# report waited for a page forever. The name is refused where it is read.
set -eu
cp kommuner.in kommuner.csv
awk 'BEGIN { printf "1599;Lang"; for (i = 0; i < 70000; i++) printf "x"; print ";15;Møre og Romsdal;5000" }' >>kommuner.csv
# Plans of that municipality, so that the county report's charts name it.
cp planer.in planer-2024.csv
awk 'BEGIN { for (i = 1; i <= 8; i++)
	printf "L%d;1599;rus;2023-05-10;2024-01-10;aktiv;ja;2;ja;ja;ja\n", i }' >>planer-2024.csv
