package io.realmcrawl.auth;

import io.realmcrawl.auth.CredentialSource.Lookup;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Reads the password of one {@link CredentialEntry} from where it says: a file's first line, an
 * environment variable, or a prompt. Every failure becomes a {@link Lookup.Missing}.
 *
 * <p>File contents are decoded into a {@code char[]} and the buffers wiped, so no String copy of
 * the password is left behind (an environment variable is a String already: nothing to wipe).
 */
final class PasswordReader {

    private final Prompter prompter;
    private final UnaryOperator<String> environment;

    PasswordReader(Prompter prompter, UnaryOperator<String> environment) {
        this.prompter = prompter;
        this.environment = environment;
    }

    Lookup read(ProtectionSpace space, CredentialEntry entry) {
        String user = entry.user();
        if (entry.password() instanceof PasswordSource.File file) {
            return fromFile(space, user, file.path());
        }
        if (entry.password() instanceof PasswordSource.Env env) {
            return fromEnvironment(space, user, env.variable());
        }
        return prompter.askPassword(space, user);
    }

    private Lookup fromEnvironment(ProtectionSpace space, String user, String variable) {
        String value = environment.apply(variable);
        if (value == null || value.isEmpty()) {
            return new Lookup.Missing("environment variable " + variable + " is " + (value == null ? "not set" : "empty")
                    + " (password of " + user + " for " + space + ")");
        }
        return new Lookup.Found(new Credentials(user, value.toCharArray()));
    }

    private Lookup fromFile(ProtectionSpace space, String user, Path path) {
        byte[] bytes = null;
        char[] line = null;
        try {
            bytes = Files.readAllBytes(path);
            line = firstLine(bytes);
            if (line.length == 0) {
                return missingFile(space, user, path, "its first line is empty");
            }
            return new Lookup.Found(new Credentials(user, line));
        } catch (IOException e) {
            return missingFile(space, user, path, reason(e));
        } finally {
            wipe(bytes, line);
        }
    }

    /** The characters before the first CR or LF, decoded as UTF-8 (malformed bytes fail). */
    private static char[] firstLine(byte[] bytes) throws CharacterCodingException {
        CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes));
        int end = 0;
        while (end < chars.limit() && chars.get(end) != '\n' && chars.get(end) != '\r') {
            end++;
        }
        char[] line = Arrays.copyOf(chars.array(), end);
        Arrays.fill(chars.array(), '\0');
        return line;
    }

    private static Lookup missingFile(ProtectionSpace space, String user, Path path, String reason) {
        return new Lookup.Missing("cannot use password file " + path + ": " + reason
                + " (password of " + user + " for " + space + ")");
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void wipe(byte[] bytes, char[] line) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
        if (line != null) {
            Arrays.fill(line, '\0');
        }
    }
}
