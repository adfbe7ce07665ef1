from django.db import migrations


def load_defaults(apps, schema_editor):
    from councilplan.analysis.vocabulary import DEFAULTS

    Term = apps.get_model("core", "VocabularyTerm")
    for vocabulary, terms in DEFAULTS.items():
        for order, (code, label, group) in enumerate(terms):
            Term.objects.get_or_create(
                vocabulary=vocabulary, code=code, defaults={"label": label, "group": group, "order": order}
            )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load_defaults, migrations.RunPython.noop)]
