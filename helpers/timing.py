"""Measure how long code takes, and how much faster one version is than another.

Timing on a real computer is noisy: other programs, the operating system and
the processor's power saving all slow a run down now and then, but nothing
ever makes it *faster* than the code allows.  So we run the code several
times and keep the **best** (smallest) time, as Python's :mod:`timeit` advises,
and we count the processor time of this Python process
(:func:`time.process_time`), not the time on the wall clock, so that the
moments when other programs have the processor are left out::

    >>> from helpers.timing import best_time, speedup
    >>> best_time(sum, range(1000))  # doctest: +SKIP
    4.1e-06
    >>> speedup(slow_version, fast_version, data)  # doctest: +SKIP
    87.3

A very quick function is run many times in a row per measurement (``number``
calls), so that the timer's own overhead does not count; :func:`best_time`
picks that number for you unless you give one.

While timing, NumPy's linear-algebra library (BLAS, which computes ``A @ B``)
is limited to one thread.  With several threads, a matrix product on a busy
machine can wait for a free core far longer than it computes, and the
measurement would say more about the machine than about the code.
"""

import contextlib
import numbers
import time
import timeit

from helpers.validate import check_count

MIN_ROUND = 0.01  # seconds: a measured round of calls lasts at least this long


def calls_per_round(func, *args, min_time=MIN_ROUND, clock=time.process_time, **kwargs):
    """How many calls of ``func(*args, **kwargs)`` in a row take at least ``min_time`` seconds.

    Tries 1, 2, 5, 10, 20, 50, ... calls (like ``timeit.Timer.autorange``) and
    returns the first number that lasts long enough.
    """
    timer = timeit.Timer(lambda: func(*args, **kwargs), timer=clock)
    number = 1
    while True:
        for factor in (1, 2, 5):
            if timer.timeit(number * factor) >= min_time:
                return number * factor
        number *= 10


def _blas_threads(threads):
    """A ``with`` block in which BLAS uses at most ``threads`` threads (None: no limit)."""
    if threads is None:
        return contextlib.nullcontext()
    check_count(threads, "threads")
    from threadpoolctl import threadpool_limits  # installed with scikit-learn

    return threadpool_limits(limits=threads)


def best_time(func, *args, repeat=5, number=None, threads=1, clock=time.process_time, **kwargs):
    """Seconds one call of ``func(*args, **kwargs)`` takes: the best of ``repeat`` rounds.

    Each round calls ``func`` ``number`` times in a row and divides by
    ``number``.  With ``number=None`` (the default) it is chosen so that a round
    lasts at least 0.01 s (see :func:`calls_per_round`); a slow function then
    runs once per round.  ``threads`` limits the BLAS threads while timing
    (``None`` leaves them as they are); ``clock=time.perf_counter`` measures
    wall-clock time instead of processor time (to time waiting, such as
    reading a file or ``time.sleep``).

    >>> best_time(sorted, list(range(1000)), repeat=3)  # doctest: +SKIP
    8.2e-06
    """
    if not callable(func):
        raise TypeError(f"best_time() expects a function to call, got {type(func).__name__}.")
    check_count(repeat, "repeat")
    with _blas_threads(threads):
        if number is None:
            number = calls_per_round(func, *args, clock=clock, **kwargs)
        check_count(number, "number")
        timer = timeit.Timer(lambda: func(*args, **kwargs), timer=clock)
        rounds = timer.repeat(repeat=repeat, number=number)
    return min(rounds) / number


def speedup(slow, fast, *args, repeat=5, threads=1, clock=time.process_time, **kwargs):
    """How many times faster ``fast(*args, **kwargs)`` runs than ``slow(*args, **kwargs)``.

    Both are timed with :func:`best_time`; the result is the ratio of their best
    times, so 10.0 means "ten times faster" and 0.5 "twice as slow".  Check
    that both give the same answer before you compare their speed!

    >>> speedup(loop_version, vectorized_version, x)  # doctest: +SKIP
    73.4
    """
    options = {"repeat": repeat, "threads": threads, "clock": clock}
    slow_time = best_time(slow, *args, **options, **kwargs)
    fast_time = best_time(fast, *args, **options, **kwargs)
    return slow_time / fast_time if fast_time > 0 else float("inf")


def format_seconds(seconds):
    """A duration as people write it: ``'1.23 s'``, ``'45.6 ms'``, ``'789 µs'``, ``'12 ns'``.

    >>> format_seconds(0.0123)
    '12.3 ms'
    """
    if isinstance(seconds, bool) or not isinstance(seconds, numbers.Real) or seconds < 0:
        raise ValueError(f"format_seconds() expects a duration of 0 or more, got {seconds!r}.")
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= 0.9995 * scale:  # 0.9996 ms is written '1 ms', not '1e+03 µs'
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"
