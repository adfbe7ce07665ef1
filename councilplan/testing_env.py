"""A pytest plugin loaded before pytest-django (see pyproject `addopts`).

The tests run the development configuration unless the caller chose otherwise,
so a plain `pytest` works on a laptop without a secret key.
"""

import os
import tempfile

os.environ.setdefault("COUNCILPLAN_ENV", "development")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "councilplan.settings")
# Pages' tests get their documents in the response, made in the request; the jobs' own tests run the worker.
os.environ.setdefault("COUNCILPLAN_TASKS_BACKEND", "immediate")
# Each test process keeps its cache in memory (cleared before each test), never in the laptop's var/cache.
os.environ.setdefault("COUNCILPLAN_CACHE", "memory")
# Kept documents made by the tests go to a folder of their own, not the laptop's var/documents.
os.environ.setdefault("COUNCILPLAN_DOCUMENTS_DIR", tempfile.mkdtemp(prefix="councilplan-documents-"))
# Evidence attached by the tests goes to a folder of its own too.
os.environ.setdefault("COUNCILPLAN_EVIDENCE_DIR", tempfile.mkdtemp(prefix="councilplan-evidence-"))
os.environ.setdefault("COUNCILPLAN_MEDIA_DIR", tempfile.mkdtemp(prefix="councilplan-media-"))
