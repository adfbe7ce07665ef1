"""An uploaded import is written where an importer can read it, under the user's own file name, and removed after."""

from django.core.files.uploadedfile import SimpleUploadedFile

from councilplan.core.uploads import upload_on_disk


def test_the_upload_is_on_disk_under_its_own_name_while_imported_and_removed_after():
    upload = SimpleUploadedFile("Q2 results.CSV", b"code,value\nCS05,97\n" * 5000)
    with upload_on_disk(upload) as path:
        # The name the importers' errors print is the user's; the extension is lower case, which they go by.
        assert path.name == "Q2 results.csv"
        assert path.read_bytes() == b"code,value\nCS05,97\n" * 5000
    assert not path.exists() and not path.parent.exists()


def test_a_path_in_the_name_does_not_leave_the_temporary_folder():
    upload = SimpleUploadedFile("x.csv", b"a\n")
    upload.name = "../../etc/passwd.csv"  # Django strips this itself; the helper does not rely on it
    with upload_on_disk(upload) as path:
        assert path.name == "passwd.csv" and path.parent.name.startswith("councilplan-import-")


def test_a_long_name_is_shortened_and_a_bare_extension_named_import():
    with upload_on_disk(SimpleUploadedFile("r" * 300 + ".xlsx", b"PK")) as path:
        assert path.name == "r" * 80 + ".xlsx"
    with upload_on_disk(SimpleUploadedFile(".CSV", b"a\n")) as path:
        assert path.name == "import.csv"


def test_an_import_page_lists_the_first_500_problems_and_counts_the_rest():
    from councilplan.core.exchange import RowError
    from councilplan.core.uploads import import_problems

    errors = [RowError("r.csv", row, "value", "x", "is wrong") for row in range(2, 2 + 503)]
    shown = import_problems(errors)
    assert len(shown["errors"]) == 500 and shown["errors"][-1].row == 501 and shown["more"] == 3
    assert import_problems(errors[:2]) == {"errors": errors[:2], "more": 0}


def test_every_import_page_says_the_same_words_when_nothing_was_imported():
    from councilplan.core.exchange import ImportFailed, RowError
    from councilplan.core.uploads import refused

    one = [RowError("r.csv", 2, "value", "x", "is wrong")]
    assert refused(one) == "Nothing was imported: 1 problem found, listed below."
    assert refused(one * 1234) == "Nothing was imported: 1,234 problems found, listed below."
    assert str(ImportFailed(one * 2)).startswith("Nothing was imported: 2 problems found.\n")
