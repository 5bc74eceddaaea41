"""Tests for resnet.py. Run with:  python3 -m pytest -q"""
import copy
import math

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from resnet import BasicBlock, SmallResNet, count_parameters, evaluate, load_digit_images, train_model

torch.set_num_threads(1)  # small model: one thread is fastest, and steady on a busy machine


@pytest.fixture(scope="module")
def data():
    return load_digit_images(test_size=0.25, seed=0)


def _small(data, n_train=256, n_test=64):
    X_train, y_train, X_test, y_test = data
    return X_train[:n_train], y_train[:n_train], X_test[:n_test], y_test[:n_test]


def _randomise_batchnorm(module, seed=0):
    """Give every BatchNorm non-trivial statistics and affine parameters (eval mode then uses them)."""
    g = torch.Generator().manual_seed(seed)
    for m in module.modules():
        if isinstance(m, nn.BatchNorm2d):
            with torch.no_grad():
                m.running_mean.copy_(0.3 * torch.randn(m.num_features, generator=g))
                m.running_var.copy_(0.5 + torch.rand(m.num_features, generator=g))
                m.weight.copy_(0.5 + torch.rand(m.num_features, generator=g))
                m.bias.copy_(0.3 * torch.randn(m.num_features, generator=g))


def _conv_bn_params(in_ch, out_ch, k):
    """Parameters of a bias-free k x k convolution followed by BatchNorm (scale + shift)."""
    return in_ch * out_ch * k * k + 2 * out_ch


# ----------------------------------------------------------------------------- the block
def test_identity_block_keeps_shape_and_has_a_free_shortcut():
    torch.manual_seed(0)
    block = BasicBlock(16, 16, stride=1)
    x = torch.randn(2, 16, 8, 8)
    assert block(x).shape == (2, 16, 8, 8)
    assert count_parameters(block.shortcut) == 0, "same shape in and out: the shortcut is the identity"
    assert count_parameters(block) == 2 * _conv_bn_params(16, 16, 3)


def test_stride_two_block_halves_resolution_and_projects_the_shortcut():
    torch.manual_seed(0)
    block = BasicBlock(16, 32, stride=2)
    assert block(torch.randn(2, 16, 8, 8)).shape == (2, 32, 4, 4)
    assert block(torch.randn(2, 16, 7, 7)).shape == (2, 32, 4, 4)  # padding 1: ceil(7 / 2)
    convs = [m for m in block.shortcut.modules() if isinstance(m, nn.Conv2d)]
    assert len(convs) == 1, "the projection shortcut is one 1x1 convolution (+ BatchNorm)"
    assert convs[0].kernel_size == (1, 1) and convs[0].stride == (2, 2)
    assert count_parameters(block.shortcut) == _conv_bn_params(16, 32, 1)
    assert count_parameters(block) == _conv_bn_params(16, 32, 3) + _conv_bn_params(32, 32, 3) + _conv_bn_params(16, 32, 1)


@pytest.mark.parametrize("in_ch, out_ch, stride", [(16, 16, 1), (16, 32, 2)])
def test_block_convolutions_are_as_prescribed(in_ch, out_ch, stride):
    block = BasicBlock(in_ch, out_ch, stride=stride)
    for name, conv, c_in, s in [("conv1", block.conv1, in_ch, stride), ("conv2", block.conv2, out_ch, 1)]:
        assert isinstance(conv, nn.Conv2d), f"{name} must be a Conv2d (use conv3x3)"
        assert conv.in_channels == c_in and conv.out_channels == out_ch, f"{name}: {c_in} -> {out_ch} channels"
        assert conv.kernel_size == (3, 3) and conv.padding == (1, 1), f"{name}: 3x3 with padding 1"
        assert conv.stride == (s, s), (
            f"{name} has stride {conv.stride}, expected {(s, s)}: only the FIRST convolution of the block strides"
        )
    assert isinstance(block.bn1, nn.BatchNorm2d) and isinstance(block.bn2, nn.BatchNorm2d)


