#!/usr/bin/env python3
"""Writes (or, with --check, re-verifies) the approval vectors: approvals made by an independent
implementation (eth-account's encode_defunct + Account.sign_message) that the Swift Approvals module must
accept, and the formats/approvals/v1 examples and invalid cases.

Files:
  Tests/ApprovalsTests/Fixtures/eth_account_approvals.json
      four test keys (A, B, C are the policy's approvers, D is not), and for each of three payments the
      approval text built here from the text's specification (ApprovalText v1, formats/approvals/README.md),
      eth-account's EIP-191 digest, and every key's signature of it.
  formats/approvals/v1/examples/*.json, *.txt and formats/approvals/v1/invalid/<kind>/*
      approvals files over the sandbox-polygon bundle's text.

The payments' signing hashes, chains, amounts and charge ids are read from the committed unsigned-bundle
examples (written by generate_format_examples.py with eth-account), plus one synthetic payment on an
unnamed chain with a fractional amount. The keys are keccak256 of fixed labels, so a rerun writes the same
bytes (eth-account signs deterministically, RFC 6979).

--check (what CI runs) regenerates everything in memory and requires the committed files to be identical,
then re-verifies every committed signature along a second path that does not use eth-account: eth-hash
recomputes the EIP-191 digest from the committed text and eth-keys recovers the signer.

Usage (from the repository root, with a venv holding scripts/vectors/requirements.txt):
    python scripts/vectors/generate_approval_vectors.py          # write the files
    python scripts/vectors/generate_approval_vectors.py --check  # verify them
"""

import argparse
import copy
import json
import sys
from pathlib import Path

from eth_account import Account
from eth_account.messages import _hash_eip191_message, encode_defunct
from eth_hash.auto import keccak
from eth_keys import keys

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "Tests/ApprovalsTests/Fixtures/eth_account_approvals.json"
FORMAT_DIR = ROOT / "formats/approvals/v1"
BUNDLES = ROOT / "formats/unsigned-bundle/v1/examples"
CHAIN_NAMES = {1: "Ethereum", 137: "Polygon", 8453: "Base"}
LABELS = ["A", "B", "C", "D"]


def key(label):
    return keccak(f"coldcredits test approver {label}".encode())


def approval_text(charge_id, chain_id, usd_units, signing_hash):
    """ApprovalText v1, written from its specification."""
    chain = f"{CHAIN_NAMES[chain_id]} ({chain_id})" if chain_id in CHAIN_NAMES else str(chain_id)
    whole, fraction = divmod(usd_units, 10**6)
    digits = f"{fraction:06d}".rstrip("0").ljust(2, "0")
    fingerprint = "-".join(signing_hash[2 + i:6 + i] for i in range(0, 16, 4))
    return "\n".join([
        "ColdCredits payment approval v1",
        f"charge: {charge_id}",
        f"chain: {chain}",
        f"amount: ${whole}.{digits}",
        f"signing hash: {signing_hash}",
        f"fingerprint: {fingerprint}",
    ])


def payment_from_bundle(name):
    bundle = json.loads((BUNDLES / name).read_text())
    call = bundle["charge"]["web3_data"]["transfer_intent"]["call_data"]
    return {
        "name": name.removesuffix(".json"),
        "chargeId": bundle["charge"]["id"],
        "chainId": int(bundle["transaction"]["chainId"], 16),
        "usdUnits": str(int(call["recipient_amount"]) + int(call["fee_amount"])),
        "signingHash": bundle["signingHash"],
    }


def payments():
    synthetic = {
        "name": "synthetic-unnamed-chain",
        "chargeId": "ch_7Hq2-x.9",
        "chainId": 84532,
        "usdUnits": "12345678901",
        "signingHash": "0x" + keccak(b"coldcredits synthetic signing hash").hex(),
    }
    return [payment_from_bundle("sandbox-polygon.json"), payment_from_bundle("sample-a-base.json"), synthetic]


def sign_all(text):
    message = encode_defunct(text=text)
    out = []
    for label in LABELS:
        signed = Account.sign_message(message, private_key=key(label))
        out.append({"approver": label, "address": Account.from_key(key(label)).address,
                    "signature": "0x" + bytes(signed.signature).hex()})
    return _hash_eip191_message(message), out


def fixture():
    cases = []
    for payment in payments():
        text = approval_text(payment["chargeId"], payment["chainId"], int(payment["usdUnits"]), payment["signingHash"])
        digest, signatures = sign_all(text)
        cases.append({**payment, "text": text, "digest": "0x" + bytes(digest).hex(), "signatures": signatures})
    return {
        "comment": "Written by scripts/vectors/generate_approval_vectors.py with eth-account; test keys only.",
        "keys": [{"label": label, "privateKey": "0x" + key(label).hex(), "address": Account.from_key(key(label)).address}
                 for label in LABELS],
        "policy": {"threshold": 2, "approvers": ["A", "B", "C"]},
        "payments": cases,
    }


