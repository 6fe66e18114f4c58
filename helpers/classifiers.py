"""Classifiers on 2-D toy data: the data sets, decision regions and a side-by-side comparison.

Lesson 06 compares classic machine-learning algorithms by *looking* at them: each
classifier is trained on a small 2-D data set and the plane is coloured by what it
predicts, so its decision boundary shows.  The pieces:

make_dataset / make_datasets   the three standard sets: moons, circles, linearly separable
classifiers                    the classifiers compared, each behind a StandardScaler
split                          a seeded train / test split
decision_grid                  a classifier's score for class 1 on a grid over the plane
draw_decision_regions          one classifier's regions with its training and test points
accuracy_table / format_table  test accuracy of every classifier on every data set
comparison_figure              the grid of pictures: rows = data sets, columns = classifiers
knn_accuracy_curve             train and test accuracy of k-NN for each k (the widget's data)
draw_knn_explorer              the k-NN widget's picture for one k

Every function is pure: the same arguments give the same result (all randomness
is seeded), estimators passed in are cloned, never fitted in place, and every
figure is a new ``matplotlib.figure.Figure`` (nothing is left open in pyplot).
"""

import functools

import numpy as np

DATASETS = ("moons", "circles", "linear")
POINT_COLOURS = ("#d62728", "#1f77b4")  # class 0 red, class 1 blue
REGION_CMAP = "RdBu"  # low score (class 0) red, high score (class 1) blue


# --- data -----------------------------------------------------------------------


def make_dataset(name, n_samples=100, noise=None, seed=0):
    """One of the three 2-D data sets: ``(X, y)`` with X of shape (n, 2), y of 0s and 1s.

    ``"moons"`` two interleaving half circles, ``"circles"`` a small circle inside a
    large one, ``"linear"`` two blobs a straight line separates (almost).  With the
    defaults they are exactly the data sets of scikit-learn's "Classifier comparison"
    example.  ``noise`` is the standard deviation of the Gaussian noise added to the
    points (defaults 0.3 for moons, 0.2 for circles; the linear set has its own jitter).

    >>> X, y = make_dataset("moons")
    >>> X.shape, sorted(set(y.tolist()))
    ((100, 2), [0, 1])
    """
    from sklearn import datasets

    if name not in DATASETS:
        raise ValueError(f"Unknown data set {name!r}; expected one of {', '.join(DATASETS)}.")
    if isinstance(n_samples, bool) or not isinstance(n_samples, int) or n_samples < 4:
        raise ValueError(f"n_samples must be a whole number of at least 4, got {n_samples!r}.")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed must be a non-negative whole number, got {seed!r}.")
    if name == "moons":
        X, y = datasets.make_moons(
            n_samples=n_samples, noise=0.3 if noise is None else noise, random_state=seed
        )
    elif name == "circles":
        X, y = datasets.make_circles(
            n_samples=n_samples,
            noise=0.2 if noise is None else noise,
            factor=0.5,
            random_state=seed + 1,
        )
    else:
        X, y = datasets.make_classification(
            n_samples=n_samples,
            n_features=2,
            n_redundant=0,
            n_informative=2,
            n_clusters_per_class=1,
            random_state=seed + 1,
        )
        jitter = np.random.RandomState(seed + 2).uniform(size=X.shape)
        X = X + 2 * jitter
        if noise is not None:
            X = X + np.random.RandomState(seed + 3).normal(scale=noise, size=X.shape)
    return X.astype(float), y.astype(int)


def make_datasets(n_samples=100, seed=0):
    """All three data sets as a dict ``{name: (X, y)}``, in the order moons, circles, linear."""
    return {name: make_dataset(name, n_samples=n_samples, seed=seed) for name in DATASETS}


def split(X, y, test_size=0.4, seed=42):
    """``X_train, X_test, y_train, y_test``: a seeded random split (``test_size`` a fraction)."""
    from sklearn.model_selection import train_test_split

    return train_test_split(X, y, test_size=test_size, random_state=seed)


# --- classifiers ------------------------------------------------------------------


def classifiers(seed=42):
    """The classifiers of the comparison, by name, each a pipeline ``StandardScaler -> model``.

    A new, unfitted set on every call.  The settings are those of scikit-learn's
    "Classifier comparison" example (3 neighbours, a linear SVM with C=0.025, an RBF SVM
    with gamma=2, trees of depth 5, a forest of 10 trees), plus logistic regression.
    """
    from sklearn.ensemble import AdaBoostClassifier, RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.naive_bayes import GaussianNB
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.svm import SVC
    from sklearn.tree import DecisionTreeClassifier

    models = {
        "Nearest neighbours": KNeighborsClassifier(n_neighbors=3),
        "Logistic regression": LogisticRegression(),
        "Linear SVM": SVC(kernel="linear", C=0.025, random_state=seed),
        "RBF SVM": SVC(kernel="rbf", gamma=2, C=1, random_state=seed),
        "Decision tree": DecisionTreeClassifier(max_depth=5, random_state=seed),
        "Random forest": RandomForestClassifier(
            max_depth=5, n_estimators=10, max_features=1, random_state=seed
        ),
        "AdaBoost": AdaBoostClassifier(random_state=seed),
        "Naive Bayes": GaussianNB(),
    }
    return {name: make_pipeline(StandardScaler(), model) for name, model in models.items()}


