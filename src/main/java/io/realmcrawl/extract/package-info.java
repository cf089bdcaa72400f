/** Links out of fetched HTML. */
package io.realmcrawl.extract;
