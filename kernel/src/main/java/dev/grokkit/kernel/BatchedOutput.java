package dev.grokkit.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A cell's stdout or stderr sent to the front end in batches, as ipykernel does: what is written
 * waits until {@link #INTERVAL_MILLIS} have passed since the oldest unsent byte, until
 * {@link #MAX_BYTES} are waiting, or until {@link #flush()}, and then goes out as one stream
 * message (basekernel's stream sends one message per line, and a cell printing many short lines
 * sent more messages than the front end's queue took, losing output). A batch never ends inside
 * a UTF-8 character.
 */
final class BatchedOutput extends OutputStream {

    static final long INTERVAL_MILLIS = 50;
    static final int MAX_BYTES = 64 * 1024;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "grokkit-output");
        t.setDaemon(true);
        return t;
    });

    private final OutputStream target;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private ScheduledFuture<?> scheduled;

    /** {@code target} sends one stream message for each write (basekernel's autoflushing stream). */
    BatchedOutput(OutputStream target) {
        this.target = target;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        pending.write(b);
        written();
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        pending.write(bytes, offset, length);
        written();
    }

    private void written() throws IOException {
        if (pending.size() >= MAX_BYTES) {
            send();
        } else if (scheduled == null) {
            scheduled = TIMER.schedule(this::sendOnTimer, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        send();
    }

    private synchronized void sendOnTimer() {
        scheduled = null;
        try {
            send();
        } catch (IOException e) {
            // the front end's stream is gone; the next write or flush reports it
        }
    }

    private void send() throws IOException {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
        byte[] bytes = pending.toByteArray();
        int complete = completeCharacters(bytes);
        if (complete == 0) {
            return;
        }
        pending.reset();
        pending.write(bytes, complete, bytes.length - complete);
        target.write(bytes, 0, complete);
        target.flush();
    }

    /** How many leading bytes hold whole UTF-8 characters (a character cut at the end waits). */
    static int completeCharacters(byte[] bytes) {
        int end = bytes.length;
        for (int back = 1; back <= Math.min(3, end); back++) {
            int b = bytes[end - back] & 0xFF;
            if ((b & 0xC0) != 0x80) { // a lead byte (or ASCII): does its character fit?
                int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return length > back ? end - back : end;
            }
        }
        return end;
    }

    /** The bytes written and not yet sent (for tests). */
    synchronized byte[] unsent() {
        return Arrays.copyOf(pending.toByteArray(), pending.size());
    }
}
