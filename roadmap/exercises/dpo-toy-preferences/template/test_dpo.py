"""Tests for dpo.py. Run with:  python3 -m pytest -q"""
import copy
import math

import pytest
import torch

import dpo as D

torch.set_num_threads(1)


def _hand_made_policy():
    """Zero logits everywhere except two rows of prompt 1: after BOS token 0 is likely, after 0 token 3 is."""
    policy = D.BigramPolicy(seed=0)
    with torch.no_grad():
        policy.logits.zero_()
        policy.logits[1, D.VOCAB] = torch.tensor([2.0, 0, 0, 0, 0, 0])  # row of the start context (BOS)
        policy.logits[1, 0] = torch.tensor([0, 0, 0, 3.0, 0, 0])  # row after token 0
    return policy


# ----------------------------------------------------------------------------- sequence log-prob
def test_sequence_log_prob_of_a_uniform_policy_counts_only_real_tokens():
    policy = D.BigramPolicy(seed=0)
    with torch.no_grad():
        policy.logits.zero_()
    prompts = torch.tensor([0, 3, 5])
    responses = torch.tensor([[1, 2, 3, 4, 5], [0, 0, 1, 0, 0], [5, 4, 3, 0, 0]])
    mask = torch.tensor([[1.0, 1, 1, 1, 1], [1, 1, 1, 0, 0], [1, 1, 1, 0, 0]])
    got = D.sequence_log_prob(policy, prompts, responses, mask)
    assert got.shape == (3,), "one log-probability per response"
    expected = torch.tensor([5.0, 3.0, 3.0]) * math.log(1 / D.VOCAB)
    assert torch.allclose(got, expected, atol=1e-5), (
        f"got {got.tolist()}, expected {expected.tolist()}: each real token has probability 1/{D.VOCAB} under "
        "zero logits; sum the token log-probs over the real tokens only (the mask zeroes the padding)"
    )


def test_sequence_log_prob_on_hand_made_numbers():
    policy = _hand_made_policy()
    prompts = torch.tensor([1, 1, 1])
    responses = torch.tensor([[0, 3, 0, 0, 0], [0, 3, 5, 5, 5], [3, 0, 3, 0, 0]])
    mask = torch.tensor([[1.0, 1, 0, 0, 0], [1, 1, 0, 0, 0], [1, 1, 1, 0, 0]])
    got = D.sequence_log_prob(policy, prompts, responses, mask)
    first = math.log(math.exp(2) / (math.exp(2) + 5)) + math.log(math.exp(3) / (math.exp(3) + 5))
    third = math.log(1 / (math.exp(2) + 5)) + math.log(1 / 6) + math.log(math.exp(3) / (math.exp(3) + 5))
    assert got[0].item() == pytest.approx(first, abs=1e-5), (
        "log p(0 | BOS) + log p(3 | 0): a log-softmax over the vocabulary, then the entry of the actual token"
    )
    assert got[1].item() == pytest.approx(first, abs=1e-5), "padding tokens (mask 0) must not count"
    assert got[2].item() == pytest.approx(third, abs=1e-5)


def test_sequence_log_prob_keeps_the_graph_of_the_policy():
    policy = D.BigramPolicy(seed=0)
    out = D.sequence_log_prob(policy, torch.tensor([2]), torch.tensor([[1, 2, 3]]), torch.ones(1, 3))
    out.sum().backward()
    assert policy.logits.grad is not None and policy.logits.grad.abs().sum() > 0, "DPO trains through these log-probs"


# ----------------------------------------------------------------------------- reference
def test_make_reference_is_a_frozen_independent_copy():
    policy = D.BigramPolicy(seed=3)
    policy.train()
    reference = D.make_reference(policy)
    assert reference is not policy
    assert torch.equal(reference.logits, policy.logits), "the reference starts equal to the policy"
    assert reference.logits.data_ptr() != policy.logits.data_ptr(), "the reference needs its own copy of the weights"
    assert all(not p.requires_grad for p in reference.parameters()), "freeze the reference: requires_grad off"
    assert not reference.training, "the reference is only ever evaluated: put it in eval mode"
    assert policy.training and policy.logits.requires_grad, "do not freeze the policy itself"
    with torch.no_grad():
        policy.logits.add_(1.0)
    assert not torch.equal(reference.logits, policy.logits), "changing the policy must not change the reference"


# ----------------------------------------------------------------------------- loss
def _loss_by_hand(pw, pl, rw, rl, beta):
    return sum(math.log1p(math.exp(-beta * ((a - c) - (b - d)))) for a, b, c, d in zip(pw, pl, rw, rl)) / len(pw)


