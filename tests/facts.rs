//! Figures and key indicators of the five seed reports, written out by hand.

mod common;

use common::{check_invariants, seed};
use fazhi::Report;
use fazhi::review::facts::Approx::{self, *};

/// The figure whose text is `text` (the first one).
fn figure(r: &Report, text: &str) -> (f64, String, Approx, String) {
    let f = r
        .figures
        .iter()
        .find(|f| f.text == text)
        .unwrap_or_else(|| panic!("no figure {text}: {:?}", texts(r)));
    (f.value, f.unit.clone(), f.approx, f.subject.clone())
}

fn texts(r: &Report) -> Vec<&str> {
    r.figures.iter().map(|f| f.text.as_str()).collect()
}

fn fig(value: f64, unit: &str, approx: Approx, subject: &str) -> (f64, String, Approx, String) {
    (value, unit.into(), approx, subject.into())
}

/// The reported indicators as (id, value, unit, figure text).
fn reported(r: &Report) -> Vec<(String, f64, String, String)> {
    r.indicators
        .iter()
        .filter(|i| i.reported)
        .map(|i| {
            let f = &r.figures[i.figure.unwrap()];
            (
                i.id.clone(),
                i.value.unwrap(),
                i.unit.clone().unwrap(),
                f.text.clone(),
            )
        })
        .collect()
}

fn rows(spec: &[(&str, f64, &str, &str)]) -> Vec<(String, f64, String, String)> {
    spec.iter()
        .map(|(i, v, u, t)| (i.to_string(), *v, u.to_string(), t.to_string()))
        .collect()
}

#[test]
fn seed_000_activities_consultations_and_mediators() {
    let r = seed(0);
    check_invariants(&r);
    assert_eq!(texts(&r), vec!["30余次", "120余次", "2-3名", "80余名"]);
    assert_eq!(
        figure(&r, "30余次"),
        fig(30.0, "次", AtLeast, "进学校等法治主题活动")
    );
    assert_eq!(
        figure(&r, "120余次"),
        fig(120.0, "次", AtLeast, "法律咨询服务")
    );
    assert_eq!(figure(&r, "2-3名"), fig(2.0, "名", Range, "调解员"));
    let range = r.figures.iter().find(|f| f.text == "2-3名").unwrap();
    assert_eq!((range.lower, range.upper), (Some(2.0), Some(3.0)));
    assert_eq!(figure(&r, "80余名"), fig(80.0, "名", AtLeast, "调解员"));
    assert_eq!(
        reported(&r),
        rows(&[("publicityActivities", 30.0, "次", "30余次")])
    );
}

#[test]
fn seed_001_only_a_zero_in_words() {
    let r = seed(1);
    check_invariants(&r);
    assert_eq!(
        figure(&r, "未发生因部门执法、集中行动而引起的闹访、群访事件"),
        fig(
            0.0,
            "件",
            Exact,
            "因部门执法、集中行动而引起的闹访、群访事件"
        )
    );
    assert_eq!(r.figures.len(), 1);
    assert_eq!(reported(&r), vec![]);
}

#[test]
fn seed_002_disputes_and_zero_cases() {
    let r = seed(2);
    check_invariants(&r);
    assert_eq!(figure(&r, "245件"), fig(245.0, "件", Exact, "排查矛盾纠纷"));
    assert_eq!(figure(&r, "243件"), fig(243.0, "件", Exact, "调解成功"));
    assert_eq!(
        figure(&r, "无被申请行政复议案件"),
        fig(0.0, "件", Exact, "被申请行政复议案件")
    );
    assert_eq!(
        figure(&r, "未被作为被告参与行政诉讼案件"),
        fig(0.0, "件", Exact, "被作为被告参与行政诉讼案件")
    );
    assert_eq!(
        reported(&r),
        rows(&[
            ("reconsiderationCases", 0.0, "件", "无被申请行政复议案件"),
            ("litigationCases", 0.0, "件", "未被作为被告参与行政诉讼案件"),
            ("disputesScreened", 245.0, "件", "245件"),
            ("disputesResolved", 243.0, "件", "243件"),
            ("studySessions", 4.0, "次", "4次"),
        ])
    );
    // 六届一、二、三、四次全委会, 十五次党代会: ordinals, not counts.
    assert!(!texts(&r).iter().any(|t| t.contains("次") && t != &"4次"));
}

