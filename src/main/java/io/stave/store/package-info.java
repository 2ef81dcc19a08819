/**
 * SQLite caches (tool, LLM and judge calls) and the run ledger.
 */
package io.stave.store;
