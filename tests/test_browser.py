"""Students click: JupyterLab in a real (headless) browser, driven by Playwright.

Starts ``jupyter lab`` on localhost over a copy of the course, opens each ready
lecture, runs all cells and checks what a student would see: no error output, a
widget slider that renders and redraws its figure when moved, and, for an
instructor, nbgrader's extensions.  Uses Debian's Chromium (``apt-get install
chromium``); without it these tests are skipped with that message.  Screenshots
go to ``tests/artifacts/``.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from dlcourse import syllabus

from .notebooks import ROOT, copy_course

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = ROOT / "tests" / "artifacts"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="Chromium is not installed (apt-get install chromium): browser tests skipped",
    ),
]

# What the probe of this machine found necessary for headless Chromium as root
# on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab serving a throw-away copy of the course (runs must not touch the repo)."""
    course = tmp_path_factory.mktemp("lab") / "course"
    copy_course(course, "tests", "submitted")
    port, token = free_port(), "dlcourse-test"
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        f"--port={port}",
        "--ip=127.0.0.1",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={course}",
        "--LabApp.expose_app_in_browser=True",
        "--ServerApp.allow_root=True",
    ]
    env = dict(os.environ, DLCOURSE_FAST="1", DLCOURSE_OFFLINE="1")
    log = open(course.parent / "lab.log", "w")
    server = subprocess.Popen(command, cwd=course, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if time.time() > deadline or server.poll() is not None:
                server.kill()
                log_text = (course.parent / "lab.log").read_text()
                raise RuntimeError("JupyterLab did not start:\n" + log_text) from None
            time.sleep(0.2)
    yield {"url": url, "token": token}
    server.terminate()
    server.wait(timeout=30)
    log.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def open_in_lab(browser, lab, path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    # A workspace of its own, reset, so no tab from an earlier test comes back.
    workspace = path.replace("/", "-").replace(".", "-")
    page.goto(f"{lab['url']}/lab/workspaces/{workspace}/tree/{path}?reset&token={lab['token']}")
    page.wait_for_function(
        "(path) => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
        " return w && w.context && w.context.path === path; }",
        arg=path,
        timeout=60_000,
    )
    page.wait_for_function(
        "() => { const w = window.jupyterapp.shell.currentWidget;"
        " return w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel"
        " && w.sessionContext.session.kernel.status === 'idle'; }",
        timeout=60_000,
    )
    return page


NOTEBOOK_STATE = """() => {
    const panel = window.jupyterapp.shell.currentWidget;
    const cells = Array.from(panel.content.model.cells);
    const code = cells.filter(c => c.type === 'code');
    return {
        kernel: panel.sessionContext.session.kernel.status,
        done: code.filter(c => c.executionCount !== null).length,
        code: code.length,
        errors: code.flatMap(c => c.outputs.toJSON()).filter(o => o.output_type === 'error')
                    .map(o => o.ename + ': ' + o.evalue),
    };
}"""


def run_all(page, timeout=600):
    page.evaluate(
        "async () => { await window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs');"
        " await window.jupyterapp.commands.execute('notebook:run-all-cells'); }"
    )
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    finished = (
        f"() => {{ const s = ({NOTEBOOK_STATE})();"
        " return s.done === s.code && s.kernel === 'idle'; }"
    )
    try:
        page.wait_for_function(finished, timeout=timeout * 1000, polling=250)
    except PlaywrightTimeout:
        raise AssertionError(
            f"Run all did not finish in {timeout} s: {page.evaluate(NOTEBOOK_STATE)}"
        ) from None
    return page.evaluate(NOTEBOOK_STATE)


def figure_near(slider):
    """The source of the figure drawn by the explorer that holds this slider."""
    box = slider.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][1]")
    image = box.locator(".widget-output img").first
    image.wait_for(timeout=30_000)
    return image.get_attribute("src")


# Two lectures whose explorers have sliders: the first, and gradient descent's step size.
# (Every lecture runs under nbval and alone as on Colab; here we look at what a student sees.)
IN_BROWSER = [x for x in syllabus.ready(ROOT) if x.number in (1, 4)]


@pytest.mark.parametrize("lesson", IN_BROWSER, ids=lambda x: x.lecture)
def test_lecture_runs_in_jupyterlab_and_its_slider_redraws(lab, browser, lesson):
    page = open_in_lab(browser, lab, lesson.lecture)
    state = run_all(page)
    assert not state["errors"], state["errors"]
    # JupyterLab renders only the cells near the view: scroll to the explorer's cell first.
    page.evaluate(
        """async () => {
            const notebook = window.jupyterapp.shell.currentWidget.content;
            const cells = Array.from(notebook.model.cells);
            const index = cells.findIndex(c => c.type === 'code' && c.outputs.toJSON().some(
                o => o.data && 'application/vnd.jupyter.widget-view+json' in o.data));
            notebook.activeCellIndex = index;
            await notebook.scrollToItem(index, 'start');
        }"""
    )
    slider = page.locator(".jp-Cell.jp-mod-active .widget-slider").first
    slider.wait_for(timeout=30_000)
    assert slider.is_visible(), "no ipywidgets slider rendered"
    before = figure_near(slider)
    handle = slider.locator(".noUi-handle").first
    handle.focus()
    for _ in range(3):
        handle.press("ArrowRight")
    page.wait_for_timeout(1500)
    after = figure_near(slider)
    page.screenshot(path=str(ARTIFACTS / f"lab_{lesson.number:02d}_slider.png"))
    assert after != before, "moving the slider did not redraw the figure"
    page.close()


def test_instructor_sees_nbgrader(lab, browser):
    page = open_in_lab(browser, lab, "lectures/01_python_basics.ipynb")
    commands = page.evaluate(
        "window.jupyterapp.commands.listCommands().filter(c => c.startsWith('nbgrader'))"
    )
    for command in (
        "nbgrader:open-assignment-list",
        "nbgrader:open-formgrader",
        "nbgrader:open-create-assignment",
    ):
        assert any(c.startswith(command) for c in commands), f"{command} missing: {commands}"
    page.evaluate("window.jupyterapp.commands.execute('nbgrader:open-formgrader')")
    page.wait_for_timeout(3000)
    page.screenshot(path=str(ARTIFACTS / "lab_formgrader.png"))
    page.close()
