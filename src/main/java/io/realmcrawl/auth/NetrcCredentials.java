package io.realmcrawl.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Credentials from a netrc file ({@code ~/.netrc} by default), as curl and wget read them.
 *
 * <p>A netrc entry names a host, with no port, scheme or realm: it answers every realm of that
 * host, on any of the host's origins (http and https, any port). A {@code machine} entry for the
 * host wins over the {@code default} entry; among equals the first in the file wins. When a login
 * is given ({@code --user alice --netrc}) only entries with that login answer.
 *
 * <p>The file is read and checked once, when the crawl starts: it must exist and must not be
 * readable by group or others (curl only warns; a crawler that runs from cron refuses, since
 * such a file has leaked already). A password is never put in a message or a log.
 */
public final class NetrcCredentials implements CredentialSource {

    private final Path file;
    private final Optional<String> login;
    private final List<NetrcEntry> entries;

    private NetrcCredentials(Path file, Optional<String> login, List<NetrcEntry> entries) {
        this.file = file;
        this.login = login;
        this.entries = entries;
    }

    /** {@code ~/.netrc}: where curl and wget look when no file is named. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".netrc");
    }

    /**
     * Reads and checks {@code file}.
     *
     * @param login only entries with this login answer, when present
     * @throws IllegalArgumentException when the file is missing, not a regular file, or readable
     *     by group or others; the message names the file and the fix
     * @throws IOException when the file cannot be read
     */
    public static NetrcCredentials open(Path file, Optional<String> login) throws IOException {
        Objects.requireNonNull(login, "login");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("netrc file " + file + ": no such file"
                    + (Files.exists(file) ? " (it is not a regular file)" : ""));
        }
        refuseIfShared(file);
        return new NetrcCredentials(file, login, NetrcParser.parse(Files.readString(file, StandardCharsets.UTF_8)));
    }

    private static void refuseIfShared(Path file) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException notPosix) {
            return; // no group and others to read it on this file system
        }
        if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
            throw new IllegalArgumentException("netrc file " + file + " has mode " + FileModes.octal(permissions)
                    + ": group or others can read its passwords; refusing it. Run: chmod 600 " + file);
        }
    }

    @Override
    public Lookup lookup(ProtectionSpace space) {
        Optional<NetrcEntry> entry = bestEntry(space.origin().host());
        if (entry.isEmpty()) {
            return new Lookup.Missing("no entry in netrc file " + file + " for machine " + space.origin().host()
                    + login.map(l -> " with login " + l).orElse("") + " (for " + space + ")");
        }
        if (entry.get().login().indexOf(':') >= 0) {
            return new Lookup.Missing("login '" + entry.get().login() + "' in netrc file " + file + " for " + space
                    + " contains ':', which Basic authentication cannot carry");
        }
        return new Lookup.Found(new Credentials(entry.get().login(), entry.get().password()));
    }

    private Optional<NetrcEntry> bestEntry(String host) {
        List<NetrcEntry> usable = entries.stream().filter(e -> login.map(e.login()::equals).orElse(true)).toList();
        Optional<NetrcEntry> machine = usable.stream().filter(e -> e.machine().equals(Optional.of(host))).findFirst();
        return machine.or(() -> usable.stream().filter(NetrcEntry::isDefault).findFirst());
    }

    @Override
    public String toString() {
        return "netrc file " + file + login.map(l -> " (login " + l + ")").orElse("");
    }
}