def _check_points(X, what="X"):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != 2 or len(X) == 0:
        raise ValueError(
            f"{what} must be an array of 2-D points, shape (n, 2), got shape {X.shape}."
        )
    return X


def _check_resolution(resolution):
    if isinstance(resolution, bool) or not isinstance(resolution, int) or resolution < 2:
        raise ValueError(f"resolution must be a whole number of at least 2, got {resolution!r}.")


def class1_score(model, X):
    """The fitted ``model``'s score for class 1 at the points ``X``, between 0 and 1.

    Its probability of class 1 where it has ``predict_proba``; otherwise its
    ``decision_function`` squashed by the logistic function, which keeps the decision
    boundary at 0.5 (an SVM gives a signed distance, not a probability).
    """
    X = _check_points(X)
    if hasattr(model, "predict_proba"):
        return model.predict_proba(X)[:, 1]
    if hasattr(model, "decision_function"):
        score = np.asarray(model.decision_function(X), dtype=float)
        return np.exp(-np.logaddexp(0.0, -score))  # the logistic function, overflow-safe
    return np.asarray(model.predict(X), dtype=float)


def plane_limits(X, margin=0.5):
    """``(x_min, x_max, y_min, y_max)``: the box around the points ``X`` plus ``margin``."""
    X = _check_points(X)
    low, high = X.min(axis=0) - margin, X.max(axis=0) + margin
    return float(low[0]), float(high[0]), float(low[1]), float(high[1])


def decision_grid(model, X, resolution=100, margin=0.5):
    """A fitted classifier's class-1 score on a ``resolution x resolution`` grid over ``X``.

    Returns ``(xx, yy, score)``, three arrays of shape (resolution, resolution): the
    grid's coordinates and :func:`class1_score` there.  The decision boundary is
    where the score crosses 0.5.
    """
    _check_resolution(resolution)
    x_min, x_max, y_min, y_max = plane_limits(X, margin)
    xx, yy = np.meshgrid(
        np.linspace(x_min, x_max, resolution), np.linspace(y_min, y_max, resolution)
    )
    score = class1_score(model, np.c_[xx.ravel(), yy.ravel()])
    return xx, yy, score.reshape(xx.shape)


def _new_axes(ax, figsize):
    from matplotlib.figure import Figure

    if ax is not None:
        return ax.figure, ax
    fig = Figure(figsize=figsize)
    return fig, fig.subplots()


def _scatter(ax, X, y, test=False, size=18):
    """Points coloured by class: training points as dots, test points as paler triangles."""
    from matplotlib.colors import ListedColormap

    style = {"marker": "^", "alpha": 0.6, "s": size * 1.2} if test else {"s": size}
    ax.scatter(
        *X.T,
        c=y,
        cmap=ListedColormap(POINT_COLOURS),
        vmin=0,
        vmax=1,
        edgecolors="k",
        lw=0.4,
        **style,
    )


def draw_decision_regions(
    model,
    X_train,
    y_train,
    X_test=None,
    y_test=None,
    ax=None,
    title=None,
    resolution=100,
    margin=0.5,
    limits_from=None,
):
    """Colour the plane by a fitted classifier's class-1 score; show its points on top.

    Training points are drawn as dots, test points (if given) as paler triangles;
    the black line is the decision boundary (score 0.5).  Draws on ``ax`` when given,
    else on a new figure; returns the figure.  ``limits_from`` (default: the training
    and test points) sets the region shown.
    """
    X_train = _check_points(X_train, "X_train")
    y_train = np.asarray(y_train)
    if len(y_train) != len(X_train):
        raise ValueError(f"Got {len(X_train)} training points but {len(y_train)} labels.")
    shown = [X_train] if X_test is None else [X_train, _check_points(X_test, "X_test")]
    box = np.vstack(shown) if limits_from is None else _check_points(limits_from, "limits_from")
    fig, ax = _new_axes(ax, (4.2, 3.6))
    xx, yy, score = decision_grid(model, box, resolution=resolution, margin=margin)
    ax.contourf(xx, yy, score, levels=np.linspace(0, 1, 11), cmap=REGION_CMAP, alpha=0.75)
    ax.contour(xx, yy, score, levels=[0.5], colors="k", linewidths=1)
    _scatter(ax, X_train, y_train)
    if X_test is not None:
        _scatter(ax, shown[1], y_test, test=True)
    ax.set(xlim=(xx.min(), xx.max()), ylim=(yy.min(), yy.max()), xticks=[], yticks=[])
    if title:
        ax.set_title(title, fontsize=10)
    return fig


