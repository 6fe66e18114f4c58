import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from matplotlib.figure import Figure

from helpers import descent, widgets

# Nikonorov's (2023) ten points and the predictions his table gives for the fitted parabola.
TABLE_X = [-3.2, -2.1, -1.1, 0.4, 1.2, 2.1, 3.4, 4.2, 5.5, 6.6]
TABLE_Y = [-6.7, -2.9, 1.1, 4.3, 4.2, 4.5, 1.2, -2.4, -6.6, -10.0]
TABLE_PREDICTIONS = [
    -6.7212,
    -2.1288,
    0.9249,
    3.5033,
    3.8961,
    3.5210,
    1.4523,
    -0.7177,
    -5.7016,
    -11.3282,
]


def test_numerical_derivative_matches_the_analytic_one():
    assert descent.numerical_derivative(np.sin, 0.3) == pytest.approx(np.cos(0.3), abs=1e-9)
    assert descent.numerical_derivative(lambda x: x**3, 2.0) == pytest.approx(12.0, abs=1e-8)
    with pytest.raises(ValueError, match="positive"):
        descent.numerical_derivative(np.sin, 0.0, h=0)


def test_numerical_gradient_of_q_is_its_analytic_gradient():
    for point in ([-1.0, 0.25], [0.3, -2.0], [0.0, 0.0]):
        np.testing.assert_allclose(
            descent.numerical_gradient(descent.quadratic, point),
            descent.quadratic_gradient(point),
            atol=1e-7,
        )
    with pytest.raises(ValueError, match="1-D"):
        descent.numerical_gradient(descent.quadratic, [[1.0, 2.0]])


