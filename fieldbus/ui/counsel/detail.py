"""One counsel session, opened from the counsel tab's list of today's sessions (issue 4
item 5): the appellant, the disposition, the appeal deadline (large, amber when near, red
when past), eligibility, counsel, outcome — and a reprint of the confirmation (재발행).

The session is read on the worker through ``counsel.view`` (audited) and turned there
into the JSON the command line shows (``serialize.counsel_json`` with the viewer): the
confidential notes only cross to the GUI thread for counsel and supervisors. An officer
sees that notes exist, never their text. The form that holds this view is not imported
here: the words for codes, the deadline's look and the print are shared through
:mod:`fieldbus.ui.counsel.parts`.

Keys: Enter reprints the confirmation; Esc goes back to the form.
"""

from __future__ import annotations

import html
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from fieldbus.domain.deadlines import KST
from fieldbus.ui.counsel.parts import (
    choices as counsel_choices,
    colour_deadline,
    deadline_label,
    print_confirmation,
    time_left,
)
from fieldbus.ui.printing.after_save import failure_reason, print_op
from fieldbus.ui.shell.worker import StoreOp
from fieldbus.ui.widgets.fonts import enlarge
from fieldbus.ui.widgets.keys import push_button, shortcut


def tr(text: str) -> str:
    return QCoreApplication.translate("counsel_detail", text)


def read_session(store, number: str, officer, today: date) -> dict[str, Any]:
    """On the worker: the session as the officer may see it (notes withheld from roles
    that may not read them); the view is audited."""
    from fieldbus.domain.serialize import counsel_json
    from fieldbus.store import counsel

    session = counsel.view(store, number, officer, reason="counsel detail")
    return counsel_json(session, viewer=officer, reveal=True, today=today)


def _esc(value) -> str:
    return html.escape(str(value)) if value not in (None, "") else "–"


def render(data: dict[str, Any]) -> str:
    """The session as HTML for the detail browser (the deadline has its own label)."""
    choices = {key: {code: text for text, code in pairs}
               for key, pairs in counsel_choices().items()}

    def name(key: str, code: str | None) -> str:
        return choices[key].get(code, code)

    who, disp = data["appellant"] or {}, data["disposition"]
    elig, couns = data["eligibility"], data["counsel"]
    if data["notes"] is not None:
        notes = _esc(data["notes"]).replace("\n", "<br>")
    elif data["notes_withheld"]:
        withheld = tr("상담 내용이 기록되어 있습니다. 국선대리인과 관리자만 볼 수 있습니다.")
        notes = f"<i>{_esc(withheld)}</i>"
    else:
        notes = _esc(tr("기록 없음"))
    rows = [
        (tr("상담번호"), _esc(data["id"])),
        (tr("상담일시"), _esc(datetime.fromisoformat(data["created_at"])
                              .astimezone(KST).strftime("%Y-%m-%d %H:%M"))),
        (tr("청구인"), "<br>".join(_esc(x) for x in (who.get("name"), who.get("phone"),
                                                   who.get("address")) if x)),
        (tr("출생연도"), _esc(who.get("birth_year"))),
        (tr("처분 기관"), _esc(disp["agency"])),
        (tr("처분 내용"), _esc(disp["title"])),
        (tr("처분일"), _esc(disp["disposed_on"])),
        (tr("처분이 있음을 안 날"), _esc(disp["learned_on"] or tr("모름"))),
    ]
    appeal = disp.get("appeal") or {}
    if appeal.get("kind"):
        rows.append((tr("심판의 종류"), _esc(name("appeal_kind", appeal["kind"]))))
    if appeal.get("notice"):
        told = name("period_notice", appeal["notice"])
        if appeal.get("announced_days"):
            told += " " + tr("({0}일)").format(appeal["announced_days"])
        rows.append((tr("청구기간 고지"), _esc(told)))
    if appeal.get("force_majeure_ended_on"):
        rows.append((tr("불가항력 사유가 끝난 날"), _esc(
            appeal["force_majeure_ended_on"] + (" " + tr("(국외)") if appeal.get("abroad")
                                                else ""))))
    rows += [
        (tr("적용 규정"), _esc(data.get("appeal_rule_text"))),
        (tr("선정 요건"), _esc(name("basis", elig["basis"]))),
        (tr("확인 방법"), _esc(name("checked_by", elig["checked_by"]))),
        (tr("국선대리인"), _esc(f"{couns['name']} "
                              f"({name('qualification', couns['qualification'])})")),
        (tr("상담 결과"), _esc(name("outcome", data["outcome"]))),
        (tr("다음 할 일"), _esc(data["next_step"])),
        (tr("동기화"), _esc(tr("동기화됨") if data["sync_state"] == "synced"
                          else tr("동기화 대기"))),
    ]
    consent = elig.get("shared_info_consent")
    if consent is not None:
        rows.insert(-5, (tr("행정정보 공동이용 확인"), _esc(name("shared_info_consent",
                                                              "yes" if consent else "no"))))
    parts = ["<table cellspacing='0' cellpadding='3'>"]
    parts.extend(f"<tr><td style='color:#555' nowrap>{_esc(k)}</td><td>{v}</td></tr>"
                 for k, v in rows)
    parts.append("</table>")
    parts.append(f"<h4>{_esc(tr('상담 내용 (비밀)'))}</h4><p>{notes}</p>")
    return "".join(parts)


