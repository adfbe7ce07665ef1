"""Every demo sign-in crawls the demo data (issue 12): from the home page, following each internal link it is
shown, it never meets a server error. Every system's demo users join (SystemConfig.demo_users), and so does
every page they are linked to, without anyone listing them here.

To stay inside CI's time, each person visits at most two pages of each shape of address (/risks/N/ is one
shape) and PAGES_PER_PERSON in all, breadth first; PDF and Word downloads are left to the formats' own tests."""

from __future__ import annotations

import re
from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from councilplan.core.models import User
from councilplan.sample.demo import create_demo_users
from councilplan.sample.loader import open_next_round

PAGES_PER_PERSON = 60
PER_SHAPE = 2
SKIP = re.compile(r"^/(admin|accounts/logout|static)/|format=(pdf|docx)|\.(pdf|docx)$")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") if tag == "a" else None
        if href:
            self.links.append(href)


def _shape(path: str) -> str:
    return re.sub(r"\d+", "N", urlsplit(path).path)


def crawl(client, start: str = "/") -> tuple[list[tuple[str, int]], int]:
    """The pages that answered with a server error (path, status), and how many pages were visited."""
    seen, shapes, errors = {start}, Counter(), []
    queue = deque([start])
    visited = 0
    while queue and visited < PAGES_PER_PERSON:
        path = queue.popleft()
        response = client.get(path)
        visited += 1
        if response.status_code >= 500:
            errors.append((path, response.status_code))
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        reader = _Links()
        reader.feed(response.content.decode("utf-8", "replace"))
        for href in reader.links:
            url = urlsplit(urljoin(path, href))
            if url.scheme not in ("", "http") or url.netloc not in ("", "testserver"):
                continue
            target = url.path + (f"?{url.query}" if url.query else "")
            if target in seen or SKIP.search(target) or shapes[_shape(target)] >= PER_SHAPE:
                continue
            seen.add(target)
            shapes[_shape(target)] += 1
            queue.append(target)
    return errors, visited


@pytest.mark.django_db
def test_no_demo_sign_in_meets_a_server_error_anywhere_it_is_linked(client, whole_sample):
    open_next_round()
    made = create_demo_users()
    assert len(made) >= 4
    failures = {}
    for demo, _password in made:
        client.force_login(User.objects.get(username=demo.username))
        errors, visited = crawl(client)
        assert visited > 3, f"{demo.username} saw almost nothing"
        if errors:
            failures[demo.username] = errors
    client.logout()
    errors, _ = crawl(client, "/public/")
    if errors:
        failures["the public"] = errors
    assert not failures
