# A report font (DejaVu Sans, which make cuts the report fonts from) cut to its first
# 20,000 bytes, as a broken copy would leave it: libharu read it and divided by zero
# (SIGFPE). It is refused by name before libharu sees it.
set -eu
rm -rf fonts
mkdir fonts
head -c 20000 /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf >fonts/ipkval-sans.ttf
cp /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf fonts/ipkval-sans-bold.ttf
