import Foundation
import RampartCore
import Yams

/// The OWASP DevSecOps Maturity Model as its data project publishes it (`generated/model.yaml`):
/// dimensions, sub-dimensions and activities with their levels. It is read at run time from a
/// file the user has: the model is GPL-3.0 / CC BY-SA and Rampart does not ship it.
public struct DSOMMModel: Sendable {
    public struct Activity: Sendable, Equatable {
        public var uuid: String
        public var name: String
        public var dimension: String
        public var subDimension: String
        public var level: Int
        /// The description, else the measure: what the activity asks for.
        public var description: String
        /// What an assessor asks to see, when the model says.
        public var assessment: String?
        public var dependsOn: [String]
    }

    public var version: String
    /// In the model's order.
    public var activities: [Activity]
    public let byUUID: [String: Activity]

    /// Dimension → its sub-dimensions, in the model's order.
    public var dimensions: [(name: String, subDimensions: [String])] {
        var order: [String] = []
        var subs: [String: [String]] = [:]
        for activity in activities {
            if subs[activity.dimension] == nil { order.append(activity.dimension) }
            if !(subs[activity.dimension]?.contains(activity.subDimension) ?? false) { subs[activity.dimension, default: []].append(activity.subDimension) }
        }
        return order.map { ($0, subs[$0] ?? []) }
    }

    public init(version: String, activities: [Activity]) {
        self.version = version
        self.activities = activities
        byUUID = Dictionary(activities.map { ($0.uuid, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Where `rampart maturity` looks when `--model` is not given, in order.
    public static func defaultLocations(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var paths: [String] = []
        if let path = environment["RAMPART_DSOMM_MODEL"], !path.isEmpty { paths.append(path) }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (environment["HOME"].map { $0 + "/.local/share" } ?? "")
        if !dataHome.isEmpty { paths.append(dataHome + "/rampart/dsomm/model.yaml") }
        paths.append("/usr/local/share/rampart/dsomm/model.yaml")
        paths.append("/usr/share/rampart/dsomm/model.yaml")
        return paths
    }

    public static let whereToGetIt = """
        Rampart does not ship the DSOMM model (GPL-3.0 / CC BY-SA). Download generated/model.yaml of \
        DSOMM 4.3.1 from https://github.com/devsecopsmaturitymodel/DevSecOps-MaturityModel-data and pass \
        --model PATH, set RAMPART_DSOMM_MODEL, or put it at ~/.local/share/rampart/dsomm/model.yaml.
        """

    public static func load(path: String) throws(LoadError) -> DSOMMModel {
        guard let data = FileReader.data(path, limit: 64 << 20) else {
            throw LoadError(description: "cannot read the DSOMM model at \(path). \(whereToGetIt)")
        }
        guard data.count < 32 << 20 else { throw LoadError(description: "\(path): larger than 32 MB, not a DSOMM model") }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    /// The model's YAML: an optional `meta` document, then dimension → sub-dimension → activity name → fields.
    public static func parse(_ yaml: String, file: String) throws(LoadError) -> DSOMMModel {
        var documents: [Node] = []
        do {
            let parser = try Parser(yaml: yaml)
            while let node = try parser.nextRoot() {
                documents.append(node)
                if documents.count > 4 { break }
            }
        } catch {
            throw LoadError(description: "\(file): not valid YAML: \(error)")
        }
        var version = "unknown"
        var activities: [Activity] = []
        for document in documents {
            guard let mapping = document.mapping else { continue }
            if let meta = mapping["meta"]?.mapping {
                version = meta["version"]?.scalar?.string ?? version
                if mapping.count == 1 { continue }
            }
            for (dimensionKey, dimensionNode) in mapping {
                guard let dimension = dimensionKey.scalar?.string, dimension != "meta", let subDimensions = dimensionNode.mapping else { continue }
                for (subKey, subNode) in subDimensions {
                    guard let subDimension = subKey.scalar?.string, let entries = subNode.mapping else { continue }
                    for (nameKey, activityNode) in entries {
                        guard let name = nameKey.scalar?.string, let fields = activityNode.mapping,
                              let uuid = fields["uuid"]?.scalar?.string, let level = fields["level"]?.scalar.flatMap({ Int($0.string) }) else { continue }
                        let description = fields["description"]?.scalar?.string ?? fields["measure"]?.scalar?.string ?? ""
                        let dependsOn = fields["dependsOn"]?.sequence?.compactMap { $0.scalar?.string } ?? []
                        activities.append(Activity(uuid: uuid, name: name, dimension: dimension, subDimension: subDimension, level: level,
                                                   description: description, assessment: fields["assessment"]?.scalar?.string, dependsOn: dependsOn))
                    }
                }
            }
        }
        guard !activities.isEmpty else {
            throw LoadError(description: "\(file): no DSOMM activities (dimension → sub-dimension → activity with uuid and level). \(whereToGetIt)")
        }
        return DSOMMModel(version: version, activities: activities)
    }
}
