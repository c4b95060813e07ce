package dev.grokkit.kernel;

import java.security.Permission;
import java.util.logging.Logger;

/**
 * Refuses {@code System.exit} and {@code Runtime.halt} called by a cell's code, which would end
 * the kernel and every variable of the session: the call throws a {@link SecurityException} that
 * ends the cell as its error. A call counts as the cell's when it runs on a cell thread (or a
 * thread started from one) or has a snippet class on its stack. Everything else is permitted:
 * this security manager checks exits only.
 *
 * <p>Java 17 allows installing it (with a deprecation warning on stderr); Java 18 and later
 * refuse unless the JVM runs with {@code -Djava.security.manager=allow}, and then the guard is
 * absent and a warning says so.
 */
final class ExitGuard extends SecurityManager {

    /** The group of the cell threads; threads started by a cell join it. */
    static final ThreadGroup CELL_THREADS = new ThreadGroup("grokkit-cells");

    private static final Logger LOG = Logger.getLogger(ExitGuard.class.getName());

    private ExitGuard() {}

    /** Installs the guard once per JVM. */
    @SuppressWarnings("removal")
    static synchronized void install() {
        if (System.getSecurityManager() instanceof ExitGuard) {
            return;
        }
        try {
            System.setSecurityManager(new ExitGuard());
        } catch (UnsupportedOperationException e) {
            LOG.warning("System.exit in a cell will end the kernel: this JDK refuses a security manager"
                    + " (start the kernel with -Djava.security.manager=allow to have exits refused)");
        }
    }

    @Override
    public void checkExit(int status) {
        if (calledByCell()) {
            throw new SecurityException("System.exit(" + status + ") was refused: it would end the kernel and"
                    + " lose every variable of the session. The cell stops here; to start afresh, restart the kernel");
        }
    }

    private boolean calledByCell() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        if (group != null && CELL_THREADS.parentOf(group)) {
            return true;
        }
        for (Class<?> caller : getClassContext()) {
            if (caller.getName().startsWith("REPL.")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void checkPermission(Permission permission) {
        // everything but exit is permitted
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
        // everything but exit is permitted
    }
}
