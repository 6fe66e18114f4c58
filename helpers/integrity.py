"""Graded tasks grade a skill: watch how an answer computes, not only what it returns.

A hidden test calls the student's function through :func:`by_hand` or
:func:`observe`.  While that call runs, a profile hook notes every call that
enters the watched modules (the course's own helpers, a library the task says not
to use, Keras's ``fit``), so the test can tell an answer that does the work from
one that hands it to somebody else's code::

    # Skill: a 2-D convolution written in NumPy (no convolution from a library)
    conv = helpers.integrity.by_hand(
        conv2d, task="Task 2", skill="the convolution", forbid=["helpers", "scipy", "keras"]
    )
    got = conv(image, kernel, stride=2)  # AssertionError with a sentence if it called them

    fitted, calls = helpers.integrity.observe(fit_custom, model, x, y, watch=["keras"])
    assert not calls.named("fit"), "Task 5 asks for your own training loop, not model.fit"

Imports are never blocked: a correct answer may ``import numpy`` or ``keras`` in the
ordinary way, and only what runs *during* the watched call counts.  The hook writes
nothing (nbgrader scores a test cell that writes to stderr as zero), chains to any
hook already set, and is removed when the call returns or raises.  A module name
covers its submodules (``"sklearn"`` covers ``sklearn.model_selection``); watching
``"helpers"`` never counts this module itself.
"""

import functools
import importlib.util
import os
import sys
from collections import Counter

__all__ = ["Calls", "by_hand", "observe"]


class Calls(Counter):
    """How often each watched function ran: ``"module.Qualified.name" -> count``."""

    def named(self, name):
        """The calls whose qualified name is ``name`` or ends with ``.name``."""
        return sum(n for key, n in self.items() if key == name or key.endswith(f".{name}"))

    def first(self):
        """The first watched function that ran (not a decorator's inner wrapper), or None."""
        named = [key for key in self if "<locals>" not in key]
        return next(iter(named or self), None)


def _where(module):
    """Where a module's code lives: a file, or a folder for a package; None if not installed."""
    if not isinstance(module, str) or not module or module.startswith("."):
        raise ValueError(f"watch names modules by their full dotted name, got {module!r}")
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    if spec.submodule_search_locations:
        return tuple(os.path.join(os.path.realpath(p), "") for p in spec.submodule_search_locations)
    return (os.path.realpath(spec.origin),) if spec.origin else None


class _Stop(BaseException):
    """Raised by the hook at the first forbidden call: the rest of the answer need not run.

    A BaseException, so that an answer's ``except Exception`` does not swallow it.
    """


class _Watch:
    """A profile hook that counts calls into the given modules while it is installed.

    With ``stop=True`` it ends the watched call at the first named function it sees
    (a decorator's inner wrapper is passed over, to name the function it wraps).
    """

    _self = os.path.realpath(__file__)

    def __init__(self, modules, stop=False):
        if isinstance(modules, str):
            modules = [modules]
        self.names = tuple(modules)
        self.places = tuple(p for m in self.names for p in (_where(m) or ()))
        self.calls = Calls()
        self.stop = stop
        self.previous = None
        self._paths = {}  # code file -> watched or not

    def _watched_file(self, path):
        known = self._paths.get(path)
        if known is None:
            real = os.path.realpath(path)
            known = real != self._self and real.startswith(self.places)
            self._paths[path] = known
        return known

    def _watched_module(self, module):
        return any(module == n or module.startswith(f"{n}.") for n in self.names)

    def hook(self, frame, event, arg):
        key = None
        if event == "call" and self._watched_file(frame.f_code.co_filename):
            key = f"{frame.f_globals.get('__name__', '?')}.{frame.f_code.co_qualname}"
        elif event == "c_call":
            module = getattr(arg, "__module__", None)
            if isinstance(module, str) and self._watched_module(module):
                key = f"{module}.{getattr(arg, '__qualname__', '?')}"
        if key is not None:
            self.calls[key] += 1
            if self.stop and "<locals>" not in key:
                raise _Stop(key)
        if self.previous is not None:
            self.previous(frame, event, arg)

    def run(self, function, args, kwargs):
        self.previous = sys.getprofile()
        hook = self.hook  # one bound method, to recognise it afterwards
        sys.setprofile(hook)
        try:
            return function(*args, **kwargs)
        finally:
            turned_off = sys.getprofile() is not hook
            sys.setprofile(self.previous)
            if turned_off:
                self.calls["sys.setprofile"] += 1  # the answer removed the course's check


def observe(function, *args, watch, **kwargs):
    """Call ``function(*args, **kwargs)``; return its result and the calls into ``watch``."""
    if not callable(function):
        raise TypeError(f"observe needs a function to call, got {type(function).__name__}")
    watcher = _Watch(watch)
    result = watcher.run(function, args, kwargs)
    return result, watcher.calls


def by_hand(function, *, task, skill, forbid):
    """``function``, failing (AssertionError) whenever a call into ``forbid`` runs inside it.

    ``task`` and ``skill`` make the sentence the student reads, e.g. "Task 2 asks you
    to write the convolution yourself, but your answer called
    helpers.convolution.conv2d; write it without helpers, scipy or keras."
    """
    if not callable(function):
        raise TypeError(f"by_hand needs the student's function, got {type(function).__name__}")
    forbid = [forbid] if isinstance(forbid, str) else list(forbid)

    @functools.wraps(function)
    def checked(*args, **kwargs):
        watcher = _Watch(forbid, stop=True)
        try:
            result = watcher.run(function, args, kwargs)
        except _Stop:
            raise AssertionError(_sentence(task, skill, watcher.calls, forbid)) from None
        except Exception as error:  # a forbidden call that then failed is still the reason
            if watcher.calls:
                raise AssertionError(_sentence(task, skill, watcher.calls, forbid)) from error
            raise
        if watcher.calls:
            raise AssertionError(_sentence(task, skill, watcher.calls, forbid))
        return result

    return checked


def _sentence(task, skill, calls, forbid):
    return (
        f"{task} asks you to write {skill} yourself, but your answer called "
        f"{calls.first()}; write it without {_listed(forbid)}."
    )


def _listed(names):
    names = [str(n) for n in names]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
