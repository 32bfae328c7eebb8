package io.volvault.app.keeper;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.Resource;
import io.github.classgraph.ScanResult;
import io.volvault.greeks.BlackScholes;
import io.volvault.strategy.Strategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The version of the code a keeper decision depends on, for the per-round input hash: the
 * keccak-256 of the class files of every class in the {@code greeks} and {@code strategy} modules
 * (pricing, forecasts, sizing, the decision) and in the app's {@code io.volvault.app.keeper} package
 * (the market state and portfolio the keeper builds from the chain, and the path to
 * {@code Strategy.decide}). Class files are read from where those classes are loaded (a folder or a
 * jar, test classes excluded), sorted by name, so the same build gives the same version on any machine
 * and in any run; a change to any one class changes it.
 */
public final class CodeVersion {

    /** The packages whose classes the version covers, with sub-packages. */
    static final String[] MODULE_PACKAGES = {"io.volvault.greeks", "io.volvault.strategy"};
    /** The app's decision path: this package only (not the dashboard, CLI or chain code). */
    static final String KEEPER_PACKAGE = CodeVersion.class.getPackageName();

    private static final class Holder {
        static final CodeVersion CURRENT = of(loadedClasses());
    }

    private final String id;
    private final int classes;

    private CodeVersion(String id, int classes) {
        this.id = id;
        this.classes = classes;
    }

    /** The running code's version, computed once (on first use) from its class files. */
    public static CodeVersion current() {
        return Holder.CURRENT;
    }

    /**
     * The version of a set of class files by name: for each name in order, its UTF-8 bytes, the
     * class file's length (4 bytes) and the class file, all hashed together (pure).
     */
    static CodeVersion of(SortedMap<String, byte[]> classFiles) {
        int size = 0;
        for (Map.Entry<String, byte[]> e : classFiles.entrySet()) {
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length + 4 + e.getValue().length;
        }
        ByteBuffer all = ByteBuffer.allocate(size);
        for (Map.Entry<String, byte[]> e : classFiles.entrySet()) {
            all.put(e.getKey().getBytes(StandardCharsets.UTF_8)).putInt(e.getValue().length).put(e.getValue());
        }
        return new CodeVersion("classes " + Numeric.toHexString(Hash.sha3(all.array())), classFiles.size());
    }

    /** The class files of the covered packages, by resource path ({@code io/volvault/strategy/Strategy.class}). */
    static SortedMap<String, byte[]> loadedClasses() {
        Set<URL> locations = new LinkedHashSet<>();
        for (Class<?> c : new Class<?>[] {BlackScholes.class, Strategy.class, CodeVersion.class}) {
            locations.add(c.getProtectionDomain().getCodeSource().getLocation());
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (ScanResult scan = new ClassGraph().overrideClasspath(toUris(locations))
                .acceptPackages(MODULE_PACKAGES).acceptPackagesNonRecursive(KEEPER_PACKAGE).scan()) {
            for (Resource r : scan.getResourcesWithExtension("class")) {
                // The first copy of a class on the path is the one that is loaded.
                files.putIfAbsent(r.getPath(), r.load());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the decision code's class files: " + e.getMessage(), e);
        }
        if (!files.containsKey("io/volvault/strategy/Strategy.class") || !files.containsKey("io/volvault/app/keeper/Keeper.class")) {
            throw new IllegalStateException("the decision code's class files are not readable from " + locations);
        }
        return Collections.unmodifiableSortedMap(files);
    }

    private static Set<Object> toUris(Set<URL> locations) {
        Set<Object> uris = new LinkedHashSet<>();
        for (URL u : locations) {
            try {
                uris.add(u.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("class location " + u + " is not a URI: " + e.getMessage(), e);
            }
        }
        return uris;
    }

    /** {@code classes 0x} and the keccak-256 in hex: what the keeper's inputs carry as {@code code}. */
    public String id() {
        return id;
    }

    /** How many class files it covers. */
    public int classes() {
        return classes;
    }

    @Override
    public String toString() {
        return id + " (" + classes + " classes)";
    }
}
