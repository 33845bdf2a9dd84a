"""The effort chart's step labels and hover text for ESCO's long skill names: a label
cut short ends after a whole word ("13. develop professional network with r…" lost a
word in the middle), and the hover names the step in full on lines a phone holds (on
one line, an 80-letter name made a box 690 px wide)."""

from __future__ import annotations

from dashboard.figures import HOVER_LINE, TICK_CHARS, effort_figure, wrap_words

NAMES = [
    "apply research ethics and scientific integrity principles in research activities",
    "develop professional network with researchers and scientists",
    "increase the impact of science on policy and society",
    "manage findable accessible interoperable and reusable data",
    "SQL",
]
STEPS = [{"position": i + 1, "iri": f"s{i}", "label": n, "hours": 30} for i, n in enumerate(NAMES)]
AREAS = {f"s{i}": "conducting studies, investigations and examinations" for i in range(len(NAMES))}


def test_a_long_label_is_cut_after_a_whole_word() -> None:
    alias = effort_figure(STEPS, AREAS)["layout"]["xaxis"]["labelalias"]
    assert alias["2. develop professional network with researchers and scientists"] == (
        "2. develop professional network with…"
    )
    for label, short in alias.items():
        assert len(short) <= TICK_CHARS
        kept = short.removesuffix("…")
        assert label.startswith(kept)
        assert label[len(kept)] == " ", (label, short)  # the next word is left out whole
    assert "5. SQL" not in alias


def test_the_hover_names_the_step_in_full_on_short_lines() -> None:
    fig = effort_figure(STEPS, AREAS)
    for trace in fig["data"]:
        for (name, _hours), area in zip(
            trace["customdata"], trace.get("hovertext") or [""] * 99, strict=False
        ):
            assert all(len(line) <= HOVER_LINE for line in name.split("<br>")), name
            assert all(len(line) <= HOVER_LINE for line in area.split("<br>")), area
        labels = [c[0].replace("<br>", " ") for c in trace["customdata"]]
        assert labels == trace["x"]  # the whole name, once the lines are joined


def test_wrap_words_keeps_words_whole() -> None:
    assert wrap_words("manage findable accessible interoperable and reusable data", 20) == [
        "manage findable",
        "accessible",
        "interoperable and",
        "reusable data",
    ]
    assert wrap_words("manage findable accessible interoperable", 20, 1) == ["manage findable…"]
    assert wrap_words("interoperabilities-everywhere-at-once", 10, 1) == ["interoper…"]  # one "…"
