from django.db import migrations, models


def published_rounds_stay_public(apps, schema_editor):
    """Until now publishing a round also put its report on the public pages: keep what was public, public."""
    Round = apps.get_model("monitoring", "Round")
    Round.objects.using(schema_editor.connection.alias).filter(state="published").update(public=True)


class Migration(migrations.Migration):
    """Publishing to members and publishing to the public become two steps (issue 12)."""

    dependencies = [
        ('monitoring', '0003_activities_in_plan_register'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalround',
            name='public',
            field=models.BooleanField(default=False, help_text='Its report is on the public pages, without sign-in.', verbose_name='published to the public'),
        ),
        migrations.AddField(
            model_name='round',
            name='public',
            field=models.BooleanField(default=False, help_text='Its report is on the public pages, without sign-in.', verbose_name='published to the public'),
        ),
        migrations.RunPython(published_rounds_stay_public, migrations.RunPython.noop),
    ]
