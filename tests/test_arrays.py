import matplotlib

matplotlib.use("Agg")

import itertools

import numpy as np
import pytest
from matplotlib.figure import Figure

from helpers import arrays

SHAPES = [shape for _, shape in arrays.SHAPE_CHOICES] + [(2, 1, 4), (5, 1, 1)]


@pytest.mark.parametrize(("a_shape", "b_shape"), list(itertools.product(SHAPES, repeat=2)))
def test_broadcast_shape_agrees_with_numpy(a_shape, b_shape):
    try:
        expected = (np.zeros(a_shape) + np.zeros(b_shape)).shape
    except ValueError:
        with pytest.raises(ValueError, match="do not broadcast"):
            arrays.broadcast_shape(a_shape, b_shape)
        assert any(result is None for *_, result in arrays.broadcast_steps(a_shape, b_shape))
    else:
        assert arrays.broadcast_shape(a_shape, b_shape) == expected


def test_broadcast_steps_go_from_the_right_and_mark_missing_axes():
    assert arrays.broadcast_steps((3, 1), (4,)) == [(-1, 1, 4, 4), (-2, 3, None, 3)]
    assert arrays.broadcast_steps((2, 3), (2,)) == [(-1, 3, 2, None), (-2, 2, None, 2)]


def test_error_names_the_axis_and_the_sizes():
    with pytest.raises(ValueError, match="on axis -2 the sizes 2 and 3 differ and neither is 1"):
        arrays.broadcast_shape((2, 4), (3, 1))


def test_rule_table():
    assert arrays.rule_table((3, 1), (4,)).splitlines() == [
        "axis   A   B   A + B",
        "  -1   1   4   4",
        "  -2   3   -   3",
    ]
    assert arrays.rule_table((3,), (4,)).splitlines()[-1].endswith("no fit")


def test_operands():
    a, b = arrays.operands((2, 2), (2,))
    assert a.tolist() == [[0, 10], [20, 30]] and b.tolist() == [0, 1]


@pytest.mark.parametrize("bad", [(), (0, 3), (2.5,), "3x4", None, (True, 2)])
def test_bad_shapes_are_explained(bad):
    with pytest.raises((TypeError, ValueError), match="shape"):
        arrays.broadcast_steps(bad, (3,))


def test_a_single_number_is_a_shape_of_one_axis():
    assert arrays.broadcast_shape(3, (2, 1)) == (2, 3)


def texts(fig):
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def test_draw_broadcast_shows_the_repeats_and_the_sum():
    fig = arrays.draw_broadcast((3, 1), (4,))
    assert isinstance(fig, Figure) and len(fig.axes) == 4
    a_panel, b_panel, sum_panel, rule_panel = fig.axes
    assert len(a_panel.patches) == len(b_panel.patches) == len(sum_panel.patches) == 12
    faint = [p for p in a_panel.patches if p.get_alpha() is not None and p.get_alpha() < 1]
    assert len(faint) == 9  # one own column of three, three repeated columns
    sums = sorted(int(t.get_text()) for t in sum_panel.texts)
    assert sums == sorted((np.arange(3)[:, None] * 10 + np.arange(4)).ravel().tolist())
    assert "(3, 4)" in sum_panel.get_title()
    assert any("result shape" in text for text in texts(fig))


def test_draw_broadcast_shows_numpys_error_when_shapes_do_not_fit():
    fig = arrays.draw_broadcast((3,), (4,))
    sum_panel = fig.axes[2]
    assert not sum_panel.patches
    message = " ".join(t.get_text() for t in sum_panel.texts).replace("\n", " ")
    assert "ValueError" in message and "could not be broadcast" in message
    assert any("do not" in text for text in texts(fig))


def test_draw_broadcast_defaults_and_all_widget_choices_draw():
    assert isinstance(arrays.draw_broadcast(), Figure)
    for (_, a_shape), (_, b_shape) in itertools.product(arrays.SHAPE_CHOICES, repeat=2):
        fig = arrays.draw_broadcast(a_shape, b_shape)
        assert len(fig.axes) == 4


def test_draw_broadcast_refuses_three_axes():
    with pytest.raises(ValueError, match="one or two axes"):
        arrays.draw_broadcast((2, 3, 4), (4,))
