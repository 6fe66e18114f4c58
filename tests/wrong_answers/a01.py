"""Wrong answers, shortcuts and honest variants for assignment a01 (Python basics).

Shortcuts tried here: a library outside the standard library, the course's helpers,
``re`` where task 1 asks for string methods, ``statistics`` where task 6 asks for the
formulas.
What each table holds and how the suite grades it: README.md beside this file.
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
    # Every apostrophe removed, as string.punctuation alone does: "don't" -> "dont",
    # where lesson 1 and the task keep the apostrophe inside a word.
    "apostrophes_removed": {
        "normalize_text": """\
import string


def normalize_text(text):
    if not isinstance(text, str):
        raise TypeError("normalize_text expects a string")
    table = str.maketrans("", "", string.punctuation)
    return " ".join(text.lower().translate(table).split())
""",
    },
    # Every apostrophe kept: quotes around a word stay, "'yes'" is not "yes".
    "quotes_kept_around_words": {
        "normalize_text": """\
import string


def normalize_text(text):
    if not isinstance(text, str):
        raise TypeError("normalize_text expects a string")
    table = str.maketrans("", "", string.punctuation.replace("'", ""))
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

SHORTCUTS = {
    # Regular expressions do the cleaning that task 1 asks for with string methods.
    "normalize_with_regular_expressions": {
        "cells": {
            "normalize_text": """\
import re
import string


def normalize_text(text):
    if not isinstance(text, str):
        raise TypeError("normalize_text expects a string")
    others = string.punctuation.replace("'", "")
    text = re.sub(f"[{re.escape(others)}]", "", text.lower())
    text = re.sub(r"(?<!\\w)'+|'+(?!\\w)", "", text)  # apostrophes not inside a word
    return re.sub(r"\\s+", " ", text).strip()
""",
        },
        "loses": ["test_normalize_text"],
    },
    # The lecture's check-yourself answer (helpers.exercises) counts the words.
    "word_counts_from_the_course_helpers": {
        "cells": {
            "word_frequencies": """\
from helpers.exercises.lesson01 import count_words


def word_frequencies(text, top=None):
    if top is not None and top < 0:
        raise ValueError("top must not be negative")
    counts = count_words(normalize_text(text))
    pairs = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return pairs if top is None else pairs[:top]
""",
        },
        "loses": ["test_word_frequencies"],
    },
    # scikit-learn's batch generator cuts the list (the task allows only the standard library).
    "chunk_with_sklearn_gen_batches": {
        "cells": {
            "chunk": """\
from sklearn.utils import gen_batches


def chunk(items, size):
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise ValueError(f"size must be a positive integer, got {size!r}.")
    if not items:
        return []
    return [list(items[batch]) for batch in gen_batches(len(items), size)]
""",
        },
        "loses": ["test_chunk"],
    },
    # pandas adds the dictionaries up, column by column.
    "merge_counts_with_pandas": {
        "cells": {
            "merge_counts": """\
import pandas as pd


def merge_counts(*dicts):
    if not dicts:
        return {}
    return pd.DataFrame(list(dicts)).sum().to_dict()
""",
        },
        "loses": ["test_merge_counts"],
    },
    # scikit-learn's train_test_split (a seeded NumPy generator) instead of random.Random.
    "split_with_sklearn": {
        "cells": {
            "train_test_split_list": """\
from sklearn.model_selection import train_test_split


def train_test_split_list(items, test_fraction, seed):
    if not 0 < test_fraction < 1:
        raise ValueError("test_fraction must be strictly between 0 and 1")
    n_test = round(test_fraction * len(items))
    if n_test == 0:
        return list(items), []
    if n_test == len(items):
        return [], list(items)
    train, test = train_test_split(list(items), test_size=n_test, random_state=seed)
    return list(train), list(test)
""",
        },
        "loses": ["test_split_sizes", "test_split_seed"],
    },
    # The statistics module computes the mean and the variance.
    "running_stats_with_the_statistics_module": {
        "cells": {
            "running_stats": """\
import statistics


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
        return statistics.fmean(self.values)

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
        "loses": ["test_running_stats_basic", "test_running_stats_variance"],
    },
    # pandas reads, groups, averages and writes the file.
    "averages_with_pandas": {
        "cells": {
            "average_scores": """\
import pandas as pd


def average_scores(in_path, out_path):
    table = pd.read_csv(in_path, dtype={"name": str})
    averages = table.groupby("name")["score"].mean().rename("average")
    averages.reset_index().to_csv(out_path, index=False)
    return len(averages)
""",
        },
        "loses": ["test_average_scores"],
    },
}

HONEST = {
    # Character by character: an apostrophe stays when letters or digits stand on both sides.
    "normalize_text_by_characters": {
        "normalize_text": """\
import string


def normalize_text(text):
    if not isinstance(text, str):
        raise TypeError(f"normalize_text expects a string, got {type(text).__name__}")
    text = text.lower()
    kept = []
    for i, ch in enumerate(text):
        inside = 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
        if ch not in string.punctuation or (ch == "'" and inside):
            kept.append(ch)
    return " ".join("".join(kept).split())
""",
    },
    # collections.Counter counts (the task's hint allows it); two stable sorts order the pairs.
    "word_frequencies_with_counter": {
        "word_frequencies": """\
from collections import Counter


def word_frequencies(text, top=None):
    if top is not None and top < 0:
        raise ValueError("top must not be negative")
    pairs = sorted(Counter(normalize_text(text).split()).items())
    pairs.sort(key=lambda pair: pair[1], reverse=True)
    return pairs[:top]
""",
    },
    # Counter.update adds counts and keeps zero and negative sums.
    "merge_counts_with_counter_update": {
        "merge_counts": """\
from collections import Counter


def merge_counts(*dicts):
    total = Counter()
    for counts in dicts:
        total.update(counts)
    return dict(total)
""",
    },
    # The values kept in a list, the formulas written with math.fsum.
    "running_stats_from_a_list": {
        "running_stats": """\
import math


class RunningStats:
    def __init__(self, values=()):
        self._values = []
        for value in values:
            self.add(value)

    def add(self, value):
        if not isinstance(value, int | float):
            raise TypeError(f"add() expects an int or a float, got {type(value).__name__}")
        self._values.append(value)

    def __len__(self):
        return len(self._values)

    def mean(self):
        if not self._values:
            raise ValueError("the mean of no values is undefined")
        return math.fsum(self._values) / len(self._values)

    def variance(self):
        if len(self._values) < 2:
            raise ValueError("the sample variance needs two values")
        mean = self.mean()
        return math.fsum((x - mean) ** 2 for x in self._values) / (len(self._values) - 1)

    def __repr__(self):
        if not self._values:
            return "RunningStats(n=0)"
        return f"RunningStats(n={len(self)}, mean={self.mean()})"
""",
    },
}


# --- recorded by tests/wrong_answers/record.py: do not edit by hand ---
WRONG_LOSES = {
    "apostrophes_removed": ["test_normalize_text"],
    "chunk_drops_short_tail": ["test_chunk"],
    "counter_sum_drops_non_positive": ["test_merge_counts"],
    "csv_by_hand": ["test_average_scores"],
    "population_variance": ["test_running_stats_variance"],
    "punctuation_becomes_space": ["test_normalize_text"],
    "quotes_kept_around_words": ["test_normalize_text"],
    "shared_mutable_default": ["test_running_stats_basic", "test_running_stats_variance"],
    "split_overlaps": ["test_split_sizes"],
    "split_shuffles_the_input": ["test_split_seed", "test_split_sizes"],
    "split_uses_global_random": ["test_split_seed"],
    "ties_in_first_seen_order": ["test_word_frequencies"],
}
