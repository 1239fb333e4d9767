/*!
The heading catalogue: every fixed label of a rendered report in Traditional
Chinese (`--lang zh`, the department's language and the default) and
English (`--lang en`). Role and duty text is never translated — it stays as
written. A label is a variant of [`Label`], so a missing translation is a
compile error, not a blank heading.
*/

use serde::Serialize;

/// The language of headings and labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Traditional Chinese.
    #[default]
    Zh,
    En,
}

crate::display_by_serde_name!(Lang);

impl Lang {
    /// The language a text is written in: Chinese when it has Chinese
    /// characters (a department named 運營管理部), else English.
    pub fn of(text: &str) -> Lang {
        if text.chars().any(|c| ('\u{3400}'..='\u{9FFF}').contains(&c)) {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The HTML `lang` attribute.
    pub fn html(self) -> &'static str {
        match self {
            Lang::Zh => "zh-Hant",
            Lang::En => "en",
        }
    }
}

macro_rules! catalogue {
    ($( $key:ident => $zh:literal, $en:literal; )*) => {
        /// A fixed label of a rendered report.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Label { $( $key, )* }

        impl Label {
            pub const ALL: &'static [Label] = &[ $( Label::$key, )* ];

            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $( (Label::$key, Lang::Zh) => $zh, (Label::$key, Lang::En) => $en, )*
                }
            }
        }
    };
}

catalogue! {
    // The department report's sections (SPEC 5).
    Summary => "摘要", "Summary";
    OrgChart => "組織架構", "Organisation chart";
    FunctionCoverage => "職能覆蓋", "Function coverage";
    RaciMatrix => "RACI 矩陣", "RACI matrix";
    RoleCatalogue => "崗位說明書", "Role catalogue";
    Findings => "檢查結果", "Findings";
    Scorecards => "績效考核", "Scorecards";
    Risks => "風險矩陣", "Risks";
    Conflicts => "跨部門沖突", "Conflicts";
    CompetencyGaps => "能力差距", "Competency gaps";
    Contents => "目錄", "Contents";
    // Things reports count and show.
    Department => "部門", "Department";
    Date => "日期", "Date";
    Period => "考核期間", "Period";
    ComparedWith => "對比期間", "Compared with";
    Role => "崗位", "Role";
    Roles => "崗位數", "Roles";
    Person => "員工", "Person";
    Headcount => "編制", "Headcount";
    Duties => "職責", "Duties";
    Authority => "權限", "Authority";
    Competencies => "能力要求", "Competencies";
    Kpis => "考核指標", "KPIs";
    Functions => "職能", "Functions";
    Positioning => "崗位定位", "Positioning";
    ReportsTo => "匯報對象", "Reports to";
    Kpi => "指標", "KPI";
    Metric => "數據項", "Metric";
    Value => "實際值", "Value";
    Weight => "權重", "Weight";
    Score => "得分", "Score";
    Grade => "等級", "Grade";
    Status => "狀態", "Status";
    Coverage => "數據覆蓋", "Coverage";
    Complete => "數據完整", "Complete";
    Before => "對比期", "Before";
    Change => "變化", "Change";
    How => "計算", "How";
    Errors => "錯誤", "Errors";
    Warnings => "警告", "Warnings";
    Rows => "數據行", "Rows";
    Yes => "是", "yes";
    No => "否", "no";
    Mean => "平均", "Mean";
    Total => "合計", "Total";
    // KPI statuses (SPEC 3.3).
    Exceeded => "超額完成", "exceeded";
    Met => "達標", "met";
    Below => "未達標", "below";
    Failed => "不合格", "failed";
    Missing => "缺數據", "missing";
    InsufficientData => "數據不足", "insufficient data";
    Incomplete => "數據不全", "incomplete";
    // Scorecards (SPEC 3.4).
    KpiScorecards => "績效考核", "KPI scorecards";
    DepartmentMean => "部門平均", "department mean";
    People => "人數", "People";
    NoValue => "本期無數據", "no value in the period";
    NoScorecards => "沒有考核卡", "no scorecards";
    Read => "讀取", "read";
    Used => "使用", "used";
    Skipped => "跳過", "skipped";
    Days => "天", "d";
    Hours => "小時", "h";
    // How a KPI score was reached (`--explain`).
    BandStretch => "達到挑戰值", "at or beyond stretch";
    BandTargetToStretch => "介於目標值與挑戰值之間", "between target and stretch";
    BandTarget => "達到目標值(無挑戰值)", "at or beyond target (no stretch)";
    BandThresholdToTarget => "介於門檻值與目標值之間", "between threshold and target";
    BandBelowThreshold => "未達門檻值", "short of threshold";
    BandProportional => "未達目標值(無門檻值),按比例", "short of target (no threshold): proportional";
    BandInBand => "在目標區間內", "inside the target band";
    BandNearBand => "介於門檻區間與目標區間之間", "between threshold and target bands";
    BandOutOfBand => "在區間之外", "outside the bands";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_department_name_says_its_language() {
        assert_eq!(Lang::of("運營管理部"), Lang::Zh);
        assert_eq!(Lang::of("Operations"), Lang::En);
    }

    #[test]
    fn every_label_has_both_languages() {
        for l in Label::ALL {
            assert!(!l.text(Lang::Zh).is_empty() && !l.text(Lang::En).is_empty(), "{l:?}");
        }
    }
}
