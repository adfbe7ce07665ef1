"""E-mail through GOV.UK Notify: a Django e-mail back end, so every sender (each system's reminders, the query
e-mails, password resets) goes through Notify unchanged once it is configured (docs/configuration.md).

Notify sends a message from a template kept in the council's Notify account, not free text: the template named by
`COUNCILPLAN_NOTIFY_TEMPLATE_ID` has the subject `((subject))` and the body `((body))`, and each message fills
them in. Notify sends to one address at a time, so a message to three people is three notifications.

A message Notify refuses for its address (400: not an e-mail address, or not on the team's list in trial mode)
is raised as `smtplib.SMTPRecipientsRefused`, the error the senders already handle for a mail server's refusal
(one person's reminder failing does not stop the others); anything else (a wrong key, Notify unreachable) stops
the sending, as a mail server that cannot be reached does.
"""

from __future__ import annotations

import smtplib

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail.backends.base import BaseEmailBackend
from notifications_python_client.errors import HTTPError
from notifications_python_client.notifications import NotificationsAPIClient

NOTIFY_URL = "https://api.notifications.service.gov.uk"


class NotifyEmailBackend(BaseEmailBackend):
    def __init__(self, fail_silently: bool = False, **kwargs):
        super().__init__(fail_silently=fail_silently, **kwargs)
        self.api_key = getattr(settings, "COUNCILPLAN_NOTIFY_API_KEY", "")
        self.template_id = getattr(settings, "COUNCILPLAN_NOTIFY_TEMPLATE_ID", "")
        if not self.api_key or not self.template_id:
            raise ImproperlyConfigured(
                "GOV.UK Notify needs COUNCILPLAN_NOTIFY_API_KEY and COUNCILPLAN_NOTIFY_TEMPLATE_ID"
            )
        self.base_url = getattr(settings, "COUNCILPLAN_NOTIFY_URL", "") or NOTIFY_URL
        self.reply_to_id = getattr(settings, "COUNCILPLAN_NOTIFY_REPLY_TO_ID", "") or None
        self.client = None

    def open(self):
        if self.client is None:
            self.client = NotificationsAPIClient(self.api_key, base_url=self.base_url, timeout=30)
            return True
        return False

    def close(self):
        self.client = None

    def send_messages(self, email_messages) -> int:
        if not email_messages:
            return 0
        opened = self.open()
        sent = 0
        try:
            for message in email_messages:
                try:
                    if self._send(message):
                        sent += 1
                except Exception:
                    if not self.fail_silently:
                        raise
        finally:
            if opened:
                self.close()
        return sent

    def _send(self, message) -> bool:
        addresses = message.recipients()
        if not addresses:
            return False
        refused = {}
        for address in addresses:
            try:
                self.client.send_email_notification(
                    email_address=address,
                    template_id=self.template_id,
                    personalisation={"subject": message.subject, "body": message.body},
                    email_reply_to_id=self.reply_to_id,
                )
            except HTTPError as error:
                if error.status_code != 400:
                    raise
                refused[address] = (error.status_code, str(error.message).encode())
        if refused:
            raise smtplib.SMTPRecipientsRefused(refused)
        return True
