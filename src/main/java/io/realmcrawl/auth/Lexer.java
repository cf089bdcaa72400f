package io.realmcrawl.auth;

import java.util.Optional;

/**
 * The few RFC 7230 lexical rules challenge parsing needs: tokens, quoted strings, optional
 * white space. Every method answers by position and never throws.
 */
final class Lexer {

    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    /** A parsed token or quoted-string value and the position just after it. */
    record Value(String text, int end) {
    }

    private Lexer() {
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || TOKEN_SYMBOLS.indexOf(c) >= 0;
    }

    /** The position after the token starting at {@code from} ({@code from} itself when none). */
    static int tokenEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isTokenChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A token or a quoted-string (unescaped) at {@code from}; empty when neither is there. */
    static Optional<Value> value(String text, int from) {
        if (from < text.length() && text.charAt(from) == '"') {
            return quoted(text, from);
        }
        int end = tokenEnd(text, from);
        return end == from ? Optional.empty() : Optional.of(new Value(text.substring(from, end), end));
    }

    private static Optional<Value> quoted(String text, int open) {
        StringBuilder out = new StringBuilder();
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return Optional.of(new Value(out.toString(), i + 1));
            }
            if (c == '\\' && i + 1 < text.length()) {
                c = text.charAt(++i);
            }
            out.append(c);
        }
        return Optional.empty();
    }
}
