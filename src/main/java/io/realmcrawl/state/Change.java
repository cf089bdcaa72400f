package io.realmcrawl.state;

/** How a URL's outcome in this generation compares with its previous one. */
public enum Change {
    NEW, CHANGED, UNCHANGED, REMOVED, REDIRECT, FAILED, OUT_OF_SCOPE,
    /** Not requested: the origin's robots.txt disallows it; the record's detail names the rule. */
    DISALLOWED
}
