package io.realmcrawl.extract;

import io.realmcrawl.extract.TagScanner.State;
import java.io.IOException;

/**
 * The escaped states of script data: after {@code <!--} in a script, a {@code <script>} starts a
 * "double-escaped" stretch in which {@code </script>} does not end the script (old pages wrote
 * scripts into the page that way); {@code -->} goes back to plain script data.
 */
final class ScriptEscapes {

    private ScriptEscapes() {
    }

    /** Handles bytes in one of the escaped states. */
    static void step(TagScanner s) throws IOException {
        switch (s.state()) {
            case ESCAPED -> toDashOrLt(s, State.ESCAPED_DASH, State.ESCAPED_LT);
            case ESCAPED_DASH -> dash(s, State.ESCAPED_DASH_DASH, State.ESCAPED_LT, State.ESCAPED);
            case ESCAPED_DASH_DASH -> dashDash(s, State.ESCAPED_LT, State.ESCAPED);
            case ESCAPED_LT -> escapedLt(s);
            case DOUBLE_ESCAPED -> toDashOrLt(s, State.DOUBLE_ESCAPED_DASH, State.DOUBLE_ESCAPED_LT);
            case DOUBLE_ESCAPED_DASH -> dash(s, State.DOUBLE_ESCAPED_DASH_DASH, State.DOUBLE_ESCAPED_LT,
                    State.DOUBLE_ESCAPED);
            case DOUBLE_ESCAPED_DASH_DASH -> dashDash(s, State.DOUBLE_ESCAPED_LT, State.DOUBLE_ESCAPED);
            case DOUBLE_ESCAPED_LT -> doubleEscapedLt(s);
            default -> throw new IllegalStateException("not a script escape state: " + s.state());
        }
    }

    private static void toDashOrLt(TagScanner s, State afterDash, State afterLt) {
        for (; s.hasMore(); s.advance()) {
            byte b = s.current();
            if (b == '-' || b == '<') {
                s.advance();
                s.state(b == '-' ? afterDash : afterLt);
                return;
            }
        }
    }

    private static void dash(TagScanner s, State dashDash, State lt, State other) {
        byte b = s.current();
        s.advance();
        s.state(b == '-' ? dashDash : b == '<' ? lt : other);
    }

    private static void dashDash(TagScanner s, State lt, State other) {
        byte b = s.current();
        s.advance();
        s.state(b == '-' ? s.state() : b == '<' ? lt : b == '>' ? State.SCRIPT : other);
    }

    private static void escapedLt(TagScanner s) throws IOException {
        s.ensureAhead(8);
        byte b = s.current();
        if (b == '/') {
            if (!s.endTagAhead(s.position())) {
                s.advance();
                s.state(State.ESCAPED);
            }
        } else if (TagScanner.isLetter(b) && s.scriptTagAhead(s.position())) {
            s.position(s.position() + 7);
            s.state(State.DOUBLE_ESCAPED);
        } else {
            s.state(State.ESCAPED);
        }
    }

    private static void doubleEscapedLt(TagScanner s) throws IOException {
        s.ensureAhead(8);
        if (s.current() == '/' && s.scriptTagAhead(s.position() + 1)) {
            s.position(s.position() + 8);
            s.state(State.ESCAPED);
        } else {
            s.state(State.DOUBLE_ESCAPED);
        }
    }
}
