"""Plausible wrong answers to assignment a09 (Keras); each must lose points.

``WRONG_ANSWERS`` maps a label (what the student got wrong) to a dict from the
``grade_id`` of a solution cell in ``solutions/a09/a09_keras.ipynb`` to the
full source a student might have typed into that cell.  ``tests/test_assignments.py``
hands in the release with every other solution cell answered correctly and these
cells replaced, autogrades it, and checks that the score is below full marks.
Each wrong answer costs one TensorFlow import when grading, so there are only four.
"""

WRONG_ANSWERS = {
    # Flattened and one-hot encoded, but the pixels are left at 0-255.
    "pixels_not_scaled": {
        "prepare_data": """\
def prepare_data(images, labels):
    images = np.asarray(images)
    X = images.reshape(len(images), 784).astype("float32")
    Y = keras.utils.to_categorical(np.asarray(labels), 10)
    return X, Y
""",
    },
    # A sigmoid on the output layer: ten independent yes/no answers, not a distribution.
    "sigmoid_output_layer": {
        "build_model": """\
def build_model():
    return keras.Sequential(
        [
            keras.Input(shape=(784,)),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dense(10, activation="sigmoid"),
        ]
    )
""",
    },
    # The sparse loss (for integer labels) with one-hot targets.
    "sparse_loss_with_one_hot_targets": {
        "compile_model": """\
def compile_model(model, learning_rate=0.1):
    model.compile(
        loss="sparse_categorical_crossentropy",
        optimizer=keras.optimizers.SGD(learning_rate=learning_rate),
        metrics=["accuracy"],
    )
    return model
""",
    },
    # Trained on everything, with no validation split (and the default batch size).
    "no_validation_split": {
        "train_model": """\
def train_model(model, X, Y, epochs=5):
    return model.fit(X, Y, epochs=epochs, verbose=0)
""",
    },
}
