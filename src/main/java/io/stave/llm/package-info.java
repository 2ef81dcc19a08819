/**
 * Model backends: the Backend interface and its implementations (OpenAI-compatible, local decoder, replay).
 */
package io.stave.llm;
