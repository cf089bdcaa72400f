/** Realm authentication: challenge parsing, protection spaces keyed by (origin, realm), credential sources and the exec-chain interceptor that answers 401s. */
package io.realmcrawl.auth;
