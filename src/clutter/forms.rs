//! Forms and dialogs: comment forms, newsletter sign-ups, cookie / consent banners.

use super::*;

// ---------------------------------------------------------------------------------------------
// Detectors. Each looks at one element and answers with a kind and a reason.

pub(super) type Found = Option<(ClutterKind, Reason)>;

/// A detector's answer: `kind`, for the reason `code` with the detail `template`, each `{}` in
/// it replaced by the next of `args` (see [`found!`](super::found)).
pub(super) fn found(kind: ClutterKind, code: &'static str, template: &str, args: &[&dyn crate::text::Piece]) -> Found {
    Some((kind, Reason::new(code, fill(template, args))))
}

/// `template` with each `{}` replaced by the next of `args` (a `{}` past the last argument is
/// kept as it is).
pub(super) fn fill(template: &str, args: &[&dyn crate::text::Piece]) -> String {
    let mut detail = String::new();
    let mut rest = template;
    for a in args {
        let Some(at) = crate::text::find_str(rest, "{}") else { break };
        detail.push_str(crate::text::to(rest, at));
        a.put(&mut detail);
        rest = crate::text::from(rest, at + 2);
    }
    detail.push_str(rest);
    detail
}

pub(super) fn detect_form(cx: &Ctx, id: NodeId) -> Found {
    let snap = cx.snap;
    if snap.tag(id) != Tag::Form {
        return None;
    }
    let c = cx.c(id);
    if c.textareas > 0 && c.password_inputs == 0 {
        if c.email_inputs > 0 {
            return found!(ClutterKind::CommentForm, "comment-form", "form with a textarea and an email field");
        }
        if c.text_inputs >= 1 {
            return found!(ClutterKind::CommentForm, "comment-form", "form with a textarea and {} text field(s)", c.text_inputs);
        }
        if c.buttons > 0 {
            return found!(ClutterKind::CommentForm, "comment-form", "form with a textarea and a submit button");
        }
    }
    if c.textareas == 0
        && c.email_inputs > 0
        && c.password_inputs == 0
        && c.search_inputs == 0
        && c.text_inputs <= DEFAULT_NEWSLETTER_MAX_INPUTS
    {
        return found!(ClutterKind::Newsletter, "newsletter-form", "form with an email field, no textarea, {} field(s)", c.text_inputs);
    }
    None
}

pub(super) fn detect_consent(cx: &Ctx, id: NodeId) -> Found {
    let snap = cx.snap;
    let c = cx.c(id);
    // A banner offers a choice: no buttons, no banner.
    if c.buttons == 0 {
        return None;
    }
    // The inline style is read only when nothing before it answered.
    let style = || snap.attr(id, "style").map(|s| crate::text::replace_str(s, " ", "").to_ascii_lowercase()).unwrap_or_default();
    let dialog = snap.tag(id) == Tag::Dialog
        || cx.role(id, Role::DIALOG | Role::ALERTDIALOG)
        || snap.attr(id, "aria-modal").is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || {
            let style = style();
            contains_any(&style, crate::packed_words!["position:fixed", "position:sticky"])
        };
    let hints = cx.hint(id);
    let hinted = contains_any(hints, crate::packed_words!["cookie", "consent", "gdpr", "cmp-", "privacy-banner"]);
    if !dialog && !hinted {
        return None;
    }
    let lowered = lower(&snap.text_of(id));
    let text = crate::text::first_chars(&lowered, DEFAULT_BANNER_SCAN_CHARS);
    let worded = contains_any(text, pat::CONSENT_WORDS);
    if dialog && (worded || hinted) {
        return found!(ClutterKind::Consent, "consent-dialog", "dialog with {} button(s) about cookies or consent", c.buttons);
    }
    if hinted && worded && snap.node(id).text_len <= DEFAULT_CONSENT_MAX_CHARS {
        return found!(ClutterKind::Consent, "consent-banner", "banner with {} button(s) about cookies or consent", c.buttons);
    }
    None
}
