/*!
Deterministic data for benchmarks and scale tests, kept out of the product
crate:

- a synthetic organisation ([`write_org`]): `roles` role files of
  `duties_per_role` duties each, with Chinese-like duty texts built from the
  report's vocabulary, and about 1 % planted near-duplicates (a duty of
  another role with one character changed, sometimes in Simplified script)
  so that `similar-duty` has real work to find;
- a competency assessment export ([`write_assessments`]) for `opsroles gaps`;
- metric exports ([`score`]) for the `score` benchmark and scale runs.

Same arguments, same files.
*/

pub mod score;

use std::fmt::Write as _;
use std::path::Path;

pub mod records;

/// A small deterministic PRNG (SplitMix64); no dependency needed for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// Characters of the report, as the alphabet of generated words.
const ALPHABET: &str = "運營管理部門崗位職責流程資源績效風險協同戰略目標分解計劃推動實施領導團隊制定規章制度考核標準人才培養協調業務財務人力跨沖突爭奪瓶頸定期召開分析會監控關鍵指標周期利用率達成調整策略識別重大供應鏈中斷政策變化應對預案監督執行調研需求繪制現有地圖審批環節信息傳遞滯后采用六西格瑪精益消除浪費優化線下線上自動化操作手冊組織培訓確保落地建立錯誤評估運行效果持續改進收集銷售旺季原材料生產分配優先級重點產品研發新市場拓展投入跟蹤使用閑置庫存周轉配置調往緊張數據過度建議設計客戶滿意度系統報告撰寫匯報協助服務歷史事件質量事故成本超支矩陣等級處理備用商產能更新季度";

/// A pool of 2–4 character words drawn from the alphabet.
fn vocabulary(rng: &mut Rng, size: usize) -> Vec<String> {
    let chars: Vec<char> = ALPHABET.chars().collect();
    (0..size)
        .map(|_| {
            let len = 2 + rng.below(3);
            (0..len).map(|_| chars[rng.below(chars.len())]).collect()
        })
        .collect()
}

/// `n` duty texts of 20–40 characters; about 1 % are near-copies of an
/// earlier text. Returns the texts and the indexes of the planted copies.
pub fn duty_texts(n: usize, seed: u64) -> (Vec<String>, Vec<(usize, usize)>) {
    let mut rng = Rng::new(seed);
    let words = vocabulary(&mut rng, 3000);
    let chars: Vec<char> = ALPHABET.chars().collect();
    let mut texts: Vec<String> = Vec::with_capacity(n);
    let mut planted = Vec::new();
    for i in 0..n {
        if i > 10 && rng.below(100) == 0 {
            let src = rng.below(i);
            let mut t: Vec<char> = texts[src].chars().collect();
            // One substitution (Jaccard ≈ 0.8–0.9 on 20–40 characters), and
            // sometimes a trailing full stop, which normalisation removes.
            let at = rng.below(t.len());
            t[at] = chars[rng.below(chars.len())];
            let mut s: String = t.into_iter().collect();
            if rng.below(2) == 0 {
                s.push('。');
            }
            planted.push((src, i));
            texts.push(s);
            continue;
        }
        let target = 20 + rng.below(21);
        let mut s = String::new();
        while s.chars().count() < target {
            s.push_str(&words[rng.below(words.len())]);
            if rng.below(6) == 0 {
                s.push(',');
            }
        }
        texts.push(s);
    }
    (texts, planted)
}

/// Writes `roles` role files with `duties_per_role` duties each into `dir`
/// (which must exist), plus an `opsroles.yaml` beside a `roles/` folder.
pub fn write_org(dir: &Path, roles: usize, duties_per_role: usize, seed: u64) -> std::io::Result<()> {
    let roles_dir = dir.join("roles");
    std::fs::create_dir_all(&roles_dir)?;
    std::fs::write(dir.join("opsroles.yaml"), "functions:\n  process: 流程管理\n  resource: 資源協調\n  performance: 績效監控\n  risk: 風險管控\n  collaboration: 跨部門協同\n")?;
    let (texts, _) = duty_texts(roles * duties_per_role, seed);
    let functions = ["process", "resource", "performance", "risk", "collaboration"];
    for r in 0..roles {
        let id = format!("role-{r:05}");
        let mut y = String::new();
        let _ = writeln!(y, "id: {id}\ntitle: 崗位{r}");
        if r > 0 {
            // A tree: ten reports per manager.
            let _ = writeln!(y, "reports_to: role-{:05}", (r - 1) / 10);
        }
        y.push_str("duties:\n");
        for d in 0..duties_per_role {
            let k = r * duties_per_role + d;
            let text = &texts[k];
            let split = text.char_indices().nth(4).map_or(text.len(), |(i, _)| i);
            let _ = writeln!(
                y,
                "  - id: duty-{k:06}\n    title: \"{}\"\n    description: \"{}\"\n    function: {}\n    consulted: [business]\n    informed: [role-{:05}]",
                &text[..split],
                &text[split..],
                functions[k % functions.len()],
                (r + 1) % roles
            );
        }
        let _ = writeln!(y, "authority:\n  - id: approve-{r:05}\n    title: 審批崗位{r}的方案");
        let _ = writeln!(
            y,
            "kpis:\n  - id: k1\n    title: 指標一\n    metric: m1\n    unit: percent\n    direction: higher\n    threshold: 60\n    target: 80\n    stretch: 95\n    weight: 60\n  - id: k2\n    title: 指標二\n    metric: m2\n    unit: days\n    direction: lower\n    threshold: 10\n    target: 5\n    weight: 40"
        );
        std::fs::write(roles_dir.join(format!("{id}.yaml")), y)?;
    }
    Ok(())
}

