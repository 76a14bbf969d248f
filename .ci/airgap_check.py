#!/usr/bin/env python3
"""Proves the air gap on the build graph and on the built binaries.

Each target's side of the air gap is its folder, `Sources/<side>/<module>` (Package.swift derives the paths from
the tree; this script reads them back from `swift package describe`). Rules:
  1. `sign` reaches no Online or Sandbox module, and its binary links no FoundationNetworking or libcurl and
     carries no symbol of an Online or Sandbox module or of URLSession.
  2. `prepare` and `broadcast` reach no Offline or Sandbox module, their binaries carry no symbol of those modules,
     and they reference no libsecp256k1 signing function (signing lives in Offline/SigningKeys only).
  3. `import FoundationNetworking` and `URLSession` appear in code only under Sources/Online/HTTPTransport.

`--self-test` feeds the same checks deliberately broken inputs and requires each to fail, so the check
itself cannot silently pass.
"""
import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

OFFLINE_PRODUCTS = {"sign"}
ONLINE_PRODUCTS = {"prepare", "broadcast"}
# Sides an offline / online product may not reach.
FORBIDDEN_SIDES = {"offline": {"Online", "Sandbox"}, "online": {"Offline", "Sandbox"}}
NETWORKING_OWNER = Path("Online") / "HTTPTransport"
FORBIDDEN_LIBS_OFFLINE = re.compile(r"libFoundationNetworking|libcurl", re.I)
SIGNING_FUNCTIONS = re.compile(r"secp256k1_ecdsa_sign|secp256k1_ec_pubkey_create|secp256k1_context_randomize")


def side_of(target):
    """`Sources/<side>/<module>` → side (None for test targets and anything outside Sources)."""
    parts = Path(target.get("path") or "").parts
    return parts[1] if len(parts) >= 3 and parts[0] == "Sources" else None


def modules_on(package, sides):
    """Names of the Swift modules whose folder is on one of `sides` (C libraries carry no Swift symbols)."""
    return {t["name"] for t in package["targets"] if side_of(t) in sides and side_of(t) != "C"}


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
        side = side_of(target)
        if side in FORBIDDEN_SIDES["offline"] and members & OFFLINE_PRODUCTS:
            problems.append(f"{side} module {target['name']} is part of {sorted(members & OFFLINE_PRODUCTS)}")
        if side in FORBIDDEN_SIDES["online"] and members & ONLINE_PRODUCTS:
            problems.append(f"{side} module {target['name']} is part of {sorted(members & ONLINE_PRODUCTS)}")
    return problems


def needed_libraries(binary):
    out = subprocess.run(["readelf", "-d", str(binary)], check=True, capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out)


def symbols(binary):
    out = subprocess.run(["nm", "--defined-only", str(binary)], check=True, capture_output=True, text=True).stdout
    return out


def undefined_symbols(binary):
    return subprocess.run(["nm", "--undefined-only", str(binary)], check=True, capture_output=True, text=True).stdout


def binary_violations(binary, offline, package):
    problems = []
    if offline:
        for lib in needed_libraries(binary):
            if FORBIDDEN_LIBS_OFFLINE.search(lib):
                problems.append(f"{binary.name} links {lib}")
    table = symbols(binary)
    forbidden = modules_on(package, FORBIDDEN_SIDES["offline" if offline else "online"])
    for module in sorted(forbidden):
        if re.search(rf"\$s{mangled(module)}", table):
            problems.append(f"{binary.name} contains symbols of module {module}")
    if offline and "URLSession" in table:
        problems.append(f"{binary.name} contains URLSession symbols")
    if not offline:
        for name in sorted(set(SIGNING_FUNCTIONS.findall(undefined_symbols(binary) + table))):
            problems.append(f"{binary.name} references the signing function {name}")
    return problems


def source_violations(root):
    """FoundationNetworking and URLSession appear in code only under Sources/Online/HTTPTransport (comments may name
    them)."""
    problems = []
    sources = root / "Sources"
    for path in sorted(sources.rglob("*.swift")):
        if path.relative_to(sources).parts[:2] == NETWORKING_OWNER.parts:
            continue
        code = "\n".join(line for line in path.read_text().splitlines() if not line.lstrip().startswith("//"))
        if re.search(r"^\s*(@preconcurrency\s+)?(public\s+|internal\s+)?import\s+FoundationNetworking", code, re.M) \
                or "URLSession" in code:
            problems.append(f"{path.relative_to(root)} uses networking outside Sources/{NETWORKING_OWNER}")
    return problems


def check(root, build_dir):
    package = describe(root)
    problems = graph_violations(package) + source_violations(root)
    unsided = [t["name"] for t in package["targets"] if t.get("type") != "test" and side_of(t) is None
               and not (t.get("path") or "").startswith("Tests/")]
    problems += [f"target {name} is not under Sources/<side>/" for name in unsided]
    for product in sorted(OFFLINE_PRODUCTS | ONLINE_PRODUCTS):
        binary = build_dir / product
        if not binary.exists():
            problems.append(f"{binary} was not built")
            continue
        problems += binary_violations(binary, offline=product in OFFLINE_PRODUCTS, package=package)
    return problems


def self_test(root, build_dir):
    """Each rule must fire on an input that breaks it."""
    failures = []
    package = describe(root)
    broken = json.loads(json.dumps(package))
    broken["targets"].append({"name": "EthereumRPC", "path": "Sources/Online/EthereumRPC", "product_memberships": ["sign"]})
    broken["targets"].append({"name": "Keystore", "path": "Sources/Offline/Keystore", "product_memberships": ["prepare"]})
    broken["targets"].append({"name": "Sandbox", "path": "Sources/Sandbox/Sandbox", "product_memberships": ["broadcast"]})
    if len(graph_violations(broken)) < 3:
        failures.append("graph rule did not fire on an Online module in sign / Offline or Sandbox modules in the online tools")
    # A binary that does link networking must fail the offline rule; `sign` must fail the online rules (it holds
    # Keystore and SigningKeys symbols and references libsecp256k1's signing functions).
    online = build_dir / "prepare"
    if online.exists() and any("FoundationNetworking" in lib for lib in needed_libraries(online)):
        if not binary_violations(online, offline=True, package=package):
            failures.append("binary rule did not fire on prepare treated as an offline binary")
    sign = build_dir / "sign"
    if sign.exists():
        found = binary_violations(sign, offline=False, package=package)
        if not any("SigningKeys" in p for p in found):
            failures.append("symbol rule did not fire on sign treated as an online binary (it holds SigningKeys)")
        if not any("signing function" in p for p in found):
            failures.append("signing-function rule did not fire on sign treated as an online binary")
    scratch = root / ".build" / "airgap-selftest" / "Sources" / "Offline" / "OfflineSigning"
    scratch.mkdir(parents=True, exist_ok=True)
    (scratch / "Leak.swift").write_text("import FoundationNetworking\nlet session = URLSession.shared\n")
    if not source_violations(scratch.parent.parent.parent):
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