@pytest.mark.parametrize("in_ch, out_ch, stride", [(8, 8, 1), (8, 16, 2)])
def test_block_forward_matches_the_formula(in_ch, out_ch, stride):
    """out = ReLU(bn2(conv2(ReLU(bn1(conv1(x))))) + shortcut(x)), using the block's own layers."""
    torch.manual_seed(0)
    block = BasicBlock(in_ch, out_ch, stride=stride)
    _randomise_batchnorm(block)
    block.eval()
    x = torch.randn(2, in_ch, 6, 6)
    with torch.no_grad():
        inner = F.relu(block.bn1(block.conv1(x)))
        expected = F.relu(block.bn2(block.conv2(inner)) + block.shortcut(x))
        out = block(x)
    assert out.shape == expected.shape
    assert torch.allclose(out, expected, atol=1e-5), (
        "the block must compute ReLU(bn2(conv2(ReLU(bn1(conv1(x))))) + shortcut(x)): a ReLU between the two "
        "convolutions, the shortcut added before the final ReLU"
    )


def test_block_channel_change_alone_also_needs_a_projection():
    block = BasicBlock(8, 16, stride=1)
    assert block(torch.randn(3, 8, 5, 5)).shape == (3, 16, 5, 5)
    assert count_parameters(block.shortcut) == _conv_bn_params(8, 16, 1)


def test_block_with_zeroed_residual_branch_is_an_identity():
    torch.manual_seed(0)
    block = BasicBlock(16, 16)
    block.zero_init_residual()
    block.eval()
    x = torch.relu(torch.randn(4, 16, 6, 6))  # non-negative, like the output of a previous block
    with torch.no_grad():
        out = block(x)
    # F(x) = 0, so out = ReLU(0 + x) = x: the signal passes through the shortcut untouched.
    assert torch.allclose(out, x, atol=1e-6)


def test_block_with_zeroed_residual_branch_returns_the_projected_shortcut():
    torch.manual_seed(0)
    block = BasicBlock(16, 32, stride=2)
    block.zero_init_residual()
    block.eval()
    x = torch.randn(2, 16, 8, 8)
    with torch.no_grad():
        assert torch.allclose(block(x), torch.relu(block.shortcut(x)), atol=1e-6)


def test_block_residual_branch_contributes_when_not_zeroed():
    torch.manual_seed(0)
    block = BasicBlock(16, 16).eval()
    x = torch.relu(torch.randn(2, 16, 8, 8))
    with torch.no_grad():
        assert not torch.allclose(block(x), x, atol=1e-3), "out must be ReLU(F(x) + x), not just x"


def test_block_gradient_reaches_the_input_through_the_shortcut():
    torch.manual_seed(0)
    block = BasicBlock(16, 16)
    block.zero_init_residual()
    x = torch.relu(torch.randn(2, 16, 8, 8)).requires_grad_()
    block(x).sum().backward()
    # With F(x) = 0 the only path back to x is the shortcut, and it carries the gradient.
    assert x.grad is not None and x.grad.abs().sum() > 0


# ----------------------------------------------------------------------------- the network
def test_network_shapes():
    torch.manual_seed(0)
    model = SmallResNet(in_channels=1, num_classes=10, widths=(16, 32))
    x = torch.randn(4, 1, 8, 8)
    assert model.forward_features(x).shape == (4, 32, 4, 4), "stage 2 halves 8x8 to 4x4"
    assert model(x).shape == (4, 10)
    deeper = SmallResNet(in_channels=3, num_classes=5, widths=(8, 16, 32), blocks_per_stage=2)
    assert deeper.forward_features(torch.randn(2, 3, 32, 32)).shape == (2, 32, 8, 8)
    assert deeper(torch.randn(2, 3, 32, 32)).shape == (2, 5)
    assert sum(isinstance(m, BasicBlock) for m in deeper.modules()) == 6


