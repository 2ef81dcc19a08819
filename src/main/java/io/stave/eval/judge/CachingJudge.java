package io.stave.eval.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.py.Json;
import io.stave.store.CacheEntry;
import io.stave.store.KeyedCache;
import io.stave.store.Provenance;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every judge call cached in SQLite (harness.md §5): key = {@code {kind: "judge", evaluator,
 * judge, request, sample, attempt}} where {@code request} is the exact request (model, completion
 * settings, function schema, rendered prompt); value = the parsed function arguments. The sample
 * index (run or round) keeps repeated judgements apart; the attempt keeps a reply that the caller
 * rejected (an index out of range) from being served again.
 */
public final class CachingJudge implements Judge {

    private final Judge delegate;
    private final KeyedCache cache;
    private final String evaluator;

    /** @param evaluator the evaluator's id, e.g. {@code tooleval_gpt-3.5-turbo_default@<template sha256>} */
    public CachingJudge(Judge delegate, KeyedCache cache, String evaluator) {
        this.delegate = delegate;
        this.cache = cache;
        this.evaluator = evaluator;
    }

    @Override
    public JudgeReply call(JudgeCall call) {
        JsonNode request = delegate.request(call);
        if (request == null) {
            return delegate.call(call);
        }
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("kind", "judge");
        key.put("evaluator", evaluator);
        key.put("judge", delegate.id());
        key.put("request", request);
        key.put("sample", call.context().sample());
        key.put("attempt", call.attempt());
        if (cache.mode().reads()) {
            Optional<CacheEntry> hit = cache.get(key);
            if (hit.isPresent()) {
                return new JudgeReply((ObjectNode) Json.parse(hit.get().value()));
            }
        }
        long start = System.nanoTime();
        JudgeReply reply = delegate.call(call);
        if (cache.mode().writes()) {
            try {
                cache.put(key, Json.MAPPER.writeValueAsString(reply.arguments()),
                        Provenance.of("live").withLatencyMs((System.nanoTime() - start) / 1_000_000).withRequest(request));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return reply;
    }

    @Override
    public JsonNode request(JudgeCall call) {
        return delegate.request(call);
    }

    @Override
    public String id() {
        return delegate.id();
    }
}
