"""A pretrained network that ships with the course: the small CNN, trained on the digits 0-4.

Transfer learning starts from weights someone else trained.  Assignment 15 adapts
lesson 15's small CNN (:func:`helpers.convolution.small_cnn`) trained on the
handwritten digits 0-4; its weights are bundled (``digits_0_4.npz``, 13 KB), so every
student, and the autograder, starts from the same network in no time, whatever
MNIST their machine has.

* :func:`digits_0_4_weights` loads them (the list ``model.set_weights`` takes);
* :func:`train_digits_0_4` is the recipe that made them: ``small_cnn(5, seed=0)``
  trained for 5 epochs (batches of 32) on the first 2,000 training images of the
  digits 0-4 of the course's MNIST sample;
* ``python -m helpers.transfer.pretrained`` trains it again and rewrites the file.
"""

from pathlib import Path

WEIGHTS = Path(__file__).with_name("digits_0_4.npz")
TRAINING = {"images": 2000, "epochs": 5, "batch_size": 32, "seed": 0}


def train_digits_0_4(x_train, y_train, epochs=TRAINING["epochs"]):
    """The small CNN trained on the first 2,000 images of the digits 0-4 of ``x_train``.

    ``x_train``: uint8 images ``(n, 28, 28)``; ``y_train``: their digits.  Returns the
    compiled Keras model after ``epochs`` epochs.
    """
    import numpy as np

    from helpers.convolution import small_cnn

    x_train, y_train = np.asarray(x_train), np.asarray(y_train)
    if x_train.ndim != 3 or len(x_train) != len(y_train):
        raise ValueError(
            "train_digits_0_4 expects images of shape (n, 28, 28) and n labels, "
            f"got {x_train.shape} and {y_train.shape}."
        )
    old = y_train < 5
    images = x_train[old][: TRAINING["images"], ..., None].astype("float32") / 255
    network = small_cnn(num_classes=5, seed=TRAINING["seed"])
    network.fit(
        images,
        y_train[old][: TRAINING["images"]].astype("int64"),
        epochs=epochs,
        batch_size=TRAINING["batch_size"],
        verbose=0,
    )
    return network


def digits_0_4_weights():
    """The bundled weights of the small CNN trained on the digits 0-4, in layer order."""
    import numpy as np

    with np.load(WEIGHTS) as saved:
        return [saved[f"w{i}"] for i in range(len(saved.files))]


def _save(weights, path=WEIGHTS):
    import numpy as np

    np.savez_compressed(path, **{f"w{i}": w for i, w in enumerate(weights)})


if __name__ == "__main__":
    import helpers

    helpers.training.import_tensorflow()
    helpers.seed_everything()
    (x, y), _ = helpers.data.load("mnist")
    _save(train_digits_0_4(x, y).get_weights())
    print(f"wrote {WEIGHTS.name}")
