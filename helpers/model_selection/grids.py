"""Grid-search results: a table and a heat map of the mean validation scores (lesson 07)."""

import numpy as np

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
