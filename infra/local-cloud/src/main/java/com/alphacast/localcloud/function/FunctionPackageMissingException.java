package com.alphacast.localcloud.function;

import java.nio.file.Path;

/**
 * A function's deployment package (its {@code CodeUri}) has not been built. The message is one line naming the
 * function, the path expected and the Maven command that builds it, e.g.
 * {@code function RiskCheckFunction: package functions/target/alphacast-functions.jar (CodeUri) not found at
 * /home/me/alphacast/functions/target/alphacast-functions.jar; build it with: mvn -B -DskipTests package -pl functions -am}.
 */
public final class FunctionPackageMissingException extends IllegalStateException {

    private final String functionLogicalId;
    private final Path expectedPath;
    private final String buildCommand;

    public FunctionPackageMissingException(String functionLogicalId, String codeUri, Path expectedPath) {
        super("function " + functionLogicalId + ": package " + codeUri + " (CodeUri) not found at " + expectedPath
                + "; build it with: " + buildCommand(codeUri));
        this.functionLogicalId = functionLogicalId;
        this.expectedPath = expectedPath;
        this.buildCommand = buildCommand(codeUri);
    }

    public String functionLogicalId() {
        return functionLogicalId;
    }

    public Path expectedPath() {
        return expectedPath;
    }

    /** The Maven command, run in the template's directory, that builds the package. */
    public String buildCommand() {
        return buildCommand;
    }

    /**
     * Maven builds a module's artifacts under {@code <module>/target/}, so the module is what precedes that segment;
     * a package anywhere else is built by building everything.
     */
    static String buildCommand(String codeUri) {
        String path = codeUri.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        int target = path.startsWith("target/") ? 0 : path.indexOf("/target/") + 1;
        if (target <= 0) {
            return "mvn -B -DskipTests package";
        }
        String module = path.substring(0, target - 1);
        return "mvn -B -DskipTests package -pl " + module + " -am";
    }
}
