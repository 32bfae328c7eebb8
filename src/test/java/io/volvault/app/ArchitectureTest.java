package io.volvault.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import org.junit.jupiter.api.Test;

/**
 * Which code may depend on which, checked on the compiled classes (ArchUnit): the live keeper builds
 * its market state from the strategy's market package, never from the backtester; greeks and
 * strategy, which both the backtests and the keeper trust, reach no file, stream, network or
 * database (the module split keeps out libraries; this keeps out the JDK's I/O).
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.volvault");

    private static ArchRule noBacktestIn(String pkg) {
        return noClasses().that().resideInAPackage(pkg)
            .should().dependOnClassesThat().resideInAPackage("io.volvault.strategy.backtest..")
            .because("the live keeper builds its market state with io.volvault.strategy.market, as the backtester does");
    }

    @Test
    void theKeeperDoesNotReachIntoTheBacktestPackage() {
        noBacktestIn("io.volvault.app.keeper..").check(CLASSES);
        // the rule bites: the demo runs a backtest next to its keeper
        assertTrue(noBacktestIn("io.volvault.app.demo..").evaluate(CLASSES).hasViolation());
    }

    @Test
    void greeksAndStrategyReachNoIo() {
        ArchRule rule = noClasses().that().resideInAnyPackage("io.volvault.greeks..", "io.volvault.strategy..")
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..", "java.sql..",
                "java.nio.channels..")
            .orShould().dependOnClassesThat().areAssignableTo(File.class)
            .orShould().dependOnClassesThat().areAssignableTo(InputStream.class)
            .orShould().dependOnClassesThat().areAssignableTo(OutputStream.class)
            .orShould().dependOnClassesThat().areAssignableTo(Reader.class)
            .orShould().dependOnClassesThat().areAssignableTo(Writer.class)
            .because("greeks and strategy are pure: I/O lives in the application, at the edge");
        rule.check(CLASSES);
    }
}
