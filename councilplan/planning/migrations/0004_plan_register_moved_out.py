import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """The plan register (plans, activities and their history) moved to its own app `plan`: the planning cycle's links point there, and the models leave this app's state."""


    dependencies = [
        ('monitoring', '0003_activities_in_plan_register'),
        ('performance', '0002_activities_in_plan_register'),
        ('plan', '0001_initial'),
        ('planning', '0003_exempt_information'),
        ('risks', '0004_activities_in_plan_register'),
    ]

    operations = [
        # State only: the tables stay as they are (councilplan/plan/migrations/0002 renames them).
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='submission',
                    name='activity',
                    field=models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='submission', to='plan.activity'),
                ),
                migrations.AlterField(
                    model_name='submission',
                    name='carried_from',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='carried_into', to='plan.activity'),
                ),
                migrations.AlterField(
                    model_name='historicalsubmission',
                    name='activity',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plan.activity'),
                ),
                migrations.AlterField(
                    model_name='historicalsubmission',
                    name='carried_from',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plan.activity'),
                ),
                migrations.RemoveField(
                    model_name='historicalactivity_colleagues',
                    name='activity',
                ),
                migrations.RemoveField(
                    model_name='historicalactivity',
                    name='directorate',
                ),
                migrations.RemoveField(
                    model_name='historicalactivity',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalactivity',
                    name='lead_officer',
                ),
                migrations.RemoveField(
                    model_name='historicalactivity',
                    name='outcome',
                ),
                migrations.RemoveField(
                    model_name='historicalactivity',
                    name='plan',
                ),
                migrations.RemoveField(
                    model_name='historicalactivity_colleagues',
                    name='history',
                ),
                migrations.RemoveField(
                    model_name='historicalactivity_colleagues',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='historicalplan',
                    name='history_user',
                ),
                migrations.AlterField(
                    model_name='historicalplanningcycle',
                    name='plan',
                    field=models.ForeignKey(blank=True, db_constraint=False, help_text='Set on confirming.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plan.plan'),
                ),
                migrations.AlterField(
                    model_name='planningcycle',
                    name='plan',
                    field=models.ForeignKey(blank=True, help_text='Set on confirming.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='cycles', to='plan.plan'),
                ),
                migrations.AlterField(
                    model_name='planningcycle',
                    name='carried_from',
                    field=models.ForeignKey(blank=True, help_text='The plan whose activities this cycle started from (rolling three-year plan).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='carried_into', to='plan.plan'),
                ),
                migrations.AlterField(
                    model_name='historicalplanningcycle',
                    name='carried_from',
                    field=models.ForeignKey(blank=True, db_constraint=False, help_text='The plan whose activities this cycle started from (rolling three-year plan).', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plan.plan'),
                ),
                migrations.DeleteModel(
                    name='Activity',
                ),
                migrations.DeleteModel(
                    name='HistoricalActivity',
                ),
                migrations.DeleteModel(
                    name='HistoricalActivity_colleagues',
                ),
                migrations.DeleteModel(
                    name='HistoricalPlan',
                ),
                migrations.DeleteModel(
                    name='Plan',
                ),
            ],
        ),
    ]