#[test]
fn seed_003_lectures_materials_and_zeros() {
    let r = seed(3);
    check_invariants(&r);
    assert_eq!(
        figure(&r, "超过20场次"),
        fig(20.0, "场次", AtLeast, "法治讲座")
    );
    assert_eq!(
        figure(&r, "2万多份"),
        fig(20000.0, "份", AtLeast, "宣传资料")
    );
    assert_eq!(figure(&r, "15000人次"), fig(15000.0, "人次", Exact, "惠及"));
    // 人次 broken over two lines in the page: the span keeps the raw break.
    let consult = r
        .figures
        .iter()
        .find(|f| f.text.starts_with("超过100人"))
        .unwrap();
    assert_eq!((consult.value, consult.unit.as_str()), (100.0, "人次"));
    assert_eq!(consult.subject, "驻村法律顾问提供法律咨询服务");
    assert_eq!(
        figure(&r, "未有制定规范性文件"),
        fig(0.0, "件", Exact, "制定规范性文件")
    );
    assert_eq!(
        reported(&r),
        rows(&[
            ("legalAdvisers", 12.0, "个", "12个"),
            ("normativeDocumentsMade", 0.0, "件", "未有制定规范性文件"),
            ("publicityActivities", 60.0, "场次", "超过60场次"),
            ("lectures", 20.0, "场次", "超过20场次"),
        ])
    );
    // 三项制度 is a name; 八五 a plan.
    assert!(
        !texts(&r)
            .iter()
            .any(|t| t.contains("三项") || t.contains("八五"))
    );
}

#[test]
fn seed_004_mediation_figures_and_indicators() {
    let r = seed(4);
    check_invariants(&r);
    assert_eq!(figure(&r, "42件"), fig(42.0, "件", Exact, "调解成功"));
    assert_eq!(figure(&r, "95.45%"), fig(95.45, "%", Exact, "调处成功率"));
    assert_eq!(figure(&r, "46个"), fig(46.0, "个", Exact, "人民调解委员会"));
    assert_eq!(figure(&r, "237名"), fig(237.0, "名", Exact, "调解员"));
    assert_eq!(
        figure(&r, "100％"),
        fig(100.0, "%", Exact, "村法律顾问覆盖率")
    );
    assert_eq!(
        reported(&r),
        rows(&[
            ("legalAdvisers", 100.0, "%", "100％"),
            ("disputesScreened", 500.0, "次", "500余次"),
            ("disputesHandled", 44.0, "件", "44件"),
            ("disputesResolved", 42.0, "件", "42件"),
            ("disputesSuccessRate", 95.45, "%", "95.45%"),
            ("publicityActivities", 10.0, "场次", "10余场次"),
            ("lectures", 2.0, "次", "2次"),
            ("petitions", 7.0, "件", "7件"),
        ])
    );
    // Not reported: no 行政复议 or 行政诉讼 figure in this report.
    for id in ["reconsiderationCases", "litigationCases", "appearanceRate"] {
        let i = r.indicators.iter().find(|i| i.id == id).unwrap();
        assert!(!i.reported && i.value.is_none() && i.span.is_none(), "{id}");
    }
    // “3.15”, “6.26” are days, 每季度主持一次 a frequency.
    assert!(!texts(&r).iter().any(|t| t.contains('.') && *t != "95.45%"));
    assert!(!texts(&r).contains(&"一次"));
}

#[test]
fn no_figure_is_a_year_date_or_plan_range() {
    for n in 0..5 {
        let r = seed(n);
        check_invariants(&r);
        assert_eq!(r.indicators.len(), fazhi::review::indicators::RULES.len());
        for f in &r.figures {
            let t = f.text.as_str();
            assert!(
                !["年", "月", "日", "号", ":"].iter().any(|w| t.contains(w)),
                "seed {n}: {t}"
            );
            assert!(!f.unit.is_empty(), "seed {n}: {t}");
            assert!(
                !(f.value >= 1900.0 && f.value <= 2100.0 && f.value.fract() == 0.0),
                "seed {n}: a year? {t}"
            );
        }
    }
}
