"""helpers.model_selection: validation curves and grid-search heat maps, headless."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure
from sklearn.datasets import make_classification
from sklearn.model_selection import GridSearchCV
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

from helpers import model_selection as ms


@pytest.fixture(scope="module")
def data():
    return make_classification(n_samples=120, n_features=6, n_informative=4, random_state=0)


@pytest.fixture(scope="module")
def curve(data):
    X, y = data
    return ms.validation_curve_data(SVC(), X, y, "gamma", np.logspace(-4, 2, 7), cv=3)


@pytest.fixture(scope="module")
def search(data):
    X, y = data
    pipe = Pipeline([("scaler", StandardScaler()), ("knn", KNeighborsClassifier())])
    grid = {
        "scaler": [StandardScaler(), "passthrough"],
        "knn__n_neighbors": [1, 5, 15],
        "knn__weights": ["uniform", "distance"],
    }
    return GridSearchCV(pipe, grid, cv=3).fit(X, y)


def test_validation_curve_data_has_one_row_per_value_and_one_column_per_fold(curve):
    assert curve.param_name == "gamma"
    assert curve.train_scores.shape == curve.validation_scores.shape == (7, 3)
    assert curve.train_mean.shape == curve.validation_mean.shape == (7,)
    assert np.all((curve.train_scores >= 0) & (curve.train_scores <= 1))
    # A huge gamma memorizes the training folds and fails on the validation fold.
    assert curve.train_mean[-1] == 1.0 and curve.validation_mean[-1] < 0.8
    assert curve.validation_mean[curve.best_index] == curve.validation_mean.max()
    assert curve.best_value == curve.values[curve.best_index]


def test_validation_curve_data_matches_sklearn(data, curve):
    from sklearn.model_selection import validation_curve

    X, y = data
    train, valid = validation_curve(
        SVC(), X, y, param_name="gamma", param_range=np.logspace(-4, 2, 7), cv=3
    )
    np.testing.assert_allclose(curve.train_scores, train)
    np.testing.assert_allclose(curve.validation_scores, valid)


def test_nearest_index_is_on_a_log_scale_for_positive_values(curve):
    assert curve.nearest_index(1e-4) == 0
    assert curve.nearest_index(2e-3) == 1  # 2e-3 is nearer 1e-3 than 1e-2 on a log scale
    assert curve.nearest_index(1e9) == 6
    linear = ms.ValidationCurve("k", np.array([1, 2, 3]), np.ones((3, 2)), np.ones((3, 2)))
    assert linear.nearest_index(2.4) == 1


def test_validation_curve_data_checks_its_input(data):
    X, y = data
    with pytest.raises(ValueError, match="no parameter 'gama'.*gamma"):
        ms.validation_curve_data(SVC(), X, y, "gama", [0.1, 1])
    with pytest.raises(ValueError, match="at least two"):
        ms.validation_curve_data(SVC(), X, y, "gamma", [0.1])
    with pytest.raises(ValueError, match="numbers"):
        ms.validation_curve_data(SVC(), X, y, "kernel", ["rbf", "linear"])
    with pytest.raises(TypeError, match="scikit-learn estimator"):
        ms.validation_curve_data("SVC", X, y, "gamma", [0.1, 1])


def test_draw_validation_curve_returns_a_figure_marking_the_value(curve):
    open_before = plt.get_fignums()
    fig = ms.draw_validation_curve(curve, value=1.5e-2)
    assert isinstance(fig, Figure) and plt.get_fignums() == open_before  # no pyplot leak
    ax = fig.axes[0]
    assert ax.get_xscale() == "log" and ax.get_xlabel() == "gamma"
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels[:3] == ["training", "validation", "best validation"]
    marker = ax.get_lines()[3]  # the vertical line at the chosen value
    assert list(marker.get_xdata()) == [1e-2, 1e-2]
    text = ax.texts[0].get_text()
    assert "gamma = 0.01" in text
    assert f"{curve.validation_mean[2]:.3f}" in text and f"{curve.train_mean[2]:.3f}" in text


def test_draw_validation_curve_without_value_and_bad_input(curve):
    fig = ms.draw_validation_curve(curve, log_scale=False, title="t")
    ax = fig.axes[0]
    assert ax.get_xscale() == "linear" and ax.get_title() == "t" and not ax.texts
    with pytest.raises(TypeError, match="validation_curve_data"):
        ms.draw_validation_curve({"gamma": [1, 2]})


def test_cv_results_table_is_sorted_best_first(search):
    table = ms.cv_results_table(search)
    assert len(table) == 12
    assert list(table.columns) == [
        "knn__n_neighbors",
        "knn__weights",
        "scaler",
        "mean_test_score",
        "std_test_score",
        "rank_test_score",
    ]
    assert table["rank_test_score"].is_monotonic_increasing
    assert table["mean_test_score"].iloc[0] == search.best_score_
    assert set(table["scaler"]) == {"StandardScaler()", "passthrough"}
    assert len(ms.cv_results_table(search.cv_results_, top=3)) == 3


def test_grid_scores_fixes_the_other_parameters_at_the_best(search):
    rows, cols, scores = ms.grid_scores(search, "knn__n_neighbors", "knn__weights")
    assert rows == [1, 5, 15] and cols == ["uniform", "distance"]
    assert scores.shape == (3, 2) and not np.isnan(scores).any()
    assert np.nanmax(scores) == search.best_score_
    results = search.cv_results_
    best_scaler = search.best_params_["scaler"]
    for i, k in enumerate(rows):
        for j, w in enumerate(cols):
            index = next(
                n
                for n, p in enumerate(results["params"])
                if p["knn__n_neighbors"] == k
                and p["knn__weights"] == w
                and p["scaler"] is best_scaler
            )
            assert scores[i, j] == results["mean_test_score"][index]


def test_grid_scores_with_estimators_as_values_and_a_fixed_choice(search):
    rows, cols, scores = ms.grid_scores(
        search, "scaler", "knn__n_neighbors", fixed={"knn__weights": "uniform"}
    )
    assert [str(r) for r in rows] == ["StandardScaler()", "passthrough"] and cols == [1, 5, 15]
    results = search.cv_results_
    expected = [
        s
        for p, s in zip(results["params"], results["mean_test_score"], strict=True)
        if p["knn__weights"] == "uniform" and p["scaler"] == "passthrough"
    ]
    np.testing.assert_allclose(scores[1], expected)


def test_grid_scores_checks_names(search):
    with pytest.raises(ValueError, match="no hyper-parameter 'C'"):
        ms.grid_scores(search, "C", "knn__weights")
    with pytest.raises(ValueError, match="two different"):
        ms.grid_scores(search, "knn__weights", "knn__weights")
    with pytest.raises(ValueError, match="unknown"):
        ms.grid_scores(search, "scaler", "knn__weights", fixed={"svc__C": 1})
    with pytest.raises(TypeError, match="fitted"):
        ms.grid_scores(GridSearchCV(SVC(), {"C": [1]}), "C", "gamma")


def test_grid_scores_leaves_untried_combinations_empty():
    results = {
        "params": [{"a": 1, "b": "x"}, {"a": 2, "b": "y"}],
        "mean_test_score": np.array([0.5, 0.7]),
        "rank_test_score": np.array([2, 1]),
    }
    rows, cols, scores = ms.grid_scores(results, "a", "b")
    assert rows == [1, 2] and cols == ["x", "y"]
    assert scores[0, 0] == 0.5 and scores[1, 1] == 0.7
    assert np.isnan(scores[0, 1]) and np.isnan(scores[1, 0])


def test_draw_grid_heatmap_writes_every_score_and_outlines_the_best(search):
    open_before = plt.get_fignums()
    fig = ms.draw_grid_heatmap(search, "knn__n_neighbors", "knn__weights", title="kNN")
    assert isinstance(fig, Figure) and plt.get_fignums() == open_before
    ax = fig.axes[0]
    _, _, scores = ms.grid_scores(search, "knn__n_neighbors", "knn__weights")
    assert sorted(t.get_text() for t in ax.texts) == sorted(f"{s:.3f}" for s in scores.flat)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["uniform", "distance"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["1", "5", "15"]
    (outline,) = ax.patches
    i, j = np.unravel_index(np.argmax(scores), scores.shape)
    assert outline.get_xy() == (j - 0.5, i - 0.5)
    assert ax.get_title() == "kNN" and ax.get_xlabel() == "knn__weights"


def test_draw_grid_heatmap_refuses_an_empty_slice(search):
    with pytest.raises(ValueError, match="nothing to draw"):
        ms.draw_grid_heatmap(
            {
                "params": [{"a": 1, "b": 1, "c": 1}],
                "mean_test_score": np.array([0.5]),
                "rank_test_score": np.array([1]),
            },
            "a",
            "b",
            fixed={"c": 2},
        )


# --- RegionExplorer: one hyper-parameter, seen in the plane ----------------------------


@pytest.fixture(scope="module")
def blobs():
    """Three overlapping classes in the plane, split into fitting and validation points."""
    from sklearn.datasets import make_blobs

    X, y = make_blobs(n_samples=180, centers=3, cluster_std=2.0, random_state=0)
    return X[:120], y[:120], X[120:], y[120:]


def test_region_explorer_recomputes_the_model_for_each_value(blobs):
    explorer = ms.RegionExplorer(SVC(C=10), "gamma", *blobs, resolution=30)
    small, large = explorer.regions(1e-3), explorer.regions(1e3)
    assert small.labels.shape == (30, 30) and small.value == 1e-3
    assert set(np.unique(small.labels)) <= {0, 1, 2}
    # a huge gamma learns the training points by heart and fails on new ones
    assert large.train_accuracy == 1.0
    assert large.validation_accuracy < small.validation_accuracy - 0.2
    assert large.support_share > small.support_share
    assert not np.array_equal(small.labels, large.labels), "the regions change with gamma"


def test_region_explorer_matches_a_model_fitted_by_hand(blobs):
    X_fit, y_fit, X_val, y_val = blobs
    regions = ms.RegionExplorer(SVC(C=10), "gamma", *blobs, resolution=20).regions(0.5)
    model = SVC(C=10, gamma=0.5).fit(X_fit, y_fit)
    assert regions.train_accuracy == pytest.approx(model.score(X_fit, y_fit))
    assert regions.validation_accuracy == pytest.approx(model.score(X_val, y_val))
    assert regions.labels[0, 0] == model.predict([[regions.xs[0], regions.ys[0]]])[0]


def test_region_explorer_computes_each_value_once(blobs, monkeypatch):
    explorer = ms.RegionExplorer(SVC(), "gamma", *blobs, resolution=10)
    calls = []
    compute = explorer._compute
    monkeypatch.setattr(explorer, "_compute", lambda v: calls.append(v) or compute(v))
    first = explorer.regions(0.1)
    assert explorer.regions(0.1) is first and explorer.regions(np.float64(0.1)) is first
    explorer.regions(1.0)
    assert calls == [0.1, 1.0]


def test_region_explorer_draws_two_panels_without_pyplot(blobs):
    before = plt.get_fignums()
    explorer = ms.RegionExplorer(SVC(), "gamma", *blobs, resolution=10, class_title="digit")
    fig = explorer.draw(0.1)
    assert isinstance(fig, Figure) and plt.get_fignums() == before
    left, right = fig.axes[:2]
    regions = explorer.regions(0.1)
    assert left.get_title() == f"training points: accuracy {regions.train_accuracy:.2f}"
    assert right.get_title() == f"validation points: accuracy {regions.validation_accuracy:.2f}"
    assert "gamma = 0.1" in fig._suptitle.get_text()
    assert left.get_legend().get_title().get_text() == "digit"
    with pytest.raises(ValueError, match="'training' or 'validation'"):
        explorer.draw_on(left, 0.1, points="test")


def test_region_explorer_checks_its_input(blobs):
    X_fit, y_fit, X_val, y_val = blobs
    with pytest.raises(TypeError, match="scikit-learn classifier"):
        ms.RegionExplorer(object(), "gamma", *blobs)
    with pytest.raises(ValueError, match="no parameter 'gama'"):
        ms.RegionExplorer(SVC(), "gama", *blobs)
    with pytest.raises(ValueError, match=r"points in the plane, shape \(n, 2\)"):
        ms.RegionExplorer(SVC(), "gamma", np.c_[X_fit, X_fit], y_fit, X_val, y_val)
    with pytest.raises(ValueError, match="one label per point"):
        ms.RegionExplorer(SVC(), "gamma", X_fit, y_fit[:-1], X_val, y_val)
