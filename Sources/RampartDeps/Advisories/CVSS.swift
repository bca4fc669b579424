import Foundation
import RampartCore

/// CVSS v3.0/v3.1 base scores from a vector (`CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H`),
/// with the specification's weights and its round-up.
public enum CVSS {
    public static func baseScore(_ vector: String) -> Double? {
        guard vector.hasPrefix("CVSS:3.") else { return nil }
        var metrics: [String: String] = [:]
        for part in vector.split(separator: "/").dropFirst() {
            let pair = part.split(separator: ":", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            metrics[String(pair[0])] = String(pair[1])
        }
        let changed = metrics["S"] == "C"
        guard metrics["S"] == "U" || changed,
              let av = ["N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2][metrics["AV"] ?? ""],
              let ac = ["L": 0.77, "H": 0.44][metrics["AC"] ?? ""],
              let pr = (changed ? ["N": 0.85, "L": 0.68, "H": 0.5] : ["N": 0.85, "L": 0.62, "H": 0.27])[metrics["PR"] ?? ""],
              let ui = ["N": 0.85, "R": 0.62][metrics["UI"] ?? ""] else { return nil }
        let cia = ["H": 0.56, "L": 0.22, "N": 0.0]
        guard let c = cia[metrics["C"] ?? ""], let i = cia[metrics["I"] ?? ""], let a = cia[metrics["A"] ?? ""] else { return nil }
        let iss = 1 - (1 - c) * (1 - i) * (1 - a)
        let impact = changed ? 7.52 * (iss - 0.029) - 3.25 * pow(iss - 0.02, 15) : 6.42 * iss
        let exploitability = 8.22 * av * ac * pr * ui
        guard impact > 0 else { return 0 }
        return roundUp(min(changed ? 1.08 * (impact + exploitability) : impact + exploitability, 10))
    }

    /// CVSS 3.1's Roundup: the smallest one-decimal number not below the input, free of
    /// floating-point noise.
    static func roundUp(_ value: Double) -> Double {
        let scaled = Int((value * 100_000).rounded())
        return scaled % 10_000 == 0 ? Double(scaled) / 100_000 : (Double(scaled / 10_000) + 1) / 10
    }

    /// The qualitative rating of a score.
    public static func severity(_ score: Double) -> Severity {
        switch score {
        case 9...: .critical
        case 7..<9: .high
        case 4..<7: .medium
        case 0.1..<4: .low
        default: .info
        }
    }
}
