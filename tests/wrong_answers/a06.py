"""Wrong answers, shortcuts and honest variants for assignment a06 (machine-learning algorithms).

Shortcuts tried here: scikit-learn or SciPy where the task says NumPy, the course's
helpers, finite differences instead of the derivative.
What each table holds and how the suite grades it: README.md beside this file.
"""

WRONG_ANSWERS = {
    # "A point is its own nearest neighbour, so skip the first": wrong for new points,
    # and it returns the 2nd to (k+1)-th nearest instead of the k nearest.
    "k_nearest_skips_the_nearest": {
        "k_nearest": """\
def k_nearest(X_train, X_query, k):
    if not 1 <= k <= len(X_train):
        raise ValueError(f"k must be between 1 and {len(X_train)}, got {k}.")
    distances = pairwise_distances(X_query, X_train)
    return np.argsort(distances, axis=1, kind="stable")[:, 1 : k + 1]
""",
    },
    # Counter.most_common breaks ties by first appearance, i.e. in favour of the
    # nearest neighbour, not the smallest label.
    "tie_goes_to_the_nearest_neighbour": {
        "knn_predict": """\
from collections import Counter


def knn_predict(X_train, y_train, X_test, k):
    y_train = np.asarray(y_train)
    predictions = []
    for row in k_nearest(X_train, X_test, k):
        predictions.append(Counter(y_train[row].tolist()).most_common(1)[0][0])
    return np.array(predictions, dtype=int)
""",
    },
    # exp(z) / (1 + exp(z)) is inf / inf = nan for large z (and overflows).
    "sigmoid_overflows_to_nan": {
        "sigmoid": """\
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.exp(z) / (1 + np.exp(z))
""",
    },
    # Without clipping, a probability of 0 for the true class gives log(0) = -inf.
    "log_loss_without_clipping": {
        "log_loss": """\
def log_loss(y, p, eps=1e-12):
    y = np.asarray(y, dtype=float)
    p = np.asarray(p, dtype=float)
    if y.shape != p.shape:
        raise ValueError("y and p must have the same shape")
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
""",
    },
    # y - p instead of p - y: the gradient points uphill, and descent climbs the loss.
    "gradient_sign_flipped": {
        "log_loss_gradient": """\
def log_loss_gradient(X, y, w, b):
    X = np.asarray(X, dtype=float)
    error = np.asarray(y, dtype=float) - predict_proba(X, w, b)
    return X.T @ error / len(X), float(error.mean())
""",
    },
    # The bias is never updated, so the boundary must pass through the origin.
    "bias_never_trained": {
        "fit_logistic_regression": """\
def fit_logistic_regression(X, y, learning_rate=0.1, n_steps=1000):
    X = np.asarray(X, dtype=float)
    w, b = np.zeros(X.shape[1]), 0.0
    losses = [log_loss(y, predict_proba(X, w, b))]
    for _ in range(n_steps):
        grad_w, _ = log_loss_gradient(X, y, w, b)
        w = w - learning_rate * grad_w
        losses.append(log_loss(y, predict_proba(X, w, b)))
    return w, b, losses
""",
    },
}