def test_dpo_loss_on_hand_made_numbers():
    pw, pl = [-1.0, -4.0, -2.0], [-2.0, -3.0, -2.5]
    rw, rl = [-1.5, -3.5, -3.0], [-1.5, -3.0, -1.0]
    t = [torch.tensor(v) for v in (pw, pl, rw, rl)]
    loss, r_w, r_l = D.dpo_loss(*t, beta=0.5)
    assert loss.dim() == 0, "the loss is a scalar: the mean over the pairs"
    assert loss.item() == pytest.approx(_loss_by_hand(pw, pl, rw, rl, 0.5), rel=1e-5), (
        "loss = mean of -log sigmoid(beta * ((pi_w - ref_w) - (pi_l - ref_l)))"
    )
    assert torch.allclose(r_w, 0.5 * (t[0] - t[2])) and torch.allclose(r_l, 0.5 * (t[1] - t[3])), (
        "chosen_rewards = beta * (pi_w - ref_w), rejected_rewards = beta * (pi_l - ref_l)"
    )


def test_dpo_loss_is_log_2_when_the_policy_equals_the_reference():
    logps = torch.tensor([-3.0, -7.5, -1.25])
    other = torch.tensor([-2.0, -9.0, -4.0])
    loss, r_w, r_l = D.dpo_loss(logps, other, logps.clone(), other.clone(), beta=0.3)
    assert loss.item() == pytest.approx(math.log(2), rel=1e-6), (
        "before training pi = ref, every log-ratio is 0 and the loss is -log sigmoid(0) = log 2, whatever "
        "the log-probs themselves are"
    )
    assert torch.all(r_w == 0) and torch.all(r_l == 0)


@pytest.mark.parametrize("beta", [0.1, 1.0, 5.0])
def test_beta_scales_the_margin(beta):
    pw, pl = torch.tensor([-2.0, -1.0]), torch.tensor([-3.0, -1.5])
    rw, rl = torch.tensor([-2.5, -1.0]), torch.tensor([-2.0, -2.0])
    loss, r_w, r_l = D.dpo_loss(pw, pl, rw, rl, beta=beta)
    assert loss.item() == pytest.approx(_loss_by_hand(pw.tolist(), pl.tolist(), rw.tolist(), rl.tolist(), beta), rel=1e-5), (
        f"with beta = {beta}: beta multiplies the difference of log-ratios inside the sigmoid"
    )
    assert torch.allclose(r_w - r_l, beta * ((pw - rw) - (pl - rl))), "the reward margin is beta times the log-ratio margin"


def test_dpo_loss_is_stable_for_large_margins():
    pw = torch.tensor([-5000.0, 0.0])
    pl = torch.tensor([0.0, -5000.0])
    zero = torch.zeros(2)
    loss, _, _ = D.dpo_loss(pw, pl, zero, zero, beta=1.0)
    assert math.isfinite(loss.item()), "use F.logsigmoid: log(sigmoid(-5000)) is log(0) = -inf in float32"
    assert loss.item() == pytest.approx(2500.0, rel=1e-4), "-log sigmoid(-5000) = 5000 and -log sigmoid(5000) = 0"


def test_dpo_loss_gradient_pushes_chosen_up_and_rejected_down():
    n, beta = 4, 0.2
    pw = torch.full((n,), -2.0, requires_grad=True)
    pl = torch.full((n,), -2.0, requires_grad=True)
    loss, r_w, r_l = D.dpo_loss(pw, pl, torch.full((n,), -2.0), torch.full((n,), -2.0), beta=beta)
    loss.backward()
    # d/dz of -log sigmoid(z) at z = 0 is -1/2; z = beta (pi_w - pi_l + ...), averaged over n pairs.
    assert torch.allclose(pw.grad, torch.full((n,), -beta / 2 / n)), "gradient descent must raise log pi(y_w)"
    assert torch.allclose(pl.grad, torch.full((n,), beta / 2 / n)), "gradient descent must lower log pi(y_l)"
    assert not r_w.requires_grad and not r_l.requires_grad, "detach the rewards: they are for monitoring"


# ----------------------------------------------------------------------------- implicit reward
def test_implicit_reward_is_beta_times_the_log_ratio():
    reference = D.make_reference(D.BigramPolicy(seed=0))
    policy = _hand_made_policy()
    prompts = torch.tensor([1, 1, 4])
    responses = torch.tensor([[0, 3, 0], [3, 3, 3], [1, 2, 0]])
    mask = torch.tensor([[1.0, 1, 0], [1, 1, 1], [1, 1, 1]])
    got = D.implicit_reward(policy, reference, prompts, responses, mask, beta=0.25)
    expected = 0.25 * (
        D.sequence_log_prob(policy, prompts, responses, mask) - D.sequence_log_prob(reference, prompts, responses, mask)
    )
    assert torch.allclose(got, expected.detach(), atol=1e-5), "r(x, y) = beta * (log pi(y|x) - log pi_ref(y|x))"
    assert not got.requires_grad
    fresh = D.make_reference(reference)
    assert torch.all(D.implicit_reward(fresh, reference, prompts, responses, mask, beta=0.25) == 0), (
        "a policy equal to its reference gives every response a reward of 0"
    )


