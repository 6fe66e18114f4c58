import functools

import matplotlib

matplotlib.use("Agg")

import ipywidgets as w
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure
from sklearn.metrics import confusion_matrix, precision_score, recall_score
from sklearn.model_selection import KFold

from helpers import evaluation, widgets
from helpers.exercises import lesson05


@pytest.fixture(scope="module")
def curve():
    x, y = evaluation.noisy_curve(45)
    return x[:15], y[:15], x[15:30], y[15:30]


def texts(fig):
    return [t.get_text() for ax in fig.axes for t in ax.texts]


# --- data and fits ----------------------------------------------------------------------


def test_noisy_curve_is_seeded_and_follows_the_sine():
    x, y = evaluation.noisy_curve(500, noise=0.1, seed=3)
    again = evaluation.noisy_curve(500, noise=0.1, seed=3)
    other = evaluation.noisy_curve(500, noise=0.1, seed=4)
    assert x.shape == y.shape == (500,)
    assert np.array_equal(x, again[0]) and np.array_equal(y, again[1])
    assert not np.array_equal(x, other[0])
    assert 0 <= x.min() and x.max() <= 1
    assert np.std(y - evaluation.true_curve(x)) == pytest.approx(0.1, rel=0.15)
    x0, y0 = evaluation.noisy_curve(20, noise=0)
    assert np.allclose(y0, np.sin(2 * np.pi * x0))


@pytest.mark.parametrize(("n", "noise"), [(0, 0.1), (-3, 0.1), (2.5, 0.1), (True, 0.1), (5, -1)])
def test_noisy_curve_rejects_bad_arguments(n, noise):
    with pytest.raises(ValueError):
        evaluation.noisy_curve(n, noise=noise)


def test_fit_polynomial_recovers_an_exact_polynomial():
    x = np.linspace(-2, 3, 12)
    y = 1.5 - 2 * x + 0.5 * x**3
    poly = evaluation.fit_polynomial(x, y, 3)
    grid = np.linspace(-3, 4, 9)
    assert np.allclose(poly(grid), 1.5 - 2 * grid + 0.5 * grid**3)
    assert np.allclose(poly.convert().coef, [1.5, -2, 0, 0.5], atol=1e-9)


def test_fit_polynomial_through_n_points_interpolates():
    x, y = evaluation.noisy_curve(8)
    poly = evaluation.fit_polynomial(x, y, 7)
    assert np.allclose(poly(x), y, atol=1e-6)


@pytest.mark.parametrize("degree", [-1, 1.5, True, 10])
def test_fit_polynomial_rejects_bad_degrees(degree):
    x, y = evaluation.noisy_curve(10)
    wrong_kind = isinstance(degree, bool) or not isinstance(degree, int)
    with pytest.raises(TypeError if wrong_kind else ValueError, match="degree"):
        evaluation.fit_polynomial(x, y, degree)


def test_fit_polynomial_rejects_mismatched_or_empty_points():
    with pytest.raises(ValueError, match="same length"):
        evaluation.fit_polynomial([1, 2, 3], [1, 2], 1)
    with pytest.raises(ValueError, match="empty"):
        evaluation.fit_polynomial([], [], 0)
    with pytest.raises(ValueError, match="one-dimensional"):
        evaluation.fit_polynomial(np.ones((3, 2)), np.ones(3), 1)


def test_mse():
    assert evaluation.mse([1, 2, 3], [1, 2, 3]) == 0.0
    assert evaluation.mse([0, 0], [1, 3]) == pytest.approx(5.0)
    assert isinstance(evaluation.mse([1.0], [2.0]), float)
    with pytest.raises(ValueError, match="same length"):
        evaluation.mse([1, 2], [1])


def test_degree_errors_train_error_never_grows_and_validation_turns_up(curve):
    x_train, y_train, x_val, y_val = curve
    degrees = range(13)
    train, val = evaluation.degree_errors(x_train, y_train, x_val, y_val, degrees)
    assert train.shape == val.shape == (13,)
    assert np.all(np.diff(train) <= 1e-9), "nested least-squares fits cannot get worse"
    best = int(np.argmin(val))
    assert 3 <= best <= 8, "the sine wave needs about degree 3; degree 12 overfits"
    assert val[12] > 100 * val[best] and train[12] < train[best]
    poly = evaluation.fit_polynomial(x_train, y_train, 4)
    assert train[4] == pytest.approx(evaluation.mse(y_train, poly(x_train)))
    assert val[4] == pytest.approx(evaluation.mse(y_val, poly(x_val)))


def test_degree_errors_needs_degrees(curve):
    with pytest.raises(ValueError, match="at least one degree"):
        evaluation.degree_errors(*curve, degrees=[])


# --- the degree explorer ----------------------------------------------------------------


