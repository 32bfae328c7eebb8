package io.volvault.app.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.BlackScholes;
import io.volvault.strategy.Strategy;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

class CodeVersionTest {

    private static final SortedMap<String, byte[]> LOADED = CodeVersion.loadedClasses();

    @Test
    void coversEveryClassOfTheGreeksAndStrategyModulesAndTheKeepersPackage() throws Exception {
        // Counted independently of the scanner: the class files where each module's classes load from.
        assertEquals(classFiles(BlackScholes.class, "io/volvault/greeks/", true),
            LOADED.keySet().stream().filter(n -> n.startsWith("io/volvault/greeks/")).toList());
        assertEquals(classFiles(Strategy.class, "io/volvault/strategy/", true),
            LOADED.keySet().stream().filter(n -> n.startsWith("io/volvault/strategy/")).toList());
        assertEquals(classFiles(Keeper.class, "io/volvault/app/keeper/", false),
            LOADED.keySet().stream().filter(n -> n.startsWith("io/volvault/app/")).toList(),
            "the keeper package only, without sub-packages, the dashboard or the CLI");
        for (String decisionPath : List.of("io/volvault/strategy/Strategy.class", "io/volvault/strategy/market/VolInputs.class",
                "io/volvault/greeks/surface/SkewModel.class", "io/volvault/app/keeper/Keeper.class",
                "io/volvault/app/keeper/VaultSnapshot.class", "io/volvault/app/keeper/Keepers.class")) {
            assertTrue(LOADED.containsKey(decisionPath), decisionPath);
        }
        assertFalse(LOADED.containsKey("io/volvault/app/keeper/CodeVersionTest.class"), "test classes are not the keeper's code");
        assertEquals(LOADED.size(), CodeVersion.current().classes());
    }

    @Test
    void isTheSameForTheSameClassesAndChangesWithAnyOneStrategyClass() {
        CodeVersion current = CodeVersion.current();
        assertTrue(current.id().matches("classes 0x[0-9a-f]{64}"), current.id());
        assertEquals(current.id(), CodeVersion.of(CodeVersion.loadedClasses()).id(), "a second scan gives the same version");
        assertEquals(current.id(), DecisionRecord.codeVersion(), "the keeper's inputs carry it");
        List<String> strategyClasses = LOADED.keySet().stream().filter(n -> n.startsWith("io/volvault/strategy/")).toList();
        assertTrue(strategyClasses.size() > 20, strategyClasses.toString());
        for (String name : strategyClasses) {
            SortedMap<String, byte[]> modified = new TreeMap<>(LOADED);
            byte[] bytes = modified.get(name).clone();
            bytes[bytes.length - 1] ^= 1;
            modified.put(name, bytes);
            assertNotEquals(current.id(), CodeVersion.of(modified).id(), "one bit of " + name);
        }
        SortedMap<String, byte[]> fewer = new TreeMap<>(LOADED);
        fewer.remove("io/volvault/greeks/BlackScholes.class");
        assertNotEquals(current.id(), CodeVersion.of(fewer).id(), "a class removed");
    }

    @Test
    void hashesEachNameLengthAndClassFileInNameOrder() {
        SortedMap<String, byte[]> two = new TreeMap<>();
        two.put("b", new byte[] {7});
        two.put("a", new byte[] {1, 2});
        // by hand: "a", length 2 as 4 bytes, 1 2, then "b", length 1, 7
        byte[] expected = {'a', 0, 0, 0, 2, 1, 2, 'b', 0, 0, 0, 1, 7};
        assertEquals("classes " + Numeric.toHexString(Hash.sha3(expected)), CodeVersion.of(two).id());
        assertEquals(2, CodeVersion.of(two).classes());
        SortedMap<String, byte[]> moved = new TreeMap<>();
        moved.put("a", new byte[] {1});
        moved.put("b", new byte[] {2, 7});
        assertNotEquals(CodeVersion.of(two).id(), CodeVersion.of(moved).id(), "the same bytes split differently");
    }

    /** The class files under {@code prefix} where {@code anchor} is loaded from (a folder or a jar), sorted. */
    private static List<String> classFiles(Class<?> anchor, String prefix, boolean subPackages)
            throws IOException, URISyntaxException {
        Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                names = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> location.relativize(f).toString().replace('\\', '/')).toList();
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                names = new java.util.ArrayList<>();
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    names.add(e.nextElement().getName());
                }
            }
        }
        return names.stream()
            .filter(n -> n.startsWith(prefix) && n.endsWith(".class"))
            .filter(n -> subPackages || n.indexOf('/', prefix.length()) < 0)
            .sorted().toList();
    }
}
