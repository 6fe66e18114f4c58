"""Model selection, drawn: validation curves and grid-search heat maps (lesson 07).

Each picture is two pure functions: one computes the numbers, one draws them.
The drawing functions build a :class:`matplotlib.figure.Figure` directly (not
through pyplot), so calling them leaks no open figures; a notebook shows the
figure they return, and a test can inspect it.

>>> from sklearn.svm import SVC
>>> curve = validation_curve_data(SVC(), X, y, "gamma", [1e-4, 1e-3, 1e-2])  # doctest: +SKIP
>>> draw_validation_curve(curve, value=1e-3)  # doctest: +SKIP
"""

from dataclasses import dataclass

import numpy as np

# --- validation curves ---------------------------------------------------------


@dataclass(frozen=True)
class ValidationCurve:
    """Scores of one estimator as one hyper-parameter changes.

    ``train_scores`` and ``validation_scores`` have one row per value of the
    hyper-parameter and one column per cross-validation fold.
    """

    param_name: str
    values: np.ndarray
    train_scores: np.ndarray
    validation_scores: np.ndarray

    @property
    def train_mean(self):
        """Mean training score for each value."""
        return self.train_scores.mean(axis=1)

    @property
    def validation_mean(self):
        """Mean validation score for each value."""
        return self.validation_scores.mean(axis=1)

    @property
    def train_std(self):
        """Standard deviation of the training score over the folds, for each value."""
        return self.train_scores.std(axis=1)

    @property
    def validation_std(self):
        """Standard deviation of the validation score over the folds, for each value."""
        return self.validation_scores.std(axis=1)

    @property
    def best_index(self):
        """Index of the value with the highest mean validation score (the first, on ties)."""
        return int(np.argmax(self.validation_mean))

    @property
    def best_value(self):
        """The value with the highest mean validation score."""
        return self.values[self.best_index]

    def nearest_index(self, value):
        """Index of the computed value closest to ``value`` (on a log scale when all are > 0)."""
        value = float(value)
        values = self.values.astype(float)
        if np.all(values > 0) and value > 0:
            distance = np.abs(np.log(values) - np.log(value))
        else:
            distance = np.abs(values - value)
        return int(np.argmin(distance))


def validation_curve_data(estimator, X, y, param_name, values, cv=5, scoring=None, n_jobs=None):
    """Cross-validated training and validation scores for each value of one hyper-parameter.

    A thin, checked wrapper of :func:`sklearn.model_selection.validation_curve`.
    ``param_name`` is a name from ``estimator.get_params()``, such as
    ``"svc__gamma"`` for the step ``"svc"`` of a pipeline; ``values`` are the
    values to try, as numbers.  Returns a :class:`ValidationCurve`.
    Compute it once and draw it as often as you like.
    """
    from sklearn.model_selection import validation_curve

    if not hasattr(estimator, "get_params") or not hasattr(estimator, "fit"):
        raise TypeError(
            "validation_curve_data() expects a scikit-learn estimator (something with fit and "
            f"get_params), got {type(estimator).__name__}."
        )
    known = estimator.get_params()
    if param_name not in known:
        raise ValueError(
            f"{type(estimator).__name__} has no parameter {param_name!r}; it has "
            f"{', '.join(sorted(known))}."
        )
    values = np.asarray(values)
    if values.ndim != 1 or len(values) < 2:
        raise ValueError(
            f"values must be a 1-D list of at least two values to try, got shape {values.shape}."
        )
    if not np.issubdtype(values.dtype, np.number):
        raise ValueError(f"values must be numbers, got {values.dtype}.")
    train, validation = validation_curve(
        estimator,
        X,
        y,
        param_name=param_name,
        param_range=values,
        cv=cv,
        scoring=scoring,
        n_jobs=n_jobs,
    )
    return ValidationCurve(param_name, values, np.asarray(train), np.asarray(validation))


