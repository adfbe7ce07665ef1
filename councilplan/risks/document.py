"""The register document, in the one document model (`councilplan.documents`), so that its renderers make
its HTML, PDF, Word and Excel files; and its JSON (issue 7's format, as the document's data).

Layout after the Corporate Risk Register KCC presented to Cabinet on 11 December 2017 (seed 004): the summary
risk profile (counts by level, then code, title, current and target rating and direction of travel), the 5×5
heat maps of current and target positions, the actions by planned date and status, then a page per risk:
rating, causes, event, consequences, owners, cabinet members, controls, actions, linked activities, moves
and reviews. Words only: every figure comes from `councilplan.analysis.risk`.
"""

from __future__ import annotations

import datetime as dt
import re

from councilplan.analysis.risk import LEVELS, RegisterFigures, Scale, actions_due
from councilplan.documents import formats, jobs
from councilplan.documents.formats import CONTENT_TYPES, FORMAT_NAMES
from councilplan.documents.model import (
    Block,
    BulletList,
    Chart,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Run,
    Series,
    Table,
)
from councilplan.documents.words import para

from .selectors import RegisterData, RiskRecord

DIRECTION_KEY = (
    "Direction of travel since the previous review: ↓ the risk score fell (the risk reduced); ↔ the score is "
    "unchanged; ↑ the risk score rose (the risk increased); ** the risk's context changed, so its score is not "
    "compared; NEW a new risk. In a risk register ↓ is good news; in the KPI report ↓ means performance worsened."
)
RATINGS_NOTE = (
    "The 'current' risk rating refers to the current level of risk taking into account any mitigating controls "
    "already in place. The 'target residual' rating represents what is deemed to be a realistic level of risk "
    "to be achieved once any additional actions have been put in place. On some occasions the aim will be to "
    "contain risk at current level."
)


def _date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _paragraphs(text: str) -> list[Paragraph]:
    return [Paragraph((Run(line.strip()),)) for line in text.splitlines() if line.strip()]


def _bullets(items) -> BulletList:
    return BulletList(tuple(Paragraph((Run(item),)) for item in items))


def bands_text(scale: Scale) -> str:
    """ "Low = 1–6, Medium = 8–15, High = 16–25", as the seed prints the key."""
    return ", ".join(f"{band.label} = {band.range_text}" for band in scale.bands)


def heat_map_table(cells: dict[tuple[int, int], tuple[str, ...]], scale: Scale, caption: str, sheet: str) -> Table:
    """The 5×5 grid as a table: a row per likelihood (most likely first), a column per impact, the risk
    codes in each cell. Row and column headers name the levels, so it reads without colour."""
    header = ("Likelihood", *(f"Impact {i} {scale.impact_labels.get(i, '')}".strip() for i in LEVELS))
    rows = tuple(
        (
            f"{lk} {scale.likelihood_labels.get(lk, '')}".strip(),
            *(", ".join(cells[(lk, im)]) for im in LEVELS),
        )
        for lk in reversed(LEVELS)
    )
    return Table(caption, header, rows, sheet=sheet, row_headers=True)


def counts_table(figures: RegisterFigures, scale: Scale, sheet: str = "Summary") -> Table:
    return Table(
        "Number of risks in each risk level",
        ("Risk level", *(f"{band.label} risk" for band in scale.bands)),  # no empty header cell (axe)
        (
            ("Current risk level", *(figures.current_counts[b.code] for b in scale.bands)),
            ("Target risk level", *(figures.target_counts[b.code] for b in scale.bands)),
        ),
        numeric=frozenset(range(1, len(scale.bands) + 1)),
        sheet=sheet,
        row_headers=True,
    )


def levels_chart(figures: RegisterFigures, scale: Scale) -> Chart:
    labels = tuple(band.label for band in scale.bands)
    current = tuple(figures.current_counts[b.code] for b in scale.bands)
    target = tuple(figures.target_counts[b.code] for b in scale.bands)
    alt = "Risks by level. " + "; ".join(
        f"{label}: {c} current, {t} target" for label, c, t in zip(labels, current, target, strict=True)
    )
    return Chart(
        key="risk-levels",
        title="Risks by level, current and target",
        categories=labels,
        series=(Series("Current", current, "current"), Series("Target", target, "other")),
        alt=alt,
        table=Table(
            "Risks by level, current and target",
            ("Risk level", "Current", "Target"),
            tuple((label, c, t) for label, c, t in zip(labels, current, target, strict=True)),
            numeric=frozenset({1, 2}),
            sheet="Summary",
            row_headers=True,
        ),
        value_label="Risks",
    )


