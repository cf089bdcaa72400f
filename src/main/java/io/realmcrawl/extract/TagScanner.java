package io.realmcrawl.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Tokenises an HTML byte stream for the start tags that hold links, without building a tree:
 * the HTML standard's tokenizer states as jsoup implements them (comments, bogus comments,
 * doctypes, CDATA, raw text and RCDATA, script data with its escaped states, quoted and unquoted
 * attributes), driven by {@link TreeRules}.
 *
 * <p>It reads bytes, not characters, so it works for charsets where every byte below 0x80 is
 * ASCII (UTF-8, ISO-8859-*, windows-125*): markup is ASCII there, and only the values of the
 * wanted attributes (and the text of {@code <style>} elements, up to {@link #MAX_STYLE_TEXT}) are decoded. Memory is one 64 KiB buffer (per thread, reused) plus the wanted values; a value
 * longer than {@link #MAX_VALUE} bytes is dropped (no URL is that long).
 *
 * <p>Limits: jsoup's look for a missing {@code </title>} or {@code </textarea>} sees the rest of
 * this buffer, as jsoup sees the rest of its own, so the two may differ on a page that never
 * closes one and is longer than both.
 */
final class TagScanner {
    static final int MAX_VALUE = 64 * 1024;
    private static final int BUFFER = 64 * 1024;
    private static final int MAX_NAME = PackedName.MAX_LENGTH;

    /** Most CSS one {@code <style>} element may hold for links; past it the rest is not read. */
    static final int MAX_STYLE_TEXT = 1 << 20;

    /**
     * Receives the start tags that become elements and have wanted attributes (a URL tag, or any
     * tag with a {@code style} attribute), and the text of each {@code <style>} element.
     */
    interface Sink {
        /** A start tag that makes an element of {@code element}'s name, with the attributes it reads. */
        void tag(RawLinks.TagRule element, TagAttributes attributes);

        default void styleText(String css) {
        }
    }

    enum State {
        DATA, TAG_OPEN, END_TAG_OPEN, TAG_NAME, BEFORE_ATTR_NAME, ATTR_NAME, AFTER_ATTR_NAME, BEFORE_ATTR_VALUE,
        VALUE_DQ, VALUE_SQ, VALUE_UNQUOTED, AFTER_VALUE_QUOTED, SELF_CLOSING, MARKUP_DECLARATION, BOGUS_COMMENT,
        COMMENT_START, COMMENT_START_DASH, COMMENT, COMMENT_END_DASH, COMMENT_END, COMMENT_END_BANG, CDATA,
        RAWTEXT, RCDATA, SCRIPT, ESCAPED, ESCAPED_DASH, ESCAPED_DASH_DASH, ESCAPED_LT, DOUBLE_ESCAPED,
        DOUBLE_ESCAPED_DASH, DOUBLE_ESCAPED_DASH_DASH, DOUBLE_ESCAPED_LT
    }

    private final InputStream in;
    private final Charset charset;
    private final Sink sink;
    private final TreeRules rules = new TreeRules();
    /**
     * One buffer per thread, reused from page to page: a fresh 64 KiB per page cost more to
     * allocate and clear than a small page takes to scan. Nothing past {@code limit} is read.
     */
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[BUFFER]);
    private final byte[] buf = BUFFERS.get();
    private int pos;
    private int limit;
    private boolean eof;
    private State state = State.DATA;

    // the tag being read
    private final byte[] name = new byte[MAX_NAME];
    private int nameLength;
    private boolean endTag;
    private boolean selfClosing;
    /** The tag's name, once read; null before. */
    private TagName tag;
    /**
     * The attributes kept of this tag ({@link TagAttributes} bits): those {@link RawLinks} reads of
     * its elements ({@code style} of any start tag), none of an end tag. No other value is decoded.
     */
    private int wantedAttributes;
    /** The text of the {@code <style>} element being read, or null when none is. */
    private java.io.ByteArrayOutputStream styleText;
    private String rawTextEnd = "";
    /** The element whose raw text is being read; its name is {@code rawTextEnd}. */
    private TagName rawTextTag = TagName.OTHER;
    private final TagAttributes attributes = new TagAttributes();
    // the attribute being read
    private final byte[] attributeName = new byte[MAX_NAME];
    private int attributeNameLength;
    /** Its {@link TagAttributes} number once known, {@link #UNKNOWN} before. */
    private int attributeNumber;
    private static final int UNKNOWN = -2;
    private boolean inAttribute;
    private boolean capture;
    private byte[] value = new byte[256];
    private int valueLength;

    private TagScanner(InputStream in, Charset charset, Sink sink) {
        this.in = in;
        this.charset = charset;
        this.sink = sink;
    }

    /** Reads {@code in} to its end (or a {@code <plaintext>}), handing every wanted tag to {@code sink}. */
    static void scan(InputStream in, Charset charset, Sink sink) throws IOException {
        new TagScanner(in, charset, sink).run();
    }

    private void run() throws IOException {
        while (pos < limit || fill()) {
            step();
            if (state == null) {
                return; // <plaintext>: the rest is text
            }
        }
        if (state == State.BEFORE_ATTR_VALUE) {
            emit(); // jsoup keeps a tag cut off by the end of the input here only
        }
        endStyleText(); // a <style> the input ended in: jsoup keeps its text
    }

    /**
     * Handles bytes from {@code pos} in the current state. The common paths through a tag
     * ({@code <}, name, {@code ="value"}) call the next state's method directly, with no round
     * trip through here, for each of the thousands of tags of a page.
     */
    private void step() throws IOException {
        switch (state) {
            case DATA -> data();
            case TAG_OPEN -> tagOpen();
            case END_TAG_OPEN -> endTagOpen();
            case TAG_NAME -> tagName();
            case BEFORE_ATTR_NAME -> beforeAttributeName();
            case ATTR_NAME -> attributeName();
            case AFTER_ATTR_NAME -> afterAttributeName();
            case BEFORE_ATTR_VALUE -> beforeAttributeValue();
            case VALUE_DQ -> quotedValue((byte) '"');
            case VALUE_SQ -> quotedValue((byte) '\'');
            case VALUE_UNQUOTED -> unquotedValue();
            case AFTER_VALUE_QUOTED -> afterQuotedValue();
            case SELF_CLOSING -> selfClosing();
            case MARKUP_DECLARATION -> markupDeclaration();
            case BOGUS_COMMENT -> skipPast((byte) '>', State.DATA);
            case CDATA -> cdata();
            case RAWTEXT, RCDATA, SCRIPT -> rawText();
            default -> {
                if (!Comments.step(this)) {
                    ScriptEscapes.step(this);
                }
            }
        }
    }

    // --- data and tags

    private void data() {
        if (rules.wantsText()) {
            for (; pos < limit && buf[pos] != '<'; pos++) {
                if (!isWhitespace(buf[pos])) {
                    rules.text();
                    if (!rules.wantsText()) {
                        break;
                    }
                }
            }
        }
        // tag after tag without a round trip through step(): most tags leave the state at DATA
        while (true) {
            int lt = indexOf((byte) '<', pos);
            if (lt < 0) {
                pos = limit;
                return;
            }
            pos = lt + 1;
            state = State.TAG_OPEN;
            if (pos == limit) {
                return;
            }
            tagOpen();
            if (state != State.DATA || rules.wantsText()) {
                return;
            }
        }
    }

    private void tagOpen() {
        byte b = buf[pos];
        if (b == '!') {
            pos++;
            state = State.MARKUP_DECLARATION;
        } else if (b == '/') {
            pos++;
            state = State.END_TAG_OPEN;
            if (pos < limit) {
                endTagOpen();
            }
        } else if (b == '?') {
            state = State.BOGUS_COMMENT;
        } else if (isLetter(b)) {
            if (!plainTag(false)) {
                beginTag(false);
                tagName();
            }
        } else {
            state = State.DATA;
        }
    }

    private void endTagOpen() {
        byte b = buf[pos];
        if (isLetter(b)) {
            if (!plainTag(true)) {
                beginTag(true);
                tagName();
            }
        } else if (b == '>') {
            pos++;
            state = State.DATA;
        } else {
            state = State.BOGUS_COMMENT;
        }
    }

    private void beginTag(boolean end) {
        endTag = end;
        nameLength = 0;
        selfClosing = false;
        tag = null;
        inAttribute = false;
        attributes.clear();
        state = State.TAG_NAME;
    }

    private void tagName() {
        nameLength = nameBytes(name, nameLength, TAG_NAME_ENDS);
        if (pos == limit) {
            return;
        }
        byte b = buf[pos++];
        if (isWhitespace(b)) {
            nameDone(State.BEFORE_ATTR_NAME);
            beforeAttributeName();
        } else if (b == '/') {
            nameDone(State.SELF_CLOSING);
        } else {
            nameDone(State.DATA); // '>'
            emit();
        }
    }

    /**
     * Appends the bytes of a tag or attribute name from {@code pos} up to the first one in
     * {@code ends} (or the buffer's end) to {@code to}, which holds {@code length} bytes of it, in
     * lower case; returns the new length, {@code pos} left at the byte that ended the name. A tight
     * loop on locals: C1 would reload the fields for every byte.
     */
    private int nameBytes(byte[] to, int length, boolean[] ends) {
        byte[] bytes = buf;
        int p = pos;
        for (int end = limit; p < end && !ends[bytes[p] & 0xFF]; p++) {
            if (length < MAX_NAME) {
                to[length] = LOWER[bytes[p] & 0xFF];
            }
            length++;
        }
        pos = p;
        return length;
    }

    private void nameDone(State next) {
        tag = nameLength > MAX_NAME ? TagName.OTHER : TagName.of(name, nameLength);
        wantedAttributes = endTag ? 0 : tag.attributes;
        state = next;
    }

    /** The name of a tag that is {@link TagName#OTHER}, as elements have it. */
    private String otherName() {
        return nameLength > MAX_NAME ? "" : new String(name, 0, nameLength, StandardCharsets.ISO_8859_1);
    }

    private void beforeAttributeName() {
        for (; pos < limit; pos++) {
            byte b = buf[pos];
            if (isWhitespace(b)) {
                continue;
            }
            if (b == '/') {
                pos++;
                state = State.SELF_CLOSING;
            } else if (b == '>') {
                pos++;
                emit();
            } else {
                newAttribute();
                if (b == '"' || b == '\'' || b == '=') {
                    attributeNameLength = append(attributeName, attributeNameLength, b);
                    pos++;
                }
                state = State.ATTR_NAME;
                attributeName();
            }
            return;
        }
    }

    private void attributeName() {
        attributeNameLength = nameBytes(attributeName, attributeNameLength, ATTRIBUTE_NAME_ENDS);
        if (pos == limit) {
            return;
        }
        byte b = buf[pos++];
        if (isWhitespace(b)) {
            state = State.AFTER_ATTR_NAME;
        } else if (b == '/') {
            state = State.SELF_CLOSING;
        } else if (b == '=') {
            startValue();
            state = State.BEFORE_ATTR_VALUE;
            beforeAttributeValue();
        } else {
            emit(); // '>'
        }
    }

    private void afterAttributeName() {
        for (; pos < limit; pos++) {
            byte b = buf[pos];
            if (isWhitespace(b)) {
                continue;
            }
            if (b == '/') {
                pos++;
                state = State.SELF_CLOSING;
            } else if (b == '=') {
                pos++;
                startValue();
                state = State.BEFORE_ATTR_VALUE;
            } else if (b == '>') {
                pos++;
                emit();
            } else {
                newAttribute();
                if (b == '"' || b == '\'' || b == '<') {
                    attributeNameLength = append(attributeName, attributeNameLength, b);
                    pos++;
                }
                state = State.ATTR_NAME;
            }
            return;
        }
    }

    private void beforeAttributeValue() {
        for (; pos < limit; pos++) {
            byte b = buf[pos];
            if (isWhitespace(b)) {
                continue;
            }
            if (b == '"') {
                pos++;
                state = State.VALUE_DQ;
                quotedValue((byte) '"');
            } else if (b == '\'') {
                pos++;
                state = State.VALUE_SQ;
                quotedValue((byte) '\'');
            } else if (b == '>') {
                pos++;
                emit();
            } else {
                state = State.VALUE_UNQUOTED;
            }
            return;
        }
    }

    private void quotedValue(byte quote) {
        int end = indexOf(quote, pos);
        int stop = end < 0 ? limit : end;
        appendValue(pos, stop);
        if (end < 0) {
            pos = limit;
        } else {
            pos = end + 1;
            state = State.AFTER_VALUE_QUOTED;
            if (pos < limit) {
                afterQuotedValue(); // not on to the next attribute: that would recurse once per attribute
            }
        }
    }

    private void unquotedValue() {
        int start = pos;
        for (; pos < limit; pos++) {
            byte b = buf[pos];
            if (isWhitespace(b)) {
                appendValue(start, pos);
                pos++;
                state = State.BEFORE_ATTR_NAME;
                return;
            } else if (b == '>') {
                appendValue(start, pos);
                pos++;
                emit();
                return;
            }
        }
        appendValue(start, pos);
    }

    private void afterQuotedValue() {
        byte b = buf[pos];
        if (isWhitespace(b)) {
            pos++;
            state = State.BEFORE_ATTR_NAME;
        } else if (b == '/') {
            pos++;
            state = State.SELF_CLOSING;
        } else if (b == '>') {
            pos++;
            emit();
        } else {
            state = State.BEFORE_ATTR_NAME;
        }
    }

    private void selfClosing() {
        if (buf[pos] == '>') {
            pos++;
            selfClosing = true;
            emit();
        } else {
            state = State.BEFORE_ATTR_NAME;
        }
    }

    // --- plain tags, read at once

    /** Where each kept attribute's value lies in the buffer, by {@link TagAttributes} number. */
    private final int[] valueFrom = new int[TagAttributes.COUNT];
    private final int[] valueTo = new int[TagAttributes.COUNT];

    /**
     * Reads the tag whose name starts at {@code pos} in one go when it is plain: all in the buffer,
     * each attribute a name with a quoted or unquoted value or none. Returns false, having changed
     * nothing that counts, at anything else (an attribute name starting with {@code =} or a quote,
     * a {@code /} not before {@code >}, the buffer's end); the states above then read the tag from
     * the same place, byte by byte.
     *
     * <p>Why one long method: a page holds thousands of tags, and through the states each costs a
     * dozen calls and field writes, which C1 compiles as written; here the tag lives in locals.
     * It follows the states' transitions exactly ({@code LinkScannerTest} holds both to jsoup).
     */
    private boolean plainTag(boolean end) {
        byte[] b = buf;
        int lim = limit;
        int p = pos;
        long tagLow = 0; // the name as PackedName words, read in place: a call per name cost as much as the loop
        long tagHigh = 0;
        for (int c; p < lim && !TAG_NAME_ENDS[c = b[p] & 0xFF]; p++) {
            int n = p - pos;
            if (n < 8) {
                tagLow |= (LOWER[c] & 0xFFL) << (n << 3);
            } else if (n < PackedName.MAX_LENGTH) {
                tagHigh |= (LOWER[c] & 0xFFL) << ((n - 8) << 3);
            }
        }
        if (p >= lim) {
            return false;
        }
        int nameLen = p - pos;
        TagName t = nameLen > MAX_NAME ? TagName.OTHER : TagName.of(tagLow, tagHigh, nameLen);
        int wanted = end ? 0 : t.attributes;
        int kept = 0;
        boolean selfClose = false;
        byte c = b[p];
        while (c != '>') {
            if (isWhitespace(c)) {
                p = skipWhitespace(b, p + 1, lim);
                if (p >= lim) {
                    return false;
                }
                c = b[p];
                continue;
            }
            if (c == '/') {
                if (p + 1 >= lim || b[p + 1] != '>') {
                    return false;
                }
                selfClose = true;
                p++;
                break;
            }
            if (c == '=' || c == '"' || c == '\'') {
                return false;
            }
            int at = p;
            long low = 0; // the attribute's name, packed as the tag's is
            long high = 0;
            for (int x; p < lim && !ATTRIBUTE_NAME_ENDS[x = b[p] & 0xFF]; p++) {
                int n = p - at;
                if (n < 8) {
                    low |= (LOWER[x] & 0xFFL) << (n << 3);
                } else if (n < PackedName.MAX_LENGTH) {
                    high |= (LOWER[x] & 0xFFL) << ((n - 8) << 3);
                }
            }
            int number = wanted == 0 || p - at > MAX_NAME ? -1 : TagAttributes.numberOf(low, high, p - at);
            boolean keep = number >= 0 && (wanted & ~kept & TagAttributes.bit(number)) != 0;
            if (p >= lim) {
                return false;
            }
            c = b[p];
            if (isWhitespace(c)) {
                p = skipWhitespace(b, p + 1, lim);
                if (p >= lim) {
                    return false;
                }
                c = b[p];
            }
            int from = p;
            int to = p; // no value: empty
            if (c == '=') {
                if (++p >= lim) {
                    return false;
                }
                c = b[p];
                if (isWhitespace(c)) {
                    p = skipWhitespace(b, p + 1, lim);
                    if (p >= lim) {
                        return false;
                    }
                    c = b[p];
                }
                if (c == '"' || c == '\'') {
                    from = p + 1;
                    to = ByteSearch.indexOf(b, c, from, lim);
                    if (to < 0 || to + 1 >= lim) {
                        return false;
                    }
                    p = to + 1;
                } else {
                    from = p;
                    to = valueEnd(b, p, lim); // '>' at once: an empty value
                    if (to >= lim) {
                        return false;
                    }
                    p = to;
                }
                c = b[p];
            }
            if (keep) {
                if (to - from > MAX_VALUE) {
                    return false; // the states drop it (none fits in today's buffer)
                }
                kept |= TagAttributes.bit(number);
                valueFrom[number] = from;
                valueTo[number] = to;
            }
        }
        if (t == TagName.OTHER && kept != 0) {
            for (int i = 0; i < Math.min(nameLen, MAX_NAME); i++) {
                name[i] = PackedName.byteAt(tagLow, tagHigh, i); // for otherName()
            }
        }
        commitTag(end, t, nameLen, wanted, selfClose, kept);
        pos = p + 1;
        emitTag();
        return true;
    }

    /** The tag {@link #plainTag} read becomes the current one, with the values it kept. */
    private void commitTag(boolean end, TagName t, int nameLen, int wanted, boolean selfClose, int kept) {
        endTag = end;
        tag = t;
        nameLength = nameLen;
        wantedAttributes = wanted;
        selfClosing = selfClose;
        inAttribute = false;
        attributes.clear();
        for (int number = 0; kept != 0; number++, kept >>>= 1) {
            if ((kept & 1) != 0) {
                int length = valueTo[number] - valueFrom[number];
                attributes.add(number, length == 0 ? "" : AttributeValues.of(buf, valueFrom[number], length, charset));
            }
        }
    }

    private static int skipWhitespace(byte[] b, int p, int lim) {
        while (p < lim && WHITESPACE[b[p] & 0xFF]) {
            p++;
        }
        return p;
    }

    /** The end of an unquoted value: the first whitespace or {@code >}, or {@code lim}. */
    private static int valueEnd(byte[] b, int p, int lim) {
        while (p < lim && !UNQUOTED_VALUE_ENDS[b[p] & 0xFF]) {
            p++;
        }
        return p;
    }

    // --- attributes

    private void newAttribute() {
        finishAttribute();
        inAttribute = true;
        attributeNameLength = 0;
        attributeNumber = UNKNOWN;
        capture = false;
        valueLength = 0;
    }

    private void startValue() {
        capture = wantedAttributes != 0 && isWanted(attributeNumber());
        valueLength = 0;
    }

    private void appendValue(int from, int to) {
        if (!capture || to <= from) {
            return;
        }
        int n = to - from;
        if (valueLength + n > MAX_VALUE) {
            capture = false; // too long to be a URL anyone follows: dropped, see the class comment
            valueLength = -1;
            return;
        }
        if (valueLength + n > value.length) {
            value = java.util.Arrays.copyOf(value, Math.max(value.length * 2, valueLength + n));
        }
        System.arraycopy(buf, from, value, valueLength, n);
        valueLength += n;
    }

    /** Keeps the attribute just read if it is wanted and the first of its name (as jsoup does). */
    private void finishAttribute() {
        if (!inAttribute || wantedAttributes == 0 || valueLength < 0) {
            inAttribute = false;
            return;
        }
        inAttribute = false;
        int number = attributeNumber();
        if (isWanted(number) && !attributes.has(number)) {
            attributes.add(number, capture ? AttributeValues.of(value, 0, valueLength, charset) : "");
        }
        capture = false;
        valueLength = 0;
    }

    /** The {@link TagAttributes} number of the attribute just read, -1 when none is kept. */
    private int attributeNumber() {
        if (attributeNumber == UNKNOWN) {
            attributeNumber = attributeNameLength > MAX_NAME ? -1
                    : TagAttributes.numberOf(attributeName, attributeNameLength);
        }
        return attributeNumber;
    }

    private boolean isWanted(int attributeNumber) {
        return attributeNumber >= 0 && (wantedAttributes & TagAttributes.bit(attributeNumber)) != 0;
    }

    /** The tag is complete: hand it on and switch to the text mode it starts. */
    private void emit() {
        if (tag == null) {
            nameDone(State.DATA);
        }
        finishAttribute();
        emitTag();
    }

    /** {@link #emit} once the tag's name and attributes are complete. */
    private void emitTag() {
        state = State.DATA;
        if (endTag) {
            rules.end(tag);
            return;
        }
        TagName element = rules.start(tag, selfClosing);
        if (element != null && (tag.holdsLinks() || attributes.has(TagAttributes.STYLE))) {
            sink.tag(element == TagName.OTHER ? RawLinks.ruleOf(otherName()) : element.rule, attributes);
        }
        switch (rules.textMode()) {
            case RAWTEXT -> {
                enterRawText(State.RAWTEXT);
                styleText = element == TagName.STYLE ? new java.io.ByteArrayOutputStream() : null;
            }
            case RCDATA -> enterRawText(State.RCDATA);
            case SCRIPT -> enterRawText(State.SCRIPT);
            case PLAINTEXT -> state = null;
            case DATA -> state = State.DATA;
        }
    }

    private void enterRawText(State raw) {
        rawTextTag = tag;
        rawTextEnd = tag.text;
        state = raw;
    }

    // --- markup declarations, comments, CDATA

    private void markupDeclaration() throws IOException {
        ensure(7);
        if (startsWith("--", false)) {
            pos += 2;
            state = State.COMMENT_START;
        } else if (startsWith("doctype", true)) {
            pos += 7;
            state = State.BOGUS_COMMENT; // a doctype ends at the first '>', even inside its quotes
        } else if (startsWith("[CDATA[", false)) {
            pos += 7;
            state = State.CDATA;
        } else {
            state = State.BOGUS_COMMENT;
        }
    }

    private void cdata() throws IOException {
        while (true) {
            int bracket = indexOf((byte) ']', pos);
            if (bracket < 0) {
                pos = limit;
                return;
            }
            pos = bracket;
            ensure(3);
            if (startsWith("]]>", false)) {
                pos += 3;
                state = State.DATA;
                return;
            }
            pos++;
        }
    }

    void skipPast(byte b, State next) {
        int at = indexOf(b, pos);
        if (at < 0) {
            pos = limit;
        } else {
            pos = at + 1;
            state = next;
        }
    }

    // --- raw text, RCDATA, script data

    private void rawText() throws IOException {
        int lt = indexOf((byte) '<', pos);
        if (lt < 0) {
            keepStyleText(pos, limit);
            pos = limit;
            return;
        }
        keepStyleText(pos, lt);
        pos = lt;
        ensure(rawTextEnd.length() + 3);
        if (endTagAhead(pos + 1)) {
            endStyleText();
            return;
        }
        keepStyleText(pos, pos + 1);
        if (state == State.SCRIPT && startsWithAt(pos + 1, "!--", false)) {
            pos += 4;
            state = State.ESCAPED_DASH_DASH;
            return;
        }
        if (state == State.RCDATA && pos + 1 < limit && isLetter(buf[pos + 1]) && !rawTextEndLater(pos + 1)) {
            // jsoup: a start tag in a title or textarea that is never closed ends it here
            rules.end(rawTextTag);
            pos++;
            state = State.TAG_OPEN;
            return;
        }
        pos++;
    }

    /** Keeps {@code buf[from, to)} as text of the {@code <style>} element being read, if one is. */
    private void keepStyleText(int from, int to) {
        if (styleText != null && to > from) {
            styleText.write(buf, from, Math.min(to - from, Math.max(0, MAX_STYLE_TEXT - styleText.size())));
        }
    }

    /** The {@code <style>} element ended (or the input did): its text goes to the sink. */
    private void endStyleText() {
        if (styleText != null) {
            sink.styleText(styleText.toString(charset));
            styleText = null;
        }
    }

    /**
     * At {@code at} (just after a {@code <}): whether {@code /name} follows, {@code name} being the
     * raw text element's, then whitespace, {@code /} or {@code >}. If so it is read as that end tag.
     */
    boolean endTagAhead(int at) {
        int n = rawTextEnd.length();
        if (at >= limit || buf[at] != '/' || !startsWithAt(at + 1, rawTextEnd, true) || at + 1 + n >= limit) {
            return false;
        }
        byte after = buf[at + 1 + n];
        if (!isWhitespace(after) && after != '/' && after != '>') {
            return false;
        }
        beginTag(true);
        for (int i = 0; i < n; i++) {
            name[i] = (byte) rawTextEnd.charAt(i);
        }
        nameLength = n;
        pos = at + 1 + n;
        return true;
    }

    private boolean rawTextEndLater(int from) {
        String end = "</" + rawTextEnd;
        for (int i = from; i + end.length() <= limit; i++) {
            if (buf[i] == '<' && startsWithAt(i, end, true)) {
                return true;
            }
        }
        return !eof && limit - from >= BUFFER / 2; // not in view: assume it comes, as jsoup's own buffer would
    }

    // --- helpers shared with Comments and ScriptEscapes

    State state() {
        return state;
    }

    void state(State next) {
        state = next;
    }

    byte current() {
        return buf[pos];
    }

    void advance() {
        pos++;
    }

    boolean hasMore() {
        return pos < limit;
    }

    void ensureAhead(int n) throws IOException {
        ensure(n);
    }

    /** {@code script} (in lower case, as jsoup compares it) then whitespace, {@code /} or {@code >} at {@code at}. */
    boolean scriptTagAhead(int at) {
        if (!startsWithAt(at, "script", false) || at + 6 >= limit) {
            return false;
        }
        byte after = buf[at + 6];
        return isWhitespace(after) || after == '/' || after == '>';
    }

    int position() {
        return pos;
    }

    void position(int p) {
        pos = p;
    }

    int indexOf(byte b, int from) {
        return ByteSearch.indexOf(buf, b, from, limit);
    }

    private boolean startsWith(String s, boolean ignoreCase) {
        return startsWithAt(pos, s, ignoreCase);
    }

    private boolean startsWithAt(int at, String s, boolean ignoreCase) {
        if (at + s.length() > limit) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            int b = buf[at + i];
            int c = s.charAt(i);
            if (b != c && !(ignoreCase && (b | 0x20) == c && c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    /** Makes at least {@code n} bytes from {@code pos} readable, unless the input ends first. */
    private void ensure(int n) throws IOException {
        while (limit - pos < n && !eof) {
            fill();
        }
    }

    /** Keeps the unread bytes and reads more after them; false at the end of the input. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return pos < limit;
        }
        limit += n;
        return true;
    }

    private static int append(byte[] to, int length, byte b) {
        if (length < MAX_NAME) {
            to[length] = LOWER[b & 0xFF];
        }
        return length + 1;
    }

    /** Each byte in lower case (ASCII letters only). */
    private static final byte[] LOWER = new byte[256];
    /** The bytes that end a tag name: whitespace, {@code /}, {@code >}. */
    private static final boolean[] TAG_NAME_ENDS = new boolean[256];
    /** The bytes that end an attribute name: those and {@code =}. */
    private static final boolean[] ATTRIBUTE_NAME_ENDS = new boolean[256];
    /** The bytes that end an unquoted attribute value: whitespace, {@code >}. */
    private static final boolean[] UNQUOTED_VALUE_ENDS = new boolean[256];

    static {
        for (int b = 0; b < 256; b++) {
            LOWER[b] = (byte) (b >= 'A' && b <= 'Z' ? b | 0x20 : b);
        }
        for (char c : " \n\t\r\f/>".toCharArray()) {
            TAG_NAME_ENDS[c] = true;
            ATTRIBUTE_NAME_ENDS[c] = true;
        }
        ATTRIBUTE_NAME_ENDS['='] = true;
        for (char c : " \n\t\r\f>".toCharArray()) {
            UNQUOTED_VALUE_ENDS[c] = true;
        }
    }

    /** HTML whitespace; a table, so that the JIT inlines the test into every loop. */
    static boolean isWhitespace(byte b) {
        return WHITESPACE[b & 0xFF];
    }

    private static final boolean[] WHITESPACE = new boolean[256];

    static {
        for (char c : " \n\t\r\f".toCharArray()) {
            WHITESPACE[c] = true;
        }
    }

    /** ASCII letters: only they start a tag name. */
    static boolean isLetter(byte b) {
        return (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
    }
}
