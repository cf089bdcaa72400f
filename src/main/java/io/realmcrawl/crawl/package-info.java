/** The engine: workers, redirects, outcomes per URL and the crawl report. */
package io.realmcrawl.crawl;
