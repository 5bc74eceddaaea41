"""Computed answers for the numeric quiz items of roadmap/notes/cnn-rnn-transformer/.

Prints one JSON object mapping "<topic-id>/<item-id>" to the computed number; the quiz check
compares every numeric item's answer with it. Shapes and parameter counts come from torch
modules, not from the formulas the items teach.
"""
import json
import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
out = {}


def n_params(module):
    return sum(p.numel() for p in module.parameters())


# --- convolutional-networks -----------------------------------------------------------------
x = torch.zeros(1, 1, 32, 32)
y = F.max_pool2d(nn.Conv2d(1, 1, 5, stride=1, padding=0)(x), 2, 2)
out["convolutional-networks/conv-then-pool-size"] = y.shape[-1]
out["convolutional-networks/conv-3x3-64-128-parameters"] = n_params(nn.Conv2d(64, 128, 3))
stem = nn.Conv2d(3, 64, 7, stride=2, padding=3)
out["convolutional-networks/strided-stem-size"] = stem(torch.zeros(1, 3, 224, 224)).shape[-1]

# receptive field of 3x3 s1 -> 3x3 s2 -> 3x3 s1: measured by which inputs get a gradient
stack = nn.Sequential(nn.Conv2d(1, 1, 3, 1, 1), nn.Conv2d(1, 1, 3, 2, 1), nn.Conv2d(1, 1, 3, 1, 1))
for m in stack:
    nn.init.constant_(m.weight, 1.0)
inp = torch.zeros(1, 1, 41, 41, requires_grad=True)
res = stack(inp)
c = res.shape[-1] // 2
res[0, 0, c, c].backward()
rows = (inp.grad[0, 0].abs().sum(1) > 0).nonzero().flatten()
rf = (rows.max() - rows.min() + 1).item()
r, jump = 1, 1
for k, s in [(3, 1), (3, 2), (3, 1)]:
    r, jump = r + (k - 1) * jump, jump * s
assert rf == r
out["convolutional-networks/receptive-field"] = rf


