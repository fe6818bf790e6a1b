package vn.gov.mofa.upr.agencyplan;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.agency.Agency;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.recommendation.RecommendationFilter;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.recommendation.RecommendationSort;

/** The recommendations an agency follows up, as it leads or coordinates them, each with its own group (or none). */
@Component
class AgencyShare {

    /** One recommendation of the agency's share; {@code group} is the code of its internal group, null when untagged. */
    record Item(Recommendation recommendation, boolean leads, String group) {

        InternalGroups.Key key() {
            return new InternalGroups.Key(recommendation.cycle(), recommendation.number());
        }
    }

    private final RecommendationRegistry registry;
    private final InternalGroups groups;

    AgencyShare(RecommendationRegistry registry, InternalGroups groups) {
        this.registry = registry;
        this.groups = groups;
    }

    /** The tracked recommendations the agency leads or coordinates, of one cycle (null: all), in number order. */
    List<Item> of(Agency agency, Integer cycle) {
        Map<InternalGroups.Key, String> tags = groups.tagsOf(agency.code());
        var filter = new RecommendationFilter(cycle, agency.code(), null, null, null, null, null, null, null, null, null, false,
                null, true, null, null, null);
        return registry.all(filter, RecommendationSort.NUMBER).stream()
                .map(r -> new Item(r, agency.code().equals(r.leadAgency()), tags.get(new InternalGroups.Key(r.cycle(), r.number()))))
                .toList();
    }

    /** The cycles in which the agency has work, the latest last. */
    List<Integer> cycles(Agency agency) {
        return of(agency, null).stream().map(item -> item.recommendation().cycle()).distinct().sorted().toList();
    }
}
