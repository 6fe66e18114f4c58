import matplotlib

matplotlib.use("Agg")

import ipywidgets as w
import numpy as np
import pytest
from matplotlib.figure import Figure

from helpers import descent, perceptron, widgets

# Chirkova's example: a network's predictions for five objects (dog, cat, bug), right answers.
CHIRKOVA_PROBABILITIES = [
    [0.7, 0.1, 0.2],
    [0.8, 0.15, 0.05],
    [0.04, 0.9, 0.06],
    [0.6, 0.1, 0.3],
    [0.75, 0.2, 0.05],
]
CHIRKOVA_LABELS = [1, 2, 1, 0, 1]  # cat, bug, cat, dog, cat


@pytest.mark.parametrize(
    ("name", "outputs"), [("and", [0, 0, 0, 1]), ("or", [0, 1, 1, 1]), ("xor", [0, 1, 1, 0])]
)
def test_truth_tables(name, outputs):
    X, y = perceptron.truth_table(name)
    assert X.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert y.tolist() == outputs


def test_truth_table_refuses_unknown_gate():
    with pytest.raises(ValueError, match="Unknown truth table 'nand'"):
        perceptron.truth_table("nand")


@pytest.mark.parametrize("name", perceptron.PLAYGROUND_DATASETS)
def test_toy_data_are_seeded_two_class_and_balanced(name):
    X, y = perceptron.make_data(name)
    again, _ = perceptron.make_data(name)
    assert X.shape == (200, 2) and y.shape == (200,)
    assert set(y.tolist()) == {0, 1} and 60 <= y.sum() <= 140
    np.testing.assert_array_equal(X, again)
    assert not np.allclose(X, perceptron.make_data(name, seed=3)[0])
    assert perceptron.make_data(name, n_samples=40)[0].shape == (40, 2)


def test_make_data_refuses_bad_input():
    with pytest.raises(ValueError, match="Unknown data set 'linear'"):
        perceptron.make_data("linear")
    with pytest.raises(ValueError, match="n_samples"):
        perceptron.make_data("xor", n_samples=2)


def test_perceptron_learns_and_or_but_not_xor():
    for name in ("and", "or"):
        X, y = perceptron.truth_table(name)
        result = perceptron.train_perceptron(X, y, epochs=10)
        assert result["accuracy"][-1] == 1.0 and result["mistakes"][-1] == 0
        np.testing.assert_array_equal(perceptron.step(X @ result["w"] + result["b"]), y)
    X, y = perceptron.truth_table("xor")
    result = perceptron.train_perceptron(X, y, epochs=20)
    assert max(result["accuracy"]) <= 0.75 and min(result["mistakes"][1:]) > 0
    assert perceptron.best_line_accuracy(X, y) == 0.75
    assert perceptron.best_line_accuracy(*perceptron.truth_table("and")) == 1.0


def test_perceptron_rule_is_one_step_of_the_exercise():
    from helpers.exercises.lesson08 import perceptron_update

    X, y = perceptron.truth_table("and")
    result = perceptron.train_perceptron(X[:1], y[:1] + 1, epochs=1, learning_rate=0.5)
    expected = perceptron_update([0.0, 0.0], 0.0, X[0], 1, 0.5)
    np.testing.assert_allclose(np.append(result["w"], result["b"]), expected)


@pytest.mark.parametrize("name", list(perceptron.ACTIVATIONS))
def test_activation_derivatives_match_finite_differences(name):
    z = np.array([-3.0, -1.2, -0.3, 0.4, 1.1, 2.5])
    numeric = [descent.numerical_derivative(lambda t: perceptron.activation(name, t), v) for v in z]
    np.testing.assert_allclose(perceptron.activation_derivative(name, z), numeric, atol=1e-6)


def test_activation_values():
    z = np.array([-2.0, 0.0, 3.0])
    np.testing.assert_allclose(perceptron.activation("relu", z), [0, 0, 3])
    np.testing.assert_allclose(perceptron.activation("leaky_relu", z), [-0.2, 0, 3])
    np.testing.assert_allclose(perceptron.activation("elu", z), [np.expm1(-2), 0, 3])
    np.testing.assert_allclose(perceptron.activation("sigmoid", [-1000, 0, 1000]), [0, 0.5, 1])
    with pytest.raises(ValueError, match="Unknown activation 'swish'"):
        perceptron.activation("swish", z)


