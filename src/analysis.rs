//! OUTPUT of the core: what the passes decided, by node id, each with a [`Reason`].

use crate::reason::Reason;
use crate::snapshot::NodeId;
use serde::Serialize;

/// The main content choice.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// The node holding the article body.
    pub root: NodeId,
    /// 0.0..=1.0: how clearly this node beat the alternatives.
    pub confidence: f32,
    pub reason: Reason,
}

/// Is this page an article worth a reader view? (Readability's "readerable".)
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    pub is_article: bool,
    pub reason: Reason,
}

/// Kinds of clutter. Serialized kebab-case: the extension and CSS use these names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClutterKind {
    /// A comment thread or a comment embed (Facebook, Disqus).
    Comments,
    /// A form to leave a comment or reply (a form with a textarea).
    CommentForm,
    /// Related / read-more / trending / most-read lists.
    Related,
    /// Share and follow bars.
    Share,
    /// Newsletter and sign-up forms.
    Newsletter,
    /// Ads and sponsored blocks.
    Ad,
    /// Cookie and consent banners.
    Consent,
    /// Site navigation menus.
    Navigation,
    /// Breaking-news tickers and marquees.
    Ticker,
    Breadcrumb,
    /// Site footer.
    Footer,
    /// Page controls that are not content (dark-mode toggles, font-size buttons, "enlarge").
    Control,
    /// Sidebar widgets that fit no kind above.
    Widget,
}

impl ClutterKind {
    pub const ALL: [ClutterKind; 13] = [
        ClutterKind::Comments, ClutterKind::CommentForm, ClutterKind::Related, ClutterKind::Share,
        ClutterKind::Newsletter, ClutterKind::Ad, ClutterKind::Consent, ClutterKind::Navigation,
        ClutterKind::Ticker, ClutterKind::Breadcrumb, ClutterKind::Footer, ClutterKind::Control,
        ClutterKind::Widget,
    ];

    /// kebab-case name, as serialized.
    pub fn name(self) -> &'static str {
        match self {
            ClutterKind::Comments => "comments",
            ClutterKind::CommentForm => "comment-form",
            ClutterKind::Related => "related",
            ClutterKind::Share => "share",
            ClutterKind::Newsletter => "newsletter",
            ClutterKind::Ad => "ad",
            ClutterKind::Consent => "consent",
            ClutterKind::Navigation => "navigation",
            ClutterKind::Ticker => "ticker",
            ClutterKind::Breadcrumb => "breadcrumb",
            ClutterKind::Footer => "footer",
            ClutterKind::Control => "control",
            ClutterKind::Widget => "widget",
        }
    }

    /// Site chrome (menus, breadcrumbs, footers) keeps the site's look: the in-place clean
    /// leaves it unless the user asks; everything else is hidden by default.
    pub fn is_site_chrome(self) -> bool {
        matches!(self, ClutterKind::Navigation | ClutterKind::Breadcrumb | ClutterKind::Footer)
    }
}

/// One clutter decision: hide `node` (and its subtree).
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Clutter {
    pub node: NodeId,
    pub kind: ClutterKind,
    pub reason: Reason,
}

/// One outline entry. `level` starts at 1 and never jumps by more than one below its parent.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OutlineEntry {
    pub level: u8,
    pub text: String,
    /// The heading (or pseudo-heading) node, for scrolling to it.
    pub id: NodeId,
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    /// Title without the " - Site Name" suffix.
    pub title: Option<String>,
    pub byline: Option<String>,
    /// As found (ISO 8601 when the page gives it so).
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub lang: Option<String>,
    /// "ltr" or "rtl".
    pub dir: Option<String>,
    pub lead_image: Option<String>,
    pub excerpt: Option<String>,
    /// Words in the article; CJK characters count one each.
    pub word_count: u32,
    /// Minutes, at least 1 when there is any text.
    pub reading_minutes: u32,
}

/// The article as clean, sanitized HTML, plus its plain text.
#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReaderDoc {
    /// Sanitized HTML: no scripts, no event handlers, no `javascript:` URLs, no forms.
    /// Headings carry `id="sift-N"` where N is the snapshot node id (outline anchors).
    pub html: String,
    /// Plain text: blocks separated by blank lines.
    pub text: String,
}

/// Everything the passes decided about one snapshot.
#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    pub article: Option<Article>,
    pub verdict: Option<Verdict>,
    /// Outermost clutter nodes, in document order, none inside another.
    pub clutter: Vec<Clutter>,
    pub outline: Vec<OutlineEntry>,
    pub metadata: Metadata,
    pub reader: ReaderDoc,
}
