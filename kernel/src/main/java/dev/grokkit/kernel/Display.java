package dev.grokkit.kernel;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.UUID;

/**
 * The notebook functions of the IJava dialect, imported statically into every session:
 * {@code display(obj)} shows a value now and returns its display id, {@code render(obj)} gives
 * its display data, {@code updateDisplay(id, obj)} replaces an earlier display in place. The
 * optional MIME types ask for particular renderings, e.g. {@code display(chart, "image/svg+xml")}.
 * Outside a kernel (plain JShell) {@code display} prints the value's text.
 */
public final class Display {

    private static volatile BaseKernel kernel;

    private Display() {}

    static void attach(BaseKernel attached) {
        kernel = attached;
    }

    public static DisplayData render(Object value, String... mimeTypes) {
        requireValue("render", value, mimeTypes);
        BaseKernel k = kernel;
        if (k == null) {
            return new DisplayData(String.valueOf(value));
        }
        return mimeTypes.length == 0 ? k.getRenderer().render(value) : k.getRenderer().renderAs(value, mimeTypes);
    }

    public static String display(Object value, String... mimeTypes) {
        requireValue("display", value, mimeTypes);
        DisplayData data = render(value, mimeTypes);
        String id = data.hasDisplayId() ? data.getDisplayId() : UUID.randomUUID().toString();
        data.setDisplayId(id);
        BaseKernel k = kernel;
        if (k == null) {
            System.out.println(value);
        } else {
            k.display(data);
        }
        return id;
    }

    public static void updateDisplay(String id, Object value, String... mimeTypes) {
        if (id == null) {
            throw new IllegalArgumentException("updateDisplay: the display id is null; pass the id display(..) returned");
        }
        requireValue("updateDisplay", value, mimeTypes);
        BaseKernel k = kernel;
        if (k == null) {
            System.out.println(value);
            return;
        }
        k.getIO().display.updateDisplay(id, render(value, mimeTypes));
    }

    /** A null value or MIME type is the caller's mistake, named, not a NullPointerException from the renderer. */
    private static void requireValue(String function, Object value, String[] mimeTypes) {
        if (value == null) {
            throw new IllegalArgumentException(function + ": the value to show is null");
        }
        if (mimeTypes == null) {
            throw new IllegalArgumentException(function + ": the list of MIME types is null");
        }
        for (String mime : mimeTypes) {
            if (mime == null) {
                throw new IllegalArgumentException(function + ": a MIME type is null");
            }
        }
    }
}
