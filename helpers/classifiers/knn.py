"""The k-nearest-neighbours explorer of lesson 06: its data, its curve and its figure."""

import functools

import numpy as np

from helpers.classifiers.regions import draw_decision_regions, make_dataset, split

# --- the k-NN widget ---------------------------------------------------------------

KNN_DATA = {"n_samples": 200, "noise": 0.35, "seed": 0, "test_size": 0.5}
KNN_N_TRAIN = 100  # 200 points, half of them for training


def knn_data():
    """The widget's data: ``X_train, X_test, y_train, y_test`` from a noisy moons set."""
    return [part.copy() for part in _knn_data()]


@functools.cache
def _knn_data():
    X, y = make_dataset(
        "moons", n_samples=KNN_DATA["n_samples"], noise=KNN_DATA["noise"], seed=KNN_DATA["seed"]
    )
    return split(X, y, test_size=KNN_DATA["test_size"])


def _check_k(k, n_train):
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= k <= n_train:
        raise ValueError(
            f"k must be a whole number from 1 to the number of training points ({n_train}), "
            f"got {k!r}."
        )


def knn_accuracy_curve(ks):
    """Train and test accuracy of k-NN on the widget's data for each k in ``ks``.

    Returns ``(train, test)``, two arrays as long as ``ks``.
    """
    ks = [int(k) for k in ks]
    for k in ks:
        _check_k(k, KNN_N_TRAIN)
    scores = np.array([_knn_scores(k) for k in ks]).reshape(len(ks), 2)
    return scores[:, 0], scores[:, 1]


@functools.lru_cache(maxsize=256)
def _knn_scores(k):
    """(train accuracy, test accuracy) of k-NN with ``k`` neighbours; remembered per k."""
    from sklearn.neighbors import KNeighborsClassifier

    X_train, X_test, y_train, y_test = _knn_data()
    model = KNeighborsClassifier(n_neighbors=k).fit(X_train, y_train)
    return float(model.score(X_train, y_train)), float(model.score(X_test, y_test))


def draw_knn_explorer(k=15, k_max=75, resolution=100):
    """The k-NN widget: decision regions for ``k`` neighbours, and accuracy against k.

    Left: the regions of a k-NN classifier trained on 100 noisy moons points (dots;
    the 100 triangles are the test set), with train and test accuracy in the
    title.  Right: train and test accuracy for every k from 1 to ``k_max``, the
    current k marked.  Small k overfits (islands around single points), large k
    underfits (one smooth, nearly straight boundary).
    """
    from matplotlib.figure import Figure
    from sklearn.neighbors import KNeighborsClassifier

    _check_k(k_max, KNN_N_TRAIN)
    _check_k(k, k_max)
    X_train, X_test, y_train, y_test = knn_data()
    model = KNeighborsClassifier(n_neighbors=k).fit(X_train, y_train)
    ks = np.arange(1, k_max + 1)
    train, test = knn_accuracy_curve(ks)
    fig = Figure(figsize=(10, 4), layout="constrained")
    left, right = fig.subplots(1, 2, width_ratios=[1, 1.1])
    title = f"k = {k}: train accuracy {train[k - 1]:.2f}, test accuracy {test[k - 1]:.2f}"
    points = (X_train, y_train, X_test, y_test)
    share = "share of the k neighbours voting blue (class 1)"
    draw_decision_regions(
        model, *points, ax=left, resolution=resolution, title=title, colorbar=share
    )
    right.plot(ks, train, "-", color="tab:orange", label="training set")
    right.plot(ks, test, "-", color="tab:green", label="test set")
    right.axvline(k, color="k", ls="--", lw=1)
    right.plot([k, k], [train[k - 1], test[k - 1]], "ko", ms=5)
    right.set(xlabel="k (number of neighbours)", ylabel="accuracy", ylim=(0.45, 1.02))
    right.set_title("overfit (small k)  ←→  underfit (large k)", fontsize=10)
    right.legend(loc="lower left")
    right.grid(alpha=0.3)
    return fig
