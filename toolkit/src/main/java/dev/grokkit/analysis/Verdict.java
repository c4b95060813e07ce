package dev.grokkit.analysis;

/** What the runs say about a claim: its interval lies on the claimed side, on the other side, or across. */
public enum Verdict {
    HOLDS("holds"),
    DOES_NOT_HOLD("does not hold"),
    UNDECIDED("undecided");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    @Override
    public String toString() {
        return text;
    }
}
