package vn.gov.mofa.upr.recommendation;

import java.util.List;

/** One page of the registry, shaped like Spring Data's {@code Page} JSON ({@code content}, {@code totalElements}). */
public record RecommendationPage(List<Recommendation> content, long totalElements, int number, int size) {
}
