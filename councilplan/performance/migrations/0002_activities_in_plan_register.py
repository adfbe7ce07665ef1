import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """The plan register moved from `planning` to its own app `plan`: point this app's links at `plan`."""


    dependencies = [
        ('performance', '0001_initial'),
        ('plan', '0001_initial'),
    ]

    operations = [
        # State only: the tables stay as they are (councilplan/plan/migrations/0002 renames them).
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='historicalindicator_activities',
                    name='activity',
                    field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plan.activity'),
                ),
                migrations.AlterField(
                    model_name='indicator',
                    name='activities',
                    field=models.ManyToManyField(blank=True, help_text='Plan activities this KPI measures.', related_name='indicators', to='plan.activity'),
                ),
            ],
        ),
    ]