class CounselDetail(QWidget):
    """``back`` asks the form to show itself again."""

    back = Signal()

    def __init__(self, window) -> None:
        super().__init__()
        self.window_ = window
        self.number: str | None = None
        self.data: dict[str, Any] | None = None
        self.last_pdf: Path | None = None
        self._generation = 0
        self._printing = False

        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setAccessibleName(tr("상담번호"))
        enlarge(self.heading, 1.3)
        layout.addWidget(self.heading)
        self.deadline_label = deadline_label("counsel-detail-deadline")
        layout.addWidget(self.deadline_label)
        self.body = QTextBrowser()
        self.body.setAccessibleName(tr("상담 상세"))
        self.body.setOpenLinks(False)
        layout.addWidget(self.body, 1)
        bar = QHBoxLayout()
        self.message = QLabel()
        self.message.setAccessibleName(tr("상담 상세 알림"))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar.addWidget(self.message, 1)
        self.reprint = push_button(tr("확인증 재발행 (Enter)"), tr("상담 확인증 재발행"),
                                   self.print_, auto_default=True)
        self.reprint.setEnabled(False)
        bar.addWidget(self.reprint)
        self.back_button = push_button(tr("돌아가기 (Esc)"), tr("상담 양식으로 돌아가기"),
                                       self.back.emit, auto_default=True)
        bar.addWidget(self.back_button)
        layout.addLayout(bar)
        QWidget.setTabOrder(self.body, self.reprint)
        QWidget.setTabOrder(self.reprint, self.back_button)
        shortcut(self, Qt.Key.Key_Escape, self.back.emit)

    def show_session(self, number: str) -> None:
        """Read the session (audited, on the worker) and show it."""
        officer = getattr(self.window_, "officer", None)
        if officer is None:
            return
        self._generation += 1
        generation = self._generation
        self.number, self.data = number, None
        self.heading.setText(tr("상담 {0}").format(number))
        self.deadline_label.clear()
        self.body.clear()
        self.message.setText(tr("불러오는 중…"))
        self.reprint.setEnabled(False)
        today = datetime.now(KST).date()
        op = StoreOp(lambda store: read_session(store, number, officer, today))
        self.window_.runner.run(op.success(lambda d: self._shown(generation, d)).failure(
            lambda exc: self._failed(generation)))

    def _shown(self, generation: int, data: dict[str, Any]) -> None:
        if generation != self._generation:
            return
        self.data = data
        self.message.clear()
        self.body.setHtml(render(data))
        status = data["appeal_status"]
        if data["appeal_deadline"] is None:
            self.deadline_label.setText(tr("행정심판 청구 기한: {0}").format(
                data["appeal_rule_text"]))
        else:
            self.deadline_label.setText(tr("행정심판 청구 기한: {0} ({1})\n{2}").format(
                data["appeal_deadline"], time_left(status, data["appeal_days_left"]),
                data["appeal_rule_text"]))
        self.deadline_label.setToolTip(tr("근거: {0}").format(data["appeal_basis"]))
        colour_deadline(self.deadline_label, status)
        self.reprint.setEnabled(True)
        self.reprint.setFocus()

    def _failed(self, generation: int) -> None:
        if generation == self._generation:
            self.message.setText(tr("상담을 열지 못했습니다."))

    # -- reprint -----------------------------------------------------------------------

    def print_(self) -> None:
        """The confirmation again (marked 재발행 after the first), as the done screen
        prints it: the printer named by FIELDBUS_PRINTER, else a PDF where the officer
        chooses."""
        officer = getattr(self.window_, "officer", None)
        number = self.number
        if self._printing or officer is None or number is None or self.data is None:
            return
        op = print_op(self, officer, number, print_confirmation)
        if op is None:  # save dialog cancelled
            return
        self._printing = True
        self.reprint.setEnabled(False)
        self.message.setText(tr("확인증을 만드는 중…"))
        self.window_.runner.run(op.success(self._printed).failure(self._print_failed))

    def _printed(self, result) -> None:
        printed, path = result
        self._printing = False
        self.reprint.setEnabled(True)
        self.reprint.setFocus()  # disabling it while printing took the focus away
        self.last_pdf = path
        what = tr("재발행") if printed.issue.reissue else tr("발행")
        where = str(path) if path is not None else tr("프린터")
        self.message.setText(tr("상담 확인증을 {0}했습니다: {1}").format(what, where))

    def _print_failed(self, exc: Exception) -> None:
        self._printing = False
        self.reprint.setEnabled(True)
        self.reprint.setFocus()
        self.message.setText(failure_reason(exc))
