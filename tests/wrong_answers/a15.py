"""Wrong answers, shortcuts and honest variants for assignment a15 (transfer learning).

Shortcuts tried here: the course's helpers, a library where the task says NumPy, more
training than the task's budget, no transfer at all.
What each table holds and how the suite grades it: README.md beside this file.
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

SHORTCUTS = {
    # The lecture's few_labels selects and relabels.
    "few_labels_from_the_course_helpers": {
        "cells": {
            "few_labels": """\
def few_labels(x, y, k):
    return helpers.transfer.few_labels(x, y, range(5, 10), k)
""",
        },
        "loses": ["test_few_labels"],
    },
    # The lecture's `base.trainable = False` on a sub-model from the course's
    # feature_extractor, instead of setting the layers' flags.
    "freeze_through_the_course_feature_extractor": {
        "cells": {
            "freeze_all_but": """\
def freeze_all_but(model, n):
    layers = model.layers
    for layer in layers:
        layer.trainable = True
    if n < len(layers):
        last_frozen = layers[len(layers) - n - 1].name
        helpers.transfer.feature_extractor(model, last_frozen).trainable = False
    return model
""",
        },
        "loses": ["test_freeze_all_but"],
    },
    # The lecture's transfer_model (a frozen copy with a zero head), compiled.
    "transfer_model_from_the_course_helpers": {
        "cells": {
            "build_transfer_model": """\
def build_transfer_model(base, num_classes=5):
    model = helpers.transfer.transfer_model(base, num_classes)
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model
""",
        },
        "loses": ["test_build_transfer_model"],
    },
    # Fine-tuning twice as long: a second fit (the History of the last one has the epochs).
    "fine_tune_twice_the_budget": {
        "cells": {
            "fine_tune": """\
def fine_tune(model, x, y, epochs=2, learning_rate=1e-4):
    for layer in model.layers:
        layer.trainable = True
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    model.fit(x, y, epochs=epochs, batch_size=10, verbose=0)
    return model.fit(x, y, epochs=epochs, batch_size=10, verbose=0)
""",
        },
        "loses": ["test_fine_tune"],
    },
    # No transfer at all: the architecture from scratch, for four times the epochs.
    "adapt_from_scratch_four_times_longer": {
        "cells": {
            "adapt": """\
def adapt(base, x, y, epochs=6, seed=0):
    model = helpers.convolution.small_cnn(num_classes=5, seed=seed)
    model.fit(x, y, epochs=4 * epochs, batch_size=10, verbose=0)
    return model
""",
        },
        "loses": ["test_adapt"],
    },
    # Transfer, but over the epoch budget: the head trains four times as long.
    "adapt_over_the_epoch_budget": {
        "cells": {
            "adapt": """\
def adapt(base, x, y, epochs=6, seed=0):
    keras.utils.set_random_seed(seed)
    model = build_transfer_model(base)
    model.fit(x, y, epochs=4 * epochs, batch_size=10, verbose=0)
    fine_tune(model, x, y, epochs=2)
    return model
""",
        },
        "loses": ["test_adapt"],
    },
}

HONEST = {
    # Boolean masks and np.concatenate instead of a list of positions.
    "few_labels_with_masks": {
        "few_labels": """\
def few_labels(x, y, k):
    x, y = np.asarray(x), np.asarray(y)
    xs, ys = [], []
    for new_label, digit in enumerate(range(5, 10)):
        chosen = x[y == digit][:k]
        if len(chosen) < k:
            raise ValueError(f"not enough images of the digit {digit}")
        xs.append(chosen)
        ys.append(np.full(k, new_label, dtype=np.int64))
    return np.concatenate(xs), np.concatenate(ys)
""",
    },
    # Slices of the layer list.
    "freeze_with_slices": {
        "freeze_all_but": """\
def freeze_all_but(model, n):
    cut = max(len(model.layers) - n, 0)
    for layer in model.layers[:cut]:
        layer.trainable = False
    for layer in model.layers[cut:]:
        layer.trainable = True
    return model
""",
    },
    # `base.trainable = False` freezes every layer of base at once.
    "transfer_model_base_trainable_false": {
        "build_transfer_model": """\
def build_transfer_model(base, num_classes=5):
    base.trainable = False
    inputs = base.inputs[0]
    outputs = keras.layers.Dense(
        num_classes, activation="softmax", kernel_initializer="zeros", name="new_head"
    )(base.get_layer("flatten").output)
    model = keras.Model(inputs=inputs, outputs=outputs)
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model
""",
    },
}


# --- recorded by tests/wrong_answers/record.py: do not edit by hand ---
WRONG_LOSES = {
    "fine_tune_without_compiling": ["test_fine_tune"],
    "head_frozen_too": ["test_adapt", "test_build_transfer_model"],
    "labels_not_shifted": ["test_few_labels"],
}
