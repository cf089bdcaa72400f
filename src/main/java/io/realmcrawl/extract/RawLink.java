package io.realmcrawl.extract;

/** A URL as written in the page (character references decoded), before resolution, with its source. */
record RawLink(String reference, String source) {
}
