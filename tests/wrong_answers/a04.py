"""Wrong answers, shortcuts and honest variants for assignment a04 (linear regression).

Shortcuts tried here: scikit-learn, the course's helpers, ``lstsq`` or ``polyfit`` where
the task names the normal equation, a numerical gradient for the formula, a closed form
where the task asks for gradient descent.
What each table holds and how the suite grades it: README.md beside this file.
"""

WRONG_ANSWERS = {
    # The sum of squared errors instead of their mean.
    "mse_sums_instead_of_averaging": {
        "mse": """\
def mse(y, y_hat):
    y, y_hat = np.asarray(y, dtype=float), np.asarray(y_hat, dtype=float)
    if y.shape != y_hat.shape:
        raise ValueError(f"y has shape {y.shape} but y_hat has shape {y_hat.shape}.")
    return float(np.sum((y - y_hat) ** 2))
""",
    },
    # d/dw of (Xw - y)**2 taken as (Xw - y) * X: the factor 2 is forgotten.
    "gradient_without_the_factor_2": {
        "mse_gradient": """\
def mse_gradient(X, y, w):
    X, y, w = (np.asarray(a, dtype=float) for a in (X, y, w))
    if X.ndim != 2 or y.shape != (X.shape[0],) or w.shape != (X.shape[1],):
        raise ValueError("shapes do not match")
    return X.T @ (X @ w - y) / len(y)
""",
    },
    # The gradient of the *sum* of squares: no 1/n, so it grows with the data set.
    "gradient_without_the_1_over_n": {
        "mse_gradient": """\
def mse_gradient(X, y, w):
    X, y, w = (np.asarray(a, dtype=float) for a in (X, y, w))
    if X.ndim != 2 or y.shape != (X.shape[0],) or w.shape != (X.shape[1],):
        raise ValueError("shapes do not match")
    return 2 * X.T @ (X @ w - y)
""",
    },
    # Residual written as y - Xw: the gradient points downhill, so descent climbs.
    "gradient_sign_flipped": {
        "mse_gradient": """\
def mse_gradient(X, y, w):
    X, y, w = (np.asarray(a, dtype=float) for a in (X, y, w))
    if X.ndim != 2 or y.shape != (X.shape[0],) or w.shape != (X.shape[1],):
        raise ValueError("shapes do not match")
    return 2 / len(y) * X.T @ (y - X @ w)
""",
    },
    # The loss is recorded only after each update: the starting loss is missing.
    "losses_without_the_starting_loss": {
        "batch_gradient_descent": """\
def batch_gradient_descent(X, y, lr, epochs):
    if not lr > 0:
        raise ValueError("lr must be positive")
    if isinstance(epochs, bool) or not isinstance(epochs, int) or epochs < 0:
        raise ValueError("epochs must be a whole number >= 0")
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    w = np.zeros(X.shape[1])
    losses = []
    for _ in range(epochs):
        w = w - lr * mse_gradient(X, y, w)
        losses.append(mse(y, X @ w))
    return w, np.array(losses)
""",
    },
    # np.vander counts the other way: highest power first, like np.polyfit.
    "design_matrix_highest_power_first": {
        "polynomial_design_matrix": """\
def polynomial_design_matrix(x, degree):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1:
        raise ValueError("x must be 1-D")
    if isinstance(degree, bool) or not isinstance(degree, int) or degree < 0:
        raise ValueError("degree must be a whole number >= 0")
    return np.vander(x, degree + 1)
""",
    },
    # The sample standard deviation (ddof=1) instead of the population one.
    "standardize_with_sample_std": {
        "standardize": """\
def standardize(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    mean, std = X.mean(axis=0), X.std(axis=0, ddof=1)
    if np.any(std == 0):
        raise ValueError("a column of X is constant")
    return (X - mean) / std, mean, std
""",
    },
    # The weights of the standardized features returned as they are, not converted back.
    "descent_weights_not_converted_back": {
        "fit_polynomial_by_descent": """\
def fit_polynomial_by_descent(x, y, degree, lr=0.1, epochs=3000):
    X = polynomial_design_matrix(x, degree)
    if degree == 0:
        return batch_gradient_descent(X, y, lr, epochs)[0]
    Z, mean, std = standardize(X[:, 1:])
    c, _ = batch_gradient_descent(np.column_stack([np.ones(len(Z)), Z]), y, lr, epochs)
    return c
""",
    },
}

