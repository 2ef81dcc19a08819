package io.stave.bench.py;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}: the shortest decimal that reads back as the same double, in fixed
 * notation unless the decimal exponent is below -4 or at least 16 (CPython
 * {@code format_float_short}, mode 'r').
 */
public final class PyFloat {

    private PyFloat() {}

    /** {@code repr(x)}: {@code 1000.0}, {@code 1e-05}, {@code 1.5e+16}, {@code inf}, {@code nan}. */
    public static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return (1 / x < 0) ? "-0.0" : "0.0";
        }
        String sign = x < 0 ? "-" : "";
        BigDecimal shortest = shortest(Math.abs(x));
        String digits = shortest.unscaledValue().toString();
        // value = 0.<digits> * 10^decpt
        int decpt = digits.length() - shortest.scale();
        return sign + layout(digits, decpt);
    }

    private static String layout(String digits, int decpt) {
        if (decpt <= -4 || decpt > 16) {
            int exponent = decpt - 1;
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String expDigits = Integer.toString(Math.abs(exponent));
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + (expDigits.length() < 2 ? "0" : "") + expDigits;
        }
        if (decpt <= 0) {
            return "0." + "0".repeat(-decpt) + digits;
        }
        if (decpt < digits.length()) {
            return digits.substring(0, decpt) + "." + digits.substring(decpt);
        }
        return digits + "0".repeat(decpt - digits.length()) + ".0";
    }

    /**
     * The shortest round-trip decimal of a positive finite double, without trailing zeros.
     * Java's {@link Double#toString} is shortest except that it never prints a single digit where a
     * closer two-digit decimal exists (e.g. {@code 4.9E-324} against Python's {@code 5e-324}).
     */
    private static BigDecimal shortest(double x) {
        BigDecimal java = new BigDecimal(Double.toString(x)).stripTrailingZeros();
        if (java.precision() == 2) {
            BigDecimal one = new BigDecimal(x).round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (one.doubleValue() == x) {
                return one.stripTrailingZeros();
            }
        }
        return java;
    }
}
