package dev.grokkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live view: one display shown once, then updated in place under the same id, ending with a chart. */
class NotebookProgressTest {

    @Test
    void showsOnceThenUpdatesTheSameDisplay() {
        List<String> shownIds = new ArrayList<>();
        List<String> updatedIds = new ArrayList<>();
        List<DisplayData> updates = new ArrayList<>();
        NotebookProgress progress = new NotebookProgress((id, d) -> shownIds.add(id), (id, d) -> {
            updatedIds.add(id);
            updates.add(d);
        });
        progress.started("demo", 100);
        progress.logged(0, Map.of("step", 0.0, "train_acc", 0.1, "test_acc", 0.0));
        progress.logged(50, Map.of("step", 50.0, "train_acc", 1.0, "test_acc", 0.2));
        progress.finished(100, "completed 100 steps");
        assertEquals(1, shownIds.size());
        assertTrue(updatedIds.stream().allMatch(shownIds.get(0)::equals), "every update targets the shown display");
        DisplayData last = updates.get(updates.size() - 1);
        String html = String.valueOf(last.getData(MIMEType.TEXT_HTML));
        assertTrue(html.contains("<progress value=\"1.0000\""), html);
        assertTrue(html.contains("data:image/png;base64,"), "the final view has the accuracy chart");
        assertTrue(String.valueOf(last.getData(MIMEType.TEXT_PLAIN)).contains("completed 100 steps"));
    }

    /** A sweep reports finished runs, rows without accuracies: past the chart interval there is still no chart to draw. */
    @Test
    void rowsWithoutAccuraciesDrawNoChart() throws InterruptedException {
        List<DisplayData> updates = new ArrayList<>();
        NotebookProgress progress = new NotebookProgress((id, d) -> { }, (id, d) -> updates.add(d));
        progress.started("sweep over seed", 2);
        Thread.sleep(5_100); // longer than the chart interval
        progress.logged(1, Map.of("grokking_step", 300.0));
        progress.finished(2, "completed 2 runs");
        String html = String.valueOf(updates.get(updates.size() - 1).getData(MIMEType.TEXT_HTML));
        assertTrue(html.contains("completed 2 runs") && !html.contains("<img"), html);
    }
}
