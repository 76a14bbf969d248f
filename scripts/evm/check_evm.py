#!/usr/bin/env python3
"""Checks ColdCredits' payment path on a real EVM (py-evm via eth-tester) against the stand-in Transfers
contract (scripts/evm/Transfers.vy). What CI runs:

    .venv-evm/bin/python scripts/evm/check_evm.py [-v]

Prints one line per check and, last, "N passed, M failed"; exits 0 only if every check passed.
Expected values come from docs/protocol.md (selectors, topic0, sample A) and from the price
formula in harness.py; transactions are signed with eth-account and calldata is built with eth-abi.
"""
import json
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

import eth_abi
from eth_account import Account
from eth_utils import event_signature_to_log_topic, function_signature_to_4byte_selector, keccak

import harness as H

ROOT = Path(__file__).resolve().parents[2]
CHECKS = []
VERBOSE = "-v" in sys.argv


def check(fn):
    CHECKS.append(fn)
    return fn


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def expect_revert(outcome, name, args=None):
    expect(outcome["status"] == 0, f"expected a revert {name}, got status {outcome['status']} "
                                   f"(rejected: {outcome['rejected']})")
    expect(outcome["revert"] == name, f"expected {name}, got {outcome['revert']} ({outcome['revertData']})")
    if args is not None:
        expect(outcome["revertArgs"] == args, f"{name} args: expected {args}, got {outcome['revertArgs']}")
    expect(outcome["transferred"] is None, "a reverted payment must not log Transferred")
    expect(outcome["refund"] == 0, f"a reverted payment must keep the value with the payer, refund {outcome['refund']}")


def expect_paid(h, charge, outcome, value, pool_fees_tier=H.POOL_FEES_TIER, sender=H.PAYER):
    expect(outcome["status"] == 1, f"expected status 1, got {outcome['status']} revert={outcome['revert']} "
                                   f"rejected={outcome['rejected']}")
    needed = H.quote(H.charge_total_units(charge), pool_fees_tier)
    cd = H.normalize_charge(charge)["data"]["web3_data"]["transfer_intent"]["call_data"]
    t = outcome["transferred"]
    expect(t is not None, "no Transferred log from the contract")
    expect(t["id"] == cd["id"].lower(), f"Transferred id {t['id']} != charge id {cd['id']}")
    expect(t["spentAmount"] == needed, f"spentAmount {t['spentAmount']} != quote {needed}")
    expect(t["operator"].lower() == cd["operator"].lower(), f"operator {t['operator']}")
    expect(t["sender"] == sender and t["recipient"].lower() == cd["recipient"].lower(), f"sender/recipient {t}")
    expect(t["spentCurrency"] == "0x" + "00" * 20, f"spentCurrency {t['spentCurrency']}")
    expect(outcome["refund"] == value - needed, f"refund credited {outcome['refund']} != value - spent "
                                                f"{value - needed}")


def fresh():
    return H.Harness()


# --- static facts --------------------------------------------------------------------------------------

@check
def selector_is_0x8bf122da():
    import vyper
    ids = vyper.compile_code(H.CONTRACT_SOURCE.read_text(), output_formats=["method_identifiers"])
    ids = ids["method_identifiers"]
    sig = f"swapAndTransferUniswapV3Native({H.INTENT_TUPLE},uint24)"
    expect(ids.get(sig) == "0x8bf122da", f"vyper's selector for {sig}: {ids.get(sig)}")
    expect("0x" + function_signature_to_4byte_selector(sig).hex() == "0x8bf122da", "keccak of the signature")


@check
def error_table_matches_keccak_of_signatures():
    for selector, (name, types) in H.ERRORS.items():
        got = "0x" + keccak(text=f"{name}({','.join(types)})")[:4].hex()
        expect(got == selector, f"{name}: table {selector}, keccak {got}")


