# The report font cut to its first 20,000 bytes, as a broken copy would leave it: libharu
# read it and divided by zero (SIGFPE). It is refused by name before libharu sees it.
set -eu
rm -rf fonts
mkdir fonts
head -c 20000 "$TOP/build/fonts/ipkval-sans.ttf" >fonts/ipkval-sans.ttf
cp "$TOP/build/fonts/ipkval-sans-bold.ttf" fonts/
