#!/usr/bin/env python3
"""Writes formats/*/v1/examples and formats/*/v1/invalid from independent implementations.

The bundles are built here with eth-abi (calldata), eth-account (signing hash, signatures) and pyrlp, not with
ColdCredits' own encoders; the Swift tests then require that our reader accepts every example, re-encodes it to
the identical bytes, and rejects every invalid case with exactly the error kind its folder names.

    python scripts/vectors/generate_format_examples.py          # write
    python scripts/vectors/generate_format_examples.py --check  # verify the committed files are current
"""
import argparse
import copy
import json
import sys
from pathlib import Path

from eth_abi import encode
from eth_account import Account
from eth_account.messages import encode_defunct  # noqa: F401  (documented alternative digest)
from eth_account.typed_transactions import TypedTransaction
from eth_hash.auto import keccak
from eth_utils import to_checksum_address

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "Tests" / "Vectors"
FORMATS = ROOT / "formats"
INTENT_TYPE = "(uint256,uint256,address,address,address,uint256,bytes16,address,bytes,bytes)"
PREFIX = b"K2 Informational Message: 32 "
SELECTOR = keccak(f"swapAndTransferUniswapV3Native({INTENT_TYPE},uint24)".encode())[:4]
SANDBOX_OPERATOR_KEY = bytes([0x11] * 32)   # the sandbox's operator (also in Sources/Sandbox/Sandbox)
PAYER_KEY = bytes([0x46] * 32)              # the EIP-1559 vectors' key, 0x9d8A62f6…
POLYGON_TRANSFERS = "0x288844216a63638381784E0C1081A3826fD5a2E4"
POLYGON_USDC = "0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359"
POLYGON_QUOTER = "0x61fFE014bA17989E743c5F6cB21bF9697530B21e"


