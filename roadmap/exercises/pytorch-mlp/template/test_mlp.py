"""Tests for mlp.py. Run with:  python3 -m pytest -q"""
import csv
import importlib.util
import sys
from pathlib import Path

import pytest
import torch
import torch.nn as nn

from mlp import (
    HISTORY_FIELDS,
    build_mlp,
    evaluate,
    load_data,
    main,
    make_optimizer,
    save_history,
    train,
    train_one_epoch,
)

torch.set_num_threads(2)


@pytest.fixture(scope="module")
def data():
    return load_data("digits", seed=0)


def _layers(model, kind):
    return [m for m in model.modules() if isinstance(m, kind)]


# ----------------------------------------------------------------------------- model
def test_data_is_offline_digits(data):
    X_train, y_train, X_test, y_test, n_classes = data
    assert X_train.shape[1] == X_test.shape[1] == 64 and n_classes == 10
    assert X_train.dtype == torch.float32 and y_train.dtype == torch.long
    assert len(X_train) + len(X_test) == 1797


def test_mlp_shapes():
    torch.manual_seed(0)
    model = build_mlp(64, hidden_sizes=(32, 16), n_classes=10)
    assert isinstance(model, nn.Module)
    out = model(torch.randn(5, 64))
    assert out.shape == (5, 10)
    linears = _layers(model, nn.Linear)
    assert [(l.in_features, l.out_features) for l in linears] == [(64, 32), (32, 16), (16, 10)]
    assert len(_layers(model, nn.ReLU)) == 2, "one ReLU per hidden layer"
    assert not isinstance(list(model.modules())[-1], (nn.ReLU, nn.Softmax)), "the model must output raw logits"


def test_plain_mlp_has_no_batchnorm_or_dropout():
    model = build_mlp(64, (32, 16), 10)
    assert _layers(model, nn.BatchNorm1d) == []
    assert _layers(model, nn.Dropout) == []


def test_batch_norm_switch_adds_one_batchnorm_per_hidden_layer():
    model = build_mlp(64, (32, 16), 10, batch_norm=True)
    bns = _layers(model, nn.BatchNorm1d)
    assert [bn.num_features for bn in bns] == [32, 16]
    kinds = [type(m) for m in model]
    assert kinds.index(nn.BatchNorm1d) == kinds.index(nn.Linear) + 1, "BatchNorm goes right after its Linear"
    assert model(torch.randn(4, 64)).shape == (4, 10)


def test_dropout_switch_adds_dropout_that_is_active_only_in_training():
    torch.manual_seed(0)
    model = build_mlp(64, (32, 16), 10, dropout=0.3)
    drops = _layers(model, nn.Dropout)
    assert len(drops) == 2 and all(d.p == pytest.approx(0.3) for d in drops)
    x = torch.randn(8, 64)
    model.train()
    assert not torch.allclose(model(x), model(x)), "dropout should make training passes random"
    model.eval()
    assert torch.allclose(model(x), model(x)), "eval mode must be deterministic"


def test_both_switches_together():
    model = build_mlp(64, (128, 64, 32), 10, batch_norm=True, dropout=0.1)
    assert len(_layers(model, nn.BatchNorm1d)) == 3
    assert len(_layers(model, nn.Dropout)) == 3
    assert len(_layers(model, nn.Linear)) == 4


# ----------------------------------------------------------------------------- optimizers
@pytest.mark.parametrize("name, cls", [("sgd", torch.optim.SGD), ("adam", torch.optim.Adam), ("rmsprop", torch.optim.RMSprop)])
def test_make_optimizer_types(name, cls):
    model = build_mlp(64, (16,), 10)
    opt = make_optimizer(name, model.parameters(), lr=0.01)
    assert isinstance(opt, cls)
    assert opt.param_groups[0]["lr"] == pytest.approx(0.01)
    assert sum(p.numel() for g in opt.param_groups for p in g["params"]) == sum(p.numel() for p in model.parameters())
    default = make_optimizer(name, build_mlp(64, (16,), 10).parameters())  # lr=None: a default
    assert default.param_groups[0]["lr"] > 0


def test_sgd_uses_momentum_and_unknown_names_fail():
    opt = make_optimizer("sgd", build_mlp(64, (16,), 10).parameters(), lr=0.1)
    assert opt.param_groups[0]["momentum"] == pytest.approx(0.9)
    with pytest.raises(ValueError):
        make_optimizer("adagrad", build_mlp(64, (16,), 10).parameters())


