"""A score and a threshold: what gets flagged, what that gets right, and its picture.

Lesson 05 thresholds a classifier's score, lesson 14 an autoencoder's reconstruction
error; both use these functions, so the words mean the same thing everywhere.

Contract
--------
* **Flagged** (predicted positive, called an anomaly) means ``score > threshold``:
  strictly above.  A threshold at a score's own value does not flag it.
* **Counts**: ``tp`` positives flagged, ``fp`` negatives flagged (false alarms),
  ``fn`` positives missed, ``tn`` negatives left alone.  Label 1 is the positive class.
* **Metrics**: ``precision = tp / (tp + fp)``, ``recall = tp / (tp + fn)``,
  ``false_alarm_rate = fp / (fp + tn)``, ``accuracy``; a metric whose denominator is
  zero is 0.0 (scikit-learn's ``zero_division=0``), so precision is 0.0 when nothing
  is flagged.
* **ROC**: the false-alarm rate and the recall at every threshold; its area is the
  chance that a random positive scores higher than a random negative.
"""

import numpy as np


def _scores(values, name):
    values = np.asarray(values, dtype=float)
    if values.ndim != 1 or len(values) == 0 or not np.all(np.isfinite(values)):
        raise ValueError(
            f"{name} must be a non-empty 1-D list of finite scores, got shape {values.shape}."
        )
    return values


