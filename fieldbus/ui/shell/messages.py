"""Words for people: the core's error codes and role codes, in the UI's language.

The core raises typed errors with a stable ``code`` (DESIGN.md §2: "core strings are
codes; the UI translates"). Every sentence here goes through ``QCoreApplication.translate``
so Qt Linguist can collect it; Korean is the source language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

_CTX = "messages"


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def role_name(role: str) -> str:
    names = {
        "officer": tr("현장 담당자"),
        "counsel": tr("국선대리인"),
        "supervisor": tr("관리자"),
    }
    return names.get(role, role)


def field_error(exc: Exception) -> str:
    """A ValidationError's reason, for the line under the field it concerns."""
    code = getattr(exc, "code", "")
    texts = {
        "pin": tr("PIN은 숫자 6~12자리여야 합니다."),
        "device_code": tr("기기 코드는 영문 대문자(A–Z)와 숫자(0–9)로 2~6자입니다."),
        "required": tr("꼭 입력해야 합니다."),
        "too_long": tr("너무 깁니다."),
        "control_char": tr("줄바꿈·탭 같은 제어 문자는 쓸 수 없습니다."),
        "invalid_char": tr("쓸 수 없는 문자가 있습니다."),
        "exists": tr("같은 이름의 담당자가 이미 있습니다."),
        "role": tr("역할을 골라 주세요."),
    }
    return texts.get(code, getattr(exc, "message", str(exc)))


def store_problem(exc: Exception) -> tuple[str, str]:
    """(what happened, what to do) for a store that cannot be opened or created."""
    code = getattr(exc, "code", "")
    if code == "store_key_missing":
        return (tr("저장소의 암호 키를 찾을 수 없습니다."),
                tr("저장소 파일은 그대로 두었습니다. 새 저장소를 만들지 마십시오 — 아직 "
                   "동기화하지 않은 사건이 들어 있을 수 있습니다. 키링(열쇠 모음)을 복구하거나 "
                   "관리자에게 연락하십시오."))
    if code == "store_key_wrong":
        return (tr("이 키로는 저장소를 열 수 없습니다."),
                tr("다른 노트북의 키이거나 파일이 손상되었을 수 있습니다. 파일은 그대로 "
                   "두었습니다. 관리자에게 연락하십시오."))
    if code == "store_too_new":
        return (tr("더 새로운 버전의 Fieldbus가 만든 저장소입니다."),
                tr("Fieldbus를 최신 버전으로 업데이트한 뒤 다시 여십시오. 저장소는 그대로 "
                   "두었습니다."))
    if code == "keyring_unavailable":
        return (tr("암호 키를 보관할 안전한 키링을 사용할 수 없습니다."),
                tr("운영체제의 키링(GNOME 키링, KWallet, 키체인 등)을 설치하거나 잠금을 "
                   "푼 뒤 다시 시도하십시오."))
    if code == "store_write_failed":
        return (tr("디스크가 저장을 거부했습니다."),
                tr("디스크 공간과 저장 장치 연결을 확인한 뒤 다시 시도하십시오. 저장했다고 "
                   "표시된 내용은 잃지 않았습니다."))
    if code == "store_missing":
        return (tr("저장소 파일이 없습니다."),
                tr("저장소 설명 파일은 있지만 데이터 파일이 없습니다. 백업에서 복원하거나 "
                   "관리자에게 연락하십시오."))
    if code == "store_exists":
        return (tr("이 폴더에는 이미 저장소가 있습니다."),
                tr("기존 저장소는 건드리지 않았습니다. 프로그램을 다시 시작해 로그인하십시오."))
    return (tr("저장소를 열 수 없습니다."),
            tr("프로그램을 다시 시작해 보고, 계속되면 관리자에게 연락하십시오."))


def unexpected() -> str:
    return tr("예상하지 못한 오류가 났습니다. 작업은 저장되지 않았을 수 있습니다. "
              "계속되면 관리자에게 연락하십시오.")
