package dev.grokkit.kernel.channels;

import io.github.spencerpark.jupyter.channels.HeartbeatChannel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import java.util.List;
import org.zeromq.ZMQ;

/**
 * The heartbeat: echoes every frame of each message it receives, so a message of several frames
 * is answered instead of ending the echo loop (basekernel's loop echoes one frame, fails on the
 * rest, and dies; the front end then sees a dead kernel).
 */
final class GuardedHeartbeatChannel extends HeartbeatChannel {

    private volatile ChannelLoop loop;

    GuardedHeartbeatChannel(ZMQ.Context context, HMACGenerator signer) {
        super(context, signer);
        setMaxMsgSize(GuardedConnection.MAX_FRAME_BYTES);
    }

    @Override
    public void bind(KernelConnectionProperties properties) {
        super.bind(properties.getTransport() + "://" + properties.getIp() + ":" + properties.getHbPort());
        loop = new ChannelLoop("heartbeat", ctx, this, () -> echo(MessageDecoder.receiveFrames(this)));
    }

    private void echo(List<byte[]> frames) {
        for (int i = 0; i < frames.size() - 1; i++) {
            sendMore(frames.get(i));
        }
        send(frames.get(frames.size() - 1));
    }

    @Override
    public void close() {
        ChannelLoop.stop(loop);
        super.close();
    }

    @Override
    public void waitUntilClose() {
        ChannelLoop.awaitEnd(loop);
    }
}
