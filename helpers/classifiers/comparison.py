"""Every classifier on every toy data set: a table and a grid of pictures (lesson 06)."""

import numpy as np

from helpers.classifiers.regions import (
    _scatter,
    classifiers,
    draw_decision_regions,
    make_datasets,
    plane_limits,
    split,
)
from helpers.validate import check_points

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
        X = check_points(X, f"X of data set {data_name!r}")
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
            points = (X_train, y_train, X_test, y_test)
            draw_decision_regions(model, *points, ax=ax, resolution=resolution, limits_from=X)
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
