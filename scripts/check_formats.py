#!/usr/bin/env python3
"""Validates every formats/<format>/<version>/examples/*.json against its schema.json (jsonschema, draft
2020-12), checks that the committed examples and invalid cases are what the independent generator writes, and
that every invalid case the schema can see (structure, not semantics) is refused by the schema too."""
import json
import subprocess
import sys
from pathlib import Path

from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parent.parent
SEMANTIC_KINDS = {"signingHashMismatch", "inconsistent", "invalidField", "invalidJSON"}


def main():
    failures = 0
    checked = 0
    for schema_path in sorted((ROOT / "formats").glob("**/schema.json")):
        schema = json.loads(schema_path.read_text())
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema)
        for example in sorted((schema_path.parent / "examples").glob("*.json")):
            errors = list(validator.iter_errors(json.loads(example.read_text())))
            checked += 1
            if errors:
                failures += 1
                print(f"{example.relative_to(ROOT)}: {errors[0].message}", file=sys.stderr)
        for case in sorted((schema_path.parent / "invalid").glob("*/*.json")):
            kind = case.parent.name
            if kind in SEMANTIC_KINDS:
                continue
            checked += 1
            if validator.is_valid(json.loads(case.read_text())):
                failures += 1
                print(f"{case.relative_to(ROOT)}: schema accepts a {kind} case", file=sys.stderr)
    for name in ("generate_format_examples.py", "generate_checkout_examples.py"):
        generator = ROOT / "scripts" / "vectors" / name
        if subprocess.run([sys.executable, str(generator), "--check"]).returncode != 0:
            failures += 1
    print(f"formats: {checked} files checked against their schemas, {failures} failure(s)", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
