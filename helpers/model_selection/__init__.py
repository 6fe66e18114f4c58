"""Model selection, drawn: validation curves, grid-search heat maps, decision regions (lesson 07).

* :mod:`~helpers.model_selection.curves`: a validation curve, computed and drawn;
* :mod:`~helpers.model_selection.grids`: a grid search's results as a table and a heat map;
* :mod:`~helpers.model_selection.regions`: :class:`RegionExplorer`, the decision regions
  that a slider refits as one hyper-parameter changes.

Each picture is two pure functions: one computes the numbers, one draws them.
The drawing functions build a :class:`matplotlib.figure.Figure` directly (not
through pyplot), so calling them leaks no open figures; a notebook shows the
figure they return, and a test can inspect it.

>>> from sklearn.svm import SVC
>>> curve = validation_curve_data(SVC(), X, y, "gamma", [1e-4, 1e-3, 1e-2])  # doctest: +SKIP
>>> draw_validation_curve(curve, value=1e-3)  # doctest: +SKIP
"""

from helpers.model_selection.curves import (
    ValidationCurve,
    draw_validation_curve,
    validation_curve_data,
)
from helpers.model_selection.grids import cv_results_table, draw_grid_heatmap, grid_scores
from helpers.model_selection.regions import DecisionRegions, RegionExplorer

__all__ = [
    "cv_results_table",
    "DecisionRegions",
    "draw_grid_heatmap",
    "draw_validation_curve",
    "grid_scores",
    "RegionExplorer",
    "validation_curve_data",
    "ValidationCurve",
]
