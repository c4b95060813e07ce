package dev.grokkit.kernel.channels;

import io.github.spencerpark.jupyter.channels.IOPubChannel;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.publish.PublishStatus;
import java.security.GeneralSecurityException;
import java.util.List;
import org.zeromq.ZMQ;

/**
 * basekernel's {@link JupyterConnection} with channels that survive any message: shell and
 * control ({@link GuardedShellChannel}), stdin ({@link GuardedStdinChannel}) and the heartbeat
 * ({@link GuardedHeartbeatChannel}) log and drop what they cannot use, as Jupyter's own kernels
 * do. A frame larger than {@link #MAX_FRAME_BYTES} is refused by ZeroMQ itself, which drops the
 * sender's connection before the frame is held in memory. iopub queues without limit, so no
 * output is dropped while a front end reads slower than a cell prints.
 */
public final class GuardedConnection extends JupyterConnection {

    /** The largest frame a channel accepts. */
    static final long MAX_FRAME_BYTES = 32L * 1024 * 1024;

    private final KernelConnectionProperties properties;
    private final ZMQ.Context context = ZMQ.context(1);
    private final GuardedHeartbeatChannel heartbeatChannel;
    private final GuardedShellChannel shellChannel;
    private final GuardedShellChannel controlChannel;
    private final GuardedStdinChannel stdinChannel;
    private final IOPubChannel iopubChannel;

    public GuardedConnection(KernelConnectionProperties properties) throws GeneralSecurityException {
        super(properties);
        super.close(); // the channels basekernel's constructor made are replaced before they are bound
        this.properties = properties;
        HMACGenerator signer = properties.createHMACGenerator();
        heartbeatChannel = new GuardedHeartbeatChannel(context, signer);
        shellChannel = new GuardedShellChannel(context, signer, false, this);
        controlChannel = new GuardedShellChannel(context, signer, true, this);
        stdinChannel = new GuardedStdinChannel(context, signer);
        iopubChannel = new IOPubChannel(context, signer);
        iopubChannel.setSndHWM(0);
    }

    private List<JupyterSocket> channels() {
        return List.of(heartbeatChannel, shellChannel, controlChannel, stdinChannel, iopubChannel);
    }

    @Override
    public void connect() {
        channels().forEach(c -> c.bind(properties));
        iopubChannel.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    @Override
    public IOPubChannel getIOPub() {
        return iopubChannel;
    }

    @Override
    public ShellReplyEnvironment prepareReplyEnv(ShellChannel shell, MessageContext request) {
        return new ShellReplyEnvironment(shell, stdinChannel, iopubChannel, request) {};
    }

    @Override
    public void close() {
        channels().forEach(JupyterSocket::close);
        context.close();
    }

    @Override
    public void waitUntilClose() {
        channels().forEach(JupyterSocket::waitUntilClose);
    }
}
