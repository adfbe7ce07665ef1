"""What each system of councilplan tells the rest of the framework about itself, declared once on its AppConfig.

Every app above the foundation (monitoring, reports, performance, risks, planning, finance, assurance,
contracts, governance, policies, feedback) has a `SystemConfig`. The site app, at the top, reads them to build
the menu, the home page's links, an activity's joined page, the sample data, the demo sign-ins and the
all-systems reminder run; so adding a system means declaring it here, never editing the site.

Hooks are "module:attribute" strings in the app's own package, imported when first used, so that the
foundation never imports the systems (layers point down) and nothing heavy loads at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


@dataclass(frozen=True)
class NavigationEntry:
    """A link in the service's menu. `allowed` is a "module:function" of the app taking the user."""

    label: str
    url_name: str
    allowed: str
    order: int = 100


@dataclass(frozen=True)
class TeamSpec:
    """A team a system's permissions name (the finance team, democratic services): created on migrate, its
    members set by an administrator. `code` is fixed: the permissions modules use it."""

    code: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class DemoUser:
    """A demo sign-in `make demo` prints: one per role of the system."""

    username: str
    name: str
    role: str  # a core.User.Role value
    teams: tuple[str, ...] = ()
    what: str = ""  # what this person does, in a few words, printed beside the sign-in
    directorate: str = ""


@dataclass(frozen=True)
class Link:
    """One record of a system shown on another's page (an activity's budget line, contract, decision)."""

    text: str
    url: str = ""
    detail: str = ""  # a status or figure: "Tier 1, Do stage", "£1.2m overspend"


@dataclass(frozen=True)
class LinkGroup:
    """A system's records about one activity (or outcome, directorate, person), for the joined pages."""

    title: str
    links: tuple[Link, ...] = ()
    empty: str = "None recorded."
    more_url: str = ""


@dataclass(frozen=True)
class Scope:
    """A set of plan activities seen together on a joined page: an outcome's, a directorate's or a lead officer's.
    `activity_ids` are only those the reader may see (the site leaves out exempt activities for people not
    cleared)."""

    kind: str  # "outcome", "directorate" or "person"
    title: str
    activity_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class ExceptionItem:
    """Something needing the reader's attention, for the exceptions page and the opening of the quarterly pack:
    an activity not on track, a KPI below floor, a risk above target and rising, an overspend."""

    system: str  # the system's name as the reader knows it: "Monitoring", "Performance"
    what: str  # the record: "2.1 Deliver the bus strategy", "CS01 Children in need per 10,000"
    reason: str  # why it is shown: "delivery status red in 2019-20 Q2"
    link: str = ""


@dataclass(frozen=True)
class Quarter:
    """A quarter of the financial year the quarterly pack reports on: "2019-20 Q2", 1 July to 30 September 2019."""

    label: str
    start: object  # datetime.date
    end: object  # datetime.date


@dataclass(frozen=True)
class PackSection:
    """A system's section of the quarterly pack: its title, the data it reports on (`basis`, said in the section:
    the systems' data run to different dates) and its document blocks (councilplan.documents.model blocks; the
    foundation does not import documents, so they are typed loosely here). `order` places it in the pack."""

    title: str
    basis: str
    blocks: tuple = ()
    order: int = 100


class SystemConfig(AppConfig):
    """An app that is one system of the framework. Subclasses set what applies to them.

    In an app's apps.py, refer to it as `systems.SystemConfig` (import the module, not the class): Django takes
    the one AppConfig class an apps.py holds as the app's, and two would leave it with neither."""

    navigation: tuple[NavigationEntry, ...] = ()
    teams: tuple[TeamSpec, ...] = ()
    # Load this system's sample data (idempotent); returns a line to print. Run in `sample_order`.
    sample: str = ""
    sample_order: int = 100
    # The demo sign-ins for this system's roles: a sequence of DemoUser.
    demo_users: str = ""
    # (activity, user) -> list[LinkGroup]: what this system holds about a plan activity, for its joined page.
    activity_links: str = ""
    # (scope, user) -> list[LinkGroup]: the same for a set of activities (an outcome's, a directorate's, a lead
    # officer's), in a fixed number of queries however many activities the scope holds (one query over them all).
    scope_links: str = ""
    # (user) -> list[ExceptionItem]: what needs attention in this system (the /overview/ page and the quarterly pack's
    # opening), in a fixed number of queries; only what `user` may read.
    exceptions: str = ""
    # (quarter, user) -> list[PackSection]: this system's sections of the quarterly pack (councilplan.overview.pack);
    # `user` None for the public version, which must hold nothing exempt.
    pack_sections: str = ""
    # (now) -> str: send this system's reminders that are due; returns a line saying what was sent.
    reminders: str = ""
    # () -> list[Link]: what this system publishes on the public pages (no sign-in), for the public index.
    public_links: str = ""
    # (user) -> list[Link]: what needs this person's attention in this system, for the home page.
    home_links: str = ""

    def ready(self):
        if self.teams:
            post_migrate.connect(_create_teams, sender=self, dispatch_uid=f"teams-{self.label}")

    def hook(self, name: str) -> Callable | object | None:
        """The object a hook names, or None when the system has none."""
        target = getattr(self, name, "")
        if not target:
            return None
        module, _, attribute = target.partition(":")
        return getattr(import_module(f"{self.name}.{module}"), attribute)


def systems() -> list[SystemConfig]:
    """Every installed system, in INSTALLED_APPS order."""
    return [config for config in apps.get_app_configs() if isinstance(config, SystemConfig)]


def _create_teams(sender: SystemConfig, using: str = "default", **kwargs) -> None:
    from .models import Team  # not at the top: apps.py files import this module while models load

    for spec in sender.teams:
        Team.objects.using(using).get_or_create(
            code=spec.code, defaults={"name": spec.name, "description": spec.description}
        )
