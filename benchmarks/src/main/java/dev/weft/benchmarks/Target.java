package dev.weft.benchmarks;

import dev.weft.benchmarks.lincheck.CheckThenActMapLincheck;
import dev.weft.benchmarks.lincheck.ConcurrentHashMapLincheck;
import dev.weft.benchmarks.lincheck.ConcurrentHashMapWithSizeLincheck;
import dev.weft.benchmarks.lincheck.HashMapLincheck;
import dev.weft.benchmarks.lincheck.StripedMapLincheck;

/** The five targets: the method in {@link WeftTargets}, the Lincheck class, what is expected. */
enum Target {
    HASH_MAP("HashMap", "put, get, remove, size", "hashMap", HashMapLincheck.class, true),
    CHECK_THEN_ACT("check-then-act ConcurrentHashMap", "putIfAbsent, get, remove", "checkThenActMap",
            CheckThenActMapLincheck.class, true),
    STRIPED_MAP("striped map", "put, get, remove, size, clear", "stripedMap", StripedMapLincheck.class, true),
    CONCURRENT_HASH_MAP_WITH_SIZE("ConcurrentHashMap with size", "put, get, remove, size",
            "concurrentHashMapWithSize", ConcurrentHashMapWithSizeLincheck.class, true),
    CONCURRENT_HASH_MAP("ConcurrentHashMap without size", "put, get, remove", "concurrentHashMap",
            ConcurrentHashMapLincheck.class, false);

    final String title;
    final String operations;
    final String weftMethod;
    final Class<?> lincheckClass;
    final boolean buggy;

    Target(String title, String operations, String weftMethod, Class<?> lincheckClass, boolean buggy) {
        this.title = title;
        this.operations = operations;
        this.weftMethod = weftMethod;
        this.lincheckClass = lincheckClass;
        this.buggy = buggy;
    }
}
