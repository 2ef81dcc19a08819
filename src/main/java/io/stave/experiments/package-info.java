/**
 * Probes of the decoder: key-value retrieval (lost in the middle) and others.
 */
package io.stave.experiments;
