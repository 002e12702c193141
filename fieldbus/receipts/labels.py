"""Every word a receipt or counsel confirmation prints, in one place for review.

Korean first, with a short English label beside it for foreign residents. Records hold
codes (``grievance``, ``sms``); this module is the only place that turns them into words
on paper. Legal notices, with their basis, are data: ``resources/receipts/notices.json``.
"""

from __future__ import annotations

Label = tuple[str, str]  # (Korean, English)


def say(label: Label) -> str:
    """A value in both languages: ``고충민원 (Grievance)``."""
    return f"{label[0]} ({label[1]})"


# -- documents and copies -----------------------------------------------------------------

COMPLAINT_RECEIPT: Label = ("민원 접수증", "Complaint receipt")
COUNSEL_CONFIRMATION: Label = ("국선대리인 상담 확인서", "Counsel session confirmation")
COPIES: dict[str, Label] = {
    "citizen": ("민원인 보관용", "Citizen's copy"),
    "office": ("기관 보관용", "Office copy"),
}
COUNSEL_COPY: Label = ("신청인 보관용", "Appellant's copy")
REISSUE: Label = ("재발행", "REISSUE")
REISSUE_DETAIL: Label = ("{at} 재발행 · {number}번째 발행 · 최초 발행 {first_at}",
                         "reissued {at}, print {number}, first issued {first_at}")
PAGE: Label = ("{page}/{pages}쪽", "page {page} of {pages}")
CONTINUED: Label = ("본문 {shown:,}자 / 전체 {total:,}자: 전문은 A4 접수증에 있습니다",
                    "{shown:,} of {total:,} characters; the full text is on the A4 receipt")

# -- complaint receipt ----------------------------------------------------------------------

RECEIPT_NO: Label = ("접수번호", "Receipt no.")
RECEIVED_AT: Label = ("접수일시", "Received")
KIND: Label = ("민원 종류", "Type")
TITLE: Label = ("제목", "Subject")
AGENCY: Label = ("관계 기관", "Agency")
VISIT: Label = ("접수 장소", "Where")
RECEIVED_BY: Label = ("접수자", "Received by")
HANDLER: Label = ("처리 담당", "Handled by")
PERIOD: Label = ("처리 기간", "Period")
DUE: Label = ("처리 예정일", "Expected by")
DUE_MOVED: Label = ("센터에서 변경 (처음 발행: {first})", "Changed by the centre (first printed: {first})")
OUTCOME: Label = ("현장 처리", "On the bus")
PETITIONER: Label = ("민원인", "Petitioner")
CONTACT: Label = ("연락처", "Contact")
NOTIFY_BY: Label = ("통지 방법", "Notify by")
CONSENT: Label = ("개인정보 동의 (선택)", "Consent (optional)")
BODY: Label = ("민원 내용", "Complaint")
FOLLOW: Label = ("진행 상황 확인", "Follow your case")
PROGRESS_NOTE: Label = ("처리 진행 안내", "Progress reports")
SIGNATURE: Label = ("민원인 서명", "Signature")
NOT_SIGNED: Label = ("서명 없음", "not signed")
SEALED: Label = ("신고자 신원 보호: 표시하지 않음", "reporter's identity is protected")
ANONYMOUS: Label = ("익명", "anonymous")  # no name and no address: not a 민원인
NO_VISIT = "-"
TARGET: Label = ("처리 목표", "Target")
NO_PERIOD: Label = ("법정 처리기간", "Statutory period")
GUIDANCE: Label = ("접수 안내", "What we told you")
DOCUMENTS: Label = ("구비서류", "Documents")
DOCUMENTS_MISSING: Label = ("보완할 서류", "missing")
PROCEDURE: Label = ("처리 기준과 절차", "Procedure")
SITE_CHECK: Label = ("현장 확인·조사", "On-site check")
ORAL_REPORT: Label = ("구술 신고", "Oral report")
LEGAL_ITEMS: Label = ("법령에 따른 처리", "Kept by law")
LEGAL_ITEMS_NOTE: Label = ("동의 없이 처리", "no consent needed")

