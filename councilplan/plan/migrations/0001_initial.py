import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    """The plan register, taken over from the `planning` app where it began: its tables already exist, under their old names."""


    initial = True

    dependencies = [
        ('core', '0005_exempt_information'),
        ('planning', '0003_exempt_information'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # State only: the tables exist already (made by planning's 0001 and 0003); 0002 renames them.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Plan',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, unique=True)),
                        ('description', models.TextField(blank=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('published', models.BooleanField(default=False, help_text="Show the plan's summary on the public page (no sign-in).", verbose_name='summary published')),
                    ],
                    options={
                        'db_table': 'planning_plan',
                        'ordering': ['-created_at', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='Activity',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('ref', models.CharField(max_length=20, verbose_name='activity number')),
                        ('sort_key', models.PositiveIntegerField(default=0, editable=False)),
                        ('title', models.CharField(max_length=500)),
                        ('activity_type', models.SlugField(max_length=60)),
                        ('start_date', models.DateField(blank=True, null=True)),
                        ('end_date', models.DateField(verbose_name='original end date')),
                        ('description', models.TextField(blank=True)),
                        ('exempt', models.BooleanField(default=False, help_text='Exempt information (Local Government Act 1972, Schedule 12A): shown only to people cleared for it, and left out of anything published to the public.')),
                        ('colleagues', models.ManyToManyField(blank=True, help_text="Nominated colleagues who may also complete this activity's returns.", related_name='nominated_activities', to=settings.AUTH_USER_MODEL)),
                        ('directorate', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to='core.directorate')),
                        ('lead_officer', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='led_activities', to=settings.AUTH_USER_MODEL)),
                        ('outcome', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='activities', to='core.outcome')),
                        ('plan', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='activities', to='plan.plan')),
                    ],
                    options={
                        'db_table': 'planning_activity',
                        'verbose_name_plural': 'activities',
                        'ordering': ['plan', 'sort_key', 'ref'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalActivity',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('ref', models.CharField(max_length=20, verbose_name='activity number')),
                        ('sort_key', models.PositiveIntegerField(default=0, editable=False)),
                        ('title', models.CharField(max_length=500)),
                        ('activity_type', models.SlugField(max_length=60)),
                        ('start_date', models.DateField(blank=True, null=True)),
                        ('end_date', models.DateField(verbose_name='original end date')),
                        ('description', models.TextField(blank=True)),
                        ('exempt', models.BooleanField(default=False, help_text='Exempt information (Local Government Act 1972, Schedule 12A): shown only to people cleared for it, and left out of anything published to the public.')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('directorate', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='core.directorate')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('lead_officer', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('outcome', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='core.outcome')),
                        ('plan', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plan.plan')),
                    ],
                    options={
                        'db_table': 'planning_historicalactivity',
                        'verbose_name': 'historical activity',
                        'verbose_name_plural': 'historical activities',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalActivity_colleagues',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('activity', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plan.activity')),
                        ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='plan.historicalactivity')),
                        ('user', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'planning_historicalactivity_colleagues',
                        'verbose_name': 'HistoricalActivity_colleagues',
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalPlan',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('name', models.CharField(db_index=True, max_length=200)),
                        ('description', models.TextField(blank=True)),
                        ('created_at', models.DateTimeField(blank=True, editable=False)),
                        ('published', models.BooleanField(default=False, help_text="Show the plan's summary on the public page (no sign-in).", verbose_name='summary published')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'planning_historicalplan',
                        'verbose_name': 'historical plan',
                        'verbose_name_plural': 'historical plans',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.AddConstraint(
                    model_name='activity',
                    constraint=models.UniqueConstraint(fields=('plan', 'ref'), name='unique_activity_ref_in_plan'),
                ),
            ],
        ),
    ]
