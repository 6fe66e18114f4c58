import numbers

import numpy as np
import pytest

from helpers import validate


def test_check_scalar_returns_a_good_value():
    assert validate.check_scalar(3, "epochs", numbers.Integral, min_val=1) == 3
    assert validate.check_scalar(0.5, "p", numbers.Real, min_val=0, max_val=1) == 0.5
    assert validate.check_scalar(np.int64(4), "n", numbers.Integral) == 4


@pytest.mark.parametrize(
    ("value", "kwargs", "error", "message"),
    [
        (True, {"target_type": numbers.Integral}, TypeError, "n must be a whole number, got True"),
        ("3", {"target_type": numbers.Real}, TypeError, r"n must be a number, got '3' \(str\)"),
        (2.5, {"target_type": numbers.Integral}, TypeError, r"got 2.5 \(float\)"),
        (
            2,
            {"target_type": numbers.Real, "max_val": 1},
            ValueError,
            "n must be a number at most 1",
        ),
        (
            0,
            {"target_type": numbers.Real, "min_val": 0, "include_min": False},
            ValueError,
            "n must be a positive number, got 0.",
        ),
        (
            1,
            {"target_type": numbers.Real, "max_val": 1, "include_max": False},
            ValueError,
            "less than 1",
        ),
        (float("nan"), {"target_type": numbers.Real}, ValueError, "got nan"),
        (
            5,
            {"target_type": numbers.Integral, "min_val": 0, "max_val": 3},
            ValueError,
            "n must be a whole number of at least 0 and at most 3, got 5.",
        ),
    ],
)
def test_check_scalar_says_what_was_expected_and_what_came(value, kwargs, error, message):
    with pytest.raises(error, match=message):
        validate.check_scalar(value, "n", **kwargs)


def test_check_count_words_its_bounds():
    assert validate.check_count(np.int32(2), "n", least=2) == 2
    assert type(validate.check_count(np.int32(2), "n")) is int
    with pytest.raises(ValueError, match="epochs must be a positive whole number, got 0."):
        validate.check_count(0, "epochs")
    with pytest.raises(ValueError, match="seed must be a non-negative whole number, got -1."):
        validate.check_count(-1, "seed", least=0)
    with pytest.raises(ValueError, match="n must be a whole number of at least 4, got 3."):
        validate.check_count(3, "n", least=4)
    with pytest.raises(TypeError, match="epochs must be a positive whole number, got 1.5"):
        validate.check_count(1.5, "epochs")


def test_check_positive():
    assert validate.check_positive(1, "lr") == 1.0
    with pytest.raises(ValueError, match="lr must be a positive number, got -0.1."):
        validate.check_positive(-0.1, "lr")
    with pytest.raises(TypeError, match="lr must be a positive number"):
        validate.check_positive(None, "lr")


def test_check_choice():
    assert validate.check_choice("relu", "activation", ("relu", "tanh")) == "relu"
    with pytest.raises(ValueError, match="Unknown activation 'gelu'; expected one of relu, tanh."):
        validate.check_choice("gelu", "activation", ("relu", "tanh"))


@pytest.mark.parametrize(
    ("shape", "batch"),
    [((5, 6), (1, 5, 6, 1)), ((5, 6, 3), (1, 5, 6, 3)), ((2, 5, 6, 3), (2, 5, 6, 3))],
)
def test_check_image_batch_makes_a_batch_and_undoes_it(shape, batch):
    x = np.arange(np.prod(shape)).reshape(shape)
    x4, undo = validate.check_image_batch(x, "f()")
    assert x4.shape == batch and x4.dtype == float
    np.testing.assert_array_equal(undo(x4), x)


def test_check_image_batch_refuses_other_shapes_and_text():
    with pytest.raises(ValueError, match=r"f\(\) expects an image .* got shape \(3,\)"):
        validate.check_image_batch(np.zeros(3), "f()")
    with pytest.raises(TypeError, match=r"f\(\) expects numbers"):
        validate.check_image_batch(np.array([["a"]]), "f()")


@pytest.mark.parametrize("shape", [(2, 16), (2, 4, 4), (2, 4, 4, 1)])
def test_check_grey_images_gives_a_batch_of_squares(shape):
    assert validate.check_grey_images(np.zeros(shape), "x").shape == (2, 4, 4)


def test_check_grey_images_refuses_what_is_not_square_or_grey():
    with pytest.raises(ValueError, match="rows of 15 pixels as square images"):
        validate.check_grey_images(np.zeros((2, 15)), "x")
    with pytest.raises(
        ValueError, match="x must be a batch of grey images, got shape \\(2, 4, 4, 3\\)"
    ):
        validate.check_grey_images(np.zeros((2, 4, 4, 3)), "x")


def test_check_level_stacks_names_the_row_that_does_not_fit():
    validate.check_level_stacks({"a": np.zeros((3, 5, 4, 4))}, [0, 0.1, 0.2], 5)
    with pytest.raises(ValueError, match="b: expected images for each of the 3 levels"):
        validate.check_level_stacks({"b": np.zeros((2, 5, 4, 4))}, [0, 0.1, 0.2], 5)


def test_check_points_wants_points_in_the_plane():
    assert validate.check_points([[0, 1], [2, 3]]).dtype == float
    for bad in ([1, 2, 3], [[1, 2, 3]], np.zeros((0, 2))):
        with pytest.raises(ValueError, match=r"X_fit must be points in the plane, shape \(n, 2\)"):
            validate.check_points(bad, "X_fit")
