import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers import plots


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


class FakeHistory:
    history = {"loss": [1.0, 0.6, 0.4], "val_loss": [1.1, 0.8, 0.7], "accuracy": [0.5, 0.7, 0.8]}


def test_training_curves_draws_one_panel_per_metric_with_validation():
    fig = plots.training_curves(FakeHistory())
    assert len(fig.axes) == 2
    loss = fig.axes[0]
    assert loss.get_title() == "loss"
    assert [line.get_label() for line in loss.get_lines()] == ["training", "validation"]
    assert list(loss.get_lines()[0].get_xdata()) == [1, 2, 3]


def test_training_curves_accepts_a_dict_and_a_metric_name():
    fig = plots.training_curves({"loss": [3, 2]}, metrics="loss", title="run 1")
    assert len(fig.axes) == 1 and fig._suptitle.get_text() == "run 1"


def test_training_curves_bad_input():
    with pytest.raises(TypeError, match="Keras History"):
        plots.training_curves([1, 2, 3])
    with pytest.raises(ValueError, match="No metric 'acc'.*accuracy"):
        plots.training_curves(FakeHistory(), metrics=["acc"])


def test_image_grid_layout_and_labels():
    images = np.random.default_rng(0).random((12, 8, 8))
    fig = plots.image_grid(images, labels=list(range(12)), ncols=5)
    assert len(fig.axes) == 15  # 3 rows of 5, the last 3 empty
    assert fig.axes[11].get_title() == "11"
    assert len(fig.axes[0].get_images()) == 1 and len(fig.axes[14].get_images()) == 0


def test_image_grid_accepts_channels():
    assert len(plots.image_grid(np.zeros((2, 4, 4, 1))).axes) == 2
    assert len(plots.image_grid(np.zeros((2, 4, 4, 3), np.uint8)).axes) == 2


@pytest.mark.parametrize(
    ("images", "kwargs", "message"),
    [
        (np.zeros((4, 4)), {}, "shape \\(n, height, width\\)"),
        (np.zeros((2, 4, 4, 2)), {}, "got shape \\(2, 4, 4, 2\\)"),
        (np.zeros((0, 4, 4)), {}, "no images"),
        (np.zeros((3, 4, 4)), {"labels": [1, 2]}, "3 images but 2 labels"),
        (np.zeros((3, 4, 4)), {"ncols": 0}, "positive whole number"),
    ],
)
def test_image_grid_bad_input(images, kwargs, message):
    with pytest.raises(ValueError, match=message):
        plots.image_grid(images, **kwargs)


def test_pictures_are_built_without_pyplot():
    before = plt.get_fignums()
    figures = [
        plots.training_curves({"loss": [1.0, 0.5]}),
        plots.image_grid(np.zeros((3, 4, 4))),
        plots.figure(2, 2),
    ]
    assert plt.get_fignums() == before
    assert all(type(fig).__name__ == "Figure" for fig in figures)
