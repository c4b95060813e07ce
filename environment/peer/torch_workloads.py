"""The PyTorch workloads of docs/benchmarks.md. Each workload function builds its data and model
and returns the op that workloads.py times; WORKLOADS names them with their warm-up ops. The
caller seeds torch and sizes its threads before importing this module."""
import math

import torch
import torch.nn.functional as F
from torch import nn

VERSION = "pytorch " + torch.__version__


def omnigrok_mlp():
    """The MLP 784-200-200-10 with ReLU of Liu et al.'s Omnigrok, PyTorch's default init."""
    return nn.Sequential(nn.Linear(784, 200), nn.ReLU(), nn.Linear(200, 200), nn.ReLU(), nn.Linear(200, 10))


def random_images(n):
    """n uniform random 784-d inputs and one-hot targets of uniform random classes 0-9."""
    return torch.rand(n, 784), F.one_hot(torch.randint(10, (n,)), 10).float()


def modadd_pairs(p, fraction):
    """A random `fraction` of all pairs (a, b) mod p (n x 2) and their sums (a + b) mod p."""
    pairs = torch.cartesian_prod(torch.arange(p), torch.arange(p))
    pairs = pairs[torch.randperm(len(pairs))[: int(fraction * len(pairs))]]
    return pairs, pairs.sum(1) % p


class EmbeddingMLP(nn.Module):
    """(a, b) -> one embedding table for both, concatenated -> ReLU hidden layer -> p logits."""

    def __init__(self, p, d, hidden):
        super().__init__()
        self.embedding = nn.Embedding(p, d)
        self.hidden = nn.Linear(2 * d, hidden)
        self.out = nn.Linear(hidden, p)

    def forward(self, pairs):  # n x 2 -> n x p
        return self.out(torch.relu(self.hidden(self.embedding(pairs).flatten(1))))


class StackedEmbeddingMLPs(nn.Module):
    """K EmbeddingMLPs as one model: each parameter of the members stacked along a leading axis
    (K x ...), every product a batched one. Member k sees only pairs[k]."""

    def __init__(self, members):
        super().__init__()

        def stacked(parameter):
            return nn.Parameter(torch.stack([parameter(m).detach() for m in members]))

        self.embedding = stacked(lambda m: m.embedding.weight)  # K x p x d
        self.hidden_weight = stacked(lambda m: m.hidden.weight.T)  # K x 2d x hidden
        self.hidden_bias = stacked(lambda m: m.hidden.bias.unsqueeze(0))  # K x 1 x hidden
        self.out_weight = stacked(lambda m: m.out.weight.T)  # K x hidden x p
        self.out_bias = stacked(lambda m: m.out.bias.unsqueeze(0))  # K x 1 x p

    def forward(self, pairs):  # K x n x 2 -> K x n x p
        member = torch.arange(len(pairs)).view(-1, 1, 1)
        x = self.embedding[member, pairs].flatten(2)  # K x n x 2d
        hidden = torch.relu(torch.baddbmm(self.hidden_bias, x, self.hidden_weight))
        return torch.baddbmm(self.out_bias, hidden, self.out_weight)


class CausalSelfAttention(nn.Module):
    """Multi-head self-attention without biases; a position attends to itself and earlier ones."""

    def __init__(self, d_model, heads, context):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(d_model, 3 * d_model, bias=False)
        self.out = nn.Linear(d_model, d_model, bias=False)
        self.register_buffer("future", torch.ones(context, context, dtype=torch.bool).triu(1))

    def forward(self, x):  # n x t x d
        n, t, d = x.shape
        d_head = d // self.heads
        q, k, v = self.qkv(x).view(n, t, 3, self.heads, d_head).permute(2, 0, 3, 1, 4)  # n x heads x t x d_head
        scores = (q @ k.transpose(-1, -2)) / math.sqrt(d_head)
        weights = scores.masked_fill(self.future, float("-inf")).softmax(-1)
        return self.out((weights @ v).transpose(1, 2).reshape(n, t, d))


class Transformer(nn.Module):
    """Nanda et al.'s one-layer transformer: token and learned position embeddings, attention and
    a ReLU MLP as residual blocks, no LayerNorm, logits read at the last position."""

    def __init__(self, vocab, context, d_model, heads, d_mlp, classes):
        super().__init__()
        self.embedding = nn.Embedding(vocab, d_model)
        self.position = nn.Parameter(torch.randn(context, d_model) / math.sqrt(d_model))
        self.attention = CausalSelfAttention(d_model, heads, context)
        self.mlp = nn.Sequential(nn.Linear(d_model, d_mlp), nn.ReLU(), nn.Linear(d_mlp, d_model))
        self.unembed = nn.Linear(d_model, classes, bias=False)

    def forward(self, tokens):  # n x t -> n x classes
        x = self.embedding(tokens) + self.position
        x = x + self.attention(x)
        x = x + self.mlp(x)
        return self.unembed(x[:, -1])


