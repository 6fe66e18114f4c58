"""Logic gates, toy data, the threshold neuron, its two oldest learning rules (Hebb's and
Rosenblatt's) and the activation picture (lesson 08)."""

import numpy as np

from helpers import config
from helpers.nn import ACTIVATIONS, activation, activation_derivative
from helpers.perceptron.mlp import _labels, _points
from helpers.validate import check_count

PLAYGROUND_DATASETS = ("circles", "moons", "xor", "spiral")
TRUTH_TABLES = ("and", "or", "xor")


# --- data -------------------------------------------------------------------------


def truth_table(name):
    """The four inputs of a logic gate and its outputs: ``(X, y)``, X of shape (4, 2).

    >>> X, y = truth_table("xor")
    >>> X.tolist(), y.tolist()
    ([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], [0, 1, 1, 0])
    """
    if name not in TRUTH_TABLES:
        raise ValueError(
            f"Unknown truth table {name!r}; expected one of {', '.join(TRUTH_TABLES)}."
        )
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    a, b = X[:, 0].astype(int), X[:, 1].astype(int)
    y = {"and": a & b, "or": a | b, "xor": a ^ b}[name]
    return X, y.astype(int)


def make_data(name, n_samples=200, noise=None, seed=0):
    """A 2-D two-class toy set for the playground: ``(X, y)``, X of shape (n, 2), y of 0/1.

    ``"circles"`` a ring around a disc, ``"moons"`` two interleaving half circles (both
    from :func:`helpers.classifiers.make_dataset`), ``"xor"`` points in the four
    quadrants with the class given by the sign of ``x1 * x2``, ``"spiral"`` two
    interleaved spiral arms.  ``noise`` is the spread of the Gaussian noise (defaults
    0.1 circles, 0.15 moons, 0.15 xor, 0.05 spiral).
    """
    from helpers import classifiers

    if name not in PLAYGROUND_DATASETS:
        raise ValueError(
            f"Unknown data set {name!r}; expected one of {', '.join(PLAYGROUND_DATASETS)}."
        )
    check_count(n_samples, "n_samples", 4)
    check_count(seed, "seed", 0)
    if name in ("circles", "moons"):
        default = {"circles": 0.1, "moons": 0.15}[name]
        return classifiers.make_dataset(
            name, n_samples=n_samples, noise=default if noise is None else noise, seed=seed
        )
    generator = config.rng(seed)
    if name == "xor":
        noise = 0.15 if noise is None else noise
        centres = np.array([[-1, -1], [-1, 1], [1, -1], [1, 1]], dtype=float) * 0.6
        corner = np.arange(n_samples) % 4
        X = centres[corner] + generator.normal(scale=0.25 + noise, size=(n_samples, 2))
        y = (X[:, 0] * X[:, 1] < 0).astype(int)
        return X, y
    noise = 0.05 if noise is None else noise
    y = np.arange(n_samples) % 2
    t = generator.uniform(0.25, 1.0, size=n_samples)  # distance along the arm
    angle = 3.5 * np.pi * t + np.pi * y
    X = np.c_[t * np.cos(angle), t * np.sin(angle)] * 1.5
    X = X + generator.normal(scale=noise, size=X.shape)
    return X, y.astype(int)


# --- the threshold neuron -------------------------------------------------------------


def step(z):
    """The threshold (Heaviside) activation: 1 where ``z > 0``, else 0 (an int array)."""
    return (np.asarray(z) > 0).astype(int)


