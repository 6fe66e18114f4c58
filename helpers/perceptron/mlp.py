"""A computational graph and a one-hidden-layer perceptron, by hand in NumPy (lesson 08)."""

from dataclasses import dataclass

import numpy as np

from helpers import config
from helpers.nn import activation_pair, cross_entropy, relative_error, softmax
from helpers.validate import check_count

# --- the computational graph of Q = w1**2 * w2**2 --------------------------------------


def square_product(w):
    """Chirkova's ``Q(w1, w2) = w1**2 * w2**2`` for ``w = (w1, w2)``."""
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
        check_count(value, name, 1)
    generator = config.rng(seed)
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
    f, _ = activation_pair(activation_name)
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
    _, df = activation_pair(activation_name)
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


def _both_gradients(params, X, y, activation_name, h):
    """Backprop's gradient and the numerical one, each as a dict with the keys of ``params``.

    The numerical gradient uses the central difference on every weight in turn
    (:func:`helpers.nn.numerical_gradient` on the weights laid out as one vector).
    """
    from helpers.nn import numerical_gradient

    names = list(params)
    shapes = [np.shape(params[name]) for name in names]
    sizes = [int(np.prod(shape)) for shape in shapes]

    def unflatten(vector):
        parts = np.split(vector, np.cumsum(sizes)[:-1])
        return {n: p.reshape(s) for n, p, s in zip(names, parts, shapes, strict=True)}

    flat = np.concatenate([np.ravel(params[name]) for name in names])
    numeric = numerical_gradient(lambda v: mlp_loss(unflatten(v), X, y, activation_name), flat, h)
    P, cache = mlp_forward(params, X, activation_name)
    return mlp_backward(params, P, cache, y, activation_name), unflatten(numeric)


def gradient_check(params, X, y, activation_name="tanh", h=1e-6):
    """The relative error between backprop's gradient and the numerical one, per parameter.

    Returns a dict ``{"W1": ..., "b1": ..., "W2": ..., "b2": ...}`` of
    :func:`helpers.nn.relative_error` values: about 1e-7 or less when backprop is right.
    """
    analytic, numeric = _both_gradients(params, X, y, activation_name, h)
    return {name: relative_error(analytic[name], numeric[name]) for name in params}


def flat_gradient_check(params, X, y, activation_name="tanh", h=1e-6):
    """The relative error between backprop's gradient and the numerical one, all weights at once.

    The same comparison as :func:`gradient_check`, on all weights laid out as one vector.
    """
    analytic, numeric = _both_gradients(params, X, y, activation_name, h)
    return relative_error(
        np.concatenate([np.ravel(analytic[name]) for name in params]),
        np.concatenate([np.ravel(numeric[name]) for name in params]),
    )


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
    check_count(epochs, "epochs", 1)
    if batch_size is not None:
        check_count(batch_size, "batch_size", 1)
    generator = config.rng(seed)
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
