"""Plausible wrong answers to assignment a06 (machine-learning algorithms); each must lose points.

``WRONG_ANSWERS`` maps a label (what the student got wrong) to a dict from the
``grade_id`` of a solution cell in ``solutions/a06/a06_ml_algorithms.ipynb`` to the
full source a student might have typed into that cell.  ``tests/test_assignments.py``
hands in the release with every other solution cell answered correctly and these
cells replaced, autogrades it, and checks that the score is below full marks.
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
