"""The vendored id_ID dictionary, read lazily, answers exactly as spylls reading it whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from importlib.resources import as_file, files
from pathlib import Path

from spylls.hunspell import Dictionary  # type: ignore[import-untyped]

from generator.spelling import DICTIONARY, dictionary

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