@check
def transferred_topic0_matches_protocol_and_contract_abi():
    expect("0x" + event_signature_to_log_topic(H.TRANSFERRED_SIGNATURE).hex() == H.TRANSFERRED_TOPIC, "topic0")
    abi, _ = H.compiled_contract()
    event = next(e for e in abi if e.get("type") == "event" and e["name"] == "Transferred")
    sig = f"Transferred({','.join(i['type'] for i in event['inputs'])})"
    expect(sig == H.TRANSFERRED_SIGNATURE, f"contract event {sig}")
    expect([i["indexed"] for i in event["inputs"]] == [True] + [False] * 5, "only operator is indexed")


@check
def python_signer_reproduces_sample_a():
    intent, chain_id, sender, contract = sample_a()
    packed = H.intent_hash(intent, chain_id, sender, contract)
    expect(packed.hex() == "06958cb53f6718ac036e53afdffae19b61c88ee8777c5982ad93d14984707725", "packed hash")
    digest = H.signed_digest(packed, intent["prefix"])
    expect(digest.hex() == "30b9012881a97e313cd4d87f21774b59ddbe0d6e15388d742b3eb0d58ebf7b7f", "digest")
    from eth_keys import keys
    sig = intent["signature"]
    recovered = keys.Signature(vrs=(sig[64] - 27, int.from_bytes(sig[:32], "big"), int.from_bytes(sig[32:64], "big")))
    expect(recovered.recover_public_key_from_msg_hash(digest).to_checksum_address().lower() == intent["operator"],
           "recovered operator")


@check
def fixed_addresses():
    expect(H.OPERATOR == "0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A", f"operator {H.OPERATOR}")
    expect(H.CONTRACT_ADDRESS == "0x93FEB81f0d93A45A7cd5d0f296bD3915Fa437585", f"contract {H.CONTRACT_ADDRESS}")
    h = fresh()
    ok, out = h.call(H.PAYER, h.contract_address, function_signature_to_4byte_selector("INITIAL_OPERATOR()"))
    expect(ok and out[12:] == bytes.fromhex(H.OPERATOR[2:]), "deployed contract's operator")
    expect(h.chain_id == H.TESTER_CHAIN_ID == 131277322940537, "default chain id")


# --- (a) happy path ------------------------------------------------------------------------------------

@check
def happy_path_pays_logs_and_refunds():
    h = fresh()
    charge = h.make_charge("10", H.PAYER)
    value = 5 * 10**15
    contract_before = h.balance(h.contract_address)
    outcome = h.send_raw(h.sign_payment(H.PAYER_KEY, charge, value))
    expect_paid(h, charge, outcome, value)
    expect(outcome["transferred"]["spentAmount"] == 4_002_001_000_500_251, "$10 at tier 500 costs 4.002e15 wei")
    ok, out = h.call(H.PAYER, h.contract_address, function_signature_to_4byte_selector("quoteNative(uint256,uint24)")
                     + eth_abi.encode(["uint256", "uint24"], [H.charge_total_units(charge), 500]))
    expect(ok and int.from_bytes(out, "big") == outcome["transferred"]["spentAmount"], "quoteNative agrees")
    expect(h.balance(h.contract_address) - contract_before == outcome["transferred"]["spentAmount"],
           "contract kept exactly spentAmount")
    log = outcome["logs"][0]
    expect(log["topics"][0] == H.TRANSFERRED_TOPIC, "topic0 in the receipt")


@check
def exact_value_pays_with_zero_refund():
    h = fresh()
    charge = h.make_charge("25.05", H.PAYER)
    needed = H.quote(H.charge_total_units(charge), 3000)
    outcome = h.send_raw(h.sign_payment(H.PAYER_KEY, charge, needed, pool_fees_tier=3000))
    expect_paid(h, charge, outcome, needed, pool_fees_tier=3000)
    expect(outcome["refund"] == 0, "no refund")


@check
def empty_prefix_uses_eip191_digest():
    h = fresh()
    charge = h.make_charge("1", H.PAYER, prefix=b"")
    outcome = h.send_raw(h.sign_payment(H.PAYER_KEY, charge, 10**15))
    expect_paid(h, charge, outcome, 10**15)


