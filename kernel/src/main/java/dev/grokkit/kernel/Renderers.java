package dev.grokkit.kernel;

import dev.grokkit.viz.HtmlDisplay;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * How notebook values look: XChart charts as PNG (SVG when asked, e.g. {@code render(chart,
 * "image/svg+xml")}), Tablesaw tables as HTML with a text fallback, showing at most
 * {@link #MAX_ROWS} rows, and toolkit objects that know their HTML ({@link HtmlDisplay}).
 */
final class Renderers {

    /** Tables longer than this show their first and last rows only. */
    static final int MAX_ROWS = 20;

    private Renderers() {}

    static void registerAll(Renderer renderer) {
        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_PNG, MIMEType.IMAGE_SVG)
                .register((chart, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> chartText(chart));
                    context.renderIfRequested(MIMEType.IMAGE_PNG, () -> png(chart));
                    context.renderIfRequested(MIMEType.IMAGE_SVG, () -> svg(chart));
                });
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML)
                .register((table, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> TableHtml.text(table, MAX_ROWS));
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> TableHtml.html(table, MAX_ROWS));
                });
        renderer.createRegistration(HtmlDisplay.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML)
                .register((value, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, value::toString);
                    context.renderIfRequested(MIMEType.TEXT_HTML, value::toHtml);
                });
    }

    private static String chartText(Chart<?, ?> chart) {
        String title = chart.getTitle();
        return chart.getClass().getSimpleName() + (title == null || title.isEmpty() ? "" : " '" + title + "'")
                + " " + chart.getWidth() + "x" + chart.getHeight();
    }

    /** The chart as base64 PNG, as Jupyter's image/png expects. */
    static String png(Chart<?, ?> chart) {
        try {
            return Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the chart as PNG", e);
        }
    }

    static String svg(Chart<?, ?> chart) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the chart as SVG", e);
        }
    }
}
