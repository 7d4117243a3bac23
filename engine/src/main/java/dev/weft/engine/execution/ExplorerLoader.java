package dev.weft.engine.execution;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds the {@link Explorer} the runtime registers as a service, or an honest stand-in when none is found. */
public final class ExplorerLoader {

    private ExplorerLoader() {
    }

    /**
     * The single {@code Explorer} service on the class path of the calling thread's context class
     * loader (the engine's own loader when there is none); see {@link #load(ClassLoader)}.
     */
    public static Explorer load() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return load(context != null ? context : ExplorerLoader.class.getClassLoader());
    }

    /**
     * The single {@code Explorer} service on the class path of the given loader; an {@link
     * UnavailableExplorer} when there is none or more than one.
     */
    public static Explorer load(ClassLoader classLoader) {
        List<Explorer> explorers = ServiceLoader.load(Explorer.class, classLoader).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toList());
        if (explorers.size() == 1) {
            return explorers.get(0);
        }
        if (explorers.isEmpty()) {
            return new UnavailableExplorer("no controlled runtime is on the class path; this build of "
                    + "weft-engine has discovery and validation only");
        }
        return new UnavailableExplorer("found " + explorers.size() + " explorers, expected one: "
                + explorers.stream().map(explorer -> explorer.getClass().getName()).collect(Collectors.joining(", ")));
    }
}
