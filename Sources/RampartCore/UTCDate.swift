import Foundation

/// Dates as reports and expiry fields write them, in UTC whatever the machine's zone.
public enum UTCDate {
    /// `2026-11-30`: the form of `expires:` dates.
    public static func day(_ date: Date = Date()) -> String { format(date, "yyyy-MM-dd") }

    /// `date` in a DateFormatter pattern, POSIX locale, UTC.
    public static func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
