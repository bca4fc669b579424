/// What a `mode: taint` rule says: where tainted data comes from, where it must not arrive,
/// what cleans it and what carries it by side effect (Semgrep's taint-mode operators).
final class TaintSpec: @unchecked Sendable {
    /// Whether a source or sanitizer acts on the matched variable for the code after it.
    enum SideEffect: Equatable {
        /// Only the matched expression is tainted (or clean).
        case no
        /// The matched l-value is tainted (or clean) from there on, the occurrence too.
        case yes
        /// From there on, but not the occurrence itself (`by-side-effect: only`).
        case only
    }

    struct Source {
        var formula: Formula
        var exact: Bool
        var sideEffect: SideEffect
    }

    struct Sink {
        var formula: Formula
        /// Only when the matched expression itself is tainted, not something inside it.
        var exact: Bool
    }

    struct Sanitizer {
        var formula: Formula
        var exact: Bool
        var sideEffect: SideEffect
        /// A check rather than a cleaning function (Rampart's `by-guard`): the matched value
        /// (its `focus-metavariable`) is clean where the condition around it has this outcome,
        /// so `if not is_safe(p): abort(400)` cleans `p` for the code after it.
        var guardOutcome: Bool?
    }

    /// `from`'s taint flows into `to` where the pattern matches (`$TO.append($FROM)`).
    struct Propagator {
        var formula: Formula
        var from: String
        var to: String
    }

    /// Whether taint follows calls into the functions and methods the file defines, through
    /// their summaries (which parameters reach the return value and which reach a sink).
    var interprocedural = false
    /// Whether calls are followed into the project's other files too (`interfile`).
    var interfile = false

    var sources: [Source] = []
    var sinks: [Sink] = []
    var sanitizers: [Sanitizer] = []
    var propagators: [Propagator] = []

    /// Every formula, for the rule's pattern index.
    var formulas: [Formula] {
        sources.map(\.formula) + sinks.map(\.formula) + sanitizers.map(\.formula) + propagators.map(\.formula)
    }
}