def test_draw_degree_fit_shows_the_fit_and_the_error_curves(curve):
    before = plt.get_fignums()
    fig = evaluation.draw_degree_fit(3, *curve)
    assert isinstance(fig, Figure) and plt.get_fignums() == before, "built without pyplot"
    left, right = fig.axes
    assert "degree 3" in left.get_title()
    labels = [line.get_label() for line in left.get_lines()]
    assert "degree 3" in labels and "true curve" in labels
    assert right.get_yscale() == "log"
    train, val = evaluation.degree_errors(*curve, degrees=range(13))
    assert f"{train[3]:.3g}" in right.get_title() and f"{val[3]:.3g}" in right.get_title()
    marker_x = [line.get_xdata()[0] for line in right.get_lines() if len(line.get_xdata()) == 1]
    assert 3 in marker_x, "the current degree is marked"


def test_draw_degree_fit_caps_exploding_validation_errors(curve):
    fig = evaluation.draw_degree_fit(12, *curve)
    right = fig.axes[1]
    assert "off the chart" in [line.get_label() for line in right.get_lines()]
    top = right.get_ylim()[1]
    assert all(np.max(line.get_ydata()) <= top for line in right.get_lines()[:2])


def test_draw_degree_fit_without_truth_and_bad_degrees(curve):
    fig = evaluation.draw_degree_fit(0, *curve, max_degree=5, truth=None)
    assert "true curve" not in [line.get_label() for line in fig.axes[0].get_lines()]
    with pytest.raises(ValueError, match="degree"):
        evaluation.draw_degree_fit(6, *curve, max_degree=5)
    with pytest.raises(ValueError, match="15 points"):
        evaluation.draw_degree_fit(3, *curve, max_degree=15)


def test_degree_explorer_runs_without_a_browser(curve):
    draw = functools.partial(
        evaluation.draw_degree_fit,
        x_train=curve[0],
        y_train=curve[1],
        x_val=curve[2],
        y_val=curve[3],
    )
    box = widgets.explorer(draw, degree=w.IntSlider(value=3, min=0, max=12))
    assert box.figure().axes[0].get_title() == "Polynomial of degree 3"
    box.controls["degree"].value = 9
    assert box.figure().axes[0].get_title() == "Polynomial of degree 9"
    assert box._repr_mimebundle_()["image/png"].startswith("iVBOR")


# --- classification ---------------------------------------------------------------------


def test_binary_counts_match_scikit_learn_on_random_labels():
    generator = np.random.default_rng(0)
    for _ in range(50):
        n = int(generator.integers(1, 40))
        y_true = generator.integers(0, 2, n)
        y_pred = generator.integers(0, 2, n)
        tn, fp, fn, tp = evaluation.binary_counts(y_true, y_pred)
        assert [[tn, fp], [fn, tp]] == confusion_matrix(y_true, y_pred, labels=[0, 1]).tolist()
    assert evaluation.binary_counts([True, False], [1, 1]) == (0, 1, 0, 1)


@pytest.mark.parametrize(
    ("y_true", "y_pred", "match"),
    [
        ([0, 1, 1], [0, 1], "same length"),
        ([0, 2], [0, 1], "only the labels 0 and 1"),
        ([0, 1], [0, -1], "only the labels 0 and 1"),
        ([[0, 1]], [[0, 1]], "one-dimensional"),
    ],
)
def test_binary_counts_rejects_bad_labels(y_true, y_pred, match):
    with pytest.raises(ValueError, match=match):
        evaluation.binary_counts(y_true, y_pred)


def test_threshold_metrics_match_scikit_learn():
    generator = np.random.default_rng(1)
    y_true = generator.integers(0, 2, 200)
    scores = y_true + generator.normal(0, 0.8, 200)
    for threshold in (-1.0, 0.2, 0.5, 0.9, 3.0):
        y_pred = (scores > threshold).astype(int)
        result = evaluation.threshold_metrics(y_true, scores, threshold)
        assert result["precision"] == pytest.approx(
            precision_score(y_true, y_pred, zero_division=0)
        )
        assert result["recall"] == pytest.approx(recall_score(y_true, y_pred, zero_division=0))
        assert result["accuracy"] == pytest.approx(np.mean(y_pred == y_true))
        assert result["tn"] + result["fp"] + result["fn"] + result["tp"] == 200


def test_threshold_metrics_zero_division_gives_zero():
    result = evaluation.threshold_metrics([0, 0, 1], [0.1, 0.2, 0.3], threshold=5)
    assert result["precision"] == 0.0 and result["recall"] == 0.0
    result = evaluation.threshold_metrics([0, 0], [0.1, 0.9], threshold=0.5)
    assert result["recall"] == 0.0 and result["precision"] == 0.0 and result["accuracy"] == 0.5


