package org.pymemlab.interning;

/** The kinds of request an interner counts, named as {@link org.pymemlab.api.interning.InternerStats} names them. */
enum InternCategory {
    INT("int"),
    STR("str"),
    BYTES("bytes"),
    TUPLE("tuple"),
    INTERN("intern");

    private final String statsKey;

    InternCategory(String statsKey) {
        this.statsKey = statsKey;
    }

    String statsKey() {
        return statsKey;
    }
}
