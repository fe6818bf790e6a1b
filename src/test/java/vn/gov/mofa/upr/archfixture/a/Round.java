package vn.gov.mofa.upr.archfixture.a;

import vn.gov.mofa.upr.archfixture.b.Notice;

/** Fixture for ArchitectureTest: package a uses package b (downward). */
public class Round {

    Notice notice;
}
