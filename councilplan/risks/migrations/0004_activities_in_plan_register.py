import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """The plan register moved from `planning` to its own app `plan`: point this app's links at `plan`."""


    dependencies = [
        ('plan', '0001_initial'),
        ('risks', '0003_exempt_information'),
    ]

    operations = [
        # State only: the tables stay as they are (councilplan/plan/migrations/0002 renames them).
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='historicalrisk_activities',
                    name='activity',
                    field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plan.activity'),
                ),
                migrations.AlterField(
                    model_name='risk',
                    name='activities',
                    field=models.ManyToManyField(blank=True, related_name='risks', to='plan.activity'),
                ),
            ],
        ),
    ]
