"""Tests for bpe.py. Run with:  python3 -m pytest -q"""
import sys

import pytest

# From scratch: tokenizer libraries must not be used. Importing any of them now fails.
for _lib in ("tokenizers", "tiktoken", "sentencepiece", "transformers"):
    sys.modules[_lib] = None

import bpe  # noqa: E402
from bpe import CORPUS, BPETokenizer, get_pair_counts, merge_pair, pretokenize  # noqa: E402

HELD_OUT = "A tokenizer splits every new sentence into pieces, and the model reads those pieces one at a time."


@pytest.fixture(scope="module")
def trained():
    return BPETokenizer().train(CORPUS, vocab_size=400)


# ----------------------------------------------------------------------------- pairs and merges
def test_pair_counts_are_weighted_by_word_frequency():
    counts = get_pair_counts({(1, 2, 3): 2, (2, 3): 5, (9,): 4})
    assert dict(counts) == {(1, 2): 2, (2, 3): 7}, "each pair counts once per occurrence, times the word's count"


def test_overlapping_pairs_all_count():
    assert dict(get_pair_counts({(7, 7, 7): 1})) == {(7, 7): 2}


def test_merge_pair():
    assert list(merge_pair([1, 2, 3, 1, 2], (1, 2), 256)) == [256, 3, 256]
    assert list(merge_pair([5, 1, 2], (1, 2), 300)) == [5, 300], "a pair at the very end is merged too"
    assert list(merge_pair([1, 3, 2], (1, 2), 256)) == [1, 3, 2]
    assert list(merge_pair([4], (1, 2), 256)) == [4]


def test_merge_pair_scans_left_to_right_without_overlaps():
    assert list(merge_pair([7, 7, 7], (7, 7), 256)) == [256, 7]
    assert list(merge_pair([7, 7, 7, 7], (7, 7), 256)) == [256, 256]


# ----------------------------------------------------------------------------- training
def test_train_on_the_textbook_example():
    # aaabdaaabac: 'aa' is most frequent (4); then 'Za' and 'ab' tie at 2 and the smaller pair,
    # (97, 98) = 'ab', wins; then 'aa'+'ab' occurs twice; after that every pair occurs once.
    tok = BPETokenizer().train("aaabdaaabac", vocab_size=300)
    assert isinstance(tok, BPETokenizer), "train returns self"
    assert list(tok.merges.items()) == [((97, 97), 256), ((97, 98), 257), ((256, 257), 258)], (
        "merge the most frequent pair; break ties with the smallest pair (a, b); new ids count up from 256; "
        "stop when the best pair occurs only once"
    )
    assert tok.vocab[256] == b"aa" and tok.vocab[257] == b"ab" and tok.vocab[258] == b"aaab"
    assert tok.encode("aaabdaaabac") == [258, 100, 258, 97, 99]


def test_min_frequency_one_merges_until_each_word_is_one_token():
    tok = BPETokenizer().train("aaabdaaabac", vocab_size=300, min_frequency=1)
    assert len(tok.merges) == 7
    assert tok.encode("aaabdaaabac") == [262]


def test_vocab_size_bounds_the_number_of_merges(trained):
    assert len(trained.merges) == 400 - 256
    assert len(trained.vocab) == 400
    assert sorted(trained.merges.values()) == list(range(256, 400))
    assert max(trained.encode(CORPUS)) < 400


def test_training_stops_when_no_pair_repeats():
    tok = BPETokenizer().train(CORPUS, vocab_size=1000)
    assert len(tok.merges) == 202, "with min_frequency=2, stop once the most frequent pair occurs only once"


def test_vocab_entries_are_the_concatenated_bytes(trained):
    for (a, b), new_id in trained.merges.items():
        assert trained.vocab[new_id] == trained.vocab[a] + trained.vocab[b]
    assert all(trained.vocab[i] == bytes([i]) for i in range(256)), "ids 0-255 are the single bytes"


