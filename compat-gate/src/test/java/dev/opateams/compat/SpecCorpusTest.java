package dev.opateams.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every rule against a pair of specs: the corpus base spec and a copy with one change.
 * Breaking cases must be reported with their rule and fail the gate. Compatible cases must
 * produce no breaking change and no warning.
 */
class SpecCorpusTest {

    /** The rule of a compatible case that must produce no change at all. */
    private static final String NO_CHANGE = "none";

    private static final String NEW_PATH = """
              /teams/{team_name}/users:
                get:
                  operationId: listUsers
                  parameters:
                    - name: team_name
                      in: path
                      required: true
                      schema:
                        type: string
                  responses:
                    '200':
                      description: The users.
            components:
            """;

    private static final List<CorpusCase> CASES = List.of(
            // Breaking for existing clients or existing server implementations.
            breaking("path removed", "path-removed",
                    cut("  /teams/{team_name}/roles:\n", "          description: The roles.\n")),
            breaking("operation removed", "operation-removed",
                    cut("    post:\n      operationId: createServer\n", "          description: Created.\n")),
            breaking("query parameter removed", "parameter-removed",
                    cut("        - name: hostname\n", "            maxLength: 255\n")),
            breaking("query parameter renamed", "parameter-renamed",
                    replace("        - name: hostname\n", "        - name: host_name\n")),
            warning("path parameter renamed", "path-parameter-renamed",
                    replace("  /teams/{team_name}/roles:\n    get:\n      operationId: listRoles\n"
                                    + "      parameters:\n        - name: team_name\n",
                            "  /teams/{team}/roles:\n    get:\n      operationId: listRoles\n"
                                    + "      parameters:\n        - name: team\n")),
            breaking("required parameter added", "required-parameter-added",
                    replace("        - name: hostname\n", "        - name: region\n          in: query\n"
                            + "          required: true\n          schema:\n            type: string\n"
                            + "        - name: hostname\n")),
            breaking("parameter made required", "parameter-made-required",
                    replace("        - name: count\n          in: query\n",
                            "        - name: count\n          in: query\n          required: true\n")),
            breaking("property type changed", "type-changed",
                    replace("        id:\n          type: string\n          format: uuid\n",
                            "        id:\n          type: integer\n          format: int64\n")),
            breaking("parameter format changed", "format-changed",
                    replace("            format: int32\n            minimum: 1\n",
                            "            format: int64\n            minimum: 1\n")),
            breaking("request minimum raised", "request-constraint-narrowed",
                    replace("          minimum: 1\n          maximum: 65535\n",
                            "          minimum: 1024\n          maximum: 65535\n")),
            breaking("request maximum lowered", "request-constraint-narrowed",
                    replace("            maximum: 1000\n", "            maximum: 100\n")),
            breaking("request maxLength lowered", "request-constraint-narrowed",
                    replace("          minLength: 1\n          maxLength: 255\n",
                            "          minLength: 1\n          maxLength: 64\n")),
            breaking("request pattern added", "request-constraint-narrowed",
                    replace("        label:\n          type: string\n",
                            "        label:\n          type: string\n          pattern: '^[a-z]+$'\n")),
            breaking("request enum value removed", "request-enum-value-removed",
                    replace("\n            enum: [ACTIVE, INACTIVE]\n", "\n            enum: [ACTIVE]\n")),
            breaking("required request property added", "required-request-property-added",
                    replace("      required: [hostname]\n      properties:\n",
                            "      required: [hostname, region]\n      properties:\n"
                                    + "        region:\n          type: string\n")),
            breaking("request property made required", "request-property-made-required",
                    replace("      required: [hostname]\n", "      required: [hostname, label]\n")),
            breaking("response property removed", "response-property-removed",
                    replace("        os:\n          type: string\n", "")),
            breaking("response property made optional", "response-property-made-optional",
                    replace("required: [id, hostname, state]", "required: [id, state]")),
            breaking("response property made nullable", "response-property-made-nullable",
                    replace("        hostname:\n          type: string\n        state:\n",
                            "        hostname:\n          type: string\n          nullable: true\n        state:\n")),
            breaking("response status removed", "response-status-removed",
                    replace("        '404':\n          description: No such team.\n", "")),
            breaking("security requirement added", "security-requirement-added",
                    replace("      security: []\n", "")),
            breaking("global security scheme added", "security-requirement-added",
                    both(replace("security:\n  - bearerAuth: []\npaths:\n",
                                    "security:\n  - bearerAuth: []\n    apiKey: []\npaths:\n"),
                            replace("  securitySchemes:\n", "  securitySchemes:\n    apiKey:\n      type: apiKey\n"
                                    + "      in: header\n      name: X-Api-Key\n"))),
            breaking("response media type changed", "media-type-changed",
                    replace("            application/json:\n              schema:\n"
                                    + "                $ref: '#/components/schemas/ServerList'\n",
                            "            application/xml:\n              schema:\n"
                                    + "                $ref: '#/components/schemas/ServerList'\n")),
            breaking("request media type changed", "media-type-changed",
                    replace("          application/json:\n            schema:\n"
                                    + "              $ref: '#/components/schemas/ServerCreate'\n",
                            "          application/x-www-form-urlencoded:\n            schema:\n"
                                    + "              $ref: '#/components/schemas/ServerCreate'\n")),
            breaking("response header removed", "response-header-removed",
                    cut("          headers:\n", "                type: integer\n")),
            breaking("response header made optional", "response-header-made-optional",
                    replace("              required: true\n", "              required: false\n")),
            breaking("parameter style changed", "parameter-serialization-changed",
                    replace("        - name: state\n          in: query\n",
                            "        - name: state\n          in: query\n          style: pipeDelimited\n")),
            breaking("request body removed", "request-body-removed",
                    cut("      requestBody:\n", "              $ref: '#/components/schemas/ServerCreate'\n")),
            warning("request body made optional", "request-body-made-optional",
                    replace("      requestBody:\n        required: true\n", "      requestBody:\n        required: false\n")),
            warning("request property removed", "request-property-removed",
                    replace("        label:\n          type: string\n", "")),
            warning("request default added", "default-changed",
                    replace("            maximum: 1000\n", "            maximum: 1000\n            default: 100\n")),
            warning("response enum value added", "response-enum-value-added",
                    replace("\n          enum: [ACTIVE, INACTIVE]\n", "\n          enum: [ACTIVE, INACTIVE, DELETED]\n")),

            // Compatible for both sides.
            compatible("operation added", "operation-added", replace("components:\n", NEW_PATH)),
            compatible("optional parameter added", "optional-parameter-added",
                    replace("        - name: hostname\n", "        - name: region\n          in: query\n"
                            + "          schema:\n            type: string\n        - name: hostname\n")),
            compatible("optional request property added", "optional-request-property-added",
                    replace("        label:\n          type: string\n",
                            "        label:\n          type: string\n        notes:\n          type: string\n")),
            compatible("response property added", "response-property-added",
                    replace("        os:\n          type: string\n", "        os:\n          type: string\n"
                            + "        created_at:\n          type: string\n          format: date-time\n")),
            compatible("required readOnly property added", NO_CHANGE,
                    replace("      required: [hostname]\n      properties:\n",
                            "      required: [hostname, id]\n      properties:\n"
                                    + "        id:\n          type: string\n          readOnly: true\n")),
            compatible("request maxLength raised", "request-constraint-widened",
                    replace("          minLength: 1\n          maxLength: 255\n",
                            "          minLength: 1\n          maxLength: 1024\n")),
            compatible("request maximum raised", "request-constraint-widened",
                    replace("            maximum: 1000\n", "            maximum: 5000\n")),
            compatible("request minimum lowered", "request-constraint-widened",
                    replace("          minimum: 1\n          maximum: 65535\n",
                            "          minimum: 0\n          maximum: 65535\n")),
            compatible("request enum value added", "request-enum-value-added",
                    replace("\n            enum: [ACTIVE, INACTIVE]\n", "\n            enum: [ACTIVE, INACTIVE, DELETED]\n")),
            compatible("response property made required", "response-property-made-required",
                    replace("required: [id, hostname, state]", "required: [id, hostname, state, os]")),
            compatible("security alternative added", "security-alternative-added",
                    both(replace("security:\n  - bearerAuth: []\npaths:\n",
                                    "security:\n  - bearerAuth: []\n  - apiKey: []\npaths:\n"),
                            replace("  securitySchemes:\n", "  securitySchemes:\n    apiKey:\n      type: apiKey\n"
                                    + "      in: header\n      name: X-Api-Key\n"))),
            compatible("summary changed", "documentation-changed",
                    replace("      summary: List servers\n", "      summary: List the servers of a team\n")),
            compatible("property description added", "documentation-changed",
                    replace("        os:\n          type: string\n",
                            "        os:\n          type: string\n          description: The operating system.\n")));