# ----------------------------------------------------------------------------- training
@pytest.fixture(scope="module")
def trained():
    data = D.make_preferences(1000, seed=0)
    policy = D.BigramPolicy(seed=0)
    reference = D.make_reference(policy)
    start = copy.deepcopy(reference.state_dict())
    history = D.train_dpo(policy, reference, data, beta=0.1, steps=150, lr=0.05)
    return data, policy, reference, start, history


def _log_ratio_margin(policy, reference, data):
    return (D.implicit_reward(policy, reference, data.prompts, data.chosen, data.chosen_mask, beta=1.0)
            - D.implicit_reward(policy, reference, data.prompts, data.rejected, data.rejected_mask, beta=1.0)).mean().item()


def test_history_has_one_entry_per_step_measured_before_the_update(trained):
    _, _, _, _, history = trained
    assert set(history) == {"loss", "margin", "accuracy"}
    assert all(len(v) == 150 for v in history.values()), "one entry per step, for each of loss, margin and accuracy"
    assert history["loss"][0] == pytest.approx(math.log(2), rel=1e-5), (
        "the first entry is measured before any update, when the policy still equals the reference: log 2"
    )
    assert history["margin"][0] == pytest.approx(0.0, abs=1e-6) and history["accuracy"][0] == 0.0, (
        "at the start every reward is 0: margin 0, and no pair has chosen > rejected"
    )


def test_training_raises_the_margin(trained):
    _, _, _, _, history = trained
    assert history["loss"][-1] < 0.35, f"final loss {history['loss'][-1]:.3f}"
    assert history["margin"][-1] > 1.0, f"final mean reward margin {history['margin'][-1]:.3f} (beta = 0.1)"
    assert history["accuracy"][-1] >= 0.9, f"only {history['accuracy'][-1]:.3f} of the training pairs are ranked right"


def test_the_reference_stays_frozen(trained):
    _, policy, reference, start, _ = trained
    for name, value in reference.state_dict().items():
        assert torch.equal(value, start[name]), f"the reference's {name} changed during training"
    assert all(p.grad is None for p in reference.parameters()), "no gradient may reach the reference"
    assert not torch.equal(policy.logits, start["logits"]), "the policy must train"


def test_train_dpo_never_backpropagates_into_the_reference():
    """Even with a reference whose parameters still require grad, train_dpo must leave it alone."""
    data = D.make_preferences(100, seed=2)
    policy = D.BigramPolicy(seed=1)
    reference = copy.deepcopy(policy)  # deliberately NOT frozen
    before = reference.logits.detach().clone()
    D.train_dpo(policy, reference, data, beta=0.1, steps=3, lr=0.05)
    assert reference.logits.grad is None, (
        "compute the reference's log-probs under torch.no_grad(): it is a fixed anchor, not a model to train"
    )
    assert torch.equal(reference.logits, before), "only the policy's parameters go to the optimizer"


def test_the_implicit_reward_ranks_held_out_preferences(trained):
    _, policy, reference, _, _ = trained
    held_out = D.make_preferences(500, seed=1)
    acc = D.preference_accuracy(policy, reference, held_out, beta=0.1)
    assert acc >= 0.8, f"held-out preference accuracy {acc:.3f} < 0.8 (chance is 0.5)"


def test_the_implicit_reward_orders_good_neutral_and_bad_responses(trained):
    _, policy, reference, _, _ = trained
    totals = torch.zeros(3)
    for p in range(D.N_PROMPTS):
        good, bad, neutral = p % D.VOCAB, (p + 1) % D.VOCAB, (p + 3) % D.VOCAB
        ys = torch.tensor([[good] * 4, [neutral] * 4, [bad] * 4])
        r = D.implicit_reward(policy, reference, torch.full((3,), p), ys, torch.ones(3, 4), beta=0.1)
        assert r[0] > r[1] and r[0] > r[2], (
            f"prompt {p}: rewards {r.tolist()} for all-good, all-neutral and all-bad responses; DPO's implicit "
            "reward should recover the labeller's taste: the all-good response first"
        )
        totals += r
    assert totals[1] > totals[2] + 1.0, (
        f"summed over the prompts, all-neutral responses get {totals[1]:.2f} and all-bad ones {totals[2]:.2f}: "
        "the bad token should be pushed down"
    )


def test_a_larger_beta_keeps_the_policy_closer_to_the_reference(trained):
    data, policy, reference, _, _ = trained
    strict = D.BigramPolicy(seed=0)
    strict_ref = D.make_reference(strict)
    D.train_dpo(strict, strict_ref, data, beta=2.0, steps=150, lr=0.05)
    loose_margin = _log_ratio_margin(policy, reference, data)
    strict_margin = _log_ratio_margin(strict, strict_ref, data)
    assert strict_margin > 0.5, "with beta = 2 the policy must still learn the preferences"
    assert loose_margin > 2 * strict_margin, (
        f"log-ratio margin {loose_margin:.2f} with beta = 0.1 vs {strict_margin:.2f} with beta = 2: a large beta "
        "saturates the loss after a small move, so the policy stays near the reference (beta plays the role of the "
        "KL penalty's weight)"
    )
