package io.realmcrawl.auth;

/**
 * Asks a person for the password of a user in a protection space.
 *
 * <p>Implementations must answer {@link CredentialSource.Lookup.Missing} at once when nobody can
 * be asked (a cron job has no terminal): a crawl must never hang waiting for input.
 */
public interface Prompter {

    CredentialSource.Lookup askPassword(ProtectionSpace space, String user);
}
