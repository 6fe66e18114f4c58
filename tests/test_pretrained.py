"""The pretrained network that ships with the course (helpers/transfer/pretrained.py)."""

import numpy as np
import pytest

from helpers import convolution, data, transfer


@pytest.fixture(scope="module")
def digits():
    return data.load("mnist")  # the bundled sample: conftest.py turns downloads off


def accuracy_on_0_to_4(weights, x_test, y_test):
    network = convolution.small_cnn(num_classes=5)
    network.set_weights(weights)
    old = y_test < 5
    images = x_test[old][..., None].astype("float32") / 255
    predicted = np.argmax(np.asarray(network(images)), axis=1)
    return float(np.mean(predicted == y_test[old]))


def test_bundled_weights_fit_the_small_cnn_and_know_the_digits_0_to_4(digits):
    weights = transfer.digits_0_4_weights()
    shapes = [w.shape for w in convolution.small_cnn(num_classes=5).get_weights()]
    assert [w.shape for w in weights] == shapes
    _, (x_test, y_test) = digits
    assert accuracy_on_0_to_4(weights, x_test, y_test) >= 0.9


def test_the_recipe_trains_a_network_as_good_as_the_bundled_one(digits):
    (x_train, y_train), (x_test, y_test) = digits
    retrained = transfer.train_digits_0_4(x_train, y_train).get_weights()
    bundled = transfer.digits_0_4_weights()
    assert accuracy_on_0_to_4(retrained, x_test, y_test) == pytest.approx(
        accuracy_on_0_to_4(bundled, x_test, y_test), abs=0.03
    )


def test_the_recipe_says_what_it_expected():
    with pytest.raises(ValueError, match=r"images of shape \(n, 28, 28\) and n labels"):
        transfer.train_digits_0_4(np.zeros((3, 784)), np.zeros(3))
