extension Duration {
    /// The duration in seconds, as a `Double` (timings, budgets, rates).
    public var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
