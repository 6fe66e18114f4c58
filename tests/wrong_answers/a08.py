"""Wrong answers, shortcuts and honest variants for assignment a08 (the perceptron).

Shortcuts tried here: the lecture's ``helpers.perceptron`` functions, SciPy's softmax,
finite differences instead of backpropagation.
What each table holds and how the suite grades it: README.md beside this file.
"""

WRONG_ANSWERS = {
    # The derivative remembered as s * (1 + s) instead of s * (1 - s).
    "sigmoid_derivative_one_plus_s": {
        "sigmoid": """\
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.exp(-np.logaddexp(0.0, -z))


def sigmoid_derivative(z):
    s = sigmoid(z)
    return s * (1 + s)
""",
    },
    # The formula s * (1 - s) applied to z itself instead of to sigmoid(z).
    "sigmoid_derivative_of_z_not_s": {
        "sigmoid": """\
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.exp(-np.logaddexp(0.0, -z))


def sigmoid_derivative(z):
    z = np.asarray(z, dtype=float)
    return z * (1 - z)
""",
    },
    # The textbook formula without subtracting the maximum: exp(1000) = inf, inf / inf = nan.
    "softmax_without_the_max": {
        "softmax": """\
def softmax(Z):
    Z = np.asarray(Z, dtype=float)
    exps = np.exp(Z)
    return exps / exps.sum(axis=-1, keepdims=True)
""",
    },
    # Summed over the objects instead of averaged.
    "cross_entropy_sum_not_mean": {
        "cross_entropy": """\
def cross_entropy(P, y, eps=1e-12):
    P = np.asarray(P, dtype=float)
    picked = np.clip(P[np.arange(len(y)), y], eps, 1.0)
    return float(-np.sum(np.log(picked)))
""",
    },
    # The gradient of the summed loss: (P - T) not divided by the batch size.
    "backward_not_averaged_over_the_batch": {
        "backward": """\
def backward(params, X, y):
    X = np.asarray(X, dtype=float)
    H, P = forward(params, X)
    T = np.zeros_like(P)
    T[np.arange(len(y)), y] = 1.0
    G2 = P - T
    G1 = (G2 @ params["W2"].T) * (1 - H**2)
    return {"W1": X.T @ G1, "b1": G1.sum(axis=0), "W2": H.T @ G2, "b2": G2.sum(axis=0)}
""",
    },
    # tanh'(z) written as 1 - tanh(z) instead of 1 - tanh(z)**2.
    "backward_wrong_tanh_derivative": {
        "backward": """\
def backward(params, X, y):
    X = np.asarray(X, dtype=float)
    H, P = forward(params, X)
    T = np.zeros_like(P)
    T[np.arange(len(y)), y] = 1.0
    G2 = (P - T) / len(y)
    G1 = (G2 @ params["W2"].T) * (1 - H)
    return {"W1": X.T @ G1, "b1": G1.sum(axis=0), "W2": H.T @ G2, "b2": G2.sum(axis=0)}
""",
    },
    # The product in the wrong order: dW2 comes out transposed, shape (c, h) not (h, c).
    "backward_wrong_transpose": {
        "backward": """\
def backward(params, X, y):
    X = np.asarray(X, dtype=float)
    H, P = forward(params, X)
    T = np.zeros_like(P)
    T[np.arange(len(y)), y] = 1.0
    G2 = (P - T) / len(y)
    G1 = (G2 @ params["W2"].T) * (1 - H**2)
    return {"W1": X.T @ G1, "b1": G1.sum(axis=0), "W2": G2.T @ H, "b2": G2.sum(axis=0)}
""",
    },
    # The one-sided difference (f(x + h) - f(x)) / h: an error of order h, not h**2.
    "one_sided_difference": {
        "gradient_check": """\
def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    f_x = f(x)
    for index in np.ndindex(x.shape):
        shifted = x.copy()
        shifted[index] += h
        grad[index] = (f(shifted) - f_x) / h
    return grad


def relative_error(a, b):
    a = np.ravel(np.asarray(a, dtype=float))
    b = np.ravel(np.asarray(b, dtype=float))
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if scale == 0 else float(np.linalg.norm(a - b) / scale)
""",
    },
    # The gradient added instead of subtracted: gradient ascent climbs the loss.
    "train_climbs_the_gradient": {
        "train": """\
def train(X, y, n_hidden=16, learning_rate=0.5, n_epochs=200, batch_size=32, seed=0):
    X = np.asarray(X, dtype=float)
    params = init_params(X.shape[1], n_hidden, int(np.max(y)) + 1, seed)
    generator = np.random.default_rng(seed)
    losses = []
    for _ in range(n_epochs):
        order = generator.permutation(len(X))
        for start in range(0, len(X), batch_size):
            batch = order[start : start + batch_size]
            grads = backward(params, X[batch], y[batch])
            for name in params:
                params[name] = params[name] + learning_rate * grads[name]
        losses.append(cross_entropy(forward(params, X)[1], y))
    return params, losses
""",
    },
}

