"""Native Word charts for the Laporan Monev: DrawingML chart parts that carry their data.

Each chart is a ``c:chartSpace`` part with its numbers cached in the series (what Word and
LibreOffice draw) and the same numbers in an embedded workbook (what Word's *Edit Data*
opens), so that the secretariat can restyle or correct a chart in Word. Drawn in black and
greys, with solid and dashed lines and different markers, so a grayscale print reads.
Written by hand, byte-stable: the workbook is five small XML parts with fixed timestamps.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from generator.render.engine import ZIP_TIME

CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
EMU_PER_CM = 360_000
# (fill or line colour, dash, marker): black solid squares, grey dashed circles
LOOKS = (("404040", "solid", "square"), ("A6A6A6", "dash", "circle"))
FONT = "Arial"


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[int | None]  # None: no point (a month not reached yet)


@dataclass(frozen=True)
class Chart:
    kind: str  # "bar" or "line"
    title: str
    categories: Sequence[str]
    series: Sequence[Series]
    axis_title: str


def _text(size: int = 900, bold: bool = False) -> str:
    return (
        f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}" '
        f'b="{int(bold)}"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
        f'<a:latin typeface="{FONT}"/></a:defRPr></a:pPr><a:endParaRPr lang="id-ID"/></a:p>'
        "</c:txPr>"
    )


def _rich(text: str, size: int) -> str:
    return (
        f'<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}" b="1"/>'
        f'</a:pPr><a:r><a:rPr lang="id-ID" sz="{size}" b="1"><a:latin typeface="{FONT}"/>'
        f"</a:rPr><a:t>{escape(text)}</a:t></a:r></a:p></c:rich></c:tx>"
        '<c:overlay val="0"/>'
    )


def _column(index: int) -> str:
    return "ABCDEFGHIJ"[index]


def _series(chart: Chart, index: int, series: Series) -> str:
    colour, dash, marker = LOOKS[index % len(LOOKS)]
    count = len(chart.categories)
    last = count + 1
    column = _column(index + 1)
    if chart.kind == "bar":
        look = (
            f'<c:spPr><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
            '<a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></c:spPr>'
            '<c:invertIfNegative val="0"/>'
        )
    else:
        look = (
            f'<c:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
            f'<a:prstDash val="{dash}"/></a:ln></c:spPr><c:marker><c:symbol val="{marker}"/>'
            f'<c:size val="6"/><c:spPr><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
            "</c:spPr></c:marker>"
        )
    categories = "".join(
        f'<c:pt idx="{i}"><c:v>{escape(name)}</c:v></c:pt>'
        for i, name in enumerate(chart.categories)
    )
    values = "".join(
        f'<c:pt idx="{i}"><c:v>{value}</c:v></c:pt>'
        for i, value in enumerate(series.values)
        if value is not None
    )
    labels = (
        "<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        f'{_text(800)}<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>'
        '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
        if chart.kind == "bar"
        else ""
    )
    smooth = '<c:smooth val="0"/>' if chart.kind == "line" else ""
    return (
        f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/>'
        f'<c:tx><c:strRef><c:f>Sheet1!${column}$1</c:f><c:strCache><c:ptCount val="1"/>'
        f'<c:pt idx="0"><c:v>{escape(series.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>'
        f"{look}{labels}"
        f'<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${last}</c:f><c:strCache><c:ptCount val="{count}"/>'
        f"{categories}</c:strCache></c:strRef></c:cat>"
        f"<c:val><c:numRef><c:f>Sheet1!${column}$2:${column}${last}</c:f><c:numCache>"
        f'<c:formatCode>General</c:formatCode><c:ptCount val="{count}"/>{values}</c:numCache>'
        f"</c:numRef></c:val>{smooth}</c:ser>"
    )


def _axes(chart: Chart) -> str:
    line = (
        '<c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>'
        "</c:spPr>"
    )
    grid = (
        '<c:majorGridlines><c:spPr><a:ln w="3175"><a:solidFill><a:srgbClr val="D9D9D9"/>'
        "</a:solidFill></a:ln></c:spPr></c:majorGridlines>"
    )
    return (
        '<c:catAx><c:axId val="100"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/>'
        '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f'{line}{_text(800)}<c:crossAx val="200"/><c:crosses val="autoZero"/><c:auto val="1"/>'
        '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
        '<c:valAx><c:axId val="200"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/>'
        f'</c:scaling><c:delete val="0"/><c:axPos val="l"/>{grid}'
        f"<c:title>{_rich(chart.axis_title, 800)}</c:title>"
        '<c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/>'
        f'<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>{line}{_text(800)}'
        '<c:crossAx val="100"/><c:crosses val="autoZero"/>'
        f'<c:crossBetween val="{"between" if chart.kind == "bar" else "midCat"}"/></c:valAx>'
    )


def chart_xml(chart: Chart, workbook_rel: str) -> bytes:
    """The ``c:chartSpace`` part (dml-chart.xsd)."""
    series = "".join(_series(chart, i, s) for i, s in enumerate(chart.series))
    if chart.kind == "bar":
        plot = (
            '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>'
            f'<c:varyColors val="0"/>{series}<c:gapWidth val="80"/>'
            '<c:axId val="100"/><c:axId val="200"/></c:barChart>'
        )
    else:
        plot = (
            '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>'
            f'{series}<c:marker val="1"/><c:axId val="100"/><c:axId val="200"/></c:lineChart>'
        )
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>"
        f'<c:chartSpace xmlns:c="{C}" xmlns:a="{A}" xmlns:r="{R}">'
        '<c:date1904 val="0"/><c:lang val="id-ID"/><c:roundedCorners val="0"/>'
        f"<c:chart><c:title>{_rich(chart.title, 1000)}</c:title>"
        f'<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>{plot}{_axes(chart)}</c:plotArea>'
        f'<c:legend><c:legendPos val="b"/><c:overlay val="0"/>{_text(900)}</c:legend>'
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln>'
        f'</c:spPr>{_text(900)}<c:externalData r:id="{workbook_rel}"><c:autoUpdate val="0"/>'
        "</c:externalData></c:chartSpace>"
    )
    return xml.encode("utf-8")


def workbook_bytes(chart: Chart) -> bytes:
    """The chart's data as a minimal .xlsx (Sheet1: categories in A, one column a series)."""

    def cell(ref: str, value: object) -> str:
        if isinstance(value, int):
            return f'<c r="{ref}"><v>{value}</v></c>'
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'

    rows: list[list[object]] = [["", *(s.name for s in chart.series)]]
    rows += [
        [name, *(s.values[i] for s in chart.series)] for i, name in enumerate(chart.categories)
    ]
    sheet_rows = "".join(
        f'<row r="{r}">'
        + "".join(
            cell(f"{_column(c)}{r}", v) for c, v in enumerate(row) if v is not None and v != ""
        )
        + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006"
    parts = {
        "[Content_Types].xml": (
            f'<Types xmlns="{package}/content-types"><Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/><Override '
            'PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
            'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{package}/relationships"><Relationship Id="rId1" '
            f'Type="{office}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{office}"><sheets><sheet name="Sheet1" '
            'sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{package}/relationships"><Relationship Id="rId1" '
            f'Type="{office}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{main}"><sheetData>{sheet_rows}</sheetData></worksheet>'
        ),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>" + xml)
    return buffer.getvalue()


def add_chart(document_part: object, chart: Chart, number: int) -> str:
    """Adds the chart part (and its workbook) to the package; the relationship id of the
    chart, for the inline drawing that shows it."""
    package = document_part.package  # type: ignore[attr-defined]
    embedded = Part(
        PackURI(f"/word/embeddings/Data_Grafik_{number}.xlsx"),
        XLSX_TYPE,
        workbook_bytes(chart),
        package,
    )
    part = Part(PackURI(f"/word/charts/chart{number}.xml"), CHART_TYPE, b"", package)
    workbook_rel = part.relate_to(embedded, RT.PACKAGE)
    part._blob = chart_xml(chart, workbook_rel)
    return str(document_part.relate_to(part, RT.CHART))  # type: ignore[attr-defined]


def inline_xml(rel_id: str, number: int, width_cm: float, height_cm: float) -> str:
    """The run that shows a chart in the text (wp:inline, as Word writes it)."""
    cx, cy = round(width_cm * EMU_PER_CM), round(height_cm * EMU_PER_CM)
    wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    return (
        f'<w:r><w:drawing><wp:inline xmlns:wp="{wp}" distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{1000 + number}" name="Grafik {number}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic xmlns:a="{A}"><a:graphicData uri="{C}"><c:chart xmlns:c="{C}" '
        f'xmlns:r="{R}" r:id="{rel_id}"/></a:graphicData></a:graphic></wp:inline></w:drawing>'
        "</w:r>"
    )
