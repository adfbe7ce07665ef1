from django.core.management.base import BaseCommand

from councilplan.sample.demo import create_demo_users


class Command(BaseCommand):
    help = "Create one demo sign-in per role with a fresh random password, and print them. For demos only."

    def handle(self, *args, **options):
        self.stdout.write("Demo sign-ins (new passwords each time this runs):")
        for demo, password in create_demo_users():
            what = f"  ({demo.what})" if demo.what else ""
            self.stdout.write(f"  {demo.role:<14} username {demo.username:<16} password {password}{what}")
