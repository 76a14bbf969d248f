#!/usr/bin/env python3
"""Re-checks the ERC-20 `transfer(address,uint256)` vectors written into Tests/EthereumABITests/ERC20TransferTests.swift
with the pinned eth-abi and eth-utils (scripts/vectors/requirements.txt): the selector is keccak256 of the signature's
first 4 bytes, and each calldata is selector + abi.encode(["address", "uint256"], [to, amount]).

Run: .venv/bin/python scripts/vectors/check_erc20_vectors.py   (exit 1 on any difference)
"""
import re
import sys
from pathlib import Path

from eth_abi import encode
from eth_utils import keccak, to_checksum_address

ROOT = Path(__file__).resolve().parents[2]
TEST = ROOT / "Tests/EthereumABITests/ERC20TransferTests.swift"


def vectors(text):
    """(address, amount, calldata) triples of the `ethABI` table."""
    table = text[text.index("static let ethABI"):]
    table = table[:table.index("]\n")]
    for entry in re.finditer(r'\(\s*"(0x[0-9a-fA-F]{40})",\s*([0-9_]+|\.max),\s*((?:"[0-9a-fx]+"\s*\+?\s*)+)\)', table):
        amount = 2**256 - 1 if entry.group(2) == ".max" else int(entry.group(2).replace("_", ""))
        calldata = "".join(re.findall(r'"([0-9a-fx]+)"', entry.group(3)))
        yield entry.group(1), amount, calldata


def main():
    selector = keccak(text="transfer(address,uint256)")[:4]
    found = list(vectors(TEST.read_text()))
    failures = 0
    for address, amount, calldata in found:
        expected = "0x" + (selector + encode(["address", "uint256"], [to_checksum_address(address), amount])).hex()
        if expected != calldata:
            failures += 1
            print(f"erc20 vector {address} {amount}: test has {calldata}, eth-abi gives {expected}", file=sys.stderr)
    if not found:
        print("erc20 vectors: none found in the test file", file=sys.stderr)
        return 1
    print(f"erc20 vectors: {len(found) - failures}/{len(found)} equal eth-abi's (selector 0x{selector.hex()})", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
