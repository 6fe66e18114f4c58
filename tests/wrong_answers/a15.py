"""Plausible wrong answers to assignment a15 (transfer learning); each must lose points.

``WRONG_ANSWERS`` maps a label (what the student got wrong) to a dict from the
``grade_id`` of a solution cell in ``solutions/a15/a15_transfer_learning.ipynb`` to the
full source a student might have typed into that cell.  ``tests/test_assignments.py``
hands in the release with every other solution cell answered correctly and these
cells replaced, autogrades it, and checks that the score is below full marks.
"""

WRONG_ANSWERS = {
    # The right images, but the labels stay the digits 5-9 instead of becoming 0-4.
    "labels_not_shifted": {
        "few_labels": """\
def few_labels(x, y, k):
    x, y = np.asarray(x), np.asarray(y)
    index = []
    for digit in range(5, 10):
        found = np.flatnonzero(y == digit)[:k]
        if len(found) < k:
            raise ValueError(f"digit {digit} has only {len(found)} examples")
        index.extend(found)
    index = np.array(index, dtype=int)
    return x[index], y[index].astype(int)
""",
    },
    # Everything frozen after the head was added: the new head cannot learn either.
    "head_frozen_too": {
        "build_transfer_model": """\
def build_transfer_model(base, num_classes=5):
    features = base.get_layer("flatten").output
    head = keras.layers.Dense(
        num_classes, activation="softmax", kernel_initializer="zeros", name="new_head"
    )
    model = keras.Model(base.inputs[0], head(features))
    for layer in model.layers:
        layer.trainable = False
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model
""",
    },
    # Unfrozen but not compiled again: Keras keeps training only the head, at the old rate.
    "fine_tune_without_compiling": {
        "fine_tune": """\
def fine_tune(model, x, y, epochs=2, learning_rate=1e-4):
    for layer in model.layers:
        layer.trainable = True
    model.optimizer.learning_rate = learning_rate
    return model.fit(x, y, epochs=epochs, batch_size=10, verbose=0)
""",
    },
}
