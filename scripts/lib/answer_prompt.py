#!/usr/bin/env python3
"""Runs a command with a pseudo-terminal as its controlling terminal, waits for a prompt there, then types an answer.

Usage: answer_prompt.py PROMPT ANSWER -- COMMAND [ARGS...]

The command's stdout and stderr are inherited; what it writes on its terminal (the prompt, the echoed answer) is
copied to our stderr. `sign` reads its confirmation only from /dev/tty, so the demo answers it here as a person
would at a terminal. Exits with the command's status; gives up (kills it) after --timeout seconds (default 300).
"""
import argparse
import os
import pty
import select
import subprocess
import sys
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("prompt")
    parser.add_argument("answer")
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")
    master, slave = pty.openpty()
    slave_name = os.ttyname(slave)

    def become_session_leader():
        os.setsid()
        # Opened without O_NOCTTY by a session leader: this pty becomes the controlling terminal (/dev/tty).
        os.close(os.open(slave_name, os.O_RDWR))

    child = subprocess.Popen(command, stdin=slave, preexec_fn=become_session_leader)
    os.close(slave)
    seen = b""
    answered = False
    deadline = time.monotonic() + args.timeout
    while child.poll() is None:
        if time.monotonic() > deadline:
            child.kill()
            print("answer_prompt: timed out", file=sys.stderr)
            return 75
        ready, _, _ = select.select([master], [], [], 0.1)
        if not ready:
            continue
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        sys.stderr.buffer.write(chunk)
        sys.stderr.flush()
        seen += chunk
        if not answered and args.prompt.encode() in seen:
            os.write(master, (args.answer + "\n").encode())
            answered = True
    status = child.wait()
    os.close(master)
    return status


if __name__ == "__main__":
    sys.exit(main())
