#!/usr/bin/env python3
"""Decodes every signed transaction the Swift end-to-end tests recorded in .build/interop with eth-account
(an implementation independent of ours) and requires the recovered sender to be the expected one; for a checkout
payment, eth-abi must decode the calldata as transfer(address,uint256) with the expected token, recipient and amount.

Prints "N passed, M failed" as its last line; exits 1 on any failure or when nothing was recorded."""
import json
import sys
from pathlib import Path

from eth_abi import decode
from eth_account import Account
from eth_hash.auto import keccak
from eth_account.typed_transactions import TypedTransaction
from hexbytes import HexBytes

ROOT = Path(__file__).resolve().parents[2]


def transfer_matches(tx, entry):
    """The decoded transaction pays exactly the expected ERC-20 transfer: to the token, value 0, calldata
    0xa9059cbb ‖ abi(address, uint256) and nothing after it."""
    data = bytes(tx["data"])
    if data[:4] != keccak(b"transfer(address,uint256)")[:4] or len(data) != 68 or tx["value"] != 0:
        return False
    recipient, amount = decode(["address", "uint256"], data[4:])
    return (tx["to"].lower() if isinstance(tx["to"], str) else "0x" + bytes(tx["to"]).hex()) == entry["expectedToken"].lower() \
        and recipient.lower() == entry["expectedRecipient"].lower() and amount == int(entry["expectedAmount"])


def main():
    files = sorted((ROOT / ".build" / "interop").glob("*.json"))
    passed = failed = 0
    for path in files:
        entry = json.loads(path.read_text())
        raw = HexBytes(entry["rawTransaction"])
        try:
            sender = Account.recover_transaction(entry["rawTransaction"])
            if raw[0] == 2:
                TypedTransaction.from_bytes(raw)  # strict structural decode by eth-account
            ok = sender.lower() == entry["expectedSender"].lower()
            if ok and "expectedToken" in entry:
                ok = transfer_matches(TypedTransaction.from_bytes(raw).as_dict(), entry)
        except Exception as error:  # noqa: BLE001 — any decoding failure is a failed case
            print(f"{path.name}: {error}", file=sys.stderr)
            ok = False
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"{entry['label']}: eth-account recovered a different sender", file=sys.stderr)
    if not files:
        print("no signed transactions were recorded by the end-to-end tests", file=sys.stderr)
        failed = 1
    print(f"eth-account interop: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
