# Inputs that are no regular file, or too large: a named pipe (reading it would wait for a
# writer forever), a link to /dev/zero (endless), a folder, and a sparse file one byte
# over the 512 MiB limit. Each is refused with its name; nothing waits or fills memory.
set -eu
rm -rf planer-2021.csv planer-2022.csv planer-2023.csv planer-2024.csv
mkfifo planer-2021.csv
ln -s /dev/zero planer-2022.csv
mkdir planer-2023.csv
printf 'plan_id;kommunenr;opprettet;status\n' >planer-2024.csv
truncate -s 536870913 planer-2024.csv
