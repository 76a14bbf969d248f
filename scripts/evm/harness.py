#!/usr/bin/env python3
"""Real-EVM harness for ColdCredits: py-evm (through eth-tester's PyEVMBackend) running a stand-in of
Coinbase's Transfers contract (scripts/evm/Transfers.vy, compiled by vyper at start-up).

Install: python3 -m venv .venv-evm && .venv-evm/bin/pip install -r scripts/requirements-evm.txt

Fixed constants (so that two separate runs build the same chain):
  operator key     32 x 0x11 -> 0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A (registered at deployment, and the
                   fee destination)
  deployer key     32 x 0x22 -> 0x1563915e194D8CfBA1943570603F7606A3115508; it deploys Transfers.vy as its
                   first transaction (nonce 0), so the contract is always at
                   0x93FEB81f0d93A45A7cd5d0f296bD3915Fa437585 (= keccak(rlp([deployer, 0]))[12:])
  payer key        32 x 0x46 -> 0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F (Tests/Vectors/eip1559's key)
  other key        32 x 0x33 -> 0x5CbDd86a2FA8Dc4bDdd8a8f69dBa48572EeC07FB (the "wrong sender")
  price            TOKEN_UNITS_PER_NATIVE = 2_500_000_000, i.e. 2500 USDC (6 decimals) per 10**18 wei;
                   native needed for an exact output of A token units at pool fee tier F (parts per million):
                   base = ceil(A * 10**18 / 2_500_000_000); needed = ceil(base * 10**6 / (10**6 - F))
                   ($10 at tier 500 -> 4_002_001_000_500_251 wei; the contract's quoteNative(A, F) agrees)
  funding          every harness account (and the sender of a run-raw transaction) starts with 1000 ETH
  charge amounts   total = USD x 10**6 USDC units, fee_amount = total // 100, recipient_amount = the rest

Chain id: py-evm's tester chain is hard-wired to 131277322940537 (0x776562337079, eth-tester's
MainnetTesterPosChain.chain_id, Prague rules). Harness(chain_id=N) overrides it, so CHAINID returns N.
py-evm does NOT compare a typed transaction's chain id with the chain's, so send_raw() does that itself
and refuses a mismatch the way a node would ("rejected").

Block time: the genesis timestamp is the wall clock; each mined block starts the next pending block at
max(parent + 1, now), and a transaction executes with the PENDING block's timestamp (fixed when the block
before was mined, so it may lag the wall clock, or lead it by a second per block when blocks are mined
quickly). set_next_timestamp(t) pins the pending block's timestamp exactly (t > latest block's timestamp),
advance(seconds) moves it forward: that is the time travel used for ExpiredIntent.

Mirror mode: Harness(contract_address=X) deploys at the deterministic address and then copies the runtime
code (the operator, price and wrapped-native token are immutables inside it) to X, so a charge can name a
real contract address (e.g. Polygon 0x2888...) with chain_id 137 when the Swift tool insists on its
allow-list. Storage starts empty there (no intent processed yet).

Function API (harness.py re-exports charges.py; from elsewhere: sys.path.insert(0, "scripts/evm")):
  h = Harness(chain_id=None, contract_address=None, fund=[(address, nonce)])
  charge = h.make_charge(amount_usd, sender, operator_key=OPERATOR_KEY, deadline=None)   # deadline: unix s
  make_charge(...)                       # the same without a chain (needs chain_id and contract_address)
  calldata = build_calldata(charge, pool_fees_tier=500)
  raw = h.sign_payment(PAYER_KEY, charge, value_wei)   # EIP-1559 with eth-account, nonce from the chain
  outcome = h.send_raw(raw)  # dict: status, revert, revertArgs, transferred, refund, gasUsed, ... (below)
  outcome = run_raw(charge, raw_tx_hex, advance_seconds=0)   # fresh chain from the charge, then send_raw

CLI:
  harness.py make-charge --amount USD --sender ADDR --out FILE [--deadline-seconds N] [--id 0x..16 bytes]
                         [--chain-id N] [--contract-address ADDR]
      Writes an OpenRouter-shaped charge JSON signed by the fixed operator. Deploys nothing: it names the
      deterministic contract address (or --contract-address) and the chain id (default 131277322940537).
  harness.py run-raw --charge FILE --raw-tx HEX|FILE [--advance-seconds N]
      --charge takes {"data": charge}, the bare charge, or a coldcredits.unsigned-bundle JSON. Re-creates the chain from scratch (chain id and contract address from the charge's metadata), funds
      the transaction's sender (1000 ETH, account nonce = the transaction's nonce), moves the clock N seconds
      forward, submits the raw transaction and prints one JSON object:
        {"status": 1|0|null, "revert": "ExpiredIntent"|...|null, "revertArgs": [...]|null,
         "revertData": "0x..."|null, "transferred": {operator,id,recipient,sender,spentAmount,spentCurrency}
         |null, "refund": wei, "rejected": reason|null, "gasUsed", "effectiveGasPrice", "transactionHash",
         "from", "to", "value", "chainId", "contract", "blockTimestamp", "baseFeePerGas"}
      status null + rejected = the node would refuse it (wrong chain id, nonce, fee below base fee, ...).
      --raw-tx takes 0x-hex, a file holding it, or a coldcredits.signed-transaction JSON (rawTransaction).
      Exit code 0 whenever an outcome was printed (also for a revert), 2 for bad input.
"""
import argparse
import functools
import json
import sys
import time
from pathlib import Path

