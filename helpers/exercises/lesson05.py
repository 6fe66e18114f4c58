"""Lesson 05 exercises: reference answers and the cases they are checked on."""


def l05_specificity(y_true, y_pred):
    """Specificity TN / (TN + FP): the share of true negatives (0) predicted 0.

    0.0 when there are no true negatives at all (like scikit-learn's zero_division=0).
    """
    tn = sum(1 for t, p in zip(y_true, y_pred, strict=True) if t == 0 and p == 0)
    fp = sum(1 for t, p in zip(y_true, y_pred, strict=True) if t == 0 and p == 1)
    return tn / (tn + fp) if tn + fp else 0.0


def l05_fold_sizes(n, k):
    """Sizes of the k validation folds scikit-learn's KFold makes from n examples.

    Every fold gets n // k examples, and the first n % k folds one more.
    """
    return [n // k + (1 if i < n % k else 0) for i in range(k)]


EXERCISES = {
    "l05_specificity": (
        [
            ([0, 0, 1, 1], [0, 1, 1, 0]),
            ([0, 0, 0, 1, 1, 0], [0, 0, 0, 1, 1, 0]),
            ([1, 1, 0, 0, 0], [1, 0, 1, 1, 1]),
            ([0, 1, 0, 1, 0, 0, 1], [0, 1, 1, 1, 0, 1, 0]),
            ([1, 1, 1], [1, 0, 1]),
        ],
        l05_specificity,
    ),
    "l05_fold_sizes": (
        [(10, 5), (10, 3), (11, 4), (569, 5), (7, 7), (20, 6)],
        l05_fold_sizes,
    ),
}
