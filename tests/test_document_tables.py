"""A document table's header never has an empty header cell (axe: empty-table-header), on a page or in the file."""

import re

from councilplan.documents.formats import render
from councilplan.documents.model import Document, Table


def test_an_empty_top_left_cell_is_not_a_header_cell():
    table = Table("Budget", ("", "Cash limit £m", "Variance £m"), (("Adults", 10, -1),), numeric=frozenset({1, 2}))
    html = render(Document("Budget", (table,), "budget"), "html").decode()
    assert not re.search(r"<th[^>]*>\s*</th>", html)
    assert re.search(r'<td class="govuk-table__header">\s*</td><th scope="col"', html)
    assert ">Cash limit £m</th>" in html
