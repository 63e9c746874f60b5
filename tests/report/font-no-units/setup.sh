# A report font (DejaVu Sans Bold, which make cuts the report fonts from) with unitsPerEm
# (head table, offset 18) set to 0: libharu divided by it (SIGFPE). It is refused by name
# before libharu sees it.
set -eu
rm -rf fonts
mkdir fonts
cp /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf fonts/ipkval-sans.ttf
cp /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf fonts/ipkval-sans-bold.ttf
python3 - fonts/ipkval-sans-bold.ttf <<'PY'
import struct, sys
path = sys.argv[1]
font = bytearray(open(path, 'rb').read())
for i in range(struct.unpack('>H', font[4:6])[0]):
    entry = 12 + 16 * i
    if font[entry:entry + 4] == b'head':
        head = struct.unpack('>I', font[entry + 8:entry + 12])[0]
        font[head + 18:head + 20] = b'\0\0'
open(path, 'wb').write(font)
PY
