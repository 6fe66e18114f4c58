"""The course website: built from the committed notebooks, offline, without solutions.

The site is built once for this file (``site/build.py`` into a temporary folder,
warnings as errors), then read as files, then opened in headless Chromium (Debian's
``chromium``; that test is skipped without it) with every request that leaves the
site blocked, as a reader without a network sees it.
"""

import functools
import html
import http.server
import json
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from dlcourse import syllabus

from .notebooks import REPO, ROOT, read
from .test_browser import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.slow

LESSONS = syllabus.ready(ROOT)
WIDGET_NOTE = "A picture of an interactive widget: run this notebook in JupyterLab"
# nbgrader's markers for solutions and hidden tests, and its mark schemes, in any form.
MARKER = re.compile(r"(BEGIN|END)[\s_-]*(SOLUTION|HIDDEN[\s_-]*TESTS?|MARK[\s_-]*SCHEME)", re.I)
# The two guides explain how an assignment is written, so they show the markers as
# examples, in their own text; no other page or file of the site may hold one.
GUIDES = {"instructors.html": "course/INSTRUCTORS.md", "contributing.html": "CONTRIBUTING.md"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(ROOT / "site" / "build.py"), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, f"the site does not build:\n{done.stdout}\n{done.stderr}"
    print(f"site built in {time.monotonic() - started:.1f} s")
    return out / "html"


def pages(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def release(lesson):
    return sorted((ROOT / lesson.release_dir).glob("*.ipynb"))[0].relative_to(ROOT)


def test_site_has_a_page_for_every_lecture_release_and_guide(site):
    expected = {"index.html", "sources.html", *GUIDES}
    expected |= {Path(x.lecture).with_suffix(".html").as_posix() for x in LESSONS}
    expected |= {release(x).with_suffix(".html").as_posix() for x in LESSONS}
    assert expected <= set(pages(site))
    assert not (site / "solutions").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    for lesson in LESSONS:
        assert lesson.title.replace("&", "&amp;") in home, f"home page lacks {lesson.title}"
        if lesson.runtime:
            assert f"{lesson.runtime['lecture_s']:.0f} s, " in home


def test_no_page_or_file_holds_a_solution_or_hidden_test_marker(site):
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        text = path.read_bytes().decode("utf-8", errors="ignore")
        if path.suffix == ".html":  # as read: Sphinx puts each word of `code` in a tag
            text = html.unescape(re.sub(r"<[^>]*>", "", text))
        found = MARKER.findall(text)
        if name in GUIDES:
            own = MARKER.findall((ROOT / GUIDES[name]).read_text(encoding="utf-8"))
            assert sorted(found) == sorted(own), f"{name}: markers beyond the guide's examples"
        else:
            assert not found, f"{name} holds an nbgrader marker: {found[:3]}"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda x: x.assignment)
def test_assignment_page_is_the_release(site, lesson):
    page = (site / release(lesson).with_suffix(".html")).read_text(encoding="utf-8")
    assert "YOUR CODE HERE" in page and "NotImplementedError" in page


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda x: x.lecture)
def test_lecture_page_has_launch_buttons_and_widget_pictures(site, lesson):
    page = (site / Path(lesson.lecture).with_suffix(".html")).read_text(encoding="utf-8")
    name = Path(lesson.lecture).name
    colab = f"https://colab.research.google.com/github/{REPO}/blob/main/{lesson.lecture}"
    binder = f"https://mybinder.org/v2/gh/{REPO}/HEAD?labpath={lesson.lecture}"
    assert f'href="{colab}"' in page and f'href="{binder}"' in page
    assert f'href="{name}" download' in page
    assert (site / lesson.lecture).read_bytes() == (ROOT / lesson.lecture).read_bytes()
    widget = "application/vnd.jupyter.widget-view+json"
    outputs = [o for c in read(ROOT / lesson.lecture)["cells"] for o in c.get("outputs", [])]
    widgets = sum(widget in o.get("data", {}) for o in outputs)
    assert page.count(WIDGET_NOTE) == widgets
    assert "widget-view" not in page and "widget-state" not in page


