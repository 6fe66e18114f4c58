"""NumPy building blocks of a neural network: activations, softmax, cross-entropy, gradients.

Every lesson that computes a network by hand (08 the perceptron, 10 deeper
networks, 12 the autoencoder run without TensorFlow) takes these from here.

Contracts
---------
* **Activations** (:data:`ACTIVATIONS`, :func:`activation`): applied elementwise to
  the pre-activation ``z``.
* **Derivatives** (:func:`activation_derivative`) are functions of the
  *pre-activation* ``z``, never of the output ``a = f(z)``: ``f'(z)``.  (The
  lectures also show the shortcut in terms of the output, e.g.
  ``sigmoid'(z) = a (1 - a)`` and ``tanh'(z) = 1 - a**2``; the code takes ``z``.)
  At ``z = 0`` ReLU and its kin take the left value (ReLU's derivative is 0 there).
* **Softmax** works along the last axis and never overflows; **cross-entropy**
  takes probabilities ``(n, c)`` and integer labels ``(n,)``.
* **Numerical gradient**: the central difference ``(f(w + h e_i) - f(w - h e_i)) / 2h``
  for each coordinate ``i`` of a 1-D point ``w``; :func:`relative_error` compares it
  with backpropagation's gradient.

Inputs are never changed; every function returns new arrays.
"""

import numpy as np

from helpers.validate import check_choice

#: Nikonorov (2023) writes leaky ReLU as max(0.1 x, x); ELU with alpha = 1.
LEAKY_SLOPE = 0.1
ELU_ALPHA = 1.0


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
"""Name -> (function of z, derivative as a function of z)."""


def activation_pair(name):
    """``(f, f')`` for the activation ``name``, both taking the pre-activation ``z``."""
    return ACTIVATIONS[check_choice(name, "activation", tuple(ACTIVATIONS))]


def activation(name, z):
    """The activation function ``name`` applied to ``z`` elementwise."""
    return activation_pair(name)[0](np.asarray(z, dtype=float))


def activation_derivative(name, z):
    """The derivative of the activation ``name`` at the pre-activation ``z``, elementwise.

    >>> activation_derivative("sigmoid", [0.0]).tolist()
    [0.25]
    """
    return activation_pair(name)[1](np.asarray(z, dtype=float))


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


# --- gradients by finite differences ------------------------------------------------------


def numerical_gradient(f, w, h=1e-5):
    """The gradient of ``f`` at the point ``w``: one central difference per coordinate.

    >>> numerical_gradient(lambda w: w[0] ** 2 + 5 * w[1] ** 2, [-1.0, 0.25]).round(6)
    array([-2. ,  2.5])
    """
    w = np.asarray(w, dtype=float)
    if w.ndim != 1 or w.size == 0:
        raise ValueError(f"w must be a non-empty 1-D sequence of numbers, got shape {w.shape}.")
    if not h > 0:
        raise ValueError(f"The step h must be positive, got {h!r}.")
    gradient = np.empty_like(w)
    for i in range(w.size):
        shift = np.zeros_like(w)
        shift[i] = h
        gradient[i] = (f(w + shift) - f(w - shift)) / (2 * h)
    return gradient


def relative_error(a, b):
    """``|a - b| / (|a| + |b|)`` with Euclidean norms: 0 for equal vectors, at most 1."""
    a, b = np.ravel(np.asarray(a, dtype=float)), np.ravel(np.asarray(b, dtype=float))
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if scale == 0 else float(np.linalg.norm(a - b) / scale)
