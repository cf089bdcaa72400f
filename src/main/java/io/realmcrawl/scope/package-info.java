/** URL normalisation and the realm's boundary: origins, prefixes, include/exclude rules, depth. */
package io.realmcrawl.scope;
