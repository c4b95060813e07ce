#!/usr/bin/python3
"""Times this peer (workloads.py) against another peer script with the same command line, one
workload at a time: the two alternate within every round (who goes first alternates too), so
drift on a shared machine hits both, and each round gives the ratio of the pair it ran together.
Prints a Markdown table: per workload, each script's median seconds per op over the rounds with
its range, and the median and range of the per-round ratios (this peer / the other).

Run: /usr/bin/python3 environment/peer/compare_reference.py OTHER_PEER.py [--rounds 5] [--steps 20]
     [--threads 1] [--workloads a,b,...]
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys

from workloads import LIBRARY, positive_int

OURS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "workloads.py")


def seconds_per_op(script, workload, threads, steps):
    command = [sys.executable, script, workload, "--threads", str(threads), "--steps", str(steps)]
    result = subprocess.run(command, capture_output=True, text=True,
                            env={**os.environ, "OMP_WAIT_POLICY": "PASSIVE"})
    if result.returncode != 0:
        sys.exit(f"{script} {workload} failed (exit {result.returncode}):\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])["seconds_per_op"]


def existing_file(path):
    if not os.path.isfile(path):
        raise argparse.ArgumentTypeError(f"no such file: {path}")
    return path


def workload_list(text):
    names = text.split(",")
    unknown = [name for name in names if name not in LIBRARY]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown workload(s) {unknown}; workloads: {list(LIBRARY)}")
    return names


def summary(values, scale):
    return f"{statistics.median(values) * scale:.4g} ({min(values) * scale:.4g}-{max(values) * scale:.4g})"


def cpu_model():
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=existing_file, help="the peer script to compare against")
    parser.add_argument("--rounds", type=positive_int, default=5)
    parser.add_argument("--steps", type=positive_int, default=20)
    parser.add_argument("--threads", type=positive_int, default=1)
    parser.add_argument("--workloads", type=workload_list, default=list(LIBRARY))
    args = parser.parse_args()
    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = os.getloadavg()
    print(f"{started:%Y-%m-%d %H:%M} UTC, {cpu_model()}, {os.cpu_count()} cores; --threads {args.threads}"
          f" --steps {args.steps}, {args.rounds} rounds; load average before {load_before[0]:.1f}\n")
    print("| workload | this peer ms/op (range) | other ms/op (range) | ratio this / other (range) |")
    print("|---|---|---|---|")
    for workload in args.workloads:
        ours, theirs = [], []
        for round_ in range(args.rounds):
            pair = [(OURS, ours), (args.other, theirs)]
            for script, times in pair if round_ % 2 == 0 else reversed(pair):
                times.append(seconds_per_op(script, workload, args.threads, args.steps))
        ratios = [a / b for a, b in zip(ours, theirs)]
        print(f"| {workload} | {summary(ours, 1e3)} | {summary(theirs, 1e3)} | {summary(ratios, 1)} |", flush=True)
    minutes = (datetime.datetime.now(datetime.timezone.utc) - started).total_seconds() / 60
    print(f"\n{minutes:.0f} min; load average after {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
