package io.stave.bench.py;

import java.util.List;

/** A Python tuple, so that {@link PyRepr} can print {@code (a, b)} and {@code (a,)}. */
public record PyTuple(List<?> items) {

    public PyTuple {
        items = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
    }

    public static PyTuple of(Object... items) {
        return new PyTuple(java.util.Arrays.asList(items));
    }
}
