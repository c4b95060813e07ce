package dev.grokkit.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.grokkit.analysis.LearningPhase;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;

class PhaseDiagramTest {

    @Test
    void oneCellPerGridPointHoldingItsPhaseOrdinalAndNamedByIt() {
        List<Double> decay = List.of(0.01, 0.1);
        List<Integer> scale = List.of(1, 8, 16);
        HeatMapChart chart = PhaseDiagram.of("phases", "weight decay", decay, "init scale", scale, LearningPhase.class,
                (wd, a) -> a == 1 ? LearningPhase.COMPREHENSION : wd < 0.05 ? LearningPhase.MEMORIZATION
                        : a == 16 ? LearningPhase.CONFUSION : LearningPhase.GROKKING);
        var series = chart.getHeatMapSeries();
        assertEquals(List.of("0.01", "0.1"), series.getXData());
        assertEquals(List.of("1", "8", "16"), series.getYData());
        List<? extends Number[]> cells = series.getHeatData();
        assertEquals(6, cells.size());
        assertArrayEquals(new Number[] {0, 1, LearningPhase.MEMORIZATION.ordinal()}, cells.get(1));
        assertArrayEquals(new Number[] {1, 1, LearningPhase.GROKKING.ordinal()}, cells.get(4));
        assertArrayEquals(new Number[] {1, 2, LearningPhase.CONFUSION.ordinal()}, cells.get(5));
        var legendLabel = chart.getStyler().getHeatMapDecimalValueFormatter(); // applied to each piece's lower end
        assertEquals("comprehension", legendLabel.apply(-0.5));
        assertEquals("grokking", legendLabel.apply(0.5));
        assertEquals("confusion", legendLabel.apply(2.5));
        BufferedImage image = BitmapEncoder.getBufferedImage(chart); // it draws
        assertEquals(560, image.getWidth());
    }
}
