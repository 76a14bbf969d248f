#!/usr/bin/env python3
"""Checks the `--json` promise (stdout carries one JSON object, errors included) on what the built tools really printed.

Inputs:
  - .build/results/<schema>-<uuid>.json: stdout of every `--json` run the end-to-end tests made, recorded byte for
    byte by Tests/TestSupport/ResultLog.swift;
  - formats/results/examples/<tool>-<case>.json: the committed examples (copied from real runs by
    formats/results/make_examples.sh).

Each file must be exactly one JSON object (UTF-8, nothing after it but a newline), with no duplicate keys, keys
sorted by code point at every level, a top-level `version`, valid (jsonschema, draft 2020-12) against
formats/results/<schema>.schema.json, and free of the secrets the tests use (private keys, API keys, passwords).
Every schema must be exercised by at least one example and one recorded result.

Prints one line per failure on stderr, a count per schema, and "N passed, M failed" last on stdout. Exits 1 on any
failure, or when nothing was recorded (run `swift test` first).
"""
import argparse
import json
import re
import sys
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "formats" / "results"
RECORD_NAME = re.compile(
    r"^(?P<schema>[a-z0-9-]+?)-[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\.json$")
# An example's schema, from its name <tool>[-<subcommand>]-<case>: the first rule that matches.
EXAMPLE_RULES = [
    (re.compile(r"-error-"), "error"),
    (re.compile(r"-audit-verify-"), "audit-verify"),
    (re.compile(r"-audit-timeline(-|\.json$)"), "audit-timeline"),
    (re.compile(r"^prepare-nothing-to-do"), "prepare-nothing-to-do"),
    (re.compile(r"^prepare-checkout-"), "prepare-checkout"),
    (re.compile(r"^prepare-"), "prepare"),
    (re.compile(r"^sign-"), "sign"),
    (re.compile(r"^broadcast-send-"), "broadcast-send"),
    (re.compile(r"^broadcast-balance"), "broadcast-balance"),
]


def secrets():
    """The secrets the tests and make_examples.sh hand to the tools; none may appear in any output."""
    keys = ["46" * 32, "22" * 32]
    vectors = ROOT / "Tests" / "ApprovalsTests" / "Fixtures" / "eth_account_approvals.json"
    keys += [key["privateKey"].removeprefix("0x") for key in json.loads(vectors.read_text())["keys"]]
    phrases = ["sandbox-key", "sandbox-management-key", "not-the-key", "correct horse", "approver password",
               "import password", "abandon abandon"]
    return [key.lower() for key in keys] + phrases


def registry():
    """Every schema under formats/ by its $id, so results can refer to the unsigned bundle and to each other."""
    resources = []
    for path in sorted((ROOT / "formats").glob("**/*.json")):
        if "examples" in path.parts or "invalid" in path.parts:
            continue
        document = json.loads(path.read_text())
        if isinstance(document, dict) and "$id" in document and "$schema" in document:
            resources.append((document["$id"], Resource.from_contents(document)))
    return Registry().with_resources(resources)


def validators():
    """formats/results/<name>.schema.json → a validator, each schema checked against the 2020-12 metaschema."""
    found = {}
    refs = registry()
    for path in sorted(RESULTS.glob("*.schema.json")):
        schema = json.loads(path.read_text())
        Draft202012Validator.check_schema(schema)
        found[path.name.removesuffix(".schema.json")] = Draft202012Validator(schema, registry=refs)
    return found


def sorted_pairs(pairs):
    """object_pairs_hook: refuses duplicate keys and keys out of code-point order, at every level."""
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError(f"duplicate key among {keys}")
    if keys != sorted(keys):
        raise ValueError(f"keys not sorted: {keys}")
    return dict(pairs)


def problems(path, schema, validator, secret_list):
    """What is wrong with one recorded stdout or example; empty when it keeps the promise."""
    data = path.read_bytes()
    if not data.strip():
        return ["stdout is empty (no JSON object)"]
    try:
        text = data.decode("utf-8")
        document = json.loads(text, object_pairs_hook=sorted_pairs)
    except (UnicodeDecodeError, ValueError) as error:  # json.JSONDecodeError is a ValueError ("Extra data", …)
        return [f"not exactly one JSON object with sorted, distinct keys: {error}"]
    found = []
    if not isinstance(document, dict):
        return [f"a JSON {type(document).__name__}, not an object"]
    if "version" not in document:
        found.append("no top-level version")
    if not (text.startswith("{") and text.endswith("}\n")):
        found.append("stdout is not the object alone followed by one newline")
    for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(part) for part in error.absolute_path) or "(top)"
        found.append(f"{schema}.schema.json at {where}: {error.message[:300]}")
    lowered = text.lower()
    found += [f"holds a secret the tests use ({secret[:6]}…)" for secret in secret_list if secret in lowered]
    return found


def shown(path):
    """The path relative to the repository when it is inside it."""
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def example_schema(name):
    for pattern, schema in EXAMPLE_RULES:
        if pattern.search(name):
            return schema
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--results", type=Path, default=ROOT / ".build" / "results", help="recorded stdout files")
    parser.add_argument("--examples-only", action="store_true", help="check formats/results/examples alone")
    options = parser.parse_args()

    checks = validators()
    secret_list = secrets()
    passed = failed = 0
    examples = {name: 0 for name in checks}
    recorded = {name: 0 for name in checks}

    def check(path, schema, counts):
        nonlocal passed, failed
        if schema not in checks:
            failed += 1
            print(f"{shown(path)}: no schema formats/results/{schema}.schema.json", file=sys.stderr)
            return
        counts[schema] += 1
        found = problems(path, schema, checks[schema], secret_list)
        if found:
            failed += 1
            for problem in found:
                print(f"{shown(path)}: {problem}", file=sys.stderr)
        else:
            passed += 1

    for path in sorted((RESULTS / "examples").glob("*.json")):
        check(path, example_schema(path.name) or "(no rule for this name)", examples)
    files = [] if options.examples_only else sorted(options.results.glob("*.json"))
    for path in files:
        match = RECORD_NAME.match(path.name)
        check(path, match["schema"] if match else "(name is not <schema>-<uuid>.json)", recorded)

    for name in checks:
        print(f"  {name:24} {examples[name]:3} example(s) {recorded[name]:4} recorded", file=sys.stderr)
        if examples[name] == 0:
            failed += 1
            print(f"formats/results/{name}.schema.json: no example", file=sys.stderr)
        if not options.examples_only and recorded[name] == 0:
            failed += 1
            print(f"formats/results/{name}.schema.json: no recorded result exercises it", file=sys.stderr)
    if not options.examples_only and not files:
        failed += 1
        print(f"nothing recorded in {options.results} (run swift test first)", file=sys.stderr)
    sys.stderr.flush()
    print(f"{passed} passed, {failed} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
