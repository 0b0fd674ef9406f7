"""The Indonesian texts the Pokja and the Kanwil read, keyed by a stable problem code.

Each entry is (what was found, what to do). ``{name}`` fields are filled from the problem.
"""

from __future__ import annotations

import errno
import re

MESSAGES: dict[str, tuple[str, str]] = {
    # files
    "folder-tidak-ada": (
        "Folder sumber tidak ditemukan; yang dicari: {path}.",
        "Periksa nama folder, atau jalankan perintah dari folder proyek. Untuk satuan kerja "
        "baru, buat workbook-nya (zi-plan init {folder}).",
    ),
    "workbook-tidak-ada": (
        "Workbook {name} tidak ada di folder sumber.",
        "Simpan workbook yang namanya diawali {number} di folder ini.",
    ),
    "workbook-format-lain": (
        "Workbook {number} tidak dibaca: file ini berformat {kind}, sedangkan zi-plan hanya "
        "membaca .xlsx.",
        "Buka file ini dan simpan sebagai .xlsx di folder yang sama: di Excel, File › Save "
        "As › Excel Workbook (*.xlsx); di LibreOffice Calc, File › Save As › Excel "
        "2007-365 (.xlsx), lalu Use Excel 2007-365!; di WPS, File › Save As › Excel Files "
        "(*.xlsx). Setelah itu pindahkan file lamanya dari folder ini.",
    ),
    "workbook-berupa-folder": (
        "Workbook {number} tidak dibaca: yang bernama ini adalah folder, bukan file workbook.",
        "Ganti nama folder itu (atau pindahkan), lalu simpan workbook {number} di folder sumber.",
    ),
    "workbook-tautan-rusak": (
        "Workbook {number} tidak dibaca: yang bernama ini adalah tautan (shortcut) ke file "
        "yang sudah tidak ada.",
        "Hapus tautan itu, lalu salin workbook aslinya ke folder sumber.",
    ),
    "workbook-ganda": (
        "Ada dua workbook bernomor {number}: file ini dan {other}.",
        "Sisakan satu saja; pindahkan atau hapus yang lama.",
    ),
    "file-tidak-terbaca": (
        "File tidak dapat dibaca ({detail}).",
        "Tutup file di program lain, lalu periksa hak akses folder.",
    ),
    # a plain text file beside the workbooks (kamus.txt; generator/textfile.py)
    "teks-bukan-utf8": (
        "File ini tidak disimpan sebagai UTF-8, sehingga dibaca sebagai ANSI (Windows-1252); "
        "huruf di luar abjad Latin mungkin terbaca salah.",
        "Buka file di Notepad, pilih File › Simpan Sebagai, pilih Pengodean UTF-8, lalu simpan.",
    ),
    "teks-rusak": (
        "File ini ditandai {encoding} tetapi isinya terpotong atau rusak; bagian yang rusak "
        "dibaca sebagai tanda tanya.",
        "Buka file di Notepad, periksa isinya, lalu simpan ulang dengan Pengodean UTF-8.",
    ),
    "teks-tidak-terbaca": (
        "File tidak dapat dibaca ({detail}), sehingga isinya tidak dipakai.",
        "Tutup file di program lain, lalu periksa hak akses folder.",
    ),
    "file-kosong": (
        "File kosong (0 byte).",
        "Simpan ulang workbook dari Excel; file mungkin rusak saat disalin.",
    ),
    "file-xls-lama": (
        "File ini berformat Excel lama (.xls) yang diberi nama .xlsx.",
        "Buka di Excel, pilih Simpan Sebagai › Buku Kerja Excel (*.xlsx).",
    ),
    "file-berkata-sandi": (
        "Workbook ini dilindungi kata sandi sehingga tidak dapat dibaca.",
        "Buka di Excel, hapus kata sandi (File › Info › Lindungi Buku Kerja), lalu simpan.",
    ),
    "file-html": (
        "File ini halaman web (HTML) yang diberi nama .xlsx, bukan workbook Excel.",
        "Buka di Excel, lalu Simpan Sebagai › Buku Kerja Excel (*.xlsx).",
    ),
    "file-bukan-xlsx": (
        "File ini bukan workbook Excel (.xlsx).",
        "Simpan ulang dari Excel sebagai Buku Kerja Excel (*.xlsx).",
    ),
    "file-rusak": (
        "Workbook rusak dan tidak dapat dibuka ({detail}).",
        "Buka di Excel (Excel biasanya menawarkan perbaikan), lalu simpan ulang.",
    ),
    "file-terpotong": (
        "File workbook terpotong (tidak lengkap), mungkin karena unduhan atau penyalinan "
        "yang terputus.",
        "Salin atau unduh ulang workbook dari pengirimnya, lalu jalankan lagi.",
    ),
    "file-entitas-xml": (
        "Workbook memuat deklarasi DOCTYPE/entitas XML, yang tidak pernah ditulis Excel; demi "
        "keamanan file ini tidak dibuka.",
        "Jangan gunakan file ini; minta Pokja menyimpan ulang workbook langsung dari Excel.",
    ),
    "file-tidak-wajar": (
        "Isi file mengembang menjadi {size_mb} MB setelah diekstrak ({ratio} kali ukuran "
        "file); workbook Excel yang wajar tidak demikian.",
        "Jangan gunakan file ini; minta Pokja mengirim ulang workbook aslinya.",
    ),
    "isi-workbook-terlalu-besar": (
        "Sheet dan teks workbook ini berukuran {size_mb} MB setelah diekstrak, melebihi batas "
        "{max_mb} MB; workbook rencana kerja biasanya kurang dari 1 MB.",
        "Hapus sheet yang tidak diperlukan (misalnya data mentah atau daftar yang disalin ke "
        "workbook ini) atau pindahkan ke workbook lain, lalu simpan.",
    ),
    "sel-terlalu-banyak": (
        "Sheet ini membuat workbook berisi lebih dari {max} sel terisi; workbook rencana kerja "
        "hanya berisi beberapa ribu sel.",
        "Hapus isian yang tersalin sampai jauh ke bawah atau ke kanan, atau pindahkan data "
        "lain ke workbook terpisah, lalu simpan.",
    ),
    # sheets and columns
    "sheet-tidak-ada": (
        "Sheet {sheet} tidak ada (sheet yang ada: {found}).",
        "Tambahkan sheet bernama {sheet}, atau perbaiki namanya.",
    ),
    "judul-kolom-tidak-ada": (
        "Baris judul kolom tidak ditemukan di 10 baris pertama. Kolom wajib: {missing}. "
        "Isi yang ditemukan: {found}.",
        "Tulis judul kolom persis seperti contoh pada satu baris di atas tabel.",
    ),
    "kolom-wajib-tidak-ada": (
        "Kolom wajib tidak ditemukan: {missing}. Judul kolom yang ada: {found}.",
        "Tambahkan kolom tersebut, atau perbaiki ejaan judulnya.",
    ),
    "kolom-diabaikan": (
        "Kolom {extra} tidak dikenal dan diabaikan.",
        "Hapus kolom itu jika tidak diperlukan, atau perbaiki ejaan judulnya.",
    ),
    # cells
    "karakter-kontrol": (
        "Sel berisi karakter kontrol ({char}) yang tidak dapat dimuat di dokumen Word.",
        "Ketik ulang isi sel tanpa menyalin dari program lain.",
    ),
    "teks-terlalu-panjang": (
        "Isi sel {length} karakter, melebihi batas Excel 32.767 karakter; sel sepanjang itu "
        "tidak mungkin diketik di Excel, jadi isinya kemungkinan rusak saat disalin atau "
        "dibuat oleh program lain.",
        "Periksa isi sel itu; pecah menjadi beberapa baris atau sel bila memang sepanjang itu.",
    ),
    "rumus-tanpa-nilai": (
        "Sel berisi rumus yang belum pernah dihitung (workbook disimpan oleh program yang "
        "tidak menghitung rumus), sehingga hasilnya tidak diketahui.",
        "Buka workbook di Excel atau LibreOffice Calc, lalu simpan lagi: rumusnya dihitung "
        "saat disimpan. Atau ganti rumus itu dengan isinya.",
    ),
    "sheet-tersembunyi": (
        "Sheet ini disembunyikan (Hide), tetapi isinya ikut dibaca dan dicetak di dokumen.",
        "Tampilkan sheet itu (klik kanan pada tab sheet › Unhide) dan periksa isinya.",
    ),
    "sheet-sangat-tersembunyi": (
        "Sheet ini disembunyikan sepenuhnya (very hidden: tidak muncul di menu Unhide), "
        "tetapi isinya ikut dibaca dan dicetak di dokumen.",
        "Tampilkan lewat Visual Basic Editor (Alt+F11 › pilih sheet › Properties › Visible › "
        "-1 - xlSheetVisible), atau minta bantuan pengelola TI, lalu periksa isinya.",
    ),
    "baris-tersembunyi": (
        "{count} baris berisi data ini disembunyikan (Hide atau filter), tetapi isinya ikut "
        "dicetak di dokumen.",
        "Tampilkan barisnya (pilih baris di sekitarnya, klik kanan › Unhide, atau hapus "
        "filter), periksa isinya, dan hapus baris yang tidak dipakai.",
    ),
    "kolom-tersembunyi": (
        "Kolom berisi data ini disembunyikan (Hide), tetapi isinya ikut dicetak di dokumen.",
        "Tampilkan kolomnya (pilih kolom di sekitarnya, klik kanan › Unhide) dan periksa isinya.",
    ),
    "sel-gabungan-terlalu-luas": (
        "Sel gabungan (Merge) ini mencakup {cells} sel, jauh lebih luas daripada tabel "
        "rencana kerja mana pun.",
        "Pilih rentang itu, batalkan penggabungan (Merge & Center), lalu gabungkan hanya sel "
        "yang diperlukan.",
    ),
    "tabel-terlalu-panjang": (
        "Tabel berisi {rows} baris data, melebihi batas {max} baris.",
        "Hapus isian yang tersalin sampai jauh ke bawah (misalnya tanda - yang diisi ke "
        "seluruh kolom), lalu simpan.",
    ),
    "galat-excel": (
        "Sel berisi nilai galat Excel {value} (rumus yang gagal, atau tanggal di luar "
        "jangkauan Excel), bukan isi yang dapat dicetak.",
        "Perbaiki rumus atau isi sel itu di Excel (ganti dengan teks biasa bila perlu), "
        "lalu simpan.",
    ),
    # Identitas
    "identitas-kosong": (
        "Isian {field} wajib diisi tetapi tidak ditemukan atau kosong.",
        "Isi kolom Isi pada baris {field} di sheet Identitas (tambahkan barisnya bila belum ada).",
    ),
    "identitas-tidak-dikenal": (
        "Isian {field} tidak dikenal dan diabaikan.",
        "Periksa ejaannya; isian yang dikenal: {known}.",
    ),
    "identitas-ganda": (
        "Isian {field} ditulis dua kali; yang dipakai baris pertama.",
        "Hapus salah satu baris.",
    ),
    "tahun-tidak-sah": (
        '"{value}" bukan tahun rencana yang sah.',
        "Isi dengan tahun empat angka antara 2000 dan 2100, misalnya 2025.",
    ),
    "tanggal-tidak-sah": (
        '"{value}" bukan tanggal.',
        "Isi dengan tanggal Excel atau teks seperti 12 Februari 2024.",
    ),
    "kertas-tidak-sah": (
        '"{value}" bukan ukuran kertas yang dikenal.',
        "Isi A4 atau F4.",
    ),
    "nip-bukan-18-angka": (
        '"{value}" bukan NIP: NIP terdiri atas 18 angka.',
        "Isi 18 angka NIP; spasi boleh (19760413 200012 1 002).",
    ),
    "nip-tanggal-lahir": (
        'NIP "{value}": delapan angka pertama bukan tanggal lahir yang mungkin.',
        "Periksa kembali NIP pada SK kepegawaian.",
    ),
    "nip-tmt": (
        'NIP "{value}": angka ke-9 s.d. 14 bukan tahun dan bulan pengangkatan yang mungkin.',
        "Periksa kembali NIP pada SK kepegawaian.",
    ),
    "nip-jenis-kelamin": (
        'NIP "{value}": angka ke-15 harus 1 (laki-laki) atau 2 (perempuan).',
        "Periksa kembali NIP pada SK kepegawaian.",
    ),
    "nip-berupa-angka": (
        "NIP diketik sebagai angka ({value}); Excel hanya menyimpan 15 angka pertama sebuah "
        "bilangan, sehingga angka terakhir NIP dapat berubah.",
        "Ubah format sel menjadi Teks lalu ketik ulang NIP, atau awali NIP dengan tanda petik "
        "('), misalnya '197604132000121002.",
    ),
    "nip-terpotong-excel": (
        "NIP diketik sebagai angka dan Excel telah memotongnya: sel menampilkan {value}, "
        "yang tersimpan hanya {kept}; angka terakhir NIP sudah hilang.",
        "Ubah format sel menjadi Teks (klik kanan › Format Cells › Text), lalu ketik ulang "
        "ke-18 angka NIP dari SK kepegawaian, atau awali NIP dengan tanda petik ('), "
        "misalnya '197604132000121002.",
    ),
    "nip-karakter-lain": (
        'NIP "{value}" memuat {chars}: bukan angka, spasi, titik, tanda hubung, atau label '
        "NIP di depannya.",
        "Hapus {chars} dari sel itu (huruf O dan l kerap terketik untuk angka 0 dan 1); "
        "yang tersisa harus 18 angka NIP.",
    ),
    "nip-umur": (
        'NIP "{value}": menurut NIP, pegawai ini diangkat pada umur {age} tahun, yang tidak '
        "mungkin.",
        "Periksa kembali tanggal lahir dan TMT pengangkatan pada SK kepegawaian.",
    ),
    "nama-singkat-tidak-sah": (
        'Nama Singkat "{value}" dipakai untuk nama file dokumen, tetapi {reason}.',
        'Tulis nama singkat yang pendek tanpa karakter / \\ : * ? " < > |, misalnya Rutan '
        "Pekanbaru.",
    ),
    "ketua-tim-tidak-lengkap": (
        "Nama Ketua Tim dan NIP Ketua Tim harus diisi keduanya.",
        "Lengkapi isian yang kosong, atau kosongkan keduanya.",
    ),
    # Narasi and Uraian
    "bagian-tidak-dikenal": (
        'Bagian "{value}" tidak dikenal.',
        "Gunakan salah satu: {known}.",
    ),
    "bagian-kosong": (
        "Kolom Bagian kosong pada baris pertama tabel.",
        "Isi nama Bagian; baris di bawahnya yang kosong mengikuti Bagian di atasnya.",
    ),
    "tingkat-tidak-sah": (
        '"{value}" bukan tingkat yang dikenal.',
        "Isi 0 (paragraf), 1 (butir 1.), 2 (butir a.) atau 3 (butir 1)), atau kosongkan.",
    ),
    "teks-kosong": (
        "Kolom Teks kosong; baris ini dilewati.",
        "Isi teksnya atau hapus barisnya.",
    ),
    # Indikator and Prioritas
    "kelompok-tanpa-induk": (
        "Kolom {column} kosong pada baris pertama, sehingga baris ini tidak punya induk.",
        "Isi {column}; baris di bawahnya yang kosong mengikuti isi di atasnya.",
    ),
    "tanda-tidak-dikenal": (
        '"{value}" bukan tanda centang.',
        "Isi √ (atau v, x, 1, ya) untuk bulan yang direncanakan, atau kosongkan.",
    ),
    "tanpa-bulan": (
        "Baris kegiatan ini tidak dicentang pada bulan mana pun.",
        "Centang (√) bulan pelaksanaannya pada kolom JAN s.d. DES.",
    ),
    "baris-hanya-centang": (
        "Baris tersebut hanya berisi centang bulan, tanpa teks; dicetak sebagai baris jadwal "
        'lanjutan kegiatan "{kegiatan}" di atasnya.',
        "Jika centang itu jadwal butir uraian di atasnya, biarkan; jika bukan, isi Hasil, "
        "Uraian Kegiatan atau Target baris itu, atau hapus barisnya.",
    ),
    "baris-tanpa-isi": (
        "Baris tersebut tidak berisi teks dan tidak dicentang (hanya tanda - atau 0), sehingga "
        "tidak dicetak.",
        "Hapus baris itu, atau isi kegiatannya dan centang bulan pelaksanaannya.",
    ),
    "tanpa-matriks": (
        "Sheet Indikator kosong: komponen ini tampil tanpa matriks kegiatan bulanan.",
        "Isi matriks kegiatan jika Pokja memilikinya.",
    ),
    "tanpa-rencana-aksi": (
        "Target prioritas ini tidak memiliki Rencana Aksi.",
        "Isi langkah Rencana Aksi pada baris target ini dan di bawahnya.",
    ),
    "tahun-waktu-berbeda": (
        'Waktu "{value}" menyebut tahun {year}, bukan tahun rencana {tahun}.',
        "Periksa tahunnya; ini peringatan, dokumen tetap dibuat.",
    ),
    "galat-internal": (
        "Terjadi galat tak terduga saat menyusun satuan kerja ini ({detail}).",
        "Satuan kerja lain tetap disusun. Jalankan zi-plan build untuk folder ini dengan "
        "--debug, lalu kirim keluarannya kepada pengembang.",
    ),
    "folder-tanpa-umum": (
        "Folder ini berisi workbook Pokja ({found}) tetapi tidak berisi 00_umum.xlsx, "
        "sehingga tidak ikut disusun.",
        "Simpan 00_umum.xlsx satuan kerja itu di folder yang sama (buat dengan zi-plan init "
        "bila belum ada), lalu jalankan lagi.",
    ),
    "folder-di-dalam-satker": (
        "Folder ini berisi 00_umum.xlsx tetapi terletak di dalam folder satuan kerja {unit}, "
        "sehingga tidak ikut disusun (dianggap arsip milik satuan kerja itu).",
        "Bila folder ini satuan kerja tersendiri, pindahkan ke luar folder {unit}, langsung "
        "di bawah folder Kanwil; bila arsip, biarkan.",
    ),
    "folder-terlalu-dalam": (
        "Folder ini berisi 00_umum.xlsx tetapi terletak lebih dari {depth} tingkat di bawah "
        "folder Kanwil, sehingga tidak ikut disusun.",
        "Pindahkan folder satuan kerja itu langsung ke bawah folder Kanwil atau ke satu "
        "subfolder pengelompokan (misalnya Pekanbaru/rutan_dumai).",
    ),
    "proses-kerja-berhenti": (
        "Sebuah proses kerja berhenti mendadak (mungkin kehabisan memori); tidak ada "
        "dokumen yang diterbitkan.",
        "Tutup program lain yang memakai banyak memori, lalu jalankan lagi; bila terulang, "
        "jalankan dengan --jobs 1.",
    ),
    "nama-singkat-kembar": (
        'Nama Singkat "{name}" tahun {tahun} juga dipakai satuan kerja di folder {others}, '
        "sehingga dokumennya akan bernama sama; dokumen keduanya tidak dibuat.",
        "Periksa Nama Singkat di 00_umum.xlsx kedua folder: workbook salah satunya mungkin "
        "tersalin dari satuan kerja lain.",
    ),
    "nama-satker-lain": (
        'Teks menyebut "{word}", padahal satuan kerja ini {jenis}.',
        "Periksa apakah teks ini tersalin dari rencana satuan kerja lain.",
    ),
    "nilai-tidak-sah": (
        "Nilai tidak sah: {detail}.",
        "Perbaiki isi sel sesuai petunjuk workbook.",
    ),
    # realisation workbooks and monev (zi-plan realisasi, monev, monev-all)
    "realisasi-tidak-tertempatkan": (
        'Isian baris "{value}" tidak dapat ditempatkan: baris itu tidak ada lagi di rencana.',
        "Isiannya disalin ke sheet Tidak Tertempatkan; pindahkan ke baris yang sesuai bila "
        "masih berlaku.",
    ),
    "realisasi-folder-tidak-ada": (
        "Folder realisasi tidak ditemukan.",
        "Buat workbook realisasi dengan zi-plan realisasi {sources}, atau sebutkan foldernya "
        "dengan --realisasi.",
    ),
    "realisasi-workbook-tidak-ada": (
        "Workbook realisasi {name} tidak ada di folder realisasi.",
        "Simpan workbook realisasi yang namanya diawali {number} di folder ini, atau buat "
        "ulang dengan zi-plan realisasi {sources} (isian yang ada dipertahankan).",
    ),
    "realisasi-identitas-tidak-ada": (
        "Baris {field} tidak ditemukan di sheet Petunjuk, sehingga tidak jelas workbook ini "
        "milik rencana mana.",
        "Buat ulang workbook dengan zi-plan realisasi {sources}; isian yang ada dipertahankan.",
    ),
    "realisasi-satker-lain": (
        'Workbook realisasi ini milik "{found}", bukan "{expected}".',
        "Gunakan workbook realisasi satuan kerja ini; workbook itu mungkin tersalin dari "
        "satuan kerja lain.",
    ),
    "realisasi-tahun-lain": (
        "Workbook realisasi ini untuk tahun {found}, bukan tahun rencana {expected}.",
        "Gunakan workbook realisasi tahun {expected}, atau buat dengan zi-plan realisasi "
        "{sources}.",
    ),
    "realisasi-rencana-berubah": (
        "Workbook realisasi ini disusun dari versi rencana yang lain ({detail}).",
        "Jalankan zi-plan realisasi {sources} lagi: isian yang sudah ada dipindahkan ke "
        "baris yang sama isinya di rencana baru.",
    ),
    "realisasi-tanda-tidak-dikenal": (
        '"{value}" bukan tanda centang.',
        "Pilih √ (atau v, x, 1, ya) pada bulan kegiatan dilaksanakan, atau kosongkan.",
    ),
    "status-tidak-dikenal": (
        '"{value}" bukan status yang dikenal.',
        "Pilih Belum, Proses atau Selesai dari daftar; kosong berarti Belum.",
    ),
    "ya-tidak-tidak-sah": (
        '"{value}" bukan Ya atau Tidak.',
        "Pilih Ya bila pimpinan hadir, Tidak bila tidak.",
    ),
    "triwulan-tidak-sah": (
        '"{value}" bukan triwulan.',
        "Isi 1, 2, 3 atau 4 (atau I s.d. IV).",
    ),
    "realisasi-wajib-diisi": (
        "Kolom {column} wajib diisi pada baris yang terisi.",
        "Isi {column}, atau hapus seluruh baris bila tidak dipakai.",
    ),
    "realisasi-tanggal-tahun-lain": (
        "Tanggal {value} tidak berada di tahun rencana {tahun}.",
        "Periksa tanggalnya; ini peringatan, laporan tetap dibuat.",
    ),
    # output
    "dokumen-gagal-ditulis": (
        "Dokumen tidak dapat ditulis ({detail}).",
        "Periksa ruang kosong dan media penyimpanan, lalu jalankan lagi. Dokumen lama tidak "
        "berubah.",
    ),
    "libreoffice-gagal": (
        "LibreOffice gagal menyusun halaman dokumen ({detail}).",
        "Jalankan lagi; jika tetap gagal, buat dokumen dengan --tanpa-daftar-isi (Word "
        "mengisi Daftar Isi saat dokumen dibuka). Dokumen lama tidak berubah.",
    ),
    "keluaran-berupa-folder": (
        "Di tempat file ini akan ditulis ada folder dengan nama yang sama; tidak ada file "
        "yang ditulis.",
        "Pindahkan atau ganti nama folder itu, atau pilih nama file lain dengan -o.",
    ),
    "dokumen-terkunci": (
        "Dokumen tidak dapat ditulis karena sedang dibuka di program lain.",
        "Tutup file itu di Word atau Excel, lalu jalankan lagi. Dokumen lama tidak berubah.",
    ),
    # zi-plan init: the folder the new workbooks go into; the texts name it themselves
    "folder-berupa-file": (
        "{path} adalah file, bukan folder.",
        "sebutkan nama folder baru atau folder yang sudah ada.",
    ),
    "workbook-sudah-ada": (
        "Folder {path} sudah berisi {names}. Tidak ada file yang diubah.",
        "pilih folder lain, atau jalankan lagi dengan --force untuk menimpanya.",
    ),
    "nomor-workbook-terpakai": (
        "Folder {path} sudah berisi workbook bernomor sama dengan nama lain: {clashes}. Dua "
        "workbook bernomor sama tidak dapat disusun, dan --force tidak menghapus file. Tidak "
        "ada file yang diubah.",
        "pindahkan file tersebut ke folder lain, atau pilih folder lain.",
    ),
    "workbook-tidak-dapat-ditulis": (
        "{path} tidak dapat ditulis ({detail}).",
        "tutup file itu di Excel, atau periksa hak akses folder, lalu jalankan lagi.",
    ),
    # zi-plan diff: OLD and NEW
    "rencana-tidak-ada": (
        "Folder sumber atau file JSON ini tidak ditemukan.",
        "Periksa nama dan lokasinya.",
    ),
    "rencana-bukan-json": (
        "Ini bukan folder sumber dan bukan file JSON rencana kerja.",
        "Berikan folder berisi workbook Pokja, atau file .json hasil zi-plan build --json.",
    ),
    "json-bukan-utf8": (
        "File ini bukan teks JSON (bukan UTF-8).",
        "Buat ulang file dengan zi-plan build --json.",
    ),
    "json-tidak-terbaca": (
        "File tidak dapat dibaca ({detail}).",
        "Tutup file di program lain, lalu periksa hak akses folder.",
    ),
    "json-bukan-rencana": (
        "Isi file bukan rencana kerja yang sah ({detail}).",
        "Buat ulang file dengan zi-plan build --json dari folder sumbernya; jangan sunting "
        "file JSON dengan tangan.",
    ),
    # pre-signing review (zi-plan check)
    "ejaan": (
        'Kata "{word}" tidak ada di kamus bahasa Indonesia{more}.',
        "Periksa ejaannya; jika benar (nama, singkatan, istilah), tambahkan ke kamus.txt "
        "di folder sumber.",
    ),
    "kalimat-ganda": (
        "Kalimat yang sama juga tertulis di {other}.",
        "Pastikan kalimat ini memang berlaku untuk kedua komponen, bukan tersalin.",
    ),
    "nama-satker-beda": (
        'Nama satuan kerja ditulis "{found}", berbeda dengan "{official}" atau "{short}".',
        "Gunakan salah satu nama resmi dari sheet Identitas.",
    ),
    "nomor-diketik": (
        'Teks diawali nomor "{typed}" yang diketik manual; dokumen memberi nomor sendiri '
        "dan nomor ketikan diabaikan.",
        "Nomor itu boleh dihapus, tetapi biarkan setiap langkah atau butir pada barisnya "
        "sendiri: satu baris tetap satu langkah.",
    ),
    "tahun-tanggal-berbeda": (
        "{field} berada di tahun {year}, bukan tahun rencana {tahun}.",
        "Periksa tanggal atau Tahun pada sheet Identitas.",
    ),
    "libreoffice-tidak-ada": (
        "LibreOffice tidak terpasang, sehingga PDF dan nomor halaman Daftar Isi "
        "tidak dapat dibuat.",
        "{advice}, atau sebutkan lokasi program soffice dalam variabel lingkungan "
        "{variable}; atau buka dokumen di Word lalu perbarui Daftar Isi.",
    ),
    "dokumen-tanpa-izin": (
        "Tidak ada izin menulis ke lokasi ini.",
        "Pilih folder lain dengan -o, atau periksa hak akses folder.",
    ),
    # LKE ZI (zi-plan lke; generator/lke/)
    "kode-lke-tidak-dikenal": (
        'Kode LKE "{value}" tidak cocok dengan butir LKE mana pun, sehingga baris ini tidak '
        "dihitung dalam cakupan LKE.",
        "Tulis kode butir lengkap sampai huruf butirnya (A.1.I.iii.a atau PPA3A){nearest}.",
    ),
    "lke-belum-ada-rencana-aksi": (
        "{sentence}",
        "Tambahkan rencana aksi untuk butir yang bobotnya terbesar: {heaviest} "
        "(rinciannya: zi-plan lke).",
    ),
    # -- issue 17: the secretariat's day without friction --
    "folder-tidak-terbaca": (
        "Folder {path} ada tetapi isinya tidak dapat dibaca ({detail}).",
        "Periksa hak akses folder itu (klik kanan › Properti › Keamanan), atau salin isinya "
        "ke folder milik Anda sendiri, lalu jalankan lagi.",
    ),
    "folder-tidak-ditemukan": (
        "Folder {path} tidak ditemukan.",
        "Periksa nama folder (spasi dan tanda baca ikut dihitung), atau jalankan perintah "
        "dari folder yang memuatnya.",
    ),
    "folder-tanpa-satuan-kerja": (
        "Folder ini tidak berisi subfolder yang memuat 00_umum.xlsx.",
        "Simpan sumber setiap satuan kerja dalam subfoldernya sendiri, misalnya "
        "kanwil/rutan_pekanbaru/00_umum.xlsx.",
    ),
    "folder-tanpa-realisasi": (
        "Tidak ada satuan kerja di folder ini yang memiliki folder realisasi.",
        "Buat workbook realisasi setiap satuan kerja dengan zi-plan realisasi SUMBER.",
    ),
    "folder-tanpa-workbook": (
        "Folder {path} tidak berisi satu pun workbook Pokja (00_umum.xlsx s.d. "
        "06_pelayanan_publik.xlsx){others}.",
        "Pilih folder sumber yang benar, ganti nama workbook agar diawali nomornya, atau buat "
        "workbook baru (zi-plan init {folder}).",
    ),
    "workbook-tidak-dipakai": (
        "File ini tidak dibaca: namanya tidak diawali nomor workbook 00 s.d. 06.",
        "Jika ini workbook Pokja, ganti namanya menjadi {suggest}; jika bukan, abaikan atau "
        "pindahkan dari folder sumber.",
    ),
    # the cover's logo (generator/plan/logo.py)
    "logo-tidak-ada": (
        "Folder sumber tidak berisi logo ({names}): sampul dibuat tanpa logo.",
        "Simpan logo satuan kerja di folder sumber dengan nama logo.png (atau .jpg, .gif), "
        "lalu jalankan lagi.",
    ),
    "logo-bukan-gambar": (
        "File logo ini tidak dapat dipasang di sampul: {found}. Sampul dibuat tanpa logo.",
        "Buka logo di program gambar, simpan sebagai PNG atau JPEG (misalnya logo.png), "
        "lalu jalankan lagi.",
    ),
    "logo-ganda": (
        "Ada lebih dari satu file logo; yang dipakai file ini, bukan {others}.",
        "Sisakan satu file logo di folder sumber agar jelas mana yang dipakai.",
    ),
    "tanpa-prioritas": (
        "Sheet Prioritas kosong: komponen ini tampil tanpa tabel Target Prioritas.",
        "Isi target prioritas beserta langkah rencana aksinya.",
    ),
}


