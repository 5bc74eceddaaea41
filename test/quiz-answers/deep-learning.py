"""Computed answers for the numeric quiz items of roadmap/notes/deep-learning/.

Prints one JSON object mapping "<topic-id>/<item-id>" to the computed number; the quiz check
compares every numeric item's answer with it. Runs offline on the CPU in a few seconds.
"""
import json
import math

import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
out = {}


def n_params(module):
    return sum(p.numel() for p in module.parameters())


# --- feedforward-networks -------------------------------------------------------------------
cifar_mlp = nn.Sequential(nn.Flatten(), nn.Linear(3072, 512), nn.ReLU(), nn.Linear(512, 256),
                          nn.ReLU(), nn.Linear(256, 10))
out["feedforward-networks/cifar-mlp-parameters"] = n_params(cifar_mlp)
xor_mlp = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 2))
out["feedforward-networks/xor-mlp-parameters"] = n_params(xor_mlp)
wide = nn.Linear(512, 4096)                      # fan_in 512; many weights for a tight estimate
nn.init.kaiming_normal_(wide.weight, nonlinearity="relu")
he_std = math.sqrt(2 / 512)
assert abs(wide.weight.std().item() - he_std) < 1e-3
out["feedforward-networks/he-init-std"] = he_std

# --- backpropagation-loss-functions ---------------------------------------------------------
z = torch.tensor([[2.0, 1.0, 0.0]], requires_grad=True)
loss = nn.functional.cross_entropy(z, torch.tensor([0]))
loss.backward()
p0 = math.exp(2) / (math.exp(2) + math.exp(1) + 1)
assert abs(z.grad[0, 0].item() - (p0 - 1)) < 1e-6
out["backpropagation-loss-functions/true-class-logit-gradient"] = z.grad[0, 0].item()
out["backpropagation-loss-functions/cross-entropy-value"] = loss.item()

# --- activation-functions -------------------------------------------------------------------
zs = torch.linspace(-10, 10, 200001)
sig_grad = torch.sigmoid(zs) * (1 - torch.sigmoid(zs))
out["activation-functions/sigmoid-max-derivative"] = sig_grad.max().item()
out["activation-functions/ten-sigmoid-layers-bound"] = 0.25 ** 10
out["activation-functions/gelu-at-minus-one"] = nn.functional.gelu(torch.tensor(-1.0, dtype=torch.float64)).item()

# --- batchnorm-dropout ----------------------------------------------------------------------
out["batchnorm-dropout/batchnorm-learnable-parameters"] = n_params(nn.BatchNorm1d(256))
bn = nn.BatchNorm1d(1)
bn.train()
batch = torch.tensor([[3.0], [5.0], [7.0]])      # mean 5
bn(batch)
out["batchnorm-dropout/running-mean-after-one-batch"] = bn.running_mean.item()
drop = nn.Dropout(p=0.2)
drop.train()
kept = drop(torch.full((10000,), 2.0))
survivors = kept[kept != 0]
assert torch.allclose(survivors, torch.tensor(2.5))
out["batchnorm-dropout/inverted-dropout-survivor"] = survivors[0].item()

# --- optimizers -----------------------------------------------------------------------------
w = torch.zeros(1, requires_grad=True)
opt = torch.optim.SGD([w], lr=1.0, momentum=0.9)
for _ in range(500):                             # constant gradient g = 1
    opt.zero_grad()
    w.sum().backward()
    opt.step()
before = w.item()
opt.zero_grad(); w.sum().backward(); opt.step()
out["optimizers/momentum-terminal-step"] = round(before - w.item(), 9)   # step / (lr * g)
curvatures = np.linalg.eigvalsh(np.diag([100.0, 1.0]))
out["optimizers/sgd-stability-bound"] = 2 / curvatures.max()
w = torch.zeros(1, requires_grad=True)
adam = torch.optim.Adam([w], lr=1e-3)
(0.5 * w).sum().backward()                       # gradient 0.5
adam.step()
out["optimizers/adam-first-step"] = abs(w.item())

