"""Lesson 11's helpers: schedules, noisy descent, model graphs, live plots and grids."""

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from helpers import deep_keras as dk
from helpers.exercises import lesson11

# --- schedules ---------------------------------------------------------------------


def test_step_decay_is_a_staircase():
    assert [dk.step_decay(e, 0.1, drop=0.5, every=2) for e in range(5)] == [
        0.1,
        0.1,
        0.05,
        0.05,
        0.025,
    ]
    assert isinstance(dk.step_decay(np.int64(3), 1, 0.5, 2), float)
    for epoch in range(30):
        assert dk.step_decay(epoch, 0.01, 0.1, 3) == pytest.approx(
            lesson11.step_decay(epoch, 0.01, 0.1, 3)
        )


def test_exponential_and_cosine_decay():
    assert dk.exponential_decay(0, 0.1, 0.9) == pytest.approx(0.1)
    assert dk.exponential_decay(3, 0.1, 0.5) == pytest.approx(0.0125)
    assert dk.cosine_decay(0, 0.1, 10) == pytest.approx(0.1)
    assert dk.cosine_decay(5, 0.1, 10) == pytest.approx(0.05)
    assert dk.cosine_decay(10, 0.1, 10) == pytest.approx(0.0)
    assert dk.cosine_decay(25, 0.1, 10, min_lr=0.01) == pytest.approx(0.01), "stays at min_lr"
    assert dk.cosine_decay(5, 0.1, 10, min_lr=0.02) == pytest.approx(0.06)


@pytest.mark.parametrize(
    ("epoch", "error"), [(-1, ValueError), (1.5, TypeError), (True, TypeError), ("3", TypeError)]
)
def test_schedules_refuse_a_bad_epoch(epoch, error):
    with pytest.raises(error, match="Keras counts epochs from 0"):
        dk.step_decay(epoch, 0.1)


def test_schedules_refuse_bad_settings():
    with pytest.raises(ValueError, match="initial_lr must be a positive number"):
        dk.exponential_decay(1, 0.0)
    with pytest.raises(ValueError, match="every must be a positive whole number"):
        dk.step_decay(1, 0.1, every=0)
    with pytest.raises(ValueError, match="min_lr must lie"):
        dk.cosine_decay(1, 0.1, 10, min_lr=0.2)


@pytest.mark.parametrize("kind", dk.SCHEDULES)
def test_schedule_values_share_start_and_end(kind):
    values = dk.schedule_values(kind, epochs=40, initial_lr=0.2, final_fraction=0.01)
    assert values.shape == (40,)
    assert values[0] == pytest.approx(0.2)
    assert np.all(np.diff(values) <= 1e-12), "a schedule never raises the rate"
    expected_end = 0.2 if kind == "constant" else 0.002
    assert values[-1] == pytest.approx(expected_end)


def test_schedule_values_shapes_differ():
    step = dk.schedule_values("step", epochs=40)
    assert len(np.unique(step)) == 4 and np.all(step[:10] == step[0])
    exponential = dk.schedule_values("exponential", epochs=40)
    assert np.allclose(exponential[1:] / exponential[:-1], exponential[1] / exponential[0])
    cosine = dk.schedule_values("cosine", epochs=40, final_fraction=0.01)
    assert cosine[20] > exponential[20], "cosine stays high longer than exponential decay"
    with pytest.raises(ValueError, match="Unknown schedule 'linear'"):
        dk.schedule_values("linear")
    with pytest.raises(ValueError, match="final_fraction must lie"):
        dk.schedule_values("step", final_fraction=0)


def test_steps_per_epoch_reference_matches_keras_rule():
    assert lesson11.steps_per_epoch(3000, 64, 0.0) == 47
    assert lesson11.steps_per_epoch(4000, 200, 0.2) == 16
    assert lesson11.steps_per_epoch(1000, 32, 0.1) == 29  # 900 / 32 = 28.1 -> 29


# --- noisy descent and the explorer ----------------------------------------------------


def test_noisy_descent_is_reproducible_and_decay_lowers_the_floor():
    constant = dk.schedule_values("constant", 40, 0.2)
    losses = dk.noisy_descent(constant, steps_per_epoch=10)
    assert losses.shape == (401,)
    assert losses[0] == pytest.approx(0.5 * (9 + 4 * 4))
    np.testing.assert_array_equal(losses, dk.noisy_descent(constant, steps_per_epoch=10))
    assert not np.array_equal(losses, dk.noisy_descent(constant, seed=1))
    for kind in ("step", "exponential", "cosine"):
        decayed = dk.noisy_descent(dk.schedule_values(kind, 40, 0.2), steps_per_epoch=10)
        assert decayed[-50:].mean() < losses[-50:].mean() / 5, kind