@check
def deadline_equal_to_block_timestamp_still_pays():
    h = fresh()
    deadline = h.pending_timestamp() + 600
    charge = h.make_charge("10", H.PAYER, deadline=deadline)
    raw = h.sign_payment(H.PAYER_KEY, charge, 5 * 10**15)
    h.set_next_timestamp(deadline)
    outcome = h.send_raw(raw)
    expect(outcome["blockTimestamp"] == deadline, "timestamp pinned")
    expect_paid(h, charge, outcome, 5 * 10**15)


# --- (b) failures --------------------------------------------------------------------------------------

@check
def replay_reverts_already_processed():
    h = fresh()
    charge = h.make_charge("10", H.PAYER)
    expect(h.send_raw(h.sign_payment(H.PAYER_KEY, charge, 5 * 10**15))["status"] == 1, "first payment")
    expect_revert(h.send_raw(h.sign_payment(H.PAYER_KEY, charge, 5 * 10**15)), "AlreadyProcessed", [])


@check
def expired_intent_after_time_travel():
    h = fresh()
    charge = h.make_charge("10", H.PAYER, deadline=h.pending_timestamp() + 600)
    raw = h.sign_payment(H.PAYER_KEY, charge, 5 * 10**15)
    h.advance(601 + 60)
    expect_revert(h.send_raw(raw), "ExpiredIntent", [])


@check
def one_second_past_deadline_is_expired():
    h = fresh()
    deadline = h.pending_timestamp() + 600
    charge = h.make_charge("10", H.PAYER, deadline=deadline)
    raw = h.sign_payment(H.PAYER_KEY, charge, 5 * 10**15)
    h.set_next_timestamp(deadline + 1)
    expect_revert(h.send_raw(raw), "ExpiredIntent", [])


@check
def wrong_sender_reverts_invalid_signature():
    h = fresh()
    charge = h.make_charge("10", H.PAYER)  # signed for PAYER, sent by OTHER
    expect_revert(h.send_raw(h.sign_payment(H.OTHER_KEY, charge, 5 * 10**15)), "InvalidSignature", [])


@check
def too_little_value_reverts_v3_too_much_requested():
    h = fresh()
    charge = h.make_charge("10", H.PAYER)
    needed = H.quote(H.charge_total_units(charge))
    outcome = h.send_raw(h.sign_payment(H.PAYER_KEY, charge, needed - 1))
    expect_revert(outcome, "SwapFailedString", ["V3TooMuchRequested"])
    expect(outcome["revertData"].startswith("0x8a627c16"), "selector 0x8a627c16")
    expect(bytes.fromhex(outcome["revertData"][2:]) == bytes.fromhex("8a627c16")
           + eth_abi.encode(["string"], ["V3TooMuchRequested"]), "byte-exact ABI-encoded string")


@check
def tampered_amount_reverts_invalid_signature():
    h = fresh()
    charge = h.make_charge("10", H.PAYER, tamper={"recipientAmount": 1})
    expect_revert(h.send_raw(h.sign_payment(H.PAYER_KEY, charge, 5 * 10**15)), "InvalidSignature", [])


@check
def charge_for_another_chain_reverts_invalid_signature():
    h = fresh()
    charge = H.make_charge("10", H.PAYER, chain_id=8453, now=h.pending_timestamp())  # same contract address
    expect_revert(h.send_raw(h.sign_payment(H.PAYER_KEY, charge, 5 * 10**15)), "InvalidSignature", [])


@check
def null_recipient_reverts():
    h = fresh()
    charge = h.make_charge("10", H.PAYER, recipient="0x" + "00" * 20)
    expect_revert(h.send_raw(h.sign_payment(H.PAYER_KEY, charge, 5 * 10**15)), "NullRecipient", [])


@check
def unregistered_operator_reverts():
    h = fresh()
    charge = h.make_charge("10", H.PAYER, operator_key=bytes([0x77]) * 32)
    expect_revert(h.send_raw(h.sign_payment(H.PAYER_KEY, charge, 5 * 10**15)), "OperatorNotRegistered", [])


@check
def wrapped_native_currency_reverts_incorrect_currency():
    h = fresh()
    charge = h.make_charge("10", H.PAYER, recipient_currency=h.wrapped_native)
    expect_revert(h.send_raw(h.sign_payment(H.PAYER_KEY, charge, 5 * 10**15)), "IncorrectCurrency",
                  [h.wrapped_native])


@check
def high_s_signature_reverts_with_oz_error_string():
    h = fresh()
    charge = h.make_charge("10", H.PAYER)
    cd = charge["data"]["web3_data"]["transfer_intent"]["call_data"]
    sig = bytes.fromhex(cd["signature"][2:])
    n = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
    # (r, n - s, v flipped) recovers the same key: the malleable twin that OpenZeppelin refuses.
    high = sig[:32] + (n - int.from_bytes(sig[32:64], "big")).to_bytes(32, "big") + bytes([55 - sig[64]])
    cd["signature"] = "0x" + high.hex()
    expect_revert(h.send_raw(h.sign_payment(H.PAYER_KEY, charge, 5 * 10**15)), "Error",
                  ["ECDSA: invalid signature 's' value"])


@check
def node_rejects_transaction_for_another_chain_id():
    h = fresh()
    charge = h.make_charge("10", H.PAYER)
    outcome = h.send_raw(h.sign_payment(H.PAYER_KEY, charge, 5 * 10**15, chain_id=8453))
    expect(outcome["status"] is None and "chain id" in (outcome["rejected"] or ""), f"outcome {outcome['rejected']}")


@check
def node_rejects_fee_cap_below_base_fee():
    h = fresh()
    charge = h.make_charge("10", H.PAYER)
    raw = H.Account.sign_transaction({
        "type": 2, "chainId": h.chain_id, "nonce": 0, "maxPriorityFeePerGas": 0, "maxFeePerGas": 1, "gas": 300_000,
        "to": h.contract_address, "value": 5 * 10**15, "data": H.build_calldata(charge), "accessList": []},
        H.PAYER_KEY).raw_transaction
    outcome = h.send_raw(bytes(raw))
    expect(outcome["status"] is None and "base fee" in (outcome["rejected"] or ""), f"outcome {outcome['rejected']}")


# --- real Coinbase signature on the stand-in -----------------------------------------------------------

def sample_a():
    intent = {"recipientAmount": 9900, "deadline": 1740809999,
              "recipient": "0x5eA054aEea285Ebc3A92eCB1f722f44304F72581",
              "recipientCurrency": "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
              "refundDestination": "0xac8CeB5131449e5850030737D10d1E25C6b8D80B", "feeAmount": 100,
              "id": bytes.fromhex("c8f9e661fe654bca8554192fe0d22ca4"),
              "operator": "0x8fccc78dae0a8f93b0fe6799de888d4c57e273db", "prefix": H.PREFIX,
              "signature": bytes.fromhex(
                  "b443cf656f962b42888621d23fdb90f4dea6801df07da4722ab381d1aacefd0c1fbbc473762409427b899aaeb69e7afa"
                  "00444e9221e297cdc9a2c7d99a86ae521c")}
    return intent, 8453, "0xac8CeB5131449e5850030737D10d1E25C6b8D80B", "0x03059433BCdB6144624cC2443159D9445C32b7a8"


def sample_a_call(chain_id, timestamp_before_deadline=True):
    intent, _, sender, contract = sample_a()
    h = H.Harness(chain_id=chain_id, contract_address=contract, fund=[(sender, 0)],
                  genesis_timestamp=intent["deadline"] - 3600)
    h.set_next_timestamp(intent["deadline"] - (60 if timestamp_before_deadline else -60))
    args = (intent["recipientAmount"], intent["deadline"], intent["recipient"], intent["recipientCurrency"],
            intent["refundDestination"], intent["feeAmount"], intent["id"], intent["operator"],
            intent["signature"], intent["prefix"])
    data = bytes.fromhex("8bf122da") + eth_abi.encode([H.INTENT_TUPLE, "uint24"], [args, 500])
    ok, out = h.call(sender, contract, data, value=10**16)
    return H.decode_revert(out)[0] if not ok else "success"


@check
def real_coinbase_signature_passes_the_stand_ins_check():
    # The signature check, deadline, null-recipient and replay checks pass; the stand-in registered only
    # our operator, so the first failing rule is OperatorNotRegistered.
    got = sample_a_call(8453)
    expect(got == "OperatorNotRegistered", f"sample A on chain 8453 at 0x0305...: {got}")


