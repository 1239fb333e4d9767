//! Workbooks built here with rust_xlsxwriter, and the ones LibreOffice saved
//! (`scripts/make-workbooks.py`), read back as CSV line by line.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use super::*;

fn lines(c: &Converted) -> Vec<&str> {
    std::str::from_utf8(&c.csv).unwrap().split('\n').collect()
}

/// A metric export as an analyst's workbook holds it: a title area left
/// blank, percentages, an amount with separators, a date, a blank row.
fn analyst_book() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("指標").unwrap();
    let pct1 = Format::new().set_num_format("0.0%");
    let pct0 = Format::new().set_num_format("0%");
    let signed = Format::new().set_num_format("0.00%;(0.00%)");
    let amount = Format::new().set_num_format("#,##0.00");
    let date = Format::new().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    let literal = Format::new().set_num_format("0.0\"%\"");
    // Rows 1–2 left empty: the header is on sheet row 3.
    for (c, h) in ["日期", "員工", "指標", "數值"].iter().enumerate() {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    sheet.write_datetime_with_format(3, 0, ExcelDateTime::from_ymd(2026, 7, 15).unwrap(), &date).unwrap();
    sheet.write_string(3, 1, "張偉").unwrap();
    sheet.write_string(3, 2, "流程效率提升率").unwrap();
    sheet.write_number_with_format(3, 3, 0.15, &pct1).unwrap();
    sheet.write_string(4, 1, "張偉").unwrap();
    sheet.write_string(4, 2, "資源利用率").unwrap();
    sheet.write_number_with_format(4, 3, 0.873, &pct0).unwrap();
    // Row 6 blank.
    sheet.write_string(6, 1, "李娜").unwrap();
    sheet.write_string(6, 2, "成本節省").unwrap();
    sheet.write_number_with_format(6, 3, -0.025, &signed).unwrap();
    sheet.write_string(7, 1, "李娜").unwrap();
    sheet.write_string(7, 2, "風險損失金額").unwrap();
    sheet.write_number_with_format(7, 3, 1234.5, &amount).unwrap();
    sheet.write_string(8, 1, "李娜, \"組長\"").unwrap();
    sheet.write_string(8, 2, "已顯示百分號").unwrap();
    sheet.write_number_with_format(8, 3, 15.0, &literal).unwrap();
    let second = book.add_worksheet();
    second.set_name("Q2 明細").unwrap();
    second.write_string(0, 0, "期間").unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn line_n_is_sheet_row_n_and_values_are_values() {
    let c = convert("book.xlsx", analyst_book(), None, b',').unwrap();
    assert_eq!(c.sheet, "指標");
    assert_eq!(
        lines(&c),
        vec![
            "",
            "",
            "日期,員工,指標,數值",
            "2026-07-15,張偉,流程效率提升率,15%",
            ",張偉,資源利用率,87.3%",
            "",
            ",李娜,成本節省,-2.5%",
            ",李娜,風險損失金額,1234.5",
            ",\"李娜, \"\"組長\"\"\",已顯示百分號,15",
            "",
        ]
    );
}

/// The percent trap, end to end through the number parser: the cell shown
/// as `15.0%` holds 0.15 and must read as 15 (percent), never 0.15.
#[test]
fn a_percentage_cell_reads_as_its_shown_percentage() {
    let c = convert("book.xlsx", analyst_book(), None, b',').unwrap();
    let row = lines(&c)[3].to_string();
    let value = row.rsplit(',').next().unwrap();
    match crate::tabular::number::parse(value, false) {
        crate::tabular::number::Cell::Number { value, percent } => {
            assert_eq!(value, rust_decimal::Decimal::from(15));
            assert!(percent);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_sheet_by_name_folded_or_with_a_suggestion() {
    let c = convert("book.xlsx", analyst_book(), Some("Q2 明細"), b',').unwrap();
    assert_eq!(lines(&c), vec!["期間", ""]);
    // Folded: case and Simplified spelling.
    assert_eq!(convert("book.xlsx", analyst_book(), Some("q2 明细"), b',').unwrap().sheet, "Q2 明細");
    let err = convert("book.xlsx", analyst_book(), Some("Q2 明"), b',').unwrap_err().to_string();
    assert!(err.contains("book.xlsx has no sheet `Q2 明`; did you mean `Q2 明細`?"), "{err}");
    assert!(err.contains("its sheets: `指標`, `Q2 明細`"), "{err}");
}

#[test]
fn an_empty_first_sheet_names_the_others() {
    let mut book = Workbook::new();
    book.add_worksheet().set_name("封面").unwrap();
    book.add_worksheet().set_name("數據").unwrap().write_string(0, 0, "期間").unwrap();
    let err = convert("book.xlsx", book.save_to_buffer().unwrap(), None, b',').unwrap_err().to_string();
    assert_eq!(err, "book.xlsx!封面: the sheet is empty; the workbook also has `數據` (choose one with --sheet)");
}

#[test]
fn the_delimiter_the_readers_split_on() {
    let c = convert("book.xlsx", analyst_book(), None, b';').unwrap();
    assert_eq!(lines(&c)[8], ";\"李娜, \"\"組長\"\"\";已顯示百分號;15");
    assert_eq!(lines(&c)[7], ";李娜;風險損失金額;1234.5", "a comma needs no quotes with `;`");
}

#[test]
fn what_is_not_a_workbook_says_so() {
    assert!(!looks_like_workbook(b"period,person\n"));
    assert!(sniff(b"PK\x03\x04garbage").unwrap_err().to_string().contains("damaged zip"));
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("xl/workbook.bin", zip::write::SimpleFileOptions::default()).unwrap();
    let xlsb = zip.finish().unwrap().into_inner();
    assert!(sniff(&xlsb).unwrap_err().to_string().contains(".xlsb"));
}

fn fixture(name: &str) -> Vec<u8> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = if name.ends_with(".xlsx") {
        root.join("examples").join(name)
    } else {
        root.join("tests/fixtures/workbooks").join(name)
    };
    std::fs::read(path).unwrap()
}

/// Saved by LibreOffice from `scripts/make-workbooks.py`: percent KPIs as
/// percentage cells (0.931 shown as 93.1%), amounts as `#,##0`, a blank row
/// between people. Each format must give the CSV's text back.
#[test]
fn workbooks_saved_by_libreoffice() {
    for name in ["q3.xlsx", "q3.xls", "q3.ods"] {
        let c = convert(name, fixture(name), None, b',').unwrap();
        let l = lines(&c);
        assert_eq!(c.sheet, "2026Q3", "{name}");
        assert_eq!(l[0], "月份,姓名,崗位,指標,數值", "{name}");
        assert_eq!(l[1], "2026-07,周明,運營總監,ops_goal_attainment,93.1%", "{name}");
        assert_eq!(l[6], "2026-07,周明,運營總監,risk_loss_amount,59000", "{name}");
        assert_eq!(l[7], "2026-07,周明,運營總監,team_kpi_pass_rate,86.9%", "{name}");
        assert_eq!(l[25], "", "{name}: the blank row between people");
        assert_eq!(l[26], "2026-07,張偉,流程管理經理,process_optimizations,1", "{name}");
        assert_eq!(l[27], "2026-07,張偉,流程管理經理,process_cycle_reduction,12%", "{name}");
        assert!(l.contains(&"2026-08,趙磊,績效分析師,report_delay_days,-"), "{name}");
    }
}

/// Damaged workbooks — cut short, or with bytes flipped — are errors with
/// the file's name, never a panic (SPEC 8).
#[test]
fn damaged_workbooks_are_errors_not_panics() {
    for name in ["q3.xlsx", "q3.xls", "q3.ods"] {
        let good = fixture(name);
        let mut cases: Vec<Vec<u8>> = [8, 100, 512, 4096, good.len() / 2, good.len() - 1]
            .iter()
            .map(|&n| good[..n.min(good.len())].to_vec())
            .collect();
        for step in [97usize, 1009, 4099] {
            let mut bad = good.clone();
            for i in (step..bad.len()).step_by(step) {
                bad[i] ^= 0x5A;
            }
            cases.push(bad);
        }
        for (i, bytes) in cases.into_iter().enumerate() {
            let result = std::panic::catch_unwind(|| convert(name, bytes, None, b','));
            match result {
                Ok(Ok(_)) => {}
                Ok(Err(e)) => assert!(e.to_string().starts_with(name), "{name} case {i}: {e}"),
                Err(_) => panic!("{name} case {i}: panicked"),
            }
        }
    }
}
