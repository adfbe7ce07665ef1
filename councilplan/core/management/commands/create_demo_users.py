import secrets

from django.core.management.base import BaseCommand
from django.db import transaction

from councilplan.core.models import User
from councilplan.plan.models import Activity

DEMO_USERS = [
    ("lead", "Demo Lead Officer", User.Role.LEAD_OFFICER),
    ("corporate", "Demo Corporate Policy Officer", User.Role.CORPORATE),
    ("viewer", "Demo Member (viewer)", User.Role.VIEWER),
    ("admin", "Demo Administrator", User.Role.ADMINISTRATOR),
]


class Command(BaseCommand):
    help = "Create one demo sign-in per role with a fresh random password, and print them. For demos only."

    @transaction.atomic
    def handle(self, *args, **options):
        self.stdout.write("Demo sign-ins (new passwords each time this runs):")
        for username, name, role in DEMO_USERS:
            user, _ = User.objects.get_or_create(username=username, defaults={"name": name, "role": role})
            user.name, user.role, user.email = name, role, f"{username}@demo.invalid"
            user.is_staff = role == User.Role.ADMINISTRATOR
            password = secrets.token_urlsafe(9)
            user.set_password(password)
            user.save()
            self.stdout.write(f"  {role:<14} username {username:<10} password {password}")
        # The demo lead officer is a nominated colleague on the first outcome's activities.
        lead = User.objects.get(username="lead")
        first = Activity.objects.order_by("outcome__order", "sort_key").first()
        if first is not None:
            for activity in Activity.objects.filter(plan=first.plan, outcome=first.outcome):
                activity.colleagues.add(lead)