def actions_table(data: RegisterData) -> Table | None:
    """Actions by the month they are due (the exact date, else the month the planned date names)."""
    points = [action.point() for risk in data.risks for action in risk.actions]
    if not points:
        return None
    month_ends = sorted({p.due.replace(day=1) for p in points if p.due})
    periods = []
    for first in month_ends:
        following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        periods.append((first.strftime("%B %Y"), following - dt.timedelta(days=1)))
    rows = [row for row in actions_due(points, periods) if row.total]
    return Table(
        "Mitigating actions by planned completion date and status",
        ("Due for completion", "Completed / closed", "Outstanding or partially complete", "Regular review", "Total"),
        tuple(
            (row.label, row.counts["completed"], row.counts["outstanding"], row.counts["regular_review"], row.total)
            for row in rows
        ),
        numeric=frozenset({1, 2, 3, 4}),
        sheet="Actions",
        row_headers=True,
    )


def rating_text(likelihood: int, impact: int, scale: Scale) -> str:
    value = likelihood * impact
    return f"{value} {scale.band(value).label}"


def risk_blocks(risk: RiskRecord, figures: RegisterFigures | None, scale: Scale) -> list[Block]:
    """One risk's page."""
    sheet = risk.code[:31]
    blocks: list[Block] = [Heading(f"{risk.code} {risk.title}", 2, _slug(risk.code))]
    where = f"{risk.register} ({risk.level_label} level)"
    if risk.withdrawn:
        where = f"Withdrawn; last on {where}"
    blocks.append(para("Register: ", Run(where, bold=True), f". Last reviewed {_date(risk.last_reviewed_on)}."))
    blocks.append(
        Table(
            f"{risk.code} risk rating",
            ("Rating", "Likelihood", "Impact", "Score", "Risk level"),
            tuple(
                (name, scale.likelihood(lk), scale.impact(im), lk * im, scale.band(lk * im).label)
                for name, lk, im in (
                    ("Current", risk.current_likelihood, risk.current_impact),
                    ("Target residual", risk.target_likelihood, risk.target_impact),
                )
            ),
            numeric=frozenset({3}),
            sheet=sheet,
            row_headers=True,
        )
    )
    if figures is not None and risk.code in figures.directions:
        blocks.append(para("Direction of travel: ", Run(figures.directions[risk.code].label, bold=True)))
    for heading, items in (
        ("Source / cause of risk", risk.causes),
        ("Risk event", tuple(line for line in risk.event.splitlines() if line.strip())),
        ("Consequences", risk.consequences),
        ("Risk owner(s)", risk.owners),
        ("Responsible Cabinet Member(s)", risk.cabinet_members),
    ):
        blocks.append(Heading(heading, 3, f"{_slug(risk.code)}-{_slug(heading)}"))
        blocks.append(_bullets(items) if items else para("None recorded.", style="note"))
    blocks.append(Heading("Controls", 3, f"{_slug(risk.code)}-controls"))
    if risk.controls:
        blocks.append(
            Table(
                f"{risk.code} controls",
                ("Control title", "Control owner"),
                tuple((c.title, c.owner) for c in risk.controls),
                sheet=sheet,
            )
        )
    else:
        blocks.append(para("No controls recorded.", style="note"))
    blocks.append(Heading("Actions", 3, f"{_slug(risk.code)}-actions"))
    if risk.actions:
        blocks.append(
            Table(
                f"{risk.code} actions",
                ("Action title", "Action owner", "Planned completion date", "Status"),
                tuple((a.title, a.owner, a.planned_text, a.status_label) for a in risk.actions),
                sheet=sheet,
            )
        )
    else:
        blocks.append(para("No actions recorded.", style="note"))
    if risk.activities:
        blocks.append(Heading("Linked plan activities", 3, f"{_slug(risk.code)}-activities"))
        blocks.append(_bullets(f"{a.ref}. {a.title} ({a.plan})" for a in risk.activities))
    if risk.movements:
        blocks.append(Heading("Moves between registers", 3, f"{_slug(risk.code)}-moves"))
        blocks.append(
            Table(
                f"{risk.code} moves between registers",
                ("Date", "Move", "From", "To", "Reason"),
                tuple(
                    (m.moved_on, m.kind_label, m.from_register, m.to_register or "(off the registers)", m.reason)
                    for m in risk.movements
                ),
                sheet=sheet,
            )
        )
    if risk.reviews:
        blocks.append(Heading("Reviews", 3, f"{_slug(risk.code)}-reviews"))
        blocks.append(
            Table(
                f"{risk.code} reviews",
                ("Reviewed", "Current score", "Target score", "Context changed", "Note"),
                tuple(
                    (
                        r.reviewed_on,
                        f"{r.likelihood}×{r.impact} = {r.score}",
                        f"{r.target_likelihood}×{r.target_impact} = {r.target_score}",
                        r.context_changed,
                        r.note,
                    )
                    for r in risk.reviews
                ),
                ticks=frozenset({3}),
                sheet=sheet,
            )
        )
    return blocks


