"""Validate the XML parts of a .docx or .xlsx against the ECMA-376 transitional schemas
(test helper)."""

from __future__ import annotations

import functools
import zipfile
from pathlib import Path

from lxml import etree

from tests.shared_folder import shared

XSD_DIR = shared() / "ooxml-xsd"

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006"

# Namespace of a part's root element -> schema file under XSD_DIR. Parts whose root is in any
# other namespace (custom XML data, Strict-namespace parts) and non-XML parts are skipped.
# docProps/core.xml (cp:coreProperties) is skipped too: opc-coreProperties.xsd imports the
# Dublin Core dc.xsd / dcterms.xsd from dublincore.org, and those are not in shared/ooxml-xsd.
SCHEMA_FILES: dict[str, str] = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "wml.xsd",
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "sml.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "dml-main.xsd",  # theme
    "http://schemas.openxmlformats.org/drawingml/2006/chart": "dml-chart.xsd",  # charts
    f"{_OFFICE}/extended-properties": "shared-documentPropertiesExtended.xsd",  # app.xml
    f"{_OFFICE}/custom-properties": "shared-documentPropertiesCustom.xsd",  # custom.xml
    f"{_OFFICE}/customXml": "shared-customXmlDataProperties.xsd",  # customXml/itemProps
    f"{_PACKAGE}/content-types": "opc-xsd/opc-contentTypes.xsd",  # [Content_Types].xml
    f"{_PACKAGE}/relationships": "opc-xsd/opc-relationships.xsd",  # *.rels
}

# Shim 1: the schemas import the xml: namespace without a schemaLocation, which libxml2 cannot
# resolve. This stands in for the W3C xml.xsd (only the attributes OOXML uses).
_XML_SHIM_URL = "ooxml-shim:xml.xsd"
_XML_SHIM = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="{XML_NS}">
  <xs:attribute name="lang">
    <xs:simpleType><xs:union memberTypes="xs:language">
      <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value=""/>
      </xs:restriction></xs:simpleType>
    </xs:union></xs:simpleType>
  </xs:attribute>
  <xs:attribute name="space">
    <xs:simpleType><xs:restriction base="xs:NCName">
      <xs:enumeration value="default"/><xs:enumeration value="preserve"/>
    </xs:restriction></xs:simpleType>
  </xs:attribute>
  <xs:attribute name="base" type="xs:anyURI"/>
  <xs:attribute name="id" type="xs:ID"/>
</xs:schema>"""


class _ShimResolver(etree.Resolver):  # type: ignore[misc]
    """Serves the xml: namespace shim to the schema compiler; everything else loads normally."""

    def resolve(self, system_url: str | None, public_id: str | None, context: object) -> object:
        if system_url == _XML_SHIM_URL:
            return self.resolve_string(_XML_SHIM, context)
        return None


@functools.cache
def _schema(filename: str, namespace: str) -> etree.XMLSchema:
    """Compile one schema once (wml.xsd takes seconds), with the xml: shim imported first.

    The xml: namespace is imported by the wrapper before the real schema, so the later
    location-less imports inside the ECMA schemas find it already loaded.
    """
    wrapper = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:import namespace="{XML_NS}" schemaLocation="{_XML_SHIM_URL}"/>
      <xs:import namespace="{namespace}" schemaLocation="{(XSD_DIR / filename).as_uri()}"/>
    </xs:schema>"""
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_ShimResolver())
    return etree.XMLSchema(etree.fromstring(wrapper, parser))


def _apply_markup_compatibility(root: etree._Element) -> None:
    """Shim 2: do what an MC-aware consumer (Word) does before the schema applies.

    Each mc:AlternateContent is replaced by the children of its mc:Fallback (or dropped), then
    elements and attributes in namespaces listed in any mc:Ignorable are removed, as are the
    mc: attributes themselves. Source line numbers of the remaining nodes are preserved.
    """
    for alt in list(root.iter(f"{{{MC}}}AlternateContent")):
        parent = alt.getparent()
        if parent is not None:
            fallback = alt.find(f"{{{MC}}}Fallback")
            at = parent.index(alt)
            parent[at : at + 1] = list(fallback) if fallback is not None else []
    ignorable: set[str] = set()
    for el in root.iter(etree.Element):
        prefixes = el.get(f"{{{MC}}}Ignorable", "").split()
        ignorable.update(el.nsmap[p] for p in prefixes if p in el.nsmap)
    for el in list(root.iter(etree.Element)):
        for name in list(el.attrib):
            if etree.QName(name).namespace in ignorable | {MC}:
                del el.attrib[name]
        parent = el.getparent()
        if parent is not None and etree.QName(el).namespace in ignorable:
            parent.remove(el)


def schema_errors(package_path: Path) -> list[str]:
    """Every schema violation of every XML part we can check, as 'part: line N: message'."""
    errors: list[str] = []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    with zipfile.ZipFile(package_path) as package:
        for part in package.namelist():
            if not part.endswith((".xml", ".rels")):
                continue
            try:
                root = etree.fromstring(package.read(part), parser)
            except etree.XMLSyntaxError as exc:
                errors.append(f"{part}: line {exc.lineno}: {exc.msg}")
                continue
            namespace = etree.QName(root).namespace or ""
            if namespace not in SCHEMA_FILES:
                continue
            _apply_markup_compatibility(root)
            schema = _schema(SCHEMA_FILES[namespace], namespace)
            if not schema.validate(root):
                errors.extend(f"{part}: line {e.line}: {e.message}" for e in schema.error_log)
    return errors
