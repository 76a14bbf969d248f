#!/usr/bin/env python3
"""Writes (or, with --check, re-verifies) Tests/Vectors/erc20/erc20_transfers.json: checkout payments signed by
eth-account, an implementation independent of ColdCredits.

Cases: USDC `transfer(address,uint256)` calls on Ethereum (1), Polygon (137) and Base (8453) to each chain's
built-in native USDC contract, and plain native transfers (empty calldata). The calldata is encoded by eth-abi
(selector = first 4 bytes of keccak256("transfer(address,uint256)")), the EIP-1559 transactions are signed by
eth-account with the public EIP-155 example key 0x46…46 (address 0x9d8A62f6…5A4F). Numbers are decimal strings;
byte strings are 0x-prefixed lower-case hex. Nothing is random, so a rerun writes the same file byte for byte.

--check (for scripts/test) does two things:
  1. regenerates the cases in memory and requires the committed file to be identical;
  2. for every committed case, eth-account decodes the raw transaction (TypedTransaction.from_bytes) and
     recovers the sender (Account.recover_transaction), eth-abi decodes the calldata back to the recorded
     recipient and amount, and the decoded fields, hashes and sender must equal the recorded ones.

Usage (from the repository root; packages pinned in scripts/vectors/requirements.txt):
    .venv/bin/python scripts/vectors/generate_erc20_transactions.py          # write the file
    .venv/bin/python scripts/vectors/generate_erc20_transactions.py --check  # verify it (exit 1 on any difference)
"""

import argparse
import json
import sys
from pathlib import Path

from eth_abi import decode, encode
from eth_account import Account
from eth_account.typed_transactions import TypedTransaction
from eth_utils import keccak, to_checksum_address
from hexbytes import HexBytes

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "Tests/Vectors/erc20/erc20_transfers.json"
KEY = "0x" + "46" * 32
SELECTOR = keccak(text="transfer(address,uint256)")[:4]
USDC = {
    1: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
    137: "0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359",
    8453: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
}
DEPOSIT = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"
OTHER = "0x3535353535353535353535353535353535353535"

# (name, chain, nonce, priority fee, max fee, gas, recipient, amount in base units or wei, native?)
CASES = [
    ("usdc-ethereum-10.50", 1, 0, 100_000_000, 30_000_000_000, 65_000, DEPOSIT, 10_500_000, False),
    ("usdc-polygon-0.000001", 137, 7, 30_000_000_000, 120_000_000_000, 65_000, DEPOSIT, 1, False),
    ("usdc-base-25.00", 8453, 42, 1_000_000, 12_000_000, 70_000, DEPOSIT, 25_000_000, False),
    ("usdc-base-max-amount", 8453, 2**64 - 1, 1_000_000, 2**256 - 1, 2**64 - 1, OTHER, 2**256 - 1, False),
    ("usdc-polygon-1000000", 137, 1_000, 30_000_000_000, 30_000_000_000, 100_000, OTHER, 10**12, False),
    ("native-base-0.01", 8453, 3, 1_000_000, 12_000_000, 21_000, DEPOSIT, 10**16, True),
    ("native-ethereum-1", 1, 9, 100_000_000, 40_000_000_000, 21_000, OTHER, 10**18, True),
]


def build(name, chain, nonce, tip, max_fee, gas, recipient, amount, native):
    """One case: the fields, eth-abi's calldata and eth-account's signature."""
    if native:
        to, value, data = to_checksum_address(recipient), amount, b""
    else:
        to, value = USDC[chain], 0
        data = SELECTOR + encode(["address", "uint256"], [to_checksum_address(recipient), amount])
    fields = {
        "type": 2, "chainId": chain, "nonce": nonce, "maxPriorityFeePerGas": tip, "maxFeePerGas": max_fee,
        "gas": gas, "to": to, "value": value, "data": data, "accessList": [],
    }
    signed = Account.sign_transaction(fields, KEY)
    typed = TypedTransaction.from_dict(fields)
    return {
        "name": name,
        "chainId": str(chain), "nonce": str(nonce), "maxPriorityFeePerGas": str(tip), "maxFeePerGas": str(max_fee),
        "gas": str(gas), "to": to, "value": str(value),
        "token": None if native else USDC[chain], "recipient": to_checksum_address(recipient), "amount": str(amount),
        "calldata": "0x" + data.hex(),
        "signingHash": "0x" + typed.hash().hex(),
        "raw": "0x" + bytes(signed.raw_transaction).hex(),
        "hash": "0x" + bytes(signed.hash).hex(),
        "from": Account.from_key(KEY).address,
    }


def document():
    return {
        "description": "Checkout payments (ERC-20 transfer to native USDC, and native transfers) signed by eth-account "
        "0.14.0 with calldata from eth-abi 6.0.0; written by scripts/vectors/generate_erc20_transactions.py.",
        "privateKey": KEY,
        "cases": [build(*case) for case in CASES],
    }


def text():
    return json.dumps(document(), indent=2, sort_keys=True) + "\n"


def verify(case):
    """Problems found re-reading one committed case with eth-account and eth-abi (an empty list when none)."""
    problems = []
    raw = bytes.fromhex(case["raw"][2:])
    decoded = TypedTransaction.from_bytes(HexBytes(raw)).as_dict()
    sender = Account.recover_transaction(case["raw"])
    if sender != case["from"]:
        problems.append(f"recovered {sender}, recorded {case['from']}")
    expected = {
        "chainId": int(case["chainId"]), "nonce": int(case["nonce"]), "gas": int(case["gas"]),
        "maxPriorityFeePerGas": int(case["maxPriorityFeePerGas"]), "maxFeePerGas": int(case["maxFeePerGas"]),
        "value": int(case["value"]), "to": case["to"].lower(), "data": case["calldata"],
    }
    found = {key: decoded[key] for key in expected}
    found["to"] = "0x" + bytes(found["to"]).hex() if not isinstance(found["to"], str) else found["to"].lower()
    found["data"] = "0x" + bytes(found["data"]).hex()
    if found != expected:
        problems.append(f"decoded fields {found} differ from {expected}")
    if "0x" + keccak(raw).hex() != case["hash"]:
        problems.append("transaction hash differs")
    data = bytes.fromhex(case["calldata"][2:])
    if case["token"] is None:
        if data or int(case["value"]) != int(case["amount"]) or case["to"] != case["recipient"]:
            problems.append("native case is not a plain value transfer to the recipient")
    else:
        recipient, amount = decode(["address", "uint256"], data[4:])
        if data[:4] != SELECTOR or len(data) != 68:
            problems.append("calldata is not exactly transfer(address,uint256)")
        if to_checksum_address(recipient) != case["recipient"] or str(amount) != case["amount"]:
            problems.append(f"calldata decodes to {recipient} {amount}")
    return problems


def check():
    committed = OUTPUT.read_text()
    failures = 0
    if committed != text():
        print(f"{OUTPUT.relative_to(ROOT)} differs from what the generator writes", file=sys.stderr)
        failures += 1
    cases = json.loads(committed)["cases"]
    for case in cases:
        try:
            problems = verify(case)
        except Exception as error:  # noqa: BLE001 — a case eth-account cannot decode is a failed case
            problems = [f"eth-account or eth-abi refused it: {error}"]
        for problem in problems:
            failures += 1
            print(f"{case['name']}: {problem}", file=sys.stderr)
    print(f"erc20 signed vectors: {len(cases)} cases decoded and recovered by eth-account, {failures} failures",
          file=sys.stderr)
    return 1 if failures or not cases else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify the committed file instead of writing it")
    if parser.parse_args().check:
        return check()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text())
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(CASES)} cases)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
