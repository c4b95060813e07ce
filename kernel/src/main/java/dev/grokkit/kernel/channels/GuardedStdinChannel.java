package dev.grokkit.kernel.channels;

import io.github.spencerpark.jupyter.channels.StdinChannel;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import java.util.logging.Logger;
import org.zeromq.ZMQ;

/**
 * The stdin channel, read only while a cell waits for input: anything but a well-formed, signed
 * {@code input_reply} is logged and dropped, and the wait goes on for the real answer (basekernel
 * would throw into the cell on the first bad or unexpected message).
 */
final class GuardedStdinChannel extends StdinChannel {

    private static final Logger LOG = Logger.getLogger(GuardedStdinChannel.class.getName());

    private final MessageDecoder decoder;

    GuardedStdinChannel(ZMQ.Context context, HMACGenerator signer) {
        super(context, signer);
        this.decoder = new MessageDecoder(signer);
        setMaxMsgSize(GuardedConnection.MAX_FRAME_BYTES);
    }

    /** The next valid input_reply (what basekernel's {@code getInput} reads through). */
    @Override
    public synchronized Message<?> readMessage() {
        while (true) {
            try {
                Message<?> message = decoder.decode(MessageDecoder.receiveFrames(this));
                if (message.getHeader().getType() == MessageType.INPUT_REPLY) {
                    return message;
                }
                LOG.warning("dropped a " + message.getHeader().getType().getName()
                        + " on the stdin channel: only an input_reply is expected there");
            } catch (MessageDecoder.Refused e) {
                LOG.warning("dropped a message on the stdin channel: " + e.getMessage());
            }
        }
    }
}
