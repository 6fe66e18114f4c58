"""Wrong answers, shortcuts and honest variants for assignment a07 (scikit-learn).

Shortcuts tried here: a hand-made split instead of ``train_test_split``, a scaler that
does not scale, ``SelectKBest`` or the course's helpers doing the work, one hold-out
split posing as cross-validation, settings tuned on the test set, a default ``SVC()``
instead of a tuned pipeline.
What each table holds and how the suite grades it: README.md beside this file.
"""

WRONG_ANSWERS = {
    # Forgets stratify=y: the classes of the test set drift from 25 % of each digit.
    "split_without_stratify": {
        "split_digits": """\
from sklearn.model_selection import train_test_split


def split_digits(X, y, test_size=0.25, random_state=0):
    return train_test_split(X, y, test_size=test_size, random_state=random_state)
""",
    },
    # Leaves out the scaler ("PCA centres the data anyway").
    "pipeline_without_scaler": {
        "build_pipeline": """\
from sklearn.decomposition import PCA
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC


def build_pipeline(n_components=30, C=10.0, gamma="scale"):
    return Pipeline(
        [
            ("pca", PCA(n_components=n_components, random_state=0)),
            ("svc", SVC(C=C, gamma=gamma)),
        ]
    )
""",
    },
    # Indexes rows instead of columns: X[columns_] has k rows, not len(X).
    "selector_indexes_rows": {
        "top_variance_selector": """\
from sklearn.base import BaseEstimator, TransformerMixin


class TopVarianceSelector(BaseEstimator, TransformerMixin):
    def __init__(self, k=32):
        self.k = k

    def fit(self, X, y=None):
        X = np.asarray(X, dtype=float)
        if not 1 <= self.k <= X.shape[1]:
            raise ValueError(f"k must be between 1 and {X.shape[1]}")
        self.variances_ = X.var(axis=0)
        self.columns_ = np.sort(np.argsort(self.variances_)[-self.k :])
        return self

    def transform(self, X):
        return np.asarray(X)[self.columns_]
""",
    },
    # Chooses the columns again in transform, from the data it is given (test data
    # then decide which pixels the model sees).
    "selector_refits_in_transform": {
        "top_variance_selector": """\
from sklearn.base import BaseEstimator, TransformerMixin


class TopVarianceSelector(BaseEstimator, TransformerMixin):
    def __init__(self, k=32):
        self.k = k

    def fit(self, X, y=None):
        X = np.asarray(X, dtype=float)
        if not 1 <= self.k <= X.shape[1]:
            raise ValueError(f"k must be between 1 and {X.shape[1]}")
        self.variances_ = X.var(axis=0)
        self.columns_ = np.sort(np.argsort(self.variances_)[-self.k :])
        return self

    def transform(self, X):
        X = np.asarray(X)
        columns = np.sort(np.argsort(X.var(axis=0))[-self.k :])
        return X[:, columns]
""",
    },
    # Scores the model on the data it was fitted on: training accuracy, not CV.
    "cv_returns_training_accuracy": {
        "cv_accuracy": """\
from sklearn.model_selection import cross_val_score


def cv_accuracy(estimator, X, y, cv=5):
    estimator.fit(X, y)
    return float(estimator.score(X, y)), 0.0
""",
    },
    # Builds the search but never fits it: no best_params_, no predict.
    "search_not_fitted": {
        "tune": """\
from sklearn.model_selection import GridSearchCV


def tune(X_train, y_train, param_grid, cv=5):
    search = GridSearchCV(build_pipeline(), param_grid, cv=cv, scoring="accuracy", n_jobs=1)
    return search
""",
    },
    # Data leakage: standardizes all of X (test rows included) before splitting.
    "scale_before_split": {
        "fit_and_score": """\
from sklearn.preprocessing import StandardScaler


def fit_and_score(estimator, X, y, test_size=0.25, random_state=0):
    X = StandardScaler().fit_transform(X)
    X_train, X_test, y_train, y_test = split_digits(X, y, test_size, random_state)
    estimator.fit(X_train, y_train)
    return estimator, float(estimator.score(X_test, y_test))
""",
    },
    # Fits on all the data, then "tests" on rows the model has already seen.
    "fit_on_all_rows": {
        "fit_and_score": """\
def fit_and_score(estimator, X, y, test_size=0.25, random_state=0):
    X_train, X_test, y_train, y_test = split_digits(X, y, test_size, random_state)
    estimator.fit(X, y)
    return estimator, float(estimator.score(X_test, y_test))
""",
    },
    # Drops the scaler but keeps a gamma tuned for standardized pixels: raw pixels
    # are far apart, the kernel sees every image as a stranger and accuracy falls.
    "gamma_for_scaled_data_without_scaler": {
        "my_digits_model": """\
def my_digits_model():
    return Pipeline([("pca", PCA(n_components=30, random_state=0)), ("svc", SVC(C=10, gamma=0.01))])
""",
    },
}

