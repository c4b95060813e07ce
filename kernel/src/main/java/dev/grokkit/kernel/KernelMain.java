package dev.grokkit.kernel;

import dev.grokkit.kernel.channels.GuardedConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Starts the kernel on a Jupyter connection file: {@code java -jar grokkit-kernel-all.jar connection.json}. */
public final class KernelMain {

    /** Held so the setting stays: basekernel logs every message at INFO through java.util.logging. */
    private static final Logger JUPYTER_LOG = Logger.getLogger("");

    private KernelMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -jar grokkit-kernel-all.jar <connection-file.json>");
            System.exit(2);
        }
        JUPYTER_LOG.setLevel(Level.WARNING);
        KernelConnectionProperties properties;
        try {
            properties = ConnectionFile.read(Path.of(args[0]));
        } catch (IllegalArgumentException e) {
            System.err.println("grokkit kernel: " + e.getMessage());
            System.exit(2);
            return;
        }
        GuardedConnection jupyter = new GuardedConnection(properties);
        GrokkitKernel kernel = new GrokkitKernel(KernelEnvironment.from(System.getenv()));
        kernel.becomeHandlerForConnection(jupyter);
        try {
            jupyter.connect();
        } catch (RuntimeException e) { // a port in use, an address that is not this machine's, ...
            System.err.println("grokkit kernel: cannot open the channels of connection file " + args[0] + " ("
                    + properties.getTransport() + "://" + properties.getIp() + "): " + e);
            System.exit(2);
        }
        jupyter.waitUntilClose();
        System.exit(0);
    }
}