def test_quadratic_on_points_and_grids():
    assert descent.quadratic([-1.0, 0.25]) == pytest.approx(1.3125)
    grid = np.zeros((4, 5, 2))
    grid[..., 0] = 1.0
    assert descent.quadratic(grid).shape == (4, 5)
    np.testing.assert_allclose(descent.quadratic_gradient([-1.0, 0.25]), [-2.0, 2.5])
    with pytest.raises(ValueError, match="last axis"):
        descent.quadratic([1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="last axis"):
        descent.quadratic_gradient([1.0])


def test_seed_descent_path_from_minus_one_quarter_with_step_001():
    path = descent.gradient_descent(descent.quadratic_gradient, (-1, 0.25), 0.01, 100)
    assert path.shape == (101, 2)
    np.testing.assert_allclose(path[0], [-1.0, 0.25])
    np.testing.assert_allclose(path[1], [-0.98, 0.225])
    k = np.arange(101)
    np.testing.assert_allclose(path[:, 0], -(0.98**k))
    np.testing.assert_allclose(path[:, 1], 0.25 * 0.9**k)
    assert np.all(np.diff(descent.quadratic(path)) < 0), "Q falls at every step"


def test_the_three_step_size_regimes():
    def final_q(step):
        return descent.quadratic(
            descent.gradient_descent(descent.quadratic_gradient, (-1, 0.25), step, 50)[-1]
        )

    small, good, large = final_q(0.01), final_q(1 / 6), final_q(0.21)
    assert good < 1e-15 < small < 1.3125 < large
    np.testing.assert_allclose(descent.contraction_factors(0.01), [0.98, 0.9])
    np.testing.assert_allclose(descent.contraction_factors(0.2), [0.6, -1.0])
    assert np.all(np.abs(descent.contraction_factors(0.199)) < 1)


def test_gradient_descent_stops_early_and_checks_its_input():
    path = descent.gradient_descent(
        descent.quadratic_gradient,
        (-1, 0.25),
        0.1,
        1000,
        stop=lambda w: descent.quadratic(w) < 1e-6,
    )
    assert len(path) < 1000
    assert descent.quadratic(path[-1]) < 1e-6 <= descent.quadratic(path[-2])
    one_d = descent.gradient_descent(lambda w: 2 * (w - 3), [0.0], 0.25, 40)
    assert one_d[-1, 0] == pytest.approx(3.0)
    assert descent.gradient_descent(descent.quadratic_gradient, (1, 1), 0.1, 0).shape == (1, 2)
    with pytest.raises(ValueError, match="positive"):
        descent.gradient_descent(descent.quadratic_gradient, (1, 1), 0.0, 5)
    with pytest.raises(ValueError, match="n_steps"):
        descent.gradient_descent(descent.quadratic_gradient, (1, 1), 0.1, 2.5)
    with pytest.raises(TypeError, match="function"):
        descent.gradient_descent([1, 2], (1, 1), 0.1, 5)
    with pytest.raises(ValueError, match="shape"):
        descent.gradient_descent(lambda w: np.zeros(3), (1, 1), 0.1, 5)


def test_start_is_not_changed():
    start = np.array([-1.0, 0.25])
    descent.gradient_descent(descent.quadratic_gradient, start, 0.1, 5)
    np.testing.assert_array_equal(start, [-1.0, 0.25])


def test_design_matrix_lowest_power_first():
    X = descent.polynomial_design_matrix([2.0, -1.0], 3)
    np.testing.assert_array_equal(X, [[1, 2, 4, 8], [1, -1, 1, -1]])
    assert descent.polynomial_design_matrix([1.0, 2.0], 0).shape == (2, 1)
    with pytest.raises(ValueError, match="degree"):
        descent.polynomial_design_matrix([1.0], -1)
    with pytest.raises(ValueError, match="1-D"):
        descent.polynomial_design_matrix([[1.0, 2.0]], 1)


def test_fit_polynomial_reproduces_nikonorovs_table():
    a = descent.fit_polynomial(TABLE_X, TABLE_Y, 2)
    np.testing.assert_allclose(a, np.polyfit(TABLE_X, TABLE_Y, 2)[::-1], rtol=1e-10)
    predictions = descent.polynomial_design_matrix(TABLE_X, 2) @ a
    np.testing.assert_array_equal(predictions.round(4), TABLE_PREDICTIONS)
    residuals = np.asarray(TABLE_Y) - predictions
    assert f"{residuals.std(ddof=1):.7f}" == "0.9295417"
    with pytest.raises(ValueError, match="one y per x"):
        descent.fit_polynomial([1.0, 2.0, 3.0], [1.0, 2.0], 1)
    with pytest.raises(ValueError, match="more than 2 points"):
        descent.fit_polynomial([1.0, 2.0], [1.0, 2.0], 2)


def test_standardize():
    X = np.column_stack([TABLE_X, np.square(TABLE_X)])
    Z, mean, std = descent.standardize(X)
    np.testing.assert_allclose(Z.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(Z.std(axis=0), 1)
    np.testing.assert_allclose(Z * std + mean, X)
    with pytest.raises(ValueError, match="constant"):
        descent.standardize(np.ones((3, 2)))
    with pytest.raises(ValueError, match="2-D"):
        descent.standardize(np.ones(3))


def test_plot_path_draws_contours_and_the_path():
    fig = Figure()
    ax = fig.subplots()
    path = descent.gradient_descent(descent.quadratic_gradient, (-1, 0.25), 0.1, 5)
    assert descent.plot_path(ax, descent.quadratic, path, (-1, 1), (-1, 1)) is ax
    np.testing.assert_allclose(ax.lines[0].get_xydata(), path)
    with pytest.raises(ValueError, match="shape"):
        descent.plot_path(ax, descent.quadratic, np.zeros((3, 3)), (-1, 1), (-1, 1))


def test_step_regime_names_each_regime():
    assert descent.step_regime(0.01) == "converges slowly"
    assert descent.step_regime(0.05) == "converges fast"
    assert descent.step_regime(0.15) == "converges fast, zig-zags"
    assert descent.step_regime(0.19) == "converges fast, zig-zags"
    assert descent.step_regime(0.21) == "diverges"
    assert descent.step_regime(1.5, curvatures=(1.0,)) == "converges fast, zig-zags"
    with pytest.raises(ValueError, match="positive"):
        descent.step_regime(0.0)


def test_a_factor_of_size_one_oscillates_at_the_same_size():
    # At step 0.2 the factor of w2 is exactly -1: w2 flips sign forever, never
    # growing and never shrinking, so the verdict is neither "converges" nor "diverges".
    verdict = descent.step_regime(0.2)
    assert verdict == "oscillates forever at the same size"
    path = descent.gradient_descent(descent.quadratic_gradient, (-1, 0.25), 0.2, 40)
    np.testing.assert_allclose(np.abs(path[:, 1]), 0.25)
    assert np.all(np.sign(path[1:, 1]) == -np.sign(path[:-1, 1]))
    # a slider's 0.2 may carry a rounding error; the verdict must not flip to "diverges"
    assert descent.step_regime(0.005 * 40) == verdict
    assert descent.step_regime(2.0, curvatures=(1.0,)) == verdict
    assert "oscillates forever" in descent.draw_descent(step=0.2).axes[0].get_title()
    assert "oscillates forever" in descent.draw_regimes(steps=(0.2,)).axes[0].get_title()


def test_draw_descent_is_pure_and_names_the_regime():
    fig = descent.draw_descent(step=0.01, n_steps=20)
    assert isinstance(fig, Figure) and len(fig.axes) == 2
    contour, curve = fig.axes
    path = descent.gradient_descent(descent.quadratic_gradient, (-1, 0.25), 0.01, 20)
    np.testing.assert_allclose(contour.lines[0].get_xydata(), path)
    np.testing.assert_allclose(curve.lines[0].get_ydata(), descent.quadratic(path))
    assert "slowly" in contour.get_title()
    labels = [text.get_text() for text in curve.get_legend().get_texts()]
    assert labels == ["$Q(w_k)$", "$Q$ at the start"]
    assert curve.lines[1].get_ydata()[0] == descent.quadratic(path[0])
    assert "fast" in descent.draw_descent(step=0.15).axes[0].get_title()
    assert "diverges" in descent.draw_descent(step=0.21).axes[0].get_title()
    # same input, same picture
    again = descent.draw_descent(step=0.01, n_steps=20).axes[0].lines[0].get_xydata()
    np.testing.assert_array_equal(again, contour.lines[0].get_xydata())


def test_draw_regimes_has_one_panel_per_step():
    fig = descent.draw_regimes(steps=(0.01, 0.15, 0.21))
    titles = [ax.get_title() for ax in fig.axes]
    assert len(titles) == 3
    assert "slowly" in titles[0] and "fast" in titles[1] and "diverges" in titles[2]


def test_explorer_wires_the_step_slider():
    import ipywidgets as w

    box = widgets.explorer(
        descent.draw_descent,
        step=w.FloatSlider(value=0.01, min=0.005, max=0.25, step=0.005),
        n_steps=w.IntSlider(value=50, min=1, max=100),
    )
    assert "slowly" in box.figure().axes[0].get_title()
    box.controls["step"].value = 0.22
    assert "diverges" in box.figure().axes[0].get_title()
    assert box._repr_mimebundle_()["image/png"].startswith("iVBOR")