def test_draw_confusion_matrix_writes_the_counts():
    fig = evaluation.draw_confusion_matrix(
        [[68, 1], [11, 34]], class_names=["benign", "malignant"], title="t", binary_names=True
    )
    assert isinstance(fig, Figure)
    assert texts(fig) == ["TN\n68", "FP\n1", "FN\n11", "TP\n34"]
    ax = fig.axes[0]
    assert ax.get_title() == "t" and ax.get_xlabel() == "predicted class"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["benign", "malignant"]


def test_draw_confusion_matrix_multiclass_and_fractions():
    fig = evaluation.draw_confusion_matrix(np.arange(9).reshape(3, 3))
    assert texts(fig) == [str(i) for i in range(9)]
    fig = evaluation.draw_confusion_matrix(np.array([[0.75, 0.25], [0.1, 0.9]]))
    assert texts(fig) == ["0.75", "0.25", "0.10", "0.90"]


@pytest.mark.parametrize(
    ("matrix", "names", "match"),
    [
        ([[1, 2, 3]], None, "square"),
        ([1, 2], None, "square"),
        ([[1, -1], [0, 2]], None, "negative"),
        ([[1, 0], [0, 1]], ["a", "b", "c"], "3 class names"),
    ],
)
def test_draw_confusion_matrix_rejects_bad_input(matrix, names, match):
    with pytest.raises(ValueError, match=match):
        evaluation.draw_confusion_matrix(matrix, class_names=names)


def test_draw_threshold_shows_histograms_and_the_matrix():
    y_true = np.array([0, 0, 0, 1, 1, 1])
    scores = np.array([1.0, 2.0, 3.5, 3.0, 4.0, 5.0])
    fig = evaluation.draw_threshold(3.2, y_true, scores, score_name="radius")
    left, right = fig.axes
    assert left.get_xlabel() == "radius"
    # predicted 1 where score >= 3.2: [0, 0, 1, 0, 1, 1]
    assert texts(fig) == ["TN\n2", "FP\n1", "FN\n1", "TP\n2"]
    assert "precision 0.667, recall 0.667" in right.get_title()


def test_threshold_explorer_redraws():
    y_true = np.array([0, 0, 1, 1])
    scores = np.array([0.1, 0.6, 0.4, 0.9])
    draw = functools.partial(evaluation.draw_threshold, y_true=y_true, scores=scores)
    box = widgets.explorer(draw, threshold=w.FloatSlider(value=0.5, min=0, max=1))
    assert "recall 0.500" in box.figure().axes[1].get_title()
    box.controls["threshold"].value = 0.3
    assert "recall 1.000" in box.figure().axes[1].get_title()


# --- cross-validation -------------------------------------------------------------------


@pytest.mark.parametrize(("n", "k", "shuffle"), [(20, 5, False), (11, 4, False), (13, 3, True)])
def test_draw_kfold_paints_the_kfold_validation_folds(n, k, shuffle):
    fig = evaluation.draw_kfold(n, k, shuffle=shuffle, seed=0)
    grid = fig.axes[0].get_images()[0].get_array()
    assert grid.shape == (k, n)
    folds = KFold(k, shuffle=shuffle, random_state=0 if shuffle else None)
    for row, (_, val_index) in zip(grid, folds.split(np.arange(n)), strict=True):
        assert np.flatnonzero(row).tolist() == sorted(val_index.tolist())
    assert np.all(grid.sum(axis=0) == 1), "every example is validated exactly once"
    rows = [label.get_text() for label in fig.axes[0].get_yticklabels()]
    assert rows == [f"round {i}" for i in range(1, k + 1)], "rows are rounds, not folds"


@pytest.mark.parametrize(("n", "k"), [(5, 1), (5, 6), (5.0, 2), (10, True)])
def test_draw_kfold_rejects_bad_sizes(n, k):
    with pytest.raises(ValueError):
        evaluation.draw_kfold(n, k)


# --- the lecture's exercises ------------------------------------------------------------


def test_fold_sizes_reference_agrees_with_kfold():
    for n, k in [(10, 3), (11, 4), (569, 5), (7, 7), (100, 10)]:
        sizes = [len(v) for _, v in KFold(k).split(np.arange(n))]
        assert lesson05.fold_sizes(n, k) == sizes


def test_specificity_reference_is_the_recall_of_the_negative_class():
    generator = np.random.default_rng(2)
    for _ in range(30):
        y_true = generator.integers(0, 2, 15).tolist()
        y_pred = generator.integers(0, 2, 15).tolist()
        expected = recall_score(y_true, y_pred, pos_label=0, zero_division=0)
        assert lesson05.specificity(y_true, y_pred) == pytest.approx(expected)
    assert lesson05.specificity([1, 1], [0, 1]) == 0.0
