package io.realmcrawl.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * A response body that enforces the size cap and the whole-page deadline while it is read, and
 * turns whatever reading throws into a {@link FetchException}.
 */
final class GuardedBody extends FilterInputStream {
    private final URI url;
    private final long maxBytes;
    private final long deadlineNanos;
    private long count;

    GuardedBody(InputStream in, URI url, long maxBytes, long deadlineNanos) {
        super(in);
        this.url = url;
        this.maxBytes = maxBytes;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkDeadline();
        int n;
        try {
            n = super.read(b, off, len);
        } catch (IOException e) {
            checkDeadline();
            throw Failures.classify(url, e);
        }
        if (n > 0) {
            count += n;
            if (count > maxBytes) {
                throw new FetchException(FetchException.Kind.TOO_LARGE, url,
                        "body is larger than the limit of " + maxBytes + " bytes", null);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return read(new byte[(int) Math.min(n, 8192)]);
    }

    private void checkDeadline() throws FetchException {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new FetchException(FetchException.Kind.TIMEOUT, url, "page took longer than the page-timeout", null);
        }
    }
}
