package dev.grokkit.probe;

import ai.djl.ndarray.NDArray;
import dev.grokkit.model.GrokModel;
import java.util.List;

/** Runs a model's stages from one tap onwards, with a replaced value at that tap (inference mode). */
final class TapForward {

    private TapForward() {}

    /** The output of stage {@code until} when tap {@code from} holds {@code value}; until must come after from. */
    static NDArray run(GrokModel model, String from, NDArray value, String until) {
        List<String> taps = model.tapNames();
        int start = checkTap(model, "from", from);
        int end = checkTap(model, "until", until);
        if (end <= start) {
            throw new IllegalArgumentException("until: layer '" + until + "' must come after '" + from
                    + "' in " + taps);
        }
        // tap i + 1 is the output of stage i
        return model.block().forwardStages(model.parameterStore(), value, start, end, false);
    }

    static int checkTap(GrokModel model, String argument, String tap) {
        int i = model.tapNames().indexOf(tap);
        if (i < 0) {
            throw new IllegalArgumentException(argument + ": no layer '" + tap + "'; the model's layers are "
                    + model.tapNames());
        }
        return i;
    }
}
