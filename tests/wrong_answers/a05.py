"""Wrong answers, shortcuts and honest variants for assignment a05 (checking models).

Shortcuts tried here: scikit-learn where the task says NumPy: its metrics,
``train_test_split``, ``KFold``, ``cross_val_score``.
What each table holds and how the suite grades it: README.md beside this file.
"""

WRONG_ANSWERS = {
    # Rows are the prediction and columns the truth: FP and FN trade places.
    "confusion_matrix_transposed": {
        "confusion_matrix_binary": """\
def confusion_matrix_binary(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.ndim != 1 or y_pred.ndim != 1 or len(y_true) != len(y_pred) or len(y_true) == 0:
        raise ValueError("bad input")
    if not (np.isin(y_true, [0, 1]).all() and np.isin(y_pred, [0, 1]).all()):
        raise ValueError("labels must be 0 or 1")
    matrix = np.zeros((2, 2), dtype=int)
    for t, p in zip(y_true.astype(int), y_pred.astype(int)):
        matrix[p, t] += 1
    return matrix
""",
    },
    # Counts right, but checks nothing: a label 2 lands in the wrong cell, and a
    # length-1 input is silently broadcast against a longer one.
    "confusion_matrix_without_checks": {
        "confusion_matrix_binary": """\
def confusion_matrix_binary(y_true, y_pred):
    codes = 2 * np.asarray(y_true, dtype=int) + np.asarray(y_pred, dtype=int)
    return np.bincount(codes, minlength=4)[:4].reshape(2, 2)
""",
    },
    # Precision and recall swapped: each divides by the other's denominator.
    "precision_recall_swapped": {
        "precision_recall": """\
def precision(y_true, y_pred):
    _, (fn, tp) = confusion_matrix_binary(y_true, y_pred)
    return float(tp / (tp + fn)) if tp + fn else 0.0


def recall(y_true, y_pred):
    (_, fp), (_, tp) = confusion_matrix_binary(y_true, y_pred)
    return float(tp / (tp + fp)) if tp + fp else 0.0
""",
    },
    # No zero-division rule: 0 / 0 raises ZeroDivisionError instead of giving 0.0.
    "precision_recall_divide_by_zero": {
        "precision_recall": """\
def precision(y_true, y_pred):
    (_, fp), (_, tp) = confusion_matrix_binary(y_true, y_pred)
    return int(tp) / int(tp + fp)


def recall(y_true, y_pred):
    _, (fn, tp) = confusion_matrix_binary(y_true, y_pred)
    return int(tp) / int(tp + fn)
""",
    },
    # The plain average of precision and recall instead of their harmonic mean.
    "f1_arithmetic_mean": {
        "f1_score": """\
def f1_score(y_true, y_pred):
    return float((precision(y_true, y_pred) + recall(y_true, y_pred)) / 2)
""",
    },
    # int() rounds the validation size down where scikit-learn rounds up.
    "split_rounds_down": {
        "train_validation_split": """\
def train_validation_split(X, y, validation_fraction, seed):
    X, y = np.asarray(X), np.asarray(y)
    if len(X) != len(y):
        raise ValueError("X and y differ in length")
    if not 0 < validation_fraction < 1:
        raise ValueError("validation_fraction must be between 0 and 1")
    n = len(y)
    n_val = int(validation_fraction * n)
    if n_val == 0 or n_val == n:
        raise ValueError("a part would be empty")
    order = np.random.default_rng(seed).permutation(n)
    return X[order[n_val:]], X[order[:n_val]], y[order[n_val:]], y[order[:n_val]]
""",
    },
    # X and y each get their own permutation: the sizes are right, the pairs are not.
    "split_shuffles_x_and_y_separately": {
        "train_validation_split": """\
import math


def train_validation_split(X, y, validation_fraction, seed):
    X, y = np.asarray(X), np.asarray(y)
    if len(X) != len(y):
        raise ValueError("X and y differ in length")
    if not 0 < validation_fraction < 1:
        raise ValueError("validation_fraction must be between 0 and 1")
    n = len(y)
    n_val = math.ceil(validation_fraction * n)
    if n_val == 0 or n_val == n:
        raise ValueError("a part would be empty")
    generator = np.random.default_rng(seed)
    X_shuffled = X[generator.permutation(n)]
    y_shuffled = y[generator.permutation(n)]
    return X_shuffled[n_val:], X_shuffled[:n_val], y_shuffled[n_val:], y_shuffled[:n_val]
""",
    },
    # Seeds and draws from NumPy's global generator (the docstring forbids it).
    "split_uses_global_random": {
        "train_validation_split": """\
import math


def train_validation_split(X, y, validation_fraction, seed):
    X, y = np.asarray(X), np.asarray(y)
    if len(X) != len(y):
        raise ValueError("X and y differ in length")
    if not 0 < validation_fraction < 1:
        raise ValueError("validation_fraction must be between 0 and 1")
    n = len(y)
    n_val = math.ceil(validation_fraction * n)
    if n_val == 0 or n_val == n:
        raise ValueError("a part would be empty")
    np.random.seed(seed)
    order = np.random.permutation(n)
    return X[order[n_val:]], X[order[:n_val]], y[order[n_val:]], y[order[:n_val]]
""",
    },
    # Equal folds of n // k, with the remainder all piled into the last fold.
    "kfold_remainder_in_last_fold": {
        "k_fold_indices": """\
def k_fold_indices(n, k):
    if not isinstance(n, int) or not isinstance(k, int) or not 2 <= k <= n:
        raise ValueError("need whole numbers with 2 <= k <= n")
    size = n // k
    indices = np.arange(n)
    folds = []
    for i in range(k):
        stop = n if i == k - 1 else (i + 1) * size
        val_index = indices[i * size : stop]
        train_index = np.setdiff1d(indices, val_index)
        folds.append((train_index, val_index))
    return folds
""",
    },
    # Scores each fold on the rows it was trained on: flattering, and not what
    # cross_val_score computes.
    "cv_scores_training_rows": {
        "cross_val_accuracy": """\
from sklearn.base import clone


def cross_val_accuracy(model, X, y, k):
    X, y = np.asarray(X), np.asarray(y)
    scores = []
    for train_index, val_index in k_fold_indices(len(y), k):
        fold_model = clone(model).fit(X[train_index], y[train_index])
        scores.append(accuracy(y[train_index], fold_model.predict(X[train_index])))
    return np.array(scores)
""",
    },
    # Refits the caller's own model on every fold (the scores are right, but the
    # caller's model comes back fitted on the last fold).
    "cv_fits_the_callers_model": {
        "cross_val_accuracy": """\
def cross_val_accuracy(model, X, y, k):
    X, y = np.asarray(X), np.asarray(y)
    scores = []
    for train_index, val_index in k_fold_indices(len(y), k):
        model.fit(X[train_index], y[train_index])
        scores.append(accuracy(y[val_index], model.predict(X[val_index])))
    return np.array(scores)
""",
    },
}

