package dev.grokkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.grokkit.train.History;
import dev.grokkit.train.RunListeners;
import dev.grokkit.train.Sweep;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class SweepRowsTest {

    record Point(double fraction, long seed) {}

    @Test
    void oneRowPerLoggedStepWithThePointsColumnsFirst() {
        List<Point> points = List.of(new Point(0.5, 1), new Point(0.7, 2));
        Sweep.Result<Point> result = Sweep.over("point", points, p -> TinyRuns.plain(10).apply(p.seed()))
                .listener(RunListeners.silent()).run();
        Table rows = SweepRows.of(result);
        History first = result.history(points.get(0));
        assertEquals(List.of("fraction", "seed", "step", "train_loss", "train_acc", "test_loss", "test_acc"),
                rows.columnNames());
        assertEquals(first.rowCount() + result.history(points.get(1)).rowCount(), rows.rowCount());
        assertEquals(0.7, rows.doubleColumn("fraction").getDouble(rows.rowCount() - 1));
        assertEquals(2L, rows.longColumn("seed").get(rows.rowCount() - 1));
        assertEquals(first.last("test_acc"), rows.doubleColumn("test_acc").getDouble(first.rowCount() - 1));
    }

    @Test
    void aPointThatIsNoRecordIsOneTextColumnNamedAfterTheParameter() {
        Sweep.Result<Long> result = Sweep.over("seed", List.of(3L), TinyRuns.plain(5)).listener(RunListeners.silent())
                .run();
        Table rows = SweepRows.of(result);
        assertEquals("seed", rows.column(0).name());
        assertEquals("3", rows.stringColumn("seed").get(0));
    }
}
