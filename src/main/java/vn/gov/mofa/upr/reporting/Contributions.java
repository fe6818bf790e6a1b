package vn.gov.mofa.upr.reporting;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The coordinating agencies' contributions of a round, as the process keeps them in {@code contributions}: one JSON
 * list, one element per agency that answered, and {@code contributionsSummary}, the text the lead agency reads.
 */
@Component
public class Contributions {

    /** One agency's answer; texts never null. */
    public record Contribution(String agency, String agencyName, String results, String figures, String difficulties) {
    }

    private static final TypeReference<List<Contribution>> LIST = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public Contributions(ObjectMapper json) {
        this.json = json;
    }

    /** The list in {@code value}; empty when there is none or it cannot be read. */
    public List<Contribution> read(String value) {
        try {
            return value == null || value.isBlank() ? List.of() : json.readValue(value, LIST);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    /** The list in {@code value} with {@code added} at its end. */
    String with(String value, Contribution added) {
        List<Contribution> all = new ArrayList<>(read(value));
        all.add(added);
        try {
            return json.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the lead agency reads in its report form: each contribution received, then the agencies whose contribution
     * has not come yet, so that a late one is seen and never waited for.
     *
     * @param pending the names of the agencies not heard from yet
     * @param due     the contributions' due date as shown (dd/MM/yyyy)
     */
    static String summary(List<Contribution> contributions, List<String> pending, String due) {
        var text = new StringBuilder();
        for (Contribution c : contributions) {
            text.append(c.agencyName()).append(":\n- Kết quả: ").append(c.results());
            if (!c.figures().isBlank()) {
                text.append("\n- Số liệu: ").append(c.figures());
            }
            if (!c.difficulties().isBlank()) {
                text.append("\n- Khó khăn, vướng mắc: ").append(c.difficulties());
            }
            text.append("\n\n");
        }
        if (!pending.isEmpty()) {
            text.append("Chưa nhận đóng góp của: ").append(String.join("; ", pending)).append(" (hạn ").append(due)
                    .append("). Cơ quan chủ trì không cần chờ: đóng góp đến sau sẽ hiện ở đây.");
        }
        return text.toString().strip();
    }
}