def test_merges_never_cross_chunk_boundaries(trained):
    for new_id in trained.merges.values():
        piece = trained.vocab[new_id]
        if piece.strip():
            assert b" " not in piece[1:] and b"\n" not in piece, (
                f"token {piece!r} spans two words: count pairs inside pretokenize() chunks only"
            )


def test_training_restarts_from_scratch():
    tok = BPETokenizer().train("aaabdaaabac", vocab_size=300)
    tok.train("xyxyxy xyxy", vocab_size=300)
    assert (97, 97) not in tok.merges and min(tok.merges.values()) == 256


# ----------------------------------------------------------------------------- encoding
def test_merges_are_applied_in_rank_order():
    # rank 0: 'b'+'c', rank 1: 'a'+'b'. On "abc" the earlier merge (b, c) must win, even
    # though (a, b) comes first in the text and both tokens are two bytes long.
    tok = BPETokenizer(merges=[(98, 99), (97, 98)])
    assert tok.vocab[256] == b"bc" and tok.vocab[257] == b"ab"
    assert tok.encode("abc") == [97, 256], "apply the lowest-ranked (earliest learnt) merge first"
    assert tok.encode("abab") == [257, 257]


def test_merges_build_on_each_other():
    tok = BPETokenizer(merges=[(97, 98), (256, 99), (98, 99)])
    assert tok.encode("abc") == [257]  # ab first, then (ab, c)
    assert tok.encode("bc") == [258]


def test_encode_never_merges_across_chunks():
    tok = BPETokenizer(merges=[(97, 32)])  # 'a' + ' ': a pair that only exists across two chunks
    assert tok.encode("a b") == [97, 32, 98], "encode each pretokenize() chunk on its own, as in training"


def _reference_encode(tok, text):
    """Replay every merge in training order over each chunk (slow but obviously right)."""
    out = []
    for chunk in pretokenize(text):
        ids = list(chunk.encode("utf-8"))
        for (a, b), new_id in sorted(tok.merges.items(), key=lambda kv: kv[1]):
            merged, i = [], 0
            while i < len(ids):
                if i + 1 < len(ids) and ids[i] == a and ids[i + 1] == b:
                    merged.append(new_id)
                    i += 2
                else:
                    merged.append(ids[i])
                    i += 1
            ids = merged
        out.extend(ids)
    return out


@pytest.mark.parametrize("text", [CORPUS, HELD_OUT, "there, the other, then they"])
def test_encode_agrees_with_replaying_the_merges(trained, text):
    assert trained.encode(text) == _reference_encode(trained, text)


def test_encoding_compresses(trained):
    for text, limit in [(CORPUS, 0.45), (HELD_OUT, 0.45)]:
        ratio = len(trained.encode(text)) / len(text.encode("utf-8"))
        assert ratio < limit, f"{ratio:.2f} tokens per byte; with 144 merges expect fewer than {limit}"


# ----------------------------------------------------------------------------- decoding
@pytest.mark.parametrize(
    "text",
    [CORPUS, HELD_OUT, "héllo wörld 🙂 世界", "", "  multiple   spaces\n\nand\ttabs", "snake_case = 31415;"],
)
def test_round_trip(trained, text):
    assert trained.decode(trained.encode(text)) == text


def test_unseen_characters_fall_back_to_bytes(trained):
    for text in ["🙂", "世界", "Ωμέγα"]:
        ids = trained.encode(text.strip())
        assert ids == list(text.encode("utf-8")), f"{text!r} never occurs in the corpus: it stays as its UTF-8 bytes"


def test_decode_joins_bytes_before_decoding(trained):
    e_acute = list("é".encode("utf-8"))  # two bytes, two tokens
    assert trained.decode(e_acute) == "é", "concatenate all the bytes first, then decode them as UTF-8 once"
    assert trained.decode([0xF0]) == "\ufffd", "an incomplete UTF-8 sequence decodes to U+FFFD (errors='replace')"

