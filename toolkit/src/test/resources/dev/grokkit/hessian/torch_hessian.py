"""Reference Hessians from PyTorch for HessianPeerTest (run: /usr/bin/python3 torch_hessian.py > torch_hessian.txt).

An MLP 5 -> 6 -> 4 -> 3 (tanh, biases; weights (out, in) as DJL's Linear) in float64 on 20
examples with seeded numpy weights and data. For cross-entropy and for MSE against one-hot
targets (mean over all entries, as grokkit's Losses.mse), it writes the exact Hessian by
torch.autograd.functional.hessian over the flattened parameters: H v for a fixed v, the trace,
all eigenvalues, and each parameter block's trace. Format: one line per array,
"key count v1 v2 ...".
"""
import numpy as np
import torch

rng = np.random.default_rng(20240)
sizes = [5, 6, 4, 3]
n = 20
params = {}
for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
    name = "hidden%d" % (i + 1) if i < len(sizes) - 2 else "logits"
    params[name + ".weight"] = rng.normal(0, 0.8, size=(b, a))
    params[name + ".bias"] = rng.normal(0, 0.3, size=(b,))
x = rng.normal(size=(n, sizes[0]))
y = rng.integers(0, sizes[-1], size=n)
names = list(params)
shapes = [params[k].shape for k in names]
flat0 = torch.tensor(np.concatenate([params[k].ravel() for k in names]), dtype=torch.float64)
X = torch.tensor(x, dtype=torch.float64)
Y = torch.tensor(y)


def unflatten(w):
    out, at = [], 0
    for s in shapes:
        size = int(np.prod(s))
        out.append(w[at:at + size].reshape(s))
        at += size
    return out


def logits(w):
    p = unflatten(w)
    h = X
    for layer in range(len(sizes) - 1):
        h = h @ p[2 * layer].T + p[2 * layer + 1]
        if layer < len(sizes) - 2:
            h = torch.tanh(h)
    return h


losses = {
    "cross_entropy": lambda w: torch.nn.functional.cross_entropy(logits(w), Y),
    "mse": lambda w: torch.nn.functional.mse_loss(
        logits(w), torch.nn.functional.one_hot(Y, sizes[-1]).to(torch.float64)),
}
v = torch.tensor(rng.normal(size=flat0.numel()), dtype=torch.float64)


def emit(key, values):
    values = np.asarray(values, dtype=np.float64).ravel()
    print(key, len(values), " ".join(repr(float(t)) for t in values))


print("# torch", torch.__version__)
for k in names:
    emit("param:" + k, params[k])
emit("x", x)
emit("y", y)
emit("v", v.numpy())
for loss_name, f in losses.items():
    H = torch.autograd.functional.hessian(f, flat0).numpy()
    emit(loss_name + ":hv", H @ v.numpy())
    emit(loss_name + ":trace", [np.trace(H)])
    emit(loss_name + ":eigenvalues", np.linalg.eigvalsh(H))
    at, block_traces = 0, []
    for s in shapes:
        size = int(np.prod(s))
        block_traces.append(np.trace(H[at:at + size, at:at + size]))
        at += size
    emit(loss_name + ":block_traces", block_traces)
