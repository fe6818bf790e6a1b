package vn.gov.mofa.upr.archfixture.b;

/** Fixture for ArchitectureTest: package b, below package a. */
public class Notice {
}