KINDS: dict[str, Label] = {
    "inquiry": ("질의민원", "Inquiry"),
    "suggestion": ("건의민원", "Suggestion"),
    "grievance": ("고충민원", "Grievance"),
    "report": ("부패·공익신고", "Corruption / public-interest report"),
    "passive_admin": ("소극행정신고", "Passive administration report"),
    "other": ("기타민원", "Other"),
}
OUTCOMES: dict[str, Label] = {
    "resolved_on_site": ("현장에서 해결", "Resolved on site"),
    "settlement": ("합의서 작성", "Settled by agreement"),
    "filed": ("조사를 위해 접수", "Filed for investigation"),
    "referred": ("이송", "Referred"),
}
NOTIFY: dict[str | None, Label] = {
    "sms": ("문자", "SMS"),
    "email": ("전자우편", "e-mail"),
    "post": ("우편", "post"),
    None: ("받지 않음", "none"),
}
PETITIONER_TYPES: dict[str, Label] = {
    "group": ("단체", "group"),
    "representative": ("대리인", "representative"),
}
PERIOD_UNITS: dict[str, Label] = {
    "days": ("{n}일", "{n} days"),
    "hours": ("{n}근무시간", "{n} working hours"),
}
CONSENT_GIVEN: Label = ("동의함", "given")
CONSENT_NOTICE: Label = ("안내문", "notice")
CONSENT_ITEMS: Label = ("동의 항목", "items")
CONSENT_REFUSED: Label = ("동의하지 않음", "not given")
NOT_KEPT: Label = ("보관하지 않는 항목", "not kept")
#: The personal items as words, by the code a record keeps them under. The Korean printed is
#: the consent notice's own label (resources/rules/consent.json) when the notice names the
#: code; this Korean is for codes of older notices only. The English is printed after the
#: Korean, as for every other value; a code that is not here is counted, never printed.
ITEM_WORDS: dict[str, Label] = {
    "name": ("성명", "name"),
    "address": ("주소", "address"),
    "phone": ("전화번호", "phone"),
    "email": ("전자우편", "e-mail"),
    "postcode": ("우편번호", "postcode"),
    "birth_year": ("출생연도", "birth year"),
}
OTHER_ITEMS: Label = ("그 밖의 항목 {n}개", "{n} more")
FOLLOW_LINES: tuple[Label, ...] = (
    ("국민신문고 www.epeople.go.kr", "e-People"),
    ("정부민원안내콜센터 ☎ 110", "call 110"),
)
SCAN: Label = ("QR 코드로 진행 상황을 볼 수 있습니다", "scan the QR code")
SCAN_OFFLINE: Label = ("QR 코드: 접수번호와 확인 코드", "QR code: receipt no. and check code")
CHECK_CODE: Label = ("확인 코드", "Check code")

# -- training stores (fieldbus --training) ------------------------------------------------------

TRAINING: Label = ("교육용", "TRAINING")
TRAINING_NOTICE: Label = ("교육용 — 실제 민원이 아닙니다", "Training — not a real case")
TRAINING_DETAIL: Label = ("교육용 저장소에서 발행했습니다. 국민신문고로 보내지 않으며, QR 코드와 "
                          "진행 상황 조회가 없습니다.",
                          "Issued by a training store: never sent to e-People, no QR code, "
                          "no status page.")

# -- counsel confirmation ---------------------------------------------------------------------

SESSION_NO: Label = ("상담번호", "Session no.")
SESSION_AT: Label = ("상담일시", "Date")
APPELLANT: Label = ("신청인", "Appellant")
DISPOSITION: Label = ("다투는 처분", "Disposition")
DISPOSED_ON: Label = ("처분일", "Disposed on")
LEARNED_ON: Label = ("처분을 안 날", "Learned of it")
APPEAL_DEADLINE: Label = ("행정심판 청구기한", "Appeal deadline")
DAYS_LEFT: Label = ("오늘부터 {n}일 남음", "{n} days left")
LAST_DAY: Label = ("오늘이 마지막 날입니다", "today is the last day")
PASSED: Label = ("청구기한이 지났습니다", "the deadline has passed")
APPEAL_HINT: Label = ("이 날까지 행정심판을 청구해야 합니다. 이 확인서는 청구서가 아닙니다.",
                      "File your appeal by this date; this paper is not an appeal.")
NO_LIMIT_HINT: Label = ("무효등확인심판·부작위에 대한 의무이행심판에는 청구기간이 없습니다. "
                        "이 확인서는 청구서가 아닙니다.",
                        "This appeal has no filing period; this paper is not an appeal.")
