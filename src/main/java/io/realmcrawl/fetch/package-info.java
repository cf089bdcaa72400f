/** The configured HttpClient: time limits, size caps, decompression, cookies; redirects and auth left to the crawler. */
package io.realmcrawl.fetch;
