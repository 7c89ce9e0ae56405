package org.pymemlab.runtime.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every vector CPython wrote with {@code tools/oracle/hash_vectors.py} (see the header of each file for
 * the interpreter and seed), rebuilt here and hashed through every path {@link PyHash} offers for it:
 * Java values, native memory, and (for ints) CPython's 30-bit digits.
 */
class CpythonHashVectorsTest {

    private static final List<String> FILES = List.of("hash/cpython-seed0.json", "hash/cpython-seed12345.json");

    @TestFactory
    Stream<DynamicNode> everyVectorMatchesCpython() {
        return FILES.stream().map(file -> {
            JsonNode document = read(file);
            JsonNode header = document.get("header");
            PyHash pyHash = new PyHash(HashSecret.fromSeed(Long.parseLong(header.get("pythonhashseed").asText())));
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("header", () -> {
                JsonNode info = header.get("hash_info");
                assertEquals("siphash13", info.get("algorithm").asText());
                assertEquals(0, info.get("cutoff").asInt());
                assertEquals(PyHash.MODULUS, info.get("modulus").asLong());
                assertEquals(PyHash.INF, info.get("inf").asLong());
                assertTrue(header.get("different_vectors_under").isEmpty(), "versions disagree: " + header);
            }));
            int index = 0;
            for (JsonNode vector : document.get("vectors")) {
                String name = index++ + " " + vector.get("type").asText() + " " + describe(vector);
                tests.add(DynamicTest.dynamicTest(name, () -> assertHashes(pyHash, vector)));
            }
            return DynamicContainer.dynamicContainer(file, tests);
        });
    }

    /** Asserts every way of hashing {@code vector} gives CPython's value, and returns it. */
    private static long assertHashes(PyHash pyHash, JsonNode vector) {
        long expected = vector.get("hash").asLong();
        String what = describe(vector);
        switch (vector.get("type").asText()) {
            case "str" -> {
                int[] codePoints = codePoints(vector);
                String value = new String(codePoints, 0, codePoints.length);
                assertEquals(expected, pyHash.strHash(value), what);
                int kind = UnicodeKind.of(value);
                byte[] data = UnicodeKind.canonicalBytes(value, kind);
                assertEquals(data.length, codePoints.length * kind, what);
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment memory = arena.allocate(Math.max(1, data.length));
                    MemorySegment.copy(data, 0, memory, ValueLayout.JAVA_BYTE, 0, data.length);
                    assertEquals(expected, pyHash.strHash(memory.address(), codePoints.length, kind), what);
                }
            }
            case "bytes" -> {
                byte[] value = HexFormat.of().parseHex(vector.get("hex").asText());
                assertEquals(expected, pyHash.bytesHash(value), what);
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment memory = arena.allocate(Math.max(1, value.length));
                    MemorySegment.copy(value, 0, memory, ValueLayout.JAVA_BYTE, 0, value.length);
                    assertEquals(expected, pyHash.bytesHash(memory.address(), value.length), what);
                }
            }
            case "int" -> {
                BigInteger value = new BigInteger(vector.get("decimal").asText());
                assertEquals(expected, PyHash.intHash(value), what);
                if (value.bitLength() < Long.SIZE) {
                    assertEquals(expected, PyHash.intHash(value.longValueExact()), what);
                }
                assertEquals(expected, hashOfDigits(value), what);
                // A float equal to the int hashes the same, when the float is exact.
                double asDouble = value.doubleValue();
                if (!Double.isInfinite(asDouble) && new BigDecimal(asDouble).toBigIntegerExact().equals(value)) {
                    assertEquals(expected, PyHash.floatHash(asDouble, 0), what + " as float");
                }
            }
            case "float" -> {
                double value = parseFloatHex(vector.get("hex").asText());
                long address = vector.has("id") ? vector.get("id").asLong() : 0;
                assertEquals(expected, PyHash.floatHash(value, address), what);
            }
            case "tuple" -> {
                List<Long> items = itemHashes(pyHash, vector);
                long acc = PyHash.tupleHashStart();
                for (long item : items) {
                    acc = PyHash.tupleHashAdd(acc, item);
                }
                assertEquals(expected, PyHash.tupleHashFinish(acc, items.size()), what);
                assertEquals(expected, PyHash.tupleHash(items.stream().mapToLong(Long::longValue).toArray()), what);
            }
            case "frozenset" -> {
                List<Long> items = itemHashes(pyHash, vector);
                assertEquals(expected, PyHash.frozensetHash(items.stream().mapToLong(Long::longValue).toArray()), what);
                long[] reversed = items.reversed().stream().mapToLong(Long::longValue).toArray();
                assertEquals(expected, PyHash.frozensetHash(reversed), what + " in another order");
            }
            default -> throw new AssertionError("unknown vector type in " + vector);
        }
        return expected;
    }

    private static List<Long> itemHashes(PyHash pyHash, JsonNode container) {
        List<Long> hashes = new ArrayList<>();
        for (JsonNode item : container.get("items")) {
            hashes.add(assertHashes(pyHash, item));
        }
        return hashes;
    }

    /** Lays {@code value} out as CPython's 30-bit digits in native memory and hashes those. */
    private static long hashOfDigits(BigInteger value) {
        BigInteger magnitude = value.abs();
        int ndigits = (magnitude.bitLength() + 29) / 30;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment digits = arena.allocate(4L * Math.max(1, ndigits), 4);
            for (int i = 0; i < ndigits; i++) {
                int digit = magnitude.shiftRight(30 * i).intValue() & ((1 << 30) - 1);
                digits.setAtIndex(ValueLayout.JAVA_INT, i, digit);
            }
            return PyHash.intHashOfDigits(digits.address(), ndigits, value.signum() < 0);
        }
    }

    /** Python's {@code float.hex} output: {@code 0x1.8p+0}, {@code -0x0.0p+0}, {@code inf}, {@code -inf}, {@code nan}. */
    private static double parseFloatHex(String hex) {
        return switch (hex) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(hex);
        };
    }

    private static int[] codePoints(JsonNode vector) {
        JsonNode list = vector.get("codepoints");
        int[] codePoints = new int[list.size()];
        for (int i = 0; i < codePoints.length; i++) {
            codePoints[i] = list.get(i).asInt();
        }
        return codePoints;
    }

    private static String describe(JsonNode vector) {
        String text = vector.has("decimal") ? vector.get("decimal").asText()
                : vector.has("hex") ? vector.get("hex").asText()
                : vector.has("codepoints") ? vector.get("codepoints").toString()
                : vector.get("items").size() + " items";
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = CpythonHashVectorsTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
