import subprocess
import sys
import time

import numpy as np
import pytest

from helpers import timing


def spin(seconds):
    """Keep the processor busy for ``seconds`` of this process's processor time."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass
    return seconds


def test_best_time_measures_one_call():
    seconds = timing.best_time(spin, 0.002, repeat=3, number=1)
    assert 0.0019 < seconds < 0.05


def test_processor_time_leaves_out_waiting_and_the_wall_clock_does_not():
    # In a Python of its own: processor time counts every thread of the process, and
    # a test worker may hold busy threads of libraries imported by other tests.
    code = (
        "import time; from helpers import timing\n"
        "print(timing.best_time(time.sleep, 0.005, repeat=3, number=1))\n"
        "print(timing.best_time(time.sleep, 0.005, repeat=3, number=1, clock=time.perf_counter))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    processor, wall = map(float, done.stdout.split())
    assert processor < 0.004
    assert wall >= 0.005


def test_best_time_passes_keyword_arguments():
    seen = []

    def record(x, scale=1):
        seen.append(x * scale)

    timing.best_time(record, 2, scale=3, repeat=2, number=4)
    assert seen == [6] * 8


def test_best_time_keeps_the_best_round():
    delays = iter([0.02, 0.002, 0.02])

    def uneven():
        spin(next(delays))

    assert timing.best_time(uneven, repeat=3, number=1) < 0.015


def test_calls_per_round_runs_a_quick_function_many_times():
    number = timing.calls_per_round(sum, range(10), min_time=0.001)
    assert number >= 10 and str(number)[0] in "125" and set(str(number)[1:]) <= {"0"}
    assert timing.calls_per_round(spin, 0.003, min_time=0.002) == 1


def test_speedup_is_the_ratio_of_best_times():
    ratio = timing.speedup(spin, spin, 0.002, repeat=3)
    assert 0.5 < ratio < 2
    assert timing.speedup(spin, lambda seconds: None, 0.001, repeat=2, number=1) > 10


def test_speedup_of_vectorized_numpy_over_a_loop():
    x = np.arange(20_000, dtype=float)

    def loop(values):
        total = 0.0
        for v in values:
            total += v * v
        return total

    def vectorized(values):
        return float(np.sum(values * values))

    assert loop(x) == pytest.approx(vectorized(x))
    assert timing.speedup(loop, vectorized, x, repeat=3) > 5


def test_blas_threads_are_limited_while_timing_and_restored():
    threadpoolctl = pytest.importorskip("threadpoolctl")

    def blas_threads():
        return [
            i["num_threads"] for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"
        ]

    before = blas_threads()
    inside = []
    timing.best_time(lambda: inside.append(blas_threads()), repeat=1, number=1)
    assert all(n == 1 for n in inside[-1])
    assert blas_threads() == before
    timing.best_time(lambda: inside.append(blas_threads()), repeat=1, number=1, threads=None)
    assert inside[-1] == before


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (1.234, "1.23 s"),
        (75.0, "75 s"),
        (0.0456, "45.6 ms"),
        (0.0009996, "1 ms"),
        (789e-6, "789 µs"),
        (12e-9, "12 ns"),
        (0, "0 ns"),
        (np.float64(0.5), "500 ms"),
    ],
)
def test_format_seconds(seconds, text):
    assert timing.format_seconds(seconds) == text


def test_bad_input_is_explained():
    with pytest.raises(TypeError, match="a function to call"):
        timing.best_time(42)
    with pytest.raises(ValueError, match="repeat must be a positive whole number"):
        timing.best_time(sum, [1], repeat=0)
    with pytest.raises(TypeError, match="number must be a positive whole number"):
        timing.best_time(sum, [1], number=1.5)
    with pytest.raises(ValueError, match="threads must be a positive whole number"):
        timing.best_time(sum, [1], threads=0)
    with pytest.raises(ValueError, match="duration of 0 or more"):
        timing.format_seconds(-1)
    with pytest.raises(ValueError, match="duration of 0 or more"):
        timing.format_seconds("1 s")
