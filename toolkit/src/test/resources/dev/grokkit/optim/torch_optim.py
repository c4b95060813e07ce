# Reference trajectories from torch.optim, in float64.
# Each input line: name|OptimizerClass|k=v,k=v|w0 (space separated)|g1;g2;... (space separated)
# Values: floats, True/False, or tuples as a:b. Output line per case: name|w1;w2;... (repr floats).
import sys
import torch

for line in open(sys.argv[1]):
    name, cls, kw, w0, grads = line.rstrip("\n").split("|")
    kwargs = {}
    for item in filter(None, kw.split(",")):
        key, value = item.split("=")
        if value in ("True", "False"):
            kwargs[key] = value == "True"
        elif ":" in value:
            kwargs[key] = tuple(float(x) for x in value.split(":"))
        else:
            kwargs[key] = float(value)
    p = torch.nn.Parameter(torch.tensor([float(x) for x in w0.split()], dtype=torch.float64))
    opt = getattr(torch.optim, cls)([p], **kwargs)
    rows = []
    for g in grads.split(";"):
        p.grad = torch.tensor([float(x) for x in g.split()], dtype=torch.float64)
        opt.step()
        rows.append(" ".join(repr(x) for x in p.detach().tolist()))
    print(name + "|" + ";".join(rows))
