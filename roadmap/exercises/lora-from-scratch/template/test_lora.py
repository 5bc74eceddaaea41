"""Tests for lora.py. Run with:  python3 -m pytest -q"""
import copy

import pytest
import torch
import torch.nn as nn

import lora as L

torch.set_num_threads(1)


def small_model(seed=0):
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(12, 20), nn.ReLU(), nn.Linear(20, 8), nn.ReLU(), nn.Linear(8, 3))


class Block(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.norm = nn.LayerNorm(d)  # a trainable non-Linear parameter that must be frozen too
        self.fc = nn.Linear(d, d)
        self.fc_out = nn.Linear(d, d)  # "fc" is a substring of "fc_out"

    def forward(self, x):
        return x + self.fc_out(torch.relu(self.fc(self.norm(x))))


class NestedModel(nn.Module):
    """Linear layers at several depths: embed, blocks.0.fc, blocks.0.fc_out, ..., head."""

    def __init__(self, seed=0):
        super().__init__()
        torch.manual_seed(seed)
        self.embed = nn.Linear(12, 16)
        self.blocks = nn.ModuleList([Block(16), Block(16)])
        self.head = nn.Linear(16, 3)

    def forward(self, x):
        x = self.embed(x)
        for block in self.blocks:
            x = block(x)
        return self.head(x)


NESTED_LINEARS = ["embed", "blocks.0.fc", "blocks.0.fc_out", "blocks.1.fc", "blocks.1.fc_out", "head"]


# ---------------------------------------------------------------------------
# LoRALinear
# ---------------------------------------------------------------------------
def test_lora_linear_shapes_and_init():
    torch.manual_seed(0)
    base = nn.Linear(10, 6)
    layer = L.LoRALinear(base, r=3, alpha=12.0)
    assert layer.lora_A.shape == (3, 10)
    assert layer.lora_B.shape == (6, 3)
    assert torch.all(layer.lora_B == 0), "B must start at zero"
    assert layer.lora_A.abs().sum() > 0, "A must be randomly initialised (not zero)"
    assert layer.scaling == pytest.approx(12.0 / 3)


def test_output_equals_base_at_init():
    torch.manual_seed(1)
    base = nn.Linear(10, 6)
    layer = L.LoRALinear(copy.deepcopy(base), r=4, alpha=8.0)
    x = torch.randn(5, 10)
    assert torch.allclose(layer(x), base(x), atol=1e-6), "with B = 0 the adapter must add nothing"


def test_forward_matches_formula():
    torch.manual_seed(2)
    base = nn.Linear(7, 5)
    layer = L.LoRALinear(base, r=2, alpha=6.0)
    with torch.no_grad():
        layer.lora_B.normal_()
    x = torch.randn(4, 7)
    W, b = base.weight, base.bias
    expected = x @ W.T + b + (6.0 / 2) * x @ (layer.lora_B @ layer.lora_A).T
    assert torch.allclose(layer(x), expected, atol=1e-5)


def test_base_is_frozen_and_only_adapters_get_gradients():
    torch.manual_seed(3)
    layer = L.LoRALinear(nn.Linear(6, 4), r=2)
    with torch.no_grad():
        layer.lora_B.normal_()
    assert not layer.base.weight.requires_grad and not layer.base.bias.requires_grad
    layer(torch.randn(3, 6)).pow(2).sum().backward()
    assert layer.base.weight.grad is None
    assert layer.lora_A.grad is not None and layer.lora_B.grad is not None


def test_B_gets_a_gradient_on_the_first_step():
    """Why A must not start at zero: with B = 0, dL/dB = (dL/dy) (A x)^T, which needs A != 0."""
    torch.manual_seed(6)
    layer = L.LoRALinear(nn.Linear(6, 4), r=2)
    layer(torch.randn(5, 6)).pow(2).sum().backward()
    assert layer.lora_B.grad is not None and layer.lora_B.grad.abs().sum() > 0, (
        "at initialisation B must receive a non-zero gradient, otherwise the adapter never starts learning"
    )


def test_invalid_rank_rejected():
    with pytest.raises(ValueError):
        L.LoRALinear(nn.Linear(4, 4), r=0)


# ---------------------------------------------------------------------------
# inject_lora, parameter counts, merging
# ---------------------------------------------------------------------------
def test_inject_wraps_every_linear_and_keeps_outputs():
    model = small_model()
    reference = copy.deepcopy(model)
    names = L.inject_lora(model, r=2, alpha=4.0)
    assert names == ["0", "2", "4"]
    assert sum(isinstance(m, L.LoRALinear) for m in model.modules()) == 3
    x = torch.randn(9, 12)
    assert torch.allclose(model(x), reference(x), atol=1e-6)


def test_only_A_and_B_require_grad():
    model = small_model()
    L.inject_lora(model, r=2)
    trainable = [n for n, p in model.named_parameters() if p.requires_grad]
    assert trainable, "the adapters must be trainable"
    assert all(n.endswith("lora_A") or n.endswith("lora_B") for n in trainable), trainable
    assert len(trainable) == 6


def test_trainable_parameter_count_formula():
    model = small_model()
    assert L.count_trainable_parameters(model) == sum(p.numel() for p in model.parameters())
    L.inject_lora(model, r=3)
    shapes = [(12, 20), (20, 8), (8, 3)]
    expected = 3 * (12 + 20) + 3 * (20 + 8) + 3 * (8 + 3)
    assert L.lora_parameter_count(shapes, r=3) == expected
    assert L.count_trainable_parameters(model) == expected


def test_inject_only_targets():
    model = small_model()
    names = L.inject_lora(model, r=2, target_modules=["2"])
    assert names == ["2"]
    assert isinstance(model[2], L.LoRALinear)
    assert isinstance(model[0], nn.Linear) and not isinstance(model[0], L.LoRALinear)
    assert L.count_trainable_parameters(model) == 2 * (20 + 8)


def test_inject_reaches_nested_linears():
    model = NestedModel()
    reference = copy.deepcopy(model)
    names = L.inject_lora(model, r=2, alpha=4.0)
    assert names == NESTED_LINEARS, (
        f"got {names}: every nn.Linear at any depth must be wrapped (walk model.named_modules(), "
        "not only the direct children), named by its qualified name"
    )
    wrapped = [n for n, m in model.named_modules() if isinstance(m, L.LoRALinear)]
    assert wrapped == NESTED_LINEARS
    trainable = [n for n, p in model.named_parameters() if p.requires_grad]
    assert all(n.endswith(("lora_A", "lora_B")) for n in trainable), (
        f"{trainable}: inject_lora must freeze EVERY parameter of the model (LayerNorm too), "
        "not only the wrapped Linear layers"
    )
    assert L.count_trainable_parameters(model) == L.lora_parameter_count([(12, 16)] + [(16, 16)] * 4 + [(16, 3)], r=2)
    x = torch.randn(5, 12)
    assert torch.allclose(model(x), reference(x), atol=1e-6)


def test_target_modules_match_exact_qualified_names():
    model = NestedModel()
    names = L.inject_lora(model, r=2, target_modules=["blocks.0.fc", "head"])
    assert names == ["blocks.0.fc", "head"], (
        f"got {names}: a target names one module exactly; 'blocks.0.fc' must not also pick "
        "'blocks.0.fc_out' (no substring matching)"
    )
    assert isinstance(model.blocks[0].fc, L.LoRALinear) and isinstance(model.head, L.LoRALinear)
    assert type(model.blocks[0].fc_out) is nn.Linear and type(model.blocks[1].fc) is nn.Linear
    assert L.count_trainable_parameters(model) == 2 * (16 + 16) + 2 * (16 + 3)


def test_merge_weights_gives_same_outputs():
    torch.manual_seed(4)
    layer = L.LoRALinear(nn.Linear(9, 5), r=3, alpha=6.0)
    with torch.no_grad():
        layer.lora_B.normal_()
    merged = layer.merge_weights()
    assert type(merged) is nn.Linear
    x = torch.randn(6, 9)
    assert torch.allclose(merged(x), layer(x), atol=1e-5)
    expected_w = layer.base.weight + 2.0 * layer.lora_B @ layer.lora_A
    assert torch.allclose(merged.weight, expected_w, atol=1e-6)


def test_merge_lora_on_whole_model():
    model = small_model()
    L.inject_lora(model, r=2, alpha=4.0)
    torch.manual_seed(5)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, L.LoRALinear):
                m.lora_B.normal_()
    x = torch.randn(7, 12)
    before = model(x).detach()
    L.merge_lora(model)
    assert not any(isinstance(m, L.LoRALinear) for m in model.modules())
    assert torch.allclose(model(x), before, atol=1e-5)