def test_parameter_count_sanity():
    model = SmallResNet(in_channels=1, num_classes=10, widths=(16, 32))
    n = count_parameters(model)
    assert n == sum(p.numel() for p in model.parameters())
    stem = _conv_bn_params(1, 16, 3)
    stage1 = 2 * _conv_bn_params(16, 16, 3)
    stage2 = _conv_bn_params(16, 32, 3) + _conv_bn_params(32, 32, 3) + _conv_bn_params(16, 32, 1)
    head = 32 * 10 + 10
    assert n == stem + stage1 + stage2 + head == 19_706
    for p in model.fc.parameters():
        p.requires_grad_(False)
    assert count_parameters(model) == n - head, "count only trainable parameters"


def test_network_stem_stages_and_pooling_are_as_prescribed():
    torch.manual_seed(0)
    model = SmallResNet(in_channels=3, num_classes=5, widths=(8, 16, 32), blocks_per_stage=2)
    stem = [type(m) for m in model.stem]
    assert stem == [nn.Conv2d, nn.BatchNorm2d, nn.ReLU], (
        f"stem must be conv3x3 -> BatchNorm2d -> ReLU, got {[t.__name__ for t in stem]}"
    )
    assert model.stem[0].kernel_size == (3, 3) and model.stem[0].stride == (1, 1)
    strides = [[block.conv1.stride[0] for block in stage] for stage in model.stages]
    assert strides == [[1, 1], [2, 1], [2, 1]], (
        f"first-conv strides per stage {strides}: stage 1 keeps the resolution, every later stage starts with "
        "one stride-2 block"
    )
    assert isinstance(model.pool, nn.AdaptiveAvgPool2d), "global AVERAGE pooling: each channel becomes its mean"
    _randomise_batchnorm(model)
    model.eval()
    x = torch.randn(2, 3, 16, 16)
    with torch.no_grad():
        expected = model.fc(model.forward_features(x).mean(dim=(2, 3)))
        assert torch.allclose(model(x), expected, atol=1e-5), (
            "forward must be fc(global average of forward_features(x)), not max pooling or a flatten of the map"
        )
        stemmed = F.relu(model.stem[1](model.stem[0](x)))
        assert torch.allclose(model.forward_features(x), model.stages(stemmed), atol=1e-5), (
            "forward_features = stages(stem(x)), with the stem's BatchNorm and ReLU"
        )


def test_network_uses_he_initialisation():
    torch.manual_seed(0)
    model = SmallResNet(widths=(32, 64))
    conv = model.stages[1][0].conv1  # 32 -> 64 channels, 3x3: fan_out = 64 * 9
    expected = math.sqrt(2.0 / (64 * 9))
    std = conv.weight.std().item()
    assert std == pytest.approx(expected, rel=0.1), (
        f"conv weight std {std:.4f}, expected about {expected:.4f} = sqrt(2 / fan_out): "
        "kaiming_normal_(weight, mode='fan_out', nonlinearity='relu') for every Conv2d"
    )


def test_network_zero_init_residual_flag():
    model = SmallResNet(widths=(8, 16, 32), blocks_per_stage=2, zero_init_residual=True)
    blocks = [m for m in model.modules() if isinstance(m, BasicBlock)]
    assert len(blocks) == 6
    for block in blocks:
        assert torch.count_nonzero(block.bn2.weight) == 0


# ----------------------------------------------------------------------------- training
def test_evaluate_uses_eval_mode(data):
    torch.manual_seed(0)
    model = SmallResNet()
    model.train()
    X, y = data[2][:64], data[3][:64]
    acc = evaluate(model, X, y)
    assert not model.training, "evaluate must call model.eval(): BatchNorm must use its running statistics"
    with torch.no_grad():
        expected = (model(X).argmax(1) == y).float().mean().item()
    assert acc == pytest.approx(expected)


