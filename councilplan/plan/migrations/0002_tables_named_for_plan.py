from django.db import migrations

MOVED = ["plan", "activity", "historicalplan", "historicalactivity", "historicalactivity_colleagues"]


def content_types_to_plan(apps, schema_editor):
    """Keep each moved model's content type (and so its permissions and admin log entries): relabel it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    ContentType.objects.using(db).filter(app_label="plan", model__in=MOVED).delete()  # none, unless made since
    ContentType.objects.using(db).filter(app_label="planning", model__in=MOVED).update(app_label="plan")


def content_types_to_planning(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    ContentType.objects.using(db).filter(app_label="plan", model__in=MOVED).update(app_label="planning")


class Migration(migrations.Migration):
    """The plan register's tables take their app's name (planning_activity becomes plan_activity, and so on)."""

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("plan", "0001_initial"),
        ("planning", "0004_plan_register_moved_out"),
    ]

    operations = [
        migrations.AlterModelTable(name="plan", table=None),
        migrations.AlterModelTable(name="activity", table=None),
        migrations.AlterModelTable(name="historicalplan", table=None),
        migrations.AlterModelTable(name="historicalactivity", table=None),
        migrations.AlterModelTable(name="historicalactivity_colleagues", table=None),
        migrations.RunPython(content_types_to_plan, content_types_to_planning),
    ]
