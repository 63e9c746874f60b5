# The named pipe, the link and the half-gigabyte sparse file are not kept in the tree.
rm -rf planer-2021.csv planer-2022.csv planer-2023.csv planer-2024.csv
