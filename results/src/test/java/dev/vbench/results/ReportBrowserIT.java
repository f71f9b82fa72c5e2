package dev.vbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens report.html in headless Chromium (Debian package {@code chromium}). Fails, never skips, when Chromium is
 * missing. Chromium gets a host-resolver rule that resolves no name, so neither the page nor Chromium's own
 * background services can reach the network; the net log then shows every request anything tried to make.
 *
 * <ul>
 * <li>every {@code <img>} loaded: a copy of the page with a small inline script writes each image's natural
 * size into the DOM on load, read back with {@code --dump-dom};</li>
 * <li>the page fetched nothing over the network: no request in the net log was initiated by the page (browser
 * background requests carry the initiator "not an origin"), checked to catch a page that does;</li>
 * <li>a screenshot is kept in the build directory: {@code report-it/report.png}.</li>
 * </ul>
 */
class ReportBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern PROBE = Pattern.compile("<pre id=\"vbench-probe\">([^<]*)</pre>");
    private static final String PROBE_SCRIPT = """
            <script>
            window.addEventListener('load', function () {
              var lines = [];
              for (var i = 0; i < document.images.length; i++) {
                var img = document.images[i];
                lines.push(img.getAttribute('src') + ' ' + img.naturalWidth + ' ' + img.naturalHeight);
              }
              var pre = document.createElement('pre');
              pre.id = 'vbench-probe';
              pre.textContent = lines.join('\\n');
              document.body.appendChild(pre);
            });
            </script>
            """;

    private static Path dir;

    @BeforeAll
    static void writeReport() throws IOException {
        assertThat(CHROMIUM).as("headless Chromium is required: apt-get install -y chromium").isExecutable();
        dir = Path.of(System.getProperty("vbench.buildDirectory", "target")).resolve("report-it").toAbsolutePath();
        Files.createDirectories(dir);
        Analysis.write(dir, LabFixture.samples(), LabFixture.BASELINE, LabFixture.claims(), LabFixture.context());
    }

    @Test
    void everyImageLoadsAndNothingIsFetchedFromTheNetwork() throws Exception {
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        AnalysisTest.assertOffline(html);
        Path probe = dir.resolve("report-probe.html");
        Files.writeString(probe, html.replace("</body>", PROBE_SCRIPT + "</body>"), StandardCharsets.UTF_8);

        Browsed browsed = browse(probe, "--dump-dom");

        Matcher m = PROBE.matcher(browsed.stdout());
        assertThat(m.find()).as("probe output in the dumped DOM:\n%s", browsed.stdout()).isTrue();
        List<String> images = m.group(1).lines().toList();
        assertThat(images).hasSize(6);
        for (String image : images) {
            String[] parts = image.split(" ");
            BufferedImage file = ImageIO.read(dir.resolve(parts[0]).toFile());
            assertThat(Integer.parseInt(parts[1])).as("natural width of %s", parts[0]).isEqualTo(file.getWidth());
            assertThat(Integer.parseInt(parts[2])).as("natural height of %s", parts[0]).isEqualTo(file.getHeight());
        }
        assertThat(pageRequests(browsed.netLog())).isEmpty();
    }

    @Test
    void theNetworkCheckCatchesAPageThatFetchesSomething() throws Exception {
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        Path bad = dir.resolve("report-bad.html");
        Files.writeString(bad, html.replace("</main>", "<img src=\"http://vbench.invalid/x.png\"></main>"));
        Browsed browsed = browse(bad, "--dump-dom");
        assertThat(pageRequests(browsed.netLog())).containsExactly("http://vbench.invalid/x.png");
    }

    @Test
    void keepsAScreenshot() throws Exception {
        Path shot = dir.resolve("report.png");
        Files.deleteIfExists(shot);
        browse(dir.resolve("report.html"), "--screenshot=" + shot, "--window-size=1280,2000");
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(2000);
    }

    /** URLs of every network request initiated by a page (rather than by the browser itself). */
    private static List<String> pageRequests(Path netLog) throws IOException {
        JsonNode log = new ObjectMapper().readTree(netLog.toFile());
        Map<Integer, String> types = new HashMap<>();
        log.get("constants").get("logEventTypes").fields()
                .forEachRemaining(e -> types.put(e.getValue().asInt(), e.getKey()));
        List<String> urls = new ArrayList<>();
        for (JsonNode event : log.get("events")) {
            JsonNode params = event.get("params");
            if ("URL_REQUEST_START_JOB".equals(types.get(event.get("type").asInt())) && params != null
                    && params.has("url") && !"not an origin".equals(params.path("initiator").asText())) {
                urls.add(params.get("url").asText());
            }
        }
        return urls;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private record Browsed(String stdout, Path netLog) {
    }

    private static Browsed browse(Path page, String... action) throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        Path netLog = dir.resolve(page.getFileName() + ".netlog.json");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--no-first-run",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + profile, "--log-net-log=" + netLog));
        command.addAll(List.of(action));
        command.add(page.toUri().toString());
        Path stdout = dir.resolve(page.getFileName() + ".stdout");
        Path stderr = dir.resolve(page.getFileName() + ".stderr");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("chromium did not finish within 120 s: " + command);
            }
        } finally {
            deleteTree(profile);
        }
        assertThat(process.exitValue()).as("chromium exit status; stderr:\n%s", Files.readString(stderr)).isZero();
        return new Browsed(Files.readString(stdout, StandardCharsets.UTF_8), netLog);
    }
}
