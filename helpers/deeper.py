"""Deep networks in NumPy: gradients through many layers, initialization, optimizers (lesson 10).

Pure functions: each takes arrays and returns arrays (or a matplotlib
``Figure``) and changes nothing else, so the lecture's optimizer explorer and
the tests call the very same code.

* weight initialization: :func:`init_std` (Xavier / He / fixed), :func:`init_network`;
* a deep fully connected network by hand: :func:`forward`, :func:`backward`,
  :func:`layer_gradient_norms` (vanishing gradients), :func:`activation_stds`;
* optimizers as update rules: :func:`sgd_update`, :func:`momentum_update`,
  :func:`rmsprop_update`, :func:`adam_update`, and :func:`optimize`, which runs
  one of them on a 2-D loss and returns the whole path;
* the ravine ``R(w1, w2) = 0.05 * w1**2 + 2 * w2**2``: :func:`ravine`,
  :func:`ravine_gradient`, :func:`steps_to_reach`;
* pictures: :func:`draw_optimizer` (the explorer's figure), :func:`draw_optimizers`;
* regularization: :func:`regularization_verdicts` puts into words how each
  regularized network compares with the plain one, from the measured numbers.
"""

import numpy as np

from helpers import config, nn
from helpers.plots import plot_path
from helpers.validate import check_choice, check_count

#: The activation functions of the hand-made network (from :mod:`helpers.nn`, whose
#: derivatives take the pre-activation ``z``).
ACTIVATIONS = ("sigmoid", "tanh", "relu")

#: The weight-initialization schemes :func:`init_std` knows.
SCHEMES = ("xavier", "he", "small", "standard")

#: How a figure names each scheme: the two naive ones by their standard deviation.
SCHEME_LABELS = {"small": "std 0.01", "standard": "std 1", "xavier": "Xavier", "he": "He"}

#: The optimizers :func:`optimize` knows, with the learning rates the lecture uses.
OPTIMIZERS = {"sgd": 0.4, "momentum": 0.1, "rmsprop": 0.1, "adam": 0.3}

#: Where the optimizers start on the ravine.
RAVINE_START = (-4.5, 1.0)
_RAVINE_WINDOW = ((-5.0, 5.0), (-1.6, 1.6))


def init_std(fan_in, fan_out, scheme):
    """The standard deviation of the normal initial weights of a ``fan_in -> fan_out`` layer.

    * ``"xavier"`` (Glorot, for sigmoid and tanh): ``sqrt(2 / (fan_in + fan_out))``;
    * ``"he"`` (for ReLU): ``sqrt(2 / fan_in)``;
    * ``"small"``: 0.01; ``"standard"``: 1.0 (two naive choices).

    >>> round(init_std(784, 800, "xavier"), 4), round(init_std(784, 800, "he"), 4)
    (0.0355, 0.0505)
    """
    check_count(fan_in, "fan_in")
    check_count(fan_out, "fan_out")
    if scheme == "xavier":
        return float(np.sqrt(2 / (fan_in + fan_out)))
    if scheme == "he":
        return float(np.sqrt(2 / fan_in))
    if scheme == "small":
        return 0.01
    if scheme == "standard":
        return 1.0
    raise ValueError(f"Unknown scheme {scheme!r}; expected one of {', '.join(SCHEMES)}.")


def init_network(sizes, scheme, seed=0):
    """Weights ``[(W1, b1), (W2, b2), ...]`` of a network with layer sizes ``sizes``.

    ``sizes = [d, h, ..., h, c]``: ``W_k`` has shape ``(sizes[k-1], sizes[k])`` and is
    drawn from a normal distribution with the std of :func:`init_std`; biases are 0.
    A number as ``scheme`` makes every weight that constant (to show why that fails).
    """
    if len(sizes) < 2:
        raise ValueError(f"sizes needs at least an input and an output size, got {sizes!r}.")
    generator = config.rng(seed)
    layers = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:], strict=True):
        if isinstance(scheme, int | float) and not isinstance(scheme, bool):
            W = np.full((fan_in, fan_out), float(scheme))
        else:
            W = generator.normal(0.0, init_std(fan_in, fan_out, scheme), size=(fan_in, fan_out))
        layers.append((W, np.zeros(fan_out)))
    return layers


def _forward(layers, X, activation):
    """The outputs ``[X, A1, ..., P]`` and pre-activations ``[Z1, ..., Z_L]`` of every layer."""
    f, _ = nn.activation_pair(check_choice(activation, "activation", ACTIVATIONS))
    outputs, pre = [np.asarray(X, dtype=float)], []
    for k, (W, b) in enumerate(layers):
        pre.append(outputs[-1] @ W + b)
        last = k == len(layers) - 1
        outputs.append(nn.softmax(pre[-1]) if last else f(pre[-1]))
    return outputs, pre


def forward(layers, X, activation):
    """The activations of every layer: ``[X, A1, ..., A_{L-1}, P]``, softmax at the end."""
    return _forward(layers, X, activation)[0]


