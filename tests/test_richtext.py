"""RichText: plain text to every reader, runs to the document, through the reader's operations."""

from __future__ import annotations

import pickle

from generator.richtext import ITALIC, PLAIN, RichText, Style, join, rich, runs_of

BOLD = Style(bold=True)


def sample() -> RichText:
    made = rich(
        [("  1. Program ", PLAIN), ("Quick Wins", ITALIC), (" dan ", PLAIN), ("RUSA", BOLD)]
    )
    assert isinstance(made, RichText)
    return made


def test_is_its_plain_text_for_comparison_hashing_and_str() -> None:
    text = sample()
    assert text == "  1. Program Quick Wins dan RUSA"
    assert hash(text) == hash("  1. Program Quick Wins dan RUSA")
    assert type(str(text)) is str
    assert {text: 1}["  1. Program Quick Wins dan RUSA"] == 1


def test_only_formatted_runs_make_a_richtext() -> None:
    assert type(rich([("a", PLAIN), ("b", PLAIN)])) is str
    assert rich([("a", PLAIN), ("b", PLAIN)]) == "ab"
    assert runs_of("plain") == (("plain", PLAIN),)
    assert runs_of("") == ()


def test_adjacent_runs_of_one_style_merge_and_empty_ones_go() -> None:
    made = RichText([("a", ITALIC), ("", PLAIN), ("b", ITALIC), ("c", PLAIN)])
    assert made.runs == (("ab", ITALIC), ("c", PLAIN))


def test_slicing_strip_and_split_keep_the_runs() -> None:
    text = sample()
    stripped = text.strip()
    assert isinstance(stripped, RichText)
    assert stripped.runs[0] == ("1. Program ", PLAIN)
    body = stripped[3:]
    assert isinstance(body, RichText)
    assert body.runs == (
        ("Program ", PLAIN),
        ("Quick Wins", ITALIC),
        (" dan ", PLAIN),
        ("RUSA", BOLD),
    )
    assert text[13:18] == "Quick" and text[13:18].runs == (("Quick", ITALIC),)  # type: ignore[attr-defined]
    assert type(text[2:8]) is str  # no formatted run left: plain
    assert text[3] == "."
    words = stripped.split(" ")
    assert words == ["1.", "Program", "Quick", "Wins", "dan", "RUSA"]
    assert isinstance(words[2], RichText) and isinstance(words[5], RichText)
    assert type(words[1]) is str
    assert stripped.split() == words


def test_split_on_line_breaks_and_join_round_trip() -> None:
    text = rich([("satu\r\n", PLAIN), ("dua", ITALIC), ("\r\ntiga", PLAIN)])
    unix = text.replace("\r\n", "\n")
    assert unix == "satu\ndua\ntiga" and isinstance(unix, RichText)
    lines = unix.split("\n")
    assert lines == ["satu", "dua", "tiga"]
    assert isinstance(lines[1], RichText)
    joined = join("\n", lines)
    assert isinstance(joined, RichText) and joined.runs == unix.runs  # type: ignore[attr-defined]
    assert join("-", ["a", "b"]) == "a-b"


def test_pickles_with_its_runs() -> None:
    text = sample()
    again = pickle.loads(pickle.dumps(text))
    assert isinstance(again, RichText) and again.runs == text.runs


def test_other_string_operations_give_plain_text_never_lose_a_character() -> None:
    text = sample()
    assert text.upper() == "  1. PROGRAM QUICK WINS DAN RUSA"
    assert type(text.upper()) is str
    assert f"[{text}]" == "[  1. Program Quick Wins dan RUSA]"
