"""One LibreOffice process for a whole batch, converting documents while the others are
still being built: a Basic macro, installed into the private profile, waits for jobs in a
queue folder, opens each document, updates its indexes (the Daftar Isi and the Daftar
Tabel, numbered by LibreOffice's own layout) and exports it to PDF.

``--convert-to`` does not update indexes on loading, and Python-UNO is not available
everywhere; a Basic macro in the profile runs wherever LibreOffice runs. The macro logs
each finished PDF, so that a document it could not export (or a LibreOffice without
Basic, which ends without a word) is known and the caller can take the two-run way for it.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from xml.sax.saxutils import escape

from generator.render import office

LIBRARY = "ZiPlan"
MODULE = "Batch"
POLL_SECONDS = 0.05
# How long LibreOffice may take to start and run the macro: a LibreOffice without Basic
# (or one held by a dialog) never does, and then the batch takes the two-run way.
START_SECONDS = 120

# The queue: job files "<prefix>1.job", "<prefix>2.job"..., each one line "<docx URL>\t<pdf
# URL>\t<0|1>" (0: leave the lists made from paragraph styles, the Daftar Tabel, as
# written: LibreOffice would empty a list without entries, and drop its note), each made
# whole by a rename; "<prefix>end" holds how many jobs there are. After each export the
# macro appends the PDF URL to "<prefix>done", after a failure a line "GAGAL <pdf URL>
# <line>: <error>"; its first line there, "MULAI", says that it runs. It gives up after
# ``idle`` seconds without a job (its caller is gone).
# The indexes are updated twice: the first update can move headings (a list longer than
# its placeholder), the second numbers the settled layout. Each bookmark becomes a named
# destination of the PDF, which says where a heading stands without reading the pages.
BASIC_SOURCE = """\
Sub Main(prefix As String, idle As Long)
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
    Dim job As Long, waited As Long, fields, log As Integer
    log = FreeFile
    Open prefix & "done" For Append As #log
    Print #log, "MULAI"
    Close #log
    job = 1
    Do
        If FileExists(prefix & job & ".job") Then
            fields = Split(FirstLine(prefix & job & ".job"), Chr(9))
            If UBound(fields) = 2 Then
                Convert(fields(0), fields(1), fields(2) = "1", hidden(), export(), prefix & "done")
            End If
            job = job + 1
            waited = 0
        ElseIf Ended(prefix & "end", job) Or waited > idle * 1000 Then
            Exit Do
        Else
            Wait 50
            waited = waited + 50
        End If
    Loop
    StarDesktop.terminate()
End Sub

Function FirstLine(path As String) As String
    Dim source As Integer, line As String
    source = FreeFile
    Open path For Input As #source
    Line Input #source, line
    Close #source
    FirstLine = line
End Function

Rem True when the queue is closed and every job in it taken.
Function Ended(endFile As String, job As Long) As Boolean
    Ended = False
    If FileExists(endFile) Then Ended = job > CLng(FirstLine(endFile))
End Function

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


class Session:
    """One LibreOffice process that exports each document handed to it, while the caller
    goes on: ``submit`` queues a document, ``exported`` tells which PDFs are out,
    ``close`` waits for the rest. Start it with ``Session.start()``; use it as a context
    manager, so that the process and its scratch folder never outlive the caller."""

    def __init__(self, program: str) -> None:
        self._scratch = tempfile.TemporaryDirectory(prefix="zi-plan-lo-")
        folder = Path(self._scratch.name)
        profile = folder / "profile"
        _write_profile_library(profile)
        queue = folder / "queue"
        queue.mkdir()
        self._prefix = str(queue) + os.sep
        self._jobs = 0
        self._pdfs: dict[str, Path] = {}  # each PDF by the URL the macro logs it under
        self._log_read = 0
        self._started = False  # the macro has said so
        self._exported: dict[Path, bool] = {}  # True: exported; False: the macro failed
        argument = self._prefix.replace('"', '""')
        self._launched = time.monotonic()
        self._process = subprocess.Popen(
            [
                program,
                "--headless",
                "--norestore",
                f"-env:UserInstallation={profile.as_uri()}",
                f'macro:///{LIBRARY}.{MODULE}.Main("{argument}", {office.TIMEOUT_SECONDS})',
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    @classmethod
    def start(cls) -> Session | None:
        """A running session, or None where LibreOffice is missing or does not start."""
        program = office.soffice()  # through the module: one place decides, tests included
        if program is None:
            return None
        try:
            return cls(program)
        except OSError:
            return None

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._scratch.cleanup()

    def submit(self, document: Path, pdf: Path, style_lists: bool) -> None:
        """Queues ``document`` for export to ``pdf``, its lists made from paragraph styles
        updated only with ``style_lists``."""
        url = pdf.resolve().as_uri()
        self._pdfs[url] = pdf
        self._jobs += 1
        line = f"{document.resolve().as_uri()}\t{url}\t{int(style_lists)}\n"
        self._publish(f"{self._jobs}.job", line)

    def exported(self) -> dict[Path, bool]:
        """The PDFs the macro has finished so far: True for exported, False for failed."""
        log = Path(self._prefix + "done")
        try:
            with log.open("rb") as lines:  # bytes: Basic writes CRLF on Windows
                lines.seek(self._log_read)
                written = lines.read()
        except FileNotFoundError:
            return dict(self._exported)
        complete = written[: written.rfind(b"\n") + 1]  # a line still being written waits
        self._log_read += len(complete)
        self._started = self._started or bool(complete)
        for line in complete.decode("utf-8", "replace").splitlines():
            failed = line.startswith("GAGAL ")
            pdf = self._pdfs.get(line.split(" ")[1] if failed else line.strip())
            if pdf is not None:
                self._exported[pdf] = not failed and pdf.is_file()
        return dict(self._exported)

    def close(self, on_progress: Callable[[dict[Path, bool]], None] = lambda done: None) -> None:
        """Closes the queue and waits until LibreOffice has taken every job, calling
        ``on_progress`` as PDFs come out; gives up when the macro did not start within
        START_SECONDS or no PDF came out for office.TIMEOUT_SECONDS (the PDFs not exported
        then are missing from exported())."""
        self._publish("end", f"{self._jobs}\n")
        last, count = time.monotonic(), -1
        while self._process.poll() is None and not self._stalled(last):
            done = self.exported()
            if len(done) != count:
                last, count = time.monotonic(), len(done)
                on_progress(done)
            time.sleep(POLL_SECONDS)
        on_progress(self.exported())

    def _stalled(self, last_progress: float) -> bool:
        """The macro never started, or no PDF came out for too long."""
        now = time.monotonic()
        if not self._started and now - self._launched > START_SECONDS:
            return True
        return now - last_progress > office.TIMEOUT_SECONDS

    def _publish(self, name: str, text: str) -> None:
        """A queue file, whole or not at all: the macro may look at any moment."""
        partial = Path(self._prefix + name + ".tmp")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, self._prefix + name)


def session() -> AbstractContextManager[Session | None]:
    """A started Session to use in ``with``, or None in it where LibreOffice does not
    start (the caller then takes the two-run way, which says why it cannot)."""
    return Session.start() or nullcontext()
