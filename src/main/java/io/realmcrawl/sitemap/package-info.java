/** URLs from sitemaps (and sitemap indexes, gzipped or not) into the frontier. */
package io.realmcrawl.sitemap;
