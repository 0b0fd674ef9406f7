"""The Petunjuk sheet that opens each workbook: who fills it, how, and an example row."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from generator import contract as cols
from generator.contract import TICK
from generator.init.specs import INDIKATOR_SPECS_BY_KEY, UNIT, Context, titled
from generator.init.suggestions import SUGGESTIONS, fill_in
from generator.plan.models import ComponentKey, SectionKey

SHEET_PETUNJUK = "Petunjuk"
PETUNJUK_WIDTHS = (26, 100)
_RULES = (
    "• Jangan mengubah nama sheet dan judul kolom (baris 3): program mengenali keduanya "
    "dari namanya.\n"
    "• Isi di bawah judul kolom, mulai baris 4; tambahkan baris sebanyak yang diperlukan. "
    "Baris kosong diabaikan.\n"
    "• Satu sel boleh berisi beberapa baris: tekan Alt+Enter. Baris yang diawali 1., a. "
    "atau - menjadi butir daftar; nomornya dibuat otomatis di dokumen.\n"
    "• Klik judul kolom untuk melihat petunjuk kolom itu.\n"
    "• Huruf tebal, miring, bergaris bawah dan pangkat (m²), pada seluruh sel atau sebagian "
    "teksnya, tampil sama di dokumen. Istilah asing yang lazim (reward, review, quick wins) "
    "dicetak miring otomatis; istilah asing lain ditulis di kamus.txt dengan tanda * di "
    "depannya, misalnya *smart prison. Sel yang sudah diberi format sendiri tampil persis "
    "seperti formatnya."
)
_NO_RULE = "\n• Kolom NO (Indikator) dan No (Prioritas) boleh kosong: nomor dibuat otomatis."


@dataclass
class Guide:
    """The Petunjuk sheet: rows of (style, label, text) in two columns."""

    title: str
    rows: list[tuple[str, str, str]] = field(default_factory=list)
    name: str = SHEET_PETUNJUK

    def add(self, label: str, text: str) -> None:
        self.rows.append(("text", label, text))

    def heading(self, text: str) -> None:
        self.rows.append(("heading", text, ""))

    def example(self, sheet: str, pairs: Iterable[tuple[str, str]]) -> None:
        self.rows.append(("example-head", f"Sheet {sheet}", "Contoh satu baris yang sudah diisi"))
        self.rows.extend(("example", label, text) for label, text in pairs)


def _sender(context: Context) -> str:
    return (
        "Simpan dengan nama file yang sama (format .xlsx), lalu kirimkan kepada Sekretariat "
        f"Tim Kerja Pembangunan Zona Integritas {context.singkat or context.satker or UNIT}."
    )


def petunjuk_umum(context: Context) -> Guide:
    guide = Guide(titled("PETUNJUK PENGISIAN — 00 Umum: Identitas dan Narasi", context))
    guide.add("Diisi oleh", "Sekretariat Tim Kerja Pembangunan Zona Integritas.")
    guide.add(
        "Sheet Identitas",
        "Data satuan kerja dan penandatangan. Sel kuning wajib diisi; yang lain boleh kosong. "
        "Tanggal diketik sebagai 2025-02-12 (tahun-bulan-tanggal). NIP diisi 18 angka sebagai "
        "teks (sel berformat Teks); spasi, titik, tanda hubung atau awalan NIP. boleh. Jangan "
        "ketik NIP sebagai angka: Excel hanya menyimpan 15 angka pertamanya.",
    )
    guide.add(
        "Sheet Narasi",
        "Teks BAB I, pengantar BAB II, Indikator Hasil, BAB III dan Penutup: satu paragraf atau "
        "satu butir per baris, urut seperti di dokumen. Pilih Bagian dari daftar. Bagian yang "
        "tidak diisi sama sekali memakai teks baku yang memuat nama satuan kerja dan tahun.",
    )
    guide.add(
        "Tingkat",
        "0 = paragraf biasa, dicetak persis seperti diketik (H. Ahmad tetap H. Ahmad); 1 = "
        "butir bernomor 1., 2., ...; 2 = butir huruf a., b., ... di "
        "bawah butir di atasnya; 3 = butir 1), 2), ... di bawah butir huruf. Boleh kosong: "
        "0 untuk Kata Pengantar, Latar Belakang, Maksud dan Tujuan, Ruang Lingkup, Pengantar "
        "BAB II, Evaluasi, Pelaporan dan Penutup; 1 untuk bagian lain.",
    )
    guide.add("Aturan pengisian", _RULES)
    guide.add(
        "Setelah diisi",
        "Simpan dengan nama file yang sama di folder sumber, bersama workbook 01 s.d. 06 dari "
        "setiap Pokja. Dokumen disusun dengan perintah zi-plan build; bila ada yang belum "
        "lengkap, perintah itu menyebutkan file, sheet dan selnya.",
    )
    guide.heading("CONTOH PENGISIAN")
    guide.example(
        cols.SHEET_IDENTITAS,
        [
            ("Kolom", "Tanggal Penetapan"),
            ("Isi", "2025-02-12 (tampil sebagai 12 Februari 2025)"),
        ],
    )
    guide.example(
        cols.SHEET_NARASI,
        [
            ("Bagian", SectionKey.PERKEMBANGAN.value),
            ("Tingkat", "1"),
            (
                "Teks",
                f"Jumlah pegawai {context.singkat or UNIT} saat ini 85 orang, terdiri atas "
                "pejabat struktural, pejabat fungsional dan pelaksana.",
            ),
        ],
    )
    return guide


def petunjuk_component(key: ComponentKey, context: Context) -> Guide:
    suggestion = SUGGESTIONS[key]
    guide = Guide(titled(f"PETUNJUK PENGISIAN — Komponen {key.number}. {key.value}", context))
    guide.add("Diisi oleh", f"Pokja {key.value}.")
    guide.add(
        "Sheet Uraian",
        "Tujuan komponen (Bagian = Tujuan), target yang ingin dicapai (Bagian = Target, satu "
        "target per baris) dan kalimat sebelum tabel (Bagian = Pengantar Tabel). Saran tujuan "
        "dan target sudah diisi berdasarkan Lembar Kerja Evaluasi PermenPAN-RB Nomor 90 Tahun "
        "2021: ubah, hapus, atau tambah sesuai rencana satuan kerja.",
    )
    guide.add(
        "Sheet Indikator",
        "Matriks kegiatan bulanan: satu baris untuk setiap rencana kegiatan. KEGIATAN cukup "
        "ditulis pada baris pertamanya; baris di bawahnya yang kolom KEGIATAN-nya kosong, "
        "digabung (merge), atau berisi KEGIATAN yang sama persis (hasil Fill Down) termasuk "
        "kegiatan yang sama. Centang bulan pelaksanaannya. Baris yang hanya berisi centang "
        "dicetak sebagai baris jadwal lanjutan kegiatan di atasnya; baris yang hanya berisi "
        "tanda - tidak dicetak.",
    )
    guide.add(
        "Sheet Prioritas",
        "Target prioritas beserta langkah rencana aksinya: satu langkah per baris (juga "
        "beberapa baris dalam satu sel Rencana Aksi, bernomor atau tidak). Target "
        "Prioritas, Waktu dan Output cukup ditulis pada langkah pertama; langkah di bawahnya "
        "yang kosong mengikuti isi di atasnya. Target Prioritas yang ditulis ulang sama persis "
        "pada baris berikutnya (hasil Fill Down) tetap satu target. Baris yang Rencana Aksi-"
        "nya kosong tetapi Waktu atau Output-nya terisi menambah Waktu atau Output itu sebagai "
        "baris baru pada langkah di atasnya (misalnya output kedua).",
    )
    guide.add(
        "Tanda centang",
        f"{TICK} berarti kegiatan dilaksanakan pada bulan itu. Klik sel bulan, klik tanda "
        f"panah di sisi kanan sel, lalu pilih {TICK}. Bulan tanpa kegiatan dibiarkan kosong "
        "(hapus isinya dengan tombol Delete). Tanda yang juga diterima: ✓, ✔, ☑, v, x, y, 1, "
        "ya; tanda - atau 0 berarti tidak dicentang. Isi lain pada sel bulan dilaporkan "
        "sebagai kesalahan dengan nama selnya.",
    )
    guide.add(
        "Kolom tambahan",
        "Penanggung Jawab, Data Dukung dan Kode LKE boleh kosong; kolom yang terisi ikut "
        "tampil di tabel dokumen.",
    )
    guide.add("Aturan pengisian", _RULES + _NO_RULE)
    guide.add("Dikirim kepada", _sender(context))
    guide.heading("CONTOH PENGISIAN")
    guide.example(cols.SHEET_URAIAN, [("Bagian", "Target"), ("Teks", suggestion.targets[0])])
    ticked = [cols.MONTH_LABELS[m - 1] for m in suggestion.months]
    months = (
        f"{TICK} pada setiap bulan"
        if len(ticked) == 12
        else f"{TICK} pada {', '.join(ticked)}; bulan lain kosong"
    )
    guide.example(
        cols.SHEET_INDIKATOR,
        [
            ("NO", "(kosong)"),
            *(
                (INDIKATOR_SPECS_BY_KEY[key].title, suggestion.indikator[key])
                for key in ("kegiatan", "hasil", "uraian", "target")
            ),
            ("JAN s.d. DES", months),
            ("KET", "(kosong)"),
            ("Penanggung Jawab", suggestion.indikator["penanggung_jawab"]),
            ("Data Dukung", suggestion.indikator["data_dukung"]),
        ],
    )
    guide.example(
        cols.SHEET_PRIORITAS,
        [
            ("Target Prioritas", suggestion.prioritas["target"]),
            ("Rencana Aksi", suggestion.prioritas["rencana_aksi"]),
            ("Waktu", fill_in(suggestion.prioritas["waktu"], context)),
            ("Output", fill_in(suggestion.prioritas["output"], context)),
        ],
    )
    return guide
