package io.realmcrawl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.realmcrawl.fetch.ResponseHead;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A header file reads back as the head that was written, and any text reads as the split-based reader read it. */
class HeaderFileTest {

    private static final List<String> PIECES = List.of("HTTP/1.1", "HTTP/2", "HTTP", " ", "  ", "200", "20", "2000",
            "304", "2a4", "OK", "Not Modified", "\r\n", "\r\n\r\n", "\r", "\n", ":", ": ", "ETag", "\"v1\"",
            "Content-Type", "text/html; charset=utf-8", " x ", "\u00e9", "\t");

    @Property(tries = 20_000)
    void anyTextReadsAsTheSplitBasedReaderReadIt(@ForAll("texts") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(bySplitting(bytes), HeaderFile.parse(bytes), text);
    }

    @Example
    void aWrittenHeadReadsBackAsItWas() {
        ResponseHead head = new ResponseHead("HTTP/1.1", 200, "OK", List.of(new ResponseHead.Header("ETag", "\"v1\""),
                new ResponseHead.Header("Content-Type", "text/html"), new ResponseHead.Header("X-Empty", "")));
        assertEquals(Optional.of(head), HeaderFile.parse(HeaderFile.bytes(head, true)));
    }

    @Example
    void aFileWithoutAStatusLineIsNoHead() {
        for (String text : List.of("", "\r\n", "\r\n\r\n", "HTTP/1.1\r\n", "HTTP/1.1 20 OK\r\n", "FTP/1 200 OK\r\n",
                "ETag: x\r\nHTTP/1.1 200 OK\r\n")) {
            assertEquals(Optional.empty(), HeaderFile.parse(text.getBytes(StandardCharsets.ISO_8859_1)), text);
        }
    }

    /** A status line (mostly a valid one), then lines of pieces, each ending in CRLF or not. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> status = Arbitraries.of("HTTP/1.1 200 OK", "HTTP/2 304", "HTTP/1.1 404 Not Found",
                "HTTP/1.1 2000 OK", "HTTP 200 OK", "HTTP/1.1  200 OK", "HTTP/1.1 20", "", "\r\n");
        Arbitrary<String> line = Arbitraries.of(PIECES).list().ofMaxSize(4).map(pieces -> String.join("", pieces));
        Arbitrary<String> lines = line.list().ofMaxSize(6).map(ls -> String.join("\r\n", ls));
        Arbitrary<String> end = Arbitraries.of("", "\r\n", "\r\n\r\n", "\r\n\r\nBody: after\r\n");
        return net.jqwik.api.Combinators.combine(status, lines, end)
                .as((s, ls, e) -> s + (ls.isEmpty() ? "" : "\r\n" + ls) + e);
    }

    /** The reader as it was (String.split and String.matches), kept here as the oracle. */
    private static Optional<ResponseHead> bySplitting(byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] status = lines.length == 0 ? new String[0] : lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/") || !status[1].matches("\\d{3}")) {
            return Optional.empty();
        }
        List<ResponseHead.Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new ResponseHead.Header(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()));
            }
        }
        return Optional.of(new ResponseHead(status[0], Integer.parseInt(status[1]), status.length > 2 ? status[2] : "",
                headers));
    }
}
