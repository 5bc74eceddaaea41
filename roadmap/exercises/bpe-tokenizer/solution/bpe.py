"""Byte-pair encoding (BPE) from scratch (reference solution).

Base vocabulary:  the 256 byte values, so every string can be encoded (byte-level fallback)
Training:         count adjacent pairs inside pre-tokenised chunks, merge the most frequent
                  pair into a new token, repeat until the vocabulary is full
Encoding:         split into chunks, then apply the learnt merges in rank order
Decoding:         concatenate the tokens' bytes, then decode the bytes as UTF-8

Run this file to train on the small corpus below and see how text is split:

    python3 bpe.py
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

Pair = Tuple[int, int]

# ---------------------------------------------------------------------------
# Given: a small training corpus and the pre-tokeniser.
# ---------------------------------------------------------------------------
CORPUS = """\
Once upon a time there was a little tokenizer that lived inside a language model. Every morning
the tokenizer read the text that people typed, and every morning it cut the text into pieces.
The pieces were not letters and they were not whole words: they were something in between.
Common words such as the, and, there and that became a single piece, while a rare word was
split into two or three smaller pieces that the model had seen many times before.

The tokenizer had learnt its pieces from a corpus. It started with the two hundred and
fifty-six bytes, because every text, in every language, is a sequence of bytes. Then it counted
which two neighbouring pieces appeared together most often, glued them into a new piece, and
wrote the new piece at the end of its list of merges. It counted again, merged again, and kept
going until the list was as long as it wanted. The first merges joined letters that are often
together, like t and h, or e and r. Later merges joined those pieces into the, there and other.

When a new sentence arrived, the tokenizer split it into words, turned every word into bytes,
and replayed its merges, always the earliest merge first. Nothing could ever be unknown: a word
it had never seen, a name, a number such as 2024 or 31415, or a smiling face, simply stayed as
smaller pieces, in the worst case as single bytes. And because every piece was only a string of
bytes, the tokenizer could always glue the pieces back together and get the original text.

The language model liked short sequences, because attention costs grow with the square of the
length. So the tokenizer was proud of every merge that made the sequences shorter. But it also
knew that a vocabulary that is too large wastes memory in the embedding table, and that pieces
seen only once teach the model nothing. So it stopped merging when a pair was seen only once.
"""


# One chunk per word (with its leading space), number, run of punctuation or run of spaces.
# Merges are learnt and applied inside chunks only, so no token spans two words.
CHUNK_PATTERN = re.compile(r" ?[^\W\d_]+| ?\d+| ?[^\w\s]+| ?_+|\s+(?!\S)|\s+")


def pretokenize(text: str) -> List[str]:
    """Split ``text`` into chunks; ``"".join(pretokenize(text)) == text``."""
    return CHUNK_PATTERN.findall(text)


# ---------------------------------------------------------------------------
# 1. Counting pairs
# ---------------------------------------------------------------------------
def get_pair_counts(words: Dict[Tuple[int, ...], int]) -> Dict[Pair, int]:
    """How often each adjacent pair of ids occurs, over all words, each word weighted by its
    count. Overlapping occurrences all count: ``(7, 7, 7)`` contains ``(7, 7)`` twice."""
    counts: Counter = Counter()
    for word, freq in words.items():
        for pair in zip(word, word[1:]):
            counts[pair] += freq
    return dict(counts)


# ---------------------------------------------------------------------------
# 2. Merging one pair
# ---------------------------------------------------------------------------
def merge_pair(ids: Sequence[int], pair: Pair, new_id: int) -> List[int]:
    """Replace every occurrence of ``pair`` in ``ids`` by ``new_id``, scanning left to right
    without overlaps: merging ``(7, 7)`` in ``[7, 7, 7]`` gives ``[new_id, 7]``."""
    out: List[int] = []
    i = 0
    while i < len(ids):
        if i + 1 < len(ids) and ids[i] == pair[0] and ids[i + 1] == pair[1]:
            out.append(new_id)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


# ---------------------------------------------------------------------------
# 3. The tokenizer
# ---------------------------------------------------------------------------
class BPETokenizer:
    """A byte-level BPE tokenizer.

    ``merges`` maps each learnt pair to its new id; the ids are 256, 257, ... in the order the
    merges were learnt, which is also their rank (lower = applied first). ``vocab`` maps every
    id to its bytes: ids 0-255 are the single bytes, id 256 + r is the concatenation of the
    two tokens of merge r.
    """

    def __init__(self, merges: Optional[Iterable[Pair]] = None) -> None:
        self.merges: Dict[Pair, int] = {}
        self.vocab: Dict[int, bytes] = {i: bytes([i]) for i in range(256)}
        for pair in merges or []:
            self._add_merge(tuple(pair))

    def _add_merge(self, pair: Pair) -> int:
        """Register ``pair`` as the next merge and return its new id."""
        new_id = 256 + len(self.merges)
        self.merges[pair] = new_id
        self.vocab[new_id] = self.vocab[pair[0]] + self.vocab[pair[1]]
        return new_id

    def train(self, text: str, vocab_size: int, min_frequency: int = 2) -> "BPETokenizer":
        """Learn up to ``vocab_size - 256`` merges from ``text``; return ``self``.

        Each step merges the most frequent pair; ties go to the smallest pair ``(a, b)``.
        Training stops early when the best pair occurs fewer than ``min_frequency`` times.
        """
        if vocab_size < 256:
            raise ValueError("vocab_size must be at least 256 (the byte alphabet)")
        self.__init__()  # forget any earlier training
        words = Counter(tuple(chunk.encode("utf-8")) for chunk in pretokenize(text))
        while len(self.vocab) < vocab_size:
            counts = get_pair_counts(words)
            if not counts:
                break
            pair = min(counts, key=lambda p: (-counts[p], p))
            if counts[pair] < min_frequency:
                break
            new_id = self._add_merge(pair)
            merged: Counter = Counter()
            for word, freq in words.items():
                merged[tuple(merge_pair(word, pair, new_id))] += freq
            words = merged
        return self

    def _encode_chunk(self, chunk: str) -> List[int]:
        """The ids of one chunk: its UTF-8 bytes with the learnt merges applied."""
        ids = list(chunk.encode("utf-8"))
        while len(ids) >= 2:
            # the pair present in this chunk that was learnt first
            pair = min(zip(ids, ids[1:]), key=lambda p: self.merges.get(p, float("inf")))
            if pair not in self.merges:
                break
            ids = merge_pair(ids, pair, self.merges[pair])
        return ids

    def encode(self, text: str) -> List[int]:
        """Token ids for ``text``: chunk it, turn each chunk into bytes, apply the merges."""
        ids: List[int] = []
        for chunk in pretokenize(text):
            ids.extend(self._encode_chunk(chunk))
        return ids

    def decode(self, ids: Iterable[int]) -> str:
        """The text for ``ids``. Bytes that are not valid UTF-8 become U+FFFD."""
        data = b"".join(self.vocab[i] for i in ids)
        return data.decode("utf-8", errors="replace")


if __name__ == "__main__":
    tok = BPETokenizer().train(CORPUS, vocab_size=400)
    print(f"{len(tok.merges)} merges; the first ten: {[tok.vocab[i] for i in range(256, 266)]}")
    sample = "The tokenizer replayed its merges on a new sentence 🙂."
    ids = tok.encode(sample)
    print(f"{len(sample.encode('utf-8'))} bytes -> {len(ids)} tokens")
    print([tok.decode([i]) for i in ids])
    assert tok.decode(ids) == sample
