package io.stave.bench.py;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A Python tuple, so that {@link PyRepr} can print {@code (a, b)} and {@code (a,)}; items may be {@code null}. */
public record PyTuple(List<?> items) {

    public PyTuple {
        items = Collections.unmodifiableList(new ArrayList<>(items));
    }

    public static PyTuple of(Object... items) {
        return new PyTuple(Arrays.asList(items));
    }
}
