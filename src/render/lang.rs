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
    // The risk register (SPEC 6.1).
    RiskRegister => "風險登記冊", "Risk register";
    HeatMap => "風險矩陣", "Heat map";
    Id => "編號", "ID";
    RiskTitle => "風險", "Risk";
    Owner => "負責崗位", "Owner";
    Category => "類別", "Category";
    Likelihood => "可能性", "Likelihood";
    Impact => "影響", "Impact";
    RiskScore => "分值", "L×I";
    RiskLevel => "風險等級", "Level";
    Rpn => "RPN", "RPN";
    ActionPriority => "措施優先級", "AP";
    Response => "應對措施", "Response";
    Due => "到期日", "Due";
    Overdue => "已逾期", "overdue";
    RisksCounted => "項風險", "risks";
    // Cross-department conflicts (SPEC 6.2).
    ConflictLog => "跨部門沖突", "Cross-department conflicts";
    Matter => "事項", "Matter";
    Parties => "涉及部門", "Parties";
    Raised => "提交日期", "Raised";
    Escalated => "上報管理層", "Escalated";
    Resolved => "解決日期", "Resolved";
    WorkingDays => "工作日", "Days";
    State => "狀態", "State";
    Coordinator => "協調人", "Coordinator";
    ConflictsCounted => "項沖突", "conflicts";
    WithinDays => "個工作日內解決", "working days to resolve";
    MetShare => "按時解決率", "Met";
    MedianDays => "中位天數", "Median days";
    MaxDays => "最長天數", "Slowest";
    ByParty => "按部門", "By party";
    Calendar => "日曆", "Calendar";
    Today => "今天", "Today";
    NoData => "無官方假日數據", "no official holiday data";
    RecordsRead => "記錄", "records";
    Read => "讀取", "read";
    Used => "使用", "used";
    Skipped => "跳過", "skipped";
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
