#!/usr/bin/env python3
"""Writes (or, with --check, re-verifies) the random transaction fixtures of EthereumTransactionsTests.

Files (in Tests/EthereumTransactionsTests/Fixtures): random_eip1559.json (type 2) and random_legacy.json
(legacy, half EIP-155 and half pre-155 with v = 27/28).

Every case is a random EIP-1559 (type 2) transaction signed by eth-account with a random key, recording
eth-account's signing hash, raw signed bytes, transaction hash, yParity/r/s and sender. The RNG is seeded,
so a rerun writes the same file byte for byte.

--check (what CI runs) does two things:
  1. regenerates the cases in memory and requires the committed file to be identical;
  2. re-verifies every committed case along a second path that does not use eth-account's signer: pyrlp
     decodes the raw bytes, eth-hash recomputes the signing and transaction hashes, eth-keys recovers the
     sender, and the decoded fields must equal the recorded ones.

Usage (from the repository root, with a venv holding scripts/vectors/requirements.txt):
    python scripts/vectors/generate_transactions.py          # write the fixture
    python scripts/vectors/generate_transactions.py --check  # verify it
"""

import argparse
import json
import random
import sys
from pathlib import Path

import rlp
from eth_account import Account
from eth_hash.auto import keccak
from eth_keys import keys
from eth_utils import to_checksum_address

SEED = 20250301
COUNT = 240
SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
U256_MAX = 2**256 - 1
U64_MAX = 2**64 - 1
LEGACY_COUNT = 40
FIXTURES = Path(__file__).resolve().parents[2] / "Tests/EthereumTransactionsTests/Fixtures"


def pick_u64(rng: random.Random, index: int, special: list[int]) -> int:
    """Special values for the first cases, then a mix of small, mid-sized and full-width values."""
    if index < len(special):
        return special[index]
    kind = rng.randrange(4)
    if kind == 0:
        return rng.randrange(0, 256)
    if kind == 1:
        return rng.randrange(0, 2**32)
    return rng.randrange(0, 2**rng.randrange(1, 65))


def pick_u256(rng: random.Random) -> int:
    kind = rng.randrange(6)
    if kind == 0:
        return 0
    if kind == 1:
        return U256_MAX - rng.randrange(0, 1000)
    if kind == 2:
        return rng.randrange(0, 2**64)
    return rng.randrange(0, 2**rng.randrange(1, 257))


def pick_fees(rng: random.Random, index: int) -> tuple[int, int]:
    """(maxPriorityFeePerGas, maxFeePerGas) with priority ≤ max, including 0 and values near 2^256 − 1."""
    special = [(0, 0), (0, U256_MAX), (U256_MAX, U256_MAX), (U256_MAX - 1, U256_MAX), (1, 1)]
    if index < len(special):
        return special[index]
    a, b = pick_u256(rng), pick_u256(rng)
    return (min(a, b), max(a, b))


def pick_chain_id(rng: random.Random) -> int:
    kind = rng.randrange(5)
    if kind < 3:
        return [1, 137, 8453][kind]
    if kind == 3:
        return rng.randrange(1, 2**32)
    return rng.randrange(1, 2**64)


def pick_access_list(rng: random.Random) -> list[dict]:
    if rng.randrange(4) != 0:
        return []
    entries = []
    for _ in range(rng.randrange(1, 4)):
        address = to_checksum_address(rng.randbytes(20))
        key_count = rng.choice([0, 1, 2, 5])
        entries.append({"address": address, "storageKeys": ["0x" + rng.randbytes(32).hex() for _ in range(key_count)]})
    return entries


def pick_key(rng: random.Random) -> bytes:
    while True:
        candidate = rng.randbytes(32)
        if 0 < int.from_bytes(candidate, "big") < SECP256K1_N:
            return candidate