def test_merge_lora_on_nested_model():
    model = NestedModel()
    L.inject_lora(model, r=2, alpha=4.0)
    torch.manual_seed(7)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, L.LoRALinear):
                m.lora_B.normal_()
    x = torch.randn(4, 12)
    before = model(x).detach()
    L.merge_lora(model)
    left = [n for n, m in model.named_modules() if isinstance(m, L.LoRALinear)]
    assert left == [], f"merge_lora left adapters at {left}: replace them at every depth"
    assert [n for n, m in model.named_modules() if type(m) is nn.Linear] == NESTED_LINEARS
    assert torch.allclose(model(x), before, atol=1e-5)


# ---------------------------------------------------------------------------
# Fine-tuning on the shifted (mirrored digits) task
# ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def experiment():
    data = L.load_digit_tasks(seed=0)
    base = L.pretrain_base_model(data, seed=0)
    base_state = copy.deepcopy(base.state_dict())
    tuned, losses = L.finetune_with_lora(base, data["x_shift_train"], data["y_train"], r=4, alpha=8.0, seed=0)
    return data, base, base_state, tuned, losses


def test_base_model_is_good_on_original_but_not_shifted_task(experiment):
    data, base, _, _, _ = experiment
    assert L.accuracy(base, data["x_test"], data["y_test"]) > 0.9
    assert L.accuracy(base, data["x_shift_test"], data["y_test"]) < 0.7


