/**
 * The durable crawl state: the frontier, one record per URL and the run history in one SQLite
 * file inside the output folder, plus the lock that keeps two runs out of the same folder.
 */
package io.realmcrawl.state;