SHORTCUTS = {
    # SciPy's cdist computes the distances, after the checks the task asks for.
    "distances_from_scipy": {
        "cells": {
            "pairwise_distances": """\
from scipy.spatial.distance import cdist


def pairwise_distances(A, B):
    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[1]:
        raise ValueError("A and B must be 2-D with the same number of columns")
    return cdist(A, B)
""",
        },
        "loses": ["test_pairwise_distances"],
    },
    # scikit-learn measures the distances (the task says NumPy only); stable sort by hand.
    "k_nearest_with_sklearn_distances": {
        "cells": {
            "k_nearest": """\
from sklearn import metrics


def k_nearest(X_train, X_query, k):
    if not 1 <= k <= len(X_train):
        raise ValueError(f"k must be between 1 and {len(X_train)}")
    distances = metrics.pairwise_distances(X_query, X_train)
    return np.argsort(distances, axis=1, kind="stable")[:, :k]
""",
        },
        "loses": ["test_k_nearest"],
    },
    # scikit-learn's KNeighborsClassifier votes.
    "knn_from_sklearn": {
        "cells": {
            "knn_predict": """\
from sklearn.neighbors import KNeighborsClassifier


def knn_predict(X_train, y_train, X_test, k):
    model = KNeighborsClassifier(n_neighbors=k).fit(X_train, y_train)
    return model.predict(X_test).astype(int)
""",
        },
        "loses": ["test_knn_predict", "test_knn_predict_ties"],
    },
    # SciPy's expit is the logistic function (a ufunc: it runs in C).
    "sigmoid_from_scipy": {
        "cells": {
            "sigmoid": """\
import scipy.special


def sigmoid(z):
    return scipy.special.expit(np.asarray(z, dtype=float))
""",
        },
        "loses": ["test_sigmoid"],
    },
    # scikit-learn's log_loss, on probabilities clipped as the task asks.
    "log_loss_from_sklearn": {
        "cells": {
            "log_loss": """\
from sklearn import metrics


def log_loss(y, p, eps=1e-12):
    p = np.clip(np.asarray(p, dtype=float), eps, 1 - eps)
    return float(metrics.log_loss(y, p, labels=[0, 1]))
""",
        },
        "loses": ["test_log_loss"],
    },
    # A scikit-learn LogisticRegression given the weights computes the probabilities.
    "predict_proba_from_sklearn": {
        "cells": {
            "predict_logistic": """\
from sklearn.linear_model import LogisticRegression


def predict_proba(X, w, b):
    model = LogisticRegression()
    model.coef_ = np.asarray(w, dtype=float)[None, :]
    model.intercept_ = np.array([float(b)])
    model.classes_ = np.array([0, 1])
    return model.predict_proba(np.asarray(X, dtype=float))[:, 1]


def predict(X, w, b, threshold=0.5):
    return (predict_proba(X, w, b) > threshold).astype(int)
""",
        },
        "loses": ["test_predict_logistic"],
    },
    # Finite differences of the log-loss (the course's numerical_gradient) instead of
    # the derivative.
    "gradient_by_finite_differences": {
        "cells": {
            "log_loss_gradient": """\
def log_loss_gradient(X, y, w, b):
    X = np.asarray(X, dtype=float)
    theta = np.append(np.asarray(w, dtype=float), float(b))

    def loss(v):
        return log_loss(y, predict_proba(X, v[:-1], v[-1]))

    grad = helpers.descent.numerical_gradient(loss, theta)
    return grad[:-1], float(grad[-1])
""",
        },
        "loses": ["test_log_loss_gradient"],
    },
    # The course's gradient_descent takes the steps.
    "descent_from_the_course_helpers": {
        "cells": {
            "fit_logistic_regression": """\
def fit_logistic_regression(X, y, learning_rate=0.1, n_steps=1000):
    X = np.asarray(X, dtype=float)

    def gradient(v):
        grad_w, grad_b = log_loss_gradient(X, y, v[:-1], v[-1])
        return np.append(grad_w, grad_b)

    path = helpers.descent.gradient_descent(
        gradient, np.zeros(X.shape[1] + 1), learning_rate, n_steps
    )
    losses = [log_loss(y, predict_proba(X, v[:-1], v[-1])) for v in path]
    return path[-1, :-1], float(path[-1, -1]), losses
""",
        },
        "loses": ["test_fit_logistic_regression"],
    },
}

HONEST = {
    # NumPy's norm over the difference vectors, NumPy imported inside.
    "distances_with_linalg_norm": {
        "pairwise_distances": """\
def pairwise_distances(A, B):
    import numpy

    A, B = numpy.asarray(A, dtype=float), numpy.asarray(B, dtype=float)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[1]:
        raise ValueError("A and B must be 2-D with the same number of columns")
    return numpy.linalg.norm(A[:, None, :] - B[None, :, :], axis=2)
""",
    },
    # The logistic function through logaddexp: exp(-log(1 + exp(-z))).
    "sigmoid_with_logaddexp": {
        "sigmoid": """\
def sigmoid(z):
    return np.exp(-np.logaddexp(0.0, -np.asarray(z, dtype=float)))
""",
    },
    # The loop written with an explicit parameter vector and the sigmoid called directly.
    "descent_with_one_parameter_vector": {
        "fit_logistic_regression": """\
def fit_logistic_regression(X, y, learning_rate=0.1, n_steps=1000):
    X1 = np.column_stack([np.asarray(X, dtype=float), np.ones(len(X))])
    y = np.asarray(y, dtype=float)
    theta = np.zeros(X1.shape[1])
    losses = [log_loss(y, sigmoid(X1 @ theta))]
    for _ in range(n_steps):
        theta = theta - learning_rate * X1.T @ (sigmoid(X1 @ theta) - y) / len(y)
        losses.append(log_loss(y, sigmoid(X1 @ theta)))
    return theta[:-1], float(theta[-1]), losses
""",
    },
}


# --- recorded by tests/wrong_answers/record.py: do not edit by hand ---
WRONG_LOSES = {
    "bias_never_trained": ["test_fit_logistic_regression"],
    "gradient_sign_flipped": ["test_fit_logistic_regression", "test_log_loss_gradient"],
    "k_nearest_skips_the_nearest": ["test_k_nearest", "test_knn_predict", "test_knn_predict_ties"],
    "log_loss_without_clipping": ["test_log_loss"],
    "sigmoid_overflows_to_nan": ["test_predict_logistic", "test_sigmoid"],
    "tie_goes_to_the_nearest_neighbour": ["test_knn_predict", "test_knn_predict_ties"],
}
