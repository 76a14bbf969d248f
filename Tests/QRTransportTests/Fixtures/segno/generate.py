#!/usr/bin/env python3
"""Independent QR fixtures for QRTransportTests: binary payloads encoded by segno (not libqrencode).

Run from the repository root with a venv holding segno==1.6.6:
    python3 -m venv .venv && .venv/bin/pip install segno==1.6.6
    .venv/bin/python Tests/QRTransportTests/Fixtures/segno/generate.py
Writes <name>.png beside this script and manifest.json (payload hex, level, segno's version). The payloads are
SHA-256 counter streams with a NUL and invalid UTF-8 planted, so they are reproducible without our own RNG.
"""
import hashlib
import json
import os

import segno

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = [("binary-400-L", 400, "l", 4), ("binary-1000-M", 1000, "m", 3), ("binary-50-H", 50, "h", 6)]


def payload(name: str, count: int) -> bytes:
    out = b""
    counter = 0
    while len(out) < count:
        out += hashlib.sha256(f"{name}-{counter}".encode()).digest()
        counter += 1
    data = bytearray(out[:count])
    data[0:4] = b"\x00\xff\xc3\x28"  # NUL, 0xFF and an invalid two-byte UTF-8 sequence
    return bytes(data)


def main() -> None:
    manifest = {"generator": f"segno {segno.__version__}", "cases": []}
    for name, count, level, scale in CASES:
        data = payload(name, count)
        assert data.decode("utf-8", errors="ignore").encode() != data  # really not UTF-8
        code = segno.make(data, error=level, mode="byte", micro=False, boost_error=False)
        code.save(os.path.join(HERE, f"{name}.png"), scale=scale, border=4)
        manifest["cases"].append({
            "file": f"{name}.png", "payload_hex": data.hex(), "error": level.upper(), "version": code.version,
            "scale": scale, "border": 4,
        })
    with open(os.path.join(HERE, "manifest.json"), "w") as handle:
        json.dump(manifest, handle, indent=2)
        handle.write("\n")


if __name__ == "__main__":
    main()