# ----------------------------------------------------------------------------- training
def test_evaluate_returns_loss_and_accuracy(data):
    X_train, y_train, *_ = data
    torch.manual_seed(0)
    model = build_mlp(64, (32,), 10, dropout=0.5)
    loss, acc = evaluate(model, X_train, y_train)
    assert isinstance(loss, float) and isinstance(acc, float)
    assert loss == pytest.approx(evaluate(model, X_train, y_train)[0]), "evaluate must use eval mode"
    with torch.no_grad():
        model.eval()
        expected = (model(X_train).argmax(1) == y_train).float().mean().item()
    assert acc == pytest.approx(expected)
    assert 0.0 <= acc <= 1.0


def test_train_one_epoch_updates_the_weights(data):
    X_train, y_train, *_ = data
    torch.manual_seed(0)
    model = build_mlp(64, (32,), 10)
    before = [p.detach().clone() for p in model.parameters()]
    opt = make_optimizer("sgd", model.parameters(), lr=0.05)
    loss0, _ = evaluate(model, X_train, y_train)
    mean_loss = train_one_epoch(model, X_train, y_train, opt, batch_size=64, generator=torch.Generator().manual_seed(0))
    assert isinstance(mean_loss, float) and mean_loss > 0
    assert any(not torch.equal(b, p) for b, p in zip(before, model.parameters()))
    assert evaluate(model, X_train, y_train)[0] < loss0


@pytest.mark.parametrize("optimizer_name", ["sgd", "adam", "rmsprop"])
def test_each_optimizer_trains(data, optimizer_name):
    torch.manual_seed(0)
    model = build_mlp(64, (64, 32), 10)
    history = train(model, data, optimizer_name=optimizer_name, epochs=8, batch_size=64, seed=0)
    assert len(history) == 8
    assert set(HISTORY_FIELDS) <= set(history[0])
    assert [row["epoch"] for row in history] == list(range(1, 9))
    assert history[-1]["train_loss"] < history[0]["train_loss"]
    assert history[-1]["test_acc"] >= 0.85, f"{optimizer_name}: test accuracy {history[-1]['test_acc']:.3f}"


def test_test_accuracy_with_batchnorm_and_dropout(data):
    torch.manual_seed(0)
    model = build_mlp(64, (128, 64), 10, batch_norm=True, dropout=0.2)
    history = train(model, data, optimizer_name="adam", epochs=15, batch_size=64, seed=0)
    assert history[-1]["test_acc"] >= 0.92, f"test accuracy {history[-1]['test_acc']:.3f} < 0.92"
    assert history[-1]["test_loss"] < history[0]["test_loss"]


# ----------------------------------------------------------------------------- history files
FAKE_HISTORY = [
    {"epoch": 1, "train_loss": 1.0, "train_acc": 0.5, "test_loss": 1.1, "test_acc": 0.45},
    {"epoch": 2, "train_loss": 0.5, "train_acc": 0.8, "test_loss": 0.6, "test_acc": 0.75},
]


def test_save_history_writes_csv(tmp_path):
    paths = save_history(FAKE_HISTORY, tmp_path / "run")
    csv_path = tmp_path / "run" / "history.csv"
    assert csv_path in [Path(p) for p in paths]
    with csv_path.open() as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 2
    assert set(HISTORY_FIELDS) <= set(rows[0])
    assert float(rows[1]["test_acc"]) == pytest.approx(0.75)
    png = tmp_path / "run" / "training_curves.png"
    if importlib.util.find_spec("matplotlib") is not None:
        assert png.exists() and png.stat().st_size > 0
    else:
        assert not png.exists()


def test_save_history_works_without_matplotlib(tmp_path, monkeypatch):
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # makes `import matplotlib` raise ImportError
    save_history(FAKE_HISTORY, tmp_path)
    assert (tmp_path / "history.csv").exists()
    assert not (tmp_path / "training_curves.png").exists()


def test_command_line_run_writes_history(tmp_path, capsys):
    out = tmp_path / "cli"
    history = main(["--epochs", "2", "--optimizer", "sgd", "--batch-norm", "--dropout", "0.1", "--out", str(out)])
    assert len(history) == 2
    with (out / "history.csv").open() as f:
        assert len(list(csv.DictReader(f))) == 2
    assert "epoch" in capsys.readouterr().out