def test_pages_load_nothing_from_outside_the_site(site):
    loads = re.compile(r'<(?:script|img|link|iframe|source)\b[^>]*?\b(?:src|href)="([^"]+)"')
    for name in pages(site):
        text = (site / name).read_text(encoding="utf-8")
        remote = [u for u in loads.findall(text) if re.match(r"(https?:)?//", u)]
        assert not remote, f"{name} loads {remote}"


# What a reader sees, read in the browser once every formula is typeset.
PAGE_STATE = r"""async () => {
    if (window.MathJax && MathJax.startup) await MathJax.startup.promise;
    await document.fonts.ready;
    const images = Array.from(document.images)
        .map(i => ({src: i.src, ok: i.complete && i.naturalWidth > 0}));
    const maths = Array.from(document.querySelectorAll('.math'));
    const skip = 'pre, code, script, style, textarea, mjx-container, .highlight';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const raw = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.parentElement.closest(skip)) continue;
        const m = n.textContent.match(/\\\(|\\\)|\\\[|\\\]|\$\$|\$[^$\s][^$]*\$/);
        if (m) raw.push(n.textContent.trim().slice(0, 80));
    }
    return {
        images,
        maths: maths.length,
        typeset: maths.filter(m => m.querySelector('mjx-container')).length,
        raw,
    };
}"""


def a_word_of(lesson):
    """A word of this lecture's text that no other lecture uses."""

    def words(path):
        cells = read(ROOT / path)["cells"]
        text = " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        return set(re.findall(r"\b[a-z]{9,}\b", text))

    others = set().union(*(words(x.lecture) for x in LESSONS if x != lesson))
    return sorted(words(lesson.lecture) - others)[0]


@pytest.fixture(scope="module")
def served(site):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
def test_every_page_works_offline_in_a_browser(site, served):
    from playwright.sync_api import sync_playwright

    outside, failed = [], []
    report = {}
    # No network but the site's server: everything else goes to a proxy that is not
    # there (cheaper than intercepting every request), and is recorded.
    offline = ["--proxy-server=127.0.0.1:9", "--proxy-bypass-list=127.0.0.1"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + offline)
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        here = (served, "data:", "blob:")
        page.on("request", lambda r: r.url.startswith(here) or outside.append(r.url))
        page.on("requestfailed", lambda r: failed.append(f"{r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.url} ({r.status})"))
        for name in pages(site):
            page.goto(served + name, wait_until="load")
            report[name] = state = page.evaluate(PAGE_STATE)
            broken = [i["src"] for i in state["images"] if not i["ok"]]
            assert not broken, f"{name}: pictures that do not load: {broken}"
            assert state["typeset"] == state["maths"], f"{name}: formulas left untypeset"
            assert not state["raw"], f"{name}: raw TeX on the page: {state['raw'][:3]}"

        lesson = LESSONS[len(LESSONS) // 2]
        word = a_word_of(lesson)
        page.goto(served + "index.html")
        page.fill("input[name=q]", word)
        page.press("input[name=q]", "Enter")
        page.wait_for_function(
            "() => /finished|did not match/.test("
            "(document.querySelector('.search-summary') || {}).innerText)"
        )
        found = page.eval_on_selector_all("#search-results a", "as => as.map(a => a.href)")
        page.wait_for_function(  # each result quotes its page
            "() => Array.from(document.querySelectorAll('#search-results li'))"
            ".every(li => li.querySelector('.context'))"
        )
        results = page.evaluate(PAGE_STATE)
        assert not results["raw"], f"raw TeX in the search results: {results['raw'][:3]}"
        browser.close()

    assert not outside, f"requests that left the site: {outside}"
    assert not failed, f"requests that failed: {failed}"
    target = Path(lesson.lecture).with_suffix(".html").as_posix()
    assert any(target in url for url in found), f"search for {word!r} did not find {target}"
    totals = {
        "pages": len(report),
        "images": sum(len(s["images"]) for s in report.values()),
        "formulas": sum(s["maths"] for s in report.values()),
    }
    print(f"checked in the browser: {json.dumps(totals)}; searched {word!r}")
    for lesson in LESSONS:  # each lecture has figures, its widgets' pictures at least
        assert report[Path(lesson.lecture).with_suffix(".html").as_posix()]["images"]
    assert totals["formulas"] > 100
