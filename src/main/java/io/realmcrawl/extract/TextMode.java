package io.realmcrawl.extract;

/**
 * How the tokenizer reads the text after a start tag: as markup, or as raw text that only the
 * element's own end tag ends (the tokenizer states the HTML standard switches to for
 * {@code script}, {@code style}, {@code title} and the like).
 */
enum TextMode {
    /** Markup: tags, comments, text. */
    DATA,
    /** {@code style}, {@code xmp}, {@code iframe}, {@code noembed}, {@code noframes}. */
    RAWTEXT,
    /** {@code title}, {@code textarea}: like raw text (character references do not matter here). */
    RCDATA,
    /** {@code script}, with the standard's escaped and double-escaped {@code <!-- -->} states. */
    SCRIPT,
    /** {@code plaintext}: the rest of the document is text. */
    PLAINTEXT
}
