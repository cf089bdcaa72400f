package io.realmcrawl.warc;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * A response entity that copies the raw bytes (as received, before decompression) into its
 * exchange's spool while whoever fetched the page reads them. At the end of the body, or when the
 * body is closed early, the rest is read into the spool (up to its cap) so the record is whole,
 * and the exchange is completed.
 */
final class RecordingEntity extends HttpEntityWrapper {
    private final Exchange exchange;
    private InputStream content;

    RecordingEntity(HttpEntity wrapped, Exchange exchange) {
        super(wrapped);
        this.exchange = exchange;
    }

    @Override
    public synchronized InputStream getContent() throws IOException {
        if (content == null) {
            InputStream raw = super.getContent();
            content = new Tee(raw == null ? InputStream.nullInputStream() : raw);
        }
        return content;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = getContent()) {
            in.transferTo(out);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            getContent().close();
        } finally {
            super.close();
        }
    }

    /** Copies what is read; finishes the exchange at the end of the stream or on close. */
    private final class Tee extends FilterInputStream {
        Tee(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException e) {
                exchange.markBroken();
                exchange.complete();
                throw e;
            }
            if (n == -1) {
                exchange.complete();
            } else if (n > 0) {
                exchange.append(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return read(new byte[(int) Math.min(n, 8192)]);
        }

        @Override
        public void close() throws IOException {
            try {
                drain();
            } finally {
                exchange.complete();
                super.close();
            }
        }

        /** Reads the rest of the body into the spool, up to its cap; beyond it the record is truncated. */
        private void drain() {
            byte[] buffer = new byte[16 * 1024];
            try {
                while (!exchange.body.full()) {
                    int n = super.read(buffer, 0, buffer.length);
                    if (n == -1) {
                        return;
                    }
                    exchange.append(buffer, 0, n);
                }
                if (super.read(buffer, 0, 1) != -1) {
                    exchange.markBroken(); // more than the cap: the body is not read further
                }
            } catch (IOException e) {
                exchange.markBroken();
            }
        }
    }
}
