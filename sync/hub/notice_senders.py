"""How a notice leaves the hub (:mod:`sync.hub.notices`): adapters by channel.

* :class:`FolderSender` — the default, every channel: a file for staff to send — the SMS
  text (``.sms.txt``), the e-mail (``.eml``, ready for any mail client), the letter as a
  PDF for post (``.pdf``, Hangul in the bundled Nanum font). Files are named by the
  notice's key, so writing one again replaces it rather than making a second; 0600 in a
  0700 folder (they hold a name and an address).
* :class:`SmtpSender` — e-mail through the centre's SMTP server (STARTTLS and a login when
  given); the Message-ID is the notice's key, so a resent message is the same message.
* :class:`SmsGateway` — the interface an SMS gateway's client implements
  (:class:`GatewaySender` adapts it); none is bundled: each centre has its own contract.
"""

from __future__ import annotations

import os
import smtplib
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path
from typing import Protocol

from sync.hub.notices import Outgoing
from sync.resources import resource_path

DOMAIN = "fieldbus.invalid"  # of Message-IDs: the key is what identifies a notice


def _private_file(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".part")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)


def email_message(notice: Outgoing, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = notice.to
    message["Subject"] = notice.subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = f"<{notice.key}@{DOMAIN}>"
    message.set_content(notice.text)
    return message


def letter_pdf(notice: Outgoing) -> bytes:
    """The notice as a one-page letter: the address block, the subject, the text."""
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "NanumGothic" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("NanumGothic",
                                       str(resource_path("fonts", "NanumGothic.ttf"))))
    out = BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.setTitle(notice.subject)
    width, height = A4
    y = height - 70
    page.setFont("NanumGothic", 11)
    for line in filter(None, (notice.postcode and f"({notice.postcode})", notice.to,
                              notice.name and f"{notice.name} 님")):
        page.drawString(60, y, line)
        y -= 16
    y -= 30
    page.setFont("NanumGothic", 14)
    page.drawString(60, y, notice.subject)
    y -= 30
    page.setFont("NanumGothic", 11)
    for line in notice.text.splitlines():
        while line:
            chunk, line = line[:44], line[44:]
            page.drawString(60, y, chunk)
            y -= 17
    page.showPage()
    page.save()
    return out.getvalue()


class FolderSender:
    """Files for staff to send (see the module)."""

    def __init__(self, folder: Path, *, mail_from: str = "이동신문고 <noreply@fieldbus.invalid>"):
        self.folder = Path(folder)
        self.mail_from = mail_from
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)

    def send(self, notice: Outgoing) -> str:
        if notice.channel == "sms":
            path = self.folder / f"{notice.key}.sms.txt"
            data = f"To: {notice.to}\n\n{notice.text}\n".encode()
        elif notice.channel == "email":
            path = self.folder / f"{notice.key}.eml"
            data = bytes(email_message(notice, self.mail_from))
        else:
            path = self.folder / f"{notice.key}.pdf"
            data = letter_pdf(notice)
        _private_file(path, data)
        return str(path)


class SmtpSender:
    """E-mail through an SMTP server (see the module)."""

    def __init__(self, host: str, port: int, mail_from: str, *, starttls: bool = False,
                 username: str | None = None, password: str | None = None,
                 timeout: float = 20.0) -> None:
        self.host, self.port, self.mail_from = host, port, mail_from
        self.starttls, self.username, self.password = starttls, username, password
        self.timeout = timeout

    def send(self, notice: Outgoing) -> str:
        message = email_message(notice, self.mail_from)
        with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
            if self.starttls:
                smtp.starttls()
            if self.username:
                smtp.login(self.username, self.password or "")
            smtp.send_message(message)
        return str(message["Message-ID"])


class SmsGateway(Protocol):
    def send_sms(self, phone: str, text: str, *, key: str) -> str:
        """Send ``text`` to ``phone``; the gateway's message id. ``key`` is the notice's:
        a gateway that takes an idempotency key must be given it."""


class GatewaySender:
    def __init__(self, gateway: SmsGateway) -> None:
        self.gateway = gateway

    def send(self, notice: Outgoing) -> str:
        return self.gateway.send_sms(notice.to, notice.text, key=notice.key)
