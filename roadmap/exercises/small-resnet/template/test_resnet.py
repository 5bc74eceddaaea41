"""Tests for resnet.py. Run with:  python3 -m pytest -q"""
import pytest
import torch
import torch.nn as nn

from resnet import BasicBlock, SmallResNet, count_parameters, evaluate, load_digit_images, train_model

torch.set_num_threads(2)


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


def test_network_zero_init_residual_flag():
    model = SmallResNet(widths=(8, 16, 32), blocks_per_stage=2, zero_init_residual=True)
    blocks = [m for m in model.modules() if isinstance(m, BasicBlock)]
    assert len(blocks) == 6
    for block in blocks:
        assert torch.count_nonzero(block.bn2.weight) == 0


# ----------------------------------------------------------------------------- training
def test_training_reaches_the_accuracy_threshold():
    torch.manual_seed(0)
    data = load_digit_images(test_size=0.25, seed=0)
    assert data[0].shape[1:] == (1, 8, 8)
    model = SmallResNet()
    history = train_model(model, data, epochs=8, lr=3e-3, batch_size=64, seed=0)
    assert len(history) == 8
    assert history[-1]["train_loss"] < history[0]["train_loss"]
    acc = evaluate(model, data[2], data[3])
    assert acc == pytest.approx(history[-1]["test_acc"])
    assert acc >= 0.9, f"held-out accuracy {acc:.3f} < 0.9"
