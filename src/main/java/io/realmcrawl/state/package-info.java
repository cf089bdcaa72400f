/** The frontier: which URLs are queued, leased and done, in breadth-first order. */
package io.realmcrawl.state;