SHORTCUTS = {
    # A hand-made "stratified" split: evenly spaced rows in label order, shifted by the
    # seed; not train_test_split, and not random.
    "split_by_label_order": {
        "cells": {
            "split_digits": """\
from sklearn.model_selection import train_test_split  # noqa: F401  (given, never called)


def split_digits(X, y, test_size=0.25, random_state=0):
    X, y = np.asarray(X), np.asarray(y)
    order = np.roll(np.argsort(y, kind="stable"), random_state)
    n_test = int(np.ceil(test_size * len(y)))
    test = order[np.linspace(0, len(y), n_test, endpoint=False).astype(int)]
    train = np.setdiff1d(np.arange(len(y)), test)
    return X[train], X[test], y[train], y[test]
""",
        },
        "loses": ["test_split_digits"],
    },
    # A "StandardScaler" that only centres the pixels (PCA centres them anyway): the
    # scaling step the task is about does nothing.
    "pipeline_scaler_that_does_not_scale": {
        "cells": {
            "build_pipeline": """\
from sklearn.decomposition import PCA
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC


def build_pipeline(n_components=30, C=10.0, gamma="scale"):
    return Pipeline(
        [
            ("scaler", StandardScaler(with_std=False)),
            ("pca", PCA(n_components=n_components, random_state=0)),
            ("svc", SVC(C=C, gamma=gamma)),
        ]
    )
""",
        },
        "loses": ["test_build_pipeline"],
    },
    # scikit-learn's SelectKBest chooses the columns inside fit.
    "selector_from_select_k_best": {
        "cells": {
            "top_variance_selector": """\
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_selection import SelectKBest


def _variances(X, y=None):
    return np.var(X, axis=0)


class TopVarianceSelector(BaseEstimator, TransformerMixin):
    def __init__(self, k=32):
        self.k = k

    def fit(self, X, y=None):
        X = np.asarray(X, dtype=float)
        if not 1 <= self.k <= X.shape[1]:
            raise ValueError(f"k must be between 1 and {X.shape[1]}")
        self.selector_ = SelectKBest(_variances, k=self.k).fit(X, np.zeros(len(X)))
        self.variances_ = self.selector_.scores_
        self.columns_ = self.selector_.get_support(indices=True)
        return self

    def transform(self, X):
        if not hasattr(self, "columns_"):
            raise AttributeError("not fitted")
        return self.selector_.transform(np.asarray(X))
""",
        },
        "loses": ["test_top_variance_selector"],
    },
    # The lecture's validation-curve helper does the cross-validation.
    "cv_from_the_course_helpers": {
        "cells": {
            "cv_accuracy": """\
from sklearn.model_selection import cross_val_score


def cv_accuracy(estimator, X, y, cv=5):
    numbers = estimator.get_params(deep=False).items()
    name, value = next((k, v) for k, v in numbers if type(v) in (int, float))
    curve = helpers.model_selection.validation_curve_data(
        estimator, X, y, name, [value, value], cv=cv, scoring="accuracy", n_jobs=1
    )
    return float(curve.validation_mean[0]), float(curve.validation_std[0])
""",
        },
        "loses": ["test_cv_accuracy"],
    },
    # One hold-out split handed in cv times: the "folds" all validate on the same rows,
    # so the search never cross-validates.
    "search_with_one_split_repeated": {
        "cells": {
            "tune": """\
from sklearn.model_selection import GridSearchCV, train_test_split


def tune(X_train, y_train, param_grid, cv=5):
    rows = np.arange(len(y_train))
    fit_rows, check_rows = train_test_split(rows, test_size=0.2, stratify=y_train, random_state=0)
    search = GridSearchCV(
        build_pipeline(), param_grid, cv=[(fit_rows, check_rows)] * cv, scoring="accuracy", n_jobs=1
    )
    return search.fit(X_train, y_train)
""",
        },
        "loses": ["test_tune"],
    },
    # Tunes C on the test set before fitting: the test rows choose the model.
    "fit_and_score_tunes_on_the_test_set": {
        "cells": {
            "fit_and_score": """\
from sklearn.base import clone


def fit_and_score(estimator, X, y, test_size=0.25, random_state=0):
    X_train, X_test, y_train, y_test = split_digits(X, y, test_size, random_state)
    name = [key for key in estimator.get_params() if key.endswith("__C")][0]

    def test_score(C):
        return clone(estimator).set_params(**{name: C}).fit(X_train, y_train).score(X_test, y_test)

    estimator.set_params(**{name: max([3.0, 10.0, 30.0], key=test_score)})
    estimator.fit(X_train, y_train)
    return estimator, float(estimator.score(X_test, y_test))
""",
        },
        "loses": ["test_fit_and_score"],
    },
    # A default SVC on the raw pixels: already above the old bound, with no pipeline
    # and no search.
    "default_svc_alone": {
        "cells": {
            "my_digits_model": """\
from sklearn.svm import SVC


def my_digits_model():
    return SVC()
""",
        },
        "loses": ["test_my_digits_model"],
    },
}