def iso(ts):
    import datetime
    return datetime.datetime.fromtimestamp(ts, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def intent_tuple(c, deadline):
    return (int(c["recipient_amount"]), deadline, c["recipient"], c["recipient_currency"], c["refund_destination"],
            int(c["fee_amount"]), bytes.fromhex(c["id"][2:]), c["operator"], bytes.fromhex(c["signature"][2:]),
            bytes.fromhex(c["prefix"][2:]))


def operator_signature(c, deadline, chain_id, sender, contract, key):
    packed = (int(c["recipient_amount"]).to_bytes(32, "big") + deadline.to_bytes(32, "big")
              + bytes.fromhex(c["recipient"][2:]) + bytes.fromhex(c["recipient_currency"][2:])
              + bytes.fromhex(c["refund_destination"][2:]) + int(c["fee_amount"]).to_bytes(32, "big")
              + bytes.fromhex(c["id"][2:]) + bytes.fromhex(c["operator"][2:]) + chain_id.to_bytes(32, "big")
              + bytes.fromhex(sender[2:]) + bytes.fromhex(contract[2:]))
    digest = keccak(PREFIX + keccak(packed))
    signed = Account._sign_hash(digest, key) if hasattr(Account, "_sign_hash") else Account.unsafe_sign_hash(digest, key)
    return "0x" + bytes(signed.signature).hex()


def q(n):
    return hex(n)


def bundle(charge, tx, sender, created_at, quote, fees):
    c = charge["web3_data"]["transfer_intent"]["call_data"]
    deadline = int(__import__("datetime").datetime.strptime(c["deadline"], "%Y-%m-%dT%H:%M:%SZ")
                   .replace(tzinfo=__import__("datetime").timezone.utc).timestamp())
    calldata = SELECTOR + encode([INTENT_TYPE, "uint24"], [intent_tuple(c, deadline), quote["poolFeesTier"]])
    fields = {"type": 2, "chainId": tx["chainId"], "nonce": tx["nonce"], "maxPriorityFeePerGas": tx["maxPriorityFeePerGas"],
              "maxFeePerGas": tx["maxFeePerGas"], "gas": tx["gas"], "to": tx["to"], "value": tx["value"],
              "data": calldata, "accessList": []}
    signing_hash = bytes(TypedTransaction.from_dict(fields).hash())
    fp = "-".join(signing_hash[:8].hex()[i:i + 4] for i in range(0, 16, 4))
    doc = {
        "format": "coldcredits.unsigned-bundle", "version": 1, "createdAt": created_at, "validUntil": deadline,
        "charge": charge, "from": to_checksum_address(sender),
        "transaction": {"type": "0x2", "chainId": q(tx["chainId"]), "nonce": q(tx["nonce"]),
                        "maxPriorityFeePerGas": q(tx["maxPriorityFeePerGas"]), "maxFeePerGas": q(tx["maxFeePerGas"]),
                        "gas": q(tx["gas"]), "to": to_checksum_address(tx["to"]), "value": q(tx["value"]),
                        "input": "0x" + calldata.hex(), "accessList": []},
        "quote": {"poolFeesTier": quote["poolFeesTier"], "amountIn": q(quote["amountIn"]),
                  "slippageBps": quote["slippageBps"], "quoter": to_checksum_address(quote["quoter"])},
        "fees": {"baseFeePerGas": q(fees["baseFeePerGas"]), "gasEstimate": q(fees["gasEstimate"])},
        "signingHash": "0x" + signing_hash.hex(), "fingerprint": fp,
    }
    return doc, fields


def sample_a():
    charge = json.loads((VECTORS / "coinbase" / "sample-a-charge.json").read_text())["charge_response"]["data"]
    tx = {"chainId": 8453, "nonce": 0, "maxPriorityFeePerGas": 10**9, "maxFeePerGas": 2 * 10**9, "gas": 300000,
          "to": "0x03059433BCdB6144624cC2443159D9445C32b7a8", "value": 4 * 10**15}
    quote = {"poolFeesTier": 500, "amountIn": 3960396039603961, "slippageBps": 100,
             "quoter": "0x3d4e44Eb1374240CE5F1B871ab261CD16335B76a"}
    doc, _ = bundle(charge, tx, charge["web3_data"]["transfer_intent"]["metadata"]["sender"], 1740806399, quote,
                    {"baseFeePerGas": 5_000_000, "gasEstimate": 250000})
    assert doc["signingHash"] == "0xe63a05309ff1982d67344ac3259f35d21796ee2c28112820030a989286fce3e4", "docs/protocol.md §4 tx1"
    return doc


def sandbox_polygon():
    payer = Account.from_key(PAYER_KEY).address
    operator = Account.from_key(SANDBOX_OPERATOR_KEY).address
    deadline = 4102444800  # 2100-01-01: far enough for example files to stay verifiable
    c = {"recipient_amount": "24750000", "deadline": iso(deadline), "recipient": "0x5eA054aEea285Ebc3A92eCB1f722f44304F72581",
         "recipient_currency": POLYGON_USDC, "refund_destination": payer, "fee_amount": "250000",
         "id": "0x" + keccak(b"sandbox-polygon-example")[:16].hex(), "operator": operator.lower(),
         "signature": "", "prefix": "0x" + PREFIX.hex()}
    c["signature"] = operator_signature(c, deadline, 137, payer, POLYGON_TRANSFERS, SANDBOX_OPERATOR_KEY)
    charge = {"id": "sandbox-polygon-example", "created_at": iso(deadline - 3600), "expires_at": iso(deadline),
              "web3_data": {"transfer_intent": {"metadata": {"chain_id": 137, "contract_address": POLYGON_TRANSFERS.lower(),
                                                             "sender": payer}, "call_data": c}}}
    tx = {"chainId": 137, "nonce": 42, "maxPriorityFeePerGas": 30 * 10**9, "maxFeePerGas": 250 * 10**9, "gas": 350000,
          "to": POLYGON_TRANSFERS, "value": 60 * 10**18}
    quote = {"poolFeesTier": 3000, "amountIn": 59405940594059405941, "slippageBps": 100, "quoter": POLYGON_QUOTER}
    doc, fields = bundle(charge, tx, payer, deadline - 3500, quote, {"baseFeePerGas": 100 * 10**9, "gasEstimate": 280000})
    return doc, fields


def signed_file(unsigned_doc, fields, ladder_steps):
    def sign(f):
        s = Account.sign_transaction(f, PAYER_KEY)
        return bytes(s.raw_transaction), bytes(s.hash)
    raw, h = sign(fields)
    rungs = []
    for step in range(1, ladder_steps + 1):
        f = dict(fields)
        f["maxFeePerGas"] = fields["maxFeePerGas"] * (100 + 15 * step) // 100
        f["maxPriorityFeePerGas"] = fields["maxPriorityFeePerGas"] * (100 + 15 * step) // 100
        r, rh = sign(f)
        rungs.append({"rawTransaction": "0x" + r.hex(), "transactionHash": "0x" + rh.hex(),
                      "maxFeePerGas": q(f["maxFeePerGas"]), "maxPriorityFeePerGas": q(f["maxPriorityFeePerGas"])})
    canonical = render(unsigned_doc).encode()
    return {"format": "coldcredits.signed-transaction", "version": 1, "rawTransaction": "0x" + raw.hex(),
            "transactionHash": "0x" + h.hex(), "signingHash": unsigned_doc["signingHash"],
            "fingerprint": unsigned_doc["fingerprint"], "from": unsigned_doc["from"],
            "chainId": unsigned_doc["transaction"]["chainId"], "nonce": unsigned_doc["transaction"]["nonce"],
            "chargeId": unsigned_doc["charge"]["id"], "validUntil": unsigned_doc["validUntil"],
            "signedAt": unsigned_doc["createdAt"] + 60, "unsignedBundleHash": "0x" + keccak(canonical).hex(),
            "feeLadder": rungs}


def render(doc):
    return json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def mutate(doc, path, value=None, delete=False):
    doc = copy.deepcopy(doc)
    target = doc
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return doc


def files():
    a = sample_a()
    p, fields = sandbox_polygon()
    s = signed_file(p, fields, 3)
    s0 = signed_file(p, fields, 0)
    out = {
        "unsigned-bundle/v1/examples/sample-a-base.json": render(a),
        "unsigned-bundle/v1/examples/sandbox-polygon.json": render(p),
        "signed-transaction/v1/examples/sandbox-polygon.json": render(s0),
        "signed-transaction/v1/examples/sandbox-polygon-fee-ladder.json": render(s),
    }
    u = "unsigned-bundle/v1/invalid/"
    bad_hash = mutate(a, ["transaction", "nonce"], "0x1")
    wrong_checksum = a["transaction"]["to"].replace("BCdB", "BCDB")
    out.update({
        u + "invalidJSON/truncated.json": render(a)[:200],
        # Two "to" keys: parsers disagree on which wins, so a strict reader must refuse the document outright.
        u + "invalidJSON/duplicate-to.json": render(a).replace(
            '"to": "' + a["transaction"]["to"] + '"',
            '"to": "0x5eA054aEea285Ebc3A92eCB1f722f44304F72581",\n    "to": "' + a["transaction"]["to"] + '"'),
        u + "unexpectedFormat/signed-format-name.json": render(mutate(a, ["format"], "coldcredits.signed-transaction")),
        u + "unsupportedVersion/version-2.json": render(mutate(a, ["version"], 2)),
        u + "missingField/no-signing-hash.json": render(mutate(a, ["signingHash"], delete=True)),
        u + "missingField/no-charge-operator.json": render(mutate(a, ["charge", "web3_data", "transfer_intent", "call_data", "operator"], delete=True)),
        u + "unknownField/extra-top-level.json": render(mutate(a, ["note"], "trust me")),
        u + "unknownField/extra-in-transaction.json": render(mutate(a, ["transaction", "gasPrice"], "0x1")),
        u + "wrongType/nonce-as-number.json": render(mutate(a, ["transaction", "nonce"], 0)),
        u + "wrongType/created-at-as-string.json": render(mutate(a, ["createdAt"], "1740806399")),
        u + "invalidField/leading-zero-quantity.json": render(mutate(a, ["transaction", "maxFeePerGas"], "0x077359400")),
        u + "invalidField/uppercase-quantity.json": render(mutate(a, ["transaction", "value"], "0xE35FA931A000")),
        u + "invalidField/bad-checksum-to.json": render(mutate(a, ["transaction", "to"], wrong_checksum)),
        u + "invalidField/legacy-type.json": render(mutate(a, ["transaction", "type"], "0x0")),
        u + "invalidField/access-list.json": render(mutate(a, ["transaction", "accessList"], [{"address": a["from"], "storageKeys": []}])),
        u + "invalidField/unparseable-deadline.json": render(mutate(a, ["charge", "web3_data", "transfer_intent", "call_data", "deadline"], "next tuesday")),
        u + "invalidField/short-intent-id.json": render(mutate(a, ["charge", "web3_data", "transfer_intent", "call_data", "id"], "0xc8f9e661")),
        u + "signingHashMismatch/nonce-changed.json": render(bad_hash),
        u + "signingHashMismatch/value-changed.json": render(mutate(a, ["transaction", "value"], "0xde0b6b3a7640000")),
        u + "inconsistent/wrong-fingerprint.json": render(mutate(a, ["fingerprint"], "0000-0000-0000-0000")),
        u + "inconsistent/valid-until-not-deadline.json": render(mutate(a, ["validUntil"], a["validUntil"] + 3600)),
    })
    t = "signed-transaction/v1/invalid/"
    other = Account.from_key(bytes([0x22] * 32)).address
    out.update({
        t + "unexpectedFormat/unsigned-format-name.json": render(mutate(s0, ["format"], "coldcredits.unsigned-bundle")),
        t + "unsupportedVersion/version-0.json": render(mutate(s0, ["version"], 0)),
        t + "missingField/no-raw-transaction.json": render(mutate(s0, ["rawTransaction"], delete=True)),
        t + "unknownField/extra-signature.json": render(mutate(s0, ["signature"], "0x00")),
        t + "invalidField/truncated-raw.json": render(mutate(s0, ["rawTransaction"], s0["rawTransaction"][:-2])),
        t + "inconsistent/other-from.json": render(mutate(s0, ["from"], other)),
        t + "inconsistent/wrong-transaction-hash.json": render(mutate(s0, ["transactionHash"], "0x" + "00" * 32)),
        t + "inconsistent/ladder-fee-not-rising.json": render(mutate(s, ["feeLadder"], [s["feeLadder"][1], s["feeLadder"][0]])),
        t + "signingHashMismatch/recorded-hash-differs.json": render(mutate(s0, ["signingHash"], "0x" + "11" * 32)),
    })
    out.update(policy_and_network_cases())
    return out


def policy_and_network_cases():
    """Invalid policy and network files, each a one-field mutation of the committed valid example."""
    policy = json.loads((FORMATS / "policy/v1/examples/default.json").read_text())
    network = json.loads((FORMATS / "network/v1/examples/base.json").read_text())
    p, n = "policy/v1/invalid/", "network/v1/invalid/"
    bad_transfers = policy["chains"][0]["transfers"].swapcase()[0:2].lower() + policy["chains"][0]["transfers"][2:].swapcase()
    return {
        p + "unexpectedFormat/network-format-name.json": render(mutate(policy, ["format"], "coldcredits.network")),
        p + "unsupportedVersion/version-2.json": render(mutate(policy, ["version"], 2)),
        p + "missingField/no-approvals.json": render(mutate(policy, ["approvals"], delete=True)),
        p + "unknownField/extra-limit.json": render(mutate(policy, ["maxWeeklyUSD"], "5000")),
        p + "wrongType/gas-limit-as-string.json": render(mutate(policy, ["chains", 0, "maxGasLimit"], "1000000")),
        p + "invalidField/exponent-amount.json": render(mutate(policy, ["maxPurchaseUSD"], "1e3")),
        p + "invalidField/bad-checksum-transfers.json": render(mutate(policy, ["chains", 0, "transfers"], bad_transfers)),
        p + "invalidField/threshold-above-approvers.json": render(mutate(policy, ["approvals", "threshold"], 1)),
        n + "unsupportedVersion/version-0.json": render(mutate(network, ["version"], 0)),
        n + "missingField/no-quoter.json": render(mutate(network, ["quoterV2"], delete=True)),
        n + "unknownField/extra-router.json": render(mutate(network, ["universalRouter"], network["usdc"])),
        n + "invalidField/short-address.json": render(mutate(network, ["usdc"], network["usdc"][:-2])),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    generated = files()
    stale = []
    for relative, text in generated.items():
        path = FORMATS / relative
        if args.check:
            if not path.exists() or path.read_text() != text:
                stale.append(relative)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    if args.check:
        for relative in stale:
            print(f"stale or missing: formats/{relative}", file=sys.stderr)
        print(f"format examples: {len(generated) - len(stale)}/{len(generated)} current", file=sys.stderr)
        return 1 if stale else 0
    print(f"wrote {len(generated)} files under formats/", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
