"""helpers.tensors: the computations of lesson 02 and its pure drawing functions."""

import matplotlib

matplotlib.use("Agg")

import ipywidgets as w
import numpy as np
import pytest
from matplotlib.figure import Figure

from helpers import checks, tensors, widgets
from helpers.exercises import lesson02


def test_determinant_2x2():
    assert tensors.determinant_2x2([[1, 2], [3, 4]]) == -2.0
    assert tensors.determinant_2x2(np.eye(2)) == 1.0
    rotation = [[np.cos(0.3), -np.sin(0.3)], [np.sin(0.3), np.cos(0.3)]]
    assert np.isclose(tensors.determinant_2x2(rotation), 1.0)
    matrix = np.random.default_rng(0).normal(size=(2, 2))
    assert np.isclose(tensors.determinant_2x2(matrix), np.linalg.det(matrix))


def test_apply_matrix_maps_rows_as_column_vectors():
    matrix = np.array([[1.0, 2.0], [3.0, 4.0]])
    points = np.array([[1.0, 0.0], [0.0, 1.0], [2.0, -1.0]])
    mapped = tensors.apply_matrix(matrix, points)
    assert mapped.shape == (3, 2)
    for point, image in zip(points, mapped, strict=True):
        assert np.allclose(image, matrix @ point)


def test_apply_matrix_and_determinant_reject_bad_shapes():
    with pytest.raises(ValueError, match=r"2x2 matrix.*\(3, 3\)"):
        tensors.determinant_2x2(np.eye(3))
    with pytest.raises(ValueError, match=r"shape \(n, 2\).*\(3,\)"):
        tensors.apply_matrix(np.eye(2), [1, 2, 3])


def test_linear_map_geometry_columns_are_images_of_the_basis():
    geometry = tensors.linear_map_geometry([[2.0, -1.0], [0.5, 3.0]], extent=2)
    assert np.allclose(geometry["e1"], [2.0, 0.5])
    assert np.allclose(geometry["e2"], [-1.0, 3.0])
    assert np.isclose(geometry["det"], 6.5)
    assert len(geometry["grid"]) == 2 * 5  # x = k and y = k for k = -2..2
    assert np.allclose(geometry["square"][2], [1.0, 3.5])  # the corner (1, 1)
    assert np.allclose(geometry["square"][0], geometry["square"][-1])  # closed outline


def test_linear_map_geometry_area_of_the_mapped_square_is_abs_det():
    for matrix in ([[1, 0.5], [0.25, 1]], [[-1.2, 0.4], [0.6, 0.9]], [[1, 2], [0.5, 1]]):
        geometry = tensors.linear_map_geometry(matrix)
        corners = geometry["square"][:4]
        x, y = corners[:, 0], corners[:, 1]
        area = 0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))  # shoelace
        assert np.isclose(area, abs(tensors.determinant_2x2(matrix)))
        assert np.isclose(geometry["area"], area)


def test_polygon_area():
    assert tensors.polygon_area([[0, 0], [2, 0], [2, 1.5], [0, 1.5]]) == 3.0
    assert tensors.polygon_area([[0, 0], [1, 0], [0, 1]]) == 0.5
    assert tensors.polygon_area([[0, 0], [1, 0.5], [2, 1], [1, 0.5]]) == 0.0  # collapsed
    with pytest.raises(ValueError, match=r"shape \(n, 2\), got shape \(3,\)"):
        tensors.polygon_area([1, 2, 3])


def test_linear_map_geometry_rejects_a_bad_extent():
    with pytest.raises(ValueError, match="extent"):
        tensors.linear_map_geometry(np.eye(2), extent=0)


def test_to_grey_weights_and_shape():
    image = np.zeros((2, 3, 3), dtype=np.uint8)
    image[0, 0] = [255, 0, 0]
    image[0, 1] = [0, 255, 0]
    image[1, 2] = [255, 255, 255]
    grey = tensors.to_grey(image)
    assert grey.shape == (2, 3)
    assert np.isclose(grey[0, 0], 0.299 * 255) and np.isclose(grey[0, 1], 0.587 * 255)
    assert np.isclose(grey[1, 2], 255.0) and grey[1, 0] == 0.0
    with pytest.raises(ValueError, match=r"\(height, width, 3\)"):
        tensors.to_grey(np.zeros((4, 4)))


def test_adjust_image_is_scalar_arithmetic_then_clipped():
    image = np.array([[0.0, 100.0], [127.5, 255.0]])
    assert np.allclose(tensors.adjust_image(image), image)
    assert np.allclose(tensors.adjust_image(image, brightness=50), [[50, 150], [177.5, 255]])
    stretched = tensors.adjust_image(image, contrast=2.0)
    assert np.allclose(stretched, [[0, 72.5], [127.5, 255]])
    assert np.allclose(tensors.adjust_image(image, contrast=0.0), 127.5)


