"""A decoder-only Transformer built from scratch in PyTorch (starter code).

The model learns to reverse short digit sequences. A training example is laid out as

    d1 d2 ... dL <sep> dL ... d2 d1

and the network is trained, like a GPT, to predict every next token; only the tokens
after <sep> count in the loss. At test time we feed ``d1 ... dL <sep>`` and decode
greedily, one token at a time.

Do NOT use ``torch.nn.Transformer`` or ``torch.nn.MultiheadAttention``: the point is to
write every piece (attention, heads, positions, masking) by hand. Work through the TODOs
in order; ``python3 -m pytest -q`` tells you which parts already work.
"""
from __future__ import annotations

import math
from typing import Optional, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F

# ---------------------------------------------------------------------------
# Task constants: digits 0..9 plus a separator token.
# ---------------------------------------------------------------------------
NUM_DIGITS = 10
SEP = 10  # separator token id
VOCAB_SIZE = 11
SEQ_LEN = 5  # digits per sequence to reverse


# ---------------------------------------------------------------------------
# 1. Scaled dot-product attention
# ---------------------------------------------------------------------------
def scaled_dot_product_attention(
    q: torch.Tensor,
    k: torch.Tensor,
    v: torch.Tensor,
    mask: Optional[torch.Tensor] = None,
) -> Tuple[torch.Tensor, torch.Tensor]:
    """softmax(q k^T / sqrt(d_k)) v.

    Args:
        q: (..., T_q, d_k) queries.
        k: (..., T_k, d_k) keys.
        v: (..., T_k, d_v) values.
        mask: optional boolean tensor broadcastable to (..., T_q, T_k);
            ``True`` means "may attend", ``False`` means "blocked".

    Returns:
        (output, weights) with shapes (..., T_q, d_v) and (..., T_q, T_k).
    """
    # TODO 1: compute scores = q @ k^T / sqrt(d_k); where mask is False set the score to
    #         -inf (Tensor.masked_fill); softmax over the last dim; return (weights @ v, weights).
    raise NotImplementedError("TODO 1: scaled_dot_product_attention")


# ---------------------------------------------------------------------------
# 2. Causal mask
# ---------------------------------------------------------------------------
def causal_mask(size: int, device: Optional[torch.device] = None) -> torch.Tensor:
    """Boolean (size, size) mask: position i may attend to positions j <= i."""
    # TODO 2: a boolean lower-triangular matrix (torch.tril) of ones.
    raise NotImplementedError("TODO 2: causal_mask")


# ---------------------------------------------------------------------------
# 3. Sinusoidal positional encoding (Vaswani et al., 2017)
# ---------------------------------------------------------------------------
def sinusoidal_positional_encoding(max_len: int, d_model: int) -> torch.Tensor:
    """Return a (max_len, d_model) table with

        PE[pos, 2i]   = sin(pos / 10000^(2i / d_model))
        PE[pos, 2i+1] = cos(pos / 10000^(2i / d_model))
    """
    # TODO 3: build the table. Hint: positions as a (max_len, 1) column times the
    #         frequencies 1 / 10000^(2i/d_model) as a row gives all the angles at once;
    #         fill the even columns with sin, the odd columns with cos.
    raise NotImplementedError("TODO 3: sinusoidal_positional_encoding")


# ---------------------------------------------------------------------------
# 4. Multi-head attention
# ---------------------------------------------------------------------------
class MultiHeadAttention(nn.Module):
    """Multi-head self-attention written out by hand."""

    def __init__(self, d_model: int, n_heads: int):
        super().__init__()
        if d_model % n_heads != 0:
            raise ValueError("d_model must be divisible by n_heads")
        self.d_model = d_model
        self.n_heads = n_heads
        self.d_head = d_model // n_heads
        self.w_q = nn.Linear(d_model, d_model)
        self.w_k = nn.Linear(d_model, d_model)
        self.w_v = nn.Linear(d_model, d_model)
        self.w_o = nn.Linear(d_model, d_model)
        self.last_attention: Optional[torch.Tensor] = None  # (B, H, T, T), for inspection

    def _split_heads(self, x: torch.Tensor) -> torch.Tensor:
        # (B, T, d_model) -> (B, H, T, d_head)
        b, t, _ = x.shape
        return x.view(b, t, self.n_heads, self.d_head).transpose(1, 2)

    def forward(self, x: torch.Tensor, mask: Optional[torch.Tensor] = None) -> torch.Tensor:
        """x: (B, T, d_model); mask: bool, broadcastable to (B, H, T, T)."""
        # TODO 4: project x to q, k, v; split them into heads (self._split_heads);
        #         run scaled_dot_product_attention; store the weights (detached) in
        #         self.last_attention; merge the heads back to (B, T, d_model) and apply w_o.
        raise NotImplementedError("TODO 4: MultiHeadAttention.forward")


