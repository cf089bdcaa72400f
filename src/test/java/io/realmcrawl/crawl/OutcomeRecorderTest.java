package io.realmcrawl.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.realmcrawl.fetch.ResponseHead;
import io.realmcrawl.fetch.Validators;
import io.realmcrawl.state.Change;
import io.realmcrawl.state.Frontier;
import io.realmcrawl.state.UrlRecord;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutcomeRecorderTest {

    /** Headers as "Name=value|Name=value"; the record must read them as the next run's request will. */
    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "Content-Type=text/html|ETag=\"e1\"|Last-Modified=Tue, 15 Nov 1994 08:12:31 GMT",
            "content-type=text/css|etag=W/\"x\"|last-modified=Wed, 21 Oct 2015 07:28:00 GMT",
            "CONTENT-TYPE=a/b|Content-Type=c/d|ETAG=\"1\"|ETag=\"2\"",
            "ETag= |ETag=\"second\"|Last-Modified=|Last-Modified=Tue, 15 Nov 1994 08:12:31 GMT",
            "Content-Type=|X-ETag=\"no\"|Content-Type-Options=nosniff|Content-Length=3",
            "Last-Modified=Tue, 15 Nov 1994 08:12:31 GMT|Content-Type=text/plain; charset=utf-8"
    })
    void aRecordKeepsTheFirstContentTypeAndTheValidatorsTheNextRequestSends(String headers) {
        List<ResponseHead.Header> list = new ArrayList<>();
        for (String header : headers.isEmpty() ? new String[0] : headers.split("\\|")) {
            String[] nameValue = header.split("=", 2);
            list.add(new ResponseHead.Header(nameValue[0], nameValue[1]));
        }
        ResponseHead head = new ResponseHead("HTTP/1.1", 200, "OK", list);

        UrlRecord record = OutcomeRecorder.record(new Frontier.Lease(URI.create("http://h.test/a"), 0), head,
                Optional.of("a.html"), 3, Optional.empty(), Change.NEW, Optional.empty());

        Validators validators = Validators.of(head);
        assertEquals(head.first("Content-Type"), record.contentType());
        assertEquals(validators.etag(), record.etag());
        assertEquals(validators.lastModified(), record.lastModified());
    }
}
