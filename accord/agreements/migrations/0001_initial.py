# Agreements, their parties, signatories, quotas, documents and reminder log.

import accord.agreements.models.agreements
import accord.agreements.models.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('mobility', '0001_initial'),
        ('registry', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Agreement',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=300, verbose_name='title')),
                ('kind', models.CharField(choices=[('framework', 'Framework MoU'), ('student_exchange', 'Student exchange'), ('staff_exchange', 'Staff exchange'), ('joint_training', 'Joint training / dual degree'), ('joint_institution', 'Joint institution'), ('research', 'Research cooperation'), ('fund', 'Fund'), ('other', 'Other')], db_index=True, default='framework', max_length=20, verbose_name='kind')),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('under_negotiation', 'Under negotiation'), ('signed', 'Signed'), ('active', 'Active'), ('expiring', 'Expiring'), ('expired', 'Expired'), ('terminated', 'Terminated'), ('renewed', 'Renewed'), ('abandoned', 'Abandoned')], db_index=True, default='draft', max_length=20, verbose_name='status')),
                ('signed_on', models.DateField(blank=True, null=True, verbose_name='signed on')),
                ('signed_precision', models.CharField(choices=[('day', 'Day'), ('month', 'Month'), ('year', 'Year')], default='day', help_text='When only the year is known, enter 1 January of that year and choose Year.', max_length=5, verbose_name='signing date known to the')),
                ('signing_mode', models.CharField(blank=True, choices=[('in_person', 'In person'), ('online', 'Online / video link'), ('exchange', 'Exchange of documents')], max_length=12, verbose_name='signing mode')),
                ('valid_from', models.DateField(blank=True, null=True, verbose_name='valid from')),
                ('valid_until', models.DateField(blank=True, help_text='Empty: open-ended.', null=True, verbose_name='valid until')),
                ('auto_renew', models.BooleanField(default=False, verbose_name='renews automatically')),
                ('renewal_notice_days', models.PositiveSmallIntegerField(default=90, help_text='The owner is reminded this many days before expiry.', verbose_name='notice period (days)')),
                ('subject_areas', models.JSONField(blank=True, default=list, help_text='ISCED-F 2013 codes', validators=[accord.agreements.models.validators.validate_isced_codes], verbose_name='subject areas')),
                ('notes', models.TextField(blank=True, verbose_name='notes')),
                ('is_public', models.BooleanField(default=False, verbose_name='public')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('created', models.DateTimeField(auto_now_add=True)),
                ('updated', models.DateTimeField(auto_now=True)),
                ('faculty', models.ForeignKey(blank=True, help_text='Empty: university level.', limit_choices_to=accord.agreements.models.agreements.home_units, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='owned_agreements', to='registry.institution', verbose_name='owning faculty')),
                ('owner', models.ForeignKey(blank=True, help_text='The person reminded before expiry.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='agreements_owned', to=settings.AUTH_USER_MODEL, verbose_name='owner')),
                ('renews', models.ForeignKey(blank=True, help_text='The earlier agreement this one renews.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='renewed_by', to='agreements.agreement', verbose_name='renews')),
            ],
            options={
                'ordering': ['-signed_on', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='AgreementParty',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('home', 'Home'), ('partner', 'Partner'), ('coordinator', 'Coordinator'), ('associate', 'Associate')], default='partner', max_length=12, verbose_name='role')),
                ('agreement', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='parties', to='agreements.agreement')),
                ('institution', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='agreement_parties', to='registry.institution', verbose_name='institution')),
            ],
            options={
                'verbose_name_plural': 'agreement parties',
                'ordering': ['pk'],
            },
        ),
        migrations.CreateModel(
            name='Document',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('file', models.FileField(upload_to='agreements/%Y/')),
                ('original_name', models.CharField(max_length=255, verbose_name='original name')),
                ('content_type', models.CharField(max_length=100)),
                ('size', models.PositiveIntegerField()),
                ('description', models.CharField(blank=True, max_length=200, verbose_name='description')),
                ('uploaded_at', models.DateTimeField(auto_now_add=True)),
                ('agreement', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='documents', to='agreements.agreement')),
                ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-uploaded_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalAgreement',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('title', models.CharField(max_length=300, verbose_name='title')),
                ('kind', models.CharField(choices=[('framework', 'Framework MoU'), ('student_exchange', 'Student exchange'), ('staff_exchange', 'Staff exchange'), ('joint_training', 'Joint training / dual degree'), ('joint_institution', 'Joint institution'), ('research', 'Research cooperation'), ('fund', 'Fund'), ('other', 'Other')], db_index=True, default='framework', max_length=20, verbose_name='kind')),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('under_negotiation', 'Under negotiation'), ('signed', 'Signed'), ('active', 'Active'), ('expiring', 'Expiring'), ('expired', 'Expired'), ('terminated', 'Terminated'), ('renewed', 'Renewed'), ('abandoned', 'Abandoned')], db_index=True, default='draft', max_length=20, verbose_name='status')),
                ('signed_on', models.DateField(blank=True, null=True, verbose_name='signed on')),
                ('signed_precision', models.CharField(choices=[('day', 'Day'), ('month', 'Month'), ('year', 'Year')], default='day', help_text='When only the year is known, enter 1 January of that year and choose Year.', max_length=5, verbose_name='signing date known to the')),
                ('signing_mode', models.CharField(blank=True, choices=[('in_person', 'In person'), ('online', 'Online / video link'), ('exchange', 'Exchange of documents')], max_length=12, verbose_name='signing mode')),
                ('valid_from', models.DateField(blank=True, null=True, verbose_name='valid from')),
                ('valid_until', models.DateField(blank=True, help_text='Empty: open-ended.', null=True, verbose_name='valid until')),
                ('auto_renew', models.BooleanField(default=False, verbose_name='renews automatically')),
                ('renewal_notice_days', models.PositiveSmallIntegerField(default=90, help_text='The owner is reminded this many days before expiry.', verbose_name='notice period (days)')),
                ('subject_areas', models.JSONField(blank=True, default=list, help_text='ISCED-F 2013 codes', validators=[accord.agreements.models.validators.validate_isced_codes], verbose_name='subject areas')),
                ('notes', models.TextField(blank=True, verbose_name='notes')),
                ('is_public', models.BooleanField(default=False, verbose_name='public')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('created', models.DateTimeField(blank=True, editable=False)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('faculty', models.ForeignKey(blank=True, db_constraint=False, help_text='Empty: university level.', limit_choices_to=accord.agreements.models.agreements.home_units, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='registry.institution', verbose_name='owning faculty')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('owner', models.ForeignKey(blank=True, db_constraint=False, help_text='The person reminded before expiry.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='owner')),
                ('renews', models.ForeignKey(blank=True, db_constraint=False, help_text='The earlier agreement this one renews.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='agreements.agreement', verbose_name='renews')),
            ],
            options={
                'verbose_name': 'historical agreement',
                'verbose_name_plural': 'historical agreements',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalAgreementParty',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('role', models.CharField(choices=[('home', 'Home'), ('partner', 'Partner'), ('coordinator', 'Coordinator'), ('associate', 'Associate')], default='partner', max_length=12, verbose_name='role')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('agreement', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='agreements.agreement')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('institution', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='registry.institution', verbose_name='institution')),
            ],
            options={
                'verbose_name': 'historical agreement party',
                'verbose_name_plural': 'historical agreement parties',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalDocument',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('file', models.TextField(max_length=100)),
                ('original_name', models.CharField(max_length=255, verbose_name='original name')),
                ('content_type', models.CharField(max_length=100)),
                ('size', models.PositiveIntegerField()),
                ('description', models.CharField(blank=True, max_length=200, verbose_name='description')),
                ('uploaded_at', models.DateTimeField(blank=True, editable=False)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('agreement', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='agreements.agreement')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('uploaded_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical document',
                'verbose_name_plural': 'historical documents',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalQuota',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('academic_year', models.CharField(help_text='e.g. 2025/26', max_length=7, validators=[accord.agreements.models.validators.validate_academic_year], verbose_name='academic year')),
                ('direction', models.CharField(choices=[('incoming', 'Incoming'), ('outgoing', 'Outgoing')], max_length=8, verbose_name='direction')),
                ('mobility_type', models.CharField(choices=[('student_studies', 'Student studies'), ('student_traineeship', 'Student traineeship'), ('staff_teaching', 'Staff teaching'), ('staff_training', 'Staff training')], max_length=20, verbose_name='mobility type')),
                ('count', models.PositiveSmallIntegerField(verbose_name='people per year')),
                ('duration', models.DecimalField(blank=True, decimal_places=1, help_text='Months for students, days for staff.', max_digits=5, null=True, verbose_name='duration per person')),
                ('isced_code', models.CharField(blank=True, max_length=4, validators=[accord.agreements.models.validators.validate_isced_code], verbose_name='ISCED-F code')),
                ('eqf_level', models.PositiveSmallIntegerField(blank=True, choices=[(5, 'EQF 5 — short cycle'), (6, 'EQF 6 — bachelor'), (7, 'EQF 7 — master'), (8, 'EQF 8 — doctorate')], null=True, verbose_name='EQF level')),
                ('language', models.CharField(blank=True, help_text='ISO 639-1, e.g. en', max_length=3, verbose_name='language')),
                ('cefr_level', models.CharField(blank=True, choices=[('A1', 'A1'), ('A2', 'A2'), ('B1', 'B1'), ('B2', 'B2'), ('C1', 'C1'), ('C2', 'C2')], max_length=2, verbose_name='CEFR level')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('agreement', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='agreements.agreement')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical quota',
                'verbose_name_plural': 'historical quotas',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalSignatory',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('title', models.CharField(blank=True, max_length=200, verbose_name='title at signing')),
                ('signed_on', models.DateField(blank=True, null=True, verbose_name='signed on')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('agreement', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='agreements.agreement')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('institution', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='registry.institution', verbose_name='signed for')),
                ('person', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='mobility.person', verbose_name='person')),
            ],
            options={
                'verbose_name': 'historical signatory',
                'verbose_name_plural': 'historical signatories',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Quota',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('academic_year', models.CharField(help_text='e.g. 2025/26', max_length=7, validators=[accord.agreements.models.validators.validate_academic_year], verbose_name='academic year')),
                ('direction', models.CharField(choices=[('incoming', 'Incoming'), ('outgoing', 'Outgoing')], max_length=8, verbose_name='direction')),
                ('mobility_type', models.CharField(choices=[('student_studies', 'Student studies'), ('student_traineeship', 'Student traineeship'), ('staff_teaching', 'Staff teaching'), ('staff_training', 'Staff training')], max_length=20, verbose_name='mobility type')),
                ('count', models.PositiveSmallIntegerField(verbose_name='people per year')),
                ('duration', models.DecimalField(blank=True, decimal_places=1, help_text='Months for students, days for staff.', max_digits=5, null=True, verbose_name='duration per person')),
                ('isced_code', models.CharField(blank=True, max_length=4, validators=[accord.agreements.models.validators.validate_isced_code], verbose_name='ISCED-F code')),
                ('eqf_level', models.PositiveSmallIntegerField(blank=True, choices=[(5, 'EQF 5 — short cycle'), (6, 'EQF 6 — bachelor'), (7, 'EQF 7 — master'), (8, 'EQF 8 — doctorate')], null=True, verbose_name='EQF level')),
                ('language', models.CharField(blank=True, help_text='ISO 639-1, e.g. en', max_length=3, verbose_name='language')),
                ('cefr_level', models.CharField(blank=True, choices=[('A1', 'A1'), ('A2', 'A2'), ('B1', 'B1'), ('B2', 'B2'), ('C1', 'C1'), ('C2', 'C2')], max_length=2, verbose_name='CEFR level')),
                ('agreement', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='quotas', to='agreements.agreement')),
            ],
            options={
                'ordering': ['academic_year', 'direction', 'mobility_type', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='ReminderSent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('source', models.CharField(max_length=40)),
                ('day', models.DateField()),
                ('subject', models.CharField(max_length=300)),
                ('sent_at', models.DateTimeField(auto_now_add=True)),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.CreateModel(
            name='Signatory',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(blank=True, max_length=200, verbose_name='title at signing')),
                ('signed_on', models.DateField(blank=True, null=True, verbose_name='signed on')),
                ('agreement', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='signatories', to='agreements.agreement')),
                ('institution', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='registry.institution', verbose_name='signed for')),
                ('person', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='signatures', to='mobility.person', verbose_name='person')),
            ],
            options={
                'verbose_name_plural': 'signatories',
                'ordering': ['pk'],
            },
        ),
        migrations.AddConstraint(
            model_name='agreement',
            constraint=models.CheckConstraint(condition=models.Q(('valid_until__isnull', True), ('valid_from__isnull', True), ('valid_until__gte', models.F('valid_from')), _connector='OR'), name='agreement_ends_after_it_starts'),
        ),
        migrations.AddConstraint(
            model_name='agreementparty',
            constraint=models.UniqueConstraint(fields=('agreement', 'institution'), name='one_party_per_institution'),
        ),
        migrations.AddConstraint(
            model_name='remindersent',
            constraint=models.UniqueConstraint(fields=('user', 'source', 'day'), name='one_reminder_per_day'),
        ),
    ]
