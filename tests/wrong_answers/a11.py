"""Wrong answers, shortcuts and honest variants for assignment a11 (deep learning with Keras).

Shortcuts tried here: the course's helpers, a Sequential model passed off as a
functional one, Keras's own scheduler, training without early stopping, Keras's
``train_on_batch`` or ``fit`` instead of a ``tf.GradientTape`` step and a loop of your
own.
What each table holds and how the suite grades it: README.md beside this file.
"""

WRONG_ANSWERS = {
    # The warm-up counts from epoch 0 as if it were epoch 1: the first epoch gets rate 0
    # and the peak comes one epoch late.
    "warmup_off_by_one": {
        "warmup_cosine": """\
def warmup_cosine(epoch, *, peak_lr=1e-3, warmup_epochs=3, total_epochs=20):
    if epoch < warmup_epochs:
        return float(peak_lr * epoch / warmup_epochs)
    if epoch >= total_epochs:
        return 0.0
    progress = (epoch - warmup_epochs) / (total_epochs - warmup_epochs)
    return float(peak_lr * (1 + math.cos(math.pi * progress)) / 2)
""",
    },
    # Early stopping without restore_best_weights: training stops, but the model keeps
    # the weights of the last epoch, `patience` epochs past the best one.
    "early_stopping_keeps_last_weights": {
        "make_callbacks": """\
class ScheduleCallback(keras.callbacks.Callback):
    def __init__(self, schedule):
        super().__init__()
        self.schedule = schedule

    def on_epoch_begin(self, epoch, logs=None):
        self.model.optimizer.learning_rate = float(self.schedule(epoch))


def make_callbacks(checkpoint_path, patience=3, schedule=None):
    callbacks = [
        keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience),
        keras.callbacks.ModelCheckpoint(checkpoint_path, monitor="val_loss", save_best_only=True),
    ]
    if schedule is not None:
        callbacks.append(ScheduleCallback(schedule))
    return callbacks
""",
    },
    # The custom step forgets the regularization losses: weight decay silently vanishes
    # (fit adds sum(model.losses) to the loss; this step does not).
    "train_step_without_weight_decay": {
        "train_step": """\
def train_step(model, loss_fn, optimizer, x, y):
    with tf.GradientTape() as tape:
        logits = model(x, training=True)
        loss = loss_fn(y, logits)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables, strict=True))
    return float(loss)
""",
    },
}

SHORTCUTS = {
    # The lecture's cosine decay does the second half of the schedule.
    "warmup_cosine_from_the_course_helpers": {
        "cells": {
            "warmup_cosine": """\
def warmup_cosine(epoch, *, peak_lr=1e-3, warmup_epochs=3, total_epochs=20):
    if epoch < warmup_epochs:
        return float(peak_lr * (epoch + 1) / warmup_epochs)
    return helpers.deep_keras.cosine_decay(
        epoch - warmup_epochs, peak_lr, total_epochs - warmup_epochs
    )
""",
        },
        "loses": ["test_warmup_cosine"],
    },
    # A Sequential model, dressed up as a functional keras.Model of the same layers.
    "sequential_passed_off_as_functional": {
        "cells": {
            "build_deep_mlp": """\
def build_deep_mlp(hidden=(256, 128), dropout=0.2, l2=1e-4):
    stack = keras.Sequential([keras.Input(shape=(784,))])
    for units in hidden:
        stack.add(
            keras.layers.Dense(
                units, activation="relu", kernel_regularizer=keras.regularizers.L2(l2)
            )
        )
        stack.add(keras.layers.Dropout(dropout))
    stack.add(keras.layers.Dense(10))
    return keras.Model(inputs=stack.inputs[0], outputs=stack.outputs[0])
""",
        },
        "loses": ["test_build_deep_mlp"],
    },
    # Keras's LearningRateScheduler instead of a callback of one's own.
    "schedule_from_keras_learning_rate_scheduler": {
        "cells": {
            "make_callbacks": """\
def make_callbacks(checkpoint_path, patience=3, schedule=None):
    callbacks = [
        keras.callbacks.EarlyStopping(
            monitor="val_loss", patience=patience, restore_best_weights=True
        ),
        keras.callbacks.ModelCheckpoint(checkpoint_path, monitor="val_loss", save_best_only=True),
    ]
    if schedule is not None:
        callbacks.append(
            keras.callbacks.LearningRateScheduler(lambda epoch, lr: float(schedule(epoch)))
        )
    return callbacks
""",
        },
        "loses": ["test_make_callbacks"],
    },
    # No early stopping: all max_epochs epochs with only the checkpoint, whose best
    # weights are then loaded back by hand.
    "training_without_early_stopping": {
        "cells": {
            "train_with_early_stopping": """\
def train_with_early_stopping(model, X, y, X_val, y_val, checkpoint_path, max_epochs=30):
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=1e-3),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    save = keras.callbacks.ModelCheckpoint(checkpoint_path, monitor="val_loss", save_best_only=True)
    history = model.fit(
        X, y, batch_size=64, epochs=max_epochs, validation_data=(X_val, y_val),
        callbacks=[save], verbose=0,
    )
    model.set_weights(keras.models.load_model(checkpoint_path).get_weights())
    return history
""",
        },
        "loses": ["test_train_with_early_stopping"],
    },
    # Keras takes the step: compile once per optimizer, then train_on_batch.
    "train_step_from_train_on_batch": {
        "cells": {
            "train_step": """\
def train_step(model, loss_fn, optimizer, x, y):
    if getattr(model, "optimizer", None) is not optimizer:
        model.compile(optimizer=optimizer, loss=loss_fn)
    return float(model.train_on_batch(x, y))
""",
        },
        "loses": ["test_train_step"],
    },
    # compile + fit(shuffle=False): the right losses and weights, no loop of one's own.
    "fit_custom_with_model_fit": {
        "cells": {
            "fit_custom": """\
def fit_custom(model, X, y, epochs=2, batch_size=100, learning_rate=0.1):
    model.compile(
        optimizer=keras.optimizers.SGD(learning_rate=learning_rate),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    )
    history = model.fit(X, y, batch_size=batch_size, epochs=epochs, shuffle=False, verbose=0)
    return [float(loss) for loss in history.history["loss"]]
""",
        },
        "loses": ["test_fit_custom"],
    },
}