def test_noisy_descent_without_noise_is_plain_descent():
    losses = dk.noisy_descent([0.1] * 5, steps_per_epoch=2, noise=0.0, start=(1.0, 0.0))
    assert np.allclose(losses, 0.5 * 0.9 ** (2 * np.arange(11)))
    with pytest.raises(ValueError, match="positive learning rates"):
        dk.noisy_descent([0.1, -0.1])


@pytest.mark.parametrize("kind", dk.SCHEDULES)
def test_draw_schedule_gives_two_panels(kind):
    fig = dk.draw_schedule(kind, initial_lr=0.3, final_fraction=0.05)
    assert isinstance(fig, Figure)
    left, right = fig.axes
    assert left.get_yscale() == "log" and right.get_yscale() == "log"
    lines = 1 if kind == "constant" else 2
    assert len(left.get_lines()) == lines and len(right.get_lines()) == lines
    assert kind in left.get_title()


# --- model graphs ----------------------------------------------------------------------

ROWS = [
    {"name": "a", "kind": "InputLayer", "inputs": [], "shape": (None, 4), "parameters": 0},
    {"name": "b", "kind": "InputLayer", "inputs": [], "shape": (None, 2), "parameters": 0},
    {"name": "h", "kind": "Dense", "inputs": ["a"], "shape": (None, 3), "parameters": 15},
    {"name": "j", "kind": "Concatenate", "inputs": ["h", "b"], "shape": (None, 5), "parameters": 0},
    {"name": "out", "kind": "Dense", "inputs": ["j"], "shape": (None, 1), "parameters": 6},
]


def test_graph_depths_and_table_from_rows():
    assert dk.graph_depths(ROWS) == {"a": 0, "b": 0, "h": 1, "j": 2, "out": 3}
    table = dk.describe_graph(ROWS)
    lines = table.splitlines()
    assert lines[0].split()[:2] == ["layer", "kind"]
    assert "j" in lines[4] and "Concatenate" in lines[4] and lines[4].endswith("h, b")
    assert lines[-1].split() == ["total", "21"]
    with pytest.raises(ValueError, match="reads 'later'"):
        dk.graph_depths([{**ROWS[2], "inputs": ["later"]}])
    with pytest.raises(ValueError, match="Expected a Keras model or the rows"):
        dk.describe_graph([{"name": "x"}])


def test_draw_graph_draws_a_box_per_layer_and_an_arrow_per_input():
    fig = dk.draw_graph(ROWS, title="toy")
    ax = fig.axes[0]
    boxes = [t for t in ax.texts if t.get_text()]
    arrows = [t for t in ax.texts if not t.get_text()]  # annotations with an arrow only
    assert len(boxes) == len(ROWS) and len(arrows) == sum(len(r["inputs"]) for r in ROWS)
    assert boxes[3].get_text().startswith("j · Concatenate")
    assert "15 params" in boxes[2].get_text()
    assert ax.get_title() == "toy"


@pytest.fixture(scope="module")
def keras():
    from helpers.training import import_tensorflow

    import_tensorflow(quiet=True)
    import keras

    return keras


def test_layer_graph_of_sequential_and_functional_twins(keras):
    def sequential():
        return keras.Sequential(
            [
                keras.Input(shape=(6,), name="x"),
                keras.layers.Dense(4, activation="relu", name="h"),
                keras.layers.Dropout(0.1, name="d"),
                keras.layers.Dense(3, name="out"),
            ]
        )

    def functional():
        x = keras.Input(shape=(6,), name="x")
        h = keras.layers.Dense(4, activation="relu", name="h")(x)
        out = keras.layers.Dense(3, name="out")(keras.layers.Dropout(0.1, name="d")(h))
        return keras.Model(x, out)

    rows = dk.layer_graph(functional())
    assert rows == dk.layer_graph(sequential())
    assert [r["name"] for r in rows] == ["x", "h", "d", "out"]
    assert [r["inputs"] for r in rows] == [[], ["x"], ["h"], ["d"]]
    assert [r["shape"] for r in rows] == [(None, 6), (None, 4), (None, 4), (None, 3)]
    assert [r["parameters"] for r in rows] == [0, 28, 0, 15]
    with pytest.raises(TypeError, match="expects a Keras model"):
        dk.layer_graph([1, 2])


def test_layer_graph_of_a_model_with_two_inputs(keras):
    a, b = keras.Input(shape=(4,), name="a"), keras.Input(shape=(2,), name="b")
    h = keras.layers.Dense(3, name="h")(a)
    j = keras.layers.Concatenate(name="j")([h, b])
    model = keras.Model([a, b], keras.layers.Dense(1, name="out")(j))
    rows = dk.layer_graph(model)  # in an order where each layer comes after its inputs
    assert sorted(rows, key=lambda r: r["name"]) == sorted(ROWS, key=lambda r: r["name"])
    assert dk.graph_depths(rows) == dk.graph_depths(ROWS)


