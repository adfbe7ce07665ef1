"""What the risk pages show, as plain records: built from the selectors' records and the analysis figures,
so templates lay things out and work nothing out."""

from __future__ import annotations

from dataclasses import dataclass

from councilplan.analysis.risk import (
    Band,
    Direction,
    HeatCell,
    Scale,
    counts_by_band,
    direction,
    heat_map_rows,
)
from councilplan.documents.model import Table

from .document import actions_table, bands_text
from .selectors import RegisterData, RegisterRecord, RiskRecord


@dataclass(frozen=True)
class BandCount:
    band: Band
    current: int
    target: int


@dataclass(frozen=True)
class SummaryRow:
    risk: RiskRecord
    current_band: Band
    target_band: Band
    direction: Direction


@dataclass(frozen=True)
class RegisterPage:
    register: RegisterRecord
    title: str
    bands_text: str
    counts: list[BandCount]
    rows: list[SummaryRow]
    current_map: list[list[HeatCell]]
    target_map: list[list[HeatCell]]
    impact_labels: list[tuple[int, str]]
    likelihood_labels: list[tuple[int, str]]
    actions: Table | None


@dataclass(frozen=True)
class IndexRow:
    register: RegisterRecord
    risks: int
    counts: list[tuple[Band, int]]  # current risks by band


def index_rows(registers: list[tuple[RegisterRecord, list[RiskRecord]]], scale: Scale) -> list[IndexRow]:
    rows = []
    for register, risks in registers:
        counts = counts_by_band((risk.current_score for risk in risks), scale.bands)
        rows.append(IndexRow(register, len(risks), [(band, counts[band.code]) for band in scale.bands]))
    return rows


def register_page(data: RegisterData, scale: Scale) -> RegisterPage:
    figures = data.figures(scale)
    return RegisterPage(
        register=data.registers[0],
        title=data.title,
        bands_text=bands_text(scale),
        counts=[
            BandCount(band, figures.current_counts[band.code], figures.target_counts[band.code]) for band in scale.bands
        ],
        rows=[
            SummaryRow(
                risk,
                scale.band(risk.current_score),
                scale.band(risk.target_score),
                figures.directions[risk.code],
            )
            for risk in data.risks
        ],
        current_map=heat_map_rows(figures.current_map, scale),
        target_map=heat_map_rows(figures.target_map, scale),
        impact_labels=[(value, scale.impact_labels.get(value, "")) for value in range(1, 6)],
        likelihood_labels=[(value, scale.likelihood_labels.get(value, "")) for value in range(1, 6)],
        actions=actions_table(data),
    )


@dataclass(frozen=True)
class Rating:
    name: str
    likelihood: str
    impact: str
    score: int
    band: Band


@dataclass(frozen=True)
class RiskPage:
    risk: RiskRecord
    ratings: list[Rating]
    direction: Direction
    event: list[str]


def risk_page(risk: RiskRecord, scale: Scale) -> RiskPage:
    ratings = [
        Rating(name, scale.likelihood(lk), scale.impact(im), lk * im, scale.band(lk * im))
        for name, lk, im in (
            ("Current", risk.current_likelihood, risk.current_impact),
            ("Target residual", risk.target_likelihood, risk.target_impact),
        )
    ]
    return RiskPage(
        risk=risk,
        ratings=ratings,
        direction=direction(risk.review_points()),
        event=[line for line in risk.event.splitlines() if line.strip()],
    )
