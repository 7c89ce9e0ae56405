package org.pymemlab.cli.compare;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.pymemlab.cli.report.ResultJson;

/**
 * One cell of a comparison matrix: a workload on one combination of profile and plugins.
 *
 * @param workload the workload id
 * @param profile the profile id
 * @param allocator the allocator id
 * @param collector the collector id
 * @param interning the interning id
 */
public record CellSpec(String workload, String profile, String allocator, String collector, String interning) {

    public CellSpec {
        requireNonNull(workload, "workload is null");
        requireNonNull(profile, "profile is null");
        requireNonNull(allocator, "allocator is null");
        requireNonNull(collector, "collector is null");
        requireNonNull(interning, "interning is null");
    }

    /** {@code workload+profile+allocator+collector+interning}: unique in a matrix, and usable as a file name. */
    public String id() {
        return String.join("+", axes());
    }

    /** The axis values, in the order of {@link #AXES}. */
    public List<String> axes() {
        return List.of(workload, profile, allocator, collector, interning);
    }

    /** The axis names, as the options that set them. */
    public static final List<String> AXES = List.of("workload", "profile", "allocator", "collector", "interning");

    /** The file a cell's result is written to. */
    public String fileName() {
        return id().replaceAll("[^A-Za-z0-9.+_-]", "_") + ".json";
    }

    ObjectNode toJson() {
        ObjectNode node = ResultJson.object();
        node.put("id", id());
        node.put("workload", workload);
        node.put("profile", profile);
        node.put("allocator", allocator);
        node.put("collector", collector);
        node.put("interning", interning);
        return node;
    }

    static CellSpec fromJson(JsonNode node) {
        return new CellSpec(node.get("workload").asText(), node.get("profile").asText(),
                node.get("allocator").asText(), node.get("collector").asText(), node.get("interning").asText());
    }
}
