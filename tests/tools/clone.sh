#!/bin/sh
# clone.sh DEST: copies the working tree (what git tracks, and new files it does not
# ignore; without git, everything but build*/, out/ and .git) to DEST, a new folder with
# nothing beside it, as for someone who cloned the repository alone. Run
# from the top of the tree. make check runs the regression cases in such a copy
# (tests/check.sh) and builds and installs it (tests/tools/standalone.sh).
set -eu
dest=$1
case $dest in /*) ;; *) echo "clone.sh: DEST must be absolute" >&2; exit 2 ;; esac
[ ! -e "$dest" ] || { echo "clone.sh: $dest exists" >&2; exit 2; }
for x in shared reference background; do
	[ ! -e "$(dirname "$dest")/$x" ] ||
		{ echo "clone.sh: $(dirname "$dest")/$x is beside the copy" >&2; exit 2; }
done
mkdir -p "$dest"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	# Files deleted in the working tree but not yet in the index are left out.
	git ls-files -z --cached --others --exclude-standard |
		xargs -0 sh -c 'for f; do [ -f "$f" ] && printf "%s\0" "$f"; done' sh |
		xargs -0 cp -p --parents -t "$dest"
else
	find . \( -path './build*' -o -path ./out -o -path ./.git \) -prune -o -type f -print0 |
		xargs -0 cp -p --parents -t "$dest"
fi
