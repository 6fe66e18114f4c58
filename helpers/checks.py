"""Check yourself: instant feedback on the exercises inside the lectures.

An exercise is a function the student writes.  :func:`check` runs it on a few
cases, compares with the course's reference answer and prints what went right
or wrong, in words::

    check("count_words", count_words)
    ✔ count_words: all 5 cases right. Well done!

Stuck? :func:`answer` prints one possible answer, only when asked for::

    answer("count_words")

When later cells build on an exercise, :func:`working` hands them the student's
function if it is right and the course's answer if not, so a lecture always runs
top to bottom.  The exercises live in :mod:`helpers.exercises`, one module a
lesson.
"""

import inspect
import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass
class Result:
    """What :func:`evaluate` found: cases right, cases run, and messages."""

    name: str
    passed: int = 0
    total: int = 0
    messages: list = field(default_factory=list)
    written: bool = True

    @property
    def ok(self):
        return self.written and self.total > 0 and self.passed == self.total

    def __str__(self):
        if not self.written:
            return (
                f"⏳ {self.name} is not written yet: replace `raise NotImplementedError` "
                "with your code, run that cell, then run this one again."
            )
        if self.ok:
            return f"✔ {self.name}: all {self.total} cases right. Well done!"
        lines = [f"✘ {self.name}: {self.passed} of {self.total} cases right."]
        lines += [f"  - {message}" for message in self.messages[:3]]
        if len(self.messages) > 3:
            lines.append(f"  ... and {len(self.messages) - 3} more.")
        return "\n".join(lines)


def same(got, expected, tol=1e-6):
    """True when ``got`` equals ``expected``; numbers (and arrays) within ``tol``.

    Any kind of number matches any other (a NumPy integer matches a Python int),
    but ``True`` is not taken for ``1``.
    """
    if isinstance(got, bool) or isinstance(expected, bool):
        return type(got) is type(expected) and got == expected
    if isinstance(got, numbers.Number) and isinstance(expected, numbers.Number):
        return math.isclose(got, expected, rel_tol=tol, abs_tol=tol)
    if isinstance(got, Mapping) and isinstance(expected, Mapping):
        # A Counter or a defaultdict is a right answer where a dict is expected.
        return got.keys() == expected.keys() and all(same(got[k], expected[k], tol) for k in got)
    if hasattr(expected, "shape") or hasattr(got, "shape"):
        import numpy as np

        got, expected = np.asarray(got), np.asarray(expected)
        return got.shape == expected.shape and bool(np.allclose(got, expected, rtol=tol, atol=tol))
    return type(got) is type(expected) and got == expected


def _call(args):
    return ", ".join(repr(a) for a in args)


def evaluate(name, func, cases, reference):
    """Run ``func`` on each tuple of arguments in ``cases``; compare with ``reference``."""
    if not callable(func):
        raise TypeError(
            f"check({name!r}, ...) expects your function itself, as in check({name!r}, {name}), "
            f"got {type(func).__name__}."
        )
    result = Result(name)
    for args in cases:
        expected = reference(*args)
        result.total += 1
        try:
            got = func(*args)
        except NotImplementedError:
            return Result(name, written=False)
        except Exception as error:  # the student's code: report any error in words
            result.messages.append(f"{name}({_call(args)}) raised {type(error).__name__}: {error}")
            continue
        if same(got, expected):
            result.passed += 1
        else:
            result.messages.append(
                f"{name}({_call(args)}) returned {got!r}; expected {expected!r}."
            )
    return result


def _exercise(name):
    from helpers.exercises import EXERCISES

    if name not in EXERCISES:
        raise ValueError(
            f"No exercise called {name!r}; known exercises: {', '.join(sorted(EXERCISES))}."
        )
    return EXERCISES[name]


def check(name, func):
    """Check the student's ``func`` for the exercise called ``name`` and print feedback."""
    cases, reference = _exercise(name)
    print(evaluate(name, func, cases, reference))


def answer(name):
    """Print one possible answer to the exercise called ``name``."""
    _, reference = _exercise(name)
    print(f"One possible answer to {name} (yours may differ and still be right):\n")
    print(inspect.getsource(reference).rstrip())


def working(name, func):
    """``func`` if it answers the exercise ``name`` right, else the course's answer.

    Prints one line saying which of the two the next cells use.
    """
    cases, reference = _exercise(name)
    result = evaluate(name, func, cases, reference)
    if result.ok:
        print(f"The next cells use your {name}: all {result.total} cases right.")
        return func
    state = "is not written yet" if not result.written else "does not pass its cases yet"
    print(
        f"The next cells use the course's {name}, since yours {state} "
        f'(helpers.checks.answer("{name}") shows it).'
    )
    return reference
