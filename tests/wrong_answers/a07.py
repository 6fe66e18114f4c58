"""Plausible wrong answers to assignment a07 (scikit-learn); each must lose points.

``WRONG_ANSWERS`` maps a label (what the student got wrong) to a dict from the
``grade_id`` of a solution cell in ``solutions/a07/a07_scikit_learn.ipynb`` to the
full source a student might have typed into that cell.  ``tests/test_assignments.py``
hands in the release with every other solution cell answered correctly and these
cells replaced, autogrades it, and checks that the score is below full marks.
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
