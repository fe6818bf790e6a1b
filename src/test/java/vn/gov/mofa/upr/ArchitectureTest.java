package vn.gov.mofa.upr;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import vn.gov.mofa.upr.archfixture.a.Round;
import vn.gov.mofa.upr.archfixture.b.BackEdge;
import vn.gov.mofa.upr.archfixture.b.Notice;

/**
 * The packages depend downward only (docs/architecture.md): {@code system/} and {@code workflow/} (the process
 * contracts and the calendar) at the bottom, {@code agency/} on {@code workflow/}, the features above them, and the
 * engine's delegates and listeners in the feature they serve. Reads the compiled classes, so a constant inlined by
 * the compiler (a process key, a variable name) is not seen as a dependency; every other use is.
 */
class ArchitectureTest {

    private static final String ROOT = "vn.gov.mofa.upr";
    private static final String WORKFLOW = ROOT + ".workflow..";
    private static final String SYSTEM = ROOT + ".system..";
    private static final String AGENCY = ROOT + ".agency..";
    private static final String[] FEATURES = {ROOT + ".agencyplan..", ROOT + ".casefile..", ROOT + ".delegation..", ROOT + ".importing..",
        ROOT + ".notification..", ROOT + ".recommendation..", ROOT + ".reporting..", ROOT + ".security..",
        ROOT + ".signoff..", ROOT + ".versioning..", ROOT + ".web.."};

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    /** A class the engine calls from a process: a delegate or a task or execution listener. */
    private static final DescribedPredicate<JavaClass> ENGINE_ADAPTERS = assignableTo(JavaDelegate.class)
            .or(assignableTo(TaskListener.class)).or(assignableTo(ExecutionListener.class))
            .as("delegates and listeners");

    /** The cycle rule, for the application's top-level packages or for a fixture's. */
    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    @Test
    void thePackagesFormNoCycle() {
        noCycles(ROOT).check(APPLICATION);
    }

    @Test
    void theProcessContractsAndTheAgenciesDependOnNoFeature() {
        noClasses().that().resideInAnyPackage(WORKFLOW, AGENCY)
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .check(APPLICATION);
    }

    @Test
    void theBottomPackagesDependOnNoOtherPackageOfTheApplication() {
        for (String bottom : new String[] {WORKFLOW, SYSTEM}) {
            classes().that().resideInAPackage(bottom)
                    .should().onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..").or(resideInAPackage(bottom)))
                    .check(APPLICATION);
        }
    }

    @Test
    void delegatesAndListenersLiveInTheFeatureTheyServe() {
        classes().that(ENGINE_ADAPTERS).should().resideInAnyPackage(FEATURES)
                .because("workflow/ holds the process contracts and system/ the plumbing; an adapter belongs to a feature")
                .check(APPLICATION);
    }

    @Test
    void onlyThePlumbingAndSecurityPlugIntoTheEngine() {
        classes().that().implement(ProcessEnginePlugin.class).should().resideInAnyPackage(SYSTEM, ROOT + ".security..")
                .check(APPLICATION);
    }

    @Test
    void featureServicesAndControllersUseOnlyTheEnginesPublicApi() {
        noClasses().that().resideInAnyPackage(FEATURES).and().resideOutsideOfPackage(ROOT + ".security..")
                .and(not(ENGINE_ADAPTERS))
                // one engine command for a whole import (RecommendationImport, docs/adr/0004)
                .and(not(simpleName("RecommendationWorkflow")))
                .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
                .because("the engine's internals change between Camunda versions; the plumbing, the process"
                        + " contracts, security and the engine's own callbacks are the places that may reach them")
                .check(APPLICATION);
    }

    @Test
    void theCycleRuleFailsWhenABackEdgeIsAdded() {
        String fixture = ROOT + ".archfixture";
        ClassFileImporter importer = new ClassFileImporter();

        assertThat(noCycles(fixture).evaluate(importer.importClasses(Round.class, Notice.class)).hasViolation())
                .as("a -> b only").isFalse();

        EvaluationResult withBackEdge = noCycles(fixture).evaluate(importer.importClasses(Round.class, Notice.class,
                BackEdge.class));
        assertThat(withBackEdge.hasViolation()).as("a -> b and b -> a").isTrue();
        assertThat(withBackEdge.getFailureReport().toString()).contains("Cycle detected", "Slice a", "Slice b");
    }
}