def modadd_adamw(parameters, lr):
    """AdamW as the modular-addition runs use it: weight decay 1, betas 0.9 / 0.98."""
    return torch.optim.AdamW(parameters, lr=lr, weight_decay=1.0, betas=(0.9, 0.98))


class TrainingStep:
    """The op of the training workloads: one step of `optimizer` on loss(model(inputs), targets)."""

    def __init__(self, model, optimizer, loss, inputs, targets):
        self.model, self.optimizer, self.loss = model, optimizer, loss
        self.inputs, self.targets = inputs, targets

    def __call__(self):
        self.optimizer.zero_grad()
        self.loss(self.model(self.inputs), self.targets).backward()
        self.optimizer.step()


class InTurn:
    """One op that runs `ops` one after another."""

    def __init__(self, ops):
        self.ops = ops

    def __call__(self):
        for op in self.ops:
            op()


def omnigrok_mlp_step():
    """AdamW (lr 1e-3, wd 0.01) on the Omnigrok MLP, every parameter x8, MSE, batch 200."""
    inputs, targets = random_images(200)
    model = omnigrok_mlp()
    with torch.no_grad():
        for parameter in model.parameters():
            parameter.mul_(8)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
    return TrainingStep(model, optimizer, F.mse_loss, inputs, targets)


def modadd_mlp_step():
    """Full-batch AdamW (lr 1e-3) on 30% of the pairs mod 97: embedding 128, 256 -> 512 -> 97."""
    pairs, sums = modadd_pairs(97, 0.3)
    model = EmbeddingMLP(97, 128, 512)
    return TrainingStep(model, modadd_adamw(model.parameters(), 1e-3), F.cross_entropy, pairs, sums)


def modadd_transformer_step():
    """Full-batch AdamW (lr 1e-3) of the transformer on 30% of the pairs mod 113, tokens [a, b, =]."""
    p = 113
    pairs, sums = modadd_pairs(p, 0.3)
    tokens = torch.cat([pairs, torch.full((len(pairs), 1), p)], dim=1)  # "=" is token p
    model = Transformer(vocab=p + 1, context=3, d_model=128, heads=4, d_mlp=512, classes=p)
    return TrainingStep(model, modadd_adamw(model.parameters(), 1e-3), F.cross_entropy, tokens, sums)


def hessian_quadratic_form():
    """v.Hv for a fresh Rademacher v, H the Hessian of the MSE loss of the Omnigrok MLP (default
    init) on 1000 inputs, by double backward."""
    inputs, targets = random_images(1000)
    model = omnigrok_mlp()
    parameters = list(model.parameters())

    def quadratic_form():
        loss = F.mse_loss(model(inputs), targets)
        gradient = torch.autograd.grad(loss, parameters, create_graph=True)
        v = [torch.randint_like(p, 2) * 2 - 1 for p in parameters]
        hv = torch.autograd.grad(gradient, parameters, grad_outputs=v)
        return sum((h * w).sum() for h, w in zip(hv, v)).item()

    return quadratic_form


def ensemble_members(k=16):
    """k EmbeddingMLPs on x+y mod 59 (embedding 64, hidden 256), each with its own
    initialization and its own random 40% of the pairs: (model, pairs, sums) each."""
    return [(EmbeddingMLP(59, 64, 256), *modadd_pairs(59, 0.4)) for _ in range(k)]


def ensemble_modadd_step():
    """All members stepped as one stacked model: AdamW is elementwise and the loss is the sum of
    the members' mean losses, so this is exactly one AdamW step (lr 3e-3) of each member."""
    models, pairs, sums = zip(*ensemble_members())
    model = StackedEmbeddingMLPs(models)
    pairs, sums = torch.stack(pairs), torch.stack(sums)  # K x n x 2, K x n
    per_member = pairs.shape[1]

    def summed_mean_losses(logits, targets):
        return F.cross_entropy(logits.flatten(0, 1), targets.flatten(), reduction="sum") / per_member

    return TrainingStep(model, modadd_adamw(model.parameters(), 3e-3), summed_mean_losses, pairs, sums)


def ensemble_modadd_loop_step():
    """The same members as separate models, each with its own AdamW, stepped one after another."""
    return InTurn([TrainingStep(model, modadd_adamw(model.parameters(), 3e-3), F.cross_entropy, pairs, sums)
                   for model, pairs, sums in ensemble_members()])


# workload -> (warm-up ops, function returning the op)
WORKLOADS = {
    "omnigrok-mlp": (20, omnigrok_mlp_step),
    "modadd-mlp": (20, modadd_mlp_step),
    "modadd-transformer": (10, modadd_transformer_step),
    "hvp": (3, hessian_quadratic_form),
    "ensemble-modadd": (10, ensemble_modadd_step),
    "ensemble-modadd-loop": (3, ensemble_modadd_loop_step),
}
