#!/usr/bin/env bash
# Re-records formats/results/examples/*.json from REAL runs of the built tools: each example is one tool's
# `--json` stdout, copied byte for byte. Run after `swift build` (it uses .build/debug, or $COLDCREDITS_BIN_DIR).
# Online runs go to local sandboxes on loopback; keys are the test keys of Tests/ (never a real one).
# Then `.venv/bin/python scripts/check_results.py --examples-only` validates what it wrote.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${COLDCREDITS_BIN_DIR:-$ROOT/.build/debug}
OUT=$ROOT/formats/results/examples
PY=$ROOT/.venv/bin/python
WORK=$(mktemp -d)
sandboxes=()
cleanup() {
    for pid in "${sandboxes[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT
export HOME=$WORK/home  # the tools' default ledger and audit log: never the real ones
unset OPENROUTER_API_KEY
mkdir -p "$OUT" "$HOME"

PAYER=0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F  # key 32 × 0x46
OPERATOR_137=0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A  # the sandbox operator on Polygon
VECTORS=$ROOT/Tests/ApprovalsTests/Fixtures/eth_account_approvals.json
EXAMPLE_BUNDLE=$ROOT/formats/unsigned-bundle/v1/examples/sandbox-polygon.json

# run STATUS NAME TOOL ARG…: runs TOOL in the current folder, requires exit STATUS, and keeps stdout as
# examples/NAME.json (NAME "-": not kept). stdout of the last run stays in $WORK/last.out.
run() {
    local status=$1 name=$2 tool=$3
    shift 3
    local got=0
    if [ -n "${ANSWER:-}" ]; then
        # sign confirms only on its controlling terminal: answer there as a person would.
        python3 "$ROOT/scripts/lib/answer_prompt.py" "anything else to decline: " "$ANSWER" -- "$BIN/$tool" "$@" \
            </dev/null >"$WORK/last.out" 2>"$WORK/last.err" || got=$?
    else
        "$BIN/$tool" "$@" </dev/null >"$WORK/last.out" 2>"$WORK/last.err" || got=$?
    fi
    if [ "$got" -ne "$status" ]; then
        echo "make_examples: $tool $* exited $got, expected $status" >&2
        cat "$WORK/last.err" >&2
        exit 1
    fi
    if [ "$name" != "-" ]; then cp "$WORK/last.out" "$OUT/$name.json"; fi
}

# sandbox DIR ARG…: starts `sandbox serve --chain-id 8453 ARG…` for the scenario in DIR, sets API, RPC and ORIGIN, and writes
# the sandbox's policy.json and network.json there.
sandbox() {
    local dir=$1
    shift
    mkdir -p "$dir"
    "$BIN/sandbox" serve --chain-id 8453 --ready-file "$dir/ready.json" --fund "$PAYER=1" "$@" >/dev/null 2>"$dir/sandbox.log" &
    sandboxes+=($!)
    for _ in $(seq 200); do jq -e .rpcURL "$dir/ready.json" >/dev/null 2>&1 && break; sleep 0.05; done
    API=$(jq -r .apiURL "$dir/ready.json")
    RPC=$(jq -r .rpcURL "$dir/ready.json")
    ORIGIN=${API%/api/v1}
    "$BIN/sandbox" policy --chain-id 8453 --allow-unattended >"$dir/policy.json"
    "$BIN/sandbox" network-file --chain-id 8453 >"$dir/network.json"
    printf '%s\n' "$(printf '46%.0s' $(seq 32))" >"$dir/key.hex"
    printf '%s\n' "$(printf '22%.0s' $(seq 32))" >"$dir/other.hex"
    chmod 600 "$dir/key.hex" "$dir/other.hex"
    cd "$dir"
}

rpc() { curl -sf "$RPC" -H 'Content-Type: application/json' -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":$2}" >/dev/null; }
prepare_args() { echo --amount 25 --sender "$PAYER" --chain 8453 --rpc-url "$RPC" --api-url "$API" --network-file network.json; }
sign_args() { echo "$1" --private-key-file key.hex --policy policy.json --ledger ledger.jsonl --yes; }

# 1. One purchase on Base: prepare, sign with a fee ladder, broadcast, balance, audit verify and timeline.
sandbox "$WORK/base"
export OPENROUTER_API_KEY=sandbox-key
run 0 prepare-bundle prepare $(prepare_args) --out bundle.json --audit-log online.jsonl --json
run 0 prepare-bundle-stdout prepare $(prepare_args) --no-audit-log --json
run 65 sign-error-sender-mismatch sign bundle.json --private-key-file other.hex --policy policy.json \
    --ledger other-ledger.jsonl --yes --no-audit-log --json
run 0 sign-fee-ladder sign $(sign_args bundle.json) --out signed.json --fee-ladder 1 --audit-log offline.jsonl --json
export OPENROUTER_API_KEY=sandbox-management-key
run 0 broadcast-send-paid broadcast signed.json --bundle bundle.json --rpc-url "$RPC" --api-url "$API" \
    --poll-interval 0.2 --timeout 30 --wait-credits --audit-log online.jsonl --json
run 0 broadcast-balance broadcast balance --api-url "$API" --json
OPENROUTER_API_KEY=sandbox-key run 77 broadcast-balance-error-forbidden broadcast balance --api-url "$API" --json
head=$(jq -r .audit.head "$OUT/sign-fee-ladder.json")
run 0 sign-audit-verify-anchored sign audit verify offline.jsonl --expect-head "$head" --json
run 0 broadcast-audit-timeline broadcast audit timeline offline.jsonl online.jsonl --json
# The first entry's time changed: still a canonical line, no longer the bytes entry 2 chains to.
sed '1s/"time":\([0-9]*\)/"time":1\1/' offline.jsonl >edited.jsonl
run 65 sign-audit-verify-edited sign audit verify edited.jsonl --json
run 65 prepare-audit-timeline-log-does-not-verify prepare audit timeline edited.jsonl online.jsonl --json
run 66 sign-audit-verify-error-missing sign audit verify missing.jsonl --json
# A broadcast log, written here from the format's definition, that says a transaction sign never signed was mined.
"$PY" - "$(jq -r .fingerprint "$OUT/sign-fee-ladder.json")" "$(jq -r .chargeId "$OUT/sign-fee-ladder.json")" <<'EOF'
import json, sys, time
from eth_hash.auto import keccak
fingerprint, charge = sys.argv[1], sys.argv[2]
foreign = "0x" + keccak(b"another transaction").hex()
prev, lines = "0x" + "00" * 32, []
for seq, (kind, details) in enumerate([("mined", {"txHash": foreign, "block": "7"})], 1):
    entry = {"chargeId": charge, "details": details, "fingerprint": fingerprint, "kind": kind, "prev": prev,
             "seq": seq, "time": int(time.time()), "tool": "broadcast", "v": 1}
    line = json.dumps(entry, sort_keys=True, separators=(",", ":"))
    prev = "0x" + keccak(line.encode()).hex()
    lines.append(line)
open("foreign.jsonl", "w").write("\n".join(lines) + "\n")
EOF
run 65 sign-audit-timeline-inconsistent sign audit timeline offline.jsonl foreign.jsonl --json
curl -sf "$ORIGIN/sandbox/faults" -H 'Content-Type: application/json' \
    -d '{"target": "charge", "status": 410, "count": 100}' >/dev/null
OPENROUTER_API_KEY=sandbox-key run 69 prepare-error-endpoint-gone prepare $(prepare_args) --no-audit-log --json

# 2. --if-below with enough credits: nothing to do.
sandbox "$WORK/topped" --initial-credits 100 --management-key sandbox-key
OPENROUTER_API_KEY=sandbox-key run 0 prepare-nothing-to-do prepare $(prepare_args) --if-below 50 --no-audit-log --json

# 3. An intent that expires on chain before it is mined: ExpiredIntent() (exit 3).
sandbox "$WORK/expired"
OPENROUTER_API_KEY=sandbox-key run 0 - prepare $(prepare_args) --out bundle.json --no-audit-log --json
run 0 - sign $(sign_args bundle.json) --out signed.json --no-audit-log --json
rpc sandbox_increaseTime '[7200]'
run 3 broadcast-send-error-reverted broadcast signed.json --rpc-url "$RPC" --poll-interval 0.2 --timeout 30 \
    --no-audit-log --json

# 4. M-of-N approvals on the formats/ example bundle (Polygon): 2 of A, B, C required.
mkdir -p "$WORK/approvals" && cd "$WORK/approvals"
address() { jq -r ".keys[] | select(.label == \"$1\") | .address" "$VECTORS"; }
signature() { jq -r ".payments[0].signatures[] | select(.approver == \"$1\") | .signature" "$VECTORS"; }
for label in A B C D; do
    jq -r ".keys[] | select(.label == \"$label\") | .privateKey" "$VECTORS" >"$label.hex"
    chmod 600 "$label.hex"
done
printf '%s\n' "$(printf '46%.0s' $(seq 32))" >key.hex && chmod 600 key.hex
"$BIN/sign" policy show | jq --arg op "$OPERATOR_137" --arg a "$(address A)" --arg b "$(address B)" \
    --arg c "$(address C)" '(.chains[] | select(.chainId == 137) | .operators) = [$op]
        | .approvals = {threshold: 2, approvers: [$a, $b, $c]}' >policy.json
echo d095 >answer
for label in A D; do
    ANSWER=$(cat answer) run 0 - sign approve "$EXAMPLE_BUNDLE" --private-key-file "$label.hex" --policy policy.json \
        --ledger ledger.jsonl --audit-log offline.jsonl --out approvals.json
done
signature B >b.txt
signature A >a-again.txt
ANSWER=$(cat answer) run 77 sign-error-quorum-not-met sign "$EXAMPLE_BUNDLE" --private-key-file key.hex --policy policy.json \
    --ledger ledger.jsonl --audit-log offline.jsonl --approvals approvals.json --json
ANSWER=$(cat answer) run 0 sign-approvals sign "$EXAMPLE_BUNDLE" --private-key-file key.hex --policy policy.json \
    --ledger ledger.jsonl --audit-log offline.jsonl --approvals approvals.json --approvals b.txt \
    --approvals a-again.txt --json
# 5. A checkout on Base: the sandbox's Checkouts API, prepare checkout, sign, broadcast confirmed by the Transfer log.
sandbox "$WORK/checkout" --fund-usdc "$PAYER=100" --checkout-fee-percent 1
curl -sf "$API/checkouts" -H 'Authorization: Bearer sandbox-key' -H 'Content-Type: application/json' \
    -d '{"amount": "25.00", "currency": "USDC", "network": "base"}' >checkout.json
run 0 prepare-checkout-document prepare checkout --checkout-file checkout.json --sender "$PAYER" --rpc-url "$RPC" \
    --out bundle.json --no-audit-log --json
run 0 sign-checkout sign $(sign_args bundle.json) --out signed.json --no-audit-log --json
OPENROUTER_API_KEY=sandbox-management-key run 0 broadcast-send-checkout-paid broadcast signed.json --bundle bundle.json \
    --rpc-url "$RPC" --api-url "$API" --wait-credits --poll-interval 0.2 --timeout 30 --no-audit-log --json
deposit=$(jq -r .address checkout.json)
run 0 prepare-checkout-native prepare checkout --uri "ethereum:$deposit@8453?value=1e15" --sender "$PAYER" \
    --rpc-url "$RPC" --out native.json --no-audit-log --json

echo "make_examples: wrote $(ls "$OUT" | wc -l) examples to formats/results/examples" >&2