def test_softmax_is_stable_and_sums_to_one():
    scores = np.array([[1000.0, 1001.0, 1002.0], [0.0, 0.0, 0.0]])
    with np.errstate(all="raise"):
        P = perceptron.softmax(scores)
    np.testing.assert_allclose(P.sum(axis=1), 1.0)
    np.testing.assert_allclose(P[0], perceptron.softmax([0.0, 1.0, 2.0]))
    np.testing.assert_allclose(P[1], [1 / 3] * 3)


def test_cross_entropy_reproduces_chirkovas_example():
    total = perceptron.cross_entropy(CHIRKOVA_PROBABILITIES, CHIRKOVA_LABELS, reduction="sum")
    expected = -sum(np.log(p) for p in (0.1, 0.05, 0.9, 0.6, 0.2))
    assert total == pytest.approx(expected)
    assert perceptron.cross_entropy(CHIRKOVA_PROBABILITIES, CHIRKOVA_LABELS) == pytest.approx(
        expected / 5
    )
    per_object = perceptron.cross_entropy(CHIRKOVA_PROBABILITIES, CHIRKOVA_LABELS, reduction="none")
    assert per_object.shape == (5,)
    with pytest.raises(ValueError, match="reduction"):
        perceptron.cross_entropy(CHIRKOVA_PROBABILITIES, CHIRKOVA_LABELS, reduction="max")
    with pytest.raises(ValueError, match="shape"):
        perceptron.cross_entropy(CHIRKOVA_PROBABILITIES, CHIRKOVA_LABELS[:3])


def test_square_product_graph_gives_the_seed_gradient():
    graph = perceptron.square_product_graph(1.5, -2.0)
    assert graph["Q"] == pytest.approx(9.0)
    assert graph["dQ/dw1"] == pytest.approx(2 * 1.5 * 4.0)
    assert graph["dQ/dw2"] == pytest.approx(2 * -2.0 * 1.5**2)
    numeric = descent.numerical_gradient(perceptron.square_product, [1.5, -2.0])
    np.testing.assert_allclose([graph["dQ/dw1"], graph["dQ/dw2"]], numeric, rtol=1e-8)


@pytest.mark.parametrize("name", list(perceptron.ACTIVATIONS))
def test_backprop_agrees_with_the_numerical_gradient(name):
    generator = np.random.default_rng(1)
    X, y = generator.normal(size=(9, 3)), generator.integers(0, 3, size=9)
    params = perceptron.init_mlp(3, 5, 3, seed=2)
    assert perceptron.flat_gradient_check(params, X, y, name) < 1e-6


def test_relative_error():
    assert perceptron.relative_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert perceptron.relative_error([0.0], [0.0]) == 0.0
    assert perceptron.relative_error([1.0], [-1.0]) == pytest.approx(1.0)


def test_init_and_forward_shapes():
    params = perceptron.init_mlp(2, 8, 3)
    assert {k: v.shape for k, v in params.items()} == {
        "W1": (2, 8),
        "b1": (8,),
        "W2": (8, 3),
        "b2": (3,),
    }
    P, cache = perceptron.mlp_forward(params, np.zeros((5, 2)))
    assert P.shape == (5, 3) and cache["H"].shape == (5, 8)
    np.testing.assert_allclose(P.sum(axis=1), 1.0)
    with pytest.raises(ValueError, match="n_hidden"):
        perceptron.init_mlp(2, 0, 2)
    with pytest.raises(ValueError, match=r"shape \(n, d\)"):
        perceptron.mlp_forward(params, np.zeros(2))


def test_a_hidden_layer_solves_xor():
    X, y = perceptron.truth_table("xor")
    model, losses = perceptron.train_mlp(X, y, hidden=4, epochs=2000, step_size=0.5)
    assert model.score(X, y) == 1.0
    assert len(losses) == 2001 and losses[-1] < 0.01 < losses[0]