# --- resnet-image-classification ------------------------------------------------------------
class BasicBlock(nn.Module):                       # the note's block
    def __init__(self, c_in, c_out, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(c_in, c_out, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(c_out)
        self.conv2 = nn.Conv2d(c_out, c_out, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(c_out)
        self.shortcut = nn.Identity()
        if stride != 1 or c_in != c_out:
            self.shortcut = nn.Sequential(nn.Conv2d(c_in, c_out, 1, stride, bias=False),
                                          nn.BatchNorm2d(c_out))

    def forward(self, x):
        o = F.relu(self.bn1(self.conv1(x)))
        o = self.bn2(self.conv2(o))
        return F.relu(o + self.shortcut(x))


def resnet_cifar(n=3, num_classes=10):
    layers = [nn.Conv2d(3, 16, 3, 1, 1, bias=False), nn.BatchNorm2d(16), nn.ReLU()]
    c_in = 16
    for c_out, stride in [(16, 1), (32, 2), (64, 2)]:
        for i in range(n):
            layers.append(BasicBlock(c_in, c_out, stride if i == 0 else 1))
            c_in = c_out
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, num_classes)]
    return nn.Sequential(*layers)


r20 = resnet_cifar(3)
out["resnet-image-classification/resnet20-parameters"] = n_params(r20)
out["resnet-image-classification/basic-block-parameters"] = n_params(BasicBlock(64, 64))
feat = r20[:-3](torch.zeros(1, 3, 32, 32))        # before pooling
assert feat.shape == (1, 64, 8, 8)
convs = sum(isinstance(m, nn.Conv2d) and m.kernel_size == (3, 3) for m in resnet_cifar(9).modules())
out["resnet-image-classification/depth-n9"] = convs + 1      # 3x3 convs on the main path + the FC

# --- transfer-learning-modern-cnns ----------------------------------------------------------
def macs(conv, hw):                                 # multiply-adds of a conv on an hw x hw map (stride 1, same)
    k = conv.kernel_size[0]
    return k * k * (conv.in_channels // conv.groups) * conv.out_channels * hw * hw


std = nn.Conv2d(256, 256, 3, padding=1, bias=False)
dw = nn.Conv2d(256, 256, 3, padding=1, groups=256, bias=False)
pw = nn.Conv2d(256, 256, 1, bias=False)
frac = (macs(dw, 14) + macs(pw, 14)) / macs(std, 14)
assert abs(frac - (1 / 256 + 1 / 9)) < 1e-12
out["transfer-learning-modern-cnns/separable-compute-fraction"] = frac
sep = nn.Sequential(nn.Conv2d(64, 64, 3, padding=1, groups=64, bias=False), nn.Conv2d(64, 128, 1, bias=False))
out["transfer-learning-modern-cnns/separable-parameters"] = n_params(sep)
alpha, beta, gamma = 1.2, 1.1, 1.15
out["transfer-learning-modern-cnns/efficientnet-flops-factor"] = (alpha * beta ** 2 * gamma ** 2) ** 3

# --- object-detection -----------------------------------------------------------------------
def iou(a, b):
    iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    area = lambda z: (z[2] - z[0]) * (z[3] - z[1])
    return inter / (area(a) + area(b) - inter)


out["object-detection/half-overlap-iou"] = iou((0, 0, 2, 1), (1, 0, 3, 1))   # each box half covered
p_t = torch.tensor(0.9)
ce = -torch.log(p_t)
fl = -(1 - p_t) ** 2 * torch.log(p_t)
out["object-detection/focal-weight"] = round((fl / ce).item(), 6)
out["object-detection/box-width-target"] = math.log(200 / 100)
out["object-detection/rpn-anchor-count"] = 40 * 60 * 3 * 3

# --- image-segmentation ---------------------------------------------------------------------
pred = np.zeros(100); tgt = np.zeros(100)
tgt[0:40] = 1; pred[10:50] = 1                           # inter 30, union 50
inter, union = (pred * tgt).sum(), ((pred + tgt) > 0).sum()
assert inter / union == 0.6
out["image-segmentation/dice-from-iou"] = 2 * inter / (pred.sum() + tgt.sum())
p = torch.tensor([1.0, 0.5, 0.0]); g = torch.tensor([1.0, 1.0, 0.0])
out["image-segmentation/soft-dice-loss"] = (1 - 2 * (p * g).sum() / (p.sum() + g.sum())).item()
tp_ious, n_fp, n_fn = [0.8, 0.6], 1, 1
out["image-segmentation/panoptic-quality"] = sum(tp_ious) / (len(tp_ious) + 0.5 * n_fp + 0.5 * n_fn)

# --- rnn-lstm -------------------------------------------------------------------------------
out["rnn-lstm/lstm-parameters"] = n_params(nn.LSTM(128, 256))
out["rnn-lstm/gradient-bound-50-steps"] = 0.9 ** 50

# --- word-embeddings ------------------------------------------------------------------------
counts = np.array([1e6, 1e2])
w = counts ** 0.75
out["word-embeddings/noise-ratio"] = w[0] / w[1]
out["word-embeddings/pmi-value"] = math.log(0.01 / (0.05 * 0.1))
out["word-embeddings/shifted-pmi"] = 2.0 - math.log(5)

# --- subword-tokenization -------------------------------------------------------------------
out["subword-tokenization/utf8-bytes"] = len("naïve".encode("utf-8"))
V, d = 128000, 4096
emb = nn.Embedding(V, d, device="meta")                 # meta: shapes only, no memory
unemb = nn.Linear(d, V, bias=False, device="meta")     # untied output projection
out["subword-tokenization/untied-vocab-parameters"] = n_params(emb) + n_params(unemb)
del emb, unemb

# --- attention-mechanism --------------------------------------------------------------------
out["attention-mechanism/score-matrix-growth"] = (4096 / 1024) ** 2
q, k = torch.randn(2, 20000, 64).unbind(0)
emp = (q * k).sum(1).std().item()
assert abs(emp - 8) < 0.3
out["attention-mechanism/unscaled-score-std"] = math.sqrt(64)
out["attention-mechanism/score-matrix-mib"] = 4096 * 4096 * torch.finfo(torch.float16).bits / 8 / 2 ** 20

# --- transformer-architecture ---------------------------------------------------------------
out["transformer-architecture/mha-parameters"] = n_params(nn.MultiheadAttention(512, 8))
out["transformer-architecture/encoder-layer-parameters"] = n_params(nn.TransformerEncoderLayer(512, 8, 2048))

# --- attention-is-all-you-need --------------------------------------------------------------
def lrate(step, d_model=512, warmup=4000):
    step = max(step, 1)
    return d_model ** -0.5 * min(step ** -0.5, step * warmup ** -1.5)


steps = np.arange(1, 20001)
lrs = np.array([lrate(s) for s in steps])
out["attention-is-all-you-need/peak-learning-rate"] = lrs.max()
assert steps[lrs.argmax()] == 4000
out["attention-is-all-you-need/lr-at-16000"] = lrate(16000)
n_tok, d_model = 50, 512
out["attention-is-all-you-need/recurrent-over-attention-cost"] = (n_tok * d_model ** 2) / (n_tok ** 2 * d_model)
core = nn.Transformer(d_model=512, nhead=8, num_encoder_layers=6, num_decoder_layers=6, dim_feedforward=2048, device="meta")
out["attention-is-all-you-need/base-layer-parameters-millions"] = n_params(core) / 1e6

print(json.dumps({key: float(value) for key, value in out.items()}, indent=1, sort_keys=True))
