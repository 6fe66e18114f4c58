"""Toy data, the classifiers of lesson 06 and their decision regions."""

import numpy as np

from helpers.validate import check_count, check_points

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


def class1_score(model, X):
    """The fitted ``model``'s score for class 1 at the points ``X``, between 0 and 1.

    Its probability of class 1 where it has ``predict_proba``; otherwise its
    ``decision_function`` squashed by the logistic function, which keeps the decision
    boundary at 0.5 (an SVM gives a signed distance, not a probability).
    """
    X = check_points(X)
    if hasattr(model, "predict_proba"):
        return model.predict_proba(X)[:, 1]
    if hasattr(model, "decision_function"):
        score = np.asarray(model.decision_function(X), dtype=float)
        return np.exp(-np.logaddexp(0.0, -score))  # the logistic function, overflow-safe
    return np.asarray(model.predict(X), dtype=float)


def plane_limits(X, margin=0.5):
    """``(x_min, x_max, y_min, y_max)``: the box around the points ``X`` plus ``margin``."""
    X = check_points(X)
    low, high = X.min(axis=0) - margin, X.max(axis=0) + margin
    return float(low[0]), float(high[0]), float(low[1]), float(high[1])


def decision_grid(model, X, resolution=100, margin=0.5):
    """A fitted classifier's class-1 score on a ``resolution x resolution`` grid over ``X``.

    Returns ``(xx, yy, score)``, three arrays of shape (resolution, resolution): the
    grid's coordinates and :func:`class1_score` there.  The decision boundary is
    where the score crosses 0.5.
    """
    check_count(resolution, "resolution", 2)
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
    colorbar=None,
):
    """Colour the plane by a fitted classifier's class-1 score; show its points on top.

    Training points are drawn as dots, test points (if given) as paler triangles;
    the black line is the decision boundary (score 0.5).  Draws on ``ax`` when given,
    else on a new figure; returns the figure.  ``limits_from`` (default: the training
    and test points) sets the region shown.  ``colorbar``, a label such as
    ``"P(class 1 | x)"``, adds a colour bar with that label beside the plane.
    """
    X_train = check_points(X_train, "X_train")
    y_train = np.asarray(y_train)
    if len(y_train) != len(X_train):
        raise ValueError(f"Got {len(X_train)} training points but {len(y_train)} labels.")
    shown = [X_train] if X_test is None else [X_train, check_points(X_test, "X_test")]
    box = np.vstack(shown) if limits_from is None else check_points(limits_from, "limits_from")
    fig, ax = _new_axes(ax, (4.2, 3.6))
    xx, yy, score = decision_grid(model, box, resolution=resolution, margin=margin)
    regions = ax.contourf(xx, yy, score, levels=np.linspace(0, 1, 11), cmap=REGION_CMAP, alpha=0.75)
    if colorbar:
        fig.colorbar(regions, ax=ax, label=colorbar, ticks=np.linspace(0, 1, 6))
    ax.contour(xx, yy, score, levels=[0.5], colors="k", linewidths=1)
    _scatter(ax, X_train, y_train)
    if X_test is not None:
        _scatter(ax, shown[1], y_test, test=True)
    ax.set(xlim=(xx.min(), xx.max()), ylim=(yy.min(), yy.max()), xticks=[], yticks=[])
    if title:
        ax.set_title(title, fontsize=10)
    return fig
