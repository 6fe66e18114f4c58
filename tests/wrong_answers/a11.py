"""Plausible wrong answers to assignment a11 (deep learning with Keras); each must lose points.

``WRONG_ANSWERS`` maps a label (what the student got wrong) to a dict from the
``grade_id`` of a solution cell in ``solutions/a11/a11_deep_learning_with_keras.ipynb``
to the full source a student might have typed into that cell.
``tests/test_assignments.py`` hands in the release with every other solution cell
answered correctly and these cells replaced, autogrades it, and checks that the
score is below full marks.  Each wrong answer costs one TensorFlow import when
grading, so there are only three.
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
def make_callbacks(checkpoint_path, patience=3, schedule=None):
    callbacks = [
        keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience),
        keras.callbacks.ModelCheckpoint(checkpoint_path, monitor="val_loss", save_best_only=True),
    ]
    if schedule is not None:
        callbacks.append(
            keras.callbacks.LearningRateScheduler(lambda epoch, lr: float(schedule(epoch)))
        )
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
