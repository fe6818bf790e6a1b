package vn.gov.mofa.upr.archfixture.b;

import vn.gov.mofa.upr.archfixture.a.Round;

/** Fixture for ArchitectureTest: the back-edge b -> a that closes a cycle. */
public class BackEdge {

    Round round;
}