SHORTCUTS = {
    # The lecture's helper computes the logistic function.
    "sigmoid_from_the_course_helpers": {
        "cells": {
            "sigmoid": """\
def sigmoid(z):
    return helpers.perceptron.sigmoid(z)


def sigmoid_derivative(z):
    s = sigmoid(z)
    return s * (1 - s)
""",
        },
        "loses": ["test_sigmoid"],
    },
    # SciPy's softmax.
    "softmax_from_scipy": {
        "cells": {
            "softmax": """\
import scipy.special


def softmax(Z):
    return scipy.special.softmax(np.asarray(Z, dtype=float), axis=-1)
""",
        },
        "loses": ["test_softmax"],
    },
    # The lecture's helper computes the cross-entropy.
    "cross_entropy_from_the_course_helpers": {
        "cells": {
            "cross_entropy": """\
def cross_entropy(P, y, eps=1e-12):
    return helpers.perceptron.cross_entropy(P, y, eps=eps)
""",
        },
        "loses": ["test_cross_entropy"],
    },
    # The lecture's helper runs the forward pass.
    "forward_from_the_course_helpers": {
        "cells": {
            "forward": """\
def forward(params, X):
    P, cache = helpers.perceptron.mlp_forward(params, X)
    return cache["H"], P
""",
        },
        "loses": ["test_forward"],
    },
    # Central differences of the (clipped) loss instead of backpropagation.
    "backward_by_finite_differences": {
        "cells": {
            "backward": """\
def backward(params, X, y, h=1e-6):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    grads = {}
    for name, value in params.items():
        grads[name] = np.zeros_like(value)
        for index in np.ndindex(value.shape):
            plus = {k: v.copy() for k, v in params.items()}
            minus = {k: v.copy() for k, v in params.items()}
            plus[name][index] += h
            minus[name][index] -= h
            up, down = forward(plus, X)[1], forward(minus, X)[1]
            grads[name][index] = (cross_entropy(up, y) - cross_entropy(down, y)) / (2 * h)
    return grads
""",
        },
        "loses": ["test_backward"],
    },
    # The lecture's helpers compute the relative error.
    "relative_error_from_the_course_helpers": {
        "cells": {
            "gradient_check": """\
def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        old = x[index]
        x[index] = old + h
        f_plus = f(x)
        x[index] = old - h
        f_minus = f(x)
        x[index] = old
        grad[index] = (f_plus - f_minus) / (2 * h)
    return grad


def relative_error(a, b):
    return helpers.perceptron.relative_error(a, b)
""",
        },
        "loses": ["test_gradient_check"],
    },
    # The lecture's train_mlp does the training.
    "train_from_the_course_helpers": {
        "cells": {
            "train": """\
def train(X, y, n_hidden=16, learning_rate=0.5, n_epochs=200, batch_size=32, seed=0):
    model, losses = helpers.perceptron.train_mlp(
        X,
        np.asarray(y),
        hidden=n_hidden,
        epochs=n_epochs,
        step_size=learning_rate,
        batch_size=batch_size,
        seed=seed,
    )
    return model.params, list(losses[1:])
""",
        },
        "loses": ["test_train"],
    },
}

HONEST = {
    # The stable form with np.where instead of logaddexp.
    "sigmoid_with_where": {
        "sigmoid": """\
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    small = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + small), small / (1 + small))


def sigmoid_derivative(z):
    return sigmoid(z) * sigmoid(-z)
""",
    },
    # Backpropagation with the one-hot matrix from np.eye.
    "backward_with_eye": {
        "backward": """\
def backward(params, X, y):
    import numpy

    X = numpy.asarray(X, dtype=float)
    H, P = forward(params, X)
    G2 = (P - numpy.eye(P.shape[1])[numpy.asarray(y)]) / len(X)
    G1 = G2 @ params["W2"].T * (1 - H * H)
    return {"W1": X.T @ G1, "b1": G1.sum(0), "W2": H.T @ G2, "b2": G2.sum(0)}
""",
    },
    # Training with the weights updated in place through a dict comprehension.
    "train_with_a_comprehension": {
        "train": """\
def train(X, y, n_hidden=16, learning_rate=0.5, n_epochs=200, batch_size=32, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    params = init_params(X.shape[1], n_hidden, int(y.max()) + 1, seed)
    shuffle = np.random.default_rng(seed)
    losses = []
    for _ in range(n_epochs):
        order = shuffle.permutation(len(X))
        for batch in np.array_split(order, range(batch_size, len(X), batch_size)):
            grads = backward(params, X[batch], y[batch])
            params = {k: v - learning_rate * grads[k] for k, v in params.items()}
        losses.append(cross_entropy(forward(params, X)[1], y))
    return params, losses
""",
    },
}


# --- recorded by tests/wrong_answers/record.py: do not edit by hand ---
WRONG_LOSES = {
    "backward_not_averaged_over_the_batch": ["test_backward", "test_train"],
    "backward_wrong_tanh_derivative": ["test_backward", "test_train"],
    "backward_wrong_transpose": ["test_backward", "test_train"],
    "cross_entropy_sum_not_mean": ["test_cross_entropy"],
    "one_sided_difference": ["test_gradient_check"],
    "sigmoid_derivative_of_z_not_s": ["test_sigmoid"],
    "sigmoid_derivative_one_plus_s": ["test_sigmoid"],
    "softmax_without_the_max": ["test_softmax"],
    "train_climbs_the_gradient": ["test_train"],
}