# --- the comparison -------------------------------------------------------------------


def _fit_all(datasets, models, test_size, seed):
    """Fit a clone of every model on every data set's training part.

    Returns ``{dataset: (X, split, {model_name: (fitted, test_accuracy)})}``.
    """
    from sklearn.base import clone

    if datasets is None:
        datasets = make_datasets()
    if models is None:
        models = classifiers()
    if not datasets or not models:
        raise ValueError("Give at least one data set and one classifier.")
    results = {}
    for data_name, (X, y) in datasets.items():
        X = _check_points(X, f"X of data set {data_name!r}")
        parts = split(X, np.asarray(y), test_size=test_size, seed=seed)
        X_train, X_test, y_train, y_test = parts
        fitted = {}
        for model_name, model in models.items():
            model = clone(model).fit(X_train, y_train)
            fitted[model_name] = (model, float(model.score(X_test, y_test)))
        results[data_name] = (X, parts, fitted)
    return results


def accuracy_table(datasets=None, models=None, test_size=0.4, seed=42):
    """Test accuracy of every classifier on every data set.

    ``datasets`` is a dict ``{name: (X, y)}`` (default :func:`make_datasets`),
    ``models`` a dict ``{name: estimator}`` (default :func:`classifiers`).  Each data
    set is split by :func:`split`; a clone of each model is fitted on the training
    part and scored on the test part.  Returns ``{model: {dataset: accuracy}}``.
    """
    results = _fit_all(datasets, models, test_size, seed)
    names = next(iter(results.values()))[2]
    return {model: {data: results[data][2][model][1] for data in results} for model in names}


def format_table(table, digits=3):
    """A dict of dicts ``{row: {column: number}}`` as an aligned text table."""
    if not table:
        raise ValueError("format_table() got an empty table.")
    rows = list(table)
    columns = list(next(iter(table.values())))
    width = max(len(str(row)) for row in rows)
    cells = [max(len(str(c)), digits + 2) for c in columns]
    lines = [" " * width + "".join(f"  {c:>{w}}" for c, w in zip(columns, cells, strict=True))]
    for row in rows:
        values = "".join(
            f"  {table[row][c]:>{w}.{digits}f}" for c, w in zip(columns, cells, strict=True)
        )
        lines.append(f"{row:<{width}}{values}")
    return "\n".join(lines)


def comparison_figure(datasets=None, models=None, test_size=0.4, seed=42, resolution=60):
    """The side-by-side comparison: one row per data set, one column per classifier.

    The first column shows the data (training points dots, test points triangles); each
    other panel shows a classifier's decision regions with its test accuracy in the
    lower right corner.  Same arguments as :func:`accuracy_table`.
    """
    from matplotlib.figure import Figure

    results = _fit_all(datasets, models, test_size, seed)
    model_names = list(next(iter(results.values()))[2])
    n_rows, n_cols = len(results), len(model_names) + 1
    fig = Figure(figsize=(1.9 * n_cols, 1.9 * n_rows), dpi=80, layout="constrained")
    axes = fig.subplots(n_rows, n_cols, squeeze=False)
    for row, (data_name, (X, parts, fitted)) in enumerate(results.items()):
        X_train, X_test, y_train, y_test = parts
        ax = axes[row, 0]
        x_min, x_max, y_min, y_max = plane_limits(X)
        _scatter(ax, X_train, y_train, size=10)
        _scatter(ax, X_test, y_test, test=True, size=10)
        ax.set(xlim=(x_min, x_max), ylim=(y_min, y_max), xticks=[], yticks=[])
        ax.set_ylabel(data_name, fontsize=11)
        if row == 0:
            ax.set_title("Input data", fontsize=10)
        for col, model_name in enumerate(model_names, start=1):
            model, accuracy = fitted[model_name]
            ax = axes[row, col]
            draw_decision_regions(
                model,
                X_train,
                y_train,
                X_test,
                y_test,
                ax=ax,
                resolution=resolution,
                limits_from=X,
            )
            if row == 0:
                ax.set_title(model_name, fontsize=10)
            ax.text(
                0.97,
                0.04,
                f"{accuracy:.3f}",
                transform=ax.transAxes,
                ha="right",
                va="bottom",
                fontsize=11,
                fontweight="bold",
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
            )
    return fig


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
    draw_decision_regions(
        model,
        X_train,
        y_train,
        X_test,
        y_test,
        ax=left,
        resolution=resolution,
        title=f"k = {k}: train accuracy {train[k - 1]:.2f}, test accuracy {test[k - 1]:.2f}",
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
