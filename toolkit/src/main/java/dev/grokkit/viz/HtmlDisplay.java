package dev.grokkit.viz;

/**
 * A toolkit object that knows how to show itself as HTML in a notebook (a run's summary, a
 * history). The kernel renders it as text/html with {@code toString()} as the text/plain
 * fallback; outside a notebook nothing uses it.
 */
public interface HtmlDisplay {

    /** A self-contained HTML fragment. */
    String toHtml();

    /** Text made safe to place inside HTML. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
