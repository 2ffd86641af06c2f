"""The evaluation chart (eval/report.py `chart`): its legend must not cover the bars."""

from __future__ import annotations

import pytest

pytest.importorskip("matplotlib")


def test_legend_sits_outside_the_bars(tmp_path, monkeypatch):
    """Every category scores 1.0, the worst case for a legend placed inside the axes: each bar
    reaches the top. The legend's box must not overlap the plotting area at all."""
    import matplotlib.pyplot as plt

    from eval import report as report_module

    shown = {}
    monkeypatch.setattr(plt, "close", lambda fig: shown.setdefault("fig", fig))
    scores = {"recall@3": 1.0, "facts": 1.0, "route_ok": 1.0, "abstain_ok": 1.0}
    report = {"ours": {"by_category": {c: dict(scores) for c in ("all", "fact", "glossary", "algorithm", "biblio")}}}
    report_module.chart(report, tmp_path / "chart.png")
    fig = shown["fig"]
    (ax,) = fig.axes
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    legend = ax.get_legend().get_window_extent(renderer)
    axes = ax.get_window_extent(renderer)
    assert legend.y0 >= axes.y1 - 1, (legend, axes)
    assert (tmp_path / "chart.png").stat().st_size > 0
