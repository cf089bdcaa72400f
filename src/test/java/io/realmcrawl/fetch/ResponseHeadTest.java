package io.realmcrawl.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.realmcrawl.fetch.ResponseHead.Header;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResponseHeadTest {

    @Test
    void firstFindsTheFirstValueOfAHeaderWhateverItsCase() {
        ResponseHead head = new ResponseHead("HTTP/1.1", 200, "OK", List.of(new Header("Set-Cookie", "a=1"),
                new Header("content-type", "Text/HTML; charset=UTF-8"), new Header("SET-COOKIE", "b=2")));

        assertEquals(Optional.of("a=1"), head.first("set-cookie"));
        assertEquals(Optional.of("Text/HTML; charset=UTF-8"), head.first("Content-Type"));
        assertEquals(Optional.empty(), head.first("ETag"));
        assertEquals(Optional.of("text/html"), head.mediaType());
    }
}
