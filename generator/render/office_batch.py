"""One LibreOffice process for a whole batch: a Basic macro, installed into the private
profile, opens each document, updates its indexes (the Daftar Isi and the Daftar Tabel,
numbered by LibreOffice's own layout) and exports it to PDF.

``--convert-to`` does not update indexes on loading, and Python-UNO is not available
everywhere; a Basic macro in the profile runs wherever LibreOffice runs. The macro
appends each finished PDF's path to a log, so that a document it could not export (or a
LibreOffice without Basic) is known and the caller can fall back to two runs.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from generator.render import office

LIBRARY = "ZiPlan"
MODULE = "Batch"

# Reads "<docx URL>\t<pdf URL>\t<0|1>" lines from the list file (0: leave the lists made
# from paragraph styles, the Daftar Tabel, as written: LibreOffice would empty a list
# without entries, and drop its note); after each export appends the PDF URL to
# "<list>.done", after a failure a line "GAGAL <pdf URL> <line>: <error>". The indexes are
# updated twice: the first update can move headings (a list longer than its placeholder),
# the second numbers the settled layout. Each bookmark becomes a named destination of the
# PDF, which says where a heading stands without reading the pages' text.
BASIC_SOURCE = """\
Sub Main(listFile As String)
    Dim hidden(0) As New com.sun.star.beans.PropertyValue
    hidden(0).Name = "Hidden"
    hidden(0).Value = True
    Dim destinations(0) As New com.sun.star.beans.PropertyValue
    destinations(0).Name = "ExportBookmarksToPDFDestination"
    destinations(0).Value = True
    Dim export(1) As New com.sun.star.beans.PropertyValue
    export(0).Name = "FilterName"
    export(0).Value = "writer_pdf_Export"
    export(1).Name = "FilterData"
    export(1).Value = destinations()
    Dim source As Integer
    source = FreeFile
    Open listFile For Input As #source
    Do While Not EOF(source)
        Dim line As String
        Line Input #source, line
        Dim fields
        fields = Split(line, Chr(9))
        If UBound(fields) = 2 Then
            Convert(fields(0), fields(1), fields(2) = "1", hidden(), export(), listFile & ".done")
        End If
    Loop
    Close #source
    StarDesktop.terminate()
End Sub

Sub Convert(docUrl As String, pdfUrl As String, styleLists As Boolean, hidden, export, _
        doneFile As String)
    On Error GoTo Failed
    Dim document As Object
    document = StarDesktop.loadComponentFromURL(docUrl, "_blank", 0, hidden())
    Dim pass As Integer, i As Integer
    Dim index As Object
    For pass = 1 To 2
        For i = 0 To document.getDocumentIndexes().getCount() - 1
            index = document.getDocumentIndexes().getByIndex(i)
            If index.CreateFromOutline Or styleLists Then
                If pass = 1 Then ShiftStyles(document, index)
                index.update()
            End If
        Next i
    Next pass
    document.storeToURL(pdfUrl, export())
    document.close(True)
    Dim done As Integer
    done = FreeFile
    Open doneFile For Append As #done
    Print #done, pdfUrl
    Close #done
    Exit Sub
Failed:
    Dim message As String
    message = "GAGAL " & pdfUrl & " " & Erl & ": " & Error$
    On Error Resume Next
    If Not IsNull(document) Then document.close(True)
    done = FreeFile
    Open doneFile For Append As #done
    Print #done, message
    Close #done
End Sub

Rem The import of a Word TOC field with \\t "Caption,1" puts the style on the index's level
Rem 0, which LibreOffice does not collect from, and under Word's name, whose case may differ
Rem from the document's style ("caption"): the names go to level 1, as the document spells them.
Sub ShiftStyles(document As Object, index As Object)
    If index.CreateFromOutline Or Not index.CreateFromLevelParagraphStyles Then Exit Sub
    Dim styles As Object
    styles = index.LevelParagraphStyles
    If UBound(styles.getByIndex(0)) < 0 Or UBound(styles.getByIndex(1)) >= 0 Then Exit Sub
    Dim names, wanted, known As String, j As Integer, k As Integer
    names = document.StyleFamilies.getByName("ParagraphStyles").getElementNames()
    wanted = styles.getByIndex(0)
    For j = 0 To UBound(wanted)
        For k = 0 To UBound(names)
            If LCase(names(k)) = LCase(wanted(j)) Then wanted(j) = names(k)
        Next k
    Next j
    Dim none() As String
    styles.replaceByIndex(1, wanted)
    styles.replaceByIndex(0, none)
