package dev.grokkit.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cell's output goes out in few, whole batches: by size, by time, on flush; never mid-character. */
class BatchedOutputTest {

    /** Records each batch the way basekernel's stream would send it: one message per write. */
    private static final class Messages extends OutputStream {
        final List<String> sent = new ArrayList<>();
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            current.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            current.write(b, off, len);
        }

        @Override
        public synchronized void flush() {
            sent.add(current.toString(StandardCharsets.UTF_8));
            current.reset();
        }

        synchronized List<String> sent() {
            return new ArrayList<>(sent);
        }
    }

    @Test
    void manyShortLinesGoOutInFewBatchesCompleteAndInOrder() throws Exception {
        Messages messages = new Messages();
        PrintStream out = new PrintStream(new BatchedOutput(messages), false, StandardCharsets.UTF_8);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            out.println("line " + i);
            expected.append("line ").append(i).append(System.lineSeparator());
        }
        out.flush();
        List<String> sent = messages.sent();
        assertEquals(expected.toString(), String.join("", sent));
        assertTrue(sent.size() < 100, sent.size() + " messages for 100,000 lines");
        assertTrue(sent.stream().allMatch(s -> s.getBytes(StandardCharsets.UTF_8).length
                <= BatchedOutput.MAX_BYTES + 64), "batches are bounded by size");
    }

    @Test
    void aLonePrintGoesOutAfterTheIntervalWithoutAFlush() throws Exception {
        Messages messages = new Messages();
        PrintStream out = new PrintStream(new BatchedOutput(messages), false, StandardCharsets.UTF_8);
        out.print("progress 1/3");
        long deadline = System.currentTimeMillis() + 10_000;
        while (messages.sent().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(BatchedOutput.INTERVAL_MILLIS);
        }
        assertEquals(List.of("progress 1/3"), messages.sent());
    }

    @Test
    void aBatchNeverEndsInsideACharacter() throws Exception {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // 3 bytes
        byte[] text = "a€".getBytes(StandardCharsets.UTF_8);
        assertEquals(text.length, BatchedOutput.completeCharacters(text));
        assertEquals(1, BatchedOutput.completeCharacters(new byte[] {'a', euro[0], euro[1]}));
        assertEquals(1, BatchedOutput.completeCharacters(new byte[] {'a', euro[0]}));
        Messages messages = new Messages();
        BatchedOutput out = new BatchedOutput(messages);
        out.write(new byte[] {'a', euro[0], euro[1]});
        out.flush();
        assertEquals(List.of("a"), messages.sent());
        assertArrayEquals(new byte[] {euro[0], euro[1]}, out.unsent());
        out.write(euro[2]);
        out.flush();
        assertEquals(List.of("a", "€"), messages.sent());
    }
}
