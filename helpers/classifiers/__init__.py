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

from helpers.classifiers.comparison import (  # noqa: F401
    accuracy_table,
    comparison_figure,
    format_table,
)
from helpers.classifiers.knn import (  # noqa: F401
    KNN_DATA,
    KNN_N_TRAIN,
    draw_knn_explorer,
    knn_accuracy_curve,
    knn_data,
)
from helpers.classifiers.regions import (  # noqa: F401
    DATASETS,
    POINT_COLOURS,
    REGION_CMAP,
    class1_score,
    classifiers,
    decision_grid,
    draw_decision_regions,
    make_dataset,
    make_datasets,
    plane_limits,
    split,
)

__all__ = [
    "accuracy_table",
    "class1_score",
    "classifiers",
    "comparison_figure",
    "DATASETS",
    "decision_grid",
    "draw_decision_regions",
    "draw_knn_explorer",
    "format_table",
    "knn_accuracy_curve",
    "KNN_DATA",
    "knn_data",
    "KNN_N_TRAIN",
    "make_dataset",
    "make_datasets",
    "plane_limits",
    "POINT_COLOURS",
    "REGION_CMAP",
    "split",
]