@pytest.mark.parametrize("batch_size", [None, 1, 20])
def test_training_modes_all_learn_moons(batch_size):
    X, y = perceptron.make_data("moons", n_samples=200, noise=0.2, seed=1)
    model, losses = perceptron.train_mlp(X, y, hidden=16, epochs=50, batch_size=batch_size)
    again, _ = perceptron.train_mlp(X, y, hidden=16, epochs=50, batch_size=batch_size)
    assert losses[-1] < losses[0] and model.score(X, y) >= 0.8
    np.testing.assert_array_equal(model.params["W1"], again.params["W1"])
    with pytest.raises(ValueError, match="batch_size"):
        perceptron.train_mlp(X, y, batch_size=0)


def test_playground_run_is_pure_and_learns_xor():
    X, y, model, losses = perceptron.playground_run("xor", hidden=8, epochs=300)
    assert X.shape == (200, 2) and len(losses) == 301
    assert model.score(X, y) >= 0.9
    _, _, again, _ = perceptron.playground_run("xor", hidden=8, epochs=300)
    np.testing.assert_array_equal(model.params["W2"], again.params["W2"])


def test_draw_playground_and_activations_return_figures():
    fig = perceptron.draw_playground("circles", hidden=4, activation="relu", epochs=50)
    assert isinstance(fig, Figure) and len(fig.axes) >= 2
    assert "circles" in fig.axes[0].get_title()
    fig = perceptron.draw_activations()
    assert len(fig.axes) == len(perceptron.ACTIVATIONS)


def test_playground_widget_carries_a_static_picture():
    box = widgets.explorer(
        perceptron.draw_playground,
        dataset=w.Dropdown(options=perceptron.PLAYGROUND_DATASETS, value="xor"),
        hidden=w.IntSlider(value=4, min=1, max=32),
        epochs=w.IntSlider(value=50, min=10, max=3000),
    )
    assert box._repr_mimebundle_()["image/png"].startswith("iVBOR")
    box.controls["dataset"].value = "moons"
    assert "moons" in box.figure().axes[0].get_title()


def test_hebb_rule_is_a_correlation_rule():
    X, y = perceptron.truth_table("and")
    bipolar = perceptron.train_hebb(2 * X - 1, 2 * y - 1)
    assert bipolar["w"].tolist() == [2.0, 2.0] and bipolar["b"] == -2.0
    assert np.array_equal(np.sign((2 * X - 1) @ bipolar["w"] + bipolar["b"]), 2 * y - 1)
    # with 0/1 coding only the (1, 1) -> 1 example moves anything: weights only grow
    binary = perceptron.train_hebb(X, y, epochs=3, learning_rate=0.5)
    assert binary["w"].tolist() == [1.5, 1.5] and binary["b"] == 1.5
    # unlike the perceptron rule, it changes the weights even when the answer is right
    again = perceptron.train_hebb(2 * X - 1, 2 * y - 1, epochs=2)
    assert again["w"].tolist() == [4.0, 4.0]
    with pytest.raises(ValueError, match="one target per row"):
        perceptron.train_hebb(X, y[:3])


def test_gradient_check_gives_one_relative_error_per_parameter():
    generator = np.random.default_rng(1)
    X, y = generator.normal(size=(9, 3)), generator.integers(0, 3, size=9)
    params = perceptron.init_mlp(3, 5, 3, seed=2)
    errors = perceptron.gradient_check(params, X, y, "tanh")
    assert list(errors) == ["W1", "b1", "W2", "b2"]
    assert all(0 <= e < 1e-6 for e in errors.values())


def test_gradient_check_points_at_the_broken_parameter(monkeypatch):
    from helpers.perceptron import mlp

    generator = np.random.default_rng(1)
    X, y = generator.normal(size=(9, 3)), generator.integers(0, 3, size=9)
    params = perceptron.init_mlp(3, 5, 3, seed=2)
    backward = mlp.mlp_backward

    def broken(*args):  # a bug that doubles the gradient of W2
        grads = backward(*args)
        return {**grads, "W2": 2 * grads["W2"]}

    monkeypatch.setattr(mlp, "mlp_backward", broken)
    errors = perceptron.gradient_check(params, X, y, "tanh")
    assert errors["W2"] == pytest.approx(1 / 3)  # |2g - g| / (|2g| + |g|)
    assert max(errors["W1"], errors["b1"], errors["b2"]) < 1e-6