def test_finetuning_improves_the_shifted_task(experiment):
    data, base, _, tuned, losses = experiment
    base_acc = L.accuracy(base, data["x_shift_test"], data["y_test"])
    tuned_acc = L.accuracy(tuned, data["x_shift_test"], data["y_test"])
    assert tuned_acc > 0.85, f"LoRA accuracy on the mirrored digits {tuned_acc:.3f} <= 0.85"
    assert tuned_acc > base_acc + 0.2
    assert L.loss_on(tuned, data["x_shift_test"], data["y_test"]) < L.loss_on(base, data["x_shift_test"], data["y_test"])
    assert losses[-1] < 0.5 * losses[0]


def test_finetuning_leaves_base_untouched_and_trains_few_params(experiment):
    data, base, base_state, tuned, _ = experiment
    for k, v in base.state_dict().items():
        assert torch.equal(v, base_state[k]), f"base model parameter {k} changed"
    total = sum(p.numel() for p in tuned.parameters())
    trainable = L.count_trainable_parameters(tuned)
    assert trainable == L.lora_parameter_count([(64, 128), (128, 64), (64, 10)], r=4)
    assert trainable < 0.15 * total


def test_merged_finetuned_model_matches(experiment):
    data, _, _, tuned, _ = experiment
    merged = L.merge_lora(copy.deepcopy(tuned))
    with torch.no_grad():
        assert torch.allclose(merged(data["x_shift_test"]), tuned(data["x_shift_test"]), atol=1e-4)
