import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from matplotlib.figure import Figure
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.svm import SVC

from helpers import classifiers, widgets


@pytest.mark.parametrize("name", classifiers.DATASETS)
def test_data_sets_are_seeded_two_class_and_two_dimensional(name):
    X, y = classifiers.make_dataset(name)
    again_X, again_y = classifiers.make_dataset(name)
    assert X.shape == (100, 2) and y.shape == (100,)
    assert set(y.tolist()) == {0, 1} and y.dtype.kind == "i"
    np.testing.assert_array_equal(X, again_X)
    np.testing.assert_array_equal(y, again_y)
    other, _ = classifiers.make_dataset(name, seed=5)
    assert not np.allclose(X, other)
    assert classifiers.make_dataset(name, n_samples=40)[0].shape == (40, 2)


def test_default_data_sets_are_scikit_learns_comparison_sets():
    from sklearn.datasets import make_circles, make_classification, make_moons

    sets = classifiers.make_datasets()
    assert list(sets) == ["moons", "circles", "linear"]
    np.testing.assert_array_equal(sets["moons"][0], make_moons(noise=0.3, random_state=0)[0])
    np.testing.assert_array_equal(
        sets["circles"][0], make_circles(noise=0.2, factor=0.5, random_state=1)[0]
    )
    X, _ = make_classification(
        n_features=2, n_redundant=0, n_informative=2, random_state=1, n_clusters_per_class=1
    )
    X += 2 * np.random.RandomState(2).uniform(size=X.shape)
    np.testing.assert_array_equal(sets["linear"][0], X)


def test_noise_changes_the_spread():
    tight, _ = classifiers.make_dataset("moons", noise=0.0)
    loose, _ = classifiers.make_dataset("moons", noise=0.5)
    assert tight.std() < loose.std()
    shifted, _ = classifiers.make_dataset("linear", noise=0.5)
    assert not np.allclose(shifted, classifiers.make_dataset("linear")[0])


def test_make_dataset_refuses_bad_input():
    with pytest.raises(ValueError, match="Unknown data set 'spiral'"):
        classifiers.make_dataset("spiral")
    with pytest.raises(ValueError, match="n_samples"):
        classifiers.make_dataset("moons", n_samples=2)
    with pytest.raises(ValueError, match="seed"):
        classifiers.make_dataset("moons", seed=-1)


def test_split_is_seeded():
    X, y = classifiers.make_dataset("moons")
    first = classifiers.split(X, y)
    second = classifiers.split(X, y)
    assert [len(part) for part in first] == [60, 40, 60, 40]
    for a, b in zip(first, second, strict=True):
        np.testing.assert_array_equal(a, b)


def test_classifiers_are_at_least_five_fresh_unfitted_pipelines():
    from sklearn.exceptions import NotFittedError

    models = classifiers.classifiers()
    assert len(models) >= 5
    assert {"Nearest neighbours", "Linear SVM", "RBF SVM", "Decision tree"} <= set(models)
    assert models["Linear SVM"] is not classifiers.classifiers()["Linear SVM"]
    with pytest.raises(NotFittedError):
        models["Decision tree"].predict(np.zeros((1, 2)))


def fitted(model, name="moons"):
    X, y = classifiers.make_dataset(name)
    return model.fit(X, y), X, y


def test_decision_grid_covers_the_points_and_scores_between_zero_and_one():
    model, X, y = fitted(LogisticRegression())
    xx, yy, score = classifiers.decision_grid(model, X, resolution=30, margin=0.5)
    assert xx.shape == yy.shape == score.shape == (30, 30)
    assert np.isclose(xx.min(), X[:, 0].min() - 0.5) and np.isclose(yy.max(), X[:, 1].max() + 0.5)
    assert score.min() >= 0 and score.max() <= 1
    grid = np.c_[xx.ravel(), yy.ravel()]
    np.testing.assert_allclose(score.ravel(), model.predict_proba(grid)[:, 1])


def test_score_of_a_model_without_probabilities_keeps_the_boundary():
    model, X, y = fitted(SVC(kernel="linear"))
    score = classifiers.class1_score(model, X)
    assert ((score > 0.5) == (model.predict(X) == 1)).all()
    assert np.all((score > 0) & (score < 1))


def test_decision_grid_refuses_bad_input():
    model, X, y = fitted(KNeighborsClassifier(3))
    with pytest.raises(ValueError, match=r"shape \(n, 2\)"):
        classifiers.decision_grid(model, X[:, :1])
    with pytest.raises(ValueError, match="resolution"):
        classifiers.decision_grid(model, X, resolution=1)


