#!/usr/bin/env python3
"""Regenerates the workbook examples from examples/q3.csv, saved by a real
office suite (LibreOffice), the way an analyst's workbook looks:

- Chinese headers (月份, 姓名, 崗位, 指標, 數值);
- the month as text (`2026-07`), as an ERP export writes it;
- values of percent KPIs as *percentages*: the cell holds 0.931 and shows
  `93.1%` — the case a reader must not turn into 0.931 %;
- amounts formatted `#,##0` (the cell holds 59000, shows `59,000`);
- the CSV's empty and `-` values as an empty cell and a typed dash;
- one blank row between people, as hand-kept sheets have, so a reader's
  line numbers must still be the sheet's row numbers.

Writes a flat OpenDocument file and has LibreOffice save it as .xlsx, .xls
and .ods:

    apt-get install -y libreoffice-calc-nogui
    python3 scripts/make-workbooks.py
    # → examples/q3.xlsx, tests/fixtures/workbooks/q3.{xls,ods}
"""
import csv
import glob
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from xml.sax.saxutils import escape

import yaml

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def units():
    """metric name -> unit, from the shipped roles."""
    out = {}
    for path in glob.glob(os.path.join(ROOT, "roles", "*.yaml")):
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        for k in doc.get("kpis", []):
            if "metric" in k:
                out[k["metric"]] = k["unit"]
    return out


def cell(value, kind):
    if kind == "string":
        return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'
    if value == "":
        return "<table:table-cell/>"
    if value == "-":
        # Typed as a dash: text, read as missing (with a warning) like the CSV's.
        return cell(value, "string")
    if kind == "percent":
        v = Decimal(value) / 100
        return (f'<table:table-cell table:style-name="pct" office:value-type="percentage" office:value="{v}">'
                f"<text:p>{value}%</text:p></table:table-cell>")
    style = ' table:style-name="amount"' if kind == "currency" else ""
    return f'<table:table-cell{style} office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'


def fods(rows, unit_of):
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
        'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
        'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">',
        "<office:automatic-styles>",
        '<number:percentage-style style:name="N_pct"><number:number number:decimal-places="1" '
        'number:min-decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>',
        '<number:number-style style:name="N_amount"><number:number number:decimal-places="0" '
        'number:min-integer-digits="1" number:grouping="true"/></number:number-style>',
        '<style:style style:name="pct" style:family="table-cell" style:data-style-name="N_pct"/>',
        '<style:style style:name="amount" style:family="table-cell" style:data-style-name="N_amount"/>',
        "</office:automatic-styles>",
        '<office:body><office:spreadsheet><table:table table:name="2026Q3">',
        "<table:table-row>" + "".join(cell(h, "string") for h in ["月份", "姓名", "崗位", "指標", "數值"]) + "</table:table-row>",
    ]
    last_person = None
    for period, person, role, metric, value in rows:
        if last_person is not None and person != last_person:
            out.append('<table:table-row><table:table-cell table:number-columns-repeated="5"/></table:table-row>')
        last_person = person
        unit = unit_of.get(metric)
        kind = "percent" if unit == "percent" else "currency" if unit == "currency" else "float"
        out.append(
            "<table:table-row>"
            + cell(period, "string") + cell(person, "string") + cell(role, "string") + cell(metric, "string")
            + cell(value, kind)
            + "</table:table-row>"
        )
    out.append("</table:table></office:spreadsheet></office:body></office:document>")
    return "\n".join(out) + "\n"


def main():
    with open(os.path.join(ROOT, "examples", "q3.csv"), encoding="utf-8") as f:
        rows = list(csv.reader(f))[1:]
    soffice = shutil.which("soffice") or sys.exit("soffice not found: apt-get install -y libreoffice-calc-nogui")
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "q3.fods")
        with open(src, "w", encoding="utf-8") as f:
            f.write(fods(rows, units()))
        targets = {
            "xlsx": ("Calc MS Excel 2007 XML", os.path.join(ROOT, "examples")),
            "xls": ("MS Excel 97", os.path.join(ROOT, "tests", "fixtures", "workbooks")),
            "ods": ("calc8", os.path.join(ROOT, "tests", "fixtures", "workbooks")),
        }
        for ext, (flt, dest) in targets.items():
            os.makedirs(dest, exist_ok=True)
            subprocess.run(
                [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                 "--convert-to", f"{ext}:{flt}", "--outdir", tmp, src],
                check=True, stdout=subprocess.DEVNULL,
            )
            shutil.copy(os.path.join(tmp, f"q3.{ext}"), os.path.join(dest, f"q3.{ext}"))
            print(f"wrote {os.path.relpath(os.path.join(dest, f'q3.{ext}'), ROOT)}")


if __name__ == "__main__":
    main()