# ---------------------------------------------------------------------------
# 5. One pre-LayerNorm decoder block and the full model
# ---------------------------------------------------------------------------
class DecoderBlock(nn.Module):
    """x + Attn(LN(x)), then x + MLP(LN(x))  (the "pre-LN" layout used by GPT-2 and later)."""

    def __init__(self, d_model: int, n_heads: int, d_ff: int):
        super().__init__()
        self.ln1 = nn.LayerNorm(d_model)
        self.attn = MultiHeadAttention(d_model, n_heads)
        self.ln2 = nn.LayerNorm(d_model)
        self.mlp = nn.Sequential(nn.Linear(d_model, d_ff), nn.GELU(), nn.Linear(d_ff, d_model))

    def forward(self, x: torch.Tensor, mask: Optional[torch.Tensor] = None) -> torch.Tensor:
        # TODO 5: two residual sub-layers, each with LayerNorm first (pre-LN):
        #         attention (pass the mask on), then the MLP.
        raise NotImplementedError("TODO 5: DecoderBlock.forward")


class DecoderOnlyTransformer(nn.Module):
    """Token embedding + sinusoidal positions + N causal blocks + a linear head."""

    def __init__(
        self,
        vocab_size: int = VOCAB_SIZE,
        d_model: int = 32,
        n_heads: int = 4,
        n_layers: int = 2,
        d_ff: int = 64,
        max_len: int = 64,
    ):
        super().__init__()
        self.d_model = d_model
        self.embed = nn.Embedding(vocab_size, d_model)
        # A buffer moves with .to(device) and is saved in state_dict, but is not trained.
        self.register_buffer("pos_enc", sinusoidal_positional_encoding(max_len, d_model))
        self.blocks = nn.ModuleList(DecoderBlock(d_model, n_heads, d_ff) for _ in range(n_layers))
        self.ln_f = nn.LayerNorm(d_model)
        self.head = nn.Linear(d_model, vocab_size)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        """tokens: (B, T) int64 -> logits (B, T, vocab_size)."""
        # TODO 6: embed the tokens (scale by sqrt(d_model)), add self.pos_enc[:T], build a
        #         causal mask, run every block, then the final LayerNorm and the head.
        raise NotImplementedError("TODO 6: DecoderOnlyTransformer.forward")


# ---------------------------------------------------------------------------
# 6. Data, training and greedy decoding
# ---------------------------------------------------------------------------
def make_reverse_batch(
    batch_size: int, seq_len: int = SEQ_LEN, generator: Optional[torch.Generator] = None
) -> torch.Tensor:
    """Random full sequences ``src <sep> reversed(src)`` of shape (B, 2*seq_len + 1)."""
    src = torch.randint(0, NUM_DIGITS, (batch_size, seq_len), generator=generator)
    sep = torch.full((batch_size, 1), SEP, dtype=torch.long)
    return torch.cat([src, sep, src.flip(1)], dim=1)


def train_reverser(
    steps: int = 500,
    batch_size: int = 64,
    seq_len: int = SEQ_LEN,
    lr: float = 3e-3,
    seed: int = 0,
) -> Tuple[DecoderOnlyTransformer, list]:
    """Train a small model to reverse digit sequences; return (model, loss history)."""
    torch.manual_seed(seed)
    gen = torch.Generator().manual_seed(seed)
    model = DecoderOnlyTransformer(max_len=2 * seq_len + 1)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    losses = []
    model.train()
    for _ in range(steps):
        seq = make_reverse_batch(batch_size, seq_len, gen)
        inputs, targets = seq[:, :-1], seq[:, 1:]
        logits = model(inputs)
        # Position seq_len holds <sep>; from there on the model predicts the reversed digits.
        answer_logits = logits[:, seq_len:]
        answer_targets = targets[:, seq_len:]
        loss = F.cross_entropy(answer_logits.reshape(-1, VOCAB_SIZE), answer_targets.reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    model.eval()
    return model, losses


@torch.no_grad()
def greedy_decode(model: nn.Module, src: torch.Tensor) -> torch.Tensor:
    """Given src digits (B, L), return the model's greedy answer (B, L)."""
    # TODO 7: start from src followed by a SEP column; seq_len times, run the model,
    #         take the argmax of the LAST position's logits and append it.
    #         Return only the generated part (B, L).
    raise NotImplementedError("TODO 7: greedy_decode")


def sequence_accuracy(model: nn.Module, n: int = 500, seq_len: int = SEQ_LEN, seed: int = 123) -> float:
    """Fraction of random sequences reversed exactly (every digit right)."""
    gen = torch.Generator().manual_seed(seed)
    src = torch.randint(0, NUM_DIGITS, (n, seq_len), generator=gen)
    pred = greedy_decode(model, src)
    return (pred == src.flip(1)).all(dim=1).float().mean().item()


if __name__ == "__main__":
    torch.set_num_threads(1)
    model, losses = train_reverser()
    print(f"final loss {losses[-1]:.4f}, exact-match accuracy {sequence_accuracy(model):.3f}")
