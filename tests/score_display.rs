//! What `opsroles score` shows (SPEC 3.4, issue 8): values at the precision
//! of their unit, labels in the department's language, the explanation of a
//! ratio, the summary with the compared period and the department mean, CSV
//! that Chinese Excel opens.

mod common;

use common::{card, json, root, score, write};

#[test]
fn labels_follow_the_departments_language_unless_asked() {
    // 運營管理部: Chinese by default.
    let zh = score(&["examples/q3.csv"]).stdout;
    assert!(zh.starts_with("運營管理部 績效考核 · 2026-Q3"), "{zh}");
    assert!(zh.contains("│ 指標 ") && zh.contains("得分 98.5 · 等級 B · 數據覆蓋 100%"), "{zh}");
    assert!(zh.contains("超額完成") && zh.contains("部門平均"), "{zh}");
    let en = score(&["examples/q3.csv", "--lang", "en"]).stdout;
    assert!(en.contains("│ KPI ") && en.contains("Score 98.5 · Grade B · Coverage 100%"), "{en}");
    assert!(en.contains("exceeded") && en.contains("department mean"), "{en}");
    // An English department name: English by default.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("opsroles.yaml"),
        format!("department: Operations\nroles: {}\n", root().join("roles").display()),
    )
    .unwrap();
    let o = assert_cmd::Command::cargo_bin("opsroles")
        .unwrap()
        .current_dir(dir.path())
        .args(["score", root().join("examples/q3.csv").to_str().unwrap(), "--format", "markdown"])
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&o.stdout);
    assert!(md.starts_with("# Operations KPI scorecards"), "{md}");
}

#[test]
fn values_at_the_precision_of_their_unit() {
    let md = score(&["examples/q3.csv", "--format", "markdown", "--lang", "en"]).stdout;
    // 周明, Q3: risk_loss_amount 59,000 + 135,000 + 48,000 (sum, currency);
    // major_risk_incidents 0 + 1 + 1 (count); ops_goal_attainment mean of
    // 93.1, 87.6, 91.5 = 90.7333 (percent, one decimal).
    for row in [
        "| 風險損失金額 \\(risk-loss-amount\\) | risk\\_loss\\_amount | ¥242,000 | 10 |",
        "| 重大運營風險發生次數 \\(major-risk-incidents\\) | major\\_risk\\_incidents | 2 | 10 |",
        "| 運營目標達成率 \\(ops-goal-attainment\\) | ops\\_goal\\_attainment | 90.7% | 30 |",
    ] {
        assert!(md.contains(row), "`{row}` not in\n{md}");
    }
    // Data formats keep the exact value, to 4 decimals.
    let doc = json(&["examples/q3.csv"]);
    assert_eq!(card(&doc, "周明")["kpis"][0]["value"].as_f64(), Some(90.7333));
}

/// 王芳, resource-idle-rate, a ratio KPI: Σidle_hours 20 + 24 + 29 = 73,
/// Σtotal_hours 169 + 168 + 172 = 509, 73 / 509 = 14.3418…%; `lower` with
/// threshold 15, target 8: 60 + 40 × (15 − 14.3418…) / 7 = 63.76… → 63.8.
#[test]
fn explain_shows_the_ratios_sums_rounded_to_4_decimals() {
    let table = score(&["examples/q3.csv", "--explain", "--lang", "en"]).stdout;
    let want = "Σidle_hours / Σtotal_hours = 73 / 509 × 100; between threshold and target: 60 + 40 × (15 − 14.3418) / (15 − 8) = 63.8";
    assert!(table.contains(want), "`{want}` not in\n{table}");
    let doc = json(&["examples/q3.csv", "--explain"]);
    let k = &card(&doc, "王芳")["kpis"][1];
    assert_eq!((k["explain"]["numerator"].as_f64(), k["explain"]["denominator"].as_f64()), (Some(73.0), Some(509.0)));
    assert_eq!(k["value"].as_f64(), Some(14.3418));
}

#[test]
fn the_summary_compares_and_gives_the_department_mean() {
    let args = ["examples/q2.csv", "examples/q3.csv", "--period", "2026-Q3", "--compare", "2026-Q2"];
    let doc = json(&args);
    let cards = doc["scorecards"].as_array().unwrap();
    let mean = |key: &str| cards.iter().map(|c| c[key].as_f64().unwrap()).sum::<f64>() / cards.len() as f64;
    let (now, before) = (mean("score"), mean("compare_score"));
    let mut md_args = args.to_vec();
    md_args.extend(["--format", "markdown", "--lang", "en"]);
    let md = score(&md_args).stdout;
    assert!(md.contains("| Person | Role | Score | Grade | Complete | Before | Change |"), "{md}");
    // 張偉: 98.5 now, 83.9 before.
    assert!(md.contains("| 張偉 | 流程管理經理 \\(process-manager\\) | 98.5 | B | yes | 83.9 | ▲ 14.6 |"), "{md}");
    let line = md.lines().find(|l| l.starts_with("| **department mean**")).unwrap_or_else(|| panic!("{md}"));
    let cells: Vec<&str> = line.split(" | ").collect();
    assert_eq!(cells[2], format!("**{now:.1}**"), "{line}");
    assert_eq!(cells[5], format!("{before:.1}"), "{line}");
    let table = score(&args[..]).stdout;
    let summary = table.split("\n摘要\n").nth(1).unwrap_or_else(|| panic!("{table}"));
    assert!(summary.contains("對比期") && summary.contains("變化") && summary.contains("部門平均"), "{summary}");
}

#[test]
fn csv_opens_in_chinese_excel() {
    let out = assert_cmd::Command::cargo_bin("opsroles")
        .unwrap()
        .current_dir(root())
        .args(["score", "examples/q3.csv", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBFperiod,entity,role,"), "{:?}", &out.stdout[..20]);
    let plain = score(&["examples/q3.csv", "--format", "csv", "--no-bom"]).stdout;
    assert!(plain.starts_with("period,entity,role,"), "{plain}");
    // Byte for byte the same otherwise.
    assert_eq!(&out.stdout[3..], plain.as_bytes());
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("q3.csv");
    assert_eq!(score(&["examples/q3.csv", "--format", "csv", "-o", target.to_str().unwrap()]).code, 0);
    assert!(std::fs::read(&target).unwrap().starts_with(b"\xEF\xBB\xBF"));
}

#[test]
fn a_role_card_says_how_many_people_it_pools() {
    let md = score(&["examples/q3.csv", "--by", "role", "--format", "markdown"]).stdout;
    assert!(md.contains("## 流程管理經理 \\(process-manager\\) · 3 人"), "{md}");
    assert!(md.contains("| 崗位 | 人數 | 得分 |"), "{md}");
    assert!(md.contains("| 流程管理經理 \\(process-manager\\) | 3 | "), "{md}");
    // Without a person column, --by role pools the role's rows as one.
    let dir = tempfile::tempdir().unwrap();
    let text: String = common::q3_text()
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            format!("{},{},{},{}\n", f[0], f[2], f[3], f[4])
        })
        .collect();
    let f = write(dir.path(), "roles-only.csv", text.as_bytes());
    let o = common::score_in(dir.path(), &[&f, "--by", "role", "--format", "json"], None);
    let doc: serde_json::Value = serde_json::from_str(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", o.stderr));
    let pm = card(&doc, "process-manager");
    assert!(pm.get("people").is_none(), "{pm}");
    // process_optimizations summed over every row: 3 + 2 + 5.
    assert_eq!(pm["kpis"][0]["value"].as_f64(), Some(10.0));
}