def render(doc):
    return json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def mutate(doc, path, value=None, delete=False):
    doc = copy.deepcopy(doc)
    target = doc
    for part in path[:-1]:
        target = target[part]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return doc


def format_files(fix):
    polygon = fix["payments"][0]
    by_label = {s["approver"]: s for s in polygon["signatures"]}

    def doc(entries):
        return {"format": "coldcredits.approvals", "version": 1, "approvals": entries}

    three = doc([{"approver": by_label[l]["address"], "signature": by_label[l]["signature"]} for l in "ABC"])
    unclaimed = doc([{"signature": by_label[l]["signature"]} for l in "BD"])
    lines = (f"# approvals of {polygon['name']} (fingerprint {polygon['text'].splitlines()[-1].split(': ')[1]})\n"
             f"# one `cast wallet sign` output per line\n{by_label['A']['signature']}\n\n{by_label['C']['signature']}\n")
    e = "examples/"
    i = "invalid/"
    first = three["approvals"][0]
    return {
        e + "three-approvers.json": render(three),
        e + "without-claims.json": render(unclaimed),
        e + "empty.json": render(doc([])),
        e + "cast-lines.txt": lines,
        i + "invalidJSON/truncated.json": render(three)[:120],
        i + "unexpectedFormat/policy-format.json": render(mutate(three, ["format"], "coldcredits.policy")),
        i + "unsupportedVersion/version-2.json": render(mutate(three, ["version"], 2)),
        i + "missingField/no-approvals.json": render(mutate(three, ["approvals"], delete=True)),
        i + "missingField/no-signature.json": render(doc([{"approver": first["approver"]}])),
        i + "unknownField/extra-top-level.json": render(mutate(three, ["fingerprint"], "d095-76c1-302c-afd8")),
        i + "unknownField/extra-in-approval.json": render(doc([{**first, "note": "approved by phone"}])),
        i + "wrongType/approvals-object.json": render(mutate(three, ["approvals"], first)),
        i + "wrongType/approver-null.json": render(doc([{"approver": None, "signature": first["signature"]}])),
        i + "wrongType/version-string.json": render(mutate(three, ["version"], "1")),
        i + "invalidField/short-signature.json": render(doc([{**first, "signature": first["signature"][:-2]}])),
        i + "invalidField/bad-checksum-approver.json":
            render(doc([{**first, "approver": first["approver"][:2] + first["approver"][2:].swapcase()}])),
        i + "invalidField/signature-not-hex.json": render(doc([{**first, "signature": "0x" + "zz" * 65}])),
        i + "invalidField/short-line.txt": f"{by_label['A']['signature']}\n{by_label['B']['signature'][:-4]}\n",
    }


def all_files():
    fix = fixture()
    out = {FIXTURE: render(fix)}
    out.update({FORMAT_DIR / relative: text for relative, text in format_files(fix).items()})
    return out


def second_path_check(fix):
    """Recomputes each digest with eth-hash and recovers each signer with eth-keys (no eth-account)."""
    failures = 0
    addresses = {k["label"]: k["address"] for k in fix["keys"]}
    for payment in fix["payments"]:
        body = payment["text"].encode()
        digest = keccak(b"\x19Ethereum Signed Message:\n" + str(len(body)).encode() + body)
        if "0x" + digest.hex() != payment["digest"]:
            failures += 1
            print(f"{payment['name']}: digest differs from eth-hash's", file=sys.stderr)
        for s in payment["signatures"]:
            raw = bytes.fromhex(s["signature"][2:])
            signature = keys.Signature(raw[:64] + bytes([raw[64] - 27]))
            recovered = signature.recover_public_key_from_msg_hash(digest).to_checksum_address()
            if recovered != addresses[s["approver"]] or recovered != s["address"]:
                failures += 1
                print(f"{payment['name']}: signature of {s['approver']} recovers {recovered}", file=sys.stderr)
    return failures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    generated = all_files()
    if not args.check:
        for path, text in generated.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        print(f"wrote {len(generated)} approval vector files", file=sys.stderr)
        return 0
    stale = [path for path, text in generated.items() if not path.exists() or path.read_text() != text]
    for path in stale:
        print(f"stale or missing: {path.relative_to(ROOT)}", file=sys.stderr)
    failures = second_path_check(json.loads(FIXTURE.read_text())) if FIXTURE.exists() else 1
    print(f"approval vectors: {len(generated) - len(stale)}/{len(generated)} current, "
          f"{failures} second-path failure(s)", file=sys.stderr)
    return 1 if stale or failures else 0


if __name__ == "__main__":
    sys.exit(main())
