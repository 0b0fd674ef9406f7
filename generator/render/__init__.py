"""Plan -> the Word document: context, template engine, table layout, Daftar Isi, LibreOffice."""
