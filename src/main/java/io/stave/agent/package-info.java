/**
 * Agent episodes: prompt renderers, output parser, ReAct and DFSDT search, answer writer.
 */
package io.stave.agent;