def _labels(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.ndim != 1 or y_pred.ndim != 1:
        raise ValueError(
            f"Labels must be one-dimensional, got shapes {y_true.shape} and {y_pred.shape}."
        )
    if len(y_true) != len(y_pred):
        raise ValueError(
            f"y_true and y_pred must have the same length, got {len(y_true)} and {len(y_pred)}."
        )
    for name, values in (("y_true", y_true), ("y_pred", y_pred)):
        if not np.isin(values, [0, 1]).all():
            raise ValueError(f"{name} must hold only the labels 0 and 1.")
    return y_true.astype(int), y_pred.astype(int)


def binary_counts(y_true, y_pred):
    """The four counts of binary classification: ``(tn, fp, fn, tp)`` as ints.

    Label 1 is the *positive* class.  ``fp`` counts false alarms (predicted 1, truly 0),
    ``fn`` missed positives (predicted 0, truly 1).
    """
    y_true, y_pred = _labels(y_true, y_pred)
    tp = int(np.sum((y_true == 1) & (y_pred == 1)))
    tn = int(np.sum((y_true == 0) & (y_pred == 0)))
    fp = int(np.sum((y_true == 0) & (y_pred == 1)))
    fn = int(np.sum((y_true == 1) & (y_pred == 0)))
    return tn, fp, fn, tp


def _ratio(top, bottom):
    return top / bottom if bottom else 0.0


def threshold_metrics(y_true, scores, threshold):
    """Flag (predict 1) where ``scores > threshold``; return the counts and the metrics.

    A dict with ``tn, fp, fn, tp`` and ``accuracy, precision, recall,
    false_alarm_rate``; a metric whose denominator is zero is 0.0.

    >>> threshold_metrics([0, 0, 1, 1], [0.1, 0.6, 0.5, 0.9], 0.5)["precision"]
    0.5
    """
    scores = _scores(scores, "scores")
    tn, fp, fn, tp = binary_counts(y_true, (scores > threshold).astype(int))
    return {
        "tn": tn,
        "fp": fp,
        "fn": fn,
        "tp": tp,
        "accuracy": _ratio(tp + tn, tn + fp + fn + tp),
        "precision": _ratio(tp, tp + fp),
        "recall": _ratio(tp, tp + fn),
        "false_alarm_rate": _ratio(fp, fp + tn),
    }


def as_labelled(normal, odd):
    """Scores of ``normal`` (label 0) and ``odd`` (label 1) examples as ``(y_true, scores)``."""
    normal, odd = _scores(normal, "normal"), _scores(odd, "odd")
    y_true = np.r_[np.zeros(len(normal), int), np.ones(len(odd), int)]
    return y_true, np.r_[normal, odd]


def detection_report(normal, odd, threshold):
    """:func:`threshold_metrics` for anomaly scores: ``odd`` examples are the positives.

    ``normal`` are the scores (reconstruction errors) of normal examples, ``odd`` those
    of anomalies; every score above ``threshold`` is flagged as an anomaly.
    """
    return threshold_metrics(*as_labelled(normal, odd), threshold)


def roc_curve(normal, odd):
    """The ROC curve of the rule "flag if score > t", over every threshold t.

    Returns ``(false_alarm_rate, recall, thresholds)``, from the strictest threshold
    (nothing flagged: the point (0, 0)) to the loosest (everything flagged: (1, 1)).
    """
    normal, odd = _scores(normal, "normal"), _scores(odd, "odd")
    thresholds = np.concatenate([[np.inf], np.unique(np.concatenate([normal, odd]))[::-1]])
    thresholds[1:] = np.nextafter(thresholds[1:], -np.inf)  # "> t" flags the score itself
    fpr = np.array([np.mean(normal > t) for t in thresholds])
    tpr = np.array([np.mean(odd > t) for t in thresholds])
    return fpr, tpr, thresholds


def roc_auc(normal, odd):
    """The area under the ROC curve: the chance that a random anomaly scores higher than a
    random normal example (ties count one half).  1 is perfect, 0.5 is guessing.

    >>> roc_auc([0.1, 0.2, 0.3], [0.25, 0.4])
    0.8333333333333334
    """
    normal, odd = _scores(normal, "normal"), _scores(odd, "odd")
    higher = (odd[:, None] > normal[None, :]).mean()
    ties = (odd[:, None] == normal[None, :]).mean()
    return float(higher + 0.5 * ties)


def draw_threshold(
    threshold,
    y_true,
    scores,
    class_names=("negative", "positive"),
    score_name="score",
    log_scale=False,
):
    """Two panels: the scores of each class with the threshold, and the confusion matrix.

    Examples with ``score > threshold`` are flagged (predicted positive).  The right
    panel's title gives precision, recall and the false-alarm rate FP / (TN + FP) (the
    share of negatives flagged, 1 - specificity) at that threshold;
    ``score_name`` labels the x axis; ``log_scale=True`` spreads scores that span
    several orders of magnitude (reconstruction errors; they must then be positive).
    """
    from helpers.plots import confusion_matrix_on, figure

    scores = _scores(scores, "scores")
    result = threshold_metrics(y_true, scores, threshold)
    y_true = np.asarray(y_true).astype(int)
    low, high = min(scores.min(), threshold), max(scores.max(), threshold)
    if log_scale and low <= 0:
        raise ValueError(f"A log scale needs positive scores and threshold, got {low:.3g}.")
    bins = np.geomspace(low, high * 1.0001, 40) if log_scale else np.linspace(low, high, 31)
    fig = figure(10, 3.6, layout=None)
    left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.6, 1]})
    for label, color in ((0, "C0"), (1, "C3")):
        chosen = scores[y_true == label]
        left.hist(
            chosen, bins=bins, alpha=0.6, color=color, label=f"{class_names[label]} ({len(chosen)})"
        )
    left.axvline(threshold, color="black", lw=2, ls="--", label=f"threshold {threshold:.3g}")
    left.set(
        xlabel=score_name, ylabel="number of examples", xscale="log" if log_scale else "linear"
    )
    left.set_title("flagged: everything right of the dashed line", fontsize=10)
    left.legend(fontsize=8)
    matrix = np.array([[result["tn"], result["fp"]], [result["fn"], result["tp"]]])
    confusion_matrix_on(right, matrix, list(class_names), binary_names=True)
    right.set_title(
        f"precision {result['precision']:.3f}, recall {result['recall']:.3f}\n"
        f"false-alarm rate FP/(TN+FP) {result['false_alarm_rate']:.1%}",
        fontsize=10,
    )
    fig.tight_layout()
    return fig