def build_register_document(data: RegisterData, scale: Scale, generated: dt.date | None = None) -> Document:
    figures = data.figures(scale)
    blocks: list[Block] = [Heading(data.title, 1, "register")]
    for register in data.registers:
        details = [f"Owner: {register.owner}.", f"Reviewed {register.review_cycle.lower()}."]
        if register.last_reviewed_on:
            details.append(f"Last reviewed {_date(register.last_reviewed_on)}.")
        if len(data.registers) > 1:
            details.insert(0, f"{register.name} ({register.level_label}).")
        blocks.append(para(" ".join(details), style="lead"))
        if register.review_arrangements:
            blocks.extend(_paragraphs(register.review_arrangements))
    if generated:
        blocks.append(para(f"Produced {_date(generated)}.", style="note"))

    blocks.append(Heading("Summary risk profile", 2, "summary"))
    blocks.append(para(f"Risk levels by score (likelihood × impact): {bands_text(scale)}."))
    blocks.append(counts_table(figures, scale))
    blocks.append(levels_chart(figures, scale))
    blocks.append(
        Table(
            "Summary risk profile",
            (
                "Risk code",
                "Risk title",
                "Current score",
                "Current level",
                "Target score",
                "Target level",
                "Direction of travel",
            ),
            tuple(
                (
                    risk.code,
                    risk.title,
                    risk.current_score,
                    scale.band(risk.current_score).label,
                    risk.target_score,
                    scale.band(risk.target_score).label,
                    figures.directions[risk.code].label,
                )
                for risk in data.risks
            ),
            numeric=frozenset({2, 4}),
            sheet="Summary",
        )
    )
    blocks.append(para(DIRECTION_KEY))
    blocks.append(para(RATINGS_NOTE, style="note"))

    blocks.append(Heading("Heat map", 2, "heat-map"))
    blocks.append(
        para(
            "Each risk's code is placed by likelihood (rows, most likely at the top) and impact (columns). "
            f"A cell's risk level is its score, likelihood × impact: {bands_text(scale)}."
        )
    )
    blocks.append(heat_map_table(figures.current_map, scale, "Heat map: current risk ratings", "Heat map"))
    blocks.append(heat_map_table(figures.target_map, scale, "Heat map: target residual risk ratings", "Heat map"))

    table = actions_table(data)
    if table is not None:
        blocks.append(Heading("Mitigating actions", 2, "actions"))
        blocks.append(table)

    for risk in data.risks:
        blocks.append(PageBreak())
        blocks.extend(risk_blocks(risk, figures, scale))

    stem = _slug(data.title) or "risk-register"
    return Document(
        title=data.title,
        blocks=tuple(blocks),
        file_stem=stem,
        subject=f"{data.title}: {len(data.risks)} risks",
    )


def register_json(data: RegisterData, scale: Scale) -> dict:
    """The JSON the command writes: counts by band code and one entry per risk (issue 7's format)."""
    figures = data.figures(scale)
    return {
        "current": dict(figures.current_counts),
        "target": dict(figures.target_counts),
        "risks": [
            {
                "code": risk.code,
                "title": risk.title,
                "current_likelihood": risk.current_likelihood,
                "current_impact": risk.current_impact,
                "current_score": risk.current_score,
                "current_band": scale.band(risk.current_score).code,
                "target_likelihood": risk.target_likelihood,
                "target_impact": risk.target_impact,
                "target_score": risk.target_score,
                "target_band": scale.band(risk.target_score).code,
                "direction": figures.directions[risk.code].code,
            }
            for risk in data.risks
        ],
    }


FORMATS = formats.ALL
__all__ = ["CONTENT_TYPES", "FORMAT_NAMES", "FORMATS"]


def render_register(data: RegisterData, scale: Scale, fmt: str, generated: dt.date | None = None) -> bytes:
    """The register document as `fmt`. JSON is the data of issue 7's format rather than a laid-out document."""
    formats.check(fmt, FORMATS)
    if fmt == "json":
        document = Document(data.title, (), _slug(data.title) or "risk-register", data=register_json(data, scale))
    else:
        document = build_register_document(data, scale, generated)
    return formats.render(document, fmt)


def data_version() -> tuple:
    """Changes whenever anything a register document shows changes (one query per kind)."""
    from councilplan.core.models import Directorate, User

    from .models import Action, Control, Movement, Register, ReturnRisk, Review, Risk, RiskBand, RiskScale, ScoreLabel

    return jobs.latest_change(
        Register,
        Risk,
        Control,
        Action,
        Review,
        Movement,
        ReturnRisk,
        RiskScale,
        RiskBand,
        ScoreLabel,
        Directorate,
        User,
    )


@jobs.maker
def register_file(params: dict, fmt: str, progress: jobs.Progress) -> formats.Output:
    """The worker's side of a register download (councilplan.documents.jobs)."""
    from . import selectors

    progress(1, 3, "Reading the register's risks, controls and actions")
    found = selectors.get_register(params["register"])
    data = selectors.register_data([found], include_exempt=params["include_exempt"])
    progress(2, 3, f"Laying out the {FORMAT_NAMES[fmt]} file")
    generated = dt.date.fromisoformat(params["generated"])
    content = render_register(data, selectors.get_scale(), fmt, generated=generated)
    return formats.Output(content, f"{params['stem']}.{fmt}", CONTENT_TYPES[fmt])
