import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from matplotlib.figure import Figure

from helpers import deeper, descent
from helpers.exercises import lesson10


def test_init_std_formulas():
    assert deeper.init_std(784, 800, "xavier") == pytest.approx(np.sqrt(2 / 1584))
    assert deeper.init_std(784, 800, "he") == pytest.approx(np.sqrt(2 / 784))
    assert deeper.init_std(3, 4, "small") == 0.01
    assert deeper.init_std(3, 4, "standard") == 1.0
    assert deeper.init_std(50, 7, "he") == pytest.approx(lesson10.he_init_std(50))


def test_scheme_labels_name_every_scheme_by_what_it_draws():
    assert set(deeper.SCHEME_LABELS) == set(deeper.SCHEMES)
    for scheme in ("small", "standard"):
        std = deeper.init_std(3, 4, scheme)
        assert deeper.SCHEME_LABELS[scheme] == f"std {std:g}"
    assert deeper.SCHEME_LABELS["xavier"] == "Xavier" and deeper.SCHEME_LABELS["he"] == "He"


def test_init_std_refuses_bad_input():
    with pytest.raises(ValueError, match="Unknown scheme 'lecun'"):
        deeper.init_std(3, 4, "lecun")
    with pytest.raises(ValueError, match="fan_in must be a positive whole number"):
        deeper.init_std(0, 4, "he")


def test_init_network_shapes_spread_and_seed():
    layers = deeper.init_network([300, 200, 10], "he", seed=1)
    assert [W.shape for W, _ in layers] == [(300, 200), (200, 10)]
    assert all(np.all(b == 0) for _, b in layers)
    assert layers[0][0].std() == pytest.approx(np.sqrt(2 / 300), rel=0.05)
    again = deeper.init_network([300, 200, 10], "he", seed=1)
    np.testing.assert_array_equal(layers[0][0], again[0][0])
    constant = deeper.init_network([3, 4, 2], 0.5)
    assert np.all(constant[0][0] == 0.5)
    with pytest.raises(ValueError, match="at least an input and an output"):
        deeper.init_network([3], "he")


@pytest.mark.parametrize("activation", list(deeper.ACTIVATIONS))
def test_backward_matches_numerical_gradient(activation):
    generator = np.random.default_rng(0)
    X, y = generator.normal(size=(6, 3)), generator.integers(0, 3, size=6)
    layers = deeper.init_network([3, 4, 4, 3], "xavier", seed=2)
    layers = [(W, generator.normal(size=b.shape) * 0.1) for W, b in layers]

    def loss(flat_W, k):
        changed = list(layers)
        changed[k] = (flat_W.reshape(layers[k][0].shape), layers[k][1])
        P = deeper.forward(changed, X, activation)[-1]
        return -np.mean(np.log(P[np.arange(len(y)), y]))

    grads = deeper.backward(layers, X, y, activation)
    for k, (W, _) in enumerate(layers):
        numeric = descent.numerical_gradient(lambda w, k=k: loss(w, k), W.ravel())
        np.testing.assert_allclose(grads[k][0].ravel(), numeric, atol=1e-7)


def test_vanishing_gradients_sigmoid_but_not_relu_he():
    generator = np.random.default_rng(0)
    X, y = generator.normal(size=(128, 32)), generator.integers(0, 10, size=128)
    sizes = [32] + [32] * 10 + [10]
    sig = deeper.layer_gradient_norms(deeper.init_network(sizes, "xavier"), X, y, "sigmoid")
    relu = deeper.layer_gradient_norms(deeper.init_network(sizes, "he"), X, y, "relu")
    assert sig.shape == (11,) and sig[0] < sig[-1] / 1000
    assert 0.05 < relu[0] / relu[-1] < 20
    stds = deeper.activation_stds(deeper.init_network(sizes, "small"), X, "relu")
    assert stds.shape == (10,) and stds[-1] < 1e-6


def test_constant_init_keeps_hidden_units_identical():
    generator = np.random.default_rng(0)
    X, y = generator.normal(size=(40, 3)), generator.integers(0, 2, size=40)
    trained = deeper.train_network(deeper.init_network([3, 5, 2], 0.3), X, y, "tanh", n_steps=20)
    W1 = trained[0][0]
    assert np.allclose(W1, W1[:, :1]) and not np.allclose(W1, 0.3)
    with pytest.raises(ValueError, match="Unknown activation 'elu'"):
        deeper.forward(trained, X, "elu")


