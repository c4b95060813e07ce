package dev.grokkit.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        String connection = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        JupyterConnection jupyter = new JupyterConnection(KernelConnectionProperties.parse(connection));
        GrokkitKernel kernel = new GrokkitKernel(KernelEnvironment.from(System.getenv()));
        kernel.becomeHandlerForConnection(jupyter);
        jupyter.connect();
        jupyter.waitUntilClose();
        System.exit(0);
    }
}
