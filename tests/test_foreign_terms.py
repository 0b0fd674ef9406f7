"""Foreign terms in italics (PUEBI): whole words, any case, the longest first; the cell's
own formatting wins; kamus.txt marks the unit's own terms with ``*``."""

from __future__ import annotations

from generator.foreign_terms import foreign_terms, italicise, kamus_entry, package_terms
from generator.richtext import ITALIC, PLAIN, RichText, Style, rich


def italics(text: str) -> list[str]:
    return [run for run, style in getattr(text, "runs", ()) if style.italic]


def test_terms_are_found_as_whole_words_in_any_case() -> None:
    text = italicise("Pemberian Reward dan punishment; REVIEW SOP, bukan rewarding atau prereview.")
    assert text == "Pemberian Reward dan punishment; REVIEW SOP, bukan rewarding atau prereview."
    assert italics(text) == ["Reward", "punishment", "REVIEW"]


def test_the_longest_term_wins_and_spaces_may_differ() -> None:
    text = italicise("pelatihan in-house  training dan self\nassessment")
    assert italics(text) == ["in-house  training", "self\nassessment"]
    assert italics(italicise("Quick Wins dan quick win")) == ["Quick Wins", "quick win"]


def test_words_absorbed_into_indonesian_stay_upright() -> None:
    text = "survei, reviu, monitor, inovasi dan email (enamel) ditulis tegak"
    assert italicise(text) == text and type(italicise(text)) is str
    listed = set(package_terms())
    assert not listed & {"survei", "reviu", "monitor", "inovasi", "email", "internet"}
    assert {"reward", "review", "quick wins", "in-house training", "x-ray"} <= listed


def test_text_without_terms_is_returned_as_it_is() -> None:
    text = "Rumah Tahanan Negara Kelas I Pekanbaru"
    assert italicise(text) == text and type(italicise(text)) is str


def test_the_cells_own_formatting_wins() -> None:
    bold = rich([("Pemberian reward ", PLAIN), ("tepat waktu", Style(bold=True))])
    assert italicise(bold) is bold  # reward stays as the Pokja formatted the cell


def test_the_units_own_terms() -> None:
    text = italicise("Program smart prison dan zero tolerance approach", ["smart prison"])
    assert isinstance(text, RichText)
    assert text.runs == (
        ("Program ", PLAIN),
        ("smart prison", ITALIC),
        (" dan ", PLAIN),
        ("zero tolerance", ITALIC),
        (" approach", PLAIN),
    )


def test_kamus_lines_marked_with_a_star_are_foreign_terms() -> None:
    lines = [
        "# istilah asing",
        "*smart prison",
        "  *Clean and Clear*  # comment",
        "*",
        "Pekanbaru",
        "SIMPEG # singkatan",
        "",
    ]
    assert foreign_terms(lines) == ["smart prison", "Clean and Clear"]
    assert kamus_entry("*smart prison*") == ("smart prison", True)
    assert kamus_entry("Pekanbaru # kota") == ("Pekanbaru", False)
