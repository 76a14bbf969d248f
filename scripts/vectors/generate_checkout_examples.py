#!/usr/bin/env python3
"""Writes formats/checkout-bundle/v1/examples and invalid cases from independent implementations.

The transfer calldata is encoded with eth-abi and the signing hash computed with eth-account, not with ColdCredits'
own encoders; the Swift tests require that our reader accepts every example, re-encodes it to the identical bytes,
and rejects every invalid case with exactly the error kind its folder names.

    python scripts/vectors/generate_checkout_examples.py          # write
    python scripts/vectors/generate_checkout_examples.py --check  # verify the committed files are current
"""
import argparse
import sys
from pathlib import Path

from eth_abi import encode
from eth_account import Account
from eth_account.typed_transactions import TypedTransaction
from eth_hash.auto import keccak
from eth_utils import to_checksum_address

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_format_examples import FORMATS, PAYER_KEY, iso, mutate, q, render  # noqa: E402

TRANSFER = keccak(b"transfer(address,uint256)")[:4]
USDC = {1: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", 137: "0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359",
        8453: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913"}
DEPOSIT = to_checksum_address("0x" + keccak(b"coldcredits checkout deposit example")[:20].hex())
EXPIRES = 4102444800  # 2100-01-01: far enough for example files to stay verifiable
URI_VALIDITY = 86400


def bundle(request, chain_id, to, value, data, nonce, created_at, valid_until, token_balance):
    payer = Account.from_key(PAYER_KEY).address
    fields = {"type": 2, "chainId": chain_id, "nonce": nonce, "maxPriorityFeePerGas": 10**9, "maxFeePerGas": 3 * 10**9,
              "gas": 65000 if data else 21000, "to": to, "value": value, "data": data, "accessList": []}
    signing_hash = bytes(TypedTransaction.from_dict(fields).hash())
    balances = {"native": q(5 * 10**16)}
    if token_balance is not None:
        balances["token"] = q(token_balance)
    return {
        "format": "coldcredits.checkout-bundle", "version": 1, "createdAt": created_at, "validUntil": valid_until,
        "request": request, "from": payer,
        "transaction": {"type": "0x2", "chainId": q(chain_id), "nonce": q(nonce), "maxPriorityFeePerGas": q(10**9),
                        "maxFeePerGas": q(3 * 10**9), "gas": q(fields["gas"]), "to": to_checksum_address(to),
                        "value": q(value), "input": "0x" + data.hex(), "accessList": []},
        "fees": {"baseFeePerGas": q(10**9), "gasEstimate": q(52000 if data else 21000)},
        "balances": balances,
        "signingHash": "0x" + signing_hash.hex(),
        "fingerprint": "-".join(signing_hash[:8].hex()[i:i + 4] for i in range(0, 16, 4)),
    }


def transfer(recipient, amount):
    return TRANSFER + encode(["address", "uint256"], [recipient, amount])


def checkout_base():
    document = {"id": "4b1f2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "url": "https://pay.coinbase.com/c/4b1f2c3d",
                "amount": "25.00", "currency": "USDC", "network": "base", "address": DEPOSIT,
                "tokenAddress": USDC[8453], "status": "ACTIVE", "expiresAt": iso(EXPIRES),
                "createdAt": iso(EXPIRES - 3600), "description": "OpenRouter credits"}
    return bundle({"checkout": document}, 8453, USDC[8453], 0, transfer(DEPOSIT, 25_000_000), 7, EXPIRES - 3500,
                  EXPIRES, 40_000_000)


def uri_polygon():
    uri = f"ethereum:{USDC[137]}@137/transfer?address={DEPOSIT}&uint256=2.5e7"
    created = 1_900_000_000
    return bundle({"uri": uri}, 137, USDC[137], 0, transfer(DEPOSIT, 25_000_000), 3, created, created + URI_VALIDITY,
                  25_000_000)


def uri_native():
    uri = f"ethereum:{DEPOSIT}@1?value=1e16"
    created = 1_900_000_000
    return bundle({"uri": uri}, 1, DEPOSIT, 10**16, b"", 0, created, created + URI_VALIDITY, None)


def files():
    c, u, n = checkout_base(), uri_polygon(), uri_native()
    out = {
        "checkout-bundle/v1/examples/checkout-base.json": render(c),
        "checkout-bundle/v1/examples/uri-polygon-usdc.json": render(u),
        "checkout-bundle/v1/examples/uri-ethereum-native.json": render(n),
    }
    i = "checkout-bundle/v1/invalid/"
    doc = ["request", "checkout"]
    out.update({
        i + "invalidJSON/truncated.json": render(c)[:300],
        i + "unexpectedFormat/intent-format-name.json": render(mutate(c, ["format"], "coldcredits.signed-transaction")),
        i + "unsupportedVersion/version-2.json": render(mutate(c, ["version"], 2)),
        i + "missingField/no-balances.json": render(mutate(c, ["balances"], delete=True)),
        i + "missingField/no-request.json": render(mutate(c, ["request"], delete=True)),
        i + "unknownField/extra-top-level.json": render(mutate(c, ["note"], "trust me")),
        i + "unknownField/extra-in-fees.json": render(mutate(c, ["fees", "tip"], "0x1")),
        i + "wrongType/created-at-as-string.json": render(mutate(c, ["createdAt"], str(c["createdAt"]))),
        i + "invalidField/both-uri-and-checkout.json": render(mutate(c, ["request", "uri"], u["request"]["uri"])),
        i + "invalidField/uri-without-chain.json": render(mutate(u, ["request", "uri"], u["request"]["uri"].replace("@137", ""))),
        i + "invalidField/uri-fractional-amount.json": render(mutate(u, ["request", "uri"], u["request"]["uri"].replace("2.5e7", "2.5e0"))),
        i + "invalidField/uri-unknown-parameter.json": render(mutate(u, ["request", "uri"], u["request"]["uri"] + "&memo=hi")),
        i + "invalidField/checkout-unknown-member.json": render(mutate(c, doc + ["redirectUrl"], "https://evil.example")),
        i + "invalidField/checkout-other-token.json": render(mutate(c, doc + ["tokenAddress"], USDC[1])),
        i + "invalidField/checkout-amount-exponent.json": render(mutate(c, doc + ["amount"], "2.5e1")),
        i + "invalidField/uppercase-quantity.json": render(mutate(c, ["balances", "native"], "0xB1A2BC2EC50000")),
        i + "signingHashMismatch/calldata-recipient-changed.json": render(mutate(
            c, ["transaction", "input"], "0x" + transfer(USDC[1], 25_000_000).hex())),
        i + "inconsistent/wrong-fingerprint.json": render(mutate(c, ["fingerprint"], "0000-0000-0000-0000")),
        i + "inconsistent/valid-until-not-expiry.json": render(mutate(c, ["validUntil"], c["validUntil"] - 60)),
        i + "inconsistent/uri-valid-until-not-24h.json": render(mutate(u, ["validUntil"], u["createdAt"] + 3600)),
        i + "inconsistent/token-payment-without-token-balance.json": render(mutate(c, ["balances", "token"], delete=True)),
        i + "inconsistent/native-payment-with-token-balance.json": render(mutate(n, ["balances", "token"], "0x0")),
    })
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    generated = files()
    stale = [r for r, text in generated.items() if not (FORMATS / r).exists() or (FORMATS / r).read_text() != text]
    if args.check:
        for relative in stale:
            print(f"stale or missing: formats/{relative}", file=sys.stderr)
        print(f"checkout examples: {len(generated) - len(stale)}/{len(generated)} current", file=sys.stderr)
        return 1 if stale else 0
    for relative, text in generated.items():
        (FORMATS / relative).parent.mkdir(parents=True, exist_ok=True)
        (FORMATS / relative).write_text(text)
    print(f"wrote {len(generated)} files under formats/checkout-bundle", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
