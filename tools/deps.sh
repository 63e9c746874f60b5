#!/bin/sh
# Installs the Debian 12 packages ipkval needs to build, test and render, when any is
# missing. Called by every make target that builds; quiet when all is there.
set -eu
pkgs="gcc make pkg-config libc6-dev libcsv-dev libcairo2-dev libfreetype-dev libhpdf-dev
libpcre2-dev zlib1g-dev libcmocka-dev fonts-dejavu-core python3 python3-fonttools poppler-utils qpdf
mandoc icc-profiles-free default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java
clang libclang-rt-14-dev glpk-utils"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
# make check reads PDFs back with pdf.js, installed with npm: Debian's nodejs and npm,
# unless the machine has a Node.js with npm of its own.
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
	missing="$missing nodejs npm"
[ -z "$missing" ] && exit 0
echo "ipkval: installing missing Debian packages:$missing"
if [ "$(id -u)" != 0 ]; then
	echo "ipkval: run as root (or: sudo apt-get install -y$missing)" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing
