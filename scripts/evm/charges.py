"""Charges for the real-EVM harness: the fixed constants, the intent signature scheme of docs/protocol.md 1.3
(hash, digest, operator signature), OpenRouter-shaped charge JSON, calldata (eth-abi), the stand-in's price
formula, and revert decoding by 4-byte selector (docs/protocol.md 1.6). No chain here: see harness.py."""
import datetime
import os
import time
from decimal import Decimal
from pathlib import Path

import eth_abi
from eth_account import Account
from eth_keys import keys
from eth_utils import keccak, to_canonical_address, to_checksum_address
import rlp

HERE = Path(__file__).resolve().parent
CONTRACT_SOURCE = HERE / "Transfers.vy"

TESTER_CHAIN_ID = 131277322940537
OPERATOR_KEY = bytes([0x11]) * 32
DEPLOYER_KEY = bytes([0x22]) * 32
OTHER_KEY = bytes([0x33]) * 32
PAYER_KEY = bytes([0x46]) * 32
OPERATOR = Account.from_key(OPERATOR_KEY).address
DEPLOYER = Account.from_key(DEPLOYER_KEY).address
PAYER = Account.from_key(PAYER_KEY).address
OTHER = Account.from_key(OTHER_KEY).address
CONTRACT_ADDRESS = to_checksum_address(keccak(rlp.encode([to_canonical_address(DEPLOYER), 0]))[12:])
TOKEN_UNITS_PER_NATIVE = 2_500_000_000
POOL_FEES_TIER = 500
FUND_WEI = 1000 * 10**18
PREFIX = b"K2 Informational Message: 32 "
RECIPIENT = "0x5eA054aEea285Ebc3A92eCB1f722f44304F72581"
SELECTOR = "0x8bf122da"
TRANSFERRED_TOPIC = "0xb7ee4fafa10d16ee883a136a3dcc9179d8e6041ba71cc29c2b0bce4f7bdd6e86"
TRANSFERRED_SIGNATURE = "Transferred(address,bytes16,address,address,uint256,address)"
INTENT_TUPLE = "(uint256,uint256,address,address,address,uint256,bytes16,address,bytes,bytes)"
# USDC and wrapped native per chain (docs/protocol.md 3.1/3.2); other chain ids use Base's addresses.
USDC = {1: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", 137: "0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359",
        8453: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913"}
WRAPPED_NATIVE = {1: "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", 137: "0x0d500B1d8E8eF31E21C99d1Db9A6444d3ADf1270",
                  8453: "0x4200000000000000000000000000000000000006"}

# docs/protocol.md 1.6: selector -> (name, argument types). check_evm.py verifies every selector against keccak.
ERRORS = {
    "0x8baa579f": ("InvalidSignature", []),
    "0x0080add4": ("ExpiredIntent", []),
    "0x57eee766": ("AlreadyProcessed", []),
    "0xdf99255c": ("NullRecipient", []),
    "0x25ec6c1f": ("OperatorNotRegistered", []),
    "0xb06a5d51": ("InvalidNativeAmount", ["int256"]),
    "0x92665351": ("InsufficientBalance", ["uint256"]),
    "0xf96fb071": ("InsufficientAllowance", ["uint256"]),
    "0x6453b66b": ("IncorrectCurrency", ["address"]),
    "0xed5c6561": ("InvalidTransferDetails", []),
    "0xee20c618": ("InexactTransfer", []),
    "0x8a627c16": ("SwapFailedString", ["string"]),
    "0x917827e1": ("SwapFailedBytes", ["bytes"]),
    "0x28688b55": ("NativeTransferFailed", ["address", "uint256", "bool", "bytes"]),
    "0x06105145": ("PermitCallFailed", []),
    "0x4b74c68e": ("InvalidEIP2612Signature", []),
    "0x08c379a0": ("Error", ["string"]),
    "0x4e487b71": ("Panic", ["uint256"]),
}


class HarnessError(Exception):
    """Bad input to the harness (not an EVM outcome)."""


def _jsonable(value):
    if isinstance(value, bytes):
        return "0x" + value.hex()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def _as_bytes(value):
    return value if isinstance(value, bytes) else bytes.fromhex(value.removeprefix("0x"))


def decode_revert(data):
    """(name, args) for revert data; name is None for empty data, "unknown:0x…" for an unknown selector."""
    if not data:
        return None, None
    selector = "0x" + data[:4].hex()
    if selector not in ERRORS:
        return f"unknown:{selector}", None
    name, types = ERRORS[selector]
    try:
        args = list(eth_abi.decode(types, data[4:])) if types else []
    except Exception as exc:  # malformed arguments: keep the name, say so
        return name, [f"undecodable: {exc}"]
    if name == "IncorrectCurrency" or name == "NativeTransferFailed":
        args[0] = to_checksum_address(args[0])
    return name, _jsonable(args)


# --- charges -------------------------------------------------------------------------------------------

def iso_z(unix_seconds):
    """ISO-8601 UTC with a Z, as Coinbase writes `deadline` ("2025-03-01T06:19:59Z")."""
    return datetime.datetime.fromtimestamp(unix_seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso_z(text):
    return int(datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
               .replace(tzinfo=datetime.timezone.utc).timestamp())


def intent_hash(intent, chain_id, sender, contract):
    """keccak256(abi.encodePacked(...)) of docs/protocol.md 1.3 (264 bytes)."""
    packed = b"".join([
        intent["recipientAmount"].to_bytes(32, "big"), intent["deadline"].to_bytes(32, "big"),
        to_canonical_address(intent["recipient"]), to_canonical_address(intent["recipientCurrency"]),
        to_canonical_address(intent["refundDestination"]), intent["feeAmount"].to_bytes(32, "big"),
        intent["id"], to_canonical_address(intent["operator"]), chain_id.to_bytes(32, "big"),
        to_canonical_address(sender), to_canonical_address(contract),
    ])
    assert len(packed) == 264
    return keccak(packed)


def signed_digest(packed_hash, prefix):
    if not prefix:
        return keccak(b"\x19Ethereum Signed Message:\n32" + packed_hash)
    return keccak(prefix + packed_hash)


def sign_intent(intent, chain_id, sender, contract, operator_key):
    """65-byte r‖s‖v (v 27/28, low s) over the digest of docs/protocol.md 1.3."""
    digest = signed_digest(intent_hash(intent, chain_id, sender, contract), intent["prefix"])
    sig = keys.PrivateKey(operator_key).sign_msg_hash(digest)
    return sig.r.to_bytes(32, "big") + sig.s.to_bytes(32, "big") + bytes([27 + sig.v])


def make_charge(amount_usd, sender, operator_key=OPERATOR_KEY, deadline=None, *, chain_id=TESTER_CHAIN_ID,
                contract_address=CONTRACT_ADDRESS, charge_id=None, now=None, prefix=PREFIX, recipient=RECIPIENT,
                recipient_currency=None, refund_destination=None, tamper=None):
    """An OpenRouter-shaped charge ({"data": {...}}) whose intent is signed with the real scheme.

    deadline: unix seconds (default now + 3600). tamper: optional dict of intent fields changed AFTER
    signing (to make signatures that must fail)."""
    now = int(time.time()) if now is None else now
    deadline = now + 3600 if deadline is None else deadline
    units = int(Decimal(str(amount_usd)) * 10**6)
    if units <= 0 or Decimal(units) != Decimal(str(amount_usd)) * 10**6:
        raise HarnessError(f"amount {amount_usd!r}: must be a positive USD amount with at most 6 decimals")
    fee = units // 100
    intent = {
        "recipientAmount": units - fee, "deadline": deadline, "recipient": to_checksum_address(recipient),
        "recipientCurrency": to_checksum_address(recipient_currency or USDC.get(chain_id, USDC[8453])),
        "refundDestination": to_checksum_address(refund_destination or sender), "feeAmount": fee,
        "id": charge_id if charge_id is not None else os.urandom(16),
        "operator": Account.from_key(operator_key).address, "prefix": prefix,
    }
    if len(intent["id"]) != 16:
        raise HarnessError("charge id must be 16 bytes")
    intent["signature"] = sign_intent(intent, chain_id, to_checksum_address(sender), contract_address, operator_key)
    intent.update(tamper or {})
    call_data = {
        "recipient_amount": str(intent["recipientAmount"]), "deadline": iso_z(intent["deadline"]),
        "recipient": intent["recipient"], "recipient_currency": intent["recipientCurrency"],
        "refund_destination": intent["refundDestination"], "fee_amount": str(intent["feeAmount"]),
        "id": "0x" + intent["id"].hex(), "operator": intent["operator"],
        "signature": "0x" + intent["signature"].hex(), "prefix": "0x" + intent["prefix"].hex(),
    }
    return {"data": {
        "id": "evm-harness-" + intent["id"].hex()[:12], "created_at": iso_z(now), "expires_at": iso_z(now + 3600),
        "web3_data": {"transfer_intent": {
            "metadata": {"chain_id": chain_id, "contract_address": to_checksum_address(contract_address),
                         "sender": to_checksum_address(sender)},
            "call_data": call_data}}}}


def intent_from_charge(charge):
    """The TransferIntent tuple (eth-abi order) from a charge, parsed like the viem example does."""
    cd = normalize_charge(charge)["data"]["web3_data"]["transfer_intent"]["call_data"]
    deadline = cd["deadline"]
    deadline = int(deadline) if deadline.isdigit() else parse_iso_z(deadline)
    return (int(cd["recipient_amount"]), deadline, cd["recipient"], cd["recipient_currency"],
            cd["refund_destination"], int(cd["fee_amount"]), bytes.fromhex(cd["id"][2:]), cd["operator"],
            bytes.fromhex(cd["signature"][2:]), bytes.fromhex(cd["prefix"][2:]))


def build_calldata(charge, pool_fees_tier=POOL_FEES_TIER):
    """0x8bf122da ‖ abi.encode(TransferIntent, uint24), built with eth-abi."""
    args = eth_abi.encode([INTENT_TUPLE, "uint24"], [intent_from_charge(charge), pool_fees_tier])
    return bytes.fromhex(SELECTOR[2:]) + args


def quote(amount_out, pool_fees_tier=POOL_FEES_TIER, price=TOKEN_UNITS_PER_NATIVE):
    """The stand-in's price formula (see the module docstring); Transfers.quoteNative computes the same."""
    base = -(-amount_out * 10**18 // price)
    keep = 10**6 - pool_fees_tier
    return -(-base * 10**6 // keep)


def charge_total_units(charge):
    cd = normalize_charge(charge)["data"]["web3_data"]["transfer_intent"]["call_data"]
    return int(cd["recipient_amount"]) + int(cd["fee_amount"])


def normalize_charge(doc):
    """Accepts {"data": charge}, the bare charge object, or a coldcredits.unsigned-bundle (its "charge")."""
    if "charge" in doc and "format" in doc:
        doc = doc["charge"]
    if "data" not in doc and "web3_data" in doc:
        doc = {"data": doc}
    if "web3_data" not in doc.get("data", {}):
        raise HarnessError("not a charge: expected data.web3_data.transfer_intent")
    return doc
