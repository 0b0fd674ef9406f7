"""The suggested texts of each component, from the LKE of PermenPAN-RB 90/2021."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from generator.init.specs import UNIT, Context
from generator.plan.models import ComponentKey


@dataclass(frozen=True)
class Suggestion:
    """Pre-filled Uraian text and the Petunjuk's example rows of one component."""

    tujuan: str
    targets: tuple[str, ...]
    pengantar: str
    indikator: Mapping[str, str]  # column key -> example; "bulan" names the ticked months
    months: tuple[int, ...]
    prioritas: Mapping[str, str]


SUGGESTIONS: dict[ComponentKey, Suggestion] = {
    ComponentKey.MANAJEMEN_PERUBAHAN: Suggestion(
        tujuan=(
            "Program Manajemen Perubahan bertujuan mengubah mekanisme kerja, pola pikir "
            "dan budaya kerja pegawai {satker} secara sistematis dan "
            "konsisten, sejalan dengan tujuan pembangunan Zona Integritas menuju WBK/WBBM. "
            "Target yang ingin dicapai adalah:"
        ),
        targets=(
            "Terbentuknya Tim Kerja Pembangunan Zona Integritas yang anggotanya dipilih melalui "
            "mekanisme yang jelas dan mewakili seluruh unsur unit kerja;",
            "Tersusunnya rencana kerja pembangunan Zona Integritas dengan target prioritas yang "
            "relevan, serta tersosialisasikannya pembangunan Zona Integritas kepada pegawai "
            "dan pemangku kepentingan;",
            "Terlaksananya pemantauan dan evaluasi pembangunan Zona Integritas secara berkala "
            "dengan melibatkan pimpinan, serta ditindaklanjutinya hasil evaluasi tersebut;",
            "Terwujudnya perubahan pola pikir dan budaya kerja melalui keteladanan pimpinan, "
            "agen perubahan yang berperan aktif, dan keterlibatan seluruh pegawai.",
        ),
        pengantar=(
            "Dalam menerapkan Manajemen Perubahan tersebut, kegiatan yang dilaksanakan adalah "
            "sebagai berikut:"
        ),
        indikator={
            "kegiatan": "Penyusunan Tim Kerja",
            "hasil": "Terbentuknya Tim Kerja Pembangunan Zona Integritas",
            "uraian": "1. Rapat pembentukan Tim Kerja\n2. Seleksi anggota Tim Kerja\n"
            "3. Penetapan SK Tim Kerja",
            "target": "SK Tim Kerja ditetapkan",
            "penanggung_jawab": "Sekretariat Tim Kerja",
            "data_dukung": "SK Tim Kerja, notulen dan daftar hadir rapat",
        },
        months=(1, 2),
        prioritas={
            "target": "Pembentukan Tim Kerja Pembangunan Zona Integritas",
            "rencana_aksi": "Melaksanakan rapat pembentukan Tim Kerja",
            "waktu": "Januari {tahun}",
            "output": "SK Tim Kerja Pembangunan Zona Integritas",
        },
    ),
    ComponentKey.PENATAAN_TATALAKSANA: Suggestion(
        tujuan=(
            "Program Penataan Tatalaksana bertujuan meningkatkan efisiensi dan efektivitas "
            "sistem, proses dan prosedur kerja {satker} agar jelas, terukur dan didukung "
            "teknologi informasi. Target yang ingin dicapai adalah:"
        ),
        targets=(
            "Tersedianya SOP kegiatan utama yang mengacu pada peta proses bisnis, diterapkan, "
            "dan dievaluasi secara berkala;",
            "Dimanfaatkannya teknologi informasi dalam pengukuran kinerja, pengelolaan SDM dan "
            "pelayanan publik, disertai pemantauan dan evaluasi pemanfaatannya;",
            "Diterapkannya kebijakan keterbukaan informasi publik, disertai pemantauan dan "
            "evaluasi pelaksanaannya.",
        ),
        pengantar=(
            "Dalam menerapkan Penataan Tatalaksana tersebut, kegiatan yang dilaksanakan adalah "
            "sebagai berikut:"
        ),
        indikator={
            "kegiatan": "Prosedur Operasional Tetap (SOP) Kegiatan Utama",
            "hasil": "SOP kegiatan utama sesuai dengan peta proses bisnis",
            "uraian": "1. Inventarisasi SOP yang berlaku\n2. Rapat reviu SOP\n"
            "3. Penetapan SOP hasil reviu",
            "target": "SOP hasil reviu ditetapkan",
            "penanggung_jawab": "Pokja Penataan Tatalaksana",
            "data_dukung": "Daftar SOP, notulen rapat reviu, SK penetapan SOP",
        },
        months=(3, 4),
        prioritas={
            "target": "Reviu SOP kegiatan utama",
            "rencana_aksi": "Menginventarisasi SOP yang berlaku",
            "waktu": "Maret {tahun}",
            "output": "Daftar SOP dan SK penetapan SOP hasil reviu",
        },
    ),
    ComponentKey.PENATAAN_SDM: Suggestion(
        tujuan=(
            "Program Penataan Sistem Manajemen SDM bertujuan meningkatkan profesionalisme "
            "pegawai {satker} melalui perencanaan, penempatan, pengembangan dan penilaian "
            "kinerja pegawai yang tertib dan terukur. Target yang ingin dicapai adalah:"
        ),
        targets=(
            "Tersusunnya kebutuhan pegawai berdasarkan peta jabatan dan analisis beban kerja, "
            "serta penempatan pegawai yang sesuai dengan kebutuhan tersebut;",
            "Terlaksananya mutasi antarjabatan yang memperhatikan kompetensi dan pola mutasi "
            "yang telah ditetapkan;",
            "Terlaksananya pengembangan kompetensi berdasarkan analisis kebutuhan pelatihan, "
            "dengan kesempatan yang sama bagi setiap pegawai;",
            "Ditetapkannya kinerja individu yang selaras dengan kinerja organisasi, diukur "
            "secara berkala, dan menjadi dasar pemberian penghargaan;",
            "Ditegakkannya aturan disiplin, kode etik dan kode perilaku pegawai;",
            "Dimutakhirkannya data informasi kepegawaian secara berkala.",
        ),
        pengantar=(
            "Dalam melaksanakan Penataan Sistem Manajemen SDM tersebut, kegiatan yang "
            "dilaksanakan adalah sebagai berikut:"
        ),
        indikator={
            "kegiatan": "Pengembangan Pegawai Berbasis Kompetensi",
            "hasil": "Berkurangnya kesenjangan kompetensi pegawai",
            "uraian": "1. Menyusun analisis kebutuhan pelatihan\n"
            "2. Mengikutsertakan pegawai dalam pelatihan",
            "target": "Setiap pegawai mengikuti paling sedikit satu pengembangan kompetensi",
            "penanggung_jawab": "Subbagian Kepegawaian",
            "data_dukung": "Dokumen analisis kebutuhan pelatihan, sertifikat pelatihan",
        },
        months=(3, 6, 9, 12),
        prioritas={
            "target": "Penetapan Kinerja Individu",
            "rencana_aksi": "Menyusun SKP tahunan setiap pegawai",
            "waktu": "Januari {tahun}",
            "output": "SKP pegawai yang ditandatangani atasan langsung",
        },
    ),
    ComponentKey.AKUNTABILITAS: Suggestion(
        tujuan=(
            "Program Penguatan Akuntabilitas Kinerja bertujuan meningkatkan kapasitas dan "
            "akuntabilitas kinerja {satker}, sehingga hasil setiap program dan kegiatan dapat "
            "dipertanggungjawabkan. Target yang ingin dicapai adalah:"
        ),
        targets=(
            "Terlibatnya pimpinan secara langsung dalam penyusunan perencanaan dan penetapan "
            "kinerja, serta dalam pemantauan capaian kinerja secara berkala;",
            "Tersusunnya dokumen perencanaan kinerja yang berorientasi hasil, dengan Indikator "
            "Kinerja Utama yang memenuhi kriteria SMART;",
            "Tersusunnya laporan kinerja secara tepat waktu yang memberikan informasi kinerja "
            "yang memadai;",
            "Tersedianya sistem informasi kinerja dan meningkatnya kapasitas pegawai yang "
            "menangani akuntabilitas kinerja.",
        ),
        pengantar=(
            "Dalam menerapkan Penguatan Akuntabilitas Kinerja tersebut, kegiatan yang "
            "dilaksanakan adalah sebagai berikut:"
        ),
        indikator={
            "kegiatan": "Keterlibatan Pimpinan",
            "hasil": "Perencanaan dan penetapan kinerja disusun bersama pimpinan",
            "uraian": "1. Rapat penyusunan perjanjian kinerja yang dipimpin Kepala\n"
            "2. Pemantauan capaian kinerja setiap bulan",
            "target": "Perjanjian kinerja ditandatangani; capaian kinerja dipantau setiap bulan",
            "penanggung_jawab": "Pokja Penguatan Akuntabilitas Kinerja",
            "data_dukung": "Perjanjian kinerja, notulen rapat pemantauan kinerja",
        },
        months=(1,),
        prioritas={
            "target": "Penyusunan Perjanjian Kinerja",
            "rencana_aksi": "Melaksanakan rapat penyusunan perjanjian kinerja bersama pimpinan",
            "waktu": "Januari {tahun}",
            "output": "Dokumen Perjanjian Kinerja Tahun {tahun}",
        },
    ),
    ComponentKey.PENGAWASAN: Suggestion(
        tujuan=(
            "Program Penguatan Pengawasan bertujuan mewujudkan penyelenggaraan tugas {satker} "
            "yang bersih dan bebas dari korupsi, kolusi dan nepotisme. Target yang ingin dicapai "
            "adalah:"
        ),
        targets=(
            "Diterapkannya pengendalian gratifikasi, termasuk kampanye publik tentang "
            "pengendalian gratifikasi;",
            "Diterapkannya Sistem Pengendalian Intern Pemerintah (SPIP), mulai dari lingkungan "
            "pengendalian, penilaian risiko, hingga kegiatan pengendalian yang dikomunikasikan "
            "kepada seluruh pihak terkait;",
            "Dikelolanya pengaduan masyarakat dan sistem pelaporan pelanggaran (WBS), disertai "
            "evaluasi dan "
            "tindak lanjutnya;",
            "Teridentifikasi, tersosialisasikan dan tertanganinya benturan kepentingan dalam "
            "pelaksanaan tugas dan fungsi utama.",
        ),
        pengantar=(
            "Dalam menerapkan Penguatan Pengawasan tersebut, kegiatan yang dilaksanakan adalah "
            "sebagai berikut:"
        ),
        indikator={
            "kegiatan": "Pengendalian Gratifikasi",
            "hasil": "Pegawai dan pengguna layanan memahami larangan gratifikasi",
            "uraian": "1. Memasang media kampanye antigratifikasi\n"
            "2. Merekap laporan penerimaan gratifikasi",
            "target": "Laporan pengendalian gratifikasi setiap bulan",
            "penanggung_jawab": "Unit Pengendalian Gratifikasi",
            "data_dukung": "Foto media kampanye, rekap laporan gratifikasi",
        },
        months=tuple(range(1, 13)),
        prioritas={
            "target": "Penerapan Sistem Pelaporan Pelanggaran (WBS)",
            "rencana_aksi": "Menyosialisasikan tata cara pelaporan pelanggaran kepada pegawai",
            "waktu": "Februari {tahun}",
            "output": "Laporan sosialisasi dan rekap laporan pelanggaran",
        },
    ),
    ComponentKey.PELAYANAN_PUBLIK: Suggestion(
        tujuan=(
            "Program Peningkatan Kualitas Pelayanan Publik bertujuan meningkatkan kualitas dan "
            "inovasi pelayanan {satker} secara berkala sesuai dengan kebutuhan dan harapan "
            "masyarakat. Target yang ingin dicapai adalah:"
        ),
        targets=(
            "Ditetapkan, dimaklumatkan, dipublikasikan dan direviunya standar pelayanan secara "
            "berkala;",
            "Diterapkannya budaya pelayanan prima melalui peningkatan kompetensi petugas, "
            "informasi layanan yang mudah diakses, penghargaan dan sanksi bagi petugas, "
            "kompensasi bagi penerima layanan, sarana layanan terpadu, serta inovasi pelayanan;",
            "Dikelolanya pengaduan dan konsultasi pelayanan yang terintegrasi dengan "
            "SP4N-LAPOR!, disertai evaluasinya;",
            "Terlaksananya survei kepuasan masyarakat secara berkala, yang hasilnya terbuka "
            "untuk umum dan ditindaklanjuti;",
            "Dimanfaatkannya teknologi informasi dan basis data pelayanan yang terintegrasi, "
            "dengan perbaikan secara terus-menerus.",
        ),
        pengantar=(
            "Dalam menerapkan Peningkatan Kualitas Pelayanan Publik tersebut, kegiatan yang "
            "dilaksanakan adalah sebagai berikut:"
        ),
        indikator={
            "kegiatan": "Penilaian Kepuasan terhadap Pelayanan",
            "hasil": "Diketahuinya tingkat kepuasan masyarakat terhadap pelayanan",
            "uraian": "1. Menyebarkan kuesioner survei kepuasan masyarakat\n"
            "2. Mengolah dan mengumumkan hasil survei\n3. Menindaklanjuti hasil survei",
            "target": "Hasil survei kepuasan masyarakat diumumkan setiap triwulan",
            "penanggung_jawab": "Pokja Pelayanan Publik",
            "data_dukung": "Laporan survei kepuasan masyarakat, bukti publikasi",
        },
        months=(3, 6, 9, 12),
        prioritas={
            "target": "Maklumat Pelayanan",
            "rencana_aksi": "Menyusun dan menandatangani maklumat pelayanan",
            "waktu": "Februari {tahun}",
            "output": "Maklumat pelayanan terpasang di ruang layanan",
        },
    ),
}


def fill_in(text: str, context: Context) -> str:
    """A suggested text with ``{satker}`` and ``{tahun}`` filled from what is known."""
    return text.format(satker=context.satker or UNIT, tahun=context.tahun or date.today().year)


def suggested_uraian(key: ComponentKey, context: Context) -> list[list[object]]:
    """The component's suggested purpose, targets and table sentence, for the Pokja to edit."""
    suggestion = SUGGESTIONS[key]
    targets: list[list[object]] = [["Target", target] for target in suggestion.targets]
    return [
        ["Tujuan", fill_in(suggestion.tujuan, context)],
        *targets,
        ["Pengantar Tabel", suggestion.pengantar],
    ]
