package io.realmcrawl.convert;

import io.realmcrawl.scope.UrlNormalizer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what a reference in a saved page becomes: the relative path from the page's file to the
 * local copy of its target (after redirects), or the absolute URL when there is no local copy.
 * References that are not http(s) ({@code mailto:}, {@code data:}, {@code javascript:}) stay as
 * they are, and so does a fragment (a fragment-only reference is left alone: it stays in the page).
 *
 * <p>A relative path is written as a URL: each file name percent-encoded except for unreserved
 * characters and {@code !$&'()*+,;=@}, so the {@code %XX} that the mirror writes literally into
 * file names, a {@code :} (a scheme to a browser) and {@code ?#} reach the file system unchanged.
 */
final class LocalLinks {
    private static final int MAX_REDIRECTS = 10;
    private static final String SAFE = "!$&'()*+,;=@-._~";

    private final Map<URI, String> files;
    private final Map<URI, URI> redirects;

    LocalLinks(Map<URI, String> files, Map<URI, URI> redirects) {
        this.files = files;
        this.redirects = redirects;
    }

    /** {@code reference}, found in the page saved as {@code pageFile}, resolved against {@code base}. */
    String rewrite(String reference, URI base, String pageFile) {
        String trimmed = reference.strip();
        if (trimmed.startsWith("#")) {
            return reference; // within the page itself, wherever it is
        }
        int hash = trimmed.indexOf('#');
        String fragment = hash < 0 ? "" : trimmed.substring(hash);
        Optional<URI> resolved = UrlNormalizer.resolve(base, trimmed);
        if (resolved.isEmpty()) {
            return reference;
        }
        Optional<String> local = localFile(resolved.get());
        if (local.isEmpty()) {
            return resolved.get() + fragment;
        }
        return relative(pageFile, local.get()) + fragment;
    }

    private Optional<String> localFile(URI url) {
        URI at = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            String file = files.get(at);
            if (file != null) {
                return Optional.of(file);
            }
            at = redirects.get(at);
            if (at == null) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static String relative(String fromFile, String toFile) {
        Path from = Path.of(fromFile).getParent();
        Path to = Path.of(toFile);
        Path rel = from == null ? to : from.relativize(to);
        StringBuilder out = new StringBuilder();
        for (Path name : rel) {
            out.append(out.length() == 0 ? "" : "/").append(encode(name.toString()));
        }
        return out.toString();
    }

    private static String encode(String name) {
        if (name.equals("..")) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || SAFE.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
