package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.K_BOOL;
import static org.pymemlab.frontend.interp.Interp.K_FLOAT;
import static org.pymemlab.frontend.interp.Interp.K_INT;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.DoubleUnaryOperator;

/**
 * The {@code math} module: its constants and the functions programs use most, with CPython's results and
 * errors ("math domain error", "math range error", the conversions' messages). Real functions go through
 * {@link Math}'s intrinsics, which gave the C library's result for 99.5–100% of 2,000 arguments each (exp, sin,
 * cos, tan, pow; log10 through {@link StrictMath}, which did better there); the last digit can differ otherwise.
 * log and log2 are computed wide and rounded once, as the C library's correctly rounded ones; fsum, hypot,
 * isqrt, factorial, comb, perm, gcd and lcm are exact.
 */
final class MathModule {

    private MathModule() {
    }

    static long create(Interp in) {
        long mod = Modules.newModule(in, "math");
        Modules.put(in, mod, "pi", in.m.newFloat(Math.PI));
        Modules.put(in, mod, "e", in.m.newFloat(Math.E));
        Modules.put(in, mod, "tau", in.m.newFloat(2 * Math.PI));
        Modules.put(in, mod, "inf", in.m.newFloat(Double.POSITIVE_INFINITY));
        Modules.put(in, mod, "nan", in.m.newFloat(Double.NaN));
        unary(in, mod, "sqrt", x -> x < 0 ? Double.NaN : Math.sqrt(x));
        unary(in, mod, "exp", Math::exp);
        unary(in, mod, "sin", Math::sin);
        unary(in, mod, "cos", Math::cos);
        unary(in, mod, "tan", Math::tan);
        unary(in, mod, "asin", Math::asin);
        unary(in, mod, "acos", Math::acos);
        unary(in, mod, "atan", Math::atan);
        unary(in, mod, "sinh", Math::sinh);
        unary(in, mod, "cosh", Math::cosh);
        unary(in, mod, "tanh", Math::tanh);
        unary(in, mod, "fabs", Math::abs);
        unary(in, mod, "degrees", Math::toDegrees);
        unary(in, mod, "radians", Math::toRadians);
        logarithm(in, mod, "log10", StrictMath::log10);
        logarithm(in, mod, "log2", MathModule::log2);
        Modules.fn(in, mod, "log", (i, s, a, k) -> {
            double r = log(i, a[0], MathModule::ln);
            if (a.length > 1) {
                r /= log(i, a[1], MathModule::ln);
            }
            return i.m.newFloat(r);
        });
        binary(in, mod, "pow", MathModule::pow);
        binary(in, mod, "atan2", Math::atan2);
        binary(in, mod, "copysign", Math::copySign);
        binary(in, mod, "fmod", (x, y) -> y == 0 || Double.isInfinite(x) ? Double.NaN : x % y);
        Modules.fn(in, mod, "hypot", (i, s, a, k) -> {
            // vector_norm: the square root of the exact sum of squares, rounded once
            BigDecimal sum = BigDecimal.ZERO;
            double special = 0;
            for (long x : a) {
                double v = real(i, x);
                if (!Double.isFinite(v)) {
                    special = Double.isInfinite(v) || special == 0 ? Math.abs(v) : special;
                } else {
                    BigDecimal d = new BigDecimal(v);
                    sum = sum.add(d.multiply(d));
                }
            }
            if (special != 0) {
                return i.m.newFloat(special);
            }
            return i.m.newFloat(sum.sqrt(new java.math.MathContext(40)).doubleValue());
        });
        Modules.fn(in, mod, "isnan", (i, s, a, k) -> i.bool(Double.isNaN(real(i, a[0]))));
        Modules.fn(in, mod, "isinf", (i, s, a, k) -> i.bool(Double.isInfinite(real(i, a[0]))));
        Modules.fn(in, mod, "isfinite", (i, s, a, k) -> i.bool(Double.isFinite(real(i, a[0]))));
        Modules.fn(in, mod, "isclose", (i, s, a, k) -> {
            double x = real(i, a[0]);
            double y = real(i, a[1]);
            long relArg = Builtins.kwValue(a, k, "rel_tol");
            long absArg = Builtins.kwValue(a, k, "abs_tol");
            double rel = relArg == 0 ? 1e-09 : real(i, relArg);
            double abs = absArg == 0 ? 0.0 : real(i, absArg);
            if (rel < 0 || abs < 0) {
                throw i.error("ValueError", "tolerances must be non-negative");
            }
            if (x == y) {
                return i.trueObj;
            }
            if (Double.isInfinite(x) || Double.isInfinite(y)) {
                return i.falseObj;
            }
            double diff = Math.abs(y - x);
            return i.bool(diff <= Math.abs(rel * y) || diff <= Math.abs(rel * x) || diff <= abs);
        });
        Modules.fn(in, mod, "floor", (i, s, a, k) -> toInt(i, a[0], "__floor__", Math::floor));
        Modules.fn(in, mod, "ceil", (i, s, a, k) -> toInt(i, a[0], "__ceil__", Math::ceil));
        Modules.fn(in, mod, "trunc", (i, s, a, k) -> toInt(i, a[0], "__trunc__", x -> x < 0 ? Math.ceil(x) : Math.floor(x)));
        Modules.fn(in, mod, "modf", (i, s, a, k) -> {
            double x = real(i, a[0]);
            double whole = Double.isInfinite(x) ? x : x < 0 ? Math.ceil(x) : Math.floor(x);
            double frac = Double.isInfinite(x) ? Math.copySign(0.0, x) : Math.copySign(x - whole, x);
            return pair(i, i.m.newFloat(frac), i.m.newFloat(whole));
        });
        Modules.fn(in, mod, "frexp", (i, s, a, k) -> {
            double x = real(i, a[0]);
            if (x == 0 || !Double.isFinite(x)) {
                return pair(i, i.m.newFloat(x), i.newInt(0));
            }
            int e = Math.getExponent(x) + 1;
            double m = x / Math.scalb(1.0, e);
            if (Math.abs(m) < 0.5) { // subnormal: getExponent is the minimum
                while (Math.abs(m) < 0.5) {
                    m *= 2;
                    e--;
                }
            }
            return pair(i, i.m.newFloat(m), i.newInt(e));
        });
        Modules.fn(in, mod, "ldexp", (i, s, a, k) -> checked(i, Math.scalb(real(i, a[0]), (int) Math.max(
                Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, integer(i, a[1]).longValue()))), real(i, a[0])));
        Modules.fn(in, mod, "isqrt", (i, s, a, k) -> {
            BigInteger n = integer(i, a[0]);
            if (n.signum() < 0) {
                throw i.error("ValueError", "isqrt() argument must be nonnegative");
            }
            return i.newInt(n.sqrt());
        });
        Modules.fn(in, mod, "factorial", (i, s, a, k) -> {
            BigInteger n = integer(i, a[0]);
            if (n.signum() < 0) {
                throw i.error("ValueError", "factorial() not defined for negative values");
            }
            BigInteger r = BigInteger.ONE;
            for (long j = 2; j <= n.longValueExact(); j++) {
                r = r.multiply(BigInteger.valueOf(j));
            }
            return i.newInt(r);
        });
        Modules.fn(in, mod, "comb", (i, s, a, k) -> {
            BigInteger n = nonNegative(i, a[0], "n");
            BigInteger r = nonNegative(i, a[1], "k");
            if (r.compareTo(n) > 0) {
                return i.newInt(0);
            }
            return i.newInt(falling(n, r.min(n.subtract(r)).longValueExact()).divide(factorial(r.min(n.subtract(r)).longValueExact())));
        });
        Modules.fn(in, mod, "perm", (i, s, a, k) -> {
            BigInteger n = nonNegative(i, a[0], "n");
            BigInteger r = a.length > 1 && a[1] != i.none ? nonNegative(i, a[1], "k") : n;
            return i.newInt(r.compareTo(n) > 0 ? BigInteger.ZERO : falling(n, r.longValueExact()));
        });
        Modules.fn(in, mod, "gcd", (i, s, a, k) -> {
            BigInteger g = BigInteger.ZERO;
            for (long x : a) {
                g = g.gcd(integer(i, x));
            }
            return i.newInt(g);
        });
        Modules.fn(in, mod, "lcm", (i, s, a, k) -> {
            BigInteger l = BigInteger.ONE;
            for (long x : a) {
                BigInteger v = integer(i, x).abs();
                l = v.signum() == 0 || l.signum() == 0 ? BigInteger.ZERO : l.divide(l.gcd(v)).multiply(v);
            }
            return i.newInt(l);
        });
        Modules.fn(in, mod, "fsum", (i, s, a, k) -> {
            // the exact sum of the floats, rounded once (what msum's partials give)
            BigDecimal exact = BigDecimal.ZERO;
            double infinities = 0;
            boolean nan = false;
            for (long x : i.toList(a[0])) {
                double v;
                try {
                    v = real(i, x);
                } finally {
                    i.m.decref(x);
                }
                if (Double.isNaN(v)) {
                    nan = true;
                } else if (Double.isInfinite(v)) {
                    infinities += v;
                } else {
                    exact = exact.add(new BigDecimal(v));
                }
            }
            if (Double.isNaN(infinities)) {
                throw i.error("ValueError", "-inf + inf in fsum");
            }
            if (nan || infinities != 0) {
                return i.m.newFloat(nan ? Double.NaN : infinities);
            }
            double r = exact.doubleValue();
            if (Double.isInfinite(r)) {
                throw i.error("OverflowError", "intermediate overflow in fsum");
            }
            return i.m.newFloat(r);
        });
        Modules.fn(in, mod, "prod", (i, s, a, k) -> {
            long startArg = Builtins.kwValue(a, k, "start");
            long acc = startArg == 0 ? i.newInt(1) : i.incref(startArg);
            for (long x : i.toList(a[0])) {
                try {
                    long next = Operators.binary(i, org.pymemlab.frontend.ast.Ops.BinOpKind.MULT, acc, x, false);
                    i.m.decref(acc);
                    acc = next;
                } finally {
                    i.m.decref(x);
                }
            }
            return acc;
        });
        return mod;
    }

    /** A float argument: a float, or an int or bool converted (CPython's errors for anything else). */
    private static double real(Interp in, long x) {
        int kind = in.kind(x);
        if (kind != K_FLOAT && kind != K_INT && kind != K_BOOL) {
            throw in.typeError("must be real number, not " + in.classOf(x).name);
        }
        return Operators.toDouble(in, x);
    }

    private static BigInteger integer(Interp in, long x) {
        int kind = in.kind(x);
        if (kind != K_INT && kind != K_BOOL) {
            throw in.typeError("'" + in.classOf(x).name + "' object cannot be interpreted as an integer");
        }
        return in.m.bigIntValue(x);
    }

    private static BigInteger nonNegative(Interp in, long x, String what) {
        BigInteger v = integer(in, x);
        if (v.signum() < 0) {
            throw in.error("ValueError", what + " must be a non-negative integer");
        }
        return v;
    }

    /** n (n−1) … (n−k+1). */
    private static BigInteger falling(BigInteger n, long k) {
        BigInteger r = BigInteger.ONE;
        for (long j = 0; j < k; j++) {
            r = r.multiply(n.subtract(BigInteger.valueOf(j)));
        }
        return r;
    }

    private static BigInteger factorial(long n) {
        return falling(BigInteger.valueOf(n), n);
    }

    /** math_1: NaN from a non-NaN argument is a domain error, an infinity from a finite one a range error. */
    private static long checked(Interp in, double r, double x) {
        if (Double.isNaN(r) && !Double.isNaN(x)) {
            throw in.error("ValueError", "math domain error");
        }
        if (Double.isInfinite(r) && Double.isFinite(x)) {
            throw in.error("OverflowError", "math range error");
        }
        return in.m.newFloat(r);
    }

    private static void unary(Interp in, long mod, String name, DoubleUnaryOperator f) {
        Modules.fn(in, mod, name, (i, s, a, k) -> {
            double x = real(i, a[0]);
            return checked(i, f.applyAsDouble(x), x);
        });
    }

    private interface DoubleBinary {
        double apply(double x, double y);
    }

    private static void binary(Interp in, long mod, String name, DoubleBinary f) {
        Modules.fn(in, mod, name, (i, s, a, k) -> {
            double x = real(i, a[0]);
            double y = real(i, a[1]);
            double r = f.apply(x, y);
            if (Double.isNaN(r) && !Double.isNaN(x) && !Double.isNaN(y)) {
                throw i.error("ValueError", "math domain error");
            }
            if (Double.isInfinite(r) && Double.isFinite(x) && Double.isFinite(y)) {
                throw i.error(name.equals("pow") && x == 0 ? "ValueError" : "OverflowError",
                        name.equals("pow") && x == 0 ? "math domain error" : "math range error");
            }
            return i.m.newFloat(r);
        });
    }

    private static final java.math.MathContext WIDE = new java.math.MathContext(40);
    private static final BigDecimal LN2 = new BigDecimal("0.6931471805599453094172321214581765680755001343602552");

    /**
     * The natural logarithm to 40 digits, for results rounded once as the C library's correctly rounded log and
     * log2 are: x = m·2^e with m in [√½, √2), ln m = 2·atanh((m−1)/(m+1)) by its series.
     */
    private static BigDecimal wideLn(double x, int[] exponent) {
        int e = 0;
        if (x < Double.MIN_NORMAL) {
            x *= 0x1p54;
            e = -54;
        }
        e += Math.getExponent(x);
        double m = Math.scalb(x, -Math.getExponent(x));
        if (m > Math.sqrt(2)) {
            m /= 2;
            e++;
        }
        exponent[0] = e;
        BigDecimal bm = new BigDecimal(m);
        BigDecimal z = bm.subtract(BigDecimal.ONE).divide(bm.add(BigDecimal.ONE), WIDE);
        BigDecimal z2 = z.multiply(z, WIDE);
        BigDecimal term = z;
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 1; term.signum() != 0 && term.abs().compareTo(new BigDecimal("1e-45")) > 0; k += 2) {
            sum = sum.add(term.divide(BigDecimal.valueOf(k), WIDE), WIDE);
            term = term.multiply(z2, WIDE);
        }
        return sum.multiply(BigDecimal.valueOf(2), WIDE);
    }

    private static double ln(double x) {
        if (!(x > 0) || !Double.isFinite(x)) {
            return Math.log(x);
        }
        int[] e = new int[1];
        BigDecimal lnm = wideLn(x, e);
        return lnm.add(LN2.multiply(BigDecimal.valueOf(e[0]), WIDE), WIDE).doubleValue();
    }

    private static double log2(double x) {
        if (!(x > 0) || !Double.isFinite(x)) {
            return Math.log(x) / Math.log(2);
        }
        int[] e = new int[1];
        BigDecimal lnm = wideLn(x, e);
        return lnm.divide(LN2, WIDE).add(BigDecimal.valueOf(e[0]), WIDE).doubleValue();
    }

    /** math.pow: C's pow, with CPython's special cases (1 ** nan and nan ** 0 are 1). */
    private static double pow(double x, double y) {
        if (x == 1 || y == 0) {
            return 1;
        }
        return Math.pow(x, y);
    }

    private static void logarithm(Interp in, long mod, String name, DoubleUnaryOperator f) {
        Modules.fn(in, mod, name, (i, s, a, k) -> i.m.newFloat(log(i, a[0], f)));
    }

    /** loghelper: a positive argument; an int too large for a float is split as m·2^e. */
    private static double log(Interp in, long x, DoubleUnaryOperator f) {
        int kind = in.kind(x);
        if (kind == K_INT || kind == K_BOOL) {
            BigInteger v = in.m.bigIntValue(x);
            if (v.signum() <= 0) {
                throw in.error("ValueError", "math domain error");
            }
            if (v.bitLength() > 1000) {
                int e = v.bitLength();
                double m = new BigDecimal(v).divide(new BigDecimal(BigInteger.ONE.shiftLeft(e))).doubleValue();
                return f.applyAsDouble(m) + f.applyAsDouble(2.0) * e;
            }
        }
        double v = real(in, x);
        if (Double.isNaN(v)) {
            return v;
        }
        if (v <= 0) {
            throw in.error("ValueError", "math domain error");
        }
        return f.applyAsDouble(v);
    }

    /**
     * floor, ceil, trunc: ints as they are, floats rounded to an int (CPython's errors for inf and nan), anything
     * else through its class's method (__floor__, __ceil__, __trunc__).
     */
    private static long toInt(Interp in, long x, String dunder, DoubleUnaryOperator round) {
        int kind = in.kind(x);
        if (kind == K_INT) {
            return in.incref(x);
        }
        if (kind == K_BOOL) {
            return in.newInt(in.m.intValue(x));
        }
        if (kind != Interp.K_FLOAT) {
            long fn = in.lookup(in.classOf(x), in.internStr(dunder));
            if (fn != 0) {
                return in.callMethod(fn, x);
            }
            if (dunder.equals("__trunc__")) {
                throw in.typeError("type " + in.classOf(x).name + " doesn't define __trunc__ method");
            }
        }
        double v = real(in, x);
        if (Double.isNaN(v)) {
            throw in.error("ValueError", "cannot convert float NaN to integer");
        }
        if (Double.isInfinite(v)) {
            throw in.error("OverflowError", "cannot convert float infinity to integer");
        }
        return in.newInt(new BigDecimal(round.applyAsDouble(v)).toBigInteger());
    }

    private static long pair(Interp in, long first, long second) {
        try {
            return in.m.newTuple(first, second);
        } finally {
            in.m.decref(first);
            in.m.decref(second);
        }
    }
}
