/** robots.txt: fetched once per origin and run, read with crawler-commons, asked before every request. */
package io.realmcrawl.robots;