    private static String base;

    @BeforeAll
    static void readBase() throws IOException {
        try (InputStream in = SpecCorpusTest.class.getResourceAsStream("/corpus/base.yaml")) {
            base = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void corpusVerdictsMatch() {
        SpecComparator comparator = new SpecComparator();
        int breakingCases = 0;
        int breakingDetected = 0;
        int warningCases = 0;
        int warningsDetected = 0;
        int compatibleCases = 0;
        int falseAlarms = 0;
        List<String> failures = new ArrayList<>();

        for (CorpusCase corpusCase : CASES) {
            String changed = corpusCase.mutation().apply(base);
            List<Change> changes = comparator.compare(base, changed);
            boolean ruleFound = corpusCase.rule().equals(NO_CHANGE) ? changes.isEmpty() : changes.stream().anyMatch(
                    c -> c.rule().equals(corpusCase.rule()) && c.severity() == corpusCase.expected());
            boolean alarm = changes.stream().anyMatch(c -> c.severity() != Severity.COMPATIBLE);
            System.out.printf("%-10s %-36s -> %s%n", corpusCase.expected(), corpusCase.name(), changes.stream()
                    .map(c -> c.severity() + " " + c.rule()).distinct().toList());

            switch (corpusCase.expected()) {
                case BREAKING -> {
                    breakingCases++;
                    breakingDetected += ruleFound ? 1 : 0;
                }
                case WARNING -> {
                    warningCases++;
                    warningsDetected += ruleFound ? 1 : 0;
                }
                case COMPATIBLE -> {
                    compatibleCases++;
                    falseAlarms += alarm ? 1 : 0;
                }
            }
            if (!ruleFound || (corpusCase.expected() == Severity.COMPATIBLE && alarm)) {
                failures.add(corpusCase.name() + ": expected " + corpusCase.expected() + " " + corpusCase.rule()
                        + " but got " + changes);
            }
        }
        System.out.printf("%d of %d breaking changes detected, %d false alarms on %d compatible changes%n",
                breakingDetected, breakingCases, falseAlarms, compatibleCases);
        System.out.printf("%d of %d warnings detected%n", warningsDetected, warningCases);

        assertThat(failures).isEmpty();
        assertThat(breakingDetected).isEqualTo(breakingCases);
        assertThat(warningsDetected).isEqualTo(warningCases);
        assertThat(falseAlarms).isZero();
    }

    @Test
    void breakingCasesFailGate() {
        SpecComparator comparator = new SpecComparator();

        for (CorpusCase corpusCase : CASES) {
            List<Change> changes = comparator.compare(base, corpusCase.mutation().apply(base));
            GateResult sameMajor = new GateResult("base", "1.0.0", "changed", "1.1.0-SNAPSHOT", false, changes);
            GateResult newMajor = new GateResult("base", "1.0.0", "changed", "2.0.0-SNAPSHOT", false, changes);

            assertThat(sameMajor.passed()).as(corpusCase.name())
                    .isEqualTo(corpusCase.expected() != Severity.BREAKING);
            assertThat(newMajor.passed()).as(corpusCase.name()).isTrue();
        }
    }

    @Test
    void identicalSpecsHaveNoChanges() {
        List<Change> changes = new SpecComparator().compare(base, base);

        assertThat(changes).isEmpty();
    }

    @Test
    void mutationsChangeBase() {
        for (CorpusCase corpusCase : CASES) {
            assertThat(corpusCase.mutation().apply(base)).as(corpusCase.name()).isNotEqualTo(base);
        }
    }

    private record CorpusCase(String name, Severity expected, String rule, UnaryOperator<String> mutation) {
    }

    private static CorpusCase breaking(String name, String rule, UnaryOperator<String> mutation) {
        return new CorpusCase(name, Severity.BREAKING, rule, mutation);
    }

    private static CorpusCase warning(String name, String rule, UnaryOperator<String> mutation) {
        return new CorpusCase(name, Severity.WARNING, rule, mutation);
    }

    private static CorpusCase compatible(String name, String rule, UnaryOperator<String> mutation) {
        return new CorpusCase(name, Severity.COMPATIBLE, rule, mutation);
    }

    /** Replaces text that must occur exactly once, so that a case cannot silently change nothing. */
    private static UnaryOperator<String> replace(String before, String after) {
        return spec -> {
            int first = spec.indexOf(before);
            if (first < 0 || spec.indexOf(before, first + 1) >= 0) {
                throw new IllegalStateException("corpus base must contain exactly one \"" + before + "\"");
            }
            return spec.substring(0, first) + after + spec.substring(first + before.length());
        };
    }

    private static UnaryOperator<String> both(UnaryOperator<String> first, UnaryOperator<String> second) {
        return spec -> second.apply(first.apply(spec));
    }

    /** Removes the lines from {@code start} up to and including {@code end}, each occurring once. */
    private static UnaryOperator<String> cut(String start, String end) {
        return spec -> {
            int from = spec.indexOf(start);
            int to = spec.indexOf(end, from);
            if (from < 0 || to < 0 || spec.indexOf(start, from + 1) >= 0) {
                throw new IllegalStateException("corpus base must contain \"" + start + "\" once, followed by \""
                        + end + "\"");
            }
            return spec.substring(0, from) + spec.substring(to + end.length());
        };
    }
}
