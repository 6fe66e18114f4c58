import matplotlib

matplotlib.use("Agg")

import ipywidgets as w
import pytest
from matplotlib.figure import Figure

from helpers import widgets


def draw_line(slope, offset=0.0):
    fig = Figure(figsize=(3, 2))
    ax = fig.subplots()
    ax.plot([0, 1], [offset, offset + slope])
    ax.set_title(f"slope {slope}")
    return fig


def test_explorer_draws_at_defaults_and_redraws_on_change():
    calls = []

    def draw(slope):
        calls.append(slope)
        return draw_line(slope)

    box = widgets.explorer(draw, slope=w.FloatSlider(value=1.0, min=0, max=2))
    assert calls == [1.0] and box.values() == {"slope": 1.0}
    box.controls["slope"].value = 1.5
    assert calls[-1] == 1.5
    assert box.figure().axes[0].get_title() == "slope 1.5"


def test_explorer_carries_a_static_png_for_viewers_without_widgets():
    box = widgets.explorer(
        draw_line, title="A line", slope=w.FloatSlider(value=0.5), offset=w.FloatSlider(value=0.0)
    )
    bundle = box._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["image/png"].startswith("iVBOR")  # base64 of the PNG signature


def test_each_redraw_shows_a_png_not_a_figure_object(monkeypatch):
    # A bare Figure shows as "<Figure size ...>" text unless pyplot's inline backend is loaded.
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, **kwargs: shown.append(obj))
    box = widgets.explorer(draw_line, slope=w.FloatSlider(value=0.5))
    box.controls["slope"].value = 1.0
    assert len(shown) == 2
    assert all(isinstance(x, IPython.display.Image) and x.format == "png" for x in shown)
    assert shown[-1].data.startswith(b"\x89PNG")


def test_figure_png():
    assert widgets.figure_png(draw_line(1.0)).startswith(b"\x89PNG")


def test_explorer_bad_input():
    with pytest.raises(TypeError, match="drawing function"):
        widgets.explorer(42, slope=w.FloatSlider())
    with pytest.raises(ValueError, match="at least one control"):
        widgets.explorer(draw_line)
    with pytest.raises(TypeError, match="'slope' is not an ipywidgets control"):
        widgets.explorer(draw_line, slope=0.5)
