import numpy as np
import pytest

from helpers import deeper, descent, nn, perceptron


@pytest.mark.parametrize("name", list(nn.ACTIVATIONS))
def test_every_derivative_takes_the_pre_activation(name):
    z = np.linspace(-3, 3, 61)
    z = z[np.abs(z) > 1e-3]  # away from the kinks at 0
    h = 1e-6
    numeric = (nn.activation(name, z + h) - nn.activation(name, z - h)) / (2 * h)
    np.testing.assert_allclose(nn.activation_derivative(name, z), numeric, atol=1e-6)


def test_the_output_shortcuts_the_lectures_show_agree_with_the_z_contract():
    z = np.linspace(-4, 4, 9)
    a = nn.sigmoid(z)
    np.testing.assert_allclose(nn.activation_derivative("sigmoid", z), a * (1 - a))
    np.testing.assert_allclose(nn.activation_derivative("tanh", z), 1 - np.tanh(z) ** 2)
    assert nn.activation_derivative("relu", [0.0]).tolist() == [0.0]


def test_unknown_activation_is_named():
    with pytest.raises(ValueError, match="Unknown activation 'gelu'; expected one of sigmoid"):
        nn.activation("gelu", [0.0])


def test_sigmoid_and_softmax_do_not_overflow():
    assert nn.sigmoid([-1000.0, 1000.0]).tolist() == [0.0, 1.0]
    p = nn.softmax([[1000.0, 1000.0], [0.0, np.log(3.0)]])
    np.testing.assert_allclose(p, [[0.5, 0.5], [0.25, 0.75]])


def test_cross_entropy_reductions_and_shapes():
    p = np.array([[0.5, 0.5], [0.25, 0.75]])
    np.testing.assert_allclose(nn.cross_entropy(p, [0, 1], "none"), -np.log([0.5, 0.75]))
    assert nn.cross_entropy(p, [0, 1], "sum") == pytest.approx(-np.log(0.5 * 0.75))
    with pytest.raises(ValueError, match="shape \\(n, c\\) and n labels"):
        nn.cross_entropy(p, [0])
    with pytest.raises(ValueError, match="reduction must be"):
        nn.cross_entropy(p, [0, 1], "max")


def test_numerical_gradient_and_relative_error():
    grad = nn.numerical_gradient(lambda w: w[0] ** 2 + 5 * w[1] ** 2, [-1.0, 0.25])
    np.testing.assert_allclose(grad, [-2.0, 2.5], atol=1e-8)
    assert nn.relative_error(grad, [-2.0, 2.5]) < 1e-9
    assert nn.relative_error([0, 0], [0, 0]) == 0.0
    with pytest.raises(ValueError, match="step h must be positive"):
        nn.numerical_gradient(np.sum, [1.0], h=0)


def test_lessons_use_the_one_home():
    assert perceptron.sigmoid is nn.sigmoid and perceptron.softmax is nn.softmax
    assert perceptron.ACTIVATIONS is nn.ACTIVATIONS
    assert descent.numerical_gradient is nn.numerical_gradient
    assert set(deeper.ACTIVATIONS) <= set(nn.ACTIVATIONS)
