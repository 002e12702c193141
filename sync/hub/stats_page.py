"""``/stats``: the open statistics as a page — each table as an HTML table a screen reader
reads, the main ones drawn as bar charts on the server (pygal's SVG, inline: no
third-party script or CDN; the page has no script at all).

The hub's Content-Security-Policy allows one hashed style (the status page's); this page
sends its own, allowing its style and each chart's by their hashes. pygal's chart carries
a configuration ``<script>`` for its tooltips and an inline ``style`` attribute for the
tooltip box: both are taken out (the values are printed on the bars instead), so nothing
on the page is refused by the policy.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from typing import Any

from sync.hub.open_stats import ALSO_HIDDEN, MINIMUM, SUPPRESSED, TABLES

STYLE = ("body{font-family:\"Noto Sans KR\",\"Malgun Gothic\",\"Apple SD Gothic Neo\","
    "NanumGothic,sans-serif;max-width:60em;margin:1.5em auto;padding:0 1em;"
         "line-height:1.5;color:#1a1a1a}\n"
         "table{border-collapse:collapse;margin:.5em 0 1.5em}\n"
         "th,td{border-bottom:1px solid #ddd;padding:.2em .8em;text-align:left}\n"
         "td.n{text-align:right}.en{color:#555;font-size:.9em}\n"
         "figure{margin:1em 0}svg{max-width:100%;height:auto}")
CHARTS = ("month", "province", "kind", "outcome", "stage")


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _chart(title: str, cells: list[Any]) -> str:
    import pygal
    from pygal.style import Style

    style = Style(background="white", plot_background="white", colors=("#1f5fa8",),
                  font_family="sans-serif", value_font_size=12, label_font_size=12)
    chart = pygal.HorizontalBar(js=[], disable_xml_declaration=True, show_legend=False,
                                print_values=True, width=640,
                                height=90 + 28 * max(1, len(cells)), style=style,
                                explicit_size=True, title=title)
    chart.x_labels = [c.label if c.count is not None else f"{c.label} ({c.shown})"
                      for c in cells]
    chart.add(title, [c.count for c in cells])
    svg = chart.render(is_unicode=True)
    svg = re.sub(r"<script\b.*?</script>", "", svg, flags=re.S)
    return svg.replace('style="opacity: 0"', 'opacity="0"')


def render(stats: dict[str, Any]) -> tuple[str, str]:
    """The page's HTML and the Content-Security-Policy that allows exactly its styles."""
    titles = dict(TABLES)
    charts = {name: _chart(titles[name], stats["tables"][name]) for name in CHARTS
              if stats["tables"][name]}
    # An SVG's <style> is parsed as text with its entities decoded (``&gt;``), and the
    # browser hashes what it decoded; the page's own <style> is raw text.
    styles = [STYLE] + [html.unescape(m) for svg in charts.values()
                        for m in re.findall(r"<style[^>]*>(.*?)</style>", svg, flags=re.S)]
    sections = []
    for name, title in TABLES:
        cells = stats["tables"][name]
        rows = "".join(
            f"<tr><td>{html.escape(c.label)}</td><td class=\"n\">{html.escape(c.shown)}</td></tr>" for c in cells)
        figure = f"<figure aria-hidden=\"true\">{charts[name]}</figure>" if name in charts \
            else ""
        sections.append(f"<h2>{html.escape(title)}</h2>{figure}<table><caption>"
                        f"{html.escape(title)}별 사건 수</caption><thead><tr><th scope=\"col\">"
                        f"{html.escape(title)}</th><th scope=\"col\">사건</th></tr></thead>"
                        f"<tbody>{rows}</tbody></table>")
    for month, words in stats["words"].items():
        if words:
            rows = "".join(f"<tr><td>{html.escape(w['word'])}</td><td class=\"n\">"
                           f"{w['count']}</td></tr>" for w in words)
            sections.append(f"<h2>{html.escape(month)} 자주 나온 낱말</h2><table><caption>"
                            f"공개 민원 제목의 명사 ({MINIMUM}건 이상)</caption><thead><tr>"
                            "<th scope=\"col\">낱말</th><th scope=\"col\">사건</th></tr></thead>"
                            f"<tbody>{rows}</tbody></table>")
    settled = stats["settled_on_the_spot"]
    median = stats["median_days_to_forward"]
    figures = (f"<p>전체 {stats['total']:,}건 · 현장에서 해결·합의 "
               f"{SUPPRESSED if settled is None else f'{settled:.0%}'} · 기관 이송까지 중앙값 "
               f"{SUPPRESSED if median is None else f'{median}일'}</p>")
    page = (
        "<!doctype html>\n<html lang=\"ko\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>이동신문고 민원 통계</title><style>{STYLE}</style></head><body><main>"
        "<h1>이동신문고 민원 통계 <span class=\"en\" lang=\"en\">Outreach bus complaint "
        "statistics</span></h1>" + figures +
        f"<p>{MINIMUM}건 미만인 칸은 “{SUPPRESSED}”로 가리고, 합계에서 빼서 알아낼 수 없도록 "
        f"다른 칸도 “{ALSO_HIDDEN}”로 함께 가립니다. 같은 자료: <a href=\"/stats.csv\">CSV</a> · "
        "<a href=\"/stats.json\">JSON</a>. "
        f"<span class=\"en\" lang=\"en\">Cells under {MINIMUM} are shown as {SUPPRESSED}, and "
        f"further cells as {ALSO_HIDDEN}, so that none can be worked out from the totals."
        "</span></p>"
        + "".join(sections) + f"<p>집계 시각 {html.escape(stats['computed_at'])}</p>"
        "</main></body></html>\n")
    policy = ("default-src 'none'; style-src " + " ".join(_hash(s) for s in styles)
              + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
    return page, policy