def test_train_model_trains_in_training_mode_every_epoch(data):
    small = _small(data)
    torch.manual_seed(0)
    model = SmallResNet()
    calls = []
    model.stem.register_forward_pre_hook(lambda module, inputs: calls.append((model.training, torch.is_grad_enabled())))
    bn = model.stem[1]
    running = []
    bn.register_forward_hook(lambda module, inputs, output: running.append(module.running_mean.clone()) if not module.training else None)
    train_model(model, small, epochs=3, lr=3e-3, batch_size=64, seed=0)
    training_passes = [training for training, grad in calls if grad]
    assert len(training_passes) == 12, f"3 epochs x 4 batches of 64 = 12 training passes, got {len(training_passes)}"
    assert all(training_passes), (
        "every training pass must run in training mode: evaluate() leaves the model in eval mode, so call "
        "model.train() at the start of EVERY epoch"
    )
    distinct = []
    for m in running:
        if not distinct or not torch.equal(m, distinct[-1]):
            distinct.append(m)
    assert len(distinct) == 3, "BatchNorm's running statistics must change in every epoch"


def test_train_model_shuffles_every_sample_once_per_epoch(data):
    X_train, y_train, X_test, y_test = _small(data, n_train=200)
    X_train = X_train.clone()
    X_train[:, 0, 0, 0] = torch.arange(200, dtype=torch.float32)  # pixel (0, 0) = sample id, read by the hook

    def batches(seed):
        torch.manual_seed(0)
        model = SmallResNet()
        seen = []
        model.stem.register_forward_pre_hook(
            lambda module, inputs: seen.append(inputs[0][:, 0, 0, 0].long().tolist()) if torch.is_grad_enabled() else None
        )
        train_model(model, (X_train, y_train, X_test, y_test), epochs=2, lr=1e-3, batch_size=50, seed=seed)
        return seen

    first = batches(0)
    epoch1 = [i for batch in first[:4] for i in batch]
    epoch2 = [i for batch in first[4:] for i in batch]
    assert len(first) == 8 and sorted(epoch1) == sorted(epoch2) == list(range(200)), (
        "each epoch must use every training sample exactly once, in batches of batch_size"
    )
    assert epoch1 != list(range(200)) and epoch1 != epoch2, "shuffle the samples anew every epoch"
    assert batches(0) == first, "the same seed must give the same batch order (seed a torch.Generator)"
    assert batches(1) != first, "a different seed should give a different batch order"


def test_train_model_uses_lr_and_weight_decay(data):
    small = _small(data)
    torch.manual_seed(0)
    model = SmallResNet()
    before = [p.detach().clone() for p in model.parameters()]
    train_model(model, small, epochs=1, lr=0.0, batch_size=64, weight_decay=0.0, seed=0)
    assert all(torch.equal(b, p) for b, p in zip(before, model.parameters())), (
        "with lr=0 no parameter may move: pass lr to the optimizer"
    )
    torch.manual_seed(0)
    plain = SmallResNet()
    decayed = copy.deepcopy(plain)
    train_model(plain, small, epochs=2, lr=3e-3, batch_size=64, weight_decay=0.0, seed=0)
    train_model(decayed, small, epochs=2, lr=3e-3, batch_size=64, weight_decay=50.0, seed=0)
    norm = lambda m: sum(float(c.weight.norm()) for c in m.modules() if isinstance(c, nn.Conv2d))
    assert norm(decayed) < 0.9 * norm(plain), "a large weight_decay must shrink the weights: pass it to the optimizer"


def test_training_reaches_the_accuracy_threshold(data):
    torch.manual_seed(0)
    assert data[0].shape[1:] == (1, 8, 8)
    model = SmallResNet()
    history = train_model(model, data, epochs=8, lr=3e-3, batch_size=64, seed=0)
    assert len(history) == 8
    assert [row["epoch"] for row in history] == list(range(1, 9))
    assert history[-1]["train_loss"] < 0.5 * history[0]["train_loss"]
    acc = evaluate(model, data[2], data[3])
    assert acc == pytest.approx(history[-1]["test_acc"])
    assert acc >= 0.93, f"held-out accuracy {acc:.3f} < 0.93 (the reference reaches 0.956 here, 0.98-0.99 with other seeds)"
