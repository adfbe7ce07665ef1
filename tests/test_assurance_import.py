"""The projects import: atomic, naming every bad row, column and value; export → import gives back the same."""

import re

import pytest
from assurance_support import HOSTILE, make_world
from django.urls import reverse

from councilplan.assurance.exchange import import_projects
from councilplan.assurance.models import Project
from councilplan.core.exchange import ImportFailed

pytestmark = pytest.mark.django_db

HEADER = "Reference,Name,Portfolio,State,Current from,Stage,Theme,Forecast end,Forecast cost (£),Benefit kind\n"


def write(tmp_path, text, name="projects.csv"):
    path = tmp_path / name
    path.write_text(HEADER + text, encoding="utf-8")
    return path


def test_a_good_file_adds_and_updates(tmp_path):
    make_world()
    path = write(
        tmp_path,
        "NEW-1,Highways Term Maintenance,get,current,2017-05-01,Assessment,service_redesign,31/03/2019,"
        '"1,250,000.50",saving\n'
        "JW,Javelin Way Development,get,current,2017-02-01,plan,,2019-03-31,,tbc\n",
    )
    result = import_projects(path, user=None)
    assert (result.created, result.updated) == (1, 1)
    new = Project.objects.get(reference="NEW-1")
    assert new.stage == "analyse"  # the seed's alias
    assert new.cost == 125_000_050
    assert new.tier == "tbc"
    assert Project.objects.get(reference="JW").name == "Javelin Way Development"


def test_a_bad_file_names_every_problem_and_writes_nothing(tmp_path):
    make_world()
    before = Project.objects.count()
    path = write(
        tmp_path,
        "X1,,nowhere,current,,doing,colour,31/02/2019,lots,maybe\nX1,Again,get,completed,,,,,,\n",
    )
    with pytest.raises(ImportFailed) as failure:
        import_projects(path, user=None)
    messages = [str(e) for e in failure.value.errors]
    for column in ("Name", "Portfolio", "Stage", "Theme", "Forecast end", "Forecast cost (£)", "Benefit kind"):
        assert any(f"row 2, column {column}" in m for m in messages), column
    assert any("row 2, column Current from" in m for m in messages)
    assert any("row 3, column Reference" in m and "same reference as row 2" in m for m in messages)
    assert any("row 3, column State" in m for m in messages)
    assert Project.objects.count() == before


def test_unknown_and_missing_columns_are_refused(tmp_path):
    make_world()
    path = tmp_path / "p.csv"
    path.write_text("Reference,Colour\nA,red\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as failure:
        import_projects(path, user=None)
    text = str(failure.value)
    assert (
        "unknown column 'Colour'" in text and "missing column 'Name'" in text and "missing column 'Portfolio'" in text
    )


def test_export_then_import_gives_back_the_same(client, tmp_path):
    world = make_world()
    from councilplan.assurance import services

    services.update_project(world["project"], name=HOSTILE, milestones="Design – Nov 17", user=None)
    client.force_login(world["users"]["team"])
    for fmt in ("csv", "xlsx"):
        content = client.get(reverse("assurance:projects") + f"?download={fmt}").content
        path = tmp_path / f"export.{fmt}"
        path.write_bytes(content)
        result = import_projects(path, user=None)
        assert (result.created, result.updated) == (0, 2)
        project = Project.objects.get(pk=world["project"].pk)
        assert project.name == HOSTILE and project.cost == 600_000_000 and project.milestones == "Design – Nov 17"


def test_the_import_page_is_the_teams_and_shows_the_problems(client, tmp_path):
    world = make_world()
    client.force_login(world["users"]["pdm"])
    assert client.get(reverse("assurance:projects_import")).status_code == 403
    client.force_login(world["users"]["team"])
    with open(write(tmp_path, "X1,Name,nowhere,,,,,,,\n"), "rb") as upload:
        response = client.post(reverse("assurance:projects_import"), {"file": upload})
    assert response.status_code == 400
    # One table row per problem: row, column, value, what is wrong.
    page = response.content.decode()
    assert "What to fix in the file" in page
    cells = [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", page, re.S)]
    assert any(cells[i : i + 3] == ["2", "Portfolio", "nowhere"] for i in range(len(cells))), cells