def test_live_plot_outside_a_notebook_keeps_the_final_figure(keras):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
    model.compile(optimizer="sgd", loss="mse")
    x, y = np.ones((8, 3), "float32"), np.zeros((8, 2), "float32")
    live = dk.live_plot("loss", title="tiny")
    model.fit(x, y, epochs=3, validation_data=(x, y), callbacks=[live], verbose=0)
    assert len(live.history["loss"]) == 3 and len(live.history["val_loss"]) == 3
    assert isinstance(live.figure, Figure)
    assert len(live.figure.axes[0].get_lines()) == 2
    with pytest.raises(ValueError, match="at least one metric"):
        dk.live_plot([])
    with pytest.raises(ValueError, match="min_interval"):
        dk.live_plot("loss", min_interval=-1)


class FakeHandle:
    def __init__(self, shown):
        self.shown = shown

    def update(self, picture):
        self.shown.append(("update", picture))


def test_live_plot_in_a_notebook_updates_one_picture(keras, monkeypatch):
    import IPython.display

    shown = []

    def display(picture, display_id=False):
        assert display_id is True, "one picture, updated in place"
        shown.append(("display", picture))
        return FakeHandle(shown)

    monkeypatch.setattr(dk.curves, "_in_notebook", lambda: True)
    monkeypatch.setattr(IPython.display, "display", display)
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
    model.compile(optimizer="sgd", loss="mse")
    x, y = np.ones((8, 3), "float32"), np.zeros((8, 2), "float32")

    model.fit(x, y, epochs=3, callbacks=[dk.live_plot("loss", min_interval=0)], verbose=0)
    assert [kind for kind, _ in shown] == ["display", "update", "update"]
    assert all(picture.format == "png" for _, picture in shown)

    shown.clear()
    slow = dk.live_plot("loss", min_interval=1e9)  # draws the first epoch, then the end
    model.fit(x, y, epochs=3, callbacks=[slow], verbose=0)
    assert [kind for kind, _ in shown] == ["display", "update"]
    assert slow.figure.axes[0].get_xlim()[1] == pytest.approx(3.2, abs=0.3)


# --- training pictures -----------------------------------------------------------------


def test_draw_history_marks_the_best_epoch_and_fixes_the_axis():
    history = {"loss": [1.0, 0.5, 0.4], "val_loss": [1.1, 0.7, 0.8], "learning_rate": [1, 1, 0.5]}
    fig = dk.draw_history(history, ["loss", "accuracy", "learning_rate"], epochs=10, best_epoch=2)
    loss_ax, rate_ax = fig.axes  # accuracy is missing from the history: left out
    assert loss_ax.get_xlim() == (0.5, 10.5)
    assert len(loss_ax.get_lines()) == 3  # training, validation, the best epoch
    assert rate_ax.get_yscale() == "log"
    empty = dk.draw_history({}, "loss")
    assert len(empty.axes) == 1 and not empty.axes[0].get_lines()
    with pytest.raises(TypeError, match="Keras History"):
        dk.draw_history([1, 2, 3])


def test_draw_history_rate_panel_has_no_legend_and_epochs_are_whole_numbers():
    history = {
        "loss": [1.0, 0.5, 0.4, 0.3, 0.25, 0.2],
        "val_loss": [1.1, 0.7, 0.8, 0.6, 0.5, 0.55],
        "learning_rate": [1e-3, 1e-3, 5e-4, 5e-4, 2.5e-4, 2.5e-4],
    }
    for epochs in (None, 10, 40):
        fig = dk.draw_history(history, ["loss", "learning_rate"], epochs=epochs)
        loss_ax, rate_ax = fig.axes
        assert [t.get_text() for t in loss_ax.get_legend().get_texts()] == [
            "training",
            "validation",
        ]
        assert rate_ax.get_legend() is None  # "training" means nothing for a learning rate
        for ax in fig.axes:
            fig.canvas.draw()
            low, high = ax.get_xlim()
            ticks = [t for t in ax.get_xticks() if low <= t <= high]
            assert ticks and all(float(t).is_integer() for t in ticks), ticks


def test_draw_grid_outlines_the_best_cell():
    scores = np.array([[0.5, 0.7], [0.9, 0.6], [0.8, 0.85]])
    fig = dk.draw_grid(scores, [1e-4, 1e-3, 1e-2], [32, 128])
    ax = fig.axes[0]
    assert len(ax.texts) == 6
    box = [p for p in ax.patches if isinstance(p, Rectangle)][0]
    assert box.get_xy() == (-0.5, 0.5)  # column 0, row 1: the 0.9
    assert [t.get_text() for t in ax.get_yticklabels()] == ["0.0001", "0.001", "0.01"]
    with pytest.raises(ValueError, match=r"shape \(3, 3\)"):
        dk.draw_grid(scores, [1e-4, 1e-3, 1e-2], [32, 128, 512])
