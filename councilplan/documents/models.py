"""A kept document: one report, with its parameters, in one format, of one version of its data, made once by a
worker (councilplan.documents.jobs) and kept in the documents storage for everyone who asks for it again."""

from __future__ import annotations

from django.core.files.storage import storages
from django.db import models


def documents_storage():
    """The storage named `documents` in settings.STORAGES (the filesystem by default, any back end by setting)."""
    return storages["documents"]


class KeptDocument(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", "Waiting to be made"
        MAKING = "making", "Being made"
        READY = "ready", "Ready"
        FAILED = "failed", "Could not be made"

    # What it is: the maker's name (module.function), the parameters it was asked with, the format, and a
    # digest of the data's version (the latest change of everything the document shows).
    kind = models.CharField(max_length=200)
    params = models.JSONField(default=dict)
    params_key = models.CharField(max_length=64)
    format = models.CharField(max_length=10)
    version = models.CharField(max_length=64)
    title = models.CharField(max_length=300, blank=True)

    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    # Each request to make it again is a new attempt; a worker still busy with an older attempt (one taken for
    # stopped) keeps nothing it makes.
    attempt = models.PositiveIntegerField(default=1)
    step = models.PositiveIntegerField(default=0)
    steps = models.PositiveIntegerField(default=0)
    step_words = models.CharField(max_length=200, blank=True)
    reason = models.TextField(blank=True)  # why it could not be made, in words

    file = models.FileField(storage=documents_storage, max_length=500, blank=True)
    filename = models.CharField(max_length=300, blank=True)  # the name it downloads as
    content_type = models.CharField(max_length=200, blank=True)
    size = models.PositiveBigIntegerField(default=0)

    task_id = models.CharField(max_length=64, blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # The worker's last word (each step): a document being made with no word for too long has stopped.
    heard_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "params_key", "format", "version"], name="kept_document_once")
        ]
        indexes = [models.Index(fields=["kind", "params_key", "format"], name="kept_document_kind")]

    def __str__(self) -> str:
        return f"{self.title or self.kind} ({self.format}, {self.get_state_display().lower()})"
