package io.realmcrawl.scope;

/**
 * Why a URL is not followed although in scope: {@code rule} names the limit that caught it
 * ({@code max-url-length}, {@code max-segment-repeats}, {@code max-urls-per-host}) and
 * {@code reason} says it in words for the log and the report.
 */
public record Trap(String rule, String reason) {
}