@check
def real_coinbase_signature_fails_on_another_chain():
    got = sample_a_call(1)
    expect(got == "InvalidSignature", f"sample A on chain 1: {got}")


# --- (c) CLI: make-charge + run-raw, and the repo's signed-transaction example -------------------------

def cli(*args):
    proc = subprocess.run([sys.executable, str(Path(__file__).with_name("harness.py")), *args],
                          capture_output=True, text=True)
    expect(proc.returncode == 0, f"harness {args[0]} exit {proc.returncode}: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout)


def signed_for(charge, key, nonce, value, pool_fees_tier=500):
    meta = charge["data"]["web3_data"]["transfer_intent"]["metadata"]
    return Account.sign_transaction({
        "type": 2, "chainId": meta["chain_id"], "nonce": nonce, "maxPriorityFeePerGas": 10**9,
        "maxFeePerGas": 10 * 10**9, "gas": 350_000, "to": meta["contract_address"], "value": value,
        "data": H.build_calldata(charge, pool_fees_tier), "accessList": []}, key).raw_transaction.hex()


@check
def cli_make_charge_then_run_raw_pays_and_expires():
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "charge.json"
        made = cli("make-charge", "--amount", "10", "--sender", H.PAYER, "--out", str(path),
                   "--deadline-seconds", "900")
        charge = json.loads(path.read_text())
        expect(made["contract"] == H.CONTRACT_ADDRESS and made["chainId"] == H.TESTER_CHAIN_ID, f"{made}")
        cd = charge["data"]["web3_data"]["transfer_intent"]["call_data"]
        expect(cd["prefix"] == "0x" + H.PREFIX.hex() and cd["deadline"].endswith("Z"), "charge shape")
        raw = signed_for(charge, H.PAYER_KEY, 42, 6 * 10**15)
        outcome = cli("run-raw", "--charge", str(path), "--raw-tx", raw)
        expect_paid(None, charge, outcome, 6 * 10**15)
        expect_revert(cli("run-raw", "--charge", str(path), "--raw-tx", raw, "--advance-seconds", "1000"),
                      "ExpiredIntent", [])


@check
def cli_mirror_mode_on_polygon_address():
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "charge.json"
        polygon = "0x288844216a63638381784E0C1081A3826fD5a2E4"
        cli("make-charge", "--amount", "3.5", "--sender", H.PAYER, "--out", str(path), "--chain-id", "137",
            "--contract-address", polygon)
        charge = json.loads(path.read_text())
        raw_file = Path(tmp) / "raw.txt"
        raw_file.write_text(signed_for(charge, H.PAYER_KEY, 0, 10**16) + "\n")
        outcome = cli("run-raw", "--charge", str(path), "--raw-tx", str(raw_file))
        expect(outcome["contract"] == polygon and outcome["chainId"] == 137, "mirror address and chain id")
        expect_paid(None, charge, outcome, 10**16)


@check
def repo_signed_transaction_examples_execute():
    bundle = ROOT / "formats/unsigned-bundle/v1/examples/sandbox-polygon.json"
    signed = json.loads((ROOT / "formats/signed-transaction/v1/examples/sandbox-polygon-fee-ladder.json").read_text())
    charge = H.normalize_charge(json.loads(bundle.read_text()))
    for raw in [signed["rawTransaction"]] + [rung["rawTransaction"] for rung in signed["feeLadder"]]:
        outcome = H.run_raw(charge, raw)
        value = outcome["value"]
        expect_paid(None, charge, outcome, value, pool_fees_tier=3000)


def main():
    started = time.monotonic()
    passed = failed = 0
    for fn in CHECKS:
        t = time.monotonic()
        try:
            fn()
            passed += 1
            print(f"PASS {fn.__name__} ({time.monotonic() - t:.2f}s)")
        except Exception as exc:
            failed += 1
            print(f"FAIL {fn.__name__}: {type(exc).__name__}: {exc}")
            if VERBOSE:
                traceback.print_exc()
    print(f"check_evm: {time.monotonic() - started:.1f}s")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
