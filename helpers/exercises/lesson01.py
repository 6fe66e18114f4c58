"""Lesson 01 exercises: reference answers and the cases they are checked on."""

import re
from collections import Counter


def count_words(text):
    """How often each word occurs in ``text``, ignoring case and punctuation."""
    return dict(Counter(re.findall(r"[a-z']+", text.lower())))


def running_total(numbers):
    """The running (cumulative) sum of a list: [1, 2, 3] -> [1, 3, 6]."""
    totals, total = [], 0
    for number in numbers:
        total += number
        totals.append(total)
    return totals


EXERCISES = {
    "count_words": (
        [
            ("the cat and the hat",),
            ("Hello, hello! HELLO?",),
            ("",),
            ("One fish, two fish. Red fish, blue fish.",),
            ("don't stop, don't",),
        ],
        count_words,
    ),
    "running_total": (
        [([1, 2, 3],), ([],), ([5],), ([2, -2, 2, -2],), ([0.5, 0.25, 0.25],)],
        running_total,
    ),
}
