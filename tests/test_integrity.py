import json
import math
import sys

import numpy as np
import pytest

from helpers import convolution, integrity


def honest_conv(image, kernel):
    import numpy  # an ordinary import inside the answer is fine

    windows = numpy.lib.stride_tricks.sliding_window_view(image, kernel.shape)
    return numpy.einsum("ijkl,kl->ij", windows, kernel)


def helper_conv(image, kernel):
    return convolution.conv2d(image, kernel)


IMAGE, KERNEL = np.arange(25.0).reshape(5, 5), np.array([[1.0, 0], [0, -1]])


def test_an_answer_that_does_the_work_passes_and_returns_its_result(capsys):
    conv = integrity.by_hand(
        honest_conv, task="Task 2", skill="the convolution", forbid=["helpers.convolution"]
    )
    assert np.allclose(conv(IMAGE, KERNEL), honest_conv(IMAGE, KERNEL))
    assert conv.__name__ == "honest_conv"
    assert capsys.readouterr() == ("", ""), "the check writes nothing"


def test_an_answer_that_calls_the_course_helper_fails_with_a_sentence():
    conv = integrity.by_hand(
        helper_conv, task="Task 2", skill="the convolution", forbid=["helpers.convolution"]
    )
    with pytest.raises(AssertionError) as failure:
        conv(IMAGE, KERNEL)
    message = str(failure.value)
    assert message.startswith("Task 2 asks you to write the convolution yourself, but your answer")
    assert "helpers.convolution." in message and "without helpers.convolution." in message


def test_a_renamed_import_and_a_library_package_are_caught_too():
    from sklearn.model_selection import KFold as Splitter

    def folds(n, k):
        return [test for _, test in Splitter(k).split(np.zeros(n))]

    checked = integrity.by_hand(folds, task="Task 3", skill="k-fold indices", forbid="sklearn")
    with pytest.raises(AssertionError, match=r"called sklearn\.model_selection\..*without sklearn"):
        checked(10, 5)


def test_a_forbidden_call_is_reported_even_when_the_answer_then_raises():
    def raises_after_the_helper(image, kernel):
        helper_conv(image, kernel)
        raise ValueError("the kernel does not fit")

    def raises_by_itself(image, kernel):
        raise ValueError("the kernel does not fit")

    forbid = ["helpers.convolution"]
    with pytest.raises(AssertionError, match="Task 1 asks you to write the check yourself"):
        integrity.by_hand(raises_after_the_helper, task="Task 1", skill="the check", forbid=forbid)(
            IMAGE, KERNEL
        )
    with pytest.raises(ValueError, match="does not fit"):
        integrity.by_hand(raises_by_itself, task="Task 1", skill="the check", forbid=forbid)(
            IMAGE, KERNEL
        )


def test_the_first_forbidden_call_ends_the_answer_even_inside_a_try():
    ran_on = []

    def slow_shortcut(image, kernel):
        try:
            result = helper_conv(image, kernel)
        except Exception:  # the answer cannot swallow the check
            result = None
        ran_on.append("after the helper")
        return result

    conv = integrity.by_hand(slow_shortcut, task="Task 2", skill="it", forbid="helpers.convolution")
    with pytest.raises(AssertionError, match="Task 2"):
        conv(IMAGE, KERNEL)
    assert ran_on == [], "nothing after the forbidden call ran"
    assert sys.getprofile() is None


def test_a_decorated_library_function_is_named_not_its_wrapper():
    from sklearn.metrics import mean_squared_error

    mse = integrity.by_hand(
        lambda a, b: mean_squared_error(a, b), task="Task 1", skill="the MSE", forbid="sklearn"
    )
    with pytest.raises(AssertionError) as failure:
        mse([1.0, 2.0], [1.0, 3.0])
    assert "<locals>" not in str(failure.value), str(failure.value)


def test_observe_counts_python_and_c_calls_into_watched_modules():
    def work(x):
        return json.dumps({"root": math.sqrt(x)}), json.dumps([x])

    result, calls = integrity.observe(work, 9.0, watch=["json", "math"])
    assert result == ('{"root": 3.0}', "[9.0]")
    assert calls.named("dumps") == 2
    assert calls.named("sqrt") == 1
    assert calls.named("loads") == 0
    _, none = integrity.observe(len, [1, 2], watch=["json"])
    assert not none and none.first() is None


def test_the_hook_is_removed_after_the_call_even_when_it_raises_and_chains_to_an_earlier_one():
    seen = []

    def earlier(frame, event, arg):
        if event == "call":
            seen.append(frame.f_code.co_name)

    def boom():
        raise ValueError("student bug")

    sys.setprofile(earlier)
    try:
        with pytest.raises(ValueError, match="student bug"):
            integrity.observe(boom, watch=["json"])
        assert sys.getprofile() is earlier
    finally:
        sys.setprofile(None)
    assert "boom" in seen, "an earlier profile hook still sees the calls"
    assert sys.getprofile() is None


def test_an_answer_that_switches_the_check_off_fails():
    def sneaky(image, kernel):
        sys.setprofile(None)
        return helper_conv(image, kernel)

    conv = integrity.by_hand(sneaky, task="Task 2", skill="the convolution", forbid="helpers")
    with pytest.raises(AssertionError, match="sys.setprofile"):
        conv(IMAGE, KERNEL)


def test_this_module_is_never_counted_and_a_missing_module_is_no_error():
    _, calls = integrity.observe(integrity.Calls, watch=["helpers", "no_such_package_here"])
    assert not calls


def test_bad_arguments_are_sentences():
    with pytest.raises(TypeError, match="needs the student's function, got int"):
        integrity.by_hand(3, task="Task 1", skill="x", forbid="json")
    with pytest.raises(ValueError, match="full dotted name, got '.json'"):
        integrity.observe(len, [], watch=[".json"])
