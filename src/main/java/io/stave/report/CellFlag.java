package io.stave.report;

/** Caveats on a measured cell; each gets a warning mark in every rendering. */
public enum CellFlag {
    /** The judge model differs from the one that produced the published number. */
    JUDGE_DIFFERS("†", "judged by another model than the published number: not comparable, shown for orientation only"),
    /** Some tool responses came from the offline simulator, not from real or cached APIs. */
    SIMULATED_TOOLS("‡", "tools were simulated (offline simulator), not real or cached API responses");

    private final String mark;
    private final String meaning;

    CellFlag(String mark, String meaning) {
        this.mark = mark;
        this.meaning = meaning;
    }

    public String mark() {
        return mark;
    }

    public String meaning() {
        return meaning;
    }
}
