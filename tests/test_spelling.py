"""The vendored id_ID dictionary, read lazily, answers exactly as spylls reading it whole;
the answers kept across runs give the findings that looking up gives."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import warnings
from importlib.resources import as_file, files
from pathlib import Path

from spylls.hunspell import Dictionary  # type: ignore[import-untyped]

from generator.spelling import DICTIONARY, dictionary
from tests.conftest import SAMPLE_SOURCES, set_cell

DATA = files("generator") / "data"


def whole_dictionary() -> Dictionary:
    with as_file(DATA / f"{DICTIONARY}.aff") as aff, warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        return Dictionary.from_files(str(aff.with_suffix("")))


def candidates(whole: Dictionary) -> set[str]:
    """Stems, their cased forms, affixed and broken forms: known and unknown words."""
    stems = [word.stem for word in whole.dic.words]
    prefixes = [p.add for group in whole.aff.PFX.values() for p in group[:1]]
    suffixes = [s.add for group in whole.aff.SFX.values() for s in group[:1]]
    words = {"MENGEOLAH", "PEMASYARAKATAN", "TERWUJUDNYA", "Jakarta", "e-KTP", ""}
    for index, stem in enumerate(stems[::100]):
        prefix, suffix = prefixes[index % len(prefixes)], suffixes[index % len(suffixes)]
        for word in (stem, prefix + stem, stem + suffix, prefix + stem + suffix, stem[1:]):
            words |= {word, word.capitalize(), word + "q"}
            if index % 20 == 0:  # ALL CAPS: slow in spylls once a stem of one letter is tried
                words.add(word.upper())
    return {w for w in words if not (w.isupper() and len(w) <= 6)}  # the review skips those


def test_lazy_reading_answers_as_spylls_reading_everything() -> None:
    whole = whole_dictionary()
    words = sorted(candidates(whole))
    lookup = dictionary()

    differ = [w for w in words if bool(lookup(w)) != bool(whole.lookup(w))]

    assert len(words) > 2000
    assert 20 < sum(map(whole.lookup, words[::10])) < len(words) // 10 - 20  # both kinds are asked
    assert differ == []


RUN = """
import json, sys
from generator.spelling import dictionary
print(json.dumps([bool(dictionary()(w)) for w in sys.argv[1:]]))
"""
WORDS = ["wujud", "kerja", "RUTAN", "Pekanbaru", "kxqz", "PEMBANGUNAN"]


def looked_up(env: dict[str, str]) -> list[bool]:
    done = subprocess.run(
        [sys.executable, "-c", RUN, *WORDS], env=env, capture_output=True, text=True, check=True
    )
    answers: list[bool] = json.loads(done.stdout)
    return answers


def test_the_cache_is_written_once_and_reused(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    first = looked_up(env)
    cached = list((tmp_path / "zi-plan").glob("*.dic"))
    second = looked_up(env)

    assert len(cached) == 1
    assert list((tmp_path / "zi-plan").glob("*.dic")) == cached
    assert first == second == [bool(whole_dictionary().lookup(w)) for w in WORDS]


def test_without_a_home_folder_it_works_uncached(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME")}
    env["HOME"] = str(tmp_path / "missing" / "file")
    (tmp_path / "missing").write_text("not a folder")  # the cache cannot be created

    assert looked_up(env) == [bool(whole_dictionary().lookup(w)) for w in WORDS]
    assert not list(tmp_path.rglob("*.dic"))


REVIEW = """
import json, sys
from generator.plan.validate import Loader
from generator.review import review
loader = Loader(__import__("pathlib").Path(sys.argv[1]))
found = [str(p) for p in review(loader, loader.load())]
print(json.dumps({"findings": found, "spylls": "spylls" in sys.modules}))
"""
# misspelled, derived (judged by the root), hyphenated, ALL CAPS and capitalised words
PLANTED = (
    "Rapat pemamfaatan ruang, Terselenggaranya pemutakhiran data, e-KTP dan e-kinerjq, "
    "PEMASYARAKATAN berjalan, Pemamfaatan lagi, koordinasiq ulang"
)


def reviewed(folder: Path, env: dict[str, str]) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", REVIEW, str(folder)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    answer: dict[str, object] = json.loads(done.stdout)
    return answer


def test_findings_from_the_memo_are_the_findings_looked_up(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    shutil.copytree(SAMPLE_SOURCES, folder)
    set_cell(next(folder.glob("02_*.xlsx")), "Prioritas", "C4", PLANTED)
    set_cell(next(folder.glob("03_*.xlsx")), "Prioritas", "C4", "Kordinasi dan pemamfaatan")
    uncached = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME")}
    uncached["HOME"] = str(tmp_path / "no-home")
    (tmp_path / "no-home").write_text("not a folder")  # nothing can be kept
    cached = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}

    looked_up = reviewed(folder, uncached)
    filling = reviewed(folder, cached)
    from_memo = reviewed(folder, cached)

    assert looked_up["spylls"] and filling["spylls"]
    assert not from_memo["spylls"]  # every answer came from the memo
    assert from_memo["findings"] == filling["findings"] == looked_up["findings"]
    quoted = " ".join(map(str, looked_up["findings"]))
    for word in ("pemamfaatan", "e-kinerjq", "koordinasiq", "Kordinasi"):
        assert f'"{word}"' in quoted
    assert "Terselenggaranya" not in quoted and "PEMASYARAKATAN" not in quoted


def test_a_new_word_is_looked_up_and_joins_the_memo(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    shutil.copytree(SAMPLE_SOURCES, folder)
    cached = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    assert reviewed(folder, cached)["findings"] == []
    set_cell(next(folder.glob("02_*.xlsx")), "Prioritas", "C4", "Rapat pemamfaatan ruang")

    first, again = reviewed(folder, cached), reviewed(folder, cached)

    assert first["spylls"] and not again["spylls"]
    assert first["findings"] == again["findings"]
    assert len(first["findings"]) == 1  # type: ignore[arg-type]
