"""The alliance map: built from the graph, self-contained (no CDN), and it renders in headless Chromium."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from kg import network

CHROMIUM = Path("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium (/usr/bin/chromium) is not installed")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         # no network at all: every host name fails to resolve
         "--host-resolver-rules=MAP * ~NOTFOUND"]


def chromium(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run([str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120)


def test_relation_network_from_graph(seeds_graph):
    net = network.relation_network(seeds_graph)
    assert {"PRK", "RUS", "UKR", "KOR", "USA", "IRN"} <= set(net.nodes)
    assert net.nodes["RUS"]["label"] == "Russland"
    for _a, _b, data in net.edges(data=True):
        assert data["polarity"] in ("cooperative", "hostile", "neutral")
        assert data["evidence"] >= 1 and data["sentences"]


def test_html_is_self_contained_and_has_legend(seeds_out):
    page = (seeds_out / "alliances.html").read_text("utf-8")
    remote = re.findall(r"<(?:script|link|img)\b[^>]*(?:src|href)\s*=\s*[\"']?(?:https?:)?//[^>]*>", page, re.I)
    assert not remote, f"the page loads resources from the network: {remote}"
    assert not re.search(r"@import\s+url\(\s*[\"']?https?://", page)
    assert 'id="kg-legend"' in page and "Beziehungen" in page
    legend = page[page.index('id="kg-legend"'):]
    legend = legend[:legend.index("</div></div>")]
    for label in ("Bündnis", "bewaffneter Konflikt", "militärische Zusammenarbeit"):  # German, as the countries
        assert label in legend
    for code in ("alliance", "armed_conflict"):  # the query's codes stay in the edge tooltips
        assert f"({code}; " in page
    assert "new vis.Network" in page  # vis-network is inlined


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


@needs_chromium
@pytest.mark.browser
def test_renders_offline_screenshot(seeds_out, tmp_path):
    shot = tmp_path / "alliances.png"
    proc = chromium(["--window-size=1400,900", "--virtual-time-budget=8000", f"--screenshot={shot}",
                     (seeds_out / "alliances.html").as_uri()], tmp_path)
    assert shot.is_file(), f"chromium wrote no screenshot (exit {proc.returncode}): {proc.stderr[-2000:]}"
    data = shot.read_bytes()
    assert _png_size(data) == (1400, 900)
    try:
        from PIL import Image
    except ImportError:  # without Pillow: a blank 1400x900 page compresses to a few kB
        assert len(data) > 30_000, f"screenshot is only {len(data)} bytes; the page looks empty"
    else:
        with Image.open(shot) as img:
            colours = img.convert("RGB").getcolors(maxcolors=1_000_000) or []
        assert len(colours) > 200, f"screenshot has only {len(colours)} distinct colours; the page looks empty"
    # keep a copy for people looking at failures
    shutil.copy(shot, seeds_out / "alliances.png")


@needs_chromium
@pytest.mark.browser
def test_vis_network_canvas_exists(seeds_out, tmp_path):
    proc = chromium(["--virtual-time-budget=8000", "--dump-dom", (seeds_out / "alliances.html").as_uri()], tmp_path)
    dom = proc.stdout
    assert "kg-legend" in dom, f"chromium printed no page (exit {proc.returncode}): {proc.stderr[-2000:]}"
    assert re.search(r'<div[^>]*class="vis-network"', dom), "vis-network did not build its container"
    assert "<canvas" in dom, "vis-network drew no canvas"