def backward(layers, X, y, activation):
    """Gradients ``[(dW1, db1), ...]`` of the mean cross-entropy, by backpropagation.

    Each hidden layer's error is multiplied by ``f'(Z_k)``, the derivative at its
    pre-activation (the contract of :mod:`helpers.nn`).
    """
    _, derivative = nn.activation_pair(activation)
    outputs, pre = _forward(layers, X, activation)
    y = np.asarray(y)
    G = outputs[-1].copy()
    G[np.arange(len(y)), y] -= 1
    G /= len(y)
    grads = []
    for k in range(len(layers) - 1, -1, -1):
        W, _ = layers[k]
        grads.append((outputs[k].T @ G, G.sum(axis=0)))
        if k > 0:
            G = (G @ W.T) * derivative(pre[k - 1])
    return grads[::-1]


def layer_gradient_norms(layers, X, y, activation):
    """The Euclidean norm of the gradient of each layer's weight matrix, first layer first."""
    return np.array([np.linalg.norm(dW) for dW, _ in backward(layers, X, y, activation)])


def activation_stds(layers, X, activation):
    """The standard deviation of each hidden layer's outputs (the signal going forward)."""
    return np.array([A.std() for A in forward(layers, X, activation)[1:-1]])


def train_network(layers, X, y, activation, learning_rate=0.5, n_steps=100):
    """Full-batch gradient descent; returns the trained layers (the input is left alone)."""
    layers = [(W.copy(), b.copy()) for W, b in layers]
    for _ in range(n_steps):
        grads = backward(layers, X, y, activation)
        layers = [
            (W - learning_rate * dW, b - learning_rate * db)
            for (W, b), (dW, db) in zip(layers, grads, strict=True)
        ]
    return layers


# ---------------------------------------------------------------- optimizers


def sgd_update(w, grad, state, learning_rate):
    """Plain gradient descent: ``w <- w - lr * g``.  Returns ``(w, state)``."""
    return w - learning_rate * grad, state


def momentum_update(w, grad, state, learning_rate, momentum=0.9):
    """Momentum (Nikonorov 2023): ``v <- momentum * v + lr * g``, ``w <- w - v``."""
    v = momentum * state.get("v", np.zeros_like(w)) + learning_rate * grad
    return w - v, {"v": v}


def rmsprop_update(w, grad, state, learning_rate, rho=0.9, eps=1e-8):
    """RMSProp: ``s <- rho * s + (1 - rho) * g**2``, ``w <- w - lr * g / (sqrt(s) + eps)``."""
    s = rho * state.get("s", np.zeros_like(w)) + (1 - rho) * grad**2
    return w - learning_rate * grad / (np.sqrt(s) + eps), {"s": s}


def adam_update(w, grad, state, learning_rate, beta1=0.9, beta2=0.999, eps=1e-8):
    """Adam: momentum on ``g`` and RMSProp on ``g**2``, both corrected for their zero start."""
    t = state.get("t", 0) + 1
    m = beta1 * state.get("m", np.zeros_like(w)) + (1 - beta1) * grad
    v = beta2 * state.get("v", np.zeros_like(w)) + (1 - beta2) * grad**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return w - learning_rate * m_hat / (np.sqrt(v_hat) + eps), {"t": t, "m": m, "v": v}


_UPDATES = {
    "sgd": sgd_update,
    "momentum": momentum_update,
    "rmsprop": rmsprop_update,
    "adam": adam_update,
}


def optimize(name, gradient, start, learning_rate, n_steps):
    """Run optimizer ``name`` (sgd, momentum, rmsprop, adam) and return its path.

    Row 0 of the returned array is ``start``, row k the point after k steps.
    A path that blows up stops early (the values are kept up to there).
    """
    if name not in _UPDATES:
        raise ValueError(f"Unknown optimizer {name!r}; expected one of {', '.join(_UPDATES)}.")
    if not learning_rate > 0:
        raise ValueError(f"The learning rate must be positive, got {learning_rate!r}.")
    w = np.asarray(start, dtype=float).copy()
    state, path = {}, [w.copy()]
    for _ in range(n_steps):
        w, state = _UPDATES[name](w, np.asarray(gradient(w), dtype=float), state, learning_rate)
        path.append(w.copy())
        if not np.all(np.isfinite(w)) or np.abs(w).max() > 1e6:
            break
    return np.array(path)


def ravine(w):
    """A long narrow valley ``R(w1, w2) = 0.05 * w1**2 + 2 * w2**2`` ((w1, w2) in the last axis)."""
    w = np.asarray(w, dtype=float)
    if w.shape[-1:] != (2,):
        raise ValueError(f"ravine() expects (w1, w2) in the last axis, got shape {w.shape}.")
    return 0.05 * w[..., 0] ** 2 + 2 * w[..., 1] ** 2


