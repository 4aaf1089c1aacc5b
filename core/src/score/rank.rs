//! Ranks (RULES §4): by score, equal scores sharing a rank (1, 2, 2, 4),
//! overall and within each group; ties listed by name.

use std::collections::HashMap;

use super::card::DeptScore;

/// Ranks scored departments (1, 2, 2, 4), overall and within groups, and
/// sorts: by rank, then name; unscored last by name.
pub(super) fn rank(departments: &mut [DeptScore]) {
    departments.sort_by(|a, b| match (a.score, b.score) {
        (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| a.dept.cmp(&b.dept)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.dept.cmp(&b.dept),
    });
    let mut group_seen: HashMap<String, (u32, f64, u32)> = HashMap::new();
    let mut previous: Option<(f64, u32)> = None;
    for (i, d) in departments.iter_mut().enumerate() {
        let Some(score) = d.score else { break };
        let position = i as u32 + 1;
        let rank = match previous {
            Some((s, r)) if s == score => r,
            _ => position,
        };
        previous = Some((score, rank));
        d.rank = Some(rank);
        let entry = group_seen
            .entry(d.group.clone())
            .or_insert((0, f64::NAN, 0));
        entry.0 += 1;
        let group_rank = if entry.1 == score { entry.2 } else { entry.0 };
        entry.1 = score;
        entry.2 = group_rank;
        d.group_rank = Some(group_rank);
    }
}