OS_REASONS = {
    errno.EACCES: "tidak ada izin",
    errno.EPERM: "tidak ada izin",
    errno.ENOSPC: "ruang disk penuh",
    errno.EROFS: "media hanya dapat dibaca",
    errno.EEXIST: "sudah ada file dengan nama folder itu",
    errno.ENOTDIR: "sebagian jalur adalah file, bukan folder",
    errno.ENOENT: "file atau folder tidak ditemukan",
    errno.EISDIR: "yang ditemukan adalah folder, bukan file",
    errno.EIO: "galat baca/tulis pada media penyimpanan",
    errno.EBUSY: "file sedang dipakai program lain",
}


def os_reason(exc: OSError) -> str:
    """Why the system refused to read or write a file, in Indonesian."""
    return OS_REASONS.get(exc.errno or 0, f"galat sistem nomor {exc.errno}")


QUOTED_CHARS = 80  # a cell quoted in a message is cut here


def quoted(text: str) -> str:
    """Typed text as a message quotes it: on one line, and a long one cut short."""
    flat = _one_line(text)
    return flat if len(flat) <= QUOTED_CHARS else flat[:QUOTED_CHARS].rstrip() + "…"


def render_message(code: str, params: dict[str, object]) -> str:
    """The problem's text on one line: a quoted multi-line cell is joined, a long one cut."""
    flat = {
        key: _one_line(value) if isinstance(value, str) else value for key, value in params.items()
    }
    if isinstance(flat.get("value"), str):
        flat["value"] = quoted(str(flat["value"]))
    found, todo = MESSAGES[code]
    return f"{found.format(**flat)} Perbaiki: {todo.format(**flat)}"


def _one_line(text: str) -> str:
    return re.sub(r"\s*[\r\n]+\s*", " ", text)
