import HTTPServer

/// The security fields of the browse page: on every file under `Public/` (the HTML, its ES
/// modules, the CSS), never on the API's JSON, which no browser renders.
///
/// The page has no inline script or style and inserts API text only as text, so the policy
/// can be strict: its own modules and stylesheet, `fetch` to its own origin, the empty
/// `data:` favicon, nothing else; Trusted Types make the browser refuse every HTML string
/// sink (`innerHTML` and friends), so that rule is enforced, not only reviewed. No other
/// site may frame the page (`frame-ancestors`, and `X-Frame-Options` for older browsers),
/// links out tell the other site nothing of the intranet address a reader came from, and a
/// page opened from here gets no handle on this window. The browser test checks that the
/// page works under exactly these fields with no violation (`--expect-csp`).
enum BrowsePageHeaders {
    /// The fields, appended to every static file's response.
    static let fields: HTTPFields = [
        "Content-Security-Policy":
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; "
            + "require-trusted-types-for 'script'; trusted-types 'none'",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
    ]
}