NO_LIMIT: Label = ("청구기간 제한 없음 (제27조제7항)", "no filing period, Art. 27(7)")
APPEAL_RULE: Label = ("적용 규정", "Rule applied")
APPEAL_KIND: Label = ("심판의 종류", "Type of appeal")
APPEAL_KINDS: dict[str, Label] = {
    "cancellation": ("취소심판", "annulment"),
    "mandatory_refusal": ("의무이행심판 (거부처분)", "performance, refusal"),
    "nullity": ("무효등확인심판", "nullity"),
    "mandatory_omission": ("의무이행심판 (부작위)", "performance, inaction"),
}
PERIOD_NOTICE: Label = ("청구기간 고지", "Period announced")
PERIOD_NOTICES: dict[str, Label] = {
    "told": ("행정청이 알림", "announced"),
    "told_longer": ("행정청이 {days}일로 잘못 알림", "wrongly announced as {days} days"),
    "not_told": ("행정청이 알리지 않음", "not announced"),
}
FORCE_MAJEURE: Label = ("불가항력 사유가 끝난 날", "Force majeure ended")
ABROAD: Label = ("국외에서 청구", "filing from abroad")
FREE_COUNSEL_APPLY: Label = ("국선대리인 신청", "Applying for free counsel")
FREE_COUNSEL_WHEN: Label = ("심리기일 전까지 선임 신청서를 위원회에 제출 "
                            "(행정심판법 시행령 제16조의2제2항)",
                            "file the application with the committee before the hearing date")
PROOF: Label = ("소명 서류", "Proof")
PROOFS: dict[str, Label] = {
    "documents": ("해당 사실을 소명하는 서류를 신청서와 함께 제출 (제16조의2제2항 후단)",
                  "bring documents proving it"),
    "shared_check": ("위원회가 행정정보 공동이용으로 확인 (제16조의2제3항); 확인에 동의하지 "
                     "않으면 서류 제출", "the committee checks it through shared records; "
                     "documents if you do not consent"),
    "shared_check_refused": ("확인에 동의하지 않음: 소명 서류 제출 (제16조의2제3항 단서)",
                             "no consent to the check: bring documents"),
}
CHAIR_DECIDES: Label = ("제6호 해당 여부는 위원장이 인정하는지에 따릅니다",
                        "the committee chair decides category 6")
ELIGIBILITY: Label = ("국선대리인 요건", "Free counsel basis")
ELIGIBILITY_BASES: dict[str, Label] = {
    "basic_livelihood": ("기초생활수급자", "basic livelihood security"),
    "single_parent": ("한부모가족", "single-parent family"),
    "basic_pension": ("기초연금 수급자", "basic pension"),
    "disability_pension": ("장애인연금 수급자", "disability pension"),
    "north_korean_defector": ("북한이탈주민", "North Korean defector"),
    "inability_to_pay": ("그 밖에 위원장이 경제적 능력으로 인하여 대리인을 선임할 수 없다고 "
                         "인정하는 사람", "other: the chair finds you cannot afford counsel"),
    "none": ("해당 없음", "not eligible"),
}
AGREED: Label = ("합의한 내용", "What was agreed")
COUNSEL_OUTCOME: Label = ("상담 결과", "Outcome")
COUNSEL_OUTCOMES: dict[str, Label] = {
    "application_filed": ("국선대리인 선정 신청", "applied for free counsel"),
    "advice_only": ("상담만 함", "advice only"),
    "referred_legal_aid": ("대한법률구조공단 안내", "referred to Korea Legal Aid Corporation"),
    "referred_other": ("다른 기관 안내", "referred elsewhere"),
}
NEXT_STEP: Label = ("다음 단계", "Next step")
COUNSEL: Label = ("상담 대리인", "Counsel")
QUALIFICATIONS: dict[str, Label] = {
    "attorney": ("변호사", "attorney"),
    "labor_attorney": ("공인노무사", "labour attorney"),
}
QUESTIONS: Label = ("문의", "Questions")
APPEAL_FOLLOW_LINES: tuple[Label, ...] = (
    ("온라인 행정심판 www.simpan.go.kr", "online appeals"),
    ("정부민원안내콜센터 ☎ 110", "call 110"),
)
