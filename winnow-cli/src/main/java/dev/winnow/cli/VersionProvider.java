package dev.winnow.cli;

import java.util.Properties;
import picocli.CommandLine;

/** Reads the version from the jar manifest, falling back to the build's resource file. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws Exception {
        String version = Main.class.getPackage().getImplementationVersion();
        if (version == null) {
            var props = new Properties();
            try (var in = Main.class.getResourceAsStream("/winnow-version.properties")) {
                if (in != null) {
                    props.load(in);
                }
            }
            version = props.getProperty("version", "unknown");
        }
        return new String[] {"winnow " + version};
    }
}
