#!/usr/bin/env bash
# Creates .venv-evm from scripts/requirements-evm.txt when missing or stale, then runs the real-EVM checks.
# Usage: bash scripts/evm/run.sh [-v]     (last line of output: "N passed, M failed"; exit 0 only if all pass)
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON=$(python3 -c 'import sys; print(sys.executable)')
stamp=.venv-evm/.requirements-$(sha256sum scripts/requirements-evm.txt | cut -c1-16)
if [ ! -f "$stamp" ]; then
    echo "evm: creating .venv-evm with pinned packages" >&2
    rm -rf .venv-evm
    "$PYTHON" -m venv .venv-evm
    .venv-evm/bin/pip install -q --disable-pip-version-check -r scripts/requirements-evm.txt
    printf '*\n' > .venv-evm/.gitignore
    touch "$stamp"
fi
exec .venv-evm/bin/python scripts/evm/check_evm.py "$@"
