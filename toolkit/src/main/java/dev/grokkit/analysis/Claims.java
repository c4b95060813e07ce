package dev.grokkit.analysis;

import dev.grokkit.viz.HtmlDisplay;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The claims of a notebook, in the order added: a table of them for display (and Tablesaw's
 * operations: {@code table().where(table().stringColumn("verdict").isEqualTo("holds"))}), and the
 * count of each verdict.
 */
public final class Claims implements HtmlDisplay {

    private final List<Claim> claims = new ArrayList<>();

    /** Adds a decided claim and returns it (to print as a finding). */
    public Claim add(Claim claim) {
        claims.add(java.util.Objects.requireNonNull(claim, "claim"));
        return claim;
    }

    public List<Claim> list() {
        return List.copyOf(claims);
    }

    public int count(Verdict verdict) {
        return (int) claims.stream().filter(c -> c.verdict() == verdict).count();
    }

    /** Columns claim, verdict, quantity, estimate, low, high, confidence, claimed, n, note; a row per claim. */
    public Table table() {
        Table t = Table.create("claims", StringColumn.create("claim"), StringColumn.create("verdict"),
                StringColumn.create("quantity"), DoubleColumn.create("estimate"), DoubleColumn.create("low"),
                DoubleColumn.create("high"), DoubleColumn.create("confidence"), StringColumn.create("claimed"),
                StringColumn.create("n"), StringColumn.create("note"));
        for (Claim c : claims) {
            t.stringColumn("claim").append(c.statement());
            t.stringColumn("verdict").append(c.verdict().toString());
            t.stringColumn("quantity").append(c.quantity());
            t.doubleColumn("estimate").append(c.estimate());
            t.doubleColumn("low").append(c.low());
            t.doubleColumn("high").append(c.high());
            t.doubleColumn("confidence").append(c.confidence());
            t.stringColumn("claimed").append(c.claimed());
            t.stringColumn("n").append(c.n());
            t.stringColumn("note").append(c.note());
        }
        return t;
    }

    /**
     * The settings at which one claim was decided, grouped by verdict in the settings' order (every
     * verdict present, possibly empty): where a regularizer helps, hurts, or cannot be told.
     */
    public static <T> Map<Verdict, List<T>> byVerdict(Map<T, Claim> claimAt) {
        Map<Verdict, List<T>> groups = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            groups.put(v, new ArrayList<>());
        }
        claimAt.forEach((setting, claim) -> groups.get(claim.verdict()).add(setting));
        return groups;
    }

    /** e.g. "5 claims: holds 3, does not hold 1, undecided 1". */
    public String summary() {
        return claims.size() + (claims.size() == 1 ? " claim: " : " claims: ") + Verdict.HOLDS + " "
                + count(Verdict.HOLDS) + ", " + Verdict.DOES_NOT_HOLD + " " + count(Verdict.DOES_NOT_HOLD) + ", "
                + Verdict.UNDECIDED + " " + count(Verdict.UNDECIDED);
    }

    /** A line per claim, then the summary. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (Claim c : claims) {
            s.append(c).append('\n');
        }
        return s.append(summary()).toString();
    }

    @Override
    public String toHtml() {
        StringBuilder s = new StringBuilder("<ul>");
        for (Claim c : claims) {
            s.append("<li><code>").append(HtmlDisplay.escape(c.toString())).append("</code></li>");
        }
        return s.append("</ul><p>").append(HtmlDisplay.escape(summary())).append("</p>").toString();
    }
}