def test_draw_matrix_image_writes_every_number():
    values = np.arange(12).reshape(3, 4)
    fig = tensors.draw_matrix_image(values, title="twelve", cmap="gray_r")
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert ax.get_title() == "twelve"
    assert sorted(t.get_text() for t in ax.texts) == sorted(str(v) for v in range(12))
    with pytest.raises(ValueError, match="2-D"):
        tensors.draw_matrix_image(np.zeros(5))


def test_draw_matrix_image_text_is_readable_on_dark_and_light_pixels():
    fig = tensors.draw_matrix_image([[0, 255]], cmap="gray", vmin=0, vmax=255)
    colours = {t.get_text(): t.get_color() for t in fig.axes[0].texts}
    assert colours == {"0": "white", "255": "black"}


def test_draw_image_patch_marks_the_patch_and_prints_it():
    grey = np.arange(40 * 50, dtype=float).reshape(40, 50) % 256
    fig = tensors.draw_image_patch(grey, top=5, left=7, size=6)
    whole, zoom = fig.axes[:2]
    assert len(whole.patches) == 1
    assert len(zoom.texts) == 36
    assert zoom.texts[0].get_text() == f"{grey[5, 7]:.0f}"
    with pytest.raises(ValueError, match="does not fit"):
        tensors.draw_image_patch(grey, top=38, left=0, size=6)


def test_draw_images_and_its_errors():
    fig = tensors.draw_images([np.zeros((4, 6)), np.ones((4, 6, 3))], titles=["a", "b"])
    assert [ax.get_title() for ax in fig.axes] == ["a", "b"]
    with pytest.raises(ValueError, match="no images"):
        tensors.draw_images([])
    with pytest.raises(ValueError, match="2 images but 1 titles"):
        tensors.draw_images([np.zeros((2, 2))] * 2, titles=["x"])


def test_draw_matmul_states_the_entry_as_a_sum():
    a = [[1, 2, 3], [4, 5, 6]]
    b = [[1, 0], [0, 1], [2, -1]]
    fig = tensors.draw_matmul(a, b, row=1, col=0)
    assert fig.get_suptitle() == "C[1, 0] = 4·1 + 5·0 + 6·2 = 16"
    assert len(fig.axes) == 3
    with pytest.raises(ValueError, match=r"\(2, 3\) and \(2, 3\)"):
        tensors.draw_matmul(a, a)
    with pytest.raises(ValueError, match="no entry"):
        tensors.draw_matmul(a, b, row=2, col=0)


def test_draw_linear_map_title_has_the_determinant():
    fig = tensors.draw_linear_map(a=2.0, b=0.0, c=0.0, d=-0.5)
    assert isinstance(fig, Figure)
    assert "det A = -1.00, area 1.00" in fig.axes[0].get_title()


def test_draw_linear_maps_one_panel_each():
    fig = tensors.draw_linear_maps({"identity": np.eye(2), "swap": [[0, 1], [1, 0]]})
    titles = [ax.get_title() for ax in fig.axes]
    assert titles == ["identity\ndet A = 1.00, area 1.00", "swap\ndet A = -1.00, area 1.00"]
    fig = tensors.draw_linear_maps({"double": [[2, 0], [0, 1]], "half": [[0.5, 0], [0, 1]]})
    titles = [ax.get_title() for ax in fig.axes]
    assert titles == ["double\ndet A = 2.00, area 2.00", "half\ndet A = 0.50, area 0.50"]
    with pytest.raises(ValueError, match="at least one"):
        tensors.draw_linear_maps({})


def test_draw_ranks_has_four_panels():
    fig = tensors.draw_ranks()
    assert [ax.get_title().split(":")[0] for ax in fig.axes] == [
        "scalar",
        "vector",
        "matrix",
        "3-D tensor",
    ]


def test_linear_map_explorer_runs_headless_and_redraws():
    values = {"a": 1.0, "b": 0.0, "c": 0.0, "d": 1.0}
    sliders = {name: w.FloatSlider(value=v, min=-2, max=2) for name, v in values.items()}
    box = widgets.explorer(tensors.draw_linear_map, **sliders)
    assert "det A = 1.00" in box.figure().axes[0].get_title()
    box.controls["d"].value = 0.0
    assert "det A = 0.00" in box.figure().axes[0].get_title()
    assert box._repr_mimebundle_()["image/png"].startswith("iVBOR")


@pytest.mark.parametrize("name", ["nested_shape", "list_dot_product", "list_matrix_vector"])
def test_lesson02_reference_answers_pass_their_own_checks(name, capsys):
    checks.check(name, getattr(lesson02, name))
    assert capsys.readouterr().out.startswith(f"✔ {name}")


def test_lesson02_exercises_agree_with_numpy():
    cases, reference = lesson02.EXERCISES["nested_shape"]
    for (value,) in cases:
        assert reference(value) == np.shape(value)
    for u, v in lesson02.EXERCISES["list_dot_product"][0]:
        assert np.isclose(lesson02.list_dot_product(u, v), np.dot(u, v))
    for matrix, vector in lesson02.EXERCISES["list_matrix_vector"][0]:
        assert np.allclose(lesson02.list_matrix_vector(matrix, vector), np.dot(matrix, vector))
