package org.pymemlab.frontend.ast;

/** Operator enums, named as in CPython's {@code ast} module ({@link #pyName()}). */
public final class Ops {
    private Ops() {
    }

    /** Expression context of Name, Attribute, Subscript, Starred, List and Tuple. */
    public enum Ctx {
        LOAD("Load"), STORE("Store"), DEL("Del");

        private final String pyName;

        Ctx(String pyName) {
            this.pyName = pyName;
        }

        /** The CPython class name, e.g. {@code Load}. */
        public String pyName() {
            return pyName;
        }
    }

    /** {@code and} / {@code or}. */
    public enum BoolOpKind {
        AND("And"), OR("Or");

        private final String pyName;

        BoolOpKind(String pyName) {
            this.pyName = pyName;
        }

        /** The CPython class name. */
        public String pyName() {
            return pyName;
        }
    }

    /** Binary operators. */
    public enum BinOpKind {
        ADD("Add", "+"), SUB("Sub", "-"), MULT("Mult", "*"), MATMULT("MatMult", "@"), DIV("Div", "/"),
        MOD("Mod", "%"), POW("Pow", "**"), LSHIFT("LShift", "<<"), RSHIFT("RShift", ">>"),
        BITOR("BitOr", "|"), BITXOR("BitXor", "^"), BITAND("BitAnd", "&"), FLOORDIV("FloorDiv", "//");

        private final String pyName;
        private final String symbol;

        BinOpKind(String pyName, String symbol) {
            this.pyName = pyName;
            this.symbol = symbol;
        }

        /** The CPython class name. */
        public String pyName() {
            return pyName;
        }

        /** The operator as written, e.g. {@code //}. */
        public String symbol() {
            return symbol;
        }
    }

    /** Unary operators. */
    public enum UnaryOpKind {
        INVERT("Invert"), NOT("Not"), UADD("UAdd"), USUB("USub");

        private final String pyName;

        UnaryOpKind(String pyName) {
            this.pyName = pyName;
        }

        /** The CPython class name. */
        public String pyName() {
            return pyName;
        }
    }

    /** Comparison operators. */
    public enum CmpOpKind {
        EQ("Eq"), NOT_EQ("NotEq"), LT("Lt"), LT_E("LtE"), GT("Gt"), GT_E("GtE"),
        IS("Is"), IS_NOT("IsNot"), IN("In"), NOT_IN("NotIn");

        private final String pyName;

        CmpOpKind(String pyName) {
            this.pyName = pyName;
        }

        /** The CPython class name. */
        public String pyName() {
            return pyName;
        }
    }
}
