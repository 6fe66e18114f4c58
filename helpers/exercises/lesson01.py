"""Lesson 01 exercises: reference answers and the cases they are checked on."""


def count_words(text):
    """Return a dict mapping each word of ``text`` to how often it occurs."""
    letters = [ch if ch.isalpha() or ch == "'" else " " for ch in text.lower()]
    counts = {}
    for word in "".join(letters).split():
        word = word.strip("'")  # quotes around a word go; "don't" keeps its apostrophe
        if word:
            counts[word] = counts.get(word, 0) + 1
    return counts


def running_total(numbers):
    """The running (cumulative) sum of ``numbers``: [1, 2, 3] -> [1, 3, 6]."""
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
            ("Don't stop: 'don't' is one word.",),
        ],
        count_words,
    ),
    "running_total": (
        [([1, 2, 3],), ([],), ([5],), ([2, -2, 2, -2],), ([0.5, 0.25, 0.25],)],
        running_total,
    ),
}
