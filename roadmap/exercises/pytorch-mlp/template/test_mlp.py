"""Tests for mlp.py. Run with:  python3 -m pytest -q"""
import copy
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

torch.set_num_threads(1)  # small models: one thread is fastest, and steady on a busy machine


@pytest.fixture(scope="module")
def data():
    return load_data("digits", seed=0)


def _layers(model, kind):
    return [m for m in model.modules() if isinstance(m, kind)]


def _subset(data, n_train=300, n_test=100):
    X_train, y_train, X_test, y_test, n_classes = data
    return X_train[:n_train], y_train[:n_train], X_test[:n_test], y_test[:n_test], n_classes


class ModeSpy(nn.Module):
    """An identity layer that records, at every forward call, whether the model was in
    training mode, whether gradients were enabled, and which samples it saw (column 0)."""

    def __init__(self):
        super().__init__()
        self.calls = []

    def forward(self, x):
        self.calls.append((self.training, torch.is_grad_enabled(), x[:, 0].detach().clone()))
        return x


class FixedLogits(nn.Module):
    """A 'model' with known outputs, to test evaluate() in isolation."""

    def __init__(self, logits):
        super().__init__()
        self.logits = logits
        self.weight = nn.Parameter(torch.zeros(1))
        self.calls = []

    def forward(self, x):
        self.calls.append((self.training, torch.is_grad_enabled()))
        return self.logits[: len(x)] + 0 * self.weight


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
    assert kinds == [nn.Linear, nn.BatchNorm1d, nn.ReLU, nn.Linear, nn.BatchNorm1d, nn.ReLU, nn.Linear], (
        f"expected Linear -> BatchNorm1d -> ReLU per hidden layer (BatchNorm right after its Linear, "
        f"before the ReLU), got {[k.__name__ for k in kinds]}"
    )
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
    kinds = [type(m).__name__ for m in model]
    assert kinds == ["Linear", "BatchNorm1d", "ReLU", "Dropout"] * 3 + ["Linear"], (
        f"expected Linear -> BatchNorm1d -> ReLU -> Dropout per hidden layer, then the output Linear; got {kinds}"
    )


# ----------------------------------------------------------------------------- optimizers
@pytest.mark.parametrize("name, cls", [("sgd", torch.optim.SGD), ("adam", torch.optim.Adam), ("rmsprop", torch.optim.RMSprop)])
def test_make_optimizer_types(name, cls):
    model = build_mlp(64, (16,), 10)
    opt = make_optimizer(name, model.parameters(), lr=0.01)
    assert isinstance(opt, cls)
    assert opt.param_groups[0]["lr"] == pytest.approx(0.01)
    assert sum(p.numel() for g in opt.param_groups for p in g["params"]) == sum(p.numel() for p in model.parameters())
    default = make_optimizer(name, build_mlp(64, (16,), 10).parameters())  # lr=None: a default
    assert default.param_groups[0]["lr"] == pytest.approx({"sgd": 0.05, "adam": 1e-3, "rmsprop": 1e-3}[name]), (
        "lr=None means DEFAULT_LR[name]"
    )
    decayed = make_optimizer(name, build_mlp(64, (16,), 10).parameters(), lr=0.02, weight_decay=0.01)
    assert decayed.param_groups[0]["weight_decay"] == pytest.approx(0.01), f"{name}: pass weight_decay to the optimizer"
    assert decayed.param_groups[0]["lr"] == pytest.approx(0.02)


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


def test_evaluate_on_known_logits_in_eval_mode_without_gradients():
    logits = torch.tensor([[2.0, 0.0, 0.0], [0.0, 3.0, 0.0], [1.0, 0.0, 0.5], [0.0, 0.0, 1.0]])
    y = torch.tensor([0, 1, 2, 2])  # argmax: 0, 1, 0, 2 -> 3 of 4 right
    model = FixedLogits(logits)
    model.train()
    loss, acc = evaluate(model, torch.zeros(4, 5), y)
    assert acc == pytest.approx(0.75), f"accuracy should be 3/4 (argmax of the logits vs y), got {acc}"
    assert loss == pytest.approx(torch.nn.functional.cross_entropy(logits, y).item(), rel=1e-6), (
        "loss is the mean cross-entropy of the logits"
    )
    assert model.calls and all(not training for training, _ in model.calls), "evaluate must call model.eval() first"
    assert all(not grad for _, grad in model.calls), "evaluate must run without gradients (torch.no_grad())"


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


