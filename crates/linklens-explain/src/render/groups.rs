//! Targets that would say the same thing, said once: the rows that share a
//! verdict, a deciding fact, an error, remedies and a fix. A DNS-dynamic
//! binary fails the same way on every image without glibc; the page shows
//! that reason, error and fix once, with the images it applies to.

use linklens::{FixId, ReasonId, Verdict};

use crate::explanation::{Remedy, TargetResult};

/// Targets judged alike.
#[derive(Debug, PartialEq)]
pub struct TargetGroup<'a> {
    /// Their verdict.
    pub verdict: Verdict,
    /// Their deciding fact.
    pub reason_id: ReasonId,
    /// The targets, in table order.
    pub members: Vec<&'a TargetResult>,
    /// The reason, when every member's is the same sentence (else each
    /// member's own is shown with its name).
    pub reason: Option<&'a str>,
    /// What the user sees there.
    pub error: Option<&'a str>,
    /// What makes it start or work there as it is.
    pub remedies: &'a [Remedy],
    /// The rebuild that makes it run.
    pub fix: Option<FixId>,
}

/// The groups, in the order their first target comes.
pub fn target_groups(targets: &[TargetResult]) -> Vec<TargetGroup<'_>> {
    let mut groups: Vec<TargetGroup> = Vec::new();
    for t in targets {
        let alike = |g: &&mut TargetGroup| {
            g.verdict == t.verdict
                && g.reason_id == t.reason_id
                && g.error == t.error.as_deref()
                && g.remedies == t.remedies.as_slice()
                && g.fix == t.fix
        };
        match groups.iter_mut().find(|g| alike(g)) {
            Some(g) => {
                g.reason = g.reason.filter(|r| *r == t.reason);
                g.members.push(t);
            }
            None => groups.push(TargetGroup {
                verdict: t.verdict,
                reason_id: t.reason_id,
                members: vec![t],
                reason: Some(&t.reason),
                error: t.error.as_deref(),
                remedies: &t.remedies,
                fix: t.fix,
            }),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use linklens::TargetId;

    fn row(
        id: TargetId,
        verdict: Verdict,
        reason_id: ReasonId,
        reason: &str,
        error: Option<&str>,
    ) -> TargetResult {
        TargetResult {
            id,
            name: id.as_str().into(),
            verdict,
            reason_id,
            reason: reason.into(),
            error: error.map(str::to_string),
            fix: (verdict == Verdict::Fails).then_some(FixId::CgoOff),
            lacks: vec![],
            remedies: vec![],
        }
    }

    #[test]
    fn alike_rows_are_one_group_with_a_shared_or_per_target_reason() {
        let rows = [
            row(
                TargetId::Scratch,
                Verdict::Fails,
                ReasonId::NoLoader,
                "no loader",
                Some("exec /app"),
            ),
            row(
                TargetId::Debian12,
                Verdict::Runs,
                ReasonId::GlibcOk,
                "glibc 2.36",
                None,
            ),
            row(
                TargetId::DistrolessStatic,
                Verdict::Fails,
                ReasonId::NoLoader,
                "no loader",
                Some("exec /app"),
            ),
            row(
                TargetId::Debian13,
                Verdict::Runs,
                ReasonId::GlibcOk,
                "glibc 2.41",
                None,
            ),
            row(
                TargetId::Debian11,
                Verdict::Fails,
                ReasonId::GlibcTooOld,
                "2.34 > 2.31",
                Some("/app: … GLIBC_2.34"),
            ),
        ];
        let groups = target_groups(&rows);
        let shape: Vec<(Verdict, Vec<TargetId>, Option<&str>)> = groups
            .iter()
            .map(|g| {
                (
                    g.verdict,
                    g.members.iter().map(|m| m.id).collect(),
                    g.reason,
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                (
                    Verdict::Fails,
                    vec![TargetId::Scratch, TargetId::DistrolessStatic],
                    Some("no loader")
                ),
                (
                    Verdict::Runs,
                    vec![TargetId::Debian12, TargetId::Debian13],
                    None
                ),
                (
                    Verdict::Fails,
                    vec![TargetId::Debian11],
                    Some("2.34 > 2.31")
                ),
            ]
        );
        assert_eq!(groups[0].fix, Some(FixId::CgoOff));
    }
}