def draw_validation_curve(curve, value=None, log_scale=None, title=None, ylabel="accuracy"):
    """Draw the training and validation curves of ``curve``, marking ``value``.

    The lines are the mean scores over the folds, the shaded bands one standard
    deviation either side.  ``value`` (optional) is marked by a vertical line at
    the nearest computed value, with its two scores written in the corner; a
    star marks the best validation score.  ``log_scale`` defaults to a log axis
    when all values are positive and span more than a factor of 20.
    Returns a :class:`matplotlib.figure.Figure`.
    """
    from matplotlib.figure import Figure

    if not isinstance(curve, ValidationCurve):
        raise TypeError(
            "draw_validation_curve() expects what validation_curve_data() returns, got "
            f"{type(curve).__name__}."
        )
    x = curve.values.astype(float)
    if log_scale is None:
        log_scale = bool(np.all(x > 0) and x.max() / x.min() > 20)
    fig = Figure(figsize=(7, 3.6))
    ax = fig.subplots()
    for mean, std, label, style in (
        (curve.train_mean, curve.train_std, "training", "o-"),
        (curve.validation_mean, curve.validation_std, "validation", "s-"),
    ):
        (line,) = ax.plot(x, mean, style, ms=4, label=label)
        ax.fill_between(x, mean - std, mean + std, color=line.get_color(), alpha=0.2)
    best = curve.best_index
    ax.plot(x[best], curve.validation_mean[best], "*", ms=14, color="C2", label="best validation")
    if value is not None:
        i = curve.nearest_index(value)
        ax.axvline(x[i], color="0.3", ls="--", lw=1)
        ax.text(
            0.02,
            0.04,
            f"{curve.param_name} = {x[i]:.3g}\n"
            f"training   {curve.train_mean[i]:.3f}\n"
            f"validation {curve.validation_mean[i]:.3f}",
            transform=ax.transAxes,
            family="monospace",
            fontsize=9,
            va="bottom",
            bbox={"boxstyle": "round", "facecolor": "white", "alpha": 0.9},
        )
    if log_scale:
        ax.set_xscale("log")
    ax.set(
        xlabel=curve.param_name,
        ylabel=ylabel,
        ylim=(min(0.0, float(curve.validation_mean.min()) - 0.05), 1.02),
        title=title or f"Validation curve over {curve.param_name}",
    )
    ax.grid(alpha=0.3)
    ax.legend(loc="center")
    fig.tight_layout()
    return fig


# --- grid search results --------------------------------------------------------


def _cv_results(search):
    """Accept a fitted search (``GridSearchCV``) or its ``cv_results_`` dict."""
    results = getattr(search, "cv_results_", search)
    if not isinstance(results, dict) or "params" not in results:
        raise TypeError(
            "Expected a fitted GridSearchCV (or its cv_results_ dict), got "
            f"{type(search).__name__}; was the search fitted?"
        )
    return results


def _unique(values):
    """The distinct values in order of first appearance (works for any values, even estimators)."""
    seen = []
    for value in values:
        if not any(_same(value, s) for s in seen):
            seen.append(value)
    return seen


def _same(a, b):
    """Equality that does not trip over arrays or estimators: ``==`` for plain values."""
    if a is b:
        return True
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return False


def cv_results_table(search, top=None):
    """The results of a grid search as a pandas DataFrame, best first.

    One row per candidate: a column per hyper-parameter (named as in the grid),
    then ``mean_test_score``, ``std_test_score`` and ``rank_test_score``.
    Estimators used as values are shown by their ``repr``.  ``top`` keeps the
    first rows only.
    """
    import pandas as pd

    results = _cv_results(search)
    names = sorted({name for params in results["params"] for name in params})
    rows = []
    for i, params in enumerate(results["params"]):
        row = {
            name: (
                repr(params[name]) if hasattr(params.get(name), "get_params") else params.get(name)
            )
            for name in names
        }
        row["mean_test_score"] = float(results["mean_test_score"][i])
        row["std_test_score"] = float(results["std_test_score"][i])
        row["rank_test_score"] = int(results["rank_test_score"][i])
        rows.append(row)
    table = pd.DataFrame(rows).sort_values("rank_test_score", kind="stable")
    if top is not None:
        table = table.head(top)
    return table.reset_index(drop=True)