import eth_abi
from eth_account import Account
from eth_tester import EthereumTester, PyEVMBackend
from eth_tester.backends.pyevm.main import _execute_and_revert_transaction, get_default_genesis_params
from eth_utils import to_canonical_address, to_checksum_address
import rlp

from charges import *  # noqa: F401,F403 -- the harness's public API includes the charge helpers
from charges import (CONTRACT_ADDRESS, CONTRACT_SOURCE, DEPLOYER, DEPLOYER_KEY, FUND_WEI, HarnessError, OPERATOR,
                     OPERATOR_KEY, OTHER, PAYER, POOL_FEES_TIER, TESTER_CHAIN_ID, TOKEN_UNITS_PER_NATIVE,
                     TRANSFERRED_TOPIC, WRAPPED_NATIVE, _as_bytes, _jsonable, build_calldata, charge_total_units,
                     decode_revert, make_charge, normalize_charge, quote)


# --- chain ---------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def compiled_contract():
    """(abi, initcode) of Transfers.vy, compiled once per process."""
    import vyper
    out = vyper.compile_code(CONTRACT_SOURCE.read_text(), output_formats=["abi", "bytecode"])
    return out["abi"], bytes.fromhex(out["bytecode"].removeprefix("0x"))


class Harness:
    """A fresh py-evm chain with Transfers.vy deployed by the fixed deployer (nonce 0)."""

    def __init__(self, chain_id=None, contract_address=None, fund=(), genesis_timestamp=None):
        self.chain_id = TESTER_CHAIN_ID if chain_id is None else int(chain_id)
        state = {}
        for address, nonce in [(DEPLOYER, 0), (PAYER, 0), (OTHER, 0), (OPERATOR, 0), *fund]:
            state[to_canonical_address(address)] = {"balance": FUND_WEI, "nonce": nonce, "code": b"", "storage": {}}
        params = get_default_genesis_params(
            overrides=None if genesis_timestamp is None else {"timestamp": genesis_timestamp})
        self.backend = PyEVMBackend(genesis_parameters=params, genesis_state=state)
        # eth-tester hard-wires chain_id on its chain class; py-evm builds ChainContext from self.chain_id.
        self.backend.chain.chain_id = self.chain_id
        self.tester = EthereumTester(backend=self.backend, auto_mine_transactions=False)
        if genesis_timestamp is not None:  # else the first pending block would jump to the wall clock
            self.backend.chain.header = self.backend.chain.header.copy(timestamp=genesis_timestamp + 1)
        self.abi, initcode = compiled_contract()
        wrapped = WRAPPED_NATIVE.get(self.chain_id, WRAPPED_NATIVE[8453])
        ctor = eth_abi.encode(["address", "address", "address", "uint256"],
                              [OPERATOR, OPERATOR, wrapped, TOKEN_UNITS_PER_NATIVE])
        raw = self.sign_tx(DEPLOYER_KEY, None, 0, initcode + ctor, gas=3_000_000)
        deployed = self.send_raw(raw)
        if deployed["status"] != 1 or deployed["contractAddress"] != CONTRACT_ADDRESS:
            raise RuntimeError(f"deployment failed: {deployed}")
        self.wrapped_native = wrapped
        self.contract_address = CONTRACT_ADDRESS
        if contract_address and to_checksum_address(contract_address) != CONTRACT_ADDRESS:
            self._mirror(to_checksum_address(contract_address))

    def _mirror(self, address):
        chain = self.backend.chain
        vm = chain.get_vm(chain.header)
        vm.state.set_code(to_canonical_address(address), vm.state.get_code(to_canonical_address(CONTRACT_ADDRESS)))
        vm.state.persist()
        chain.header = chain.header.copy(state_root=vm.state.state_root)
        self.contract_address = address

    # time
    def latest_timestamp(self):
        return self.tester.get_block_by_number("latest")["timestamp"]

    def pending_timestamp(self):
        return self.backend.chain.header.timestamp

    def set_next_timestamp(self, timestamp):
        """The next transaction executes with block.timestamp == timestamp (must exceed the latest block's)."""
        if timestamp <= self.latest_timestamp():
            raise HarnessError(f"timestamp {timestamp} is not after the latest block's {self.latest_timestamp()}")
        self.backend.chain.header = self.backend.chain.header.copy(timestamp=timestamp)

    def advance(self, seconds):
        self.set_next_timestamp(max(self.pending_timestamp(), int(time.time())) + seconds)

    # accounts
    def balance(self, address):
        return self.tester.get_balance(to_checksum_address(address), "pending")

    def nonce(self, address):
        return self.tester.get_nonce(to_checksum_address(address), "pending")

    def base_fee(self):
        return self.backend.chain.header.base_fee_per_gas

    def make_charge(self, amount_usd, sender, operator_key=OPERATOR_KEY, deadline=None, **kwargs):
        kwargs.setdefault("now", self.pending_timestamp())
        return make_charge(amount_usd, sender, operator_key, deadline, chain_id=self.chain_id,
                           contract_address=self.contract_address, **kwargs)

    def sign_tx(self, key, to, value, data, gas=300_000, nonce=None, chain_id=None, max_priority=10**9):
        """A type-2 transaction signed with eth-account; returns the raw bytes."""
        sender = Account.from_key(key).address
        tx = {"type": 2, "chainId": self.chain_id if chain_id is None else chain_id,
              "nonce": self.nonce(sender) if nonce is None else nonce,
              "maxPriorityFeePerGas": max_priority, "maxFeePerGas": 2 * self.base_fee() + max_priority,
              "gas": gas, "value": value, "data": data, "accessList": []}
        if to is not None:
            tx["to"] = to_checksum_address(to)
        return bytes(Account.sign_transaction(tx, key).raw_transaction)

    def sign_payment(self, key, charge, value, pool_fees_tier=POOL_FEES_TIER, **kwargs):
        to = normalize_charge(charge)["data"]["web3_data"]["transfer_intent"]["metadata"]["contract_address"]
        return self.sign_tx(key, to, value, build_calldata(charge, pool_fees_tier), **kwargs)

    def call(self, sender, to, data, value=0):
        """eth_call on the pending block (no signature needed, but sender pays at most 5M gas x base fee);
        returns (success, output bytes)."""
        tx = {"from": to_canonical_address(sender), "to": to_canonical_address(to), "data": data, "value": value,
              "gas": 5_000_000, "max_fee_per_gas": self.base_fee(), "max_priority_fee_per_gas": 0,
              "access_list": ()}
        from eth.vm.spoof import SpoofTransaction
        unsigned = self.backend._get_normalized_and_unsigned_evm_transaction(tx, "pending")
        computation = _execute_and_revert_transaction(
            self.backend.chain, SpoofTransaction(unsigned, from_=tx["from"]), "pending")
        return not computation.is_error, computation.output

    def send_raw(self, raw):
        """Submits a raw signed transaction, mines it, and reports the outcome (see the module docstring)."""
        if isinstance(raw, str):
            raw = bytes.fromhex(raw.strip().removeprefix("0x"))
        chain = self.backend.chain
        vm = chain.get_vm(chain.header)
        result = {"status": None, "revert": None, "revertArgs": None, "revertData": None, "transferred": None,
                  "refund": 0, "rejected": None, "chainId": self.chain_id,
                  "contract": getattr(self, "contract_address", None), "baseFeePerGas": self.base_fee(),
                  "blockTimestamp": self.pending_timestamp()}
        try:
            tx = vm.get_transaction_builder().decode(raw)
        except Exception as exc:
            result["rejected"] = f"undecodable transaction: {exc}"
            return result
        sender = to_checksum_address(tx.sender)
        result.update({"transactionHash": "0x" + tx.hash.hex(), "from": sender,
                       "to": to_checksum_address(tx.to) if tx.to else None, "value": tx.value})
        tx_chain_id = getattr(tx, "chain_id", None)
        if tx_chain_id is not None and tx_chain_id != self.chain_id:
            result["rejected"] = f"chain id {tx_chain_id} != chain's {self.chain_id}"
            return result
        before = self.balance(sender)
        try:
            _, _, computation = chain.apply_transaction(tx)
        except Exception as exc:  # py-evm ValidationError: nonce, balance, fee cap below base fee, gas...
            result["rejected"] = f"{type(exc).__name__}: {exc}"
            return result
        self.tester.mine_blocks(1)
        receipt = self.tester.get_transaction_receipt(result["transactionHash"])
        result["status"] = receipt["status"]
        result["gasUsed"] = receipt["gas_used"]
        result["effectiveGasPrice"] = receipt["effective_gas_price"]
        result["contractAddress"] = receipt["contract_address"]
        if computation.is_error:
            data = computation.output
            result["revertData"] = "0x" + data.hex()
            result["revert"], result["revertArgs"] = decode_revert(data)
            if result["revert"] is None:
                result["revert"] = f"no revert data ({type(computation.error).__name__})"
        result["logs"] = [{"address": log["address"], "topics": [_jsonable(t) for t in log["topics"]],
                           "data": _jsonable(log["data"])} for log in receipt["logs"]]
        result["transferred"] = self._transferred(receipt["logs"])
        paid_gas = receipt["gas_used"] * receipt["effective_gas_price"]
        spent_value = tx.value if receipt["status"] == 1 else 0
        result["refund"] = self.balance(sender) - (before - paid_gas - spent_value)
        return result

    def _transferred(self, logs):
        for log in logs:
            if (log["topics"] and _jsonable(log["topics"][0]) == TRANSFERRED_TOPIC
                    and to_checksum_address(log["address"]) == to_checksum_address(self.contract_address)):
                ident, recipient, sender, spent, currency = eth_abi.decode(
                    ["bytes16", "address", "address", "uint256", "address"], _as_bytes(log["data"]))
                return {"operator": to_checksum_address(_as_bytes(log["topics"][1])[12:]), "id": "0x" + ident.hex(),
                        "recipient": to_checksum_address(recipient), "sender": to_checksum_address(sender),
                        "spentAmount": spent, "spentCurrency": to_checksum_address(currency)}
        return None


