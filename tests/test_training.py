"""helpers.training: the one-line summary of a training run (no TensorFlow needed)."""

import pytest

from helpers import training


class FakeHistory:
    history = {
        "val_accuracy": [0.5, 0.8],
        "loss": [2.0, 0.4],
        "accuracy": [0.4, 0.9],
        "val_loss": [1.9, 0.6],
    }


def test_history_summary_gives_first_and_last_epoch_training_metrics_first():
    line = training.history_summary(FakeHistory())
    assert line == (
        "2 epochs: accuracy 0.400 -> 0.900, loss 2.000 -> 0.400, "
        "val_accuracy 0.500 -> 0.800, val_loss 1.900 -> 0.600"
    )
    assert "\n" not in line
    assert training.history_summary({"loss": [1.0]}) == "1 epoch: loss 1.000 -> 1.000"


def test_history_summary_checks_its_input():
    with pytest.raises(TypeError, match="Keras History"):
        training.history_summary([1, 2])
    with pytest.raises(ValueError, match="same, non-zero number of epochs"):
        training.history_summary({"loss": [1.0, 0.5], "val_loss": [1.0]})
    with pytest.raises(ValueError, match="same, non-zero number of epochs"):
        training.history_summary({"loss": []})