SHORTCUTS = {
    # scikit-learn computes the error.
    "mse_from_sklearn": {
        "cells": {
            "mse": """\
from sklearn.metrics import mean_squared_error


def mse(y, y_hat):
    if np.shape(y) != np.shape(y_hat):
        raise ValueError(f"shapes {np.shape(y)} and {np.shape(y_hat)} differ")
    return float(mean_squared_error(y, y_hat))
""",
        },
        "loses": ["test_mse"],
    },
    # The central difference the task suggests for checking, returned as the answer.
    "gradient_by_finite_differences": {
        "cells": {
            "mse_gradient": """\
def mse_gradient(X, y, w):
    X, y, w = (np.asarray(a, dtype=float) for a in (X, y, w))
    if X.ndim != 2 or y.shape != (X.shape[0],) or w.shape != (X.shape[1],):
        raise ValueError(f"shapes {X.shape}, {y.shape} and {w.shape} do not fit")
    h = 1e-6
    grad = np.zeros_like(w)
    for j in range(len(w)):
        e = np.zeros_like(w)
        e[j] = h
        grad[j] = (mse(y, X @ (w + e)) - mse(y, X @ (w - e))) / (2 * h)
    return grad
""",
        },
        "loses": ["test_mse_gradient"],
    },
    # The lecture's descent helper runs the loop.
    "descent_from_the_course_helpers": {
        "cells": {
            "batch_gradient_descent": """\
def batch_gradient_descent(X, y, lr, epochs):
    if not lr > 0:
        raise ValueError("lr must be positive")
    if isinstance(epochs, bool) or not isinstance(epochs, int | np.integer) or epochs < 0:
        raise ValueError("epochs must be a whole number >= 0")
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    path = helpers.descent.gradient_descent(
        lambda w: mse_gradient(X, y, w), np.zeros(X.shape[1]), lr, int(epochs)
    )
    return path[-1], np.array([mse(y, X @ w) for w in path])
""",
        },
        "loses": ["test_batch_gradient_descent"],
    },
    # No iterations: the whole trajectory in closed form, w_k = w* - (I - lr H)^k w*.
    "descent_in_closed_form": {
        "cells": {
            "batch_gradient_descent": """\
def batch_gradient_descent(X, y, lr, epochs):
    if not lr > 0:
        raise ValueError("lr must be positive")
    if isinstance(epochs, bool) or not isinstance(epochs, int | np.integer) or epochs < 0:
        raise ValueError("epochs must be a whole number >= 0")
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    best = np.linalg.solve(X.T @ X, X.T @ y)
    step = np.eye(X.shape[1]) - lr * 2 / len(y) * X.T @ X
    path = [best - np.linalg.matrix_power(step, k) @ best for k in range(epochs + 1)]
    return path[-1], np.array([mse(y, X @ w) for w in path])
""",
        },
        "loses": ["test_batch_gradient_descent"],
    },
    # Least squares by lstsq, not by the normal equation.
    "normal_equation_by_lstsq": {
        "cells": {
            "normal_equation": """\
def normal_equation(X, y):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or y.shape != (X.shape[0],):
        raise ValueError(f"shapes {X.shape} and {y.shape} do not fit")
    return np.linalg.lstsq(X, y, rcond=None)[0]
""",
        },
        "loses": ["test_normal_equation"],
    },
    # The lecture's helper builds the design matrix.
    "design_matrix_from_the_course_helpers": {
        "cells": {
            "polynomial_design_matrix": """\
def polynomial_design_matrix(x, degree):
    if np.ndim(x) != 1:
        raise ValueError("x must be 1-D")
    return helpers.descent.polynomial_design_matrix(x, degree).astype(float)
""",
        },
        "loses": ["test_polynomial_design_matrix"],
    },
    # np.polyfit, which the rules keep for checking only.
    "fit_polynomial_by_polyfit": {
        "cells": {
            "fit_polynomial": """\
def fit_polynomial(x, y, degree):
    if len(x) != len(y):
        raise ValueError("x and y have different lengths")
    return np.polyfit(x, y, degree)[::-1]
""",
        },
        "loses": ["test_fit_polynomial"],
    },
    # The lecture's helper standardizes.
    "standardize_from_the_course_helpers": {
        "cells": {
            "standardize": """\
def standardize(X):
    return helpers.descent.standardize(X)
""",
        },
        "loses": ["test_standardize"],
    },
    # "By descent" answered with the normal equation: no descent at all.
    "descent_fit_by_the_normal_equation": {
        "cells": {
            "fit_polynomial_by_descent": """\
def fit_polynomial_by_descent(x, y, degree, lr=0.1, epochs=3000):
    return fit_polynomial(x, y, degree)
""",
        },
        "loses": ["test_fit_polynomial_by_descent"],
    },
}