End Sub
"""

_HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE {kind} PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "{dtd}">\n'
)
_LIBRARY_NS = 'xmlns:library="http://openoffice.org/2000/library"'
_LINK_NS = 'xmlns:xlink="http://www.w3.org/1999/xlink"'


# A profile marked complete: otherwise LibreOffice's first start copies its presets over
# the profile's Basic containers, and the library is gone.
_REGISTRY = """\
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry">
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" \
oor:op="fuse"><value>true</value></prop></item>
</oor:items>
"""


def _write_profile_library(profile: Path) -> None:
    """The library, registered in the profile's script and dialog containers."""
    basic = profile / "user" / "basic"
    basic.mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_REGISTRY, encoding="utf-8")
    library = basic / LIBRARY
    library.mkdir(parents=True)
    (library / f"{MODULE}.xba").write_text(
        _HEADER.format(kind="script:module", dtd="module.dtd")
        + '<script:module xmlns:script="http://openoffice.org/2000/script" '
        f'script:name="{MODULE}" script:language="StarBasic">'
        f"{escape(BASIC_SOURCE)}</script:module>\n",
        encoding="utf-8",
    )
    (library / "script.xlb").write_text(
        _HEADER.format(kind="library:library", dtd="library.dtd")
        + f'<library:library {_LIBRARY_NS} library:name="{LIBRARY}" library:readonly="false" '
        f'library:passwordprotected="false">\n <library:element library:name="{MODULE}"/>\n'
        "</library:library>\n",
        encoding="utf-8",
    )
    (library / "dialog.xlb").write_text(
        _HEADER.format(kind="library:library", dtd="library.dtd")
        + f'<library:library {_LIBRARY_NS} library:name="{LIBRARY}" library:readonly="false" '
        'library:passwordprotected="false"/>\n',
        encoding="utf-8",
    )
    for container, entry in (("script.xlc", "script.xlb"), ("dialog.xlc", "dialog.xlb")):
        (basic / container).write_text(
            _HEADER.format(kind="library:libraries", dtd="libraries.dtd")
            + f"<library:libraries {_LIBRARY_NS} {_LINK_NS}>\n"
            f' <library:library library:name="{LIBRARY}" '
            f'xlink:href="$(USER)/basic/{LIBRARY}/{entry}/" xlink:type="simple" '
            'library:link="false"/>\n</library:libraries>\n',
            encoding="utf-8",
        )


def convert_with_indexes(
    documents: list[Path], outdir: Path, style_lists: list[bool]
) -> list[Path] | None:
    """PDFs of ``documents`` in ``outdir`` (same stems), their indexes updated by
    LibreOffice, through one process; the lists made from paragraph styles only where
    ``style_lists`` says so. None when any PDF did not come out (the macro not run, a
    document it could not open), so that the caller takes the other way."""
    program = office.soffice()  # through the module: one place decides, tests included
    if program is None or not documents:
        return None
    pdfs = [outdir / f"{document.stem}.pdf" for document in documents]
    with tempfile.TemporaryDirectory(prefix="zi-plan-lo-") as scratch:
        profile = Path(scratch) / "profile"
        _write_profile_library(profile)
        listing = Path(scratch) / "documents.txt"
        listing.write_text(
            "".join(
                f"{document.resolve().as_uri()}\t{pdf.resolve().as_uri()}\t{int(styles)}\n"
                for document, pdf, styles in zip(documents, pdfs, style_lists, strict=True)
            ),
            encoding="utf-8",
        )
        argument = str(listing).replace('"', '""')
        try:
            subprocess.run(
                [
                    program,
                    "--headless",
                    "--norestore",
                    f"-env:UserInstallation={profile.as_uri()}",
                    f'macro:///{LIBRARY}.{MODULE}.Main("{argument}")',
                ],
                check=True,
                capture_output=True,
                timeout=office.TIMEOUT_SECONDS * len(documents),
            )
        except (subprocess.TimeoutExpired, subprocess.CalledProcessError, OSError):
            return None
        done_file = listing.with_name(listing.name + ".done")
        done = set(done_file.read_text(encoding="utf-8").split()) if done_file.is_file() else set()
    if all(pdf.resolve().as_uri() in done and pdf.is_file() for pdf in pdfs):
        return pdfs
    return None
