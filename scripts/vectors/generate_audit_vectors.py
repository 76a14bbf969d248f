#!/usr/bin/env python3
"""Writes (or, with --check, re-verifies) an audit log built by an independent implementation of the
AuditLog v1 line format, for Tests/AuditLogTests.

The format, from its specification (Sources/Core/AuditLog/AuditEntry.swift, formats/README.md):
  each line is json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False) followed by "\\n";
  entry = {chargeId: str|null, details: {str: str}, fingerprint: str|null, kind, prev: 0x-hex keccak256 of the
  previous line's bytes (without newline; 32 zero bytes for the first), seq: 1, 2, …, time: Unix seconds,
  tool: prepare|sign|broadcast, v: 1}.

Files (in Tests/AuditLogTests/Fixtures):
  python_log.jsonl   nine entries of two purchases across the three tools, with strings that exercise JSON
                     escaping (quotes, backslashes, control characters, non-ASCII, an emoji)
  python_log.json    the events as plain fields, each line's keccak256, and the head
and formats/audit-log/v1/examples: session.jsonl (the same log) and signed-entry.json (its signed entry).

--check regenerates both in memory, requires the committed files to be identical, and re-walks the committed
log's chain with eth-hash.

Usage (from the repository root, with a venv holding scripts/vectors/requirements.txt):
    python scripts/vectors/generate_audit_vectors.py          # write the files
    python scripts/vectors/generate_audit_vectors.py --check  # verify them
"""

import argparse
import json
import sys
from pathlib import Path

from eth_hash.auto import keccak

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "Tests/AuditLogTests/Fixtures"
EXAMPLES = ROOT / "formats/audit-log/v1/examples"
ZERO = "0x" + "00" * 32
P1 = "0xd09576c1302cafd83aac665e29ad8c7374e1678f85822a9cd7f6d407ee43c83c"
F1 = "d095-76c1-302c-afd8"
TX1 = "0x" + keccak(b"raw transaction 1").hex()
LADDER1 = "0x" + keccak(b"raw transaction 1, rung 1").hex()

EVENTS = [
    (1740806399, "prepare", "prepared", F1, "sandbox-polygon-example", {"signingHash": P1, "nonce": "7"}),
    (1740806400, "prepare", "refused", None, None, {"reason": "charge file: \"amount\" is not a number\\n\t(line 3)"}),
    (1740806460, "sign", "reviewed", F1, "sandbox-polygon-example", {"signingHash": P1}),
    (1740806470, "sign", "approved", F1, "sandbox-polygon-example",
     {"signingHash": P1, "approvers": "0xA,0xB", "note": "Zoë approved by phone ☎ \u0001\u001f 🚀"}),
    (1740806480, "sign", "signed", F1, "sandbox-polygon-example",
     {"signingHash": P1, "txHash": TX1, "ladderTxHashes": LADDER1}),
    (1740806490, "sign", "declined", "0000-1111-2222-3333", "ch/other", {}),
    (1740806520, "broadcast", "sent", F1, "sandbox-polygon-example", {"txHash": TX1}),
    (1740806530, "broadcast", "mined", F1, "sandbox-polygon-example", {"txHash": TX1, "block": "123456"}),
    (1740806600, "broadcast", "credited", F1, "sandbox-polygon-example", {"balanceUSD": "125.00"}),
]


def line(entry):
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def build():
    prev = ZERO
    lines, records = [], []
    for seq, (time, tool, kind, fingerprint, charge, details) in enumerate(EVENTS, start=1):
        entry = {"chargeId": charge, "details": details, "fingerprint": fingerprint, "kind": kind, "prev": prev,
                 "seq": seq, "time": time, "tool": tool, "v": 1}
        text = line(entry)
        digest = "0x" + keccak(text.encode()).hex()
        lines.append(text)
        records.append({"event": {"chargeId": charge, "details": details, "fingerprint": fingerprint, "kind": kind,
                                  "time": time, "tool": tool}, "seq": seq, "prev": prev, "hash": digest})
        prev = digest
    log = "".join(text + "\n" for text in lines)
    summary = {"comment": "Written by scripts/vectors/generate_audit_vectors.py (json + eth-hash).",
               "entries": records, "head": prev}
    signed = json.loads(lines[4])
    return {FIXTURES / "python_log.jsonl": log,
            FIXTURES / "python_log.json": json.dumps(summary, sort_keys=True, indent=2, ensure_ascii=False) + "\n",
            EXAMPLES / "session.jsonl": log,
            EXAMPLES / "signed-entry.json": json.dumps(signed, sort_keys=True, indent=2, ensure_ascii=False) + "\n"}


def walk(log_text):
    """Re-walks the committed chain: each prev is keccak256 of the line before."""
    prev = ZERO
    for number, text in enumerate(log_text.split("\n")[:-1], start=1):
        entry = json.loads(text)
        if entry["prev"] != prev or entry["seq"] != number or line(entry) != text:
            print(f"python_log.jsonl line {number}: chain or canonical form broken", file=sys.stderr)
            return 1
        prev = "0x" + keccak(text.encode()).hex()
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    generated = build()
    if not args.check:
        for path, text in generated.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        print(f"wrote {len(generated)} audit vector files", file=sys.stderr)
        return 0
    stale = [path for path, text in generated.items()
             if not path.exists() or path.read_text(encoding="utf-8") != text]
    for path in stale:
        print(f"stale or missing: {path.relative_to(ROOT)}", file=sys.stderr)
    failures = walk((FIXTURES / "python_log.jsonl").read_text(encoding="utf-8")) if not stale else 1
    print(f"audit vectors: {len(generated) - len(stale)}/{len(generated)} current, chain "
          f"{'ok' if failures == 0 else 'broken'}", file=sys.stderr)
    return 1 if stale or failures else 0


if __name__ == "__main__":
    sys.exit(main())
