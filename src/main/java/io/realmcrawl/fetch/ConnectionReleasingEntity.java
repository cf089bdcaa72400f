package io.realmcrawl.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.core5.function.Supplier;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.impl.io.ChunkedInputStream;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.http.io.EofSensorWatcher;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * A response body that gives its connection back to the pool when it is read to its end or
 * closed, and drops it when reading fails or is aborted: what HttpClient's package-private
 * {@code ResponseEntityProxy} does for its own protocol step, which {@link ProtocolWithoutAuth}
 * replaces. Without it a response's close would hang up on every kept-alive connection.
 */
final class ConnectionReleasingEntity extends HttpEntityWrapper implements EofSensorWatcher {
    private final ExecRuntime runtime;

    private ConnectionReleasingEntity(HttpEntity entity, ExecRuntime runtime) {
        super(entity);
        this.runtime = runtime;
    }

    /** Wraps the response's body when it streams from the connection. */
    static void enhance(ClassicHttpResponse response, ExecRuntime runtime) {
        HttpEntity entity = response.getEntity();
        if (entity != null && entity.isStreaming() && runtime != null) {
            response.setEntity(new ConnectionReleasingEntity(entity, runtime));
        }
    }

    @Override
    public boolean isRepeatable() {
        return false;
    }

    @Override
    public InputStream getContent() throws IOException {
        return new EofSensorInputStream(super.getContent(), this);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try {
            super.writeTo(out != null ? out : OutputStream.nullOutputStream());
            runtime.releaseEndpoint();
        } catch (IOException | RuntimeException e) {
            runtime.discardEndpoint();
            throw e;
        } finally {
            cleanup();
        }
    }

    @Override
    public boolean eofDetected(InputStream wrapped) throws IOException {
        try {
            // closing reads what follows the body, such as the trailers of a chunked one
            if (wrapped != null) {
                wrapped.close();
            }
            runtime.releaseEndpoint();
        } catch (IOException | RuntimeException e) {
            runtime.discardEndpoint();
            throw e;
        } finally {
            cleanup();
        }
        return false;
    }

    @Override
    public boolean streamClosed(InputStream wrapped) throws IOException {
        try {
            boolean open = runtime.isEndpointAcquired();
            try {
                // closing the stream reads the rest of the body, so the connection can serve again
                if (wrapped != null) {
                    wrapped.close();
                }
                runtime.releaseEndpoint();
            } catch (SocketException e) {
                if (open) {
                    throw e;
                }
            }
        } catch (IOException | RuntimeException e) {
            runtime.discardEndpoint();
            throw e;
        } finally {
            cleanup();
        }
        return false;
    }

    @Override
    public boolean streamAbort(InputStream wrapped) throws IOException {
        cleanup();
        return false;
    }

    @Override
    public Supplier<List<? extends Header>> getTrailers() {
        try {
            InputStream underlying = super.getContent();
            return () -> Arrays.asList(underlying instanceof ChunkedInputStream chunked
                    ? chunked.getFooters() : new Header[0]);
        } catch (IOException e) {
            throw new IllegalStateException("Unable to retrieve input stream", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            // closing the wrapped body reads it to its end, so the connection can serve again
            super.close();
            runtime.releaseEndpoint();
        } catch (IOException | RuntimeException e) {
            runtime.discardEndpoint();
            throw e;
        } finally {
            cleanup();
        }
    }

    /** Whatever happened, the connection is no longer this response's: hung up unless released above. */
    private void cleanup() throws IOException {
        if (runtime.isEndpointConnected()) {
            runtime.disconnectEndpoint();
        }
        runtime.discardEndpoint();
    }
}