def test_draw_decision_regions_returns_a_figure_or_draws_on_given_axes():
    model, X, y = fitted(KNeighborsClassifier(3))
    fig = classifiers.draw_decision_regions(model, X[:60], y[:60], X[60:], y[60:], title="k-NN")
    assert isinstance(fig, Figure) and fig.axes[0].get_title() == "k-NN"
    assert len(fig.axes[0].collections) >= 3  # regions, boundary, two sets of points
    host = Figure()
    ax = host.subplots()
    assert classifiers.draw_decision_regions(model, X, y, ax=ax) is host
    assert len(host.axes) == 1, "no colour bar unless asked for"
    labelled = classifiers.draw_decision_regions(model, X, y, colorbar="P(class 1 | x)")
    assert [a.get_ylabel() for a in labelled.axes[1:]] == ["P(class 1 | x)"]
    with pytest.raises(ValueError, match="100 training points but 99 labels"):
        classifiers.draw_decision_regions(model, X, y[:-1])


def test_accuracy_table_reproduces_scikit_learns_comparison():
    table = classifiers.accuracy_table()
    assert list(table) == list(classifiers.classifiers())
    assert all(list(row) == ["moons", "circles", "linear"] for row in table.values())
    assert table["Nearest neighbours"] == {"moons": 0.975, "circles": 0.925, "linear": 0.95}
    assert table["Linear SVM"]["circles"] == 0.4  # no straight line separates the circles
    assert table["RBF SVM"]["circles"] == 0.875
    assert table == classifiers.accuracy_table()


def test_accuracy_table_takes_own_data_and_models_without_fitting_them():
    model = KNeighborsClassifier(1)
    X, y = classifiers.make_dataset("moons", n_samples=50)
    table = classifiers.accuracy_table({"mine": (X, y)}, {"1-NN": model}, test_size=0.5)
    assert list(table) == ["1-NN"] and 0.5 <= table["1-NN"]["mine"] <= 1
    assert not hasattr(model, "classes_"), "the model passed in must not be fitted"
    with pytest.raises(ValueError, match="at least one"):
        classifiers.accuracy_table({}, {"1-NN": model})


def test_format_table_aligns_columns():
    text = classifiers.format_table(
        {"a": {"x": 0.5, "long name": 1.0}, "bb": {"x": 0.25, "long name": 0.0}}
    )
    lines = text.splitlines()
    assert len(lines) == 3 and len({len(line) for line in lines}) == 1
    assert lines[1].startswith("a ") and "0.500" in lines[1] and "0.250" in lines[2]
    with pytest.raises(ValueError, match="empty"):
        classifiers.format_table({})


def test_comparison_figure_has_a_panel_per_data_set_and_classifier():
    models = dict(list(classifiers.classifiers().items())[:2])
    fig = classifiers.comparison_figure(models=models, resolution=20)
    assert isinstance(fig, Figure) and len(fig.axes) == 3 * 3
    titles = [ax.get_title() for ax in fig.axes[:3]]
    assert titles == ["Input data", "Nearest neighbours", "Logistic regression"]
    texts = [t.get_text() for t in fig.axes[1].texts]
    assert texts == ["0.975"], "the test accuracy is written in the panel"
    assert fig.axes[3].get_ylabel() == "circles"


def test_knn_accuracy_curve_matches_scikit_learn():
    X_train, X_test, y_train, y_test = classifiers.knn_data()
    assert len(X_train) == len(X_test) == classifiers.KNN_N_TRAIN
    train, test = classifiers.knn_accuracy_curve([1, 15])
    assert train[0] == 1.0, "1-NN classifies every training point by itself"
    model = KNeighborsClassifier(15).fit(X_train, y_train)
    assert test[1] == model.score(X_test, y_test)
    assert test[1] > test[0], "15 neighbours generalize better than 1 on noisy moons"
    X_train[0] = 99.0  # the widget's data cannot be changed from outside
    assert classifiers.knn_data()[0][0, 0] != 99.0
    with pytest.raises(ValueError, match="from 1 to"):
        classifiers.knn_accuracy_curve([0])


def test_draw_knn_explorer_at_defaults_and_its_widget():
    import ipywidgets as w

    fig = classifiers.draw_knn_explorer()
    assert isinstance(fig, Figure) and len(fig.axes) == 3  # regions, accuracy, colour bar
    assert fig.axes[2].get_ylabel() == "share of the k neighbours voting blue (class 1)"
    title = fig.axes[0].get_title()
    assert title.startswith("k = 15: train accuracy") and "test accuracy" in title
    overfit = classifiers.draw_knn_explorer(k=1, k_max=20, resolution=20)
    assert "train accuracy 1.00" in overfit.axes[0].get_title()
    with pytest.raises(ValueError, match="k must be"):
        classifiers.draw_knn_explorer(k=30, k_max=20)
    box = widgets.explorer(classifiers.draw_knn_explorer, k=w.IntSlider(value=5, min=1, max=75))
    assert box.figure().axes[0].get_title().startswith("k = 5:")
    assert box._repr_mimebundle_()["image/png"].startswith("iVBOR")
