package dev.opateams.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The swagger-parser modules come from openapi-diff and from the parent pom's swagger-parser entry.
 * They share packages, so a classpath or cli jar that mixes two releases runs classes of both.
 */
class SwaggerParserVersionTest {

    private static final List<String> MODULES = List.of("swagger-parser", "swagger-parser-core",
            "swagger-parser-v3", "swagger-parser-v2-converter", "swagger-parser-safe-url-resolver");

    @Test
    void swaggerParserModulesShareOneVersion() throws IOException {
        List<String> parserVersions = versions("swagger-parser");

        assertThat(parserVersions).hasSize(1);
        String expected = parserVersions.get(0);
        for (String module : MODULES) {
            assertThat(versions(module)).as(module).containsExactly(expected);
        }
    }

    /** Reads the version of every copy of the module on the test classpath. */
    private static List<String> versions(String module) throws IOException {
        String resource = "META-INF/maven/io.swagger.parser.v3/" + module + "/pom.properties";
        List<String> versions = new ArrayList<>();
        for (URL url : Collections.list(SwaggerParserVersionTest.class.getClassLoader().getResources(resource))) {
            Properties properties = new Properties();
            try (InputStream in = url.openStream()) {
                properties.load(in);
            }
            versions.add(properties.getProperty("version"));
        }
        return versions;
    }
}
