"""Imported by the grading fork server only, first: it warms what every worker will use.

Importing this module first makes the server's imports lighter
(:func:`dlcourse.grading.startup.lighter_imports`, before anything imports
nbformat), then renders a small notebook to HTML once, so that the workers
forked afterwards find nbconvert's templates, Pygments' lexers and the HTML
parser's caches ready.  That halves the time each worker then spends on a
student's feedback page.  Nothing else imports it, and if rendering fails here
the workers only start colder.
"""

from dlcourse.grading.startup import lighter_imports


def _render():
    from nbconvert import HTMLExporter
    from nbformat import v4

    notebook = v4.new_notebook(
        cells=[
            v4.new_markdown_cell("# Title\n*Some* `code` and $x^2$."),
            v4.new_code_cell(
                "x = 1\nprint(x)",
                outputs=[v4.new_output("stream", name="stdout", text="1\n")],
            ),
        ],
        metadata={"language_info": {"name": "python", "pygments_lexer": "ipython3"}},
    )
    HTMLExporter(template_name="classic").from_notebook_node(notebook)


lighter_imports()
try:
    _render()
except Exception:  # noqa: BLE001 - a cold start is slower, never wrong
    pass
