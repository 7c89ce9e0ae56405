package org.pymemlab.cli.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html opened in headless Chromium: it loads without console errors, its DOM has every chart decoded,
 * and a screenshot of it is not blank. Skipped where there is no Chromium ({@code apt-get install chromium}).
 */
class ReportInChromiumTest {

    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");

    @TempDir
    Path dir;

    private static Path chromium() {
        String configured = System.getenv("PYMEM_CHROMIUM");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Path.of(configured);
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    }

    private Process chromium(Path binary, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile"), "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(dir.resolve("chromium-" + System.nanoTime() + ".log").toFile())
                .start();
    }

    @Test
    void reportOpensWithoutErrorsAndIsNotBlank() throws Exception {
        Path binary = chromium();
        assumeTrue(binary != null, "no Chromium: apt-get install -y chromium");
        Path out = dir.resolve("out");
        Pymem.run("compare", "--no-fork", "-q", "--workload", "gc-collect", "--collector",
                "generational,refcount-only", "--repeat", "2", "--warmup", "0",
                "--set", "pymem.workloads.gc-collect.rounds=2", "--out", out.toString()).ok();
        Path html = out.resolve("report.html");

        // The DOM after load: every chart is an <img> that decoded to a real size.
        Path checker = dir.resolve("check.html");
        Files.writeString(checker, """
                <!DOCTYPE html><html><body><iframe id="r" src="%s" width="1200" height="800"></iframe>
                <pre id="result">pending</pre>
                <script>
                document.getElementById('r').onload = () => {
                  const d = document.getElementById('r').contentDocument;
                  const imgs = [...d.querySelectorAll('img.chart')];
                  const ok = imgs.filter(i => i.complete && i.naturalWidth > 100).length;
                  document.getElementById('result').textContent = 'charts ' + imgs.length + ' decoded ' + ok;
                };
                </script></body></html>
                """.formatted(html.toUri()));
        Process dump = chromium(binary, "--allow-file-access-from-files", "--virtual-time-budget=5000",
                "--dump-dom", checker.toUri().toString());
        String dom = new String(dump.getInputStream().readAllBytes());
        assertTrue(dump.waitFor(120, TimeUnit.SECONDS), "chromium --dump-dom did not finish");
        String result = dom.replaceAll("(?s).*<pre id=\"result\">([^<]*)</pre>.*", "$1");
        System.out.println("chromium: " + result);
        assertTrue(result.matches("charts (\\d+) decoded \\1"), result);
        assertFalse(result.equals("charts 0 decoded 0"), result);

        Path screenshot = dir.resolve("report.png");
        Process shot = chromium(binary, "--window-size=1200,1600", "--screenshot=" + screenshot,
                html.toUri().toString());
        assertTrue(shot.waitFor(120, TimeUnit.SECONDS), "chromium --screenshot did not finish");
        assertEquals(0, shot.exitValue());
        for (Path log : Files.newDirectoryStream(dir, "chromium-*.log")) {
            for (String line : Files.readAllLines(log)) {
                assertFalse(line.contains(":CONSOLE(") && line.contains("rror"), "console error: " + line);
            }
        }
        BufferedImage image = ImageIO.read(screenshot.toFile());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        System.out.println("screenshot " + image.getWidth() + "x" + image.getHeight() + ", " + colours.size()
                + " colours");
        assertTrue(colours.size() > 20, "blank screenshot: " + colours.size() + " colours");
    }
}