def make_case(rng: random.Random, index: int) -> dict:
    key = pick_key(rng)
    priority, max_fee = pick_fees(rng, index)
    data_length = [0, 1, 2000][index] if index < 3 else rng.randrange(0, 2001)
    tx = {
        "type": 2,
        "chainId": pick_chain_id(rng) if index >= 3 else [1, 137, 8453][index],
        "nonce": pick_u64(rng, index, [0, U64_MAX, 1, 2**63]),
        "maxPriorityFeePerGas": priority,
        "maxFeePerGas": max_fee,
        "gas": pick_u64(rng, index, [21000, U64_MAX, 0]),
        "to": to_checksum_address(rng.randbytes(20)),
        "value": [0, U256_MAX, 1][index] if index < 3 else pick_u256(rng),
        "data": "0x" + rng.randbytes(data_length).hex(),
        "accessList": pick_access_list(rng),
    }
    signed = Account.sign_transaction(tx, key)
    sender = Account.from_key(key).address
    raw = bytes(signed.raw_transaction)
    signing_hash = keccak(b"\x02" + rlp.encode(rlp.decode(raw[1:])[:9]))
    return {
        "name": f"random-{index:03d}",
        "privateKey": "0x" + key.hex(),
        "fields": {
            "chainId": hex(tx["chainId"]),
            "nonce": hex(tx["nonce"]),
            "maxPriorityFeePerGas": hex(priority),
            "maxFeePerGas": hex(max_fee),
            "gas": hex(tx["gas"]),
            "to": tx["to"],
            "value": hex(tx["value"]),
            "data": tx["data"],
            "accessList": tx["accessList"],
        },
        "signingHash": "0x" + eth_account_signing_hash(tx).hex(),
        "signingHashRecomputed": "0x" + signing_hash.hex(),
        "raw": "0x" + raw.hex(),
        "hash": "0x" + bytes(signed.hash).hex(),
        "yParity": signed.v,
        "r": hex(signed.r),
        "s": hex(signed.s),
        "sender": sender,
    }


def eth_account_signing_hash(tx: dict) -> bytes:
    from eth_account.typed_transactions import TypedTransaction

    return bytes(TypedTransaction.from_dict(tx).hash())


def generate() -> dict:
    rng = random.Random(SEED)
    cases = [make_case(rng, index) for index in range(COUNT)]
    for case in cases:
        if case["signingHash"] != case["signingHashRecomputed"]:
            raise SystemExit(f"{case['name']}: eth-account's hash() disagrees with keccak(0x02 ‖ rlp(9 fields))")
        del case["signingHashRecomputed"]
    return {
        "description": "Random EIP-1559 transactions signed by eth-account (RFC 6979, low-s). Integers are 0x "
        "quantities; 'gas' is gasLimit. Generated by scripts/vectors/generate_transactions.py; verify with --check.",
        "generator": {"seed": SEED, "count": COUNT, "versions": versions()},
        "cases": cases,
    }


def make_legacy_case(rng: random.Random, index: int) -> dict:
    key = pick_key(rng)
    tx = {
        "nonce": pick_u64(rng, index, [0, U64_MAX]),
        "gasPrice": pick_u256(rng),
        "gas": pick_u64(rng, index, [21000, U64_MAX]),
        "to": to_checksum_address(rng.randbytes(20)),
        "value": pick_u256(rng),
        "data": "0x" + rng.randbytes(rng.randrange(0, 300)).hex(),
    }
    protected = index % 2 == 0
    if protected:
        # v = chainId·2 + 36 must fit the 64 bits our decoder reads v into.
        tx["chainId"] = [1, 137, 8453][index % 3] if index < 12 else rng.randrange(1, 2**62)
    signed = Account.sign_transaction(tx, key)
    raw = bytes(signed.raw_transaction)
    items = rlp.decode(raw)
    unsigned = items[:6] + ([tx["chainId"], b"", b""] if protected else [])
    return {
        "name": f"legacy-{index:03d}",
        "privateKey": "0x" + key.hex(),
        "fields": {
            "nonce": hex(tx["nonce"]),
            "gasPrice": hex(tx["gasPrice"]),
            "gas": hex(tx["gas"]),
            "to": tx["to"],
            "value": hex(tx["value"]),
            "data": tx["data"],
            "chainId": hex(tx["chainId"]) if protected else None,
        },
        "signingHash": "0x" + keccak(rlp.encode(unsigned)).hex(),
        "raw": "0x" + raw.hex(),
        "hash": "0x" + bytes(signed.hash).hex(),
        "v": signed.v,
        "r": hex(signed.r),
        "s": hex(signed.s),
        "sender": Account.from_key(key).address,
    }


def generate_legacy() -> dict:
    rng = random.Random(SEED + 1)
    return {
        "description": "Random legacy transactions signed by eth-account: even cases EIP-155 (chainId set, "
        "v = chainId*2 + 35/36), odd cases pre-EIP-155 (v = 27/28). Integers are 0x quantities; 'gas' is gasLimit. "
        "Generated by scripts/vectors/generate_transactions.py; verify with --check.",
        "generator": {"seed": SEED + 1, "count": LEGACY_COUNT, "versions": versions()},
        "cases": [make_legacy_case(rng, index) for index in range(LEGACY_COUNT)],
    }


