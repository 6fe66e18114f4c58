import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

from helpers import conv_autoencoders, evaluation, thresholds  # noqa: E402


def test_a_score_is_flagged_only_when_strictly_above_the_threshold():
    result = thresholds.threshold_metrics([0, 1, 1], [0.5, 0.5, 0.7], 0.5)
    assert (result["tp"], result["fp"], result["fn"], result["tn"]) == (1, 0, 1, 1)
    assert result["precision"] == 1.0 and result["recall"] == 0.5


def test_nothing_flagged_gives_precision_zero_everywhere():
    assert thresholds.threshold_metrics([0, 1], [0.1, 0.2], 5)["precision"] == 0.0
    assert thresholds.detection_report([0.1, 0.2], [0.3], 5)["precision"] == 0.0


def test_detection_report_is_threshold_metrics_with_the_odd_ones_positive():
    normal, odd = [0.1, 0.2, 0.4], [0.3, 0.5]
    report = thresholds.detection_report(normal, odd, 0.25)
    same = thresholds.threshold_metrics([0, 0, 0, 1, 1], normal + odd, 0.25)
    assert report == same
    assert report["false_alarm_rate"] == pytest.approx(1 / 3)


def test_roc_curve_agrees_with_the_flag_rule():
    normal, odd = np.array([0.1, 0.2, 0.3]), np.array([0.2, 0.4])
    fpr, tpr, ts = thresholds.roc_curve(normal, odd)
    for f, t, threshold in zip(fpr, tpr, ts, strict=True):
        report = thresholds.detection_report(normal, odd, threshold)
        assert (report["false_alarm_rate"], report["recall"]) == (f, t)


def test_scores_are_checked_in_words():
    with pytest.raises(ValueError, match="scores must be a non-empty 1-D list of finite scores"):
        thresholds.threshold_metrics([0, 1], [0.1, np.nan], 0.5)
    with pytest.raises(ValueError, match="y_true must hold only the labels 0 and 1"):
        thresholds.threshold_metrics([0, 2], [0.1, 0.2], 0.5)


def test_one_draw_threshold_for_both_lessons():
    assert evaluation.draw_threshold is thresholds.draw_threshold
    assert evaluation.threshold_metrics is thresholds.threshold_metrics
    assert conv_autoencoders.detection_report is thresholds.detection_report
    assert not hasattr(conv_autoencoders, "draw_threshold")
    fig = thresholds.draw_threshold(0.5, [0, 1, 1], [0.2, 0.5, 0.9], class_names=("a", "b"))
    left, right = fig.axes[:2]
    assert right.get_title() == "precision 1.000, recall 0.500\nfalse-alarm rate FP/(TN+FP) 0.0%"
    legend = [t.get_text() for t in left.get_legend().get_texts()]
    assert legend == ["a (1)", "b (2)", "threshold 0.5"]
