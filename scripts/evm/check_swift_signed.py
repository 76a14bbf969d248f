#!/usr/bin/env python3
"""Runs transactions signed by OUR Swift `sign` binary on a real EVM (py-evm through eth-tester, with the vyper
stand-in of the Transfers contract): the happy path and two failure cases, so the sandbox's rules and our
signer are checked against real EVM execution, not only against themselves.

For each case: the harness makes an operator-signed charge; an unsigned bundle is built here with eth-abi and
eth-account (not with our encoders); the built `.build/debug/sign` verifies and signs it under a policy that
pins the harness's chain, contract and operator; the raw transaction is then executed on a fresh py-evm chain.

    .venv-evm/bin/python scripts/evm/check_swift_signed.py      (last line: "N passed, M failed")
"""
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "evm"))
sys.path.insert(0, str(ROOT / "scripts" / "vectors"))

from charges import CONTRACT_ADDRESS, OPERATOR, PAYER, TESTER_CHAIN_ID, make_charge, quote  # noqa: E402
from generate_format_examples import bundle  # noqa: E402
from harness import run_raw  # noqa: E402

SIGN = ROOT / ".build" / "debug" / "sign"


def policy(currency):
    return {
        "format": "coldcredits.policy", "version": 1, "maxPurchaseUSD": "500", "maxDailyUSD": "100000",
        "deadlineMarginSeconds": 300, "allowUnattended": True, "maxFeeLadderSteps": 5,
        "approvals": {"threshold": 0, "approvers": []},
        "chains": [{"chainId": TESTER_CHAIN_ID, "transfers": CONTRACT_ADDRESS, "operators": [OPERATOR],
                    "recipientCurrencies": [currency], "recipients": [], "maxValue": "1", "maxGasLimit": 1000000,
                    "maxFeePerGasGwei": "100", "maxPriorityFeePerGasGwei": "10", "maxNetworkFee": "0.1",
                    # the tester chain has no market price: the lowest floor, so the value bound never binds here
                    "nativePriceFloorUSD": "0.000001"}],
    }


def swift_sign(workdir, charge, value):
    data = charge["data"]
    tx = {"chainId": TESTER_CHAIN_ID, "nonce": 0, "maxPriorityFeePerGas": 10**9, "maxFeePerGas": 20 * 10**9,
          "gas": 300_000, "to": CONTRACT_ADDRESS, "value": value}
    doc, _ = bundle(data, tx, PAYER, int(time.time()),
                    {"poolFeesTier": 500, "amountIn": value, "slippageBps": 0, "quoter": CONTRACT_ADDRESS},
                    {"baseFeePerGas": 10**9, "gasEstimate": 100_000})
    path = workdir / f"bundle-{value}.json"
    path.write_text(json.dumps(doc, sort_keys=True, indent=2) + "\n")
    currency = data["web3_data"]["transfer_intent"]["call_data"]["recipient_currency"]
    (workdir / "policy.json").write_text(json.dumps(policy(currency)))
    key = workdir / "key.hex"
    key.write_text("46" * 32 + "\n")
    key.chmod(0o600)
    result = subprocess.run([str(SIGN), str(path), "--private-key-file", str(key), "--policy", str(workdir / "policy.json"),
                             "--ledger", str(workdir / f"ledger-{value}.jsonl"), "--yes"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"sign exited {result.returncode}: {result.stderr.strip().splitlines()[-1:]}")
    return result.stdout.strip()


def main():
    passed = failed = 0

    def check(name, condition, detail=""):
        nonlocal passed, failed
        if condition:
            passed += 1
            print(f"ok   {name}", file=sys.stderr)
        else:
            failed += 1
            print(f"FAIL {name} {detail}", file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        charge = make_charge(10, PAYER)
        total = int(charge["data"]["web3_data"]["transfer_intent"]["call_data"]["recipient_amount"]) + int(
            charge["data"]["web3_data"]["transfer_intent"]["call_data"]["fee_amount"])
        needed = quote(total)
        value = needed * 101 // 100
        raw = swift_sign(workdir, charge, value)
        outcome = run_raw(charge, raw)
        check("happy path: Swift-signed payment succeeds on py-evm", outcome.get("status") == 1, outcome)
        transferred = outcome.get("transferred") or {}
        check("happy path: Transferred carries the charge id",
              transferred.get("id", "").lower() == charge["data"]["web3_data"]["transfer_intent"]["call_data"]["id"].lower(),
              transferred)
        check("happy path: the excess value is refunded", int(outcome.get("refund") or 0) == value - needed, outcome.get("refund"))
        expired = run_raw(charge, raw, advance_seconds=7200)
        check("expired intent reverts ExpiredIntent()", expired.get("status") == 0 and expired.get("revert") == "ExpiredIntent",
              expired.get("revert"))
        short = swift_sign(workdir, charge, needed - 1)
        too_little = run_raw(charge, short)
        check("too little value reverts SwapFailedString(\"V3TooMuchRequested\")",
              too_little.get("revert") == "SwapFailedString" and "V3TooMuchRequested" in json.dumps(too_little.get("revertArgs")),
              too_little.get("revert"))
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