def test_train_one_epoch_returns_the_mean_loss_per_sample(data):
    X, y = data[0][:200], data[1][:200]
    torch.manual_seed(0)
    model = build_mlp(64, (32,), 10)  # no Dropout/BatchNorm: training and eval passes agree
    frozen = torch.optim.SGD(model.parameters(), lr=0.0)  # the weights never move
    mean_loss = train_one_epoch(model, X, y, frozen, batch_size=64, generator=torch.Generator().manual_seed(0))
    expected = evaluate(model, X, y)[0]
    assert mean_loss == pytest.approx(expected, rel=1e-5), (
        f"with frozen weights the epoch's mean loss must equal the loss over all samples ({expected:.5f}), got "
        f"{mean_loss:.5f}; weight each batch's loss by its size (batches of 64, 64, 64 and 8) and divide by len(X)"
    )


def test_train_one_epoch_uses_training_mode_and_shuffled_batches(data):
    X, y = data[0][:200].clone(), data[1][:200]
    X[:, 0] = torch.arange(200, dtype=torch.float32)  # column 0 = sample id, read by the spy
    spy = ModeSpy()
    model = nn.Sequential(spy, build_mlp(64, (32,), 10, dropout=0.2))
    model.eval()  # where evaluate() leaves it after every epoch
    opt = make_optimizer("sgd", model.parameters(), lr=0.01)
    train_one_epoch(model, X, y, opt, batch_size=50, generator=torch.Generator().manual_seed(0))
    assert len(spy.calls) == 4, f"200 samples in batches of 50 is 4 forward passes, got {len(spy.calls)}"
    assert all(training for training, _, _ in spy.calls), (
        "train_one_epoch must call model.train(): evaluate() leaves the model in eval mode, so without it every "
        "later epoch trains with Dropout off and BatchNorm frozen"
    )
    seen = torch.cat([ids for _, _, ids in spy.calls]).long().tolist()
    assert sorted(seen) == list(range(200)), "every sample must be used exactly once per epoch"
    assert seen != list(range(200)), "mini-batches must be shuffled (torch.randperm), not taken in order"


def test_train_one_epoch_shuffles_with_the_given_generator(data):
    X, y = data[0][:120].clone(), data[1][:120]
    X[:, 0] = torch.arange(120, dtype=torch.float32)

    def order(seed, disturb):
        torch.manual_seed(0)
        spy = ModeSpy()
        model = nn.Sequential(spy, build_mlp(64, (16,), 10))
        opt = make_optimizer("sgd", model.parameters(), lr=0.01)
        torch.rand(disturb)  # use up some of the global random stream
        train_one_epoch(model, X, y, opt, batch_size=40, generator=torch.Generator().manual_seed(seed))
        return torch.cat([ids for _, _, ids in spy.calls]).long().tolist()

    assert order(3, 5) == order(3, 17), (
        "the batch order must come from the generator argument (torch.randperm(n, generator=generator)), "
        "so the same seed gives the same order whatever else used the global random stream"
    )
    assert order(3, 5) != order(4, 5), "a different generator seed should give a different batch order"


def test_train_alternates_training_and_eval_modes(data):
    small = _subset(data)
    spy = ModeSpy()
    torch.manual_seed(0)
    model = nn.Sequential(spy, build_mlp(64, (32,), 10, dropout=0.2))
    train(model, small, optimizer_name="adam", epochs=3, batch_size=100, seed=0)
    grad_calls = [training for training, grad, _ in spy.calls if grad]
    assert len(grad_calls) == 9, f"3 epochs x 3 batches of 100 = 9 training passes, got {len(grad_calls)}"
    assert all(grad_calls), "every training pass, in every epoch, must run in training mode (model.train())"
    assert not any(training for training, grad, _ in spy.calls if not grad), "measurements run in eval mode"