# --- mlp-training-project ------------------------------------------------------------------
starter = nn.Sequential(nn.Flatten(), nn.Linear(3 * 32 * 32, 256), nn.ReLU(), nn.Linear(256, 10))
out["mlp-training-project/cifar-starter-parameters"] = n_params(starter)
assert starter(torch.zeros(2, 3, 32, 32)).shape == (2, 10)
hidden = 128
note_mlp = nn.Sequential(nn.Linear(64, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Dropout(0.2),
                         nn.Linear(hidden, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Dropout(0.2),
                         nn.Linear(hidden, 10))
out["mlp-training-project/digits-mlp-parameters"] = n_params(note_mlp)

# --- dl-engineering-performance ------------------------------------------------------------
out["dl-engineering-performance/effective-batch-size"] = 8 * 16
g = [torch.tensor([3.0]), torch.tensor([4.0])]   # global norm 5
params = [torch.zeros(1, requires_grad=True) for _ in g]
for p_, gi in zip(params, g):
    p_.grad = gi.clone()
nn.utils.clip_grad_norm_(params, max_norm=1.0)
out["dl-engineering-performance/clipped-component"] = params[0].grad.item()
out["dl-engineering-performance/fp16-underflow"] = torch.tensor(1e-8).half().item()
model = nn.Linear(4, 2)
x, y = torch.randn(32, 4), torch.randint(0, 2, (32,))
nn.functional.cross_entropy(model(x), y).backward()
full = model.weight.grad.clone()
model.zero_grad()
for xb, yb in zip(x.chunk(4), y.chunk(4)):
    nn.functional.cross_entropy(model(xb), yb).backward()   # forgot to divide by 4
out["dl-engineering-performance/undivided-accumulation"] = round((model.weight.grad.norm() / full.norm()).item(), 4)

# --- training-checkpointing-tracking -------------------------------------------------------
def warmup_cosine_lr(t, warmup, total, lr_max, lr_min):
    if t < warmup:
        return lr_max * (t + 1) / warmup
    return lr_min + 0.5 * (lr_max - lr_min) * (1 + math.cos(math.pi * (t - warmup) / (total - warmup)))


out["training-checkpointing-tracking/cosine-halfway-lr"] = warmup_cosine_lr(5500, 1000, 10000, 1e-3, 1e-4)


def note_multiplier(step, warmup=10, total=60, floor=0.1):   # the note's LambdaLR function
    if step < warmup:
        return (step + 1) / warmup
    progress = (step - warmup) / (total - warmup)
    return floor + (1 - floor) * 0.5 * (1 + math.cos(math.pi * progress))


lin = nn.Linear(1, 1)
o = torch.optim.SGD(lin.parameters(), lr=1.0)
sched = torch.optim.lr_scheduler.LambdaLR(o, note_multiplier)
for _ in range(4):
    o.step(); sched.step()
out["training-checkpointing-tracking/warmup-multiplier-step-4"] = sched.get_last_lr()[0]

# --- autoencoders ---------------------------------------------------------------------------
q = torch.distributions.Normal(torch.tensor(1.0, dtype=torch.float64), torch.tensor(0.5, dtype=torch.float64))
prior = torch.distributions.Normal(torch.tensor(0.0, dtype=torch.float64), torch.tensor(1.0, dtype=torch.float64))
kl = torch.distributions.kl_divergence(q, prior).item()
assert abs(kl - 0.5 * (1 + 0.25 - math.log(0.25) - 1)) < 1e-12
out["autoencoders/kl-one-dimension"] = kl
enc = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 2 * 4))
out["autoencoders/encoder-parameters"] = n_params(enc)

# --- self-supervised-learning ---------------------------------------------------------------
def info_nce(z1, z2, tau=0.5):
    zz = nn.functional.normalize(torch.cat([z1, z2]), dim=1)
    sim = (zz @ zz.T / tau).fill_diagonal_(float("-inf"))
    n = len(z1)
    return nn.functional.cross_entropy(sim, torch.cat([torch.arange(n, 2 * n), torch.arange(n)]))


const = torch.ones(256, 16, dtype=torch.float64)   # collapsed encoder: every view identical
out["self-supervised-learning/collapsed-infonce"] = info_nce(const, const).item()
assert abs(out["self-supervised-learning/collapsed-infonce"] - math.log(511)) < 1e-9
patches = (224 // 16) ** 2
out["self-supervised-learning/mae-visible-patches"] = patches - int(0.75 * patches)

# --- reinforcement-learning-basics ----------------------------------------------------------
k = 0
while 0.9 ** k > 1e-3:
    k += 1
out["reinforcement-learning-basics/value-iteration-sweeps"] = k
Q_sa, r, gamma, alpha, max_next = 0.5, -0.04, 0.95, 0.1, 0.8
out["reinforcement-learning-basics/q-learning-update"] = Q_sa + alpha * (r + gamma * max_next - Q_sa)
out["reinforcement-learning-basics/constant-reward-return"] = sum(0.95 ** t for t in range(5000))

# --- policy-gradients -----------------------------------------------------------------------
ratio, adv, eps = torch.tensor(1.5), torch.tensor(2.0), 0.2
out["policy-gradients/ppo-clipped-objective"] = torch.min(ratio * adv, ratio.clamp(1 - eps, 1 + eps) * adv).item()
g, togo = 0.0, []
for rew in reversed([-0.01, -0.01, 1.0]):
    g = rew + 0.99 * g
    togo.insert(0, g)
out["policy-gradients/reward-to-go"] = togo[0]

print(json.dumps({key: float(value) for key, value in out.items()}, indent=1, sort_keys=True))
