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
    // Competency gaps, training and mentoring (SPEC 6.3).
    Competency => "能力", "Competency";
    Required => "要求等級", "Required";
    Assessed => "評估等級", "Assessed";
    Gap => "差距", "Gap";
    Gaps => "能力差距", "Gaps";
    Unassessed => "未評估", "Unassessed";
    TrainingPlan => "培訓計劃", "Training plan";
    People => "人員", "People";
    TotalGap => "差距合計", "Total gap";
    MeanGap => "平均差距", "Mean gap";
    Mentored => "有導師", "Mentored";
    MentorPairs => "導師配對", "Mentor pairs";
    Mentor => "導師", "Mentor";
    Mentee => "學員", "Mentee";
    MentorLevel => "導師等級", "Mentor level";
    Relation => "關係", "Relation";
    SameRole => "同崗位", "same role";
    ReportsToRole => "匯報對象崗位", "reports-to role";
    OtherRole => "其他崗位", "other role";
    TrainingOnly => "僅培訓", "Training only";
    NoMentorQualifies => "無人高於要求等級", "nobody above the required level";
    MentorsFull => "合格導師名額已滿", "every qualified mentor is at the limit";
    NoGaps => "無差距", "no gaps";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_has_both_languages() {
        for l in Label::ALL {
            assert!(!l.text(Lang::Zh).is_empty() && !l.text(Lang::En).is_empty(), "{l:?}");
        }
    }
}