SHORTCUTS = {
    # scikit-learn counts, after the input checks the task asks for.
    "confusion_matrix_from_sklearn": {
        "cells": {
            "confusion_matrix_binary": """\
from sklearn.metrics import confusion_matrix


def confusion_matrix_binary(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.ndim != 1 or y_pred.ndim != 1 or len(y_true) == 0:
        raise ValueError("labels must be non-empty and one-dimensional")
    if not (np.isin(y_true, [0, 1]).all() and np.isin(y_pred, [0, 1]).all()):
        raise ValueError("labels must be 0 or 1")
    return confusion_matrix(y_true, y_pred, labels=[0, 1])
""",
        },
        "loses": ["test_confusion_matrix_values", "test_confusion_matrix_errors"],
    },
    # scikit-learn's accuracy_score; the student's confusion matrix only checks the input.
    "accuracy_from_sklearn": {
        "cells": {
            "accuracy": """\
from sklearn.metrics import accuracy_score


def accuracy(y_true, y_pred):
    confusion_matrix_binary(y_true, y_pred)  # checks the input
    return float(accuracy_score(y_true, y_pred))
""",
        },
        "loses": ["test_accuracy"],
    },
    # scikit-learn's precision_score and recall_score with zero_division=0.
    "precision_recall_from_sklearn": {
        "cells": {
            "precision_recall": """\
from sklearn import metrics


def precision(y_true, y_pred):
    confusion_matrix_binary(y_true, y_pred)  # checks the input
    return float(metrics.precision_score(y_true, y_pred, zero_division=0))


def recall(y_true, y_pred):
    confusion_matrix_binary(y_true, y_pred)  # checks the input
    return float(metrics.recall_score(y_true, y_pred, zero_division=0))
""",
        },
        "loses": ["test_precision", "test_recall"],
    },
    # scikit-learn's f1_score.
    "f1_from_sklearn": {
        "cells": {
            "f1_score": """\
from sklearn import metrics


def f1_score(y_true, y_pred):
    confusion_matrix_binary(y_true, y_pred)  # checks the input
    return float(metrics.f1_score(y_true, y_pred, zero_division=0))
""",
        },
        "loses": ["test_f1_score"],
    },
    # scikit-learn's train_test_split, seeded, after the checks the task asks for.
    "split_from_sklearn": {
        "cells": {
            "train_validation_split": """\
import math

from sklearn.model_selection import train_test_split


def train_validation_split(X, y, validation_fraction, seed):
    X, y = np.asarray(X), np.asarray(y)
    if len(X) != len(y):
        raise ValueError("X and y differ in length")
    if not 0 < validation_fraction < 1:
        raise ValueError("validation_fraction must be between 0 and 1")
    if math.ceil(validation_fraction * len(y)) in (0, len(y)):
        raise ValueError("a part would be empty")
    return train_test_split(X, y, test_size=validation_fraction, random_state=seed)
""",
        },
        "loses": ["test_split_sizes", "test_split_seed_and_errors"],
    },
    # scikit-learn's KFold makes the folds.
    "k_fold_from_sklearn": {
        "cells": {
            "k_fold_indices": """\
from sklearn.model_selection import KFold


def k_fold_indices(n, k):
    if type(n) is not int or type(k) is not int:
        raise ValueError("n and k must be whole numbers")
    if not 2 <= k <= n:
        raise ValueError("need 2 <= k <= n")
    return list(KFold(n_splits=k).split(np.arange(n)))
""",
        },
        "loses": ["test_k_fold_indices"],
    },
    # scikit-learn's cross_val_score does the whole loop.
    "cross_val_from_sklearn": {
        "cells": {
            "cross_val_accuracy": """\
from sklearn.model_selection import KFold, cross_val_score


def cross_val_accuracy(model, X, y, k):
    return cross_val_score(model, np.asarray(X), np.asarray(y), cv=KFold(k))
""",
        },
        "loses": ["test_cross_val_accuracy"],
    },
}