HONEST = {
    # The gradient written as X^T X w - X^T y, and np.dot.
    "gradient_expanded": {
        "mse_gradient": """\
def mse_gradient(X, y, w):
    X, y, w = np.asarray(X, dtype=float), np.asarray(y, dtype=float), np.asarray(w, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or w.ndim != 1:
        raise ValueError(f"X must be 2-D and y, w 1-D; got {X.shape}, {y.shape}, {w.shape}")
    if len(y) != len(X) or len(w) != X.shape[1]:
        raise ValueError(f"X {X.shape}, y {y.shape} and w {w.shape} do not fit")
    return 2 * (np.dot(X.T @ X, w) - np.dot(X.T, y)) / len(y)
""",
    },
    # A loop over the epochs that keeps the losses in a preallocated array.
    "descent_with_a_loss_array": {
        "batch_gradient_descent": """\
def batch_gradient_descent(X, y, lr, epochs):
    if lr <= 0:
        raise ValueError(f"lr must be positive, got {lr}")
    if not isinstance(epochs, int | np.integer) or isinstance(epochs, bool) or epochs < 0:
        raise ValueError(f"epochs must be a whole number >= 0, got {epochs}")
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    w = np.zeros(X.shape[1])
    losses = np.empty(epochs + 1)
    losses[0] = mse(y, X @ w)
    for epoch in range(1, epochs + 1):
        w -= lr * mse_gradient(X, y, w)
        losses[epoch] = mse(y, X @ w)
    return w, losses
""",
    },
    # np.vander, reversed (the task's own warning), and np.column_stack elsewhere.
    "design_matrix_with_vander": {
        "polynomial_design_matrix": """\
def polynomial_design_matrix(x, degree):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1:
        raise ValueError(f"x must be 1-D, got shape {x.shape}")
    if isinstance(degree, bool) or not isinstance(degree, int | np.integer) or degree < 0:
        raise ValueError(f"degree must be a whole number >= 0, got {degree!r}")
    return np.vander(x, degree + 1)[:, ::-1]
""",
    },
}


# --- recorded by tests/wrong_answers/record.py: do not edit by hand ---
WRONG_LOSES = {
    "descent_weights_not_converted_back": ["test_fit_polynomial_by_descent"],
    "design_matrix_highest_power_first": [
        "test_fit_polynomial",
        "test_fit_polynomial_by_descent",
        "test_polynomial_design_matrix",
    ],
    "gradient_sign_flipped": [
        "test_batch_gradient_descent",
        "test_fit_polynomial_by_descent",
        "test_mse_gradient",
    ],
    "gradient_without_the_1_over_n": [
        "test_batch_gradient_descent",
        "test_fit_polynomial_by_descent",
        "test_mse_gradient",
    ],
    "gradient_without_the_factor_2": [
        "test_batch_gradient_descent",
        "test_fit_polynomial_by_descent",
        "test_mse_gradient",
    ],
    "losses_without_the_starting_loss": ["test_batch_gradient_descent"],
    "mse_sums_instead_of_averaging": ["test_batch_gradient_descent", "test_mse"],
    "standardize_with_sample_std": ["test_fit_polynomial_by_descent", "test_standardize"],
}
