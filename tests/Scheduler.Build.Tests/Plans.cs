namespace Scheduler.Build.Tests;

/// <summary>Plan files as the planner writes them (format 1), small enough to check by hand.</summary>
public static class Plans
{
    /// <summary>
    /// A diamond a→{b,c}→d with ids 10, 20, 30, 40 planned in the order 10, 30, 20, 40: tensors a (100 B), b (50 B),
    /// c (60 B), d (10 B, a graph output) and a resident weight w (8 B, no arena space).
    /// </summary>
    public static string Diamond(bool proven = true, long peak = 210, long bound = 210, long arena = 210, string failures = "", bool capped = false) => $$"""
        {
          "format": 1,
          "planner": "0.9.0",
          "graph": { "name": "diamond", "ops": 4, "tensors": 5 },
          "options": { "methods": ["bfs", "local"], "effort": 1.5, "memory_model": "default" },
          "method": "local",
          "proven": {{(proven ? "true" : "false")}},
          "proof": {{(proven ? "\"lower bound (met by local)\"" : "null")}},
          "capped": {{(capped ? "true" : "false")}},
          "peak_bytes": {{peak}},
          "lower_bound_bytes": {{bound}},
          "working_set_bound_bytes": {{bound}},
          "cut_bound_bytes": 150,
          "arena_bytes": {{arena}},
          "resident_bytes": 8,
          "input_peak_bytes": 220,
          "order": [10, 30, 20, 40],
          "tensors": [
            { "name": "w", "size": 8, "offset": -1, "first_step": -1, "last_step": -1, "producer": null, "output": 0 },
            { "name": "a", "size": 100, "offset": 0, "first_step": 0, "last_step": 2, "producer": 10, "output": 0 },
            { "name": "b", "size": 50, "offset": 160, "first_step": 2, "last_step": 3, "producer": 20, "output": 0 },
            { "name": "c \"quoted\"", "size": 60, "offset": 100, "first_step": 1, "last_step": 3, "producer": 30, "output": 0 },
            { "name": "d", "size": 10, "offset": 0, "first_step": 3, "last_step": 3, "producer": 40, "output": 0 }
          ],
          "candidates": [
            { "method": "input", "status": "ok", "peak_bytes": 220, "message": null },
            { "method": "bfs", "status": "ok", "peak_bytes": 220, "message": null }{{failures}}
          ]
        }
        """;

    /// <summary>A failed candidate, to splice into <see cref="Diamond"/>'s candidates.</summary>
    public static string Failure(string method, string message)
        => $$""", { "method": "{{method}}", "status": "failed", "peak_bytes": null, "message": "{{message}}" }""";

    /// <summary>The plan file the planner writes for a graph it cannot read.</summary>
    public static string Error(string kind, string message, int line, int column) => $$"""
        { "format": 1, "planner": "0.9.0", "error": { "kind": "{{kind}}", "message": "{{message}}", "line": {{line}}, "column": {{column}} } }
        """;

    /// <summary>The diamond plan as one input, with graph file <c>/p/graphs/diamond.json</c>.</summary>
    public static PlanInput DiamondInput(string className = "", string? text = null)
        => new("/p/obj/scheduler/diamond-0.plan.json", text ?? Diamond(), "/p/graphs/diamond.json", "graphs/diamond.json", className);
}
