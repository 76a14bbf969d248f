#!/usr/bin/env python3
"""The kill -9 campaign: kills `sign --out`, `sign keys new` and `broadcast` at random and at exact write points,
re-runs each command cleanly, and checks that nothing was torn, left behind, paid twice or lost.

Usage: campaign.py [--kills N] [--tools sign,keys,broadcast] [--bin DIR] [--seed S] [--keep]

Exact write points use no hidden option: the campaign polls the output folder and kills the moment the tool's
temporary file (`.NAME.tmp-PID-RANDOM`) appears; random points kill after a delay drawn from the measured length
of a clean run. Half the kills of each tool are exact, half random. After each kill and the clean re-run:
  torn files     every JSON output parses; the signing ledger has only whole entries; `audit verify` passes
  orphan temps   no `.NAME.tmp-*` of the output is left after the re-run; a temp seen right after the kill is 0600
  double pays    (broadcast) the sender's nonce equals the number of purchases, and the sandbox credited each once
  lost events    (broadcast) each charge has exactly one `mined` event and at least one `sent` in the audit log
Prints the figures and one JSON line; exits 1 on any finding. Python standard library only.
"""
import argparse
import glob
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

CHAIN_ID = "8453"
AMOUNT = "5"


class Campaign:
    def __init__(self, args):
        self.bin = args.bin
        self.work = tempfile.mkdtemp(prefix="coldcredits-crash.")
        self.random = random.Random(args.seed)
        self.findings = []
        self.figures = {}
        self.sandbox = None

    # ---- helpers -------------------------------------------------------------------------------------------------

    def tool(self, name):
        return os.path.join(self.bin, name)

    def run(self, argv, env=None, timeout=120, check=True):
        result = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=timeout)
        if check and result.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} exited {result.returncode}: {result.stderr[-2000:]}")
        return result

    def finding(self, tool, kind, detail):
        self.findings.append({"tool": tool, "kind": kind, "detail": detail})
        print(f"FINDING [{tool}] {kind}: {detail}", file=sys.stderr)

    def kill_run(self, argv, temp_glob, mode, delay_range, env=None):
        """Starts argv, kills it (SIGKILL) at the exact point the temp appears or after a random delay; returns
        (killed, temps seen at kill time with their modes)."""
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        seen = []
        if mode == "exact":
            deadline = time.monotonic() + 60
            while process.poll() is None and time.monotonic() < deadline:
                found = glob.glob(temp_glob)
                if found:
                    process.send_signal(signal.SIGKILL)
                    for path in found:
                        try:
                            seen.append((path, os.stat(path).st_mode & 0o777))
                        except FileNotFoundError:
                            pass
                    break
                time.sleep(0.0005)
        else:
            time.sleep(self.random.uniform(*delay_range))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                for path in glob.glob(temp_glob):
                    try:
                        seen.append((path, os.stat(path).st_mode & 0o777))
                    except FileNotFoundError:
                        pass
        process.wait()
        return process.returncode == -signal.SIGKILL, seen

    def check_json(self, tool, path):
        if not os.path.exists(path):
            return
        try:
            with open(path, "rb") as handle:
                json.loads(handle.read())
        except ValueError as error:
            self.finding(tool, "torn file", f"{path}: {error}")

    def check_temps(self, tool, temp_glob, seen):
        for path, mode in seen:
            if mode & 0o077:
                self.finding(tool, "readable temp", f"{path} mode {oct(mode)}")
        left = glob.glob(temp_glob)
        if left:
            self.finding(tool, "orphan temp", ", ".join(left))
        return len(left)

    def check_audit(self, tool, log):
        if os.path.exists(log):
            result = self.run([self.tool("sign"), "audit", "verify", log], check=False)
            if result.returncode != 0:
                self.finding(tool, "torn audit log", result.stderr.strip()[-300:])

    def check_ledger(self, tool, ledger):
        if not os.path.exists(ledger):
            return
        with open(ledger, "rb") as handle:
            data = handle.read()
        if data and not data.endswith(b"\n"):
            self.finding(tool, "torn ledger", "last line unterminated")
        for line in data.split(b"\n"):
            if line:
                try:
                    json.loads(line)
                except ValueError:
                    self.finding(tool, "torn ledger", line[:80].decode(errors="replace"))

    def measure(self, argv, env=None):
        start = time.monotonic()
        self.run(argv, env=env)
        return time.monotonic() - start

    def figure(self, tool, kills, attempts, orphans_after_kill):
        self.figures[tool] = {"kills": kills, "attempts": attempts, "tempsLeftByKills": orphans_after_kill}

    # ---- set-up --------------------------------------------------------------------------------------------------

    def setup_keys(self):
        self.password = os.path.join(self.work, "password")
        with open(self.password, "w") as handle:
            handle.write("crash-campaign-password\n")
        os.chmod(self.password, 0o600)
        self.raw_key = os.path.join(self.work, "raw.key")
        with open(self.raw_key, "w") as handle:
            handle.write("0x" + os.urandom(32).hex() + "\n")
        os.chmod(self.raw_key, 0o600)
        keystore = os.path.join(self.work, "import.json")
        result = self.run([
            self.tool("sign"), "keys", "import", "--private-key-file", self.raw_key, "--out", keystore,
            "--password-file", self.password, "--insecure-fast-kdf"])
        self.address = result.stdout.strip()
        self.policy = os.path.join(self.work, "policy.json")
        with open(self.policy, "w") as handle:
            handle.write(self.run([self.tool("sandbox"), "policy", "--chain-id", CHAIN_ID, "--allow-unattended"]).stdout)

    def start_sandbox(self):
        ready = os.path.join(self.work, "ready.json")
        self.sandbox_log = open(os.path.join(self.work, "sandbox.log"), "w")
        self.sandbox = subprocess.Popen(
            [self.tool("sandbox"), "serve", "--chain-id", CHAIN_ID, "--ready-file", ready, "--fund",
             f"{self.address}=100", "--block-time", "0.2"],
            stdout=subprocess.DEVNULL, stderr=self.sandbox_log)
        for _ in range(200):
            if os.path.exists(ready) and os.path.getsize(ready) > 0:
                break
            time.sleep(0.05)
        with open(ready) as handle:
            endpoints = json.loads(handle.read())
        self.rpc, self.api = endpoints["rpcURL"], endpoints["apiURL"]
        self.network = os.path.join(self.work, "network.json")
        with open(self.network, "w") as handle:
            handle.write(self.run([self.tool("sandbox"), "network-file", "--chain-id", CHAIN_ID]).stdout)
        self.env = dict(os.environ, OPENROUTER_API_KEY="sandbox-management-key")

    def stop_sandbox(self):
        if self.sandbox and self.sandbox.poll() is None:
            self.sandbox.terminate()
            self.sandbox.wait(timeout=20)

    def prepare(self, out):
        self.run([
            self.tool("prepare"), "--amount", AMOUNT, "--sender", self.address, "--chain", CHAIN_ID, "--rpc-url",
            self.rpc, "--api-url", self.api, "--network-file", self.network, "--out", out, "--no-audit-log"],
            env=self.env)

    def sign_argv(self, bundle, out, ledger, audit):
        return [
            self.tool("sign"), bundle, "--private-key-file", self.raw_key, "--policy", self.policy, "--ledger",
            ledger, "--out", out, "--yes", "--audit-log", audit]

    # ---- the three campaigns -------------------------------------------------------------------------------------

    def campaign_keys(self, count):
        folder = os.path.join(self.work, "keys")
        os.makedirs(folder)

        def argv(index):
            return [
                self.tool("sign"), "keys", "new", "--out", os.path.join(folder, f"key-{index}.json"),
                "--password-file", self.password, "--insecure-fast-kdf"]

        length = self.measure(argv("clean"))
        kills = attempts = left = 0
        while kills < count and attempts < count * 3:
            attempts += 1
            index = attempts
            out = os.path.join(folder, f"key-{index}.json")
            temps = os.path.join(folder, f".key-{index}.json.tmp-*")
            mode = "exact" if attempts % 2 else "random"
            killed, seen = self.kill_run(argv(index), temps, mode, (0, length * 1.2))
            kills += killed
            left += len(glob.glob(temps))
            self.check_json("keys", out)
            result = self.run(argv(index), check=False)
            if result.returncode not in (0, 73) or (result.returncode == 73 and not os.path.exists(out)):
                self.finding("keys", "re-run failed", f"exit {result.returncode}: {result.stderr.strip()[-300:]}")
            self.check_json("keys", out)
            if os.path.exists(out) and os.stat(out).st_mode & 0o077:
                self.finding("keys", "readable keystore", out)
            self.check_temps("keys", temps, seen)
        self.figure("keys", kills, attempts, left)

    def campaign_sign(self, count, bundle):
        folder = os.path.join(self.work, "sign")
        os.makedirs(folder)
        ledger, audit = os.path.join(folder, "ledger.jsonl"), os.path.join(folder, "audit.jsonl")
        length = self.measure(self.sign_argv(bundle, os.path.join(folder, "clean.json"), ledger, audit))
        kills = attempts = left = 0
        while kills < count and attempts < count * 3:
            attempts += 1
            out = os.path.join(folder, f"signed-{attempts}.json")
            temps = os.path.join(folder, f".signed-{attempts}.json.tmp-*")
            mode = "exact" if attempts % 2 else "random"
            killed, seen = self.kill_run(self.sign_argv(bundle, out, ledger, audit), temps, mode, (0, length * 1.2))
            kills += killed
            left += len(glob.glob(temps))
            self.check_json("sign", out)
            self.check_ledger("sign", ledger)
            self.check_audit("sign", audit)
            result = self.run(self.sign_argv(bundle, out, ledger, audit), check=False)
            if result.returncode not in (0, 73) or (result.returncode == 73 and not os.path.exists(out)):
                self.finding("sign", "re-run failed", f"exit {result.returncode}: {result.stderr.strip()[-300:]}")
            self.check_json("sign", out)
            self.check_ledger("sign", ledger)
            self.check_audit("sign", audit)
            self.check_temps("sign", temps, seen)
        self.figure("sign", kills, attempts, left)

    def credits(self):
        request = urllib.request.Request(
            self.api + "/credits", headers={"Authorization": "Bearer sandbox-management-key"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())["data"]["total_credits"]

    def nonce(self):
        body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "eth_getTransactionCount",
                           "params": [self.address, "latest"]}).encode()
        request = urllib.request.Request(self.rpc, data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(json.loads(response.read())["result"], 16)

    def campaign_broadcast(self, count):
        folder = os.path.join(self.work, "broadcast")
        os.makedirs(folder)
        audit = os.path.join(folder, "online-audit.jsonl")
        credits_before, nonce_before = float(self.credits()), self.nonce()

        def purchase(index):
            bundle, signed = os.path.join(folder, f"bundle-{index}.json"), os.path.join(folder, f"signed-{index}.json")
            self.prepare(bundle)
            self.run(self.sign_argv(bundle, signed, os.path.join(folder, f"ledger-{index}.jsonl"),
                                    os.path.join(folder, "offline-audit.jsonl")))
            return bundle, signed

        def argv(bundle, signed):
            return [self.tool("broadcast"), signed, "--bundle", bundle, "--rpc-url", self.rpc, "--api-url", self.api,
                    "--poll-interval", "0.1", "--timeout", "60", "--audit-log", audit]

        bundle, signed = purchase("clean")
        length = self.measure(argv(bundle, signed), env=self.env)
        purchases, kills, attempts, left = 1, 0, 0, 0
        while kills < count and attempts < count * 3:
            attempts += 1
            bundle, signed = purchase(attempts)
            purchases += 1
            state = signed + ".state.json"
            temps = os.path.join(folder, f".signed-{attempts}.json.state.json.tmp-*")
            mode = "exact" if attempts % 2 else "random"
            killed, seen = self.kill_run(argv(bundle, signed), temps, mode, (0, length * 1.2), env=self.env)
            kills += killed
            left += len(glob.glob(temps))
            self.check_json("broadcast", state)
            self.check_audit("broadcast", audit)
            result = self.run(argv(bundle, signed), env=self.env, check=False)
            if result.returncode != 0:
                self.finding("broadcast", "re-run failed", f"exit {result.returncode}: {result.stderr.strip()[-300:]}")
            self.check_json("broadcast", state)
            self.check_audit("broadcast", audit)
            self.check_temps("broadcast", temps, seen)
        # Double pays: one mined payment per purchase, each credited once.
        time.sleep(1.5)
        paid = self.nonce() - nonce_before
        if paid != purchases:
            self.finding("broadcast", "double pay" if paid > purchases else "lost pay",
                         f"{paid} payments mined for {purchases} purchases")
        credited = float(self.credits()) - credits_before
        if abs(credited - purchases * float(AMOUNT)) > 1e-6:
            self.finding("broadcast", "credits", f"credited {credited} for {purchases} purchases of {AMOUNT}")
        # Lost events: per charge, exactly one mined and at least one sent.
        events = {}
        with open(audit) as handle:
            for line in handle:
                entry = json.loads(line)
                event = entry.get("event", entry)
                key = (event.get("chargeId"), event.get("kind"))
                events[key] = events.get(key, 0) + 1
        charge_ids = {charge for charge, _ in events if charge}
        duplicates = lost = 0
        for charge in charge_ids:
            if events.get((charge, "mined"), 0) != 1 or events.get((charge, "sent"), 0) < 1:
                lost += events.get((charge, "mined"), 0) == 0 or events.get((charge, "sent"), 0) == 0
                duplicates += events.get((charge, "mined"), 0) > 1
        if len(charge_ids) != purchases:
            self.finding("broadcast", "lost events", f"{len(charge_ids)} charges in the audit log, {purchases} bought")
        if lost or duplicates:
            self.finding("broadcast", "audit events", f"{lost} charge(s) missing sent/mined, {duplicates} mined twice")
        self.figure("broadcast", kills, attempts, left)
        self.figures["broadcast"].update({"purchases": purchases, "paymentsMined": paid, "credited": credited,
                                          "sentEvents": sum(v for (c, k), v in events.items() if k == "sent")})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=100, help="kills per tool (default 100)")
    parser.add_argument("--tools", default="keys,sign,broadcast")
    parser.add_argument("--bin", default=None, help="folder of the built tools (default: swift build --show-bin-path)")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    if args.bin is None:
        args.bin = subprocess.run(["swift", "build", "--show-bin-path"], capture_output=True, text=True,
                                  check=True).stdout.strip()
    if args.seed is None:
        args.seed = random.randrange(1 << 30)
    campaign = Campaign(args)
    start = time.monotonic()
    tools = args.tools.split(",")
    try:
        campaign.setup_keys()
        campaign.start_sandbox()
        if "keys" in tools:
            campaign.campaign_keys(args.kills)
        if "sign" in tools:
            bundle = os.path.join(campaign.work, "sign-bundle.json")
            campaign.prepare(bundle)
            campaign.campaign_sign(args.kills, bundle)
        if "broadcast" in tools:
            campaign.campaign_broadcast(args.kills)
    finally:
        campaign.stop_sandbox()
        if not args.keep:
            subprocess.run(["rm", "-rf", campaign.work])
    counts = {}
    for finding in campaign.findings:
        counts[finding["kind"]] = counts.get(finding["kind"], 0) + 1
    for tool, figures in campaign.figures.items():
        print(f"{tool}: {figures}", file=sys.stderr)
    summary = {"seed": args.seed, "seconds": round(time.monotonic() - start, 1), "figures": campaign.figures,
               "findings": counts}
    print(json.dumps(summary, sort_keys=True))
    sys.exit(1 if campaign.findings else 0)


if __name__ == "__main__":
    main()
