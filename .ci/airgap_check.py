#!/usr/bin/env python3
"""Proves the air gap on the build graph and on the built binaries.

Rules (README "Air gap"):
  1. `sign` reaches no networking module, and its binary links no FoundationNetworking or libcurl and
     carries no symbol of a networking module or of URLSession.
  2. `prepare` and `broadcast` reach no key module (Keystore, HDKeys, OfflineSigning) and their binaries
     carry no symbol of those modules.
  3. `import FoundationNetworking` and `URLSession` appear in code only in the HTTPTransport module.

`--self-test` feeds the same checks deliberately broken inputs and requires each to fail, so the check
itself cannot silently pass.
"""
import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

NETWORK_MODULES = {"HTTPTransport", "EthereumRPC", "PaymentAPI", "LoopbackHTTP", "Sandbox", "sandbox", "OnlineSupport", "Preparation", "Broadcasting"}
KEY_MODULES = {"Keystore", "HDKeys", "OfflineSigning"}
NETWORKING_OWNERS = {"HTTPTransport"}
OFFLINE_PRODUCTS = {"sign"}
ONLINE_PRODUCTS = {"prepare", "broadcast"}
FORBIDDEN_LIBS_OFFLINE = re.compile(r"libFoundationNetworking|libcurl", re.I)


def mangled(module):
    """Swift mangles a module name as <length><name>; its symbols contain that token."""
    return f"{len(module)}{module}"


def describe(root):
    out = subprocess.run(["swift", "package", "describe", "--type", "json"], cwd=root, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out[out.index("{"):])


def graph_violations(package):
    problems = []
    for target in package["targets"]:
        members = set(target.get("product_memberships", []))
        if target["name"] in NETWORK_MODULES and members & OFFLINE_PRODUCTS:
            problems.append(f"networking module {target['name']} is part of {sorted(members & OFFLINE_PRODUCTS)}")
        if target["name"] in KEY_MODULES and members & ONLINE_PRODUCTS:
            problems.append(f"key module {target['name']} is part of {sorted(members & ONLINE_PRODUCTS)}")
    return problems


def needed_libraries(binary):
    out = subprocess.run(["readelf", "-d", str(binary)], check=True, capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out)


def symbols(binary):
    out = subprocess.run(["nm", "--defined-only", str(binary)], check=True, capture_output=True, text=True).stdout
    return out


def binary_violations(binary, offline):
    problems = []
    if offline:
        for lib in needed_libraries(binary):
            if FORBIDDEN_LIBS_OFFLINE.search(lib):
                problems.append(f"{binary.name} links {lib}")
    table = symbols(binary)
    forbidden = NETWORK_MODULES if offline else KEY_MODULES
    for module in sorted(forbidden):
        if re.search(rf"\$s{mangled(module)}|\$s\d*{mangled(module)}", table) or f"s{mangled(module)}" in table:
            problems.append(f"{binary.name} contains symbols of module {module}")
    if offline and "URLSession" in table:
        problems.append(f"{binary.name} contains URLSession symbols")
    return problems


def source_violations(root):
    """FoundationNetworking and URLSession appear in code only inside HTTPTransport (comments may name them)."""
    problems = []
    for path in sorted((root / "Sources").rglob("*.swift")):
        module = path.relative_to(root / "Sources").parts[0]
        if module in NETWORKING_OWNERS:
            continue
        code = "\n".join(line for line in path.read_text().splitlines() if not line.lstrip().startswith("//"))
        if re.search(r"^\s*(@preconcurrency\s+)?(public\s+|internal\s+)?import\s+FoundationNetworking", code, re.M) \
                or "URLSession" in code:
            problems.append(f"{path.relative_to(root)} uses networking outside {sorted(NETWORKING_OWNERS)}")
    return problems


def check(root, build_dir):
    problems = graph_violations(describe(root)) + source_violations(root)
    for product in sorted(OFFLINE_PRODUCTS | ONLINE_PRODUCTS):
        binary = build_dir / product
        if not binary.exists():
            problems.append(f"{binary} was not built")
            continue
        problems += binary_violations(binary, offline=product in OFFLINE_PRODUCTS)
    return problems


def self_test(root, build_dir):
    """Each rule must fire on an input that breaks it."""
    failures = []
    package = describe(root)
    broken = json.loads(json.dumps(package))
    broken["targets"].append({"name": "EthereumRPC", "product_memberships": ["sign"]})
    broken["targets"].append({"name": "Keystore", "product_memberships": ["prepare"]})
    if len(graph_violations(broken)) < 2:
        failures.append("graph rule did not fire on a networking module inside sign / a key module inside prepare")
    # A binary that does link networking must fail the offline rule; `sign` must fail the online rule.
    online = build_dir / "prepare"
    if online.exists() and any("FoundationNetworking" in lib for lib in needed_libraries(online)):
        if not binary_violations(online, offline=True):
            failures.append("binary rule did not fire on prepare treated as an offline binary")
    sign = build_dir / "sign"
    if sign.exists() and not binary_violations(sign, offline=False):
        failures.append("symbol rule did not fire on sign treated as an online binary (it holds Keystore)")
    scratch = root / ".build" / "airgap-selftest" / "Sources" / "OfflineSigning"
    scratch.mkdir(parents=True, exist_ok=True)
    (scratch / "Leak.swift").write_text("import FoundationNetworking\nlet session = URLSession.shared\n")
    if not source_violations(scratch.parent.parent):
        failures.append("source rule did not fire on FoundationNetworking imported by OfflineSigning")
    return failures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build-dir", default=".build/debug")
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    build_dir = (root / args.build_dir).resolve()
    if args.self_test:
        failures = self_test(root, build_dir)
        for f in failures:
            print(f"airgap self-test FAILED: {f}", file=sys.stderr)
        print("airgap self-test: every rule fires on a broken input" if not failures else "", file=sys.stderr)
        return 1 if failures else 0
    problems = check(root, build_dir)
    for p in problems:
        print(f"airgap violation: {p}", file=sys.stderr)
    if not problems:
        print("airgap: sign links no networking; prepare and broadcast hold no key code", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
