"""Computed answers for the numeric quiz items of roadmap/notes/foundation-models/.

Prints one JSON object mapping "<topic-id>/<item-id>" to the number each item expects;
scripts/check-quiz-answers.mjs compares it with the `answer` in the quiz files.
"""
import json
import math

import numpy as np

A = {}


def neg_logsigmoid(x):
    """-log(sigmoid(x)) = log(1 + e^-x), the DPO loss for margin x."""
    return math.log1p(math.exp(-x))


# bert: positions that enter the MLM loss yet are left unchanged in the input (15% x 10%).
A["bert/mlm-unchanged-count"] = 10_000 * 0.15 * 0.10

# data-for-llms: LSH threshold (1/b)^(1/r), candidate probability, Jaccard of shingle sets.
A["data-for-llms/lsh-threshold"] = (1 / 20) ** (1 / 5)
A["data-for-llms/lsh-candidate-probability"] = 1 - (1 - 0.5 ** 5) ** 20
A["data-for-llms/jaccard-shingles"] = 80 / (100 + 100 - 80)

# decoding-sampling: temperature softmax, OpenAI-style penalties, top-p set size.
z = np.array([2.0, 1.0, 0.0]) / 0.5
p = np.exp(z - z.max()); p /= p.sum()
A["decoding-sampling/temperature-top-prob"] = float(p[0])
A["decoding-sampling/openai-penalty"] = 3.0 - 0.5 * 2 - 0.5 * (2 > 0)
probs = np.array([0.40, 0.25, 0.15, 0.08, 0.05, 0.03, 0.02, 0.02])
A["decoding-sampling/top-p-count"] = int(np.searchsorted(np.cumsum(probs), 0.9 - 1e-12) + 1)

# distributed-training
A["distributed-training/bubble-micro-batches"] = next(m for m in range(1, 10_000) if (8 - 1) / (m + 8 - 1) < 0.1)
A["distributed-training/ring-allreduce-gb"] = 2 * (8 - 1) / 8 * (1e9 * 2) / 1e9
A["distributed-training/data-parallel-degree"] = 1024 / (8 * 16)
A["distributed-training/global-batch"] = 4 * 8 * 64

# gpt-series
A["gpt-series/chinchilla-7b"] = 7e9 * 20 / 1e9
A["gpt-series/unmasked-pairs"] = int(np.tril(np.ones((8, 8))).sum())
labels = np.arange(10)[1:].copy()            # position t predicts token t+1
labels[: 4 - 1] = -100                         # targets that are still prompt
A["gpt-series/sft-target-positions"] = int((labels != -100).sum())

# huggingface-fine-tuning
A["huggingface-fine-tuning/full-ft-1-5b"] = 16 * 1.5e9 / 1e9
A["huggingface-fine-tuning/effective-batch"] = 4 * 8 * 2
A["huggingface-fine-tuning/qlora-memory"] = (0.5 * 8e9 + 16 * 40e6) / 1e9

# llm-serving
per_token = 2 * 80 * 8 * 128 * 2
A["llm-serving/kv-cache-gib"] = per_token * 32 * 4096 / 2 ** 30
A["llm-serving/e2e-latency"] = 0.5 + 0.020 * (300 - 1)
A["llm-serving/paged-waste"] = math.ceil(1000 / 16) * 16 - 1000

# long-context
A["long-context/pi-position"] = 20_000 / (32768 / 4096)
A["long-context/ntk-base"] = 10_000 * 4 ** (128 / 126)
A["long-context/yarn-logit-scale"] = (0.1 * math.log(16) + 1) ** 2
A["long-context/sliding-window-reach"] = 32 * 4096
theta = 10_000.0 ** (-np.arange(0, 128, 2) / 128)
A["long-context/slow-pairs"] = int((2 * np.pi / theta > 4096).sum())

