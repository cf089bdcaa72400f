package io.realmcrawl.extract;

import java.util.Set;

/**
 * The few decisions of jsoup's HTML tree builder that change which links a page has, kept
 * without building a tree: which start tags become elements at all, and how the text after each
 * one is tokenised.
 *
 * <p>What it follows (each checked against jsoup by {@code LinkScannerTest}): tags inside a
 * {@code <noscript>} in the head count only when the head allows them ({@code link}, {@code meta},
 * {@code style}...); a {@code <frameset>} before the body leaves only {@code frame} elements;
 * inside {@code <select>} only {@code script} counts; {@code <image>} is {@code <img>} outside
 * SVG; a script in the body is raw text (its {@code <!--} escapes only count before the body);
 * in SVG and MathML {@code style} and {@code title} hold markup, and the HTML tags the
 * standard lists end foreign content; table parts ({@code td}, {@code tr}...) outside a table are
 * dropped. Limits: no full insertion-mode machine, so a frameset after
 * implied body content, a {@code <font color>} leaving SVG, and tags after {@code </html>} quirks
 * may differ from jsoup; the equality test over the Debian doc sets shows none does there.
 */
final class TreeRules {
    private static final Set<String> IN_HEAD = Set.of("html", "head", "base", "basefont", "bgsound", "link",
            "meta", "title", "noscript", "noframes", "style", "script", "template");
    private static final Set<String> IN_HEAD_NOSCRIPT = Set.of("link", "meta", "style", "noframes", "basefont",
            "bgsound");
    private static final Set<String> RAWTEXT = Set.of("style", "xmp", "iframe", "noembed", "noframes");
    private static final Set<String> CLOSES_SELECT = Set.of("select", "input", "keygen", "textarea");
    // The standard's "breakout" start tags: an HTML element here ends SVG or MathML content.
    private static final Set<String> BREAKOUT = Set.of("b", "big", "blockquote", "body", "br", "center", "code",
            "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img",
            "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong",
            "strike", "sub", "sup", "table", "tt", "u", "ul", "var");

    /** Table parts: outside a table jsoup drops these start tags (only their style attributes matter). */
    private static final Set<String> TABLE_PARTS = Set.of("caption", "col", "colgroup", "tbody", "td", "tfoot", "th",
            "thead", "tr");

    private int tables;
    private boolean bodyStarted;
    private boolean headClosed;
    private boolean headNoscript;
    private boolean frameset;
    private boolean select;
    private int foreign;
    private TextMode mode = TextMode.DATA;

    /**
     * A start tag: its name as the element will have it ({@code image} becomes {@code img}), or
     * null when it makes no element whose links count. Read {@link #textMode()} next.
     */
    String start(String name, boolean selfClosing) {
        mode = TextMode.DATA;
        if (frameset) {
            mode = name.equals("noframes") ? TextMode.RAWTEXT : TextMode.DATA;
            return name.equals("frame") ? name : null;
        }
        if (name.equals("frame")) {
            return null; // a frame outside a frameset is dropped
        }
        if (headNoscript) {
            if (!IN_HEAD_NOSCRIPT.contains(name)) {
                return null;
            }
            mode = RAWTEXT.contains(name) ? TextMode.RAWTEXT : TextMode.DATA;
            return name;
        }
        if (!bodyStarted) {
            if (name.equals("frameset")) {
                frameset = true;
                return null;
            }
            if (name.equals("noscript") && !headClosed) {
                headNoscript = true;
                return name;
            }
            if (!IN_HEAD.contains(name)) {
                bodyStarted = true;
            }
        }
        return element(name, selfClosing);
    }

    private String element(String name, boolean selfClosing) {
        if (select) {
            if (CLOSES_SELECT.contains(name)) {
                select = false;
                if (name.equals("select")) {
                    return null;
                }
            } else if (!name.equals("script")) {
                return null;
            }
        } else if (name.equals("select")) {
            select = true;
        }
        if (foreign > 0 && BREAKOUT.contains(name)) {
            foreign = 0;
        }
        if ((name.equals("svg") || name.equals("math")) && !selfClosing) {
            foreign++;
        }
        if (foreign == 0 && name.equals("table")) {
            tables++;
        } else if (foreign == 0 && tables == 0 && TABLE_PARTS.contains(name)) {
            mode = TextMode.DATA;
            return null;
        }
        mode = modeAfter(name);
        return name.equals("image") && foreign == 0 ? "img" : name;
    }

    private TextMode modeAfter(String name) {
        if (name.equals("script")) {
            // jsoup tokenises a script in the body as raw text: no escaped states there
            return bodyStarted ? TextMode.RAWTEXT : TextMode.SCRIPT;
        }
        if (foreign > 0 && (name.equals("style") || name.equals("title"))) {
            return TextMode.DATA;
        }
        if (RAWTEXT.contains(name)) {
            return TextMode.RAWTEXT;
        }
        if (name.equals("title") || name.equals("textarea")) {
            return TextMode.RCDATA;
        }
        return name.equals("plaintext") ? TextMode.PLAINTEXT : TextMode.DATA;
    }

    /** How the text after the last start tag is read. */
    TextMode textMode() {
        return mode;
    }

    void end(String name) {
        switch (name) {
            case "head" -> headClosed = true;
            case "noscript" -> headNoscript = false;
            case "select" -> select = false;
            case "table" -> tables = Math.max(0, tables - 1);
            case "svg", "math" -> foreign = Math.max(0, foreign - 1);
            case "body", "html" -> headClosed = true;
            default -> {
            }
        }
    }

    /** Whether text between tags still matters: only before the body starts. */
    boolean wantsText() {
        return !bodyStarted && !frameset;
    }

    /** Text that is not all whitespace starts the body (unless a head noscript swallows it). */
    void text() {
        if (!headNoscript) {
            bodyStarted = true;
        }
    }
}
