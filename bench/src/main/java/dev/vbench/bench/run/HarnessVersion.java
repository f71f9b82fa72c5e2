package dev.vbench.bench.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The harness' own version and git commit, baked into the jar at build time. */
public record HarnessVersion(String version, String commit, boolean dirty) {

    public static HarnessVersion current() {
        Properties version = load("/vbench-version.properties");
        Properties git = load("/vbench-git.properties");
        return new HarnessVersion(version.getProperty("version", "unknown"),
                git.getProperty("git.commit.id.full", "unknown"),
                Boolean.parseBoolean(git.getProperty("git.dirty", "false")));
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = HarnessVersion.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // absent build metadata is reported as "unknown"
        }
        return p;
    }

    @Override
    public String toString() {
        return version + " (" + commit + (dirty ? ", modified" : "") + ")";
    }
}
