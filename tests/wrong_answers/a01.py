"""Plausible wrong answers to assignment a01 (Python basics); each must lose points.

``WRONG_ANSWERS`` maps a label (what the student got wrong) to a dict from the
``grade_id`` of a solution cell in ``solutions/a01/a01_python_basics.ipynb`` to the
full source a student might have typed into that cell.  ``tests/test_assignments.py``
hands in the release with every other solution cell answered correctly and these
cells replaced, autogrades it, and checks that the score is below full marks.
"""

WRONG_ANSWERS = {
    # Punctuation replaced by a space instead of removed: "don't" -> "don t".
    "punctuation_becomes_space": {
        "normalize_text": """\
import string


def normalize_text(text):
    if not isinstance(text, str):
        raise TypeError("normalize_text expects a string")
    table = str.maketrans(string.punctuation, " " * len(string.punctuation))
    return " ".join(text.lower().translate(table).split())
""",
    },
    # Counter.most_common breaks ties by first appearance, not alphabetically.
    "ties_in_first_seen_order": {
        "word_frequencies": """\
from collections import Counter


def word_frequencies(text, top=None):
    if top is not None and top < 0:
        raise ValueError("top must not be negative")
    return Counter(normalize_text(text).split()).most_common(top)
""",
    },
    # The range stops too early, so a last, shorter chunk is dropped.
    "chunk_drops_short_tail": {
        "chunk": """\
def chunk(items, size):
    if not isinstance(size, int) or size < 1:
        raise ValueError(f"size must be a positive integer, got {size!r}")
    return [items[i : i + size] for i in range(0, len(items) - size + 1, size)]
""",
    },
    # Adding Counters silently drops keys whose sum is zero or negative.
    "counter_sum_drops_non_positive": {
        "merge_counts": """\
from collections import Counter


def merge_counts(*dicts):
    total = Counter()
    for counts in dicts:
        total = total + Counter(counts)
    return dict(total)
""",
    },
    # Test and train drawn independently: items land in both, others in neither.
    "split_overlaps": {
        "train_test_split_list": """\
import random


def train_test_split_list(items, test_fraction, seed):
    if not 0 < test_fraction < 1:
        raise ValueError("test_fraction must be between 0 and 1")
    generator = random.Random(seed)
    n_test = round(test_fraction * len(items))
    test = generator.sample(items, n_test)
    train = generator.sample(items, len(items) - n_test)
    return train, test
""",
    },
    # Seeds and shuffles Python's global generator (the docstring forbids it).
    "split_uses_global_random": {
        "train_test_split_list": """\
import random


def train_test_split_list(items, test_fraction, seed):
    if not 0 < test_fraction < 1:
        raise ValueError("test_fraction must be between 0 and 1")
    random.seed(seed)
    shuffled = list(items)
    random.shuffle(shuffled)
    n_test = round(test_fraction * len(items))
    return shuffled[n_test:], shuffled[:n_test]
""",
    },
    # Shuffles the caller's list in place.
    "split_shuffles_the_input": {
        "train_test_split_list": """\
import random


def train_test_split_list(items, test_fraction, seed):
    if not 0 < test_fraction < 1:
        raise ValueError("test_fraction must be between 0 and 1")
    random.Random(seed).shuffle(items)
    n_test = round(test_fraction * len(items))
    return items[n_test:], items[:n_test]
""",
    },
    # Population variance (divides by n) where the sample variance (n - 1) is asked for.
    "population_variance": {
        "running_stats": """\
class RunningStats:
    def __init__(self, values=()):
        self.values = []
        for value in values:
            self.add(value)

    def add(self, value):
        if not isinstance(value, (int, float)):
            raise TypeError("RunningStats.add expects a number")
        self.values.append(value)

    def __len__(self):
        return len(self.values)

    def mean(self):
        if not self.values:
            raise ValueError("no values")
        return sum(self.values) / len(self.values)

    def variance(self):
        if len(self.values) < 2:
            raise ValueError("need at least two values")
        mean = self.mean()
        return sum((x - mean) ** 2 for x in self.values) / len(self.values)

    def __repr__(self):
        if not self.values:
            return "RunningStats(n=0)"
        return f"RunningStats(n={len(self)}, mean={self.mean()})"
""",
    },
    # A mutable default argument kept as the object's list: objects share their
    # values, and the caller's list grows.
    "shared_mutable_default": {
        "running_stats": """\
import statistics


class RunningStats:
    def __init__(self, values=[]):
        self.values = values

    def add(self, value):
        if not isinstance(value, (int, float)):
            raise TypeError("RunningStats.add expects a number")
        self.values.append(value)

    def __len__(self):
        return len(self.values)

    def mean(self):
        if not self.values:
            raise ValueError("no values")
        return sum(self.values) / len(self.values)

    def variance(self):
        if len(self.values) < 2:
            raise ValueError("need at least two values")
        return statistics.variance(self.values)

    def __repr__(self):
        if not self.values:
            return "RunningStats(n=0)"
        return f"RunningStats(n={len(self)}, mean={self.mean()})"
""",
    },
    # Splits lines on commas and assumes the columns are name,score: breaks on quoted
    # names and on other column orders.
    "csv_by_hand": {
        "average_scores": """\
def average_scores(in_path, out_path):
    scores = {}
    with open(in_path) as file:
        lines = file.read().splitlines()[1:]
    for line in lines:
        name, score = line.split(",")[:2]
        scores.setdefault(name, []).append(float(score))
    with open(out_path, "w") as file:
        file.write("name,average\\n")
        for name in sorted(scores):
            file.write(f"{name},{sum(scores[name]) / len(scores[name])}\\n")
    return len(scores)
""",
    },
}
