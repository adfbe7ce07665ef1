"""KCC's risk scale (seed 004): Low 1–6, Medium 8–15, High 16–25, and the likelihood and impact words.
Level 1's words are not in the seed; they are chosen (councilplan/risks/sample/README.md)."""

from django.db import migrations

BANDS = [("low", "Low", 1, 6), ("medium", "Medium", 8, 15), ("high", "High", 16, 25)]
LABELS = {
    "likelihood": ["Very unlikely", "Unlikely", "Possible", "Likely", "Very Likely"],
    "impact": ["Minor", "Moderate", "Significant", "Serious", "Major"],
}


def add_scale(apps, schema_editor):
    RiskScale = apps.get_model("risks", "RiskScale")
    RiskBand = apps.get_model("risks", "RiskBand")
    ScoreLabel = apps.get_model("risks", "ScoreLabel")
    if RiskScale.objects.exists():
        return
    scale = RiskScale.objects.create(name="Risk scale")
    for code, label, lowest, highest in BANDS:
        RiskBand.objects.create(scale=scale, code=code, label=label, lowest=lowest, highest=highest)
    for axis, words in LABELS.items():
        for value, label in enumerate(words, start=1):
            ScoreLabel.objects.create(scale=scale, axis=axis, value=value, label=label)


class Migration(migrations.Migration):
    dependencies = [("risks", "0001_initial")]

    operations = [migrations.RunPython(add_scale, migrations.RunPython.noop)]
