package io.realmcrawl.fetch;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;

/**
 * An open response: its head as received, and a body stream guarded by the size cap and the
 * page deadline. Close it to release the connection (an unread body is discarded).
 */
public final class FetchResponse implements Closeable {
    private final URI url;
    private final ResponseHead head;
    private final ClassicHttpResponse response;
    private final HttpClientContext context;
    private final InputStream body;
    private final PageDeadlines.Alarm deadline;

    FetchResponse(URI url, ResponseHead head, ClassicHttpResponse response, HttpClientContext context,
                  InputStream body, PageDeadlines.Alarm deadline) {
        this.url = url;
        this.head = head;
        this.response = response;
        this.context = context;
        this.body = body;
        this.deadline = deadline;
    }

    public URI url() {
        return url;
    }

    public ResponseHead head() {
        return head;
    }

    /** The body as decoded (gzip/deflate undone), capped; empty when the response had none. */
    public InputStream body() {
        return body;
    }

    /** The exchange's context, where interceptors leave what they decided (the auth outcome). */
    public HttpClientContext context() {
        return context;
    }

    /**
     * Releases the connection; an unread body is discarded. Never throws: by the time a response
     * is closed its outcome is decided, and a failing close only costs the connection.
     */
    @Override
    public void close() {
        HttpEntity entity = response.getEntity();
        try (response) {
            if (entity != null) {
                // Discarding an unread body reads it to its end, to reuse the connection. The page
                // deadline stays armed meanwhile: a server still trickling a body the page limit
                // cut short is hung up on at the deadline, not waited for.
                entity.close();
            }
        } catch (IOException e) {
            // the connection is dropped instead of reused; nothing else to do
        } finally {
            deadline.cancel();
        }
    }
}
