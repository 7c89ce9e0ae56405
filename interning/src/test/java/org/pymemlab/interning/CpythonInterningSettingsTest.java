package org.pymemlab.interning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pymemlab.api.PluginConfigException;

/** The reference.conf defaults, and the one-line message for every kind of bad value. */
class CpythonInterningSettingsTest {

    @Test
    void defaultsAreCpythons() {
        CpythonInterningSettings settings = CpythonInterningSettings.from(ConfigFactory.defaultReference());
        assertEquals(new CpythonInterningSettings(-5, 256, true, true), settings);
        assertEquals(262, settings.smallIntCount());
    }

    @Test
    void keysMapToSettings() {
        CpythonInterningSettings settings = CpythonInterningSettings.from(with("""
                pymem.cpython-interning { small-int-min = 0, small-int-max = 1000,
                                          single-char-strings = false, single-byte-bytes = no }"""));
        assertEquals(new CpythonInterningSettings(0, 1000, false, false), settings);
    }

    @Test
    void theLargestRangeIsAccepted() {
        CpythonInterningSettings settings = CpythonInterningSettings.from(with(
                "pymem.cpython-interning { small-int-min = -1, small-int-max = 999998 }"));
        assertEquals(1_000_000, settings.smallIntCount());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            small-int-min = 300                       | pymem.cpython-interning.small-int-max = 256: an integer >= small-int-min (300)
            small-int-max = -6                        | pymem.cpython-interning.small-int-max = -6: an integer >= small-int-min (-5)
            small-int-max = 999995                    | pymem.cpython-interning.small-int-max = 999995: at most 1000000 ints from small-int-min (-5), so at most 999994
            small-int-max = 9223372036854775807       | pymem.cpython-interning.small-int-max = 9223372036854775807: at most 1000000 ints from small-int-min (-5), so at most 999994
            small-int-min = -9223372036854775808      | pymem.cpython-interning.small-int-max = 256: at most 1000000 ints from small-int-min (-9223372036854775808), so at most -9223372036853775809
            small-int-min = abc                       | pymem.cpython-interning.small-int-min = "abc": an integer
            small-int-max = 2.5                       | pymem.cpython-interning.small-int-max = 2.5: an integer
            single-char-strings = maybe               | pymem.cpython-interning.single-char-strings = "maybe": true or false
            single-byte-bytes = 1                     | pymem.cpython-interning.single-byte-bytes = 1: true or false
            startup-interned-chars = 5                | pymem.cpython-interning.startup-interned-chars = 5: a string
            startup-interned-chars = "\u0100"         | pymem.cpython-interning.startup-interned-chars = Ā: a string of latin-1 characters (code points below 256)
            small-int-maxx = 300                      | pymem.cpython-interning.small-int-maxx = 300: not a setting of the cpython interning policy; the settings are small-int-min, small-int-max, single-char-strings, single-byte-bytes, startup-interned-chars
            """)
    void badValuesAreOneLineNamingKeyValueAndAllowed(String setting, String message) {
        PluginConfigException e = assertThrows(PluginConfigException.class,
                () -> CpythonInterningSettings.from(with("pymem.cpython-interning." + setting)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aMissingSectionOrKeyIsNamed() {
        PluginConfigException noSection = assertThrows(PluginConfigException.class,
                () -> CpythonInterningSettings.from(ConfigFactory.empty()));
        assertEquals("pymem.cpython-interning = (missing): an object with the keys small-int-min, small-int-max, "
                + "single-char-strings, single-byte-bytes, startup-interned-chars", noSection.getMessage());

        PluginConfigException notAnObject = assertThrows(PluginConfigException.class,
                () -> CpythonInterningSettings.from(ConfigFactory.parseString("pymem.cpython-interning = 5")));
        assertEquals("pymem.cpython-interning", notAnObject.key());

        PluginConfigException noKey = assertThrows(PluginConfigException.class, () -> CpythonInterningSettings.from(
                ConfigFactory.parseString("pymem.cpython-interning { small-int-min = -5 }")));
        assertEquals("pymem.cpython-interning.small-int-max = (missing): an integer", noKey.getMessage());
    }

    private static Config with(String hocon) {
        return ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()).resolve();
    }
}