def verify_legacy_independently(case: dict) -> None:
    """Re-derives the legacy case from its raw bytes with pyrlp, eth-hash and eth-keys."""
    raw = bytes.fromhex(case["raw"][2:])
    items = rlp.decode(raw)
    assert rlp.encode(items) == raw and len(items) == 9, "shape"
    as_int = lambda b: int.from_bytes(b, "big")  # noqa: E731
    fields = case["fields"]
    for index, name in enumerate(["nonce", "gasPrice", "gas"]):
        assert as_int(items[index]) == int(fields[name], 16), name
    assert to_checksum_address(items[3]) == fields["to"]
    assert as_int(items[4]) == int(fields["value"], 16) and "0x" + items[5].hex() == fields["data"]
    v = as_int(items[6])
    assert v == case["v"]
    if fields["chainId"] is None:
        assert v in (27, 28)
        unsigned, parity = items[:6], v - 27
    else:
        chain_id = int(fields["chainId"], 16)
        assert v in (chain_id * 2 + 35, chain_id * 2 + 36)
        unsigned, parity = items[:6] + [chain_id, b"", b""], v - 35 - 2 * chain_id
    signing_hash = keccak(rlp.encode(unsigned))
    assert "0x" + signing_hash.hex() == case["signingHash"], "signing hash"
    assert "0x" + keccak(raw).hex() == case["hash"], "transaction hash"
    signature = keys.Signature(vrs=(parity, as_int(items[7]), as_int(items[8])))
    assert signature.recover_public_key_from_msg_hash(signing_hash).to_checksum_address() == case["sender"]


def versions() -> dict:
    from importlib.metadata import version

    return {name: version(name) for name in ["eth-account", "eth-keys", "rlp", "eth-hash", "pycryptodome"]}


def render(document: dict) -> str:
    return json.dumps(document, indent=1, sort_keys=True) + "\n"


def verify_independently(case: dict) -> None:
    """Re-derives everything from the raw bytes without eth-account's signer."""
    raw = bytes.fromhex(case["raw"][2:])
    assert raw[0] == 2, "type byte"
    items = rlp.decode(raw[1:])
    assert rlp.encode(items) == raw[1:], "pyrlp re-encoding differs"
    assert len(items) == 12, "field count"
    as_int = lambda b: int.from_bytes(b, "big")  # noqa: E731
    fields = case["fields"]
    assert as_int(items[0]) == int(fields["chainId"], 16)
    assert as_int(items[1]) == int(fields["nonce"], 16)
    assert as_int(items[2]) == int(fields["maxPriorityFeePerGas"], 16)
    assert as_int(items[3]) == int(fields["maxFeePerGas"], 16)
    assert as_int(items[4]) == int(fields["gas"], 16)
    assert to_checksum_address(items[5]) == fields["to"]
    assert as_int(items[6]) == int(fields["value"], 16)
    assert "0x" + items[7].hex() == fields["data"]
    access_list = [
        {"address": to_checksum_address(a), "storageKeys": ["0x" + k.hex() for k in ks]} for a, ks in items[8]
    ]
    assert access_list == fields["accessList"]
    assert as_int(items[9]) == case["yParity"] and hex(as_int(items[10])) == case["r"]
    assert hex(as_int(items[11])) == case["s"]
    signing_hash = keccak(b"\x02" + rlp.encode(items[:9]))
    assert "0x" + signing_hash.hex() == case["signingHash"], "signing hash"
    assert "0x" + keccak(raw).hex() == case["hash"], "transaction hash"
    signature = keys.Signature(vrs=(as_int(items[9]), as_int(items[10]), as_int(items[11])))
    assert signature.recover_public_key_from_msg_hash(signing_hash).to_checksum_address() == case["sender"]
    key = keys.PrivateKey(bytes.fromhex(case["privateKey"][2:]))
    assert key.public_key.to_checksum_address() == case["sender"], "sender is the key's address"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify the committed fixture instead of writing it")
    parser.add_argument("--fixtures", type=Path, default=FIXTURES, help="folder of the fixture files")
    arguments = parser.parse_args()
    outputs = [
        ("random_eip1559.json", generate(), verify_independently),
        ("random_legacy.json", generate_legacy(), verify_legacy_independently),
    ]
    failed = False
    for name, document, verify in outputs:
        path = arguments.fixtures / name
        expected = render(document)
        if not arguments.check:
            path.write_text(expected)
            print(f"wrote {len(document['cases'])} cases to {path}")
            continue
        if not path.exists() or path.read_text() != expected:
            print(f"{path}: missing or differs from a fresh generation", file=sys.stderr)
            failed = True
            continue
        for case in json.loads(expected)["cases"]:
            try:
                verify(case)
            except AssertionError as error:
                print(f"{path.name} {case['name']}: independent verification failed: {error}", file=sys.stderr)
                failed = True
        if not failed:
            print(f"ok: {path.name}: {len(document['cases'])} cases regenerate identically and verify with "
                  "pyrlp + eth-hash + eth-keys")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