HONEST = {
    # Counts from boolean masks, checks written out one by one.
    "confusion_matrix_from_masks": {
        "confusion_matrix_binary": """\
def confusion_matrix_binary(y_true, y_pred):
    import numpy as np

    t, p = np.asarray(y_true), np.asarray(y_pred)
    if t.ndim != 1 or p.ndim != 1:
        raise ValueError("one-dimensional labels only")
    if t.shape != p.shape:
        raise ValueError("y_true and y_pred differ in length")
    if t.size == 0:
        raise ValueError("no labels")
    if not (np.all((t == 0) | (t == 1)) and np.all((p == 0) | (p == 1))):
        raise ValueError("labels must be 0 or 1")
    t, p = t.astype(bool), p.astype(bool)
    return np.array([[np.sum(~t & ~p), np.sum(~t & p)], [np.sum(t & ~p), np.sum(t & p)]])
""",
    },
    # Folds from np.array_split, which already puts the longer folds first.
    "k_fold_with_array_split": {
        "k_fold_indices": """\
def k_fold_indices(n, k):
    if type(n) is not int or type(k) is not int or not 2 <= k <= n:
        raise ValueError("need whole numbers with 2 <= k <= n")
    folds = np.array_split(np.arange(n), k)
    return [(np.setdiff1d(np.arange(n), fold), fold) for fold in folds]
""",
    },
    # The loop with sklearn.base.clone imported inside, and the model's own predict.
    "cross_val_with_a_local_import": {
        "cross_val_accuracy": """\
def cross_val_accuracy(model, X, y, k):
    import sklearn.base

    X, y = np.asarray(X), np.asarray(y)
    return np.array(
        [
            accuracy(y[val], sklearn.base.clone(model).fit(X[train], y[train]).predict(X[val]))
            for train, val in k_fold_indices(len(y), k)
        ]
    )
""",
    },
}


# --- recorded by tests/wrong_answers/record.py: do not edit by hand ---
WRONG_LOSES = {
    "confusion_matrix_transposed": [
        "test_confusion_matrix_values",
        "test_precision",
        "test_recall",
    ],
    "confusion_matrix_without_checks": [
        "test_accuracy",
        "test_confusion_matrix_errors",
        "test_recall",
    ],
    "cv_fits_the_callers_model": ["test_cross_val_accuracy"],
    "cv_scores_training_rows": ["test_cross_val_accuracy"],
    "f1_arithmetic_mean": ["test_f1_score"],
    "kfold_remainder_in_last_fold": ["test_cross_val_accuracy", "test_k_fold_indices"],
    "precision_recall_divide_by_zero": ["test_f1_score", "test_precision", "test_recall"],
    "precision_recall_swapped": ["test_precision", "test_recall"],
    "split_rounds_down": ["test_split_seed_and_errors", "test_split_sizes"],
    "split_shuffles_x_and_y_separately": ["test_split_sizes"],
    "split_uses_global_random": ["test_split_seed_and_errors"],
}
