package org.pymemlab.frontend.interp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Python's text forms of numbers: float repr, and the format-spec mini-language for int, float and str. */
final class Formats {

    private Formats() {
    }

    /** {@code repr(float)}: the shortest string that round-trips, in Python's notation. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int decpt = digits.length() - bd.scale();
        if (decpt <= -4 || decpt > 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int exp = decpt - 1;
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        String body;
        if (decpt <= 0) {
            body = "0." + "0".repeat(-decpt) + digits;
        } else if (decpt >= digits.length()) {
            body = digits + "0".repeat(decpt - digits.length()) + ".0";
        } else {
            body = digits.substring(0, decpt) + "." + digits.substring(decpt);
        }
        return sign + body;
    }

    record Spec(char fill, char align, char sign, boolean alt, boolean zero, int width, char grouping, int precision,
                char type) {
    }

    static Spec parse(String s) {
        int i = 0;
        char fill = ' ';
        char align = 0;
        if (s.length() >= 2 && "<>=^".indexOf(s.charAt(1)) >= 0) {
            fill = s.charAt(0);
            align = s.charAt(1);
            i = 2;
        } else if (!s.isEmpty() && "<>=^".indexOf(s.charAt(0)) >= 0) {
            align = s.charAt(0);
            i = 1;
        }
        char sign = 0;
        if (i < s.length() && "+- ".indexOf(s.charAt(i)) >= 0) {
            sign = s.charAt(i++);
        }
        boolean alt = false;
        if (i < s.length() && s.charAt(i) == '#') {
            alt = true;
            i++;
        }
        boolean zero = false;
        if (i < s.length() && s.charAt(i) == '0') {
            zero = true;
            i++;
        }
        int width = -1;
        int st = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i > st) {
            width = Integer.parseInt(s.substring(st, i));
        }
        char grouping = 0;
        if (i < s.length() && (s.charAt(i) == ',' || s.charAt(i) == '_')) {
            grouping = s.charAt(i++);
        }
        int precision = -1;
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            st = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            precision = Integer.parseInt(s.substring(st, i));
        }
        char type = 0;
        if (i < s.length()) {
            type = s.charAt(i++);
        }
        if (i != s.length()) {
            throw new IllegalArgumentException("Invalid format specifier '" + s + "'");
        }
        if (zero && align == 0) {
            fill = '0';
            align = '=';
        }
        return new Spec(fill, align, sign, alt, zero, width, grouping, precision, type);
    }

    static String pad(String body, String signPrefix, Spec sp, char defaultAlign) {
        char align = sp.align() == 0 ? defaultAlign : sp.align();
        int len = body.length() + signPrefix.length();
        if (sp.width() <= len) {
            return signPrefix + body;
        }
        int padn = sp.width() - len;
        String f = String.valueOf(sp.fill());
        return switch (align) {
            case '<' -> signPrefix + body + f.repeat(padn);
            case '^' -> f.repeat(padn / 2) + signPrefix + body + f.repeat(padn - padn / 2);
            case '=' -> signPrefix + f.repeat(padn) + body;
            default -> f.repeat(padn) + signPrefix + body;
        };
    }

    static String group(String digits, char sep, int every) {
        if (sep == 0) {
            return digits;
        }
        StringBuilder sb = new StringBuilder();
        int n = digits.length();
        for (int i = 0; i < n; i++) {
            if (i > 0 && (n - i) % every == 0) {
                sb.append(sep);
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    static String formatStr(String s, String spec) {
        Spec sp = parse(spec);
        if (sp.type() != 0 && sp.type() != 's') {
            throw new IllegalArgumentException("Unknown format code '" + sp.type() + "' for object of type 'str'");
        }
        if (sp.precision() >= 0 && s.length() > sp.precision()) {
            s = s.substring(0, sp.precision());
        }
        return pad(s, "", sp, '<');
    }

    static String formatInt(BigInteger v, String spec) {
        Spec sp = parse(spec);
        char t = sp.type();
        if ("eEfFgG%".indexOf(t) >= 0 && t != 0) {
            return formatFloat(v.doubleValue(), spec);
        }
        BigInteger a = v.abs();
        String body;
        String prefix = "";
        switch (t) {
            case 'x' -> {
                body = a.toString(16);
                prefix = sp.alt() ? "0x" : "";
            }
            case 'X' -> {
                body = a.toString(16).toUpperCase();
                prefix = sp.alt() ? "0X" : "";
            }
            case 'b' -> {
                body = a.toString(2);
                prefix = sp.alt() ? "0b" : "";
            }
            case 'o' -> {
                body = a.toString(8);
                prefix = sp.alt() ? "0o" : "";
            }
            case 'c' -> body = new String(Character.toChars(v.intValue()));
            case 'd', 'n', 0 -> body = group(a.toString(), sp.grouping(), 3);
            default -> throw new IllegalArgumentException("Unknown format code '" + t + "' for object of type 'int'");
        }
        if (t != 'd' && t != 0 && t != 'n' && sp.grouping() != 0) {
            body = group(body, sp.grouping(), 4);
        }
        String sign = v.signum() < 0 ? "-" : sp.sign() == '+' ? "+" : sp.sign() == ' ' ? " " : "";
        return pad(body, sign + prefix, sp, '>');
    }

    static String formatFloat(double d, String spec) {
        Spec sp = parse(spec);
        char t = sp.type();
        boolean neg = d < 0 || (d == 0 && 1 / d < 0);
        double a = Math.abs(d);
        String body;
        int prec = sp.precision() < 0 ? 6 : sp.precision();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            body = Double.isNaN(d) ? "nan" : "inf";
            if (Character.isUpperCase(t)) {
                body = body.toUpperCase();
            }
        } else {
            switch (t) {
                case 'f', 'F' -> body = fixed(a, prec, sp.grouping());
                case '%' -> body = fixed(a * 100, prec, sp.grouping()) + "%";
                case 'e', 'E' -> {
                    body = sci(a, prec);
                    if (t == 'E') {
                        body = body.toUpperCase();
                    }
                }
                case 'g', 'G' -> body = general(a, prec == 0 ? 1 : prec, sp.alt(), t == 'G');
                case 0 -> {
                    if (sp.precision() < 0) {
                        body = floatRepr(a);
                        if (sp.grouping() != 0) {
                            int dot = body.indexOf('.');
                            body = group(body.substring(0, dot), sp.grouping(), 3) + body.substring(dot);
                        }
                    } else {
                        body = general(a, prec == 0 ? 1 : prec, sp.alt(), false);
                        if (!body.contains(".") && !body.contains("e") && !body.contains("inf")) {
                            // 'None' type with precision keeps at least one digit after the point? no: repr-like
                        }
                    }
                }
                default -> throw new IllegalArgumentException("Unknown format code '" + t + "' for object of type 'float'");
            }
        }
        String sign = neg ? "-" : sp.sign() == '+' ? "+" : sp.sign() == ' ' ? " " : "";
        return pad(body, sign, sp, '>');
    }

    static String fixed(double a, int prec, char grouping) {
        String s = new BigDecimal(a).setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
        if (grouping != 0) {
            int dot = s.indexOf('.');
            String ip = dot < 0 ? s : s.substring(0, dot);
            s = group(ip, grouping, 3) + (dot < 0 ? "" : s.substring(dot));
        }
        return s;
    }

    static String sci(double a, int prec) {
        if (a == 0) {
            return "0" + (prec > 0 ? "." + "0".repeat(prec) : "") + "e+00";
        }
        BigDecimal bd = new BigDecimal(a);
        BigDecimal r = bd.round(new java.math.MathContext(prec + 1, RoundingMode.HALF_EVEN));
        String digits = r.unscaledValue().toString();
        int exp = digits.length() - 1 - r.scale();
        while (digits.length() < prec + 1) {
            digits += "0";
        }
        digits = digits.substring(0, prec + 1);
        String mant = prec > 0 ? digits.charAt(0) + "." + digits.substring(1) : digits;
        return mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    static String general(double a, int prec, boolean alt, boolean upper) {
        if (a == 0) {
            return "0";
        }
        BigDecimal r = new BigDecimal(a).round(new java.math.MathContext(prec, RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        String s;
        if (exp >= -4 && exp < prec) {
            s = r.setScale(Math.max(prec - 1 - exp, 0), RoundingMode.HALF_EVEN).toPlainString();
            if (!alt && s.contains(".")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
        } else {
            s = sci(a, prec - 1);
            if (!alt) {
                int e = s.indexOf('e');
                String m = s.substring(0, e);
                if (m.contains(".")) {
                    m = m.replaceAll("0+$", "").replaceAll("\\.$", "");
                }
                s = m + s.substring(e);
            }
        }
        return upper ? s.toUpperCase() : s;
    }
}