# mixture-of-experts
A["mixture-of-experts/expert-fraction"] = 4 / 64
A["mixture-of-experts/active-params"] = 2 + 2 * 6
f = np.array([0.4, 0.3, 0.2, 0.1]); P = np.array([0.35, 0.3, 0.2, 0.15])
A["mixture-of-experts/switch-aux-loss"] = float(0.01 * 4 * (f * P).sum())

# open-training-recipes
C = 6 * 37e9 * 14.8e12
A["open-training-recipes/deepseek-v3-flops"] = C / 1e24
A["open-training-recipes/sustained-tflops"] = C / (2.788e6 * 3600) / 1e12
warm, T, lr_max, lr_min, t = 100, 1000, 3e-4, 3e-5, 550
A["open-training-recipes/cosine-midpoint"] = lr_min + 0.5 * (lr_max - lr_min) * (1 + math.cos(math.pi * (t - warm) / (T - warm)))

# peft-lora
A["peft-lora/rank16-params"] = 16 * (4096 + 11008)
A["peft-lora/qv-adapter-params"] = 32 * 2 * 8 * (4096 + 4096)
A["peft-lora/rslora-factor"] = (16 / math.sqrt(64)) / (16 / 64)

# preference-optimization
beta = 0.1
h = (-60.0 - -63.0) - (-30.0 - -29.0)
A["preference-optimization/dpo-loss"] = neg_logsigmoid(beta * h)
A["preference-optimization/ipo-target"] = 1 / (2 * 0.25)
r = np.array([1.0, 0.0, 0.0, 0.0])
A["preference-optimization/grpo-advantage"] = float((r[0] - r.mean()) / r.std(ddof=0))

# quantization
A["quantization/int8-worst-error"] = (4.0 / 127) / 2
A["quantization/int4-group-memory"] = 70e9 * (4 + 16 / 128) / 8 / 1e9
A["quantization/outlier-zero-threshold"] = (2.0 / 7) / 2

# qwen-deepseek
A["qwen-deepseek/kv-reduction"] = 64 / 8
A["qwen-deepseek/gqa-cache-gb"] = 2 * 32 * 8 * 128 * 32768 * 1 * 2 / 1e9
A["qwen-deepseek/dense-vs-moe-compute"] = 671 / 37
A["qwen-deepseek/byte-tokens"] = len(("语言模型" * 25).encode("utf-8"))

# reasoning-test-time-compute
A["reasoning-test-time-compute/pass-at-5"] = 1 - math.comb(10 - 3, 5) / math.comb(10, 5)
A["reasoning-test-time-compute/majority-of-3"] = sum(math.comb(3, j) * 0.6 ** j * 0.4 ** (3 - j) for j in (2, 3))

# rlhf
lw, ll, rw, rl = -12.0, -15.0, -13.0, -14.0
A["rlhf/dpo-loss"] = neg_logsigmoid(0.1 * ((lw - rw) - (ll - rl)))
A["rlhf/bradley-terry"] = 1 / (1 + math.exp(-(1.5 - 0.5)))
rg = np.array([1.0, 0.0, 0.0, 1.0, 0.0, 0.0])
A["rlhf/grpo-advantage"] = float((rg[0] - rg.mean()) / rg.std(ddof=1))   # torch.std default

# state-space-models
dt, a = 0.5, -1.0
Ab = math.exp(dt * a)
Bb = (1 / (dt * a)) * (math.exp(dt * a) - 1) * dt * 1.0
A["state-space-models/kernel-entry"] = 1.0 * Ab ** 2 * Bb
A["state-space-models/hybrid-kv-fraction"] = 1 / 8
A["state-space-models/scan-rounds"] = math.ceil(math.log2(1024))

# zero-fsdp-low-precision
A["zero-fsdp-low-precision/zero3-70b"] = 16 * 70e9 / 256 / 1e9
A["zero-fsdp-low-precision/zero2-7-5b"] = (2 * 7.5e9 + 14 * 7.5e9 / 64) / 1e9
A["zero-fsdp-low-precision/bf16-spacing"] = 2.0 ** -7                 # 7 explicit mantissa bits

print(json.dumps(A))
