"""Lesson 09's helpers: data preparation, parameter counts, predictions and pictures."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from helpers import keras_intro as ki


def test_prepare_images_flattens_and_scales():
    images = np.zeros((3, 28, 28), dtype=np.uint8)
    images[1] = 255
    images[2, 0, 1] = 51
    X = ki.prepare_images(images)
    assert X.shape == (3, 784) and X.dtype == np.float32
    assert X.min() == 0 and X.max() == 1
    assert np.isclose(X[2, 1], 0.2)
    assert images.max() == 255, "the input is not changed"
    with pytest.raises(ValueError, match="batch of images"):
        ki.prepare_images(np.zeros(5))


def test_one_hot():
    Y = ki.one_hot([5, 0, 4])
    assert Y.shape == (3, 10) and Y.dtype == np.float32
    assert Y.sum(axis=1).tolist() == [1, 1, 1]
    assert Y.argmax(axis=1).tolist() == [5, 0, 4]
    assert ki.one_hot(np.array([], dtype=int)).shape == (0, 10)
    with pytest.raises(ValueError, match="0..9"):
        ki.one_hot([10])
    with pytest.raises(ValueError, match="whole-number"):
        ki.one_hot([0.5])


def test_dense_parameter_count_matches_the_seed():
    assert ki.dense_parameter_count([784, 800, 10]) == 784 * 800 + 800 + 800 * 10 + 10 == 636_010
    assert ki.dense_parameter_count((2, 3, 1)) == 9 + 4
    for bad in ([784], [784, 0], [784, 2.5], [True, 3]):
        with pytest.raises(ValueError, match="layer sizes"):
            ki.dense_parameter_count(bad)


class FakeLayer:
    def __init__(self, name, units, activation, inputs):
        self.name, self.units, self.activation, self.inputs = name, units, activation, inputs

    def get_config(self):
        return {"name": self.name, "units": self.units, "activation": self.activation}

    def count_params(self):
        return self.inputs * self.units + self.units


class Dense(FakeLayer):
    pass


class FakeModel:
    layers = [Dense("hidden", 800, "relu", 784), Dense("output", 10, "softmax", 800)]


def test_layer_rows_and_description():
    rows = ki.layer_rows(FakeModel())
    assert [r["name"] for r in rows] == ["hidden", "output"]
    assert rows[0] == {
        "name": "hidden",
        "kind": "Dense",
        "units": 800,
        "activation": "relu",
        "parameters": 628_000,
    }
    text = ki.describe_layers(FakeModel())
    assert "628,000" in text and "8,010" in text and text.splitlines()[-1].endswith("636,010")
    with pytest.raises(TypeError, match="Keras model"):
        ki.layer_rows(object())


def test_layer_rows_on_a_real_keras_model():
    keras = pytest.importorskip("keras")
    model = keras.Sequential(
        [
            keras.Input((784,)),
            keras.layers.Dense(800, activation="relu", name="hidden"),
            keras.layers.Dense(10, activation="softmax", name="output"),
        ]
    )
    rows = ki.layer_rows(model)
    assert [(r["units"], r["activation"], r["parameters"]) for r in rows] == [
        (800, "relu", 628_000),
        (10, "softmax", 8_010),
    ]
    assert sum(r["parameters"] for r in rows) == model.count_params()


def probabilities():
    # Four images: right (0.9), wrong with 0.8, right, wrong with 0.6.
    P = np.full((4, 10), 0.0)
    P[0, 3], P[0, 5] = 0.9, 0.1
    P[1, 7], P[1, 1] = 0.8, 0.2
    P[2, 0] = 1.0
    P[3, 2], P[3, 4] = 0.6, 0.4
    return P, np.array([3, 1, 0, 4])


def test_confusion_matrix():
    matrix = ki.confusion_matrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 2, 0], n_classes=3)
    assert matrix.tolist() == [[1, 1, 0], [0, 1, 0], [1, 0, 2]]
    assert ki.confusion_matrix([1, 2], [1, 2]).shape == (10, 10)
    with pytest.raises(ValueError, match="same length"):
        ki.confusion_matrix([1, 2], [1])


def test_top_confusions():
    matrix = np.array([[5, 2, 0], [0, 4, 3], [1, 0, 6]])
    assert ki.top_confusions(matrix, k=2) == [(1, 2, 3), (0, 1, 2)]
    assert ki.top_confusions(matrix, k=10) == [(1, 2, 3), (0, 1, 2), (2, 0, 1)]
    assert ki.top_confusions(np.eye(3, dtype=int)) == []
    assert all(isinstance(n, int) for cell in ki.top_confusions(matrix) for n in cell)
    with pytest.raises(ValueError, match="square"):
        ki.top_confusions(np.zeros((2, 3)))
    with pytest.raises(ValueError, match="k"):
        ki.top_confusions(matrix, k=0)


def test_most_confident_mistakes():
    P, labels = probabilities()
    assert ki.most_confident_mistakes(P, labels).tolist() == [1, 3]
    assert ki.most_confident_mistakes(P, labels, k=1).tolist() == [1]
    assert ki.most_confident_mistakes(P, P.argmax(axis=1)).tolist() == []
    with pytest.raises(ValueError, match="one label per row"):
        ki.most_confident_mistakes(P, labels[:2])
    with pytest.raises(ValueError, match="shape \\(n, classes\\)"):
        ki.most_confident_mistakes(P[0], labels)


def test_draw_prediction_is_pure_and_marks_right_and_wrong():
    P, labels = probabilities()
    images = np.random.default_rng(0).integers(0, 256, size=(4, 28, 28))
    before = P.copy()
    fig = ki.draw_prediction(images, P, labels, index=1)
    assert isinstance(fig, Figure)
    image_ax, bar_ax = fig.axes
    assert "predicted 7" in bar_ax.get_title() and "wrong" in bar_ax.get_title()
    assert "the true digit, 1, gets 0.20" in bar_ax.get_title()
    ticks = [tick.get_text() for tick in bar_ax.get_xticklabels()]
    assert ticks[1] == "1\ntrue" and ticks[0] == "0" and ticks[7] == "7"
    assert bar_ax.get_xticklabels()[1].get_fontweight() == "bold"
    heights = [bar.get_height() for bar in bar_ax.patches]
    assert np.allclose(heights, P[1])
    assert "a 1" in image_ax.get_title()
    assert "right" in ki.draw_prediction(images.reshape(4, 784), P, labels, 0).axes[1].get_title()
    assert np.array_equal(P, before)
    with pytest.raises(ValueError, match="index"):
        ki.draw_prediction(images, P, labels, index=4)
    with pytest.raises(ValueError, match="4 images"):
        ki.draw_prediction(images[:2], P, labels)


def test_draw_predictions_and_confusion():
    P, labels = probabilities()
    images = np.zeros((4, 28, 28))
    fig = ki.draw_predictions(images, P, labels, ncols=3, title="test")
    titled = [ax for ax in fig.axes if ax.get_title()]
    assert [ax.get_title() for ax in titled] == [
        "3 (0.90)",
        "7 (0.80)\ntrue 1",
        "0 (1.00)",
        "2 (0.60)\ntrue 4",
    ]
    assert len(fig.axes) == 6
    fig = ki.draw_confusion(ki.confusion_matrix(labels, P.argmax(axis=1)))
    assert isinstance(fig, Figure) and len(fig.axes[0].texts) == 4
    with pytest.raises(ValueError, match="square"):
        ki.draw_confusion(np.zeros((2, 3)))
