package io.realmcrawl.warc;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request and the response to it, recorded as they went over the wire; handed to the WARC
 * series once the response body has been read to its end (or given up on), exactly once.
 *
 * @param status the response's status code; a 304 becomes a revisit record
 */
final class Exchange {
    final URI target;
    final Instant date;
    final byte[] requestHead;
    final byte[] responseHead;
    final int status;
    final Spool body;
    private final AtomicBoolean done = new AtomicBoolean();
    private final WarcSeries series;
    private boolean broken;

    Exchange(URI target, Instant date, byte[] requestHead, byte[] responseHead, int status, Spool body,
             WarcSeries series) {
        this.target = target;
        this.date = date;
        this.requestHead = requestHead;
        this.responseHead = responseHead;
        this.status = status;
        this.body = body;
        this.series = series;
    }

    /** Reading the body failed (time limit, reset): the record says it is truncated. */
    void markBroken() {
        broken = true;
    }

    boolean truncated() {
        return broken || body.overCap();
    }

    /** Writes the records; later calls do nothing. */
    void complete() {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        try {
            series.writeExchange(this);
        } finally {
            body.delete();
        }
    }

    void append(byte[] b, int off, int len) throws IOException {
        body.write(b, off, len);
    }
}
