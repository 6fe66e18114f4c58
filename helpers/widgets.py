"""Interactive explorers: sliders that redraw a figure.

Every explorer is two pieces:

* a **pure drawing function** ``draw(**values) -> matplotlib Figure`` that the
  tests call directly, without a browser;
* the **wiring**, :class:`Explorer`: ipywidgets controls whose changes call
  ``draw`` again and show the new figure.

Displayed in a notebook, an explorer also carries its figure at the current
values as an ordinary PNG next to the widget.  JupyterLab, with its widget
manager, shows the live sliders; a notebook executed without a front end (the
tests, GitHub's viewer, nbviewer) shows that static picture instead.
"""

import base64
import io


def figure_png(fig):
    """The PNG bytes of a matplotlib figure."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", dpi=fig.dpi)
    return buffer.getvalue()


def _close(fig):
    import matplotlib.pyplot as plt

    plt.close(fig)


def _explorer_class():
    import ipywidgets as w
    from IPython.display import Image, clear_output, display

    class Explorer(w.VBox):
        """Controls above a figure that ``draw(**values)`` redraws on every change."""

        def __init__(self, draw, controls, title=None):
            if not callable(draw):
                raise TypeError(
                    f"explorer() expects a drawing function, got {type(draw).__name__}."
                )
            if not controls:
                raise ValueError(
                    "explorer() needs at least one control, e.g. step=FloatSlider(...)."
                )
            bad = [name for name, c in controls.items() if not isinstance(c, w.ValueWidget)]
            if bad:
                raise TypeError(f"Control {bad[0]!r} is not an ipywidgets control with a value.")
            self.draw, self.controls, self.output = draw, dict(controls), w.Output()
            for name, control in self.controls.items():
                control.description = control.description or name
                control.observe(self.refresh, names="value")
            header = [w.HTML(f"<b>{title}</b>")] if title else []
            super().__init__([*header, *self.controls.values(), self.output])
            self.refresh()

        def values(self):
            """The controls' current values, by name."""
            return {name: control.value for name, control in self.controls.items()}

        def figure(self):
            """The figure at the current values (the pure ``draw`` function's result)."""
            return self.draw(**self.values())

        def refresh(self, change=None):
            fig = self.figure()
            # A PNG, not the figure object: a bare Figure has no image formatter
            # until pyplot's inline backend happens to be loaded.
            picture = Image(data=figure_png(fig), format="png")
            _close(fig)
            with self.output:
                clear_output(wait=True)
                display(picture)

        def _repr_mimebundle_(self, **kwargs):
            bundle = super()._repr_mimebundle_(**kwargs)
            fig = self.figure()
            bundle["image/png"] = base64.b64encode(figure_png(fig)).decode("ascii")
            _close(fig)
            return bundle

    return Explorer


def explorer(draw, title=None, **controls):
    """Sliders (or other ipywidgets controls) that redraw ``draw(**values)``.

    >>> import ipywidgets as w
    >>> def draw(step):  # a pure function of the controls' values
    ...     ...
    >>> explorer(draw, step=w.FloatSlider(value=0.1, min=0.01, max=1))  # doctest: +SKIP
    """
    return _explorer_class()(draw, controls, title=title)
