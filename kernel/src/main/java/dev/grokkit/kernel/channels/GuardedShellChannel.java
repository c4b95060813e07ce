package dev.grokkit.kernel.channels;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zeromq.ZMQ;

/**
 * The shell or control channel with a loop no message can end: a message that fails
 * {@link MessageDecoder} is logged and dropped, one without a handler is logged and dropped, and
 * a handler's failure is logged; the loop then takes the next message. (basekernel's own loop
 * dies on the first message it cannot read, and the kernel stops answering.)
 */
final class GuardedShellChannel extends ShellChannel {

    private static final Logger LOG = Logger.getLogger(GuardedShellChannel.class.getName());

    private final JupyterConnection connection;
    private final MessageDecoder decoder;
    private final String name;
    private volatile ChannelLoop loop;

    GuardedShellChannel(ZMQ.Context context, HMACGenerator signer, boolean isControl, JupyterConnection connection) {
        super(context, signer, isControl, connection);
        this.connection = connection;
        this.decoder = new MessageDecoder(signer);
        this.name = isControl ? "control" : "shell";
        setMaxMsgSize(GuardedConnection.MAX_FRAME_BYTES);
    }

    @Override
    public void bind(KernelConnectionProperties properties) {
        int port = name.equals("control") ? properties.getControlPort() : properties.getShellPort();
        super.bind(properties.getTransport() + "://" + properties.getIp() + ":" + port);
        loop = new ChannelLoop(name, ctx, this, this::handleNext);
    }

    private void handleNext() {
        List<byte[]> frames;
        synchronized (this) { // replies are sent under the same lock (JupyterSocket.sendMessage)
            frames = MessageDecoder.receiveFrames(this);
        }
        Message<?> message;
        try {
            message = decoder.decode(frames);
        } catch (MessageDecoder.Refused e) {
            LOG.warning("dropped a message on the " + name + " channel: " + e.getMessage());
            return;
        }
        dispatch(message);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void dispatch(Message message) {
        String type = message.getHeader().getType().getName();
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            LOG.warning("dropped a " + type + " on the " + name + " channel: the kernel does not handle it");
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "handling a " + type + " on the " + name + " channel failed", e);
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            connection.close();
        }
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
