"""Computed answers for the numeric quiz items of roadmap/notes/multimodal-generative/.

Prints one JSON object mapping "<topic-id>/<item-id>" to the computed number; the quiz check
compares every numeric item's answer with it. Token counts come from actually patchifying
tensors, parameter counts from torch modules.
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


def n_patches(img, p):                              # (C, H, W) -> number of p x p patches
    return img.unfold(1, p, p).unfold(2, p, p).shape[1:3].numel()


# --- vision-transformers --------------------------------------------------------------------
t384 = n_patches(torch.zeros(3, 384, 384), 16)
t224 = n_patches(torch.zeros(3, 224, 224), 16)
out["vision-transformers/tokens-at-384"] = t384
out["vision-transformers/attention-cost-ratio"] = (t384 / t224) ** 2
out["vision-transformers/patch-embedding-parameters"] = n_params(nn.Conv2d(3, 768, kernel_size=16, stride=16))
t_p8 = n_patches(torch.zeros(3, 224, 224), 8)
out["vision-transformers/half-patch-attention-factor"] = (t_p8 / t224) ** 2

# --- clip -----------------------------------------------------------------------------------
N = 32768
out["clip/similarity-matrix-entries"] = N * N
logits = torch.zeros(8, 8)                          # an untrained model: all similarities equal
labels = torch.arange(8)
chance = (nn.functional.cross_entropy(logits, labels) + nn.functional.cross_entropy(logits.T, labels)) / 2
assert abs(chance.item() - math.log(8)) < 1e-6
out["clip/chance-loss"] = math.log(N)

# --- diffusion-models -----------------------------------------------------------------------
out["diffusion-models/latent-compression"] = (512 * 512 * 3) / (64 * 64 * 4)
betas = torch.linspace(1e-4, 0.1, 100, dtype=torch.float64)
out["diffusion-models/note-schedule-abar-t"] = torch.cumprod(1 - betas, 0)[-1].item()
abar, x0, eps = 0.64, 2.0, 1.0
out["diffusion-models/one-shot-noising"] = math.sqrt(abar) * x0 + math.sqrt(1 - abar) * eps
e_unc, e_cond, w = 0.2, 0.5, 7.5
out["diffusion-models/cfg-combination"] = e_unc + w * (e_cond - e_unc)

# --- flow-matching --------------------------------------------------------------------------
x_t, t, v_hat = 0.5, 0.25, 2.0
out["flow-matching/predicted-clean-sample"] = x_t + (1 - t) * v_hat
out["flow-matching/predicted-noise"] = x_t - t * v_hat

# --- modern-diffusion -----------------------------------------------------------------------
out["modern-diffusion/cfg-evaluations"] = 28 * 2
latent = torch.zeros(16, 1024 // 8, 1024 // 8)
out["modern-diffusion/dit-tokens"] = n_patches(latent, 2)
steps, rounds = 1024, 0
while steps > 4:
    steps //= 2
    rounds += 1
out["modern-diffusion/progressive-rounds"] = rounds

# --- video-generation -----------------------------------------------------------------------
z = torch.zeros(4, 16, 64, 64)                      # C, T', H', W'
tokens = z.unfold(1, 2, 2).unfold(2, 2, 2).unfold(3, 2, 2).shape[1:4].numel()
out["video-generation/spacetime-tokens"] = tokens
S, F = (36 // 2) * (64 // 2), 16 // 2
out["video-generation/full-over-factorised"] = (S * F) ** 2 / (S * F * (S + F))

# --- audio-speech ---------------------------------------------------------------------------
sr, hop = 16000, 160                                # 10 ms hop at 16 kHz
out["audio-speech/whisper-frames"] = len(range(0, 30 * sr, hop))
out["audio-speech/mel-of-1000-hz"] = 2595 * math.log10(1 + 1000 / 700)
out["audio-speech/musicgen-codes"] = 20 * 50 * 4
K, S_frames = 4, 30 * 50
delayed = np.zeros((K, S_frames + K - 1))
for k in range(K):
    delayed[k, k:k + S_frames] = 1
out["audio-speech/delay-pattern-steps"] = delayed.shape[1]

# --- frontier-vlms-speech -------------------------------------------------------------------
img = torch.zeros(3, 448, 896)
patches = img.unfold(1, 14, 14).unfold(2, 14, 14).shape[1:3]          # 32 x 64 patches of 14 px
out["frontier-vlms-speech/qwen2vl-tokens"] = (patches[0] // 2) * (patches[1] // 2)
out["frontier-vlms-speech/mimi-bitrate"] = 12.5 * 8 * math.log2(2048)
out["frontier-vlms-speech/mimi-frame-ms"] = 1000 / 12.5
out["frontier-vlms-speech/chameleon-image-bits"] = 1024 * math.log2(8192)

# --- unified-multimodal ---------------------------------------------------------------------
out["unified-multimodal/tokens-448"] = n_patches(torch.zeros(3, 448, 448), 14)
projector = nn.Sequential(nn.Linear(1024, 4096, device="meta"), nn.GELU(), nn.Linear(4096, 4096, device="meta"))
out["unified-multimodal/projector-parameters"] = n_params(projector)
out["unified-multimodal/hour-of-video-tokens"] = 60 * 60 * 1 * 64

# --- embodied-vla-world-models -------------------------------------------------------------
chunk = np.zeros((50, 7))
out["embodied-vla-world-models/tokens-per-chunk"] = chunk.size
lo, hi = -0.1, 0.1
levels = lo + np.arange(256) / 255 * (hi - lo)      # the note's detokenize over all 256 ids
out["embodied-vla-world-models/bin-spacing"] = float(np.diff(levels).mean())


def wilson(k, n, z=1.96):
    p = k / n
    d = 1 + z ** 2 / n
    centre, half = (p + z ** 2 / (2 * n)) / d, z * math.sqrt(p * (1 - p) / n + z ** 2 / (4 * n ** 2)) / d
    return centre - half, centre + half


out["embodied-vla-world-models/wilson-lower-bound"] = 100 * wilson(14, 20)[0]

# --- multimodal-demos -----------------------------------------------------------------------
out["multimodal-demos/clipscore-value"] = 2.5 * max(0.32, 0.0)
out["multimodal-demos/rerank-evaluations"] = 4 * 50 * 2

print(json.dumps({key: float(value) for key, value in out.items()}, indent=1, sort_keys=True))
