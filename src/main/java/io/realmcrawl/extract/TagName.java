package io.realmcrawl.extract;

/**
 * The tag names that change which links a page has, as {@link TagScanner} recognises them from
 * the bytes of a tag: the ones {@link TreeRules} decides by (with the sets each belongs to) and
 * the ones {@link RawLinks} reads attributes of. Every other name is {@link #OTHER}.
 *
 * <p>Why not strings: a javadoc page holds a hundred tags per link, and making a {@code String}
 * of each name, then looking it up in a dozen {@code Set.of} sets and {@code equals} chains, cost
 * a third of the scan. Here a name is looked up once, from its bytes, in a small open-addressing
 * table, and each set is a bit.
 */
enum TagName {
    // elements that hold links, and meta and base
    A(0), AREA(0), LINK(Sets.IN_HEAD | Sets.HEAD_NOSCRIPT), IFRAME(Sets.RAWTEXT), FRAME(0),
    IMG(Sets.BREAKOUT), IMAGE(0), SCRIPT(Sets.IN_HEAD), SOURCE(0), VIDEO(0), AUDIO(0), EMBED(Sets.BREAKOUT),
    OBJECT(0), META(Sets.IN_HEAD | Sets.HEAD_NOSCRIPT | Sets.BREAKOUT), BASE(Sets.IN_HEAD),
    // the head
    HTML(Sets.IN_HEAD), HEAD(Sets.IN_HEAD | Sets.BREAKOUT), BASEFONT(Sets.IN_HEAD | Sets.HEAD_NOSCRIPT),
    BGSOUND(Sets.IN_HEAD | Sets.HEAD_NOSCRIPT), TITLE(Sets.IN_HEAD), NOSCRIPT(Sets.IN_HEAD),
    NOFRAMES(Sets.IN_HEAD | Sets.HEAD_NOSCRIPT | Sets.RAWTEXT), STYLE(Sets.IN_HEAD | Sets.HEAD_NOSCRIPT | Sets.RAWTEXT),
    TEMPLATE(Sets.IN_HEAD),
    // raw text, select, frames, foreign content
    XMP(Sets.RAWTEXT), NOEMBED(Sets.RAWTEXT), SELECT(Sets.CLOSES_SELECT), INPUT(Sets.CLOSES_SELECT),
    KEYGEN(Sets.CLOSES_SELECT), TEXTAREA(Sets.CLOSES_SELECT), FRAMESET(0), SVG(0), MATH(0), PLAINTEXT(0),
    // the standard's "breakout" tags: an HTML element here ends SVG or MathML content
    B(Sets.BREAKOUT), BIG(Sets.BREAKOUT), BLOCKQUOTE(Sets.BREAKOUT), BODY(Sets.BREAKOUT), BR(Sets.BREAKOUT),
    CENTER(Sets.BREAKOUT), CODE(Sets.BREAKOUT), DD(Sets.BREAKOUT), DIV(Sets.BREAKOUT), DL(Sets.BREAKOUT),
    DT(Sets.BREAKOUT), EM(Sets.BREAKOUT), H1(Sets.BREAKOUT), H2(Sets.BREAKOUT), H3(Sets.BREAKOUT), H4(Sets.BREAKOUT),
    H5(Sets.BREAKOUT), H6(Sets.BREAKOUT), HR(Sets.BREAKOUT), I(Sets.BREAKOUT), LI(Sets.BREAKOUT), LISTING(Sets.BREAKOUT),
    MENU(Sets.BREAKOUT), NOBR(Sets.BREAKOUT), OL(Sets.BREAKOUT), P(Sets.BREAKOUT), PRE(Sets.BREAKOUT),
    RUBY(Sets.BREAKOUT), S(Sets.BREAKOUT), SMALL(Sets.BREAKOUT), SPAN(Sets.BREAKOUT), STRONG(Sets.BREAKOUT),
    STRIKE(Sets.BREAKOUT), SUB(Sets.BREAKOUT), SUP(Sets.BREAKOUT), TABLE(Sets.BREAKOUT), TT(Sets.BREAKOUT),
    U(Sets.BREAKOUT), UL(Sets.BREAKOUT), VAR(Sets.BREAKOUT),
    // table parts: outside a table jsoup drops these start tags
    CAPTION(Sets.TABLE_PART), COL(Sets.TABLE_PART), COLGROUP(Sets.TABLE_PART), TBODY(Sets.TABLE_PART),
    TD(Sets.TABLE_PART), TFOOT(Sets.TABLE_PART), TH(Sets.TABLE_PART), THEAD(Sets.TABLE_PART), TR(Sets.TABLE_PART),
    /** Any other name: no rule depends on it, only a {@code style} attribute is read. */
    OTHER(0);

