import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """The plan register moved from `planning` to its own app `plan`: point this app's links at `plan`."""


    dependencies = [
        ('monitoring', '0002_reminder'),
        ('plan', '0001_initial'),
    ]

    operations = [
        # State only: the tables stay as they are (councilplan/plan/migrations/0002 renames them).
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='historicalreturn',
                    name='activity',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plan.activity'),
                ),
                migrations.AlterField(
                    model_name='historicalround',
                    name='plan',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plan.plan'),
                ),
                migrations.AlterField(
                    model_name='return',
                    name='activity',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='returns', to='plan.activity'),
                ),
                migrations.AlterField(
                    model_name='round',
                    name='plan',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rounds', to='plan.plan'),
                ),
            ],
        ),
    ]
