/*!
Synthetic record tables for the `risk` and `sla` benchmarks: risk registers
and conflict logs as CSV with the Chinese headers people use, owners and
parties from the seed department, a mix of statuses, FMEA ratings on half
the risks, and conflicts raised across 2004–2026 (the years the `cn`
calendar covers), most of them resolved within a few days. Every row is
valid, so a run uses all of them. Deterministic: same arguments, same text.
*/

use std::fmt::Write as _;

use crate::Rng;

const ROLES: &[&str] = &["運營總監", "流程管理經理", "資源協調專員", "績效分析師", "風險管控主管"];
const PARTIES: &[&str] = &["業務部門", "財務部門", "人力資源部門", "IT部門", "管理層", "流程管理經理", "資源協調專員"];
const CATEGORIES: &[&str] = &["供應鏈中斷", "質量事故", "成本超支", "政策變化", "數據泄露", "跨部門沖突"];
const STATUSES: &[&str] = &["未處理", "處理中", "已關閉", "已接受"];
const WORDS: &[&str] = &[
    "供應商",
    "延遲交貨",
    "原材料",
    "質量",
    "成本",
    "庫存",
    "人力",
    "旺季",
    "數據",
    "系統",
    "流程",
    "審批",
    "預算",
    "政策",
    "客戶",
    "物流",
    "產能",
    "權限",
    "接口",
    "口徑",
];

fn phrase(rng: &mut Rng) -> String {
    (0..3 + rng.below(3)).map(|_| WORDS[rng.below(WORDS.len())]).collect()
}

/// A risk register of `n` risks.
pub fn risks_csv(n: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(n * 120);
    out.push_str("編號,風險,類別,負責崗位,可能性,影響,嚴重度,發生度,探測度,狀態,應對措施,到期日\n");
    for i in 0..n {
        let fmea = if rng.below(2) == 0 {
            format!("{},{},{}", 1 + rng.below(10), 1 + rng.below(10), 1 + rng.below(10))
        } else {
            ",,".to_string()
        };
        let response =
            if rng.below(10) == 0 { String::new() } else { format!("制定{}應對預案", phrase(&mut rng)) };
        let due = if rng.below(5) == 0 {
            String::new()
        } else {
            format!("{}-{:02}-{:02}", 2025 + rng.below(2), 1 + rng.below(12), 1 + rng.below(28))
        };
        let _ = writeln!(
            out,
            "R{i:06},{},{},{},{},{},{fmea},{},{response},{due}",
            phrase(&mut rng),
            CATEGORIES[rng.below(CATEGORIES.len())],
            ROLES[rng.below(ROLES.len())],
            1 + rng.below(5),
            1 + rng.below(5),
            STATUSES[rng.below(STATUSES.len())],
        );
    }
    out
}

/// A conflict log of `n` conflicts raised in 2004–2026.
pub fn conflicts_csv(n: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(n * 110);
    out.push_str("編號,事項,涉及部門,提交日期,上報管理層日期,解決日期,協調人\n");
    for i in 0..n {
        let a = rng.below(PARTIES.len());
        let b = (a + 1 + rng.below(PARTIES.len() - 1)) % PARTIES.len();
        let (year, month, day) = (2004 + rng.below(23), 1 + rng.below(12), 1 + rng.below(20));
        let raised = format!("{year}-{month:02}-{day:02}");
        let date = |d: usize| format!("{year}-{month:02}-{d:02}");
        // Days of the month stay ≤ 28: every date is a real one.
        let (escalated, resolved) = match rng.below(10) {
            0 => (String::new(), String::new()),
            1 => (date(day + 1), date(day + 1 + rng.below(8))),
            _ => (String::new(), date(day + rng.below(9))),
        };
        let owner = if rng.below(8) == 0 { ROLES[rng.below(ROLES.len())] } else { "" };
        let _ = writeln!(
            out,
            "C{i:06},{}的分工,\"{}、{}\",{raised},{escalated},{resolved},{owner}",
            phrase(&mut rng),
            PARTIES[a],
            PARTIES[b],
        );
    }
    out
}