def train_hebb(X, y, epochs=1, learning_rate=1.0):
    """Hebb's rule (1949): strengthen the weights of inputs that are active with the output.

    For each example, ``w += learning_rate * x * y`` and ``b += learning_rate * y``,
    where ``y`` is the *target* output (the neuron is clamped to it): a correlation
    rule with no error in it, so a weight changes even when the neuron already
    answers right.  Works best with inputs and targets coded as -1 and +1 (then the
    neuron predicts ``sign(w . x + b)``).  Starts from zero weights; returns a dict
    with the final ``"w"`` and ``"b"``.
    """
    X = _points(X)
    y = np.asarray(y, dtype=float)
    if y.shape != (len(X),):
        raise ValueError(f"y must hold one target per row of X, {len(X)} in all, got {y!r}.")
    check_count(epochs, "epochs", 1)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        for x_i, y_i in zip(X, y, strict=True):
            w = w + learning_rate * x_i * y_i
            b = b + learning_rate * y_i
    return {"w": w, "b": b}


def train_perceptron(X, y, epochs=10, learning_rate=1.0, w=None, b=0.0):
    """Rosenblatt's perceptron rule (error correction), one example at a time in order.

    Unlike Hebb's rule (:func:`train_hebb`), it changes the weights only after a
    mistake, in proportion to the error ``y - y_hat``.  For each example: predict
    ``y_hat = step(w . x + b)``, then
    ``w += learning_rate * (y - y_hat) * x`` and ``b += learning_rate * (y - y_hat)``
    (nothing changes when the prediction is right).  Starts from ``w`` (default zeros)
    and ``b``.  Returns a dict with the final ``"w"`` and ``"b"``, the ``"accuracy"``
    after each epoch and the number of ``"mistakes"`` made during each epoch.
    """
    X = _points(X)
    y = _labels(y, len(X))
    check_count(epochs, "epochs", 1)
    w = np.zeros(X.shape[1]) if w is None else np.array(w, dtype=float)
    b = float(b)
    accuracy, mistakes = [], []
    for _ in range(epochs):
        wrong = 0
        for x_i, y_i in zip(X, y, strict=True):
            error = y_i - int(step(x_i @ w + b))
            if error:
                wrong += 1
                w = w + learning_rate * error * x_i
                b = b + learning_rate * error
        mistakes.append(wrong)
        accuracy.append(float(np.mean(step(X @ w + b) == y)))
    return {"w": w, "b": b, "accuracy": accuracy, "mistakes": mistakes}


def best_line_accuracy(X, y, n_angles=360, n_offsets=201):
    """The best accuracy any straight line reaches on ``(X, y)``, by brute force.

    Tries ``n_angles`` directions and ``n_offsets`` positions for each, both ways round.
    """
    X = _points(X)
    y = _labels(y, len(X))
    angles = np.linspace(0, np.pi, n_angles, endpoint=False)
    normals = np.c_[np.cos(angles), np.sin(angles)]
    projections = X @ normals.T  # (n, n_angles)
    reach = np.abs(projections).max() + 1
    best = 0.0
    for offset in np.linspace(-reach, reach, n_offsets):
        above = projections > offset
        right = (above == y[:, None]).mean(axis=0)
        best = max(best, float(right.max()), float((1 - right).max()))
    return best


# --- activations (their functions live in helpers.nn) ---------------------------------


def draw_activations(names=tuple(ACTIVATIONS), limits=(-4.0, 4.0)):
    """One panel per activation: the function (solid) and its derivative (dashed)."""
    from matplotlib.figure import Figure

    z = np.linspace(*limits, 401)
    fig = Figure(figsize=(2.9 * len(names), 2.8), layout="constrained")
    axes = np.atleast_1d(fig.subplots(1, len(names), sharey=True))
    for ax, name in zip(axes, names, strict=True):
        ax.plot(z, activation(name, z), lw=2, label="f(z)")
        ax.plot(z, activation_derivative(name, z), "--", lw=1.5, label="f'(z)")
        ax.axhline(0, color="0.6", lw=0.6)
        ax.axvline(0, color="0.6", lw=0.6)
        ax.set(title=name, xlabel="z", ylim=(-1.5, 2.5))
        ax.grid(alpha=0.3)
    axes[0].legend(loc="upper left")
    return fig
