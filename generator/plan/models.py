"""The plan as one typed object: the single source the document is rendered from."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from types import ModuleType
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    ValidatorFunctionWrapHandler,
    field_validator,
)
from pydantic_core import core_schema

from generator.contract import DEFAULT_DOCUMENT_TITLE
from generator.indonesian import letter
from generator.richtext import RichText

PYDANTIC_PLUGIN_LOADER = "pydantic.plugin._loader"


def _without_pydantic_plugins() -> None:
    """pydantic looks for plugins (``pydantic`` entry points) when it builds the first
    model, and imports importlib.metadata to do so: 15 to 20 ms of every start, for plugins
    zi-plan never uses. Its documented switch, PYDANTIC_DISABLE_PLUGINS, skips the search
    but not that import, made at the top of the loader; so the loader's one function
    (tests/test_imports.py checks that pydantic asks for no other) answers as that switch
    would: no plugins."""
    if PYDANTIC_PLUGIN_LOADER not in sys.modules:
        loader = ModuleType(PYDANTIC_PLUGIN_LOADER)
        loader.get_plugins = tuple  # type: ignore[attr-defined]  # get_plugins() -> ()
        sys.modules[PYDANTIC_PLUGIN_LOADER] = loader


_without_pydantic_plugins()


def _keep_runs(value: object, handler: ValidatorFunctionWrapHandler) -> str:
    """pydantic turns a ``str`` subclass into ``str``: a RichText (text with the formatting
    people typed) keeps its runs through validation, stripped as its text is."""
    text: str = handler(value)
    if not isinstance(value, RichText):
        return text
    for kept in (value, value.strip()):
        if kept == text:
            return kept
    return text


class _Schema:
    """A field type's validation given as its finished core schema. The same as
    ``Annotated[str, StringConstraints(...), WrapValidator(_keep_runs)]``, which pydantic
    works out again for each of the ~25 fields that use it (a third of the models' build
    time at every start: it inspects the validator's signature each time)."""

    def __init__(self, schema: core_schema.CoreSchema) -> None:
        self.schema = schema

    def __get_pydantic_core_schema__(
        self, source: object, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return self.schema


Text = Annotated[
    str,
    _Schema(
        core_schema.no_info_wrap_validator_function(
            _keep_runs, core_schema.str_schema(strip_whitespace=True, min_length=1)
        )
    ),
]
# printed text that may be empty
Prose = Annotated[
    str, _Schema(core_schema.no_info_wrap_validator_function(_keep_runs, core_schema.str_schema()))
]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Marker(StrEnum):
    """How a line of text is shown: plain, or as an item of a generated list."""

    PLAIN = "plain"
    NUMBER = "number"  # typed as "1." -> numbered 1., 2., ...
    LETTER = "letter"  # typed as "a." -> lettered a., b., ...
    BULLET = "bullet"  # typed as "-"

    def label(self, n: int) -> str:
        """The generated label of the n-th item: ``3.``, ``c.``, ``–``; plain text has none."""
        return {
            Marker.PLAIN: "",
            Marker.NUMBER: f"{n}.",
            Marker.LETTER: f"{letter(n)}.",
            Marker.BULLET: "–",
        }[self]


class Line(Frozen):
    """One line of a multi-line cell; list numbers are generated, never kept."""

    text: Text
    marker: Marker = Marker.PLAIN


def numbered(
    lines: Iterable[Line], counters: dict[Marker, int] | None = None
) -> list[tuple[str, str]]:
    """Each line with its generated label (``3.``, ``c.``, ``–`` or none). Items keep
    counting in ``counters`` across calls: the lines of one KEGIATAN form one list."""
    counters = {} if counters is None else counters
    out = []
    for line in lines:
        if line.marker is Marker.PLAIN:
            out.append(("", line.text))
            continue
        counters[line.marker] = counters.get(line.marker, 0) + 1
        out.append((line.marker.label(counters[line.marker]), line.text))
    return out


class Official(Frozen):
    """A person who signs: jabatan as typed (``Plh. Kepala``), name, NIP."""

    jabatan: Text
    nama: Text
    nip: str

    @field_validator("nip")
    @classmethod
    def _nip_is_valid(cls, value: str) -> str:
        problem = nip_problem(value)
        if problem:
            raise ValueError(problem)
        return value

    @property
    def nip_display(self) -> str:
        """NIP as 8-6-1-3 (``19760413 200012 1 002``): one style in the whole document."""
        n = self.nip
        return f"{n[:8]} {n[8:14]} {n[14]} {n[15:]}"


def nip_problem(nip: str) -> str | None:
    """Why an 18-digit NIP is impossible, as a problem code, or None when it is fine."""
    if not re.fullmatch(r"\d{18}", nip):
        return "nip-bukan-18-angka"
    try:
        date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return "nip-tanggal-lahir"
    if not (1 <= int(nip[12:14]) <= 12):
        return "nip-tmt"
    if nip[14] not in "12":
        return "nip-jenis-kelamin"
    return None


class Identity(Frozen):
    kementerian: Text
    kantor_wilayah: Text
    nama_satker: Text
    nama_singkat: Text
    jenis_satker: Text
    tahun: int = Field(ge=2000, le=2100)
    tempat: Text
    tanggal: date
    penandatangan: Official
    ketua_tim: Official | None = None
    slogan: Prose = ""
    alamat: Prose = ""
    ukuran_kertas: Literal["A4", "F4"] = "A4"
    revisi: str = ""
    tanggal_revisi: date | None = None
    judul_dokumen: str = DEFAULT_DOCUMENT_TITLE  # the cover's first line: Rencana Aksi, ...


class Paragraph(Frozen):
    """A paragraph of the narrative: level 0 plain, 1 numbered, 2 lettered, 3 ``1)``."""

    text: Text
    level: int = Field(ge=0, le=3)


class SectionKey(StrEnum):
    """The narrative sections of 00_umum.xlsx › Narasi, in document order."""

    KATA_PENGANTAR = "Kata Pengantar"
    LATAR_BELAKANG = "Latar Belakang"
    MAKSUD_TUJUAN = "Maksud dan Tujuan"
    RUANG_LINGKUP = "Ruang Lingkup"
    DASAR_HUKUM = "Dasar Hukum"
    PENGERTIAN_UMUM = "Pengertian Umum"
    PERKEMBANGAN = "Perkembangan Masalah dan Kondisi"
    ANALISA = "Analisa"
    PERKIRAAN = "Perkiraan"
    REKOMENDASI = "Rekomendasi"
    PENGANTAR_BAB2 = "Pengantar BAB II"
    INDIKATOR_HASIL = "Indikator Hasil"
    EVALUASI = "Evaluasi"
    PELAPORAN = "Pelaporan"
    PENUTUP = "Penutup"

    @property
    def prose(self) -> bool:
        """Prose sections default to plain paragraphs, the others to numbered items."""
        return self in _PROSE


_PROSE = {
    SectionKey.KATA_PENGANTAR,
    SectionKey.LATAR_BELAKANG,
    SectionKey.MAKSUD_TUJUAN,
    SectionKey.RUANG_LINGKUP,
    SectionKey.PENGANTAR_BAB2,
    SectionKey.EVALUASI,
    SectionKey.PELAPORAN,
    SectionKey.PENUTUP,
}


class Section(Frozen):
    key: SectionKey
    paragraphs: list[Paragraph] = Field(min_length=1)
    standard: bool = False  # True when the workbook had no rows and the standard text is used


class MatrixLine(Frozen):
    """One planned line of the monthly check matrix."""

    hasil: list[Line] = []
    uraian: list[Line] = []
    target: list[Line] = []
    months: tuple[bool, ...] = Field(min_length=12, max_length=12)
    ket: Prose = ""
    penanggung_jawab: Prose = ""
    data_dukung: Prose = ""
    kode_lke: str = ""


class Activity(Frozen):
    """A KEGIATAN with its planned lines (NO and KEGIATAN are merged over them)."""

    kegiatan: Text
    lines: list[MatrixLine] = Field(min_length=1)


class Step(Frozen):
    """A Rencana Aksi step; Waktu and Output are its own or repeat the target's."""

    rencana_aksi: Prose = ""
    waktu: Prose = ""
    output: Prose = ""
    penanggung_jawab: Prose = ""
    data_dukung: Prose = ""
    kode_lke: str = ""


class PriorityTarget(Frozen):
    target: Text
    steps: list[Step] = Field(min_length=1)


class ComponentKey(StrEnum):
    MANAJEMEN_PERUBAHAN = "Manajemen Perubahan"
    PENATAAN_TATALAKSANA = "Penataan Tatalaksana"
    PENATAAN_SDM = "Penataan Sistem Manajemen SDM"
    AKUNTABILITAS = "Penguatan Akuntabilitas Kinerja"
    PENGAWASAN = "Penguatan Pengawasan"
    PELAYANAN_PUBLIK = "Peningkatan Kualitas Pelayanan Publik"

    @property
    def number(self) -> int:
        return list(ComponentKey).index(self) + 1


class Component(Frozen):
    key: ComponentKey
    tujuan: list[Text] = []
    targets: list[Text] = []
    pengantar_tabel: list[Text] = []
    activities: list[Activity] = []
    priorities: list[PriorityTarget] = []


class Plan(Frozen):
    """The whole Rencana Kerja Pembangunan Zona Integritas of one unit for one year."""

    identity: Identity
    sections: list[Section]
    components: list[Component] = Field(min_length=6, max_length=6)
    logo: str | None = None  # path of sources/logo.png, shown on the cover
    # the unit's own foreign terms (kamus.txt lines marked "*"), printed in italics
    foreign_terms: list[str] = []

    def section(self, key: SectionKey) -> Section:
        return next(s for s in self.sections if s.key is key)
