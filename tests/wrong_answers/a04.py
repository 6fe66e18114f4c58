"""Plausible wrong answers to assignment a04 (linear regression); each must lose points.

``WRONG_ANSWERS`` maps a label (what the student got wrong) to a dict from the
``grade_id`` of a solution cell in ``solutions/a04/a04_linear_regression.ipynb`` to the
full source a student might have typed into that cell.  ``tests/test_assignments.py``
hands in the release with every other solution cell answered correctly and these
cells replaced, autogrades it, and checks that the score is below full marks.
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