/// A role as the assessment generator sees it: its title and its required
/// competencies (id, title, level).
#[derive(Debug, Clone)]
pub struct RoleSpec {
    pub title: String,
    pub competencies: Vec<(String, String, u8)>,
}

const SURNAMES: &str = "王李張劉陳楊黃趙吳周徐孫馬朱胡郭何高林羅鄭梁謝宋唐許韓馮鄧曹彭曾蕭田董袁潘蔡蔣余杜葉程";
const GIVEN: &str = "偉芳娜敏靜麗強磊軍洋勇艷傑娟濤明超秀霞平剛桂英華玉蘭萍紅鵬輝丹玲建國";

/// Writes a competency assessment export (SPEC 6.3) for `people` people,
/// each assessed in `per_person` competencies: their own role's, then
/// others' (so that mentors exist across roles), levels around the
/// requirement for their own and spread for others'. Competencies are named
/// by title or by id, roles by title, headers in Chinese; about 3 % of
/// people × competencies also have an older assessment earlier in the file,
/// which the latest one supersedes. Returns the number of rows written.
pub fn write_assessments(
    out: &mut impl std::io::Write,
    roles: &[RoleSpec],
    people: usize,
    per_person: usize,
    seed: u64,
) -> std::io::Result<u64> {
    let mut rng = Rng::new(seed);
    let surnames: Vec<char> = SURNAMES.chars().collect();
    let given: Vec<char> = GIVEN.chars().collect();
    let mut all: Vec<(String, String)> = Vec::new();
    for r in roles {
        for (id, title, _) in &r.competencies {
            if !all.iter().any(|(i, _)| i == id) {
                all.push((id.clone(), title.clone()));
            }
        }
    }
    out.write_all("員工,崗位,能力,等級,評估日期\n".as_bytes())?;
    let mut rows = 0;
    for p in 0..people {
        let role = &roles[p % roles.len()];
        let name = format!(
            "{}{}{}{p:05}",
            surnames[rng.below(surnames.len())],
            given[rng.below(given.len())],
            given[rng.below(given.len())]
        );
        let mut chosen: Vec<(&str, &str, Option<u8>)> =
            role.competencies.iter().map(|(i, t, l)| (i.as_str(), t.as_str(), Some(*l))).collect();
        let mut tries = 0;
        while chosen.len() < per_person.min(all.len()) && tries < 1000 {
            tries += 1;
            let (id, title) = &all[rng.below(all.len())];
            if !chosen.iter().any(|(i, _, _)| i == id) {
                chosen.push((id, title, None));
            }
        }
        for (id, title, required) in chosen.into_iter().take(per_person) {
            let level = match required {
                // Own role: mostly at or near the requirement.
                Some(r) => {
                    let delta = [-2, -1, -1, 0, 0, 0, 0, 1, 1, 1][rng.below(10)];
                    (i32::from(r) + delta).clamp(1, 5)
                }
                None => [1, 2, 2, 3, 3, 3, 4, 4, 4, 5][rng.below(10)],
            };
            let named = if rng.below(10) < 7 { title } else { id };
            let date = format!("2026-{:02}-{:02}", 1 + rng.below(6), 1 + rng.below(28));
            let current = format!("{name},{},{named},{level},{date}\n", role.title);
            // Now and then an older assessment too, before or after the
            // current one in the file: the date decides, not the position.
            let older = (rng.below(33) == 0).then(|| {
                let level = (level + rng.below(3) as i32 - 1).clamp(1, 5);
                format!(
                    "{name},{},{named},{level},2025-{:02}-{:02}\n",
                    role.title,
                    1 + rng.below(12),
                    1 + rng.below(28)
                )
            });
            let after = rng.below(2) == 0;
            for l in [older.as_ref().filter(|_| !after), Some(&current), older.as_ref().filter(|_| after)]
                .into_iter()
                .flatten()
            {
                out.write_all(l.as_bytes())?;
                rows += 1;
            }
        }
    }
    Ok(rows)
}
