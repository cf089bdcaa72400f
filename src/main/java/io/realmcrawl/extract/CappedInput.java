package io.realmcrawl.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input that ends after {@code max} bytes, quietly: the parser sees a page that stops there. */
final class CappedInput extends FilterInputStream {
    private long left;
    private boolean capped;

    CappedInput(InputStream in, long max) {
        super(in);
        this.left = max;
    }

    /** True once the cap cut the input short (more bytes were there). */
    boolean capped() {
        return capped;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (left <= 0) {
            capped = capped || super.read() != -1;
            return -1;
        }
        int n = super.read(b, off, (int) Math.min(len, left));
        if (n > 0) {
            left -= n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, left));
        left -= skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(super.available(), left);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
