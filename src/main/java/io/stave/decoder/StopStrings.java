package io.stave.decoder;

import java.util.List;
import java.util.function.Consumer;

/**
 * Streams text while watching for stop strings: text that could still be the start of a stop
 * string is held back until it is clear, so nothing of a stop string is ever emitted.
 */
final class StopStrings {

    private final List<String> stops;
    private final Consumer<String> out;
    private final StringBuilder text = new StringBuilder();
    private int emitted;

    StopStrings(List<String> stops, Consumer<String> out) {
        this.stops = stops;
        this.out = out;
    }

    /** Adds text; returns true when a stop string has appeared (the text is then cut before it). */
    boolean accept(String piece) {
        text.append(piece);
        int earliest = -1;
        for (String stop : stops) {
            int at = text.indexOf(stop, Math.max(0, emitted - stop.length()));
            if (at >= 0 && (earliest < 0 || at < earliest)) {
                earliest = at;
            }
        }
        if (earliest >= 0) {
            text.setLength(earliest);
            emit(earliest);
            return true;
        }
        emit(text.length() - heldBack());
        return false;
    }

    /** Emits whatever was held back (no stop string can complete any more). */
    void finish() {
        emit(text.length());
    }

    String text() {
        return text.toString();
    }

    /** Length of the longest tail of the text that is a proper prefix of some stop string. */
    private int heldBack() {
        int held = 0;
        for (String stop : stops) {
            for (int n = Math.min(stop.length() - 1, text.length()); n > held; n--) {
                if (endsWithPrefix(stop, n)) {
                    held = n;
                    break;
                }
            }
        }
        return held;
    }

    private boolean endsWithPrefix(String stop, int n) {
        int from = text.length() - n;
        for (int i = 0; i < n; i++) {
            if (text.charAt(from + i) != stop.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void emit(int upTo) {
        if (upTo > emitted) {
            out.accept(text.substring(emitted, upTo));
            emitted = upTo;
        }
    }
}