# --- run-raw -------------------------------------------------------------------------------------------

def read_raw_tx(arg):
    """0x-hex, a file with hex, or a coldcredits.signed-transaction JSON file -> bytes."""
    text = arg.strip()
    try:
        is_file = Path(arg).is_file()
    except OSError:  # a long hex string is not a file name
        is_file = False
    if is_file:
        text = Path(arg).read_text().strip()
        if text.startswith("{"):
            text = json.loads(text)["rawTransaction"]
    try:
        return bytes.fromhex(text.removeprefix("0x"))
    except ValueError as exc:
        raise HarnessError(f"raw transaction is neither hex nor a readable file: {exc}") from None


def run_raw(charge, raw_tx, advance_seconds=0):
    """Fresh chain as named by the charge's metadata, sender funded, clock advanced, then send_raw."""
    if isinstance(raw_tx, str):
        raw_tx = read_raw_tx(raw_tx)
    meta = normalize_charge(charge)["data"]["web3_data"]["transfer_intent"]["metadata"]
    fund = []
    try:
        decoded = Account.recover_transaction(raw_tx)
        nonce = rlp.decode(raw_tx[1:])[1] if raw_tx[:1] in (b"\x01", b"\x02") else rlp.decode(raw_tx)[0]
        fund.append((decoded, int.from_bytes(nonce, "big")))
    except Exception:
        pass  # send_raw reports the undecodable transaction
    harness = Harness(chain_id=int(meta["chain_id"]), contract_address=meta["contract_address"],
                      fund=[f for f in fund if to_checksum_address(f[0]) not in (DEPLOYER,)])
    if advance_seconds:
        harness.advance(advance_seconds)
    return harness.send_raw(raw_tx)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    mc = sub.add_parser("make-charge", help="write a charge JSON signed by the fixed operator")
    mc.add_argument("--amount", required=True, help="USD, e.g. 10 or 12.5")
    mc.add_argument("--sender", required=True)
    mc.add_argument("--out", required=True)
    mc.add_argument("--deadline-seconds", type=int, default=3600)
    mc.add_argument("--id", help="16-byte charge id as 0x-hex (default random)")
    mc.add_argument("--chain-id", type=int, default=TESTER_CHAIN_ID)
    mc.add_argument("--contract-address", default=CONTRACT_ADDRESS)
    rr = sub.add_parser("run-raw", help="fresh chain, submit a raw signed transaction, print the outcome")
    rr.add_argument("--charge", required=True)
    rr.add_argument("--raw-tx", required=True, help="0x-hex, a file with hex, or a signed-transaction JSON")
    rr.add_argument("--advance-seconds", type=int, default=0)
    args = parser.parse_args(argv)
    try:
        if args.command == "make-charge":
            now = int(time.time())
            charge_id = bytes.fromhex(args.id.removeprefix("0x")) if args.id else None
            charge = make_charge(args.amount, to_checksum_address(args.sender), OPERATOR_KEY,
                                 now + args.deadline_seconds, chain_id=args.chain_id,
                                 contract_address=to_checksum_address(args.contract_address),
                                 charge_id=charge_id, now=now)
            Path(args.out).write_text(json.dumps(charge, indent=2) + "\n")
            print(json.dumps({"out": args.out, "contract": charge["data"]["web3_data"]["transfer_intent"]
                              ["metadata"]["contract_address"], "chainId": args.chain_id,
                              "quoteWei": quote(charge_total_units(charge))}))
            return 0
        charge = json.loads(Path(args.charge).read_text())
        print(json.dumps(run_raw(charge, read_raw_tx(args.raw_tx), args.advance_seconds), indent=2))
        return 0
    except (HarnessError, ValueError, KeyError, OSError) as exc:
        print(f"harness: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
