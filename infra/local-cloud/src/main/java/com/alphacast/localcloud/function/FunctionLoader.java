package com.alphacast.localcloud.function;

import com.alphacast.localcloud.template.TemplateRefusedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * Finds each function's package from its {@code CodeUri} (relative to the template's directory, as SAM resolves it)
 * and loads a stack's functions from there, each into a class loader of its own; or, for tests, from one class loader
 * the caller gives ({@code handlerClassLoader}), in which case CodeUri is not read.
 */
public final class FunctionLoader {

    private final Path templateDirectory;
    private final Optional<ClassLoader> handlerClassLoader;
    private final BiConsumer<String, String> functionLog;

    public FunctionLoader(Path templateDirectory, Optional<ClassLoader> handlerClassLoader,
                          BiConsumer<String, String> functionLog) {
        this.templateDirectory = templateDirectory.toAbsolutePath().normalize();
        this.handlerClassLoader = handlerClassLoader;
        this.functionLog = functionLog;
    }

    /**
     * Checks that every function's package exists, so a stack is refused before anything is created.
     *
     * @throws FunctionPackageMissingException naming the first function whose package was not built
     * @throws TemplateRefusedException        for a function without CodeUri
     */
    public void requirePackages(List<FunctionDefinition> functions) {
        functions.forEach(this::packagePath);
    }

    /**
     * Loads every function's code and builds its handler, in parallel: each function loads its own copy of its
     * dependencies (as separate Lambda functions cold-start side by side), which is most of a stack's start-up time.
     * When one fails, the others are closed and the first failure in the given order is thrown.
     *
     * @param environments each function's environment by logical id
     * @return the loaded functions by logical id, in the given order
     */
    public Map<String, LocalFunction> load(List<FunctionDefinition> functions, Map<String, Map<String, String>> environments) {
        Map<String, LocalFunction> loaded = new LinkedHashMap<>();
        if (functions.isEmpty()) {
            return loaded;
        }
        ExecutorService loading = Executors.newFixedThreadPool(
                Math.min(functions.size(), Runtime.getRuntime().availableProcessors()), runnable -> {
                    Thread thread = new Thread(runnable, "load-function");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            Map<String, Future<LocalFunction>> pending = new LinkedHashMap<>();
            for (FunctionDefinition function : functions) {
                pending.put(function.logicalId(), loading.submit(() -> load(function,
                        environments.get(function.logicalId()))));
            }
            Throwable failure = null;
            for (Map.Entry<String, Future<LocalFunction>> entry : pending.entrySet()) {
                try {
                    loaded.put(entry.getKey(), entry.getValue().get());
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = failure == null ? new IllegalStateException("interrupted while loading functions", e)
                            : failure;
                }
            }
            if (failure != null) {
                loaded.values().forEach(LocalFunction::close);
                if (failure instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (failure instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("loading a function failed: " + failure, failure);
            }
            return loaded;
        } finally {
            loading.shutdown();
        }
    }

    private LocalFunction load(FunctionDefinition function, Map<String, String> environment) {
        FunctionCode code = packagePath(function)
                .map(path -> FunctionCode.openPackage(function.logicalId(), function.codeUri().orElseThrow(), path))
                .orElseGet(() -> FunctionCode.sharedClassLoader(handlerClassLoader.orElseThrow()));
        return new LocalFunction(function, environment, code, functionLog);
    }

    /** The function's package, or empty when handlers come from the given class loader. */
    private Optional<Path> packagePath(FunctionDefinition function) {
        if (handlerClassLoader.isPresent()) {
            return Optional.empty();
        }
        String codeUri = function.codeUri().orElseThrow(() -> new TemplateRefusedException(function.logicalId(),
                "CodeUri", "is required to run the function: the path of its built package (a .jar/.zip or a"
                + " directory, relative to the template)"));
        Path path = templateDirectory.resolve(codeUri).normalize();
        if (!Files.exists(path)) {
            throw new FunctionPackageMissingException(function.logicalId(), codeUri, path);
        }
        return Optional.of(path);
    }
}