def test_update_rules_by_hand():
    w, g = np.array([1.0, -2.0]), np.array([0.5, 2.0])
    new, _ = deeper.sgd_update(w, g, {}, 0.1)
    np.testing.assert_allclose(new, [0.95, -2.2])
    new, state = deeper.momentum_update(w, g, {"v": np.array([1.0, 0.0])}, 0.1, momentum=0.5)
    np.testing.assert_allclose(state["v"], [0.55, 0.2])
    np.testing.assert_allclose(new, [0.45, -2.2])
    expected = lesson10.momentum_step(w, [1.0, 0.0], g, 0.1, 0.5)
    np.testing.assert_allclose(np.stack([new, state["v"]]), expected)
    new, state = deeper.rmsprop_update(w, g, {}, 0.1, rho=0.9, eps=0.0)
    np.testing.assert_allclose(state["s"], 0.1 * g**2)
    np.testing.assert_allclose(new, w - 0.1 * g / np.sqrt(0.1 * g**2))
    new, state = deeper.adam_update(w, g, {}, 0.1, eps=0.0)
    np.testing.assert_allclose(new, w - 0.1 * np.sign(g))  # the first Adam step is lr * sign(g)
    assert state["t"] == 1


def test_optimize_paths_on_the_ravine():
    for name, lr in deeper.OPTIMIZERS.items():
        path = deeper.optimize(name, deeper.ravine_gradient, deeper.RAVINE_START, lr, 200)
        assert path.shape == (201, 2)
        np.testing.assert_array_equal(path[0], deeper.RAVINE_START)
        assert deeper.steps_to_reach(path) is not None
    slow = deeper.optimize("sgd", deeper.ravine_gradient, deeper.RAVINE_START, 0.01, 50)
    assert deeper.steps_to_reach(slow) is None
    fast = deeper.steps_to_reach(
        deeper.optimize("momentum", deeper.ravine_gradient, deeper.RAVINE_START, 0.1, 200)
    )
    plain = deeper.steps_to_reach(
        deeper.optimize("sgd", deeper.ravine_gradient, deeper.RAVINE_START, 0.1, 200)
    )
    assert plain is None and fast < 100
    blown = deeper.optimize("sgd", deeper.ravine_gradient, deeper.RAVINE_START, 1.0, 500)
    assert len(blown) < 501
    with pytest.raises(ValueError, match="Unknown optimizer 'adagrad'"):
        deeper.optimize("adagrad", deeper.ravine_gradient, (0, 0), 0.1, 3)
    with pytest.raises(ValueError, match="learning rate must be positive"):
        deeper.optimize("sgd", deeper.ravine_gradient, (0, 0), 0.0, 3)
    with pytest.raises(ValueError, match="last axis"):
        deeper.ravine([1.0, 2.0, 3.0])


@pytest.mark.parametrize("optimizer", list(deeper.OPTIMIZERS))
def test_draw_optimizer_is_a_pure_figure(optimizer):
    fig = deeper.draw_optimizer(optimizer, 0.1)
    assert isinstance(fig, Figure) and len(fig.axes) == 2
    assert optimizer in fig.axes[0].get_title()
    assert "diverges" in deeper.draw_optimizer("sgd", 1.0).axes[0].get_title()


def test_draw_optimizers_has_four_panels():
    fig = deeper.draw_optimizers()
    assert isinstance(fig, Figure) and len(fig.axes) == 4


def test_explorer_wires_the_draw_function():
    import ipywidgets as w

    from helpers import widgets

    explorer = widgets.explorer(
        deeper.draw_optimizer,
        optimizer=w.Dropdown(options=list(deeper.OPTIMIZERS), value="adam"),
        learning_rate=w.FloatLogSlider(value=0.1, base=10, min=-3, max=0.5),
    )
    assert explorer.values() == {"optimizer": "adam", "learning_rate": 0.1}
    assert "adam" in explorer.figure().axes[0].get_title()


def test_regularization_verdicts_say_what_the_numbers_show():
    results = {
        "none": dict(train_loss=0.0, val_loss=0.53, val_accuracy=0.875),
        "L2": dict(train_loss=0.02, val_loss=0.45, val_accuracy=0.876),
        "dropout": dict(train_loss=0.01, val_loss=0.60, val_accuracy=0.86),
    }
    l2, dropout = deeper.regularization_verdicts(results)
    assert l2 == (
        "L2: validation loss 0.450 against 0.530 (lower), gap 0.430 against 0.530 (narrower), "
        "validation accuracy 0.876 against 0.875 (about the same)"
    )
    assert "(higher), gap 0.590 against 0.530 (wider)" in dropout
    assert dropout.endswith("validation accuracy 0.860 against 0.875 (lower)")


def test_regularization_verdicts_refuse_incomplete_results():
    with pytest.raises(ValueError, match="no entry 'none' to compare with"):
        deeper.regularization_verdicts({"L2": dict(train_loss=0, val_loss=1, val_accuracy=0.5)})
    with pytest.raises(ValueError, match=r"results\['L2'\] lacks val_accuracy"):
        deeper.regularization_verdicts(
            {
                "none": dict(train_loss=0, val_loss=1, val_accuracy=0.5),
                "L2": dict(train_loss=0, val_loss=1),
            }
        )