    /** The sets of names {@link TreeRules} decides by, one bit each. */
    static final class Sets {
        /** Start tags that leave the body unstarted. */
        static final int IN_HEAD = 1;
        /** Start tags that count inside a {@code <noscript>} in the head. */
        static final int HEAD_NOSCRIPT = 1 << 1;
        /** Elements whose text is raw text. */
        static final int RAWTEXT = 1 << 2;
        /** Start tags that end a {@code <select>}. */
        static final int CLOSES_SELECT = 1 << 3;
        /** Start tags that end SVG or MathML content. */
        static final int BREAKOUT = 1 << 4;
        /** Table parts. */
        static final int TABLE_PART = 1 << 5;

        private Sets() {
        }
    }

    private static final int SLOTS = 256;
    private static final TagName[] BY_HASH = new TagName[SLOTS];
    /** The packed words and length of the name in each slot of {@link #BY_HASH}: a miss reads no enum constant. */
    private static final long[] LOWS = new long[SLOTS];
    private static final long[] HIGHS = new long[SLOTS];
    private static final int[] LENGTHS = new int[SLOTS];
    /** The longest known name. */
    private static final int MAX_LENGTH;

    static {
        int longest = 0;
        for (TagName tag : values()) {
            if (tag != OTHER) {
                longest = Math.max(longest, tag.bytes.length);
                int i = hash(tag.low, tag.high);
                while (BY_HASH[i] != null) {
                    i = (i + 1) & (SLOTS - 1);
                }
                BY_HASH[i] = tag;
                LOWS[i] = tag.low;
                HIGHS[i] = tag.high;
                LENGTHS[i] = tag.bytes.length;
            }
        }
        MAX_LENGTH = longest;
    }

    private final int sets;
    /** The name in lower case, as elements have it. */
    final String text;
    private final byte[] bytes;
    /** The name as {@link PackedName} words. */
    private final long low;
    private final long high;
    /** What {@link RawLinks} reads of these elements (of {@code img} for {@code image}, which turns into one). */
    final RawLinks.TagRule rule;
    /** The attributes {@link RawLinks} reads of these start tags, as {@link TagAttributes} bits. */
    final int attributes;

    TagName(int sets) {
        this.sets = sets;
        this.text = name().toLowerCase(java.util.Locale.ROOT);
        this.bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        this.low = PackedName.low(bytes, bytes.length);
        this.high = PackedName.high(bytes, bytes.length);
        this.rule = RawLinks.ruleOf(text);
        this.attributes = TagAttributes.bits(RawLinks.ruleOf(text.equals("image") ? "img" : text).attributesRead());
    }

    /** Whether this name is in all of {@code set} (bits of {@link Set}). */
    boolean in(int set) {
        return (sets & set) == set;
    }

    /** Whether {@link RawLinks} reads more of these start tags than their {@code style}. */
    boolean holdsLinks() {
        return (attributes & ~TagAttributes.bit(TagAttributes.STYLE)) != 0;
    }

    /** The known name spelt by {@code name[0, length)} (lower case), or {@link #OTHER}. */
    static TagName of(byte[] name, int length) {
        if (length > MAX_LENGTH || length == 0) {
            return OTHER;
        }
        return of(PackedName.low(name, length), PackedName.high(name, length), length);
    }

    /**
     * The known name of {@code length} bytes (lower case) packed as {@code low} and {@code high}
     * ({@link PackedName}), or {@link #OTHER}.
     */
    static TagName of(long low, long high, int length) {
        for (int i = hash(low, high); ; i = (i + 1) & (SLOTS - 1)) {
            if (LOWS[i] == low && HIGHS[i] == high && LENGTHS[i] == length) {
                return BY_HASH[i];
            }
            if (LENGTHS[i] == 0) {
                return OTHER;
            }
        }
    }

    private static int hash(long low, long high) {
        return (int) (((low + high) * 0x9E3779B97F4A7C15L) >>> 56); // the top 8 bits: SLOTS is 256
    }
}
