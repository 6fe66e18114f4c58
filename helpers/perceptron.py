"""Neurons, perceptrons and a small multi-layer perceptron in NumPy (lesson 08).

Everything a neural network does, written out by hand so that it can be read:

* data: the truth tables of AND, OR and XOR (:func:`truth_table`) and four 2-D
  toy sets, circles, moons, XOR and a spiral (:func:`make_data`);
* the threshold neuron and Rosenblatt's learning rule: :func:`step`,
  :func:`train_perceptron`, :func:`best_line_accuracy`;
* activation functions and their derivatives: :data:`ACTIVATIONS`,
  :func:`activation`, :func:`activation_derivative`;
* softmax and cross-entropy: :func:`softmax`, :func:`cross_entropy`;
* the computational graph of seed 003's ``Q = w1**2 * w2**2``: :func:`square_product`,
  :func:`square_product_graph`;
* a one-hidden-layer perceptron (MLP): :func:`init_mlp`, :func:`mlp_forward`,
  :func:`mlp_loss`, :func:`mlp_backward`, :func:`train_mlp` (full-batch, online or
  mini-batch), :class:`TrainedMLP`;
* pictures: :func:`draw_activations`, :func:`draw_playground` (the playground widget's
  figure; its computation is :func:`playground_run`).

Every function is pure: the same arguments give the same result (all randomness is
seeded), inputs are never changed, and figures are new ``matplotlib.figure.Figure``
objects (nothing is left open in pyplot).
"""

from dataclasses import dataclass

import numpy as np

PLAYGROUND_DATASETS = ("circles", "moons", "xor", "spiral")
TRUTH_TABLES = ("and", "or", "xor")

#: Seed 004 writes leaky ReLU as max(0.1 x, x); ELU with alpha = 1.
LEAKY_SLOPE = 0.1
ELU_ALPHA = 1.0


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


def _check_count(n, name, least):
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < least:
        raise ValueError(f"{name} must be a whole number of at least {least}, got {n!r}.")


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
    _check_count(n_samples, "n_samples", 4)
    _check_count(seed, "seed", 0)
    if name in ("circles", "moons"):
        default = {"circles": 0.1, "moons": 0.15}[name]
        return classifiers.make_dataset(
            name, n_samples=n_samples, noise=default if noise is None else noise, seed=seed
        )
    generator = np.random.default_rng(seed)
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


def train_perceptron(X, y, epochs=10, learning_rate=1.0, w=None, b=0.0):
    """Rosenblatt's perceptron rule, one example at a time in the given order.

    For each example: predict ``y_hat = step(w . x + b)``, then
    ``w += learning_rate * (y - y_hat) * x`` and ``b += learning_rate * (y - y_hat)``
    (nothing changes when the prediction is right).  Starts from ``w`` (default zeros)
    and ``b``.  Returns a dict with the final ``"w"`` and ``"b"``, the ``"accuracy"``
    after each epoch and the number of ``"mistakes"`` made during each epoch.
    """
    X = _points(X)
    y = _labels(y, len(X))
    _check_count(epochs, "epochs", 1)
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


# --- activations ----------------------------------------------------------------------


def sigmoid(z):
    """The logistic function ``1 / (1 + exp(-z))``, without overflow for large ``|z|``."""
    z = np.asarray(z, dtype=float)
    return np.exp(-np.logaddexp(0.0, -z))


def _elu(z):
    return np.where(z > 0, z, ELU_ALPHA * np.expm1(np.minimum(z, 0.0)))


ACTIVATIONS = {
    "sigmoid": (sigmoid, lambda z: sigmoid(z) * (1 - sigmoid(z))),
    "tanh": (np.tanh, lambda z: 1 - np.tanh(z) ** 2),
    "relu": (lambda z: np.maximum(z, 0.0), lambda z: (z > 0).astype(float)),
    "leaky_relu": (
        lambda z: np.where(z > 0, z, LEAKY_SLOPE * z),
        lambda z: np.where(z > 0, 1.0, LEAKY_SLOPE),
    ),
    "elu": (_elu, lambda z: np.where(z > 0, 1.0, _elu(z) + ELU_ALPHA)),
}
"""Name -> (function, derivative).  At 0 the derivatives of ReLU and its kin take the left value."""


def _activation(name):
    if name not in ACTIVATIONS:
        raise ValueError(f"Unknown activation {name!r}; expected one of {', '.join(ACTIVATIONS)}.")
    return ACTIVATIONS[name]


def activation(name, z):
    """The activation function ``name`` applied to ``z`` elementwise."""
    return _activation(name)[0](np.asarray(z, dtype=float))