def ravine_gradient(w):
    """The gradient of the ravine: ``(0.1 * w1, 4 * w2)``."""
    w = np.asarray(w, dtype=float)
    return np.stack([0.1 * w[..., 0], 4 * w[..., 1]], axis=-1)


def steps_to_reach(path, loss=ravine, target=1e-3):
    """The first step at which ``loss`` drops below ``target`` (None if it never does)."""
    values = loss(np.asarray(path, dtype=float))
    below = np.flatnonzero(values < target)
    return int(below[0]) if below.size else None


def draw_optimizer(optimizer="momentum", learning_rate=0.1, n_steps=100, start=RAVINE_START):
    """The optimizer explorer's figure: the path on the ravine and the loss after each step."""
    from matplotlib.figure import Figure

    path = optimize(optimizer, ravine_gradient, start, learning_rate, n_steps)
    values = ravine(path)
    reached = steps_to_reach(path)
    fig = Figure(figsize=(10, 3.6), layout="constrained")
    left, right = fig.subplots(1, 2)
    plot_path(left, ravine, path, *_RAVINE_WINDOW)
    verdict = f"loss < 0.001 after {reached} steps" if reached is not None else "not there yet"
    if not np.all(np.isfinite(values)) or values[-1] > 1e3:
        verdict = "diverges"
    left.set_title(f"{optimizer}, learning rate {learning_rate:g}: {verdict}")
    right.semilogy(np.arange(len(values)), values, "-", color="C3")
    right.axhline(1e-3, color="0.6", lw=0.8, ls="--")
    right.set(xlabel="step", ylabel="loss (log scale)", title="the loss along the path")
    right.grid(alpha=0.3)
    return fig


def draw_optimizers(learning_rates=None, n_steps=100, start=RAVINE_START):
    """The four optimizers' paths on the ravine, one panel each."""
    from matplotlib.figure import Figure

    learning_rates = dict(OPTIMIZERS, **(learning_rates or {}))
    fig = Figure(figsize=(12, 5), layout="constrained")
    for ax, (name, lr) in zip(fig.subplots(2, 2).ravel(), learning_rates.items(), strict=True):
        path = optimize(name, ravine_gradient, start, lr, n_steps)
        plot_path(ax, ravine, path, *_RAVINE_WINDOW)
        ax.set_title(f"{name} (learning rate {lr:g}): {steps_to_reach(path)} steps to loss < 0.001")
    return fig


#: The numbers :func:`regularization_verdicts` needs for each network.
_RESULT_KEYS = ("train_loss", "val_loss", "val_accuracy")


def _compare(value, reference, tolerance, lower, higher):
    """``lower`` or ``higher`` (or "about the same") for ``value`` next to ``reference``."""
    if abs(value - reference) <= tolerance:
        return "about the same"
    return lower if value < reference else higher


def regularization_verdicts(results, baseline="none", tolerance=0.005):
    """One sentence per regularized network, comparing it with ``baseline`` in words.

    ``results`` maps a name to a dict of final numbers: ``train_loss`` and
    ``val_loss`` (the cross-entropy, without any penalty) and ``val_accuracy``.
    The gap is ``val_loss - train_loss``; differences within ``tolerance`` count
    as "about the same".

    >>> results = {"none": dict(train_loss=0.0, val_loss=0.5, val_accuracy=0.88),
    ...            "L2": dict(train_loss=0.02, val_loss=0.45, val_accuracy=0.881)}
    >>> for part in regularization_verdicts(results)[0].split(", "):
    ...     print(part)
    L2: validation loss 0.450 against 0.500 (lower)
    gap 0.430 against 0.500 (narrower)
    validation accuracy 0.881 against 0.880 (about the same)
    """
    if baseline not in results:
        raise ValueError(f"results has no entry {baseline!r} to compare with; got {list(results)}.")
    for name, numbers in results.items():
        missing = [key for key in _RESULT_KEYS if key not in numbers]
        if missing:
            raise ValueError(f"results[{name!r}] lacks {', '.join(missing)}.")
    plain = results[baseline]
    plain_gap = plain["val_loss"] - plain["train_loss"]
    sentences = []
    for name, numbers in results.items():
        if name == baseline:
            continue
        gap = numbers["val_loss"] - numbers["train_loss"]
        loss, accuracy = numbers["val_loss"], numbers["val_accuracy"]
        sentences.append(
            f"{name}: validation loss {loss:.3f} against {plain['val_loss']:.3f} "
            f"({_compare(loss, plain['val_loss'], tolerance, 'lower', 'higher')}), "
            f"gap {gap:.3f} against {plain_gap:.3f} "
            f"({_compare(gap, plain_gap, tolerance, 'narrower', 'wider')}), "
            f"validation accuracy {accuracy:.3f} against {plain['val_accuracy']:.3f} "
            f"({_compare(accuracy, plain['val_accuracy'], tolerance, 'lower', 'higher')})"
        )
    return sentences
