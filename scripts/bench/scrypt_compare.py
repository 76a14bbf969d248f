#!/usr/bin/env python3
"""Times scrypt n=2^18, r=8, p=1 (geth's standard keystore cost) in Python's hashlib (OpenSSL).

Same inputs as Sources/Tools/Benchmarks/KeystoreBench.swift (a public test password, not a secret), so the derived-key prefixes
printed by both must agree. hashlib's default maxmem (32 MiB) refuses these parameters, hence 512 MiB.

    python3 scripts/bench/scrypt_compare.py [runs]
    swift build -c release --product coldcredits-bench && .build/release/coldcredits-bench keystore [runs]
"""
import hashlib
import ssl
import sys
import time

PASSWORD = b"testpassword"
SALT = b"0123456789abcdef"


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print(f"python {sys.version.split()[0]}, {ssl.OPENSSL_VERSION}")
    for run in range(1, runs + 1):
        start = time.perf_counter()
        key = hashlib.scrypt(PASSWORD, salt=SALT, n=1 << 18, r=8, p=1, dklen=32, maxmem=512 * 1024 * 1024)
        elapsed = time.perf_counter() - start
        print(f"scrypt n=2^18 r=8 p=1 run {run}: {elapsed:.3f} s (dk {key[:4].hex()}…)")


if __name__ == "__main__":
    main()
