package io.stave.decoder.model;

/**
 * The decoding state of one generation: N buckets (copies of the sequence, each with its own RoPE
 * base) fed the same tokens at the same positions, each with its own key/value cache.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #prefill} and {@link #append} feed tokens at positions {@link #position()},
 *       {@code position()+1}, … to every bucket, in one pass over the weights per layer for all
 *       buckets and tokens; keys are cached after RoPE.</li>
 *   <li>After either call, {@link #logits()} holds the raw float32 logits of the last fed
 *       position, one row per bucket ({@code [N][V]}). Earlier prompt positions get no logits.</li>
 *   <li>{@link #truncate} forgets positions {@code ≥ length}, so the next token goes to position
 *       {@code length}; the cached keys and values before it are kept (KV reuse across agent
 *       steps). Logits are unavailable until the next token is fed.</li>
 *   <li>{@link #copy} makes an independent session with the same bases, scale, context, KV and
 *       logits; feeding one does not change the other.</li>
 *   <li>Feeding past {@link #maxContext()} throws {@link IllegalStateException}.</li>
 *   <li>A session is used by one thread at a time. It holds off-heap memory: {@link #close} it.</li>
 * </ul>
 */
public interface Session extends AutoCloseable {

    /** Number of buckets N (sequences decoded together). */
    int buckets();

    /** The RoPE base of each bucket, as given when the session was made. */
    double[] ropeBases();

    /** The linear position-interpolation ratio r: angles use position / r. */
    double positionScale();

    /** The most positions this session can hold. */
    int maxContext();

    /** Bytes of the KV caches, allocated for {@link #maxContext} positions of every bucket. */
    long kvCacheBytes();

    /** The number of positions fed so far; the next token goes to this position. */
    int position();

    /** Feeds prompt tokens (in chunks, through the batched path) and computes the last position's logits. */
    void prefill(int[] tokens);

    /** Feeds one token to every bucket and computes its logits. */
    void append(int token);

    /**
     * The raw logits of the last fed position, {@code [N][V]}. The arrays are the session's own
     * and are overwritten by the next call that feeds tokens.
     *
     * @throws IllegalStateException when no logits are available (nothing fed since creation or truncation)
     */
    float[][] logits();

    /** Keeps the first {@code length} positions ({@code 0 ≤ length ≤ position()}) and drops the rest. */
    void truncate(int length);

    /** An independent copy of this session, KV cache included. */
    Session copy();

    @Override
    void close();
}
