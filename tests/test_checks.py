import numpy as np
import pytest

from helpers import checks, exercises
from helpers.exercises import lesson01


def stub(*args):
    raise NotImplementedError


def test_right_answer_is_praised(capsys):
    checks.check("count_words", lesson01.count_words)
    assert capsys.readouterr().out.startswith("✔ count_words: all 5 cases right")


def test_stub_is_reported_as_not_written(capsys):
    checks.check("running_total", stub)
    assert "not written yet" in capsys.readouterr().out


def test_wrong_answer_shows_the_case_and_the_expected_value():
    def case_sensitive(text):
        counts = {}
        for word in text.split():
            counts[word] = counts.get(word, 0) + 1
        return counts

    cases, reference = exercises.EXERCISES["count_words"]
    result = checks.evaluate("count_words", case_sensitive, cases, reference)
    assert not result.ok and 0 < result.passed < result.total
    text = str(result)
    assert text.startswith("✘ count_words:") and "expected" in text


def test_an_exception_in_the_answer_is_reported_in_words():
    def broken(numbers):
        return numbers[0] + None

    cases, reference = exercises.EXERCISES["running_total"]
    result = checks.evaluate("running_total", broken, cases, reference)
    assert result.passed == 0
    assert any("raised IndexError" in m or "raised TypeError" in m for m in result.messages)


def test_check_rejects_a_value_instead_of_a_function():
    with pytest.raises(TypeError, match="your function itself"):
        checks.check("count_words", {"the": 2})


def test_unknown_exercise_lists_the_known_ones():
    with pytest.raises(ValueError, match="No exercise called 'nope'.*count_words"):
        checks.check("nope", stub)


@pytest.mark.parametrize(
    ("got", "expected", "same"),
    [
        (0.1 + 0.2, 0.3, True),
        (1, 1.0000001, True),
        (1, 1.1, False),
        ([1, 2], [1, 2], True),
        ((1, 2), [1, 2], False),
        (np.array([1.0, 2.0]), [1.0, 2.0], True),
        (np.array([1.0, 2.0]), [1.0, 2.0, 3.0], False),
        ("a", 1.0, False),
        (np.int64(31), 31, True),
        (np.float32(0.5), 0.5, True),
        (True, 1, False),
        (1, True, False),
    ],
)
def test_same(got, expected, same):
    assert checks.same(got, expected) is same


def test_every_exercise_reference_passes_its_own_check():
    for name, (cases, reference) in exercises.EXERCISES.items():
        assert checks.evaluate(name, reference, cases, reference).ok, name


def test_a_counter_or_defaultdict_counts_as_a_dict():
    from collections import Counter, defaultdict

    counts = defaultdict(int, {"the": 2, "cat": 1})
    assert checks.same(Counter({"the": 2, "cat": 1}), {"the": 2, "cat": 1})
    assert checks.same(counts, {"the": 2, "cat": 1})
    assert not checks.same(Counter({"the": 2}), {"the": 2, "cat": 1})
    assert not checks.same({"the": 2.5}, {"the": 2})


def test_answer_prints_the_reference_only_when_called(capsys):
    checks.answer("running_total")
    out = capsys.readouterr().out
    assert out.startswith("One possible answer to running_total")
    assert "def running_total(numbers):" in out and "return totals" in out
    with pytest.raises(ValueError, match="No exercise called"):
        checks.answer("nope")


def test_working_keeps_a_right_answer_and_stands_in_for_a_missing_one(capsys):
    own = lesson01.count_words
    assert checks.working("count_words", own) is own
    assert "use your count_words" in capsys.readouterr().out
    stand_in = checks.working("count_words", stub)
    assert stand_in is exercises.EXERCISES["count_words"][1]
    out = capsys.readouterr().out
    assert "not written yet" in out and out.count("\n") == 1


def test_count_words_keeps_an_apostrophe_inside_a_word_only():
    from collections import Counter

    expected = {"don't": 1, "stop": 1, "students": 1, "notes": 1}
    assert lesson01.count_words("'Don't' stop, students' notes") == expected

    def with_counter(text):
        cleaned = "".join(ch if ch.isalpha() or ch == "'" else " " for ch in text.lower())
        return Counter(word.strip("'") for word in cleaned.split() if word.strip("'"))

    cases, reference = exercises.EXERCISES["count_words"]
    assert checks.evaluate("count_words", with_counter, cases, reference).ok