def activation_derivative(name, z):
    """The derivative of the activation ``name`` at ``z``, elementwise."""
    return _activation(name)[1](np.asarray(z, dtype=float))


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


# --- softmax and cross-entropy ----------------------------------------------------------


def softmax(scores):
    """Softmax along the last axis, with the maximum subtracted first (no overflow)."""
    scores = np.asarray(scores, dtype=float)
    shifted = scores - scores.max(axis=-1, keepdims=True)
    exps = np.exp(shifted)
    return exps / exps.sum(axis=-1, keepdims=True)


def cross_entropy(probabilities, labels, reduction="mean", eps=1e-12):
    """Cross-entropy of class ``probabilities`` (n, c) against integer ``labels`` (n,).

    ``-log p[n, labels[n]]`` for each object, then their ``"mean"`` or ``"sum"``
    (``"none"`` returns the n values).  Probabilities are clipped to ``[eps, 1]``.
    """
    probabilities = np.asarray(probabilities, dtype=float)
    labels = np.asarray(labels)
    if probabilities.ndim != 2 or labels.shape != (len(probabilities),):
        raise ValueError(
            f"Expected probabilities of shape (n, c) and n labels, got shapes "
            f"{probabilities.shape} and {labels.shape}."
        )
    picked = probabilities[np.arange(len(labels)), labels]
    losses = -np.log(np.clip(picked, eps, 1.0))
    if reduction == "none":
        return losses
    if reduction not in ("mean", "sum"):
        raise ValueError(f"reduction must be 'mean', 'sum' or 'none', got {reduction!r}.")
    return float(losses.mean() if reduction == "mean" else losses.sum())


# --- the computational graph of Q = w1**2 * w2**2 --------------------------------------


def square_product(w):
    """Seed 003's ``Q(w1, w2) = w1**2 * w2**2`` for ``w = (w1, w2)``."""
    w1, w2 = np.asarray(w, dtype=float)
    return float(w1**2 * w2**2)


def square_product_graph(w1, w2):
    """Forward and backward pass through the graph ``z1 = w1**2, z2 = w2**2, Q = z1 * z2``.

    Returns a dict with the forward values ``z1, z2, Q``, the local derivatives of each
    block (``dQ/dz1 = z2``, ``dz1/dw1 = 2 w1``, ...) and, by the chain rule, the
    gradient ``dQ/dw1 = dQ/dz1 * dz1/dw1`` and ``dQ/dw2``.
    """
    w1, w2 = float(w1), float(w2)
    z1, z2 = w1**2, w2**2
    q = z1 * z2
    local = {"dQ/dz1": z2, "dQ/dz2": z1, "dz1/dw1": 2 * w1, "dz2/dw2": 2 * w2}
    return {
        "z1": z1,
        "z2": z2,
        "Q": q,
        **local,
        "dQ/dw1": local["dQ/dz1"] * local["dz1/dw1"],
        "dQ/dw2": local["dQ/dz2"] * local["dz2/dw2"],
    }


# --- a one-hidden-layer perceptron --------------------------------------------------------


