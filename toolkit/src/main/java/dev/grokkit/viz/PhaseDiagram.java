package dev.grokkit.viz;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * A phase diagram: an XChart {@link HeatMapChart} with one cell per (x, y) point of a grid, coloured
 * and labelled by the category (an enum constant) that {@code phase} gives it, e.g. Omnigrok's
 * learning phases over weight decay and initialization scale. A cell's value is the category's
 * ordinal; each ordinal has its own colour, which the legend names (a piece [k - 1/2, k + 1/2) per
 * ordinal k).
 */
public final class PhaseDiagram {

    /** One colour per category, in ordinal order (then repeated). */
    private static final Color[] COLOURS = {new Color(0x2c7bb6), new Color(0xd7191c), new Color(0xfdae61),
            new Color(0x999999), new Color(0x1a9641), new Color(0x762a83)};

    private PhaseDiagram() {}

    /** The diagram of {@code phase(x, y)} over the grid xs &times; ys, of the categories of {@code type}. */
    public static <X, Y, E extends Enum<E>> HeatMapChart of(String title, String xTitle, List<X> xs, String yTitle,
            List<Y> ys, Class<E> type, BiFunction<X, Y, E> phase) {
        E[] categories = type.getEnumConstants();
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            for (int j = 0; j < ys.size(); j++) {
                cells.add(new Number[] {i, j, phase.apply(xs.get(i), ys.get(j)).ordinal()});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(560).height(420).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        Color[] colours = new Color[categories.length];
        for (int k = 0; k < colours.length; k++) {
            colours[k] = COLOURS[k % COLOURS.length];
        }
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setRangeColors(colours).setPiecewise(true).setPiecewiseRanged(false)
                .setSplitNumber(categories.length).setMin(-0.5).setMax(categories.length - 0.5)
                .setHeatMapDecimalValueFormatter(v -> categories[Math.max(0, Math.min(categories.length - 1,
                        (int) Math.round(v)))].toString());
        chart.addSeries(title, xs.stream().map(String::valueOf).toList(), ys.stream().map(String::valueOf).toList(), cells);
        return chart;
    }
}
