"""A pytest plugin loaded before pytest-django (see pyproject `addopts`).

The tests run the development configuration unless the caller chose otherwise,
so a plain `pytest` works on a laptop without a secret key.
"""

import os

os.environ.setdefault("COUNCILPLAN_ENV", "development")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "councilplan.settings")
