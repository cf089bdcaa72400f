package io.realmcrawl.extract;

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
 * dropped. Which names belong to which set is {@link TagName}'s. Limits: no full insertion-mode machine, so a frameset after
 * implied body content, a {@code <font color>} leaving SVG, and tags after {@code </html>} quirks
 * may differ from jsoup; the equality test over the Debian doc sets shows none does there.
 */
final class TreeRules {
    private int tables;
    private boolean bodyStarted;
    private boolean headClosed;
    private boolean headNoscript;
    private boolean frameset;
    private boolean select;
    private int foreign;
    private TextMode mode = TextMode.DATA;

    /**
     * A start tag: the element it makes ({@code image} becomes {@code img}), or null when it makes
     * no element whose links count. Read {@link #textMode()} next.
     */
    TagName start(TagName tag, boolean selfClosing) {
        mode = TextMode.DATA;
        if (frameset) {
            mode = tag == TagName.NOFRAMES ? TextMode.RAWTEXT : TextMode.DATA;
            return tag == TagName.FRAME ? tag : null;
        }
        if (tag == TagName.FRAME) {
            return null; // a frame outside a frameset is dropped
        }
        if (headNoscript) {
            if (!tag.in(TagName.Sets.HEAD_NOSCRIPT)) {
                return null;
            }
            mode = tag.in(TagName.Sets.RAWTEXT) ? TextMode.RAWTEXT : TextMode.DATA;
            return tag;
        }
        if (!bodyStarted) {
            if (tag == TagName.FRAMESET) {
                frameset = true;
                return null;
            }
            if (tag == TagName.NOSCRIPT && !headClosed) {
                headNoscript = true;
                return tag;
            }
            if (!tag.in(TagName.Sets.IN_HEAD)) {
                bodyStarted = true;
            }
        }
        return element(tag, selfClosing);
    }

    private TagName element(TagName tag, boolean selfClosing) {
        if (select) {
            if (tag.in(TagName.Sets.CLOSES_SELECT)) {
                select = false;
                if (tag == TagName.SELECT) {
                    return null;
                }
            } else if (tag != TagName.SCRIPT) {
                return null;
            }
        } else if (tag == TagName.SELECT) {
            select = true;
        }
        if (foreign > 0 && tag.in(TagName.Sets.BREAKOUT)) {
            foreign = 0;
        }
        if ((tag == TagName.SVG || tag == TagName.MATH) && !selfClosing) {
            foreign++;
        }
        if (foreign == 0 && tag == TagName.TABLE) {
            tables++;
        } else if (foreign == 0 && tables == 0 && tag.in(TagName.Sets.TABLE_PART)) {
            mode = TextMode.DATA;
            return null;
        }
        mode = modeAfter(tag);
        return tag == TagName.IMAGE && foreign == 0 ? TagName.IMG : tag;
    }

    private TextMode modeAfter(TagName tag) {
        if (tag == TagName.SCRIPT) {
            // jsoup tokenises a script in the body as raw text: no escaped states there
            return bodyStarted ? TextMode.RAWTEXT : TextMode.SCRIPT;
        }
        if (foreign > 0 && (tag == TagName.STYLE || tag == TagName.TITLE)) {
            return TextMode.DATA;
        }
        if (tag.in(TagName.Sets.RAWTEXT)) {
            return TextMode.RAWTEXT;
        }
        if (tag == TagName.TITLE || tag == TagName.TEXTAREA) {
            return TextMode.RCDATA;
        }
        return tag == TagName.PLAINTEXT ? TextMode.PLAINTEXT : TextMode.DATA;
    }

    /** How the text after the last start tag is read. */
    TextMode textMode() {
        return mode;
    }

    void end(TagName tag) {
        switch (tag) {
            case HEAD, BODY, HTML -> headClosed = true;
            case NOSCRIPT -> headNoscript = false;
            case SELECT -> select = false;
            case TABLE -> tables = Math.max(0, tables - 1);
            case SVG, MATH -> foreign = Math.max(0, foreign - 1);
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