HONEST = {
    # The functional model built from a list of layers; the schedule callback with
    # keras imported inside and the rate assigned to the optimizer's variable; a step
    # whose regularization is added with tf.add_n and applied with optimizer.apply; a
    # loop that weights the batch losses with NumPy.
    "functional_mlp_from_a_list_of_layers": {
        "build_deep_mlp": """\
def build_deep_mlp(hidden=(256, 128), dropout=0.2, l2=1e-4):
    import keras

    layers = []
    for units in hidden:
        decay = keras.regularizers.L2(l2)
        layers.append(keras.layers.Dense(units, "relu", kernel_regularizer=decay))
        layers.append(keras.layers.Dropout(dropout))
    inputs = keras.Input(shape=(784,))
    x = inputs
    for layer in layers + [keras.layers.Dense(10)]:
        x = layer(x)
    return keras.Model(inputs, x)
""",
        "make_callbacks": """\
import keras


class EpochSchedule(keras.callbacks.Callback):
    def __init__(self, schedule):
        super().__init__()
        self.schedule = schedule

    def on_epoch_begin(self, epoch, logs=None):
        self.model.optimizer.learning_rate.assign(self.schedule(epoch))


def make_callbacks(checkpoint_path, patience=3, schedule=None):
    stop = keras.callbacks.EarlyStopping(
        monitor="val_loss", patience=patience, restore_best_weights=True
    )
    keep = keras.callbacks.ModelCheckpoint(
        filepath=checkpoint_path, monitor="val_loss", save_best_only=True
    )
    return [stop, keep] if schedule is None else [stop, keep, EpochSchedule(schedule)]
""",
        "train_step": """\
def train_step(model, loss_fn, optimizer, x, y):
    with tf.GradientTape() as tape:
        loss = loss_fn(y, model(x, training=True))
        if model.losses:
            loss = loss + tf.add_n(model.losses)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply(grads, model.trainable_variables)
    return float(loss.numpy())
""",
        "fit_custom": """\
def fit_custom(model, X, y, epochs=2, batch_size=100, learning_rate=0.1):
    loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    optimizer = keras.optimizers.SGD(learning_rate=learning_rate)
    starts = range(0, len(X), batch_size)
    history = []
    for _ in range(epochs):
        sizes, losses = [], []
        for start in starts:
            stop = min(start + batch_size, len(X))
            losses.append(train_step(model, loss_fn, optimizer, X[start:stop], y[start:stop]))
            sizes.append(stop - start)
        history.append(float(np.dot(sizes, losses) / np.sum(sizes)))
    return history
""",
    },
}


# --- recorded by tests/wrong_answers/record.py: do not edit by hand ---
WRONG_LOSES = {
    "early_stopping_keeps_last_weights": ["test_make_callbacks", "test_train_with_early_stopping"],
    "train_step_without_weight_decay": ["test_fit_custom", "test_train_step"],
    "warmup_off_by_one": ["test_warmup_cosine"],
}
