package io.realmcrawl.extract;

import io.realmcrawl.extract.TagScanner.State;

/**
 * The comment states of the tokenizer, as jsoup has them: {@code <!-->} and {@code <!--->} are
 * whole comments, a comment ends at {@code -->} or {@code --!>}, and nothing inside is markup.
 */
final class Comments {

    private Comments() {
    }

    /** Handles one byte in a comment state; false when the scanner is in none. */
    static boolean step(TagScanner s) {
        switch (s.state()) {
            case COMMENT_START -> {
                byte b = s.current();
                if (b == '-' || b == '>') {
                    s.advance();
                }
                s.state(b == '-' ? State.COMMENT_START_DASH : b == '>' ? State.DATA : State.COMMENT);
            }
            case COMMENT_START_DASH -> {
                byte b = s.current();
                s.advance();
                s.state(b == '-' ? State.COMMENT_START_DASH : b == '>' ? State.DATA : State.COMMENT);
            }
            case COMMENT -> s.skipPast((byte) '-', State.COMMENT_END_DASH);
            case COMMENT_END_DASH -> {
                byte b = s.current();
                s.advance();
                s.state(b == '-' ? State.COMMENT_END : State.COMMENT);
            }
            case COMMENT_END -> {
                byte b = s.current();
                s.advance();
                s.state(b == '>' ? State.DATA : b == '!' ? State.COMMENT_END_BANG : b == '-' ? State.COMMENT_END
                        : State.COMMENT);
            }
            case COMMENT_END_BANG -> {
                byte b = s.current();
                s.advance();
                s.state(b == '-' ? State.COMMENT_END_DASH : b == '>' ? State.DATA : State.COMMENT);
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