def test_batchnorm_running_statistics_change_every_epoch(data):
    small = _subset(data)
    torch.manual_seed(0)
    model = build_mlp(64, (32,), 10, batch_norm=True)
    bn = _layers(model, nn.BatchNorm1d)[0]
    means = []
    original = bn.forward

    def recording_forward(x):
        out = original(x)
        if not bn.training:
            means.append(bn.running_mean.clone())
        return out

    bn.forward = recording_forward
    train(model, small, optimizer_name="sgd", epochs=3, batch_size=50, seed=0)
    distinct = []  # the running mean seen by each eval pass, repeats (same epoch) removed
    for m in means:
        if not distinct or not torch.equal(m, distinct[-1]):
            distinct.append(m)
    assert len(distinct) == 3, (
        f"BatchNorm's running mean took {len(distinct)} different values over 3 epochs of measurements; it should "
        "change in every epoch, which only happens when each epoch trains in training mode"
    )


def test_train_passes_lr_and_weight_decay_on(data):
    small = _subset(data)
    torch.manual_seed(0)
    model = build_mlp(64, (32,), 10)
    before = copy.deepcopy(model.state_dict())
    train(model, small, optimizer_name="adam", lr=0.0, epochs=1, batch_size=64, seed=0)
    for name, value in model.state_dict().items():
        assert torch.equal(value, before[name]), "with lr=0 the weights must not move: pass lr on to make_optimizer"

    torch.manual_seed(0)
    plain = build_mlp(64, (32,), 10)
    decayed = copy.deepcopy(plain)
    train(plain, small, optimizer_name="sgd", lr=0.05, epochs=2, batch_size=32, weight_decay=0.0, seed=0)
    train(decayed, small, optimizer_name="sgd", lr=0.05, epochs=2, batch_size=32, weight_decay=0.5, seed=0)
    norm = lambda m: sum(float(l.weight.norm()) for l in _layers(m, nn.Linear))
    assert norm(decayed) < 0.8 * norm(plain), "weight_decay=0.5 should shrink the weights: pass it on to make_optimizer"


def test_train_is_reproducible_for_a_seed(data):
    small = _subset(data)

    def run(seed, disturb, dropout):
        torch.manual_seed(0)
        model = build_mlp(64, (32,), 10, dropout=dropout)
        torch.rand(disturb)  # use up some of the global random stream
        return train(model, small, optimizer_name="sgd", epochs=2, batch_size=32, seed=seed)

    assert run(0, 5, 0.3) == run(0, 17, 0.3), (
        "the same seed must give the same history: train seeds torch (Dropout masks) and the batch generator"
    )
    assert run(0, 5, 0.0) != run(1, 5, 0.0), "a different seed should shuffle the batches differently"


def test_history_rows_are_eval_mode_measurements(data):
    small = _subset(data)
    torch.manual_seed(0)
    model = build_mlp(64, (32,), 10, batch_norm=True, dropout=0.3)
    history = train(model, small, optimizer_name="adam", epochs=2, batch_size=50, seed=0)
    X_train, y_train, X_test, y_test, _ = small
    train_loss, train_acc = evaluate(model, X_train, y_train)
    test_loss, test_acc = evaluate(model, X_test, y_test)
    last = history[-1]
    assert last["train_loss"] == pytest.approx(train_loss, rel=1e-5) and last["train_acc"] == pytest.approx(train_acc), (
        "train_loss/train_acc are measured with evaluate() on the training split after the epoch, so that train "
        "and test numbers are comparable"
    )
    assert last["test_loss"] == pytest.approx(test_loss, rel=1e-5) and last["test_acc"] == pytest.approx(test_acc)


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
