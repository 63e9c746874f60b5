#!/usr/bin/env python3
"""Runs a command with its standard error on a pseudo-terminal, as a user at a terminal
would see it, and its standard output to /dev/null.

    ptyrun.py RAW SCREEN -- COMMAND ARGS...

RAW gets the bytes the terminal received; SCREEN the lines left on the screen once every
carriage return has moved back to the start of its line and what followed was written
over what was there (trailing spaces dropped). Exits with the command's exit status.
Standard library only.
"""
import os
import pty
import subprocess
import sys


def screen(raw):
    """The lines a terminal shows after raw: CR goes to column 0, LF to the next line."""
    lines, line, col = [], [], 0
    for ch in raw.decode("utf-8", "replace"):
        if ch == "\n":
            lines.append("".join(line).rstrip(" "))
            line, col = [], 0
        elif ch == "\r":
            col = 0
        else:
            if col < len(line):
                line[col] = ch
            else:
                line.append(ch)
            col += 1
    if line:
        lines.append("".join(line).rstrip(" "))
    return lines


def main():
    if len(sys.argv) < 5 or sys.argv[3] != "--":
        sys.exit("usage: ptyrun.py RAW SCREEN -- COMMAND ARGS...")
    raw_path, screen_path, cmd = sys.argv[1], sys.argv[2], sys.argv[4:]
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=slave, close_fds=True)
    os.close(slave)
    raw = bytearray()
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the child closed its side
            break
        if not chunk:
            break
        raw += chunk
    os.close(master)
    status = proc.wait()
    with open(raw_path, "wb") as f:
        f.write(raw)
    with open(screen_path, "w", encoding="utf-8") as f:
        for l in screen(bytes(raw)):
            f.write(l + "\n")
    sys.exit(status if status >= 0 else 128 - status)


if __name__ == "__main__":
    main()