def grid_scores(search, row, col, fixed=None):
    """A table of mean validation scores over two hyper-parameters of a grid search.

    Returns ``(row_values, col_values, scores)`` where ``scores[i, j]`` is the mean
    test score of the candidate with ``row = row_values[i]`` and ``col =
    col_values[j]``.  The grid's other hyper-parameters are held at ``fixed``
    (a dict; by default, those of the best candidate); where several candidates
    still share a cell, it shows the best of them.  A combination the search did
    not try is ``nan``.
    """
    results = _cv_results(search)
    params = results["params"]
    names = {name for p in params for name in p}
    for name in (row, col):
        if name not in names:
            raise ValueError(
                f"The search has no hyper-parameter {name!r}; it has {', '.join(sorted(names))}."
            )
    if row == col:
        raise ValueError("row and col must be two different hyper-parameters.")
    if fixed is None:
        best = int(np.argmin(results["rank_test_score"]))
        fixed = {k: v for k, v in params[best].items() if k not in (row, col)}
    else:
        unknown = set(fixed) - names
        if unknown:
            raise ValueError(f"fixed names unknown hyper-parameters: {sorted(unknown)}.")
    rows = _unique(p[row] for p in params if row in p)
    cols = _unique(p[col] for p in params if col in p)
    scores = np.full((len(rows), len(cols)), np.nan)
    for p, score in zip(params, results["mean_test_score"], strict=True):
        if row not in p or col not in p:
            continue
        if not all(_same(p.get(k), v) for k, v in fixed.items() if k not in (row, col)):
            continue
        i = next(i for i, v in enumerate(rows) if _same(v, p[row]))
        j = next(j for j, v in enumerate(cols) if _same(v, p[col]))
        scores[i, j] = np.fmax(scores[i, j], score)
    return rows, cols, scores


def _label(value):
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def draw_grid_heatmap(search, row, col, fixed=None, title=None, cmap="viridis"):
    """A heat map of the mean validation score over two hyper-parameters of a grid search.

    Each cell is written with its score; the best cell shown is outlined.  Other
    hyper-parameters are held as in :func:`grid_scores`.  Returns a
    :class:`matplotlib.figure.Figure`.
    """
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    rows, cols, scores = grid_scores(search, row, col, fixed)
    if np.all(np.isnan(scores)):
        raise ValueError("No candidate of the search matches `fixed`; nothing to draw.")
    fig = Figure(figsize=(1.3 * len(cols) + 3.2, 0.8 * len(rows) + 1.8))
    ax = fig.subplots()
    image = ax.imshow(scores, cmap=cmap, aspect="auto")
    fig.colorbar(image, ax=ax, label="mean validation score")
    low, high = np.nanmin(scores), np.nanmax(scores)
    for i in range(len(rows)):
        for j in range(len(cols)):
            if np.isnan(scores[i, j]):
                continue
            bright = high > low and (scores[i, j] - low) / (high - low) > 0.6
            ax.text(
                j,
                i,
                f"{scores[i, j]:.3f}",
                ha="center",
                va="center",
                color="black" if bright else "white",
            )
    i, j = np.unravel_index(np.nanargmax(scores), scores.shape)
    ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, edgecolor="red", lw=2.5))
    ax.set_xticks(range(len(cols)), [_label(v) for v in cols])
    ax.set_yticks(range(len(rows)), [_label(v) for v in rows])
    ax.set(xlabel=col, ylabel=row, title=title or "Grid search: mean validation score")
    fig.tight_layout()
    return fig
