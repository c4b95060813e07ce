#!/usr/bin/python3
"""grokkit's Python peer: the benchmark workloads of docs/benchmarks.md, written in PyTorch,
NumPy and SciPy as a user who picks Python instead of grokkit would write them.

Run: /usr/bin/python3 environment/peer/workloads.py WORKLOAD [--threads N] [--steps N]
(Debian's python3-torch, python3-numpy and python3-scipy). It builds the workload, runs its
warm-up ops, times --steps ops one by one and prints one JSON line whose seconds_per_op is the
median of those times:
{"workload": ..., "peer": ..., "threads": ..., "warmup": ..., "steps": ..., "seconds_per_op": ...}
"""
import argparse
import json
import os
import time

# The library each workload runs on; its threads are sized before it is imported.
LIBRARY = {
    "omnigrok-mlp": "torch",
    "modadd-mlp": "torch",
    "modadd-transformer": "torch",
    "hvp": "torch",
    "ensemble-modadd": "torch",
    "ensemble-modadd-loop": "torch",
    "matrix-entropy": "numpy",
    "ksg": "numpy",
}


def workloads_on(library, threads):
    """The workload module of `library`, imported with that library using `threads` threads."""
    if library == "torch":
        import torch
        # Sizes PyTorch's OpenMP pool. Debian's PyTorch runs matrix products in OpenBLAS's own
        # pool, which this does not size (docs/benchmarks.md, "Threads").
        torch.set_num_threads(threads)
        torch.manual_seed(0)
        import torch_workloads
        return torch_workloads
    # NumPy's OpenBLAS reads its thread count once, when it loads.
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[variable] = str(threads)
    import numpy_workloads
    return numpy_workloads


def median_seconds(op, warmup, steps):
    """Runs `op` `warmup` times, then times `steps` runs; the middle time (the upper of the two
    middle ones for an even count, as grokkit's bench takes it)."""
    for _ in range(warmup):
        op()
    times = []
    for _ in range(steps):
        start = time.perf_counter()
        op()
        times.append(time.perf_counter() - start)
    return sorted(times)[steps // 2]


def positive_int(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer, not {text}")
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workload", choices=LIBRARY)
    parser.add_argument("--threads", type=positive_int, default=1)
    parser.add_argument("--steps", type=positive_int, default=50, help="timed ops (default 50)")
    args = parser.parse_args()
    # OpenMP threads that spin while they wait collapse throughput on a small shared machine.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    module = workloads_on(LIBRARY[args.workload], args.threads)
    warmup, prepare = module.WORKLOADS[args.workload]
    seconds = median_seconds(prepare(), warmup, args.steps)
    print(json.dumps({"workload": args.workload, "peer": module.VERSION, "threads": args.threads,
                      "warmup": warmup, "steps": args.steps, "seconds_per_op": seconds}))


if __name__ == "__main__":
    main()
