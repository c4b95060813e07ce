"""End to end in PyTorch: wall time until x+y mod 59 groks, the run of grokkit's
dev.grokkit.bench.GrokTime (notebooks/scripts/modadd-grokking.jsh): 40% of the pairs for
training, a shared embedding 59x64 for a and b, concatenated (128) -> 256 ReLU -> 59,
full-batch AdamW lr 3e-3, weight decay 1, betas 0.9/0.98, cross-entropy; train and test
evaluated every 50 steps; stop at test accuracy 0.99. Prints one JSON line.

Run: /usr/bin/python3 grok_modadd.py [--seed S] [--threads N]
(Debian's python3-torch; the split comes from torch's RNG, not grokkit's.)
"""
import argparse
import json
import os
import time

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
import torch  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--max-steps", type=int, default=20000)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    p = 59
    pairs = torch.cartesian_prod(torch.arange(p), torch.arange(p))
    labels = (pairs[:, 0] + pairs[:, 1]) % p
    order = torch.randperm(len(pairs))
    n_train = int(round(0.4 * len(pairs)))
    train, test = order[:n_train], order[n_train:]

    class Net(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = torch.nn.Embedding(p, 64)
            self.hidden = torch.nn.Linear(128, 256)
            self.logits = torch.nn.Linear(256, p)

        def forward(self, x):
            return self.logits(torch.relu(self.hidden(self.embedding(x).reshape(len(x), -1))))

    net = Net()
    opt = torch.optim.AdamW(net.parameters(), lr=3e-3, weight_decay=1.0, betas=(0.9, 0.98))
    xs, ys = pairs[train], labels[train]
    xt, yt = pairs[test], labels[test]

    def accuracy(x, y):
        with torch.no_grad():
            return (net(x).argmax(1) == y).float().mean().item()

    start = time.perf_counter()
    memorized = grokked = -1
    step = 0
    for step in range(args.max_steps + 1):
        if step % 50 == 0:
            train_acc, test_acc = accuracy(xs, ys), accuracy(xt, yt)
            if memorized < 0 and train_acc >= 0.99:
                memorized = step
            if test_acc >= 0.99:
                grokked = step
                break
        if step == args.max_steps:
            break
        opt.zero_grad()
        torch.nn.functional.cross_entropy(net(xs), ys).backward()
        opt.step()
    seconds = time.perf_counter() - start
    print(json.dumps({"seed": args.seed, "threads": args.threads, "memorization_step": memorized,
                      "grokking_step": grokked, "steps": step, "seconds": round(seconds, 3)}))


if __name__ == "__main__":
    main()
