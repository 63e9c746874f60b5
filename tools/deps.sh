#!/bin/sh
# Installs the Debian 12 packages ipkval needs to build, test and render, when any is
# missing. Called by every make target that builds; quiet when all is there.
set -eu
pkgs="gcc make pkg-config libc6-dev libcsv-dev libcairo2-dev libfreetype-dev libhpdf-dev
libpcre2-dev libcmocka-dev fonts-dejavu-core python3 python3-fonttools poppler-utils qpdf
glpk-utils"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
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
