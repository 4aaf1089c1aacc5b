//! The embedded sample county (data/sample), so the dashboard is useful the
//! moment it opens, with no request to any server.

use openness_core::import::InputFile;

/// The sample's name, shown as the data source.
pub const SAMPLE_NAME: &str = "鄂托克前旗 2019（示例数据）";

/// The sample exports, as files.
pub fn sample_files() -> Vec<InputFile> {
    macro_rules! file {
        ($name:literal) => {
            InputFile::new(
                $name,
                include_bytes!(concat!("../../data/sample/", $name)).to_vec(),
            )
        };
    }
    vec![
        file!("部门名单.csv"),
        file!("主动公开目录.csv"),
        file!("政策解读.xlsx"),
        file!("依申请公开登记.csv"),
        file!("网民留言.txt"),
        file!("政务舆情.json"),
        file!("执法公示.csv"),
        file!("网站栏目.csv"),
    ]
}