HONEST = {
    # The splitter train_test_split uses, called directly: the same rows.
    "split_with_stratified_shuffle_split": {
        "split_digits": """\
from sklearn.model_selection import StratifiedShuffleSplit, train_test_split  # noqa: F401


def split_digits(X, y, test_size=0.25, random_state=0):
    X, y = np.asarray(X), np.asarray(y)
    splitter = StratifiedShuffleSplit(n_splits=1, test_size=test_size, random_state=random_state)
    train, test = next(splitter.split(X, y))
    return X[train], X[test], y[train], y[test]
""",
    },
    # cross_validate instead of cross_val_score.
    "cv_with_cross_validate": {
        "cv_accuracy": """\
from sklearn.model_selection import cross_val_score, cross_validate  # noqa: F401


def cv_accuracy(estimator, X, y, cv=5):
    scores = cross_validate(estimator, X, y, cv=cv, scoring="accuracy")["test_score"]
    return float(np.mean(scores)), float(np.std(scores))
""",
    },
    # Explicit stratified folds, the search fitted on its own line.
    "tune_with_explicit_folds": {
        "tune": """\
from sklearn.model_selection import GridSearchCV, StratifiedKFold


def tune(X_train, y_train, param_grid, cv=5):
    search = GridSearchCV(
        estimator=build_pipeline(),
        param_grid=param_grid,
        cv=StratifiedKFold(n_splits=cv),
        scoring="accuracy",
        n_jobs=1,
    )
    search.fit(X_train, y_train)
    return search
""",
    },
    # The student's own transformer in a make_pipeline, tuned with the SVM.
    "my_model_with_my_transformer": {
        "my_digits_model": """\
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline


def my_digits_model():
    pipeline = make_pipeline(TopVarianceSelector(), SVC())
    grid = {"topvarianceselector__k": [40, 64], "svc__C": [3.0, 10.0]}
    return GridSearchCV(pipeline, grid, cv=5, scoring="accuracy", n_jobs=1)
""",
    },
}


# --- recorded by tests/wrong_answers/record.py: do not edit by hand ---
WRONG_LOSES = {
    "cv_returns_training_accuracy": ["test_cv_accuracy"],
    "fit_on_all_rows": ["test_fit_and_score"],
    "gamma_for_scaled_data_without_scaler": ["test_my_digits_model"],
    "pipeline_without_scaler": ["test_build_pipeline"],
    "scale_before_split": ["test_fit_and_score"],
    "search_not_fitted": ["test_tune"],
    "selector_indexes_rows": ["test_top_variance_selector"],
    "selector_refits_in_transform": ["test_top_variance_selector"],
    "split_without_stratify": ["test_split_digits"],
}
