package io.realmcrawl.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.message.LazyLaxLineParser;
import org.apache.hc.core5.http.message.LineParser;
import org.apache.hc.core5.http.message.StatusLine;
import org.apache.hc.core5.util.CharArrayBuffer;
import org.junit.jupiter.api.Test;

class StatusLineParserTest {

    private static final List<String> LINES = List.of("HTTP/1.1 200 OK", "HTTP/1.1 200", "HTTP/1.1 200 ",
            "HTTP/1.0 404 Not Found", "HTTP/1.1 304 Not Modified", "HTTP/1.1 401 Unauthorized", "HTTP/1.1 2000 X",
            "HTTP/1.1 20 X", "HTTP/1.1 20", "HTTP/1.1 200OK", "HTTP/1.1 200\tOK", "HTTP/1.1 200   spaced out  ",
            " HTTP/1.1 200 OK", "HTTP/2 200", "HTTP/1.2 200 X", "HTTP/1.1  200 OK", "HTTP/1.1 abc",
            "http/1.1 200 OK", "HTTP/1.1 200 \u000bX", "HTTP/1.1 200 \r", "", "HTTP/1.1 ", "HTTP/1.1", "ICY 200 OK",
            "HTTP/1.1 999 Whatever", "HTTP/1.0 200 OK", "HTTP/1.1 200 Ökay", "HTTP/1.10 200 OK", "HTTP/1.1x200 OK");

    @Test
    void readsEveryStatusLineExactlyAsHttpCoresParser() {
        for (String line : LINES) {
            assertEquals(parsed(LazyLaxLineParser.INSTANCE, line), parsed(StatusLineParser.INSTANCE, line), line);
        }
    }

    @Test
    void theCommonLineGivesHttpCoresOwnVersionConstant() throws ParseException {
        assertEquals(LazyLaxLineParser.INSTANCE.parseStatusLine(buffer("HTTP/1.1 200 OK")).getProtocolVersion(),
                StatusLineParser.INSTANCE.parseStatusLine(buffer("HTTP/1.1 200 OK")).getProtocolVersion());
    }

    private static String parsed(LineParser parser, String line) {
        try {
            StatusLine status = parser.parseStatusLine(buffer(line));
            return status.getProtocolVersion() + "|" + status.getStatusCode() + "|" + status.getReasonPhrase();
        } catch (ParseException e) {
            return "ParseException: " + e.getMessage();
        }
    }

    private static CharArrayBuffer buffer(String line) {
        CharArrayBuffer buffer = new CharArrayBuffer(line.length() + 1);
        buffer.append(line);
        return buffer;
    }
}
