package io.realmcrawl.scope;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * The normal form of a URL's authority: lower-case ASCII host and the port only when it is not
 * the scheme's default; user information is dropped.
 *
 * <p>Credentials never come from URLs (they come from the crawl config and are bound to a
 * protection space), so {@code http://u:p@host/} is simply {@code http://host/}. International
 * host names become punycode ({@code bücher.de} to {@code xn--bcher-kva.de}) so that both
 * spellings are one host. IPv6 literals keep their brackets.
 */
final class HostPort {

    private HostPort() {
    }

    /** {@code host} or {@code host:port}, or empty when the authority holds no usable host. */
    static Optional<String> normalise(String scheme, String authority) {
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        int portColon = hostAndPort.startsWith("[")
                ? hostAndPort.indexOf(':', Math.max(0, hostAndPort.indexOf(']')))
                : hostAndPort.lastIndexOf(':');
        String host = portColon < 0 ? hostAndPort : hostAndPort.substring(0, portColon);
        String port = portColon < 0 ? "" : hostAndPort.substring(portColon + 1);
        Optional<String> asciiHost = asciiHost(host);
        Optional<Integer> portNumber = port(port);
        if (asciiHost.isEmpty() || portNumber.isEmpty()) {
            return Optional.empty();
        }
        int p = portNumber.get();
        boolean isDefault = p == -1 || p == (scheme.equals("https") ? 443 : 80);
        return Optional.of(isDefault ? asciiHost.get() : asciiHost.get() + ":" + p);
    }

    private static Optional<String> asciiHost(String host) {
        if (host.isEmpty()) {
            return Optional.empty();
        }
        if (host.startsWith("[")) {
            return Optional.of(host.toLowerCase(Locale.ROOT));
        }
        try {
            return Optional.of(IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notAHostName) {
            return Optional.empty();
        }
    }

    /** The port number, -1 when none is written ({@code host} or {@code host:}). */
    private static Optional<Integer> port(String port) {
        if (port.isEmpty()) {
            return Optional.of(-1);
        }
        if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int p = Integer.parseInt(port);
        return p >= 1 && p <= 65535 ? Optional.of(p) : Optional.empty();
    }
}
