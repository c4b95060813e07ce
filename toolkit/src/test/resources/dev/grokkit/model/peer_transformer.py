#!/usr/bin/python3
"""Logits of the benchmark's grokking transformer (modadd-transformer of docs/benchmarks.md) for
weights and tokens written by TransformerPeerTest.

Usage: peer_transformer.py CASE...   Each CASE file holds: a header "p d heads dmlp dtype", a line
"tokens n L" and the n*L token ids, then per parameter a line "NAME dims..." and its row-major
values. The logits (n x p) are written to CASE.out, one row per line."""
import math, sys
import torch

def net_class(p, d, heads, dmlp):
    # Built exactly like the peer's Net (same modules, same forward), with the sizes as arguments.
    class Net(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = torch.nn.Embedding(p + 1, d)
            self.pos = torch.nn.Parameter(torch.randn(3, d) / math.sqrt(d))
            self.qkv = torch.nn.Linear(d, 3 * d, bias=False); self.o = torch.nn.Linear(d, d, bias=False)
            self.up = torch.nn.Linear(d, dmlp); self.down = torch.nn.Linear(dmlp, d)
            self.unemb = torch.nn.Linear(d, p, bias=False)
            self.register_buffer("mask", torch.tril(torch.ones(3, 3)).bool())
        def forward(self, t):
            x = self.emb(t) + self.pos
            n = x.shape[0]
            q, k, v = self.qkv(x).view(n, 3, 3, heads, d // heads).permute(2, 0, 3, 1, 4)
            att = (q @ k.transpose(-1, -2)) / math.sqrt(d // heads)
            att = att.masked_fill(~self.mask, float("-inf")).softmax(-1)
            x = x + self.o((att @ v).transpose(1, 2).reshape(n, 3, d))
            x = x + self.down(torch.relu(self.up(x)))
            return self.unemb(x[:, -1])
    return Net

# grokkit's parameter names -> the peer's
NAMES = {"embedding.tokens": "emb.weight", "embedding.positions": "pos",
         "block0.attn.qkv.weight": "qkv.weight", "block0.attn.out.weight": "o.weight",
         "block0.mlp.up.weight": "up.weight", "block0.mlp.up.bias": "up.bias",
         "block0.mlp.down.weight": "down.weight", "block0.mlp.down.bias": "down.bias",
         "logits.unembed.weight": "unemb.weight"}

def run(case):
    lines = open(case).read().split("\n")
    p, d, heads, dmlp = (int(v) for v in lines[0].split()[:4])
    dtype = {"float32": torch.float32, "float64": torch.float64}[lines[0].split()[4]]
    _, n, length = lines[1].split()
    tokens = torch.tensor([int(v) for v in lines[2].split()]).view(int(n), int(length))
    net = net_class(p, d, heads, dmlp)().to(dtype)
    state = {}
    for i in range(3, len(lines) - 1, 2):
        name, *dims = lines[i].split()
        values = [float(v) for v in lines[i + 1].split()]
        state[NAMES[name]] = torch.tensor(values, dtype=dtype).view(*(int(x) for x in dims))
    state["mask"] = net.mask
    net.load_state_dict(state, strict=True)
    with torch.no_grad():
        logits = net(tokens)
    with open(case + ".out", "w") as out:
        for row in logits.tolist():
            out.write(" ".join(repr(v) for v in row) + "\n")

if __name__ == "__main__":
    torch.set_num_threads(1)
    for case in sys.argv[1:]:
        run(case)
