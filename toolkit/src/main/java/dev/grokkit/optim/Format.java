package dev.grokkit.optim;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Number formatting for one-line descriptions: 0.001, 0.9, 1, 100, 1E-5, 2.5E-8, 1E7. */
final class Format {

    private Format() {}

    static String number(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        BigDecimal d = BigDecimal.valueOf(x).stripTrailingZeros();
        if (d.scale() > 4 || d.precision() - d.scale() > 6) {
            return new DecimalFormat("0.##########E0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(x);
        }
        return d.toPlainString();
    }
}
