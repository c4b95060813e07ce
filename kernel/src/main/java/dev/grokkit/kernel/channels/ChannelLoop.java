package dev.grokkit.kernel.channels;

import io.github.spencerpark.jupyter.channels.Loop;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zeromq.ZMQ;

/**
 * A channel's thread: polls its socket and hands each readable message to the channel. A
 * failure while handling one is logged and the loop goes on (basekernel's {@link Loop} dies on
 * the first throw unless it has an error handler; this one always has).
 */
final class ChannelLoop {

    private static final Logger LOG = Logger.getLogger(ChannelLoop.class.getName());
    private static final long POLL_MILLIS = 50;

    private final Loop loop;

    /** Starts polling {@code socket}; {@code onReadable} reads and handles one message. */
    ChannelLoop(String name, ZMQ.Context context, ZMQ.Socket socket, Runnable onReadable) {
        ZMQ.Poller poller = context.poller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
        loop = new Loop("grokkit-" + name, () -> {
            if (poller.poll(POLL_MILLIS) > 0) {
                onReadable.run();
            }
            return 0;
        });
        loop.onError(t -> {
            LOG.log(Level.SEVERE, "the " + name + " channel goes on after an unexpected failure", t);
            return POLL_MILLIS;
        });
        loop.start();
    }

    /** Ends the loop; waits for it unless called from the loop itself (a shutdown_request). */
    void stop() {
        loop.shutdown();
        if (Thread.currentThread() != loop) {
            join(1_000);
        }
    }

    void awaitEnd() {
        join(0);
    }

    /** {@link #stop()} of a channel's loop, which is null until the channel is bound. */
    static void stop(ChannelLoop loop) {
        if (loop != null) {
            loop.stop();
        }
    }

    /** {@link #awaitEnd()} of a channel's loop, which is null until the channel is bound. */
    static void awaitEnd(ChannelLoop loop) {
        if (loop != null) {
            loop.awaitEnd();
        }
    }

    private void join(long millis) {
        try {
            loop.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
