//! RULES §1.2 department names: NFKC, trimmed, inner spaces removed, then
//! mapped through the aliases of the `department` table (别名 separated by
//! 、 , ; or |); groups from that table (trimmed, otherwise as written),
//! else 镇/苏木/乡/街道 → 镇（苏木） and anything else → 旗直部门. Every
//! department named in the table or in an accepted row is listed.

use crate::support::{dept, import_clean, names, score_default, scored, y2019};

const MESSAGES: &str = "办理单位,留言时间,答复时间";

#[test]
fn department_names_are_nfkc_trimmed_and_lose_inner_spaces() {
    // Every spelling below is the same department.
    let spellings = [
        "旗教育局",
        " 旗教育局 ",
        "旗　教育局",
        "\u{3000}旗教育局\u{3000}",
        "旗 教 育 局",
        "旗\t教育局",
        "旗\u{00a0}教育局",
    ];
    let mut text = format!("{MESSAGES}\n");
    for s in spellings {
        text.push_str(&format!("\"{s}\",2019-06-03,2019-06-04\n"));
    }
    let (_, card) = scored(&[("m.csv", &text)], y2019());
    assert_eq!(names(&card), ["旗教育局"]);
    let s = dept(&card, "旗教育局").indicators[5].expect("message_response");
    assert_eq!(s.counted, spellings.len() as u32);
}

#[test]
fn full_width_forms_fold_to_their_nfkc_equivalents() {
    let text = format!(
        "{MESSAGES}\n旗教育局（本级）,2019-06-03,2019-06-04\n旗教育局(本级),2019-06-03,2019-06-04\nＡＢＣ镇,2019-06-03,2019-06-04\n"
    );
    let (_, card) = scored(&[("m.csv", &text)], y2019());
    let mut listed = names(&card);
    listed.sort_unstable();
    assert_eq!(listed, ["ABC镇", "旗教育局(本级)"]);
}

#[test]
fn aliases_from_the_department_table_map_to_the_canonical_name() {
    // (separator written in 别名)
    for sep in ["、", ",", ";", "|", "，", "；"] {
        let table = format!("部门,别名\n旗教育体育局,\"教育局{sep}教体局{sep} 旗 教育局 \"\n");
        let messages = format!(
            "{MESSAGES}\n教育局,2019-06-03,2019-06-04\n教体局,2019-06-03,2019-06-04\n旗教育局,2019-06-03,2019-06-04\n旗教育体育局,2019-06-03,2019-06-04\n"
        );
        // The department table is read first whatever its name.
        let (_, card) = scored(
            &[("a_messages.csv", &messages), ("z_departments.csv", &table)],
            y2019(),
        );
        assert_eq!(names(&card), ["旗教育体育局"], "separator {sep:?}");
        let s = dept(&card, "旗教育体育局").indicators[5].expect("message_response");
        assert_eq!(s.counted, 4, "separator {sep:?}");
    }
}

#[test]
fn groups_come_from_the_table_else_from_the_name() {
    let table = "部门,分组\n\
                 旗教育局, 教育口 \n\
                 乌兰镇,\n\
                 城川苏木,\n\
                 某某乡,\n\
                 北街街道,\n\
                 旗财政局,\n\
                 旗镇政办, 特殊 分组 \n";
    let messages =
        format!("{MESSAGES}\n旗卫健委,2019-06-03,2019-06-04\n新城镇,2019-06-03,2019-06-04\n");
    let imported = import_clean(&[("depts.csv", table), ("m.csv", &messages)]);
    let card = score_default(&imported, y2019());
    // (department, group)
    #[rustfmt::skip]
    let cases = [
        ("旗教育局", "教育口"),
        ("乌兰镇", "镇（苏木）"),
        ("城川苏木", "镇（苏木）"),
        ("某某乡", "镇（苏木）"),
        ("北街街道", "镇（苏木）"),
        ("旗财政局", "旗直部门"),
        ("旗镇政办", "特殊 分组"),
        ("旗卫健委", "旗直部门"),
        ("新城镇", "镇（苏木）"),
    ];
    for (name, group) in cases {
        assert_eq!(dept(&card, name).group, group, "{name}");
    }
    assert_eq!(
        card.departments.len(),
        cases.len(),
        "every department is listed: {:?}",
        names(&card)
    );
}

#[test]
fn the_group_column_may_be_called_类别_and_a_name_ending_in_镇_elsewhere_is_not_a_town() {
    let table = "单位名称,类别\n旗教育局,旗直部门\n";
    let messages =
        format!("{MESSAGES}\n旗教育局,2019-06-03,2019-06-04\n镇政府办公室,2019-06-03,2019-06-04\n");
    let (_, card) = scored(&[("depts.csv", table), ("m.csv", &messages)], y2019());
    assert_eq!(dept(&card, "旗教育局").group, "旗直部门");
    assert_eq!(dept(&card, "镇政府办公室").group, "旗直部门");
}

#[test]
fn departments_come_from_the_table_and_accepted_rows_only() {
    // 旗新局 is named only in a rejected row (bad date): not listed.
    let messages = format!("{MESSAGES}\n旗教育局,2019-06-03,2019-06-04\n旗新局,2019-02-30,\n");
    let table = "部门\n旗档案局\n";
    let imported = crate::support::import_texts(&[("m.csv", &messages), ("d.csv", table)]);
    assert_eq!(imported.report.rejected(), 1);
    let card = score_default(&imported, y2019());
    let mut listed = names(&card);
    listed.sort_unstable();
    assert_eq!(listed, ["旗教育局", "旗档案局"]);
}

/// Regression (review): a name listed as its own row above the row that
/// declares it an alias used to stay a separate department.
#[test]
fn an_alias_declared_below_its_own_row_still_maps_to_the_canonical_name() {
    let table = "部门,别名,分组\n教育局,,\n旗教育局,教育局,旗直部门\n";
    let messages = format!("{MESSAGES}\n教育局,2019-06-03,2019-06-04\n");
    let (_, card) = scored(&[("d.csv", table), ("m.csv", &messages)], y2019());
    assert_eq!(names(&card), ["旗教育局"]);
    assert_eq!(
        dept(&card, "旗教育局").indicators[5].map(|s| s.counted),
        Some(1)
    );
}