def _points(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or len(X) == 0:
        raise ValueError(f"X must be a 2-D array of shape (n, d), got shape {X.shape}.")
    return X


def _labels(y, n):
    y = np.asarray(y)
    if y.shape != (n,) or (n and (y.min() < 0 or not np.issubdtype(y.dtype, np.integer))):
        raise ValueError(f"y must hold {n} whole-number class labels 0, 1, ..., got {y!r}.")
    return y


def init_mlp(n_inputs, n_hidden, n_outputs, seed=0):
    """Random weights of a one-hidden-layer network, Xavier-scaled; zero biases.

    Returns a dict ``{"W1": (d, h), "b1": (h,), "W2": (h, c), "b2": (c,)}``.
    """
    for value, name in ((n_inputs, "n_inputs"), (n_hidden, "n_hidden"), (n_outputs, "n_outputs")):
        _check_count(value, name, 1)
    generator = np.random.default_rng(seed)
    return {
        "W1": generator.normal(scale=np.sqrt(1 / n_inputs), size=(n_inputs, n_hidden)),
        "b1": np.zeros(n_hidden),
        "W2": generator.normal(scale=np.sqrt(1 / n_hidden), size=(n_hidden, n_outputs)),
        "b2": np.zeros(n_outputs),
    }


def mlp_forward(params, X, activation_name="tanh"):
    """The forward pass: ``Z1 = X W1 + b1``, ``H = f(Z1)``, ``P = softmax(H W2 + b2)``.

    Returns ``(P, cache)``: the class probabilities (n, c) and the intermediate values
    ``{"X", "Z1", "H"}`` the backward pass needs.
    """
    X = _points(X)
    f, _ = _activation(activation_name)
    Z1 = X @ params["W1"] + params["b1"]
    H = f(Z1)
    P = softmax(H @ params["W2"] + params["b2"])
    return P, {"X": X, "Z1": Z1, "H": H}


def mlp_loss(params, X, y, activation_name="tanh"):
    """The mean cross-entropy of the network's predictions on ``(X, y)``."""
    P, _ = mlp_forward(params, X, activation_name)
    return cross_entropy(P, _labels(y, len(P)))


def mlp_backward(params, P, cache, y, activation_name="tanh"):
    """Backpropagation: the gradient of the mean cross-entropy with respect to every weight.

    With one-hot targets ``T``: ``dZ2 = (P - T) / n``, ``dW2 = H^T dZ2``,
    ``db2 = sum of dZ2``, ``dH = dZ2 W2^T``, ``dZ1 = dH * f'(Z1)``, ``dW1 = X^T dZ1``,
    ``db1 = sum of dZ1``.  Returns a dict with the keys of ``params``.
    """
    _, df = _activation(activation_name)
    y = _labels(y, len(P))
    T = np.zeros_like(P)
    T[np.arange(len(y)), y] = 1.0
    dZ2 = (P - T) / len(y)
    dH = dZ2 @ params["W2"].T
    dZ1 = dH * df(cache["Z1"])
    return {
        "W1": cache["X"].T @ dZ1,
        "b1": dZ1.sum(axis=0),
        "W2": cache["H"].T @ dZ2,
        "b2": dZ2.sum(axis=0),
    }


def flat_gradient_check(params, X, y, activation_name="tanh", h=1e-6):
    """The relative error between backprop's gradient and the numerical one (see below).

    The numerical gradient uses the central difference on every weight in turn
    (:func:`helpers.descent.numerical_gradient` on the weights laid out as one vector).
    """
    from helpers.descent import numerical_gradient

    names = list(params)
    shapes = [np.shape(params[name]) for name in names]
    sizes = [int(np.prod(shape)) for shape in shapes]

    def unflatten(vector):
        parts = np.split(vector, np.cumsum(sizes)[:-1])
        return {n: p.reshape(s) for n, p, s in zip(names, parts, shapes, strict=True)}

    flat = np.concatenate([np.ravel(params[name]) for name in names])
    numeric = numerical_gradient(lambda v: mlp_loss(unflatten(v), X, y, activation_name), flat, h)
    P, cache = mlp_forward(params, X, activation_name)
    grads = mlp_backward(params, P, cache, y, activation_name)
    analytic = np.concatenate([np.ravel(grads[name]) for name in names])
    return relative_error(analytic, numeric)


def relative_error(a, b):
    """``|a - b| / (|a| + |b|)`` with Euclidean norms: 0 for equal vectors, at most 1."""
    a, b = np.ravel(np.asarray(a, dtype=float)), np.ravel(np.asarray(b, dtype=float))
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if scale == 0 else float(np.linalg.norm(a - b) / scale)


@dataclass
class TrainedMLP:
    """A trained network: its weights and activation, with scikit-learn-like predictions."""

    params: dict
    activation: str = "tanh"

    def predict_proba(self, X):
        """The class probabilities, shape (n, c)."""
        return mlp_forward(self.params, X, self.activation)[0]

    def predict(self, X):
        """The most probable class of each point."""
        return self.predict_proba(X).argmax(axis=1)

    def score(self, X, y):
        """The accuracy on ``(X, y)``."""
        return float(np.mean(self.predict(X) == np.asarray(y)))


def train_mlp(
    X,
    y,
    hidden=8,
    activation_name="tanh",
    epochs=300,
    step_size=0.5,
    batch_size=None,
    seed=0,
):
    """Train a one-hidden-layer network by gradient descent on the mean cross-entropy.

    ``batch_size=None`` is full-batch training (one step per epoch on all examples),
    ``batch_size=1`` online training (one step per example), anything in between
    mini-batch training; the examples are shuffled every epoch (seeded).  Returns
    ``(model, losses)``: a :class:`TrainedMLP` and the loss on the whole training set
    before training and after each epoch (``epochs + 1`` numbers).
    """
    X = _points(X)
    y = _labels(y, len(X))
    _check_count(epochs, "epochs", 1)
    if batch_size is not None:
        _check_count(batch_size, "batch_size", 1)
    generator = np.random.default_rng(seed)
    params = init_mlp(X.shape[1], hidden, int(y.max()) + 1, seed=seed)
    size = len(X) if batch_size is None else batch_size
    losses = [mlp_loss(params, X, y, activation_name)]
    for _ in range(epochs):
        order = np.arange(len(X)) if batch_size is None else generator.permutation(len(X))
        for start in range(0, len(X), size):
            batch = order[start : start + size]
            P, cache = mlp_forward(params, X[batch], activation_name)
            grads = mlp_backward(params, P, cache, y[batch], activation_name)
            params = {name: params[name] - step_size * grads[name] for name in params}
        losses.append(mlp_loss(params, X, y, activation_name))
    return TrainedMLP(params, activation_name), np.array(losses)


# --- the playground widget ---------------------------------------------------------------


def playground_run(dataset="xor", hidden=8, activation="tanh", epochs=300, step=0.5, seed=0):
    """The playground's computation: train a network on a 200-point toy set.

    Returns ``(X, y, model, losses)``: the data (:func:`make_data`), the trained
    :class:`TrainedMLP` and the loss curve (full-batch training, see :func:`train_mlp`).
    """
    X, y = make_data(dataset, n_samples=200, seed=seed)
    model, losses = train_mlp(
        X, y, hidden=hidden, activation_name=activation, epochs=epochs, step_size=step, seed=seed
    )
    return X, y, model, losses


def draw_playground(dataset="xor", hidden=8, activation="tanh", epochs=300, step=0.5, seed=0):
    """The playground: decision regions of a small trained network, and its loss curve.

    Left, the plane coloured by the network's probability of class 1 (the black line is
    the decision boundary) with the 200 training points; right, the training loss
    after each epoch of full-batch gradient descent.
    """
    from matplotlib.figure import Figure

    from helpers import classifiers

    X, y, model, losses = playground_run(dataset, hidden, activation, epochs, step, seed)
    fig = Figure(figsize=(9.5, 3.9), layout="constrained")
    left, right = fig.subplots(1, 2, width_ratios=[1.1, 1])
    classifiers.draw_decision_regions(
        model,
        X,
        y,
        ax=left,
        resolution=80,
        title=f"{dataset}: {hidden} hidden {activation} units, "
        f"training accuracy {model.score(X, y):.2f}",
    )
    right.plot(np.arange(len(losses)), losses, color="C3")
    right.set(xlabel="epoch", ylabel="cross-entropy (training set)", ylim=(0, None))
    right.set_title(f"loss {losses[0]:.3f} -> {losses[-1]:.3f} after {epochs} epochs", fontsize=10)
    right.grid(alpha=0.3)
    return fig


def draw_square_product_graph(w1=2.0, w2=3.0):
    """The computational graph of ``Q = w1**2 * w2**2``: forward values and backward gradients.

    Each box is a value; black numbers are the forward pass, red ones (under the boxes)
    the derivative of Q with respect to that value, found backwards by the chain rule.
    """
    from matplotlib.figure import Figure

    g = square_product_graph(w1, w2)
    nodes = {  # name: (box label, x, y, forward value, dQ/d(value))
        "w1": ("w1", 0.0, 1.0, w1, g["dQ/dw1"]),
        "w2": ("w2", 0.0, -1.0, w2, g["dQ/dw2"]),
        "z1": ("square: z1 = w1²", 1.6, 1.0, g["z1"], g["dQ/dz1"]),
        "z2": ("square: z2 = w2²", 1.6, -1.0, g["z2"], g["dQ/dz2"]),
        "Q": ("product: Q = z1·z2", 3.3, 0.0, g["Q"], 1.0),
    }
    fig = Figure(figsize=(8, 3.2), layout="constrained")
    ax = fig.subplots()
    for start, end in [("w1", "z1"), ("w2", "z2"), ("z1", "Q"), ("z2", "Q")]:
        (x0, y0), (x1, y1) = nodes[start][1:3], nodes[end][1:3]
        ax.annotate(
            "",
            xy=(x1 - 0.55, y1),
            xytext=(x0 + 0.55, y0),
            arrowprops={"arrowstyle": "-|>", "color": "0.3", "lw": 1.2},
        )
    for name, (label, x, y, value, grad) in nodes.items():
        ax.text(
            x,
            y,
            f"{label}\n{value:g}",
            ha="center",
            va="center",
            fontsize=10,
            bbox={"boxstyle": "round,pad=0.4", "fc": "#dbe9f6", "ec": "0.3"},
        )
        ax.text(x, y - 0.5, f"∂Q/∂{name} = {grad:g}", ha="center", va="top", color="C3")
    ax.set(xlim=(-0.7, 4.1), ylim=(-1.9, 1.6))
    ax.axis("off")
    ax.set_title("forward pass: values (black) →     ← backward pass: gradients (red)")
    return fig
