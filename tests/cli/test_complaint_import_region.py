"""``fieldbus complaint import``: a line without a region (발생 지역) takes the open visit's,
as ``complaint add`` does (issue 12); a line with one keeps it; with no visit open such a
line is refused by its number, as before."""

from __future__ import annotations

import json

import pytest

from fieldbus.services.intake import importer
from tests.cli.conftest import sample

VISIT_REGION = "경상북도 구미시 선산읍"


def _line(name: str, *, region: bool = True) -> str:
    data = sample(name)
    if not region:
        del data["region"]
    return json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize("second_process", [False, True], ids=["here", "validation-worker"])
def test_import_lines_without_a_region_take_the_open_visits(ready, monkeypatch, second_process):
    workers: list = []
    if second_process:  # a large file's lines are validated in a second process
        monkeypatch.setattr(importer, "WORKER_THRESHOLD_BYTES", 0)
        real = importer.parse_lines

        def parse_lines(lines, **kwargs):
            workers.append(kwargs["worker"])
            return real(lines, **kwargs)
        monkeypatch.setattr(importer, "parse_lines", parse_lines)
    assert ready("visit", "open", "--venue", "선산읍 행정복지센터",
                 "--region", VISIT_REGION).code == 0
    lines = [_line("complaint-01.json", region=False),   # 1: takes the visit's
             _line("complaint-02.json"),                 # 2: keeps its own
             json.dumps(sample("complaint-03.json") | {"region": "  "}, ensure_ascii=False)]
    result = ready("complaint", "import", ready.write("\n".join(lines) + "\n", "paper.jsonl"),
                   "--json")
    assert result.code == 0, result
    regions = [json.loads(line)["region"] for line in result.out.splitlines()]
    assert regions == [VISIT_REGION, sample("complaint-02.json")["region"], VISIT_REGION]
    said = [line for line in result.err_lines if "region" in line]
    assert len(said) == 1 and "2 line(s)" in said[0] and VISIT_REGION in said[0], result
    assert all(w is not None for w in workers) and len(workers) == second_process


def test_import_without_a_region_and_no_visit_names_the_line(ready):
    lines = [_line("complaint-01.json", region=False), _line("complaint-02.json")]
    result = ready("complaint", "import", ready.write("\n".join(lines), "paper.jsonl"))
    assert result.code == 2, result
    numbered = [line for line in result.err_lines if line.startswith("line ")]
    assert len(numbered) == 1 and numbered[0].startswith("line 1:") and "region" in numbered[0]
    assert len(result.out_lines) == 1  # the line with a region was saved
