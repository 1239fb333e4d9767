/*!
A synthetic organisation for benchmarks and scale tests: `roles` role files of
`duties_per_role` duties each, with Chinese-like duty texts built from the
report's vocabulary, and about 1 % planted near-duplicates (a duty of another
role with one character changed, sometimes in Simplified script) so that
`similar-duty` has real work to find. Deterministic: same arguments, same
files.

[`score`] writes metric exports for the `score` benchmark and scale runs.
*/

pub mod score;

use std::fmt::Write as _;
use std::path::Path;

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
