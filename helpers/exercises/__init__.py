"""Reference answers and test cases of the lectures' "check yourself" exercises.

One module a lesson (``lesson01.py``, ``lesson02.py``, ...), each with a dict
``EXERCISES`` mapping an exercise name to ``(cases, reference)``: the argument
tuples to try and the function that gives the right answer.  They are merged
here, so :func:`helpers.checks.check` finds every exercise by name.  Peek if you
must, but try first!
"""

import importlib
import pkgutil


def _collect():
    exercises = {}
    for module in pkgutil.iter_modules(__path__):
        found = importlib.import_module(f"{__name__}.{module.name}").EXERCISES
        clash = set(found) & set(exercises)
        if clash:
            raise RuntimeError(f"Exercise names used twice: {sorted(clash)} (in {module.name}).")
        exercises.update(found)
    return exercises


EXERCISES = _collect()
